"""The secretary's files stay hers: a save with no edit gives the same bytes; an edit changes only its lines."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from pipeline.editing.scaffold import Words, meeting_scaffold
from pipeline.stages import load_project
from pipeline.web import yamledit
from pipeline.web.forms_base import Form
from pipeline.web.forms_meeting import Roster, apply_meeting, attendance_of, ballots_of
from tests.support.web import SAMPLE

SAMPLES = sorted(SAMPLE.rglob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLES, ids=[str(p.relative_to(SAMPLE)) for p in SAMPLES])
def test_every_sample_input_saves_to_the_same_bytes(path: Path, tmp_path: Path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    document = yamledit.load(copy)
    assert document.text().encode("utf-8") == path.read_bytes()
    assert yamledit.save(document) is False          # nothing to write
    assert copy.read_bytes() == path.read_bytes()


def test_a_new_meeting_scaffold_round_trips(tmp_path: Path):
    """New meetings start from new-meeting's scaffold: the form must keep its comments and placeholders."""
    text = meeting_scaffold(load_project(SAMPLE), dt.date(2026, 12, 10), tmp_path / "2026-06.yaml", Words("en"))
    assert yamledit.parse(text).text() == text


def _diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _meeting_form(document: yamledit.Document, members: list[str]) -> list[tuple[str, str]]:
    """What the browser sends for the attendance of an unchanged form."""
    attendance = attendance_of(document.tree)
    fields = [("attendance.shown", "1")]
    fields += [(f"att.{m}", attendance.get(m, "absent")) for m in members]
    return fields


ROSTER = ["akim", "deputy_akim", "police", "prosecutor", "knb", "apparatus", "sport", "employment", "culture",
          "internal_policy", "economy", "youth", "education", "college", "hospital", "mental_health", "secretary"]


def test_a_typical_edit_changes_exactly_its_lines(tmp_path: Path):
    """Mark a present member absent with a reason, change the time: the diff is exactly those lines."""
    path = tmp_path / "2026-03.yaml"
    original = (SAMPLE / "meetings" / "2026-03.yaml").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    document = yamledit.load(path)
    fields = dict(_meeting_form(document, ROSTER))
    fields["att.youth"] = "absent"
    fields["absent.youth.reason.kk"] = "ауырып қалды"
    fields["absent.youth.reason.ru"] = "болен"
    fields["time"] = "11:00"
    apply_meeting(document.tree, Form(fields.items()), Roster(ROSTER, ROSTER[:-1]))
    assert yamledit.save(document) is True
    assert _diff(original, path.read_text(encoding="utf-8")) == [
        '-time: "10:00"',
        '+time: "11:00"',
        "-  - youth",
        "+  - member: youth",
        "+    reason:",
        "+      kk: ауырып қалды",
        "+      ru: болен",
    ]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_a_save_keeps_the_files_permissions(tmp_path: Path, mode: int):
    """A save replaces the file whole (written beside it, renamed into place) and keeps who may read it:
    before, a save left mkstemp's 0600, hiding the secretary's file from the others sharing the folder."""
    path = tmp_path / "2026-03.yaml"
    path.write_text((SAMPLE / "meetings" / "2026-03.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(mode)
    document = yamledit.load(path)
    fields = dict(_meeting_form(document, ROSTER))
    fields["time"] = "11:00"
    apply_meeting(document.tree, Form(fields.items()), Roster(ROSTER, ROSTER[:-1]))
    assert yamledit.save(document) is True
    assert 'time: "11:00"' in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o777 == mode
    assert [p.name for p in tmp_path.iterdir()] == ["2026-03.yaml"]   # no temporary file left


def test_an_untouched_form_writes_nothing(tmp_path: Path):
    path = tmp_path / "2026-01.yaml"
    path.write_bytes((SAMPLE / "meetings" / "2026-01.yaml").read_bytes())
    document = yamledit.load(path)
    fields = _meeting_form(document, ROSTER) + [("time", str(document.tree["time"])), ("date", "2026-03-12"),
                                               ("place.kk", yamledit.text_value(document.tree["place"])["kk"]),
                                               ("place.ru", yamledit.text_value(document.tree["place"])["ru"]),
                                               ("items.0.vote", "counted")]
    voters = [m for m in document.tree["present"] if m != "secretary"]
    fields += [(f"items.0.ballot.{m}", b) for m, b in ballots_of(document.tree["items"][0]["vote"], voters).items()]
    apply_meeting(document.tree, Form(fields), Roster(ROSTER, ROSTER[:-1]))
    assert document.text() == path.read_text(encoding="utf-8")


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path):
    path = tmp_path / "2026-02.yaml"
    path.write_bytes((SAMPLE / "meetings" / "2026-02.yaml").read_bytes())
    document = yamledit.load(path)
    opened = document.digest
    edited_elsewhere = path.read_text(encoding="utf-8").replace("number: 2", "number: 22")
    path.write_text(edited_elsewhere, encoding="utf-8")
    yamledit.set_time(document.tree, "time", "12:00")
    with pytest.raises(yamledit.ChangedOnDisk) as refused:
        yamledit.save(document, opened)
    assert refused.value.on_disk == edited_elsewhere
    assert '"12:00"' in refused.value.ours and "number: 2\n" in refused.value.ours
    assert path.read_text(encoding="utf-8") == edited_elsewhere


def test_dates_are_written_as_dates_and_new_keys_in_model_order(tmp_path: Path):
    text = "number: 4\ndate: 2026-09-10\nplace: зал\npresent: [akim]\nprotocol:\n  signed_by: akim\n"
    document = yamledit.parse(text)
    fields = [("documents_sent", "2026-09-05"), ("protocol.drawn_up", "2026-09-11"), ("protocol.signed_by", "akim"),
              ("protocol.signed.shown", "1")]
    apply_meeting(document.tree, Form(fields), Roster(["akim"], ["akim"]))
    assert document.text() == ("number: 4\ndate: 2026-09-10\nplace: зал\ndocuments_sent: 2026-09-05\n"
                               "present: [akim]\nprotocol:\n  drawn_up: 2026-09-11\n  signed_by: akim\n")


def test_an_edit_of_one_load_leaves_the_next_load_as_the_file_is(tmp_path: Path):
    """Each load is its own tree (unpickled from one parse): an edit never leaks into another form."""
    path = tmp_path / "2026-05.yaml"
    path.write_bytes((SAMPLE / "meetings" / "2026-05.yaml").read_bytes())
    first = yamledit.load(path)
    yamledit.set_time(first.tree, "time", "18:00")
    second = yamledit.load(path)
    assert second.tree["time"] == "10:00" and second.text().encode("utf-8") == path.read_bytes()


def test_a_scaffold_loaded_twice_still_writes_itself(tmp_path: Path):
    """The scaffold's comment before the first question stays in place, load after load."""
    path = tmp_path / "2026-06.yaml"
    path.write_text(meeting_scaffold(load_project(SAMPLE), dt.date(2026, 12, 10), path, Words("en")), encoding="utf-8")
    for _ in range(3):
        assert yamledit.load(path).text().encode("utf-8") == path.read_bytes()
