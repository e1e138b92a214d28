"""Meeting findings through the loader and the rules: place (file:line) and paragraph (§N)."""

from __future__ import annotations

import pytest

from pipeline.stages import check_project, prepare
from tests.support.inputs import RUN_DATE, VOTING


def findings_of(project, **changes):
    project.meeting(**changes)
    return [str(f) for f in check_project(prepare(project.inputs, RUN_DATE))]


def rules_of(project, **changes):
    project.meeting(**changes)
    return sorted({f.rule for f in check_project(prepare(project.inputs, RUN_DATE)) if f.is_error})


def test_valid_meeting_has_no_findings(project):
    assert findings_of(project) == []


@pytest.mark.parametrize("changes,rule", [
    ({"present": VOTING[:10]}, "§20"),                                              # 10 of 16
    ({"present": VOTING[:12] + ["nobody"]}, "§8"),                                  # unknown member id
    ({"kind": "extraordinary", "initiated_by": VOTING[1:9]}, "§12"),                # 8 × 2 = 16, not more than half
    ({"chair": "deputy_akim"}, "§25.1"),                                            # the head is present and chairs
    ({"present": VOTING[1:13], "chair": "prosecutor", "agenda_approved": {"by": "deputy_akim", "date": "2026-03-05"},
      "protocol": {"signed_by": "prosecutor"}}, "§25.3"),
    ({"protocol": {"drawn_up": "2026-03-13", "signed_by": "police"}}, "§15"),
    ({"agenda_approved": {"by": "knb", "date": "2026-03-05"}}, "§22"),
])
def test_each_refusal_is_cited(project, changes, rule):
    assert rule in rules_of(project, **changes)


def test_extraordinary_meeting_by_more_than_half_is_valid_s12(project):
    assert rules_of(project, kind="extraordinary", initiated_by=VOTING[1:10]) == []   # 9 × 2 > 16


def test_extraordinary_meeting_called_by_the_head_s12(project):
    assert rules_of(project, kind="extraordinary", initiated_by=["akim"]) == []


def test_deputy_chairs_when_the_head_is_absent_s25_3(project):
    assert rules_of(project, present=VOTING[1:13], chair="deputy_akim",
                    agenda_approved={"by": "deputy_akim", "date": "2026-03-05"},
                    protocol={"drawn_up": "2026-03-12", "signed_by": "deputy_akim"}) == []


def test_dissent_by_an_absent_member_is_refused_s14(project):
    items = [dict(__import__("tests.support.inputs", fromlist=["BASE_MEETING"]).BASE_MEETING["items"][0],
                  dissent=[{"member": "mental_health", "date": "2026-03-12", "text": {"kk": "Қарсымын.", "ru": "Против."}}])]
    assert "§14" in rules_of(project, items=items)


@pytest.mark.parametrize("changes,rule,expected", [
    ({"documents_sent": "2026-03-09"}, "§26.4", True),     # 3 days before: on time
    ({"documents_sent": "2026-03-10"}, "§26.4", False) ,
    ({"protocol": {"drawn_up": "2026-03-13"}}, "§23", True),
    ({"protocol": {"drawn_up": "2026-03-14"}}, "§23", False),
])
def test_deadlines_are_warnings_with_their_boundary(project, changes, rule, expected):
    found = findings_of(project, **changes)
    assert (not any(rule in f for f in found)) is expected
    assert all("warning" in f for f in found)


@pytest.mark.parametrize("submitted,urgent,warned", [
    ("2026-03-07", False, False),   # five days before
    ("2026-03-08", False, True),
    ("2026-03-12", True, False),    # urgent: on the day
])
def test_materials_five_days_before_unless_urgent_s22(project, submitted, urgent, warned):
    from tests.support.inputs import BASE_MEETING
    item = dict(BASE_MEETING["items"][0], materials=[{"from": "Полиция", "submitted": submitted}])
    found = findings_of(project, items=[item], urgent=urgent)
    assert any("§22" in f for f in found) is warned


def test_finding_carries_file_and_line(project):
    path = project.meeting(present=VOTING[:10])
    line = path.read_text(encoding="utf-8").splitlines().index("present:") + 1
    found = [str(f) for f in check_project(prepare(project.inputs, RUN_DATE))]
    assert found == [f"{path}:{line}: no quorum: 10 of 16 members present, at least 11 needed (§20)"]


@pytest.mark.parametrize("edit,message", [
    (lambda s: s.replace("id: knb", "id: prosecutor"), "member id 'prosecutor' is used twice: give each member an id of its own (§8)"),
    (lambda s: s.replace("role: deputy_head", "role: head", 1), "the roster names 2 heads"),
    (lambda s: s.replace("role: head", "role: member", 1), "the roster names 0 heads"),
])
def test_roster_has_one_head_and_unique_ids_s8(project, edit, message):
    path = project.inputs / "body.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    found = [str(f) for f in check_project(prepare(project.inputs, RUN_DATE))]
    assert any(message in f for f in found), found


def test_deputy_approving_when_the_head_chairs_is_only_a_warning_s22(project):
    found = check_project(prepare(project.inputs, RUN_DATE)) if project.meeting(
        agenda_approved={"by": "deputy_akim", "date": "2026-03-05"}) else []
    assert [(f.rule, f.is_error) for f in found] == [("§22", False)]
