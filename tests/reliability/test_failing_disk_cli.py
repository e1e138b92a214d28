"""The command line on a read-only or full disk: exit 1 with what failed in her words, nothing half-written.

Real failures where the machine permits (a read-only bind mount, a tmpfs of a few KB: tests/support/disks.py),
else skipped with the reason.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support import disks
from tests.support.docx_reading import snapshot

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def _plain(result) -> str:
    assert "internal error" not in result.output.lower(), result.output
    return result.output


def test_sealing_on_a_full_records_refuses_and_leaves_nothing_half_sealed_s15(project):
    project.meeting(protocol=SIGNED)
    (project.root / "records").mkdir()
    with disks.full(project.root / "records", fill=False) as how:
        result = run(project, "protocol")
        assert result.exit_code == 1
        said = _plain(result)
        assert "cannot seal the signed protocols" in said or "cannot write" in said, said
        assert not list(project.outputs.rglob("*.docx"))                 # nothing renamed into outputs/
    if how == "tmpfs":                                                    # the space back: the next run seals
        result = run(project, "protocol")
        assert result.exit_code == 0, result.output
        assert run(project, "verify").exit_code == 0


def test_a_run_on_a_read_only_outputs_refuses_and_keeps_every_document(project):
    project.meeting()
    assert run(project, "agenda").exit_code == 0
    before = snapshot(project.outputs)
    project.meeting(time="11:00")
    with disks.read_only(project.outputs):
        result = run(project, "agenda")
        assert result.exit_code == 1
        assert "cannot write the documents" in _plain(result) and "read-only" in result.output
    assert snapshot(project.outputs) == before


@pytest.mark.stress
def test_all_on_a_full_outputs_refuses_and_keeps_every_document(project):
    project.meeting()
    assert run(project, "agenda").exit_code == 0
    before = {path: data for path, (data, _mtime) in snapshot(project.outputs).items()}
    project.meeting(time="11:00")
    with disks.full(project.outputs) as how:
        result = run(project, "all")
        assert result.exit_code == 1
        said = _plain(result)
        assert "cannot write the documents" in said
        if how == "tmpfs":
            assert "the disk is full" in said
        after = {path: data for path, (data, _mtime) in snapshot(project.outputs).items() if path != ".filler"}
    assert after == before


def test_a_new_meeting_on_a_read_only_inputs_is_refused_in_words(project):
    project.meeting()
    with disks.read_only(project.inputs / "meetings"):
        result = run(project, "new-meeting", "--date", "2026-04-16")
    assert result.exit_code == 1, result.output
    assert "read-only" in _plain(result) or "permission" in result.output


def test_verify_rebuild_on_a_read_only_records_says_the_list_is_unchanged_s15(project):
    project.meeting(protocol=SIGNED)
    assert run(project, "protocol").exit_code == 0
    sums = project.root / "records" / "SHA256SUMS"
    lines = sums.read_text(encoding="utf-8").splitlines(keepends=True)
    sums.write_text("".join(lines[1:]), encoding="utf-8")
    with disks.read_only(project.root / "records"):
        result = run(project, "verify", "--rebuild")
    assert result.exit_code == 1
    assert "cannot write the list of the sealed files" in _plain(result) and "it is unchanged" in result.output
    assert sums.read_text(encoding="utf-8") == "".join(lines[1:])
