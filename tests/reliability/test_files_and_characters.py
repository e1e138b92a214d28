"""Documents readable by the folder's other users as the umask says; sealed records read-only; DEL and C1 refused."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


@pytest.fixture
def umask():
    def set_to(mask: int) -> None:
        os.umask(mask)
    previous = os.umask(0o022)
    yield set_to
    os.umask(previous)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_documents_get_the_mode_the_umask_gives(project, umask, mask, mode):
    umask(mask)
    project.meeting()
    assert run(project, "agenda").exit_code == 0
    written = list(project.outputs.rglob("*.docx"))
    assert written and {stat.S_IMODE(path.stat().st_mode) for path in written} == {mode}


def test_a_document_rewritten_keeps_the_mode_she_gave_it(project, umask):
    project.meeting()
    assert run(project, "agenda").exit_code == 0
    path = next(project.outputs.rglob("agenda.ru.docx"))
    path.chmod(0o640)
    project.meeting(time="11:00")
    assert run(project, "agenda").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_sealed_records_are_read_only_and_their_copies_are_not_s15(project, umask):
    project.meeting(protocol=SIGNED)
    assert run(project, "protocol").exit_code == 0
    sealed = [p for p in (project.root / "records" / "meetings").rglob("*") if p.is_file()]
    assert sealed and {stat.S_IMODE(p.stat().st_mode) for p in sealed} == {0o444}
    assert stat.S_IMODE((project.root / "records" / "SHA256SUMS").stat().st_mode) == 0o644
    copies = list(project.outputs.rglob("protocol.*.docx"))
    assert copies and {stat.S_IMODE(p.stat().st_mode) for p in copies} == {0o644}


@pytest.mark.parametrize("character", ["\x7f", "\x80", "\x85", "\x9f"])
@pytest.mark.parametrize("typed", ["escaped", "raw"])
def test_del_and_c1_controls_are_refused_at_their_line_with_the_code(project, character, typed):
    path = project.meeting(place="Акимат района")
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(index for index, line in enumerate(lines) if line.startswith("place:"))
    lines[row] = (f'place: "Акимат\\u{ord(character):04x} района"' if typed == "escaped"
                  else f"place: Акимат{character} района")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(project, "check")
    assert result.exit_code == 1, result.output
    code = f"U+{ord(character):04X}"
    assert f"2026-01.yaml:{row + 1}: " in result.output and code in result.output, result.output
