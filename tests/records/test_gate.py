"""The gate before sealing (§23 Reading): a signed protocol that contradicts itself is refused, --force or not.

One table per paragraph (records/gate.py), then the run itself: exit 1 with
the list of what to fix, nothing sealed, the earlier outputs as they were.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

import pipeline.stages as stages
from pipeline.cli.main import cli
from pipeline.records import gate
from pipeline.rules.meeting_dates import deadlines_before_the_meeting
from tests.support.inputs import VOTING

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}
DECISION = {"kk": "Ақпарат назарға алынсын.", "ru": "Информацию принять к сведению."}


def loaded(project, **changes):
    project.meeting(protocol=SIGNED, **changes)
    assessment = stages.prepare(project.inputs, dt.date(2026, 3, 20))
    return assessment.meetings["2026-01"].meeting, assessment.project.body


def item(**changes) -> dict:
    base = {"plan": "2026-H1/1", "speakers": ["police"], "heard": DECISION, "decisions": [{"text": DECISION}],
            "vote": "unanimous"}
    base.update(changes)
    return base


ABSENT_BUT_LAST = [{"member": m} for m in VOTING[12:-1]]     # hospital..: mental_health listed nowhere

ATTENDANCE = [
    # (case, meeting changes, the members the findings name)
    ("every member listed, every actor present", {}, []),
    ("a member in neither list", {"absent": ABSENT_BUT_LAST}, ["mental_health"]),
    ("an absent speaker without a stand-in", {"items": [item(speakers=["hospital"])]}, ["hospital"]),
    ("an absent speaker with a stand-in", {"items": [item(speakers=["hospital"])],
                                           "stand_ins": [{"for": "hospital", "name": "Д. Ахметова"}]}, []),
    ("an absent member votes against", {"items": [item(vote={"against": ["hospital"]})]}, ["hospital"]),
    ("an absent member votes for one decision",
     {"items": [item(decisions=[{"text": DECISION, "vote": {"for": VOTING[:9] + ["college"]}}])]}, ["college"]),
    ("a present member states a dissent",
     {"items": [item(vote={"against": ["police"]},
                     dissent=[{"member": "knb", "date": "2026-03-12", "text": DECISION}])]}, []),
    ("an absent member's dissent", {"items": [item(dissent=[{"member": "hospital", "date": "2026-03-12",
                                                             "text": DECISION}])]}, ["hospital"]),
]


@pytest.mark.parametrize("case,changes,named", ATTENDANCE, ids=[c[0] for c in ATTENDANCE])
def test_attendance_contradictions_s20(project, case, changes, named):
    meeting, body = loaded(project, **changes)
    findings = gate.attendance_contradictions(meeting, body)
    assert [dict(f.message.values)["member"] for f in findings] == named
    assert all(f.is_error and f.rule in ("§20", "§14") for f in findings)


def unnamed(body_text: str, member_id: str) -> str:
    """body.yaml with the name of one member taken out."""
    data = yaml.safe_load(body_text)
    for member in data["members"]:
        if member["id"] == member_id:
            member.pop("name", None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


NAMES = [
    # (case, member without a name, meeting changes, the roles the findings name)
    ("everyone named", None, {}, []),
    ("an unnamed member who only attends", "knb", {}, []),
    ("the head chairs and signs without a name", "akim", {}, ["chairs the meeting", "signs the protocol",
                                                                "approved the agenda"]),
    ("the deputy chairs in the head's absence without a name", "deputy_akim",
     {"present": VOTING[1:13] + ["secretary"], "absent": [{"member": m} for m in [VOTING[0]] + VOTING[13:]],
      "chair": "deputy_akim", "agenda_approved": {"by": "deputy_akim", "date": "2026-03-05"},
      "protocol": {**SIGNED, "signed_by": "deputy_akim"}},
     ["chairs the meeting", "signs the protocol", "approved the agenda"]),
    ("the secretary without a name", "secretary", {}, ["signs the protocol as the secretary"]),
]


@pytest.mark.parametrize("case,member,changes,roles", NAMES, ids=[c[0] for c in NAMES])
def test_signatories_have_names_s15(project, case, member, changes, roles):
    if member:
        body = project.inputs / "body.yaml"
        body.write_text(unnamed(body.read_text(encoding="utf-8"), member), encoding="utf-8")
    protocol = changes.pop("protocol", SIGNED)
    project.meeting(protocol=protocol, **changes)
    assessment = stages.prepare(project.inputs, dt.date(2026, 3, 20))
    findings = gate.unnamed_signatories(assessment.meetings["2026-01"].meeting, assessment.project.body)
    assert [dict(f.message.values)["what"].key for f in findings] == roles
    assert all(dict(f.message.values)["member"] == member and f.rule == "§15" for f in findings)


PLACEHOLDERS = [
    ("filled", "time: \"10:00\"\n", []),
    ("a mark in a value", "place: {kk: x, ru: y}\ntime: \"<<время, например 10:00>>\"\n", [2]),
    ("a mark in a comment only", "# <<date, YYYY-MM-DD>> was filled\ndate: 2026-03-12\n", []),
    ("angle quotes are no mark", "title: «О мерах» <не метка>\n", []),
    ("two marks on two lines", "a: <<x>>\nb: ok\nc: \"<<y>>\"\n", [1, 3]),
]


@pytest.mark.parametrize("case,text,lines", PLACEHOLDERS, ids=[c[0] for c in PLACEHOLDERS])
def test_unfilled_placeholders_s23(case, text, lines):
    findings = gate.unfilled_placeholders([("inputs/meetings/2026-01.yaml", text)])
    assert [f.loc.line for f in findings] == lines
    assert all(f.rule == "§23" and f.loc.file == "inputs/meetings/2026-01.yaml" for f in findings)


DEADLINES = [
    ("the day before the meeting", "2026-03-11", ["1.1"]),
    ("the meeting's own day", "2026-03-12", []),
    ("the day after", "2026-03-13", []),
    ("a text deadline", {"kk": "тоқсан сайын", "ru": "ежеквартально"}, []),
]


@pytest.mark.parametrize("case,due,named", DEADLINES, ids=[c[0] for c in DEADLINES])
def test_deadlines_before_the_meeting_s24(project, case, due, named):
    meeting, _body = loaded(project, items=[item(decisions=[{"text": DECISION, "due": due}])])
    findings = deadlines_before_the_meeting(meeting)    # the rule check runs, which the gate runs too
    assert [dict(f.message.values)["decision"] for f in findings] == named


# ---------------------------------------------------------------- the run


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def test_a_contradicting_signed_protocol_is_refused_nothing_sealed_outputs_stay_s23(project):
    project.meeting(protocol=SIGNED, absent=ABSENT_BUT_LAST)
    earlier = project.outputs / "meetings" / "2026-01" / "agenda.ru.docx"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"earlier")
    result = run(project, "all")
    assert result.exit_code == 1
    assert "'mental_health' is listed neither under present nor under absent" in result.output
    assert "(§23)" in result.output
    assert not (project.root / "records").exists() or not any((project.root / "records").rglob("*.docx"))
    assert earlier.read_bytes() == b"earlier"
    assert not (project.outputs / "meetings" / "2026-01" / "protocol.ru.docx").exists()


def test_force_does_not_open_the_gate_s23(project):
    project.meeting(protocol=SIGNED)
    assert run(project, "protocol").exit_code == 0
    project.meeting(protocol=SIGNED, items=[item(decisions=[{"text": DECISION, "due": "2026-03-01"}])])
    result = run(project, "--force", "protocol")
    assert result.exit_code == 1
    assert "the deadline 2026-03-01 of decision" in result.output and "before the meeting itself" in result.output
    folder = project.root / "records" / "meetings" / "2026-01"
    assert sorted(p.name for p in folder.iterdir()) == ["fingerprint.json", "protocol.kk.docx", "protocol.ru.docx"]


def test_an_unsigned_protocol_with_the_same_gaps_is_written_s23(project):
    project.meeting(absent=ABSENT_BUT_LAST)
    result = run(project, "protocol")
    assert result.exit_code == 0, result.output
