"""The files in records/ are the record; SHA256SUMS only lists them (§15, §24).

Whatever happens to the list (deleted, emptied, one line lost in a merge,
garbage written over it, a line for a file that is gone), a run that would
seal or copy a sealed protocol refuses with exit 1 and says how to make the
list whole, no sealed byte changes, and `verify` names what is wrong; `verify
--rebuild` lists again only the files whose fingerprint matches the inputs.
"""

from __future__ import annotations

import hashlib

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.records import store as records

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}
SUMS = "records/SHA256SUMS"


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def sealed_files(project) -> dict[str, bytes]:
    """Every file in records/ but the list itself: the record."""
    folder = project.root / "records"
    return {path.relative_to(project.root).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.name != "SHA256SUMS"}


def edit_time(project, meeting_id: str = "2026-01", time: str = "09:30") -> None:
    path = project.inputs / "meetings" / f"{meeting_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["time"] = time
    project.write(f"meetings/{meeting_id}.yaml", data)


@pytest.fixture
def sealed(project):
    """Two sealed meetings (2026-01, 2026-02) and their original list."""
    project.meeting(protocol=SIGNED)
    project.meeting("2026-02", number=2, date="2026-03-19", documents_sent="2026-03-15",
                    protocol={"drawn_up": "2026-03-19", "signed_by": "akim", "signed": True})
    result = run(project, "protocol")
    assert result.exit_code == 0, result.output
    assert len(sealed_files(project)) == 6
    return project


def _lines(project) -> list[str]:
    return (project.root / SUMS).read_text(encoding="utf-8").splitlines(keepends=True)


def deleted(project):
    (project.root / SUMS).unlink()


def emptied(project):
    (project.root / SUMS).write_bytes(b"")


def one_line_removed(project):
    (project.root / SUMS).write_text("".join(line for line in _lines(project)
                                             if "2026-01/protocol.kk.docx" not in line), encoding="utf-8")


def meetings_lines_removed(project):
    (project.root / SUMS).write_text("".join(line for line in _lines(project) if "2026-01/" not in line),
                                     encoding="utf-8")


def fingerprint_line_removed(project):
    (project.root / SUMS).write_text("".join(line for line in _lines(project)
                                             if "2026-01/fingerprint.json" not in line), encoding="utf-8")


def garbage_text(project):
    (project.root / SUMS).write_text("<<<<<<< HEAD\n" + "".join(_lines(project)[:2]) + "=======\nnot a line\n",
                                     encoding="utf-8")


def garbage_bytes(project):
    (project.root / SUMS).write_bytes(bytes(range(256)) * 3)


def line_for_a_file_gone(project):
    (project.root / "records/meetings/2026-01/protocol.ru.docx").unlink()


# the case, what verify says (a part of its words), whether `verify --rebuild` makes the list whole again
CASES = [
    (deleted, "this list of the sealed files is missing, but records/ holds 6 file(s)", True),
    (emptied, "this file is in records/ but records/SHA256SUMS does not list it", True),
    (one_line_removed, "protocol.kk.docx: this file is in records/ but records/SHA256SUMS does not list it", True),
    (meetings_lines_removed, "fingerprint.json: this file is in records/ but records/SHA256SUMS does not list it",
     True),
    (fingerprint_line_removed, "fingerprint.json: this file is in records/ but", True),
    (garbage_text, "SHA256SUMS:1: this line of records/SHA256SUMS is not '<SHA-256>  <file>'", True),
    (garbage_bytes, "SHA256SUMS:1: this line of records/SHA256SUMS is not '<SHA-256>  <file>'", True),
    (line_for_a_file_gone, "protocol.ru.docx: this sealed file is missing", False),
]


@pytest.mark.parametrize("damage, said, rebuilt", CASES, ids=[case[0].__name__ for case in CASES])
@pytest.mark.parametrize("command", ["protocol", pytest.param("all", marks=pytest.mark.stress)])
def test_a_damaged_list_never_lets_a_sealed_protocol_be_rewritten_s15_s24(sealed, damage, said, rebuilt, command):
    before = sealed_files(sealed)
    damage(sealed)
    damaged_list = (sealed.root / SUMS).read_bytes() if (sealed.root / SUMS).exists() else None
    edit_time(sealed)                                  # the edit a lost line would have let through
    result = run(sealed, command)
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output.lower()
    if damage is not line_for_a_file_gone:
        assert "shtab verify --rebuild" in result.stderr
    after = sealed_files(sealed)
    assert {k: v for k, v in after.items() if k in before} == {k: v for k, v in before.items() if k in after}
    assert set(after) <= set(before)                   # nothing sealed beside the old record either
    now = (sealed.root / SUMS).read_bytes() if (sealed.root / SUMS).exists() else None
    assert now == damaged_list                         # nor the list rewritten
    verified = run(sealed, "verify")
    assert verified.exit_code == 1 and said in verified.stderr, verified.output


