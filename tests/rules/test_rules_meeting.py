"""The regulation's meeting rules, each with a table of cases and its boundaries (docs/regulation/readings.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.load.models import Body, Member
from pipeline.rules.membership import total_membership
from pipeline.rules.votes import Outcome, Tally, count_votes, decide, quorum

# ---------------------------------------------------------------- §20 quorum


@pytest.mark.parametrize("present,total,reached", [
    (11, 16, True), (10, 16, False),   # N = 16 → 11 needed
    (10, 15, True), (9, 15, False),    # N = 15 → 10 needed
    (5, 7, True), (4, 7, False),       # N = 7 → 5 needed
    (2, 3, True), (1, 3, False),
    (16, 16, True), (0, 16, False),
])
def test_quorum_is_two_thirds_in_integer_arithmetic_s20(present, total, reached):
    assert quorum(present, total).reached is reached


@pytest.mark.parametrize("total,needed", [(16, 11), (15, 10), (7, 5), (3, 2), (17, 12), (18, 12)])
def test_quorum_needed_is_least_whole_two_thirds_s20(total, needed):
    assert quorum(0, total).needed == needed
    assert quorum(needed, total).reached and not quorum(needed - 1, total).reached


# ---------------------------------------------------------------- §13 outcome


def tally(votes_for, against=0, abstained=0, chair_for=False):
    """chair_for: True, the chair voted for; "against": the chair is among those against; False: neither."""
    ids_for = tuple((["akim"] if chair_for is True else []) + [f"m{i}" for i in range(votes_for - int(chair_for is True))])
    ids_against = tuple((["akim"] if chair_for == "against" else [])
                        + [f"a{i}" for i in range(against - int(chair_for == "against"))])
    return Tally(ids_for, ids_against, tuple(f"b{i}" for i in range(abstained)))


@pytest.mark.parametrize("votes_for,against,abstained,chair_for,total,expected", [
    (9, 0, 0, False, 16, Outcome.MAJORITY),        # 9 × 2 > 16
    (8, 0, 0, True, 16, Outcome.NOT_ADOPTED),      # 8 of 16 is not a majority of N, even with nobody against
    (8, 0, 8, True, 16, Outcome.NOT_ADOPTED),      # no tie of for and against
    (8, 8, 0, True, 16, Outcome.CASTING_VOTE),     # a tie decided by the chair
    (8, 8, 0, "against", 16, Outcome.TIE_CHAIR_AGAINST),   # a tie, the chair against: said as its own case
    (8, 8, 0, False, 16, Outcome.TIE_CHAIR_NOT_FOR),       # a tie, the chair abstained
    (1, 1, 12, "against", 16, Outcome.TIE_CHAIR_AGAINST),  # the smallest tie
    (7, 7, 0, True, 14, Outcome.CASTING_VOTE),
    (6, 6, 2, True, 16, Outcome.CASTING_VOTE),
    (11, 1, 0, False, 16, Outcome.MAJORITY),
    (8, 1, 0, True, 15, Outcome.MAJORITY),          # 8 × 2 > 15
    (7, 1, 0, True, 15, Outcome.NOT_ADOPTED),
    (0, 0, 0, False, 16, Outcome.NOT_ADOPTED),
])
def test_decision_outcome_follows_s13_in_order(votes_for, against, abstained, chair_for, total, expected):
    assert decide(tally(votes_for, against, abstained, chair_for), total, "akim") is expected


def test_outcome_adopted_only_in_the_first_two_cases_s13():
    assert Outcome.MAJORITY.adopted and Outcome.CASTING_VOTE.adopted and not Outcome.NOT_ADOPTED.adopted
    assert not Outcome.TIE_CHAIR_AGAINST.adopted and not Outcome.TIE_CHAIR_NOT_FOR.adopted


# ---------------------------------------------------------------- §13, §20 votes


VOTERS = ["akim", "deputy_akim", "police", "knb"]


def spec(**kwargs):
    from pipeline.load.models import VoteSpec
    return VoteSpec.model_validate({k.rstrip("_"): v for k, v in kwargs.items()})


@pytest.mark.parametrize("vote,counts,problems", [
    ("unanimous", (4, 0, 0), []),
    (spec(against=["knb"]), (3, 1, 0), []),
    (spec(against=["knb"], abstained=["police"]), (2, 1, 1), []),
    (spec(for_=["akim", "police"], against=["knb"], abstained=[]), (2, 1, 0), []),   # deputy_akim did not vote
    (spec(against=["secretary"]), (4, 0, 0), ["§20"]),      # the secretary does not vote
    (spec(against=["stranger"]), (4, 0, 0), ["§20"]),       # absent or unknown
    (spec(against=["knb", "knb"]), (3, 1, 0), ["§13"]),     # at most once
    (spec(for_=["knb"], against=["knb"]), (0, 1, 0), ["§13"]),
])
def test_votes_only_by_present_voting_members_each_once(vote, counts, problems):
    result, findings = count_votes(vote, VOTERS, None)
    assert result.counts == counts
    assert [f.rule for f in findings] == problems


# ---------------------------------------------------------------- Reading of N


def member(member_id, role="member", **extra):
    return Member.model_validate({"id": member_id, "position": "x", "role": role, **extra})


@pytest.mark.parametrize("members,day,expected", [
    ([member("h", "head"), member("d", "deputy_head"), member("m"), member("s", "secretary")], "2026-03-12", 3),
    ([member("h", "head"), member("s", "secretary", voting=True)], "2026-03-12", 2),
    ([member("h", "head"), member("m", **{"from": "2026-03-12"})], "2026-03-12", 2),   # from is inclusive
    ([member("h", "head"), member("m", **{"from": "2026-03-13"})], "2026-03-12", 1),
    ([member("h", "head"), member("m", until="2026-03-12")], "2026-03-12", 2),         # until is inclusive
    ([member("h", "head"), member("m", until="2026-03-11")], "2026-03-12", 1),
])
def test_total_membership_on_the_meeting_date(members, day, expected):
    body = Body.model_validate({"name": "x", "akimat": "x", "seat": "x", "established": {"number": "1", "date": "2025-11-11"},
                                "working_body": "x", "members": members})
    assert len(total_membership(body, dt.date.fromisoformat(day))) == expected


def test_real_roster_has_sixteen_voting_members(project):
    from pipeline.stages import load_project
    loaded = load_project(project.inputs)
    assert len(total_membership(loaded.body, dt.date(2026, 3, 12))) == 16


# ---------------------------------------------------------------- an odd N through the whole meeting (§13, §20)


@pytest.mark.parametrize("present, against, quorum_reached, outcome", [
    (10, 2, True, Outcome.MAJORITY),        # N = 15: 10 make the quorum (30 ≥ 30); 8 for: 16 > 15
    (10, 3, True, Outcome.NOT_ADOPTED),     # 7 for: 14 ≤ 15, and no tie is possible with an odd N
    (9, 0, False, Outcome.MAJORITY),        # 27 < 30: no quorum (the vote itself would pass)
])
def test_an_odd_total_membership_through_assess_meeting_s13_s20(project, present, against, quorum_reached, outcome):
    """N = 15: one member's term ended before the meeting; the secretary, present, is neither counted nor votes.

    Counting the secretary into N (16) would need 11 for the quorum and 9 for a decision: every row here
    would then come out differently.
    """
    import yaml

    from pipeline.rules.meeting import assess_meeting
    from pipeline.stages import load_project
    from tests.support.inputs import BASE_MEETING, VOTING

    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    next(m for m in body["members"] if m["id"] == "mental_health")["until"] = "2026-03-01"
    project.write("body.yaml", body)
    voters = [m for m in VOTING if m != "mental_health"][:present]
    item = dict(BASE_MEETING["items"][0], vote={"against": voters[-against:] if against else []})
    project.meeting(present=voters + ["secretary"], items=[item])
    loaded = load_project(project.inputs)
    assert not [f for f in loaded.findings if f.is_error], loaded.findings
    result = assess_meeting(loaded.meetings[0], loaded.body)
    assert (result.quorum.total, result.quorum.needed, result.quorum.reached) == (15, 10, quorum_reached)
    assert "secretary" not in {m.id for m in result.members} and result.secretary_present
    decision = result.items[0].decisions[0]
    assert (len(decision.tally.for_), len(decision.tally.against)) == (present - against, against)
    assert decision.outcome is outcome
