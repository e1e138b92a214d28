"""Hostile input files get a clear finding at file:line within seconds, in `check` and in the workspace.

A «billion laughs» alias bomb, 10,000 nested brackets, a 6 MB file, a link to
/dev/zero: each is refused before anything expands, recurses or reads it whole
(pipeline/load/source.py, fastyaml.refuse_shape), and the workspace's check
lock is free again at once.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.load import fastyaml
from pipeline.load.source import MAX_BYTES, read_yaml
from tests.support.web import client, workspace

LIMIT_SECONDS = 2.0


def bomb() -> str:
    """Nine lols, nine times nine, ... : 9⁹ values through aliases, in 10 lines."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, 10):
        previous, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def deep_flow() -> str:
    return "date: 2026-05-14\nnested: " + "[" * 10_000 + "]" * 10_000 + "\n"


def deep_block() -> str:
    return "date: 2026-05-14\nnested:\n" + "".join(" " * level + "- \n" for level in range(1, 200)) + "\n"


def deep_mapping() -> str:
    return "date: 2026-05-14\nnested:\n" + "".join(" " * level + "k:\n" for level in range(1, 200)) + " " * 200 + "x\n"


def large() -> str:
    return "date: 2026-05-14\nnote: |\n" + ("  " + "ы" * 60 + "\n") * (6 * 1024 * 1024 // 120)


# how to make the file, its line named, a part of the message
HOSTILE = [
    ("bomb", lambda path: path.write_text(bomb(), encoding="utf-8"), 5, "the aliases (*name) of this file repeat"),
    ("deep_flow", lambda path: path.write_text(deep_flow(), encoding="utf-8"), 2, "nested more than 50 levels"),
    ("deep_block", lambda path: path.write_text(deep_block(), encoding="utf-8"), 52, "nested more than 50 levels"),
    ("deep_mapping", lambda path: path.write_text(deep_mapping(), encoding="utf-8"), 52, "nested more than 50"),
    ("six_megabytes", lambda path: path.write_text(large(), encoding="utf-8"), 1, "and an input file is at most 5 MB"),
    ("dev_zero", lambda path: path.symlink_to("/dev/zero"), 1, "this is not a text file but a device"),
    ("a_folder", lambda path: path.mkdir(), 1, "this is not a text file but a device, a folder"),
]
IDS = [case[0] for case in HOSTILE]


def _make(path: Path, make) -> None:
    if path.exists() or path.is_symlink():
        path.unlink()
    if make is HOSTILE[5][1] and not Path("/dev/zero").exists():
        pytest.skip("this system has no /dev/zero")
    make(path)


@pytest.mark.parametrize("name, make, line, said", HOSTILE, ids=IDS)
def test_read_yaml_refuses_at_file_and_line_quickly(tmp_path, name, make, line, said):
    path = tmp_path / "2026-05.yaml"
    _make(path, make)
    started = time.monotonic()
    tree, findings = read_yaml(path)
    assert time.monotonic() - started < LIMIT_SECONDS
    assert tree is None and len(findings) == 1
    assert findings[0].loc.line == line and said in str(findings[0]), str(findings[0])


@pytest.mark.parametrize("name, make, line, said", HOSTILE, ids=IDS)
@pytest.mark.parametrize("file", ["meetings/2026-05.yaml", pytest.param("body.yaml", marks=pytest.mark.stress)])
def test_check_answers_with_file_and_line_in_seconds(tmp_path, name, make, line, said, file):
    ws = workspace(tmp_path)
    _make(ws.inputs / file, make)
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--inputs", str(ws.inputs), "check"])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert f"{file}:{line}: " in result.output and said in result.output, result.output[-2000:]
    assert "internal error" not in result.output.lower()
    assert elapsed < LIMIT_SECONDS * 3   # the whole check of the sample year, the bomb refused within it


@pytest.mark.parametrize("name, make, line, said", HOSTILE, ids=IDS)
def test_the_workspace_shows_the_finding_and_its_check_lock_is_free_again(tmp_path, name, make, line, said):
    from pipeline.web import checks
    ws = workspace(tmp_path)
    _make(ws.inputs / "meetings" / "2026-05.yaml", make)
    browser = client(ws)
    started = time.monotonic()
    answer = browser.get("/meetings/2026-05")
    assert time.monotonic() - started < LIMIT_SECONDS * 3
    assert answer.status_code == 422 and f"2026-05.yaml:{line}</code>" in answer.text     # in her language (kk)
    assert set(said.split()) - set(answer.text.split())                                # not the English words
    assert not checks._LOCK.locked()
    assert browser.get("/meetings").status_code == 200            # and every other page answers
    (ws.inputs / "meetings" / "2026-05.yaml").unlink() if not (ws.inputs / "meetings" / "2026-05.yaml").is_dir() \
        else (ws.inputs / "meetings" / "2026-05.yaml").rmdir()
    assert browser.get("/").status_code == 200


def test_the_live_check_of_another_meeting_copies_no_device(tmp_path):
    """The live check copies inputs/ aside: a link to /dev/zero beside the edited file is linked, not read."""
    if not Path("/dev/zero").exists():
        pytest.skip("this system has no /dev/zero")
    from pipeline.web.checks import check_with
    from tests.support.inputs import RUN_DATE
    ws = workspace(tmp_path)
    (ws.inputs / "meetings" / "2026-05.yaml").unlink()
    (ws.inputs / "meetings" / "2026-05.yaml").symlink_to("/dev/zero")
    edited = ws.inputs / "meetings" / "2026-01.yaml"
    started = time.monotonic()
    checked = check_with(ws.inputs, edited, edited.read_text(encoding="utf-8"), RUN_DATE)
    assert time.monotonic() - started < LIMIT_SECONDS * 3
    assert any("2026-05.yaml:1: this is not a text file" in str(f) for f in checked.findings)


@pytest.mark.parametrize("depth, refused", [(fastyaml.MAX_DEPTH - 1, False), (fastyaml.MAX_DEPTH, False),
                                            (fastyaml.MAX_DEPTH + 1, True)])
def test_the_depth_bound_in_both_readers(depth, refused):
    """Flow lists nested `depth` deep under one key (the key's mapping is one level more), libyaml and ruamel."""
    text = "[" * (depth - 1) + "x" + "]" * (depth - 1)
    for reader in (lambda t: fastyaml.load(f"a: {t}\n"), lambda t: fastyaml.refuse_shape(f"a: {t}\n")):
        if refused:
            with pytest.raises(fastyaml.Refused):
                reader(text)
        else:
            reader(text)


@pytest.mark.parametrize("copies, refused", [(fastyaml.MAX_REPEATED, False), (fastyaml.MAX_REPEATED + 1, True)])
def test_the_alias_bound(copies, refused):
    text = "a: &a x\nb: [" + ", ".join(["*a"] * copies) + "]\n"
    if refused:
        with pytest.raises(fastyaml.Refused) as caught:
            fastyaml.refuse_shape(text)
        assert caught.value.what == "aliases" and caught.value.line == 2
    else:
        fastyaml.refuse_shape(text)


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: x\n" + b"#" * (MAX_BYTES - 6) + b"\n")
    assert os.path.getsize(path) == MAX_BYTES
    tree, findings = read_yaml(path)
    assert tree == {"a": "x"} and findings == []