@pytest.mark.parametrize("damage, said, rebuilt", CASES, ids=[case[0].__name__ for case in CASES])
def test_verify_rebuild_lists_again_the_files_whose_fingerprint_matches_s15(sealed, damage, said, rebuilt):
    original = (sealed.root / SUMS).read_bytes()
    before = sealed_files(sealed)
    damage(sealed)
    result = run(sealed, "verify", "--rebuild")
    assert "internal error" not in result.output.lower()
    assert sealed_files(sealed) == {k: v for k, v in before.items() if k in sealed_files(sealed)}
    if rebuilt:
        assert result.exit_code == 0, result.output
        assert (sealed.root / SUMS).read_bytes() == original
        assert run(sealed, "protocol").exit_code == 0
        assert sealed_files(sealed) == before
    else:                                               # a file gone: its line stays, verify still names it
        assert result.exit_code == 1 and said in result.stderr
        assert (sealed.root / SUMS).read_bytes() == original


def test_verify_rebuild_does_not_list_a_meeting_whose_inputs_changed_s15(sealed):
    original = _lines(sealed)
    meetings_lines_removed(sealed)
    edit_time(sealed)
    result = run(sealed, "verify", "--rebuild")
    assert result.exit_code == 1
    for name in ("fingerprint.json", "protocol.kk.docx", "protocol.ru.docx"):
        assert (f"2026-01/{name}: not listed again in records/SHA256SUMS: its fingerprint "
                "(records/meetings/2026-01/fingerprint.json) does not match the inputs now") in result.stderr
    assert "'time' was changed" in result.stderr
    assert _lines(sealed) == [line for line in original if "2026-01/" not in line]   # the rest kept as they were
    assert run(sealed, "protocol").exit_code == 1      # still refused, until the edit is undone
    edit_time(sealed, time="10:00")
    assert run(sealed, "verify", "--rebuild").exit_code == 0
    assert _lines(sealed) == original


def test_verify_rebuild_names_a_file_the_program_does_not_seal(sealed):
    stray = sealed.root / "records/meetings/2026-01/notes.txt"
    stray.write_text("a note", encoding="utf-8")
    result = run(sealed, "verify", "--rebuild")
    assert result.exit_code == 1
    assert f"{stray}: not listed again in records/SHA256SUMS: the program seals no file of this name" in result.stderr
    assert "notes.txt" not in (sealed.root / SUMS).read_text(encoding="utf-8")


def test_a_version_without_its_fingerprint_is_not_listed_again(sealed):
    (sealed.root / "records/meetings/2026-02/fingerprint.json").unlink()
    (sealed.root / SUMS).write_text("".join(line for line in _lines(sealed) if "2026-02/" not in line),
                                    encoding="utf-8")
    result = run(sealed, "verify", "--rebuild")
    assert result.exit_code == 1
    assert "2026-02/protocol.kk.docx: not listed again in records/SHA256SUMS: its version has no fingerprint" \
        in result.stderr


def test_sealing_never_writes_over_a_file_that_exists_whatever_the_list_says(sealed):
    """The last guard, below the run's plan: Store.seal itself."""
    store = records.Store.open(sealed.root)
    path = sealed.root / "records/meetings/2026-01/protocol.kk.docx"
    data = path.read_bytes()
    store.sums.pop("records/meetings/2026-01/protocol.kk.docx")
    with pytest.raises(records.NotSealed, match="a sealed file is never replaced"):
        store.seal({"records/meetings/2026-01/protocol.kk.docx": b"other"})
    assert path.read_bytes() == data


def test_sealing_waits_while_the_list_is_not_whole(sealed):
    meetings_lines_removed(sealed)
    store = records.Store.open(sealed.root)
    with pytest.raises(records.NotSealed, match="is not the list of the files"):
        store.seal({"records/meetings/2026-03/protocol.kk.docx": b"new"})
    assert not (sealed.root / "records/meetings/2026-03").exists()


def test_an_unreadable_list_is_a_finding_not_an_internal_error(sealed):
    """A folder where the list should be: reading it fails with an OSError, as no permission would."""
    path = sealed.root / SUMS
    path.unlink()
    path.mkdir()
    before = sealed_files(sealed)
    result = run(sealed, "protocol")
    assert result.exit_code == 1 and "this list of the sealed files cannot be read" in result.stderr
    verified = run(sealed, "verify")
    assert verified.exit_code == 1 and "cannot be read (it is a folder, not a file)" in verified.stderr
    assert sealed_files(sealed) == before


def test_a_first_sealing_killed_before_its_list_is_still_undone(project):
    """With no list yet, the journal's files are removed only when they are all records/ holds."""
    project.meeting(protocol=SIGNED)
    folder = project.root / "records" / "meetings" / "2026-01"
    folder.mkdir(parents=True)
    (folder / "protocol.kk.docx").write_bytes(b"half")
    journal = ["records/meetings/2026-01/protocol.kk.docx", "records/meetings/2026-01/protocol.ru.docx"]
    (project.root / "records" / records.JOURNAL).write_text(__import__("json").dumps(journal))
    assert records.Store.open(project.root).recover() == ["records/meetings/2026-01/protocol.kk.docx"]
    assert run(project, "protocol").exit_code == 0


def test_without_a_list_the_journal_removes_nothing_sealed_before(sealed):
    """A stale journal naming sealed files while the list is missing: nothing is removed."""
    (sealed.root / SUMS).unlink()
    journal = ["records/meetings/2026-01/protocol.kk.docx"]
    (sealed.root / "records" / records.JOURNAL).write_text(__import__("json").dumps(journal))
    before = sealed_files(sealed)
    assert records.Store.open(sealed.root).recover() == []
    assert sealed_files(sealed) == before


@pytest.mark.parametrize("listed, expected", [
    ("records/meetings/2026-01/protocol.kk.docx", ("2026-01", 1, "docx", "kk")),
    ("records/meetings/2026-01/protocol.ru.2.pdf", ("2026-01", 2, "pdf", "ru")),
    ("records/meetings/2026-01/fingerprint.12.json", ("2026-01", 12, "fingerprint", None)),
    ("records/meetings/2026-01/protocol.kk.pdf.cms", ("2026-01", 1, "signature", "kk")),
    ("records/meetings/2026-01/protocol.ru.3.pdf.2.cms.json", ("2026-01", 3, "signature-check", "ru")),
    ("records/meetings/2026-01/protocol.kk.1.docx", None),        # version 1 has no number
    ("records/meetings/2026-01/protocol.kk.0.docx", None),
    ("records/meetings/2026-01/notes.txt", None),
    ("records/other/protocol.kk.docx", None),
])
def test_a_record_is_known_by_its_name(listed, expected):
    record = records.record_file(listed)
    assert (None if record is None else (record.meeting, record.version, record.kind, record.lang)) == expected


def test_the_list_is_still_what_sha256sum_reads(sealed):
    for line in _lines(sealed):
        digest, listed = line.rstrip("\n").split("  ")
        assert hashlib.sha256((sealed.root / listed).read_bytes()).hexdigest() == digest


def test_verify_rebuild_lists_a_signature_with_its_version_s15(sealed):
    """Another kind of record (the head's ЭЦП beside a sealed PDF) is listed again with its version."""
    store = records.Store.open(sealed.root)
    added = {"records/meetings/2026-01/protocol.kk.pdf.cms": b"0\x82 signature",
             "records/meetings/2026-01/protocol.kk.pdf.cms.json": b'{"status": "valid"}\n'}
    store.seal(added)
    original = (sealed.root / SUMS).read_text(encoding="utf-8")
    (sealed.root / SUMS).write_text("".join(line for line in original.splitlines(keepends=True)
                                            if ".cms" not in line), encoding="utf-8")
    result = run(sealed, "verify", "--rebuild")
    assert result.exit_code == 0, result.output
    assert (sealed.root / SUMS).read_text(encoding="utf-8") == original
