"""The regulation's rules for one meeting: each paragraph in one function.

`assess_meeting` runs them all and returns a `MeetingResult`: the counts and
decisions the agenda and protocol print, and the findings. Nothing here
formats text; nothing in the templates counts.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from ..errors import Finding, Loc, error, warning
from ..models import Body, Decision, Item, Meeting, Member, VoteSpec
from ..messages import _
from .membership import acting_head, total_membership

PROTOCOL = "protocol"
AGENDA = "agenda"


# ---------------------------------------------------------------- §20 quorum


@dataclass(frozen=True)
class Quorum:
    present: int
    total: int

    @property
    def needed(self) -> int:
        """The least whole number of members that is at least two-thirds of N."""
        return -(-2 * self.total // 3)

    @property
    def reached(self) -> bool:
        return self.present * 3 >= self.total * 2


def quorum(present_voting: int, total: int) -> Quorum:
    """§20: the meeting is valid when at least two-thirds of the members attend (integer arithmetic)."""
    return Quorum(present_voting, total)


# ---------------------------------------------------------------- §13 votes and outcome


class Outcome(enum.Enum):
    MAJORITY = "majority"          # §13, case 1: for × 2 > N
    CASTING_VOTE = "casting_vote"  # §13, case 2: a tie, the chair voted for
    NOT_ADOPTED = "not_adopted"    # §13, case 3

    @property
    def adopted(self) -> bool:
        return self is not Outcome.NOT_ADOPTED


@dataclass(frozen=True)
class Tally:
    for_: tuple[str, ...]
    against: tuple[str, ...]
    abstained: tuple[str, ...]

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.for_), len(self.against), len(self.abstained)


def decide(tally: Tally, total: int, chair_id: str | None) -> Outcome:
    """§13 as RULES.md reads it, in this order: majority of N; the chair's casting vote on a tie; else not adopted."""
    votes_for, votes_against = tally.counts[:2]
    if votes_for * 2 > total:
        return Outcome.MAJORITY
    if votes_for == votes_against and chair_id is not None and chair_id in tally.for_:
        return Outcome.CASTING_VOTE
    return Outcome.NOT_ADOPTED


def count_votes(vote, voters: list[str], loc: Loc) -> tuple[Tally, list[Finding]]:
    """§13, §20: open voting by the present voting members only, each at most once.

    `voters` are the present voting members in roster order. "unanimous" is all
    of them for; {against, abstained} leaves the rest for; with `for` given,
    the three lists are taken as they are.
    """
    if vote == "unanimous" or vote is None:
        return Tally(tuple(voters), (), ()), []
    assert isinstance(vote, VoteSpec)
    findings: list[Finding] = []
    seen: set[str] = set()
    lists = {"against": list(vote.against), "abstained": list(vote.abstained)}
    if vote.for_ is not None:
        lists = {"for": list(vote.for_), **lists}
    for side, ids in lists.items():
        for member_id in ids:
            if member_id not in voters:
                findings.append(error(vote.loc_of("for_" if side == "for" else side),
                                      f"'{member_id}' votes ({side}) but is not a voting member present "
                                      "at the meeting: stand-ins, invitees, the secretary and absent members "
                                      "do not vote", "§20", PROTOCOL))
            elif member_id in seen:
                findings.append(error(vote.loc_of("for_" if side == "for" else side),
                                      f"'{member_id}' votes twice", "§13", PROTOCOL))
            seen.add(member_id)
    against = tuple(i for i in voters if i in lists["against"])
    abstained = tuple(i for i in voters if i in lists["abstained"] and i not in against)
    undecided = [i for i in voters if i not in against and i not in abstained]
    votes_for = tuple(i for i in undecided if "for" not in lists or i in lists["for"])
    return Tally(votes_for, against, abstained), findings


# ---------------------------------------------------------------- §12 extraordinary meetings


def check_extraordinary(meeting: Meeting, body: Body, total: int) -> list[Finding]:
    """§12: an extraordinary meeting is called by the head, or by more than half of N (initiators × 2 > N)."""
    if meeting.kind != "extraordinary":
        return []
    loc = meeting.loc_of("initiated_by")
    initiators = set(meeting.initiated_by)
    unknown = [i for i in meeting.initiated_by if body.member(i) is None]
    findings = [error(loc, f"unknown member id '{i}' among the initiators", "§12") for i in unknown]
    head = body.head
    if head is not None and head.id in initiators:
        return findings
    members = {m.id for m in total_membership(body, meeting.date)}
    count = len(initiators & members)
    if count * 2 <= total:
        findings.append(error(loc, f"an extraordinary meeting is called by the head or by more than half of "
                                   f"the {total} members; {count} initiated it", "§12"))
    return findings


# ---------------------------------------------------------------- attendance (§20, §21)


def check_attendance(meeting: Meeting, body: Body) -> list[Finding]:
    """Present and absent are known members in force on the day, each listed once; stand-ins replace absent members (§20)."""
    findings: list[Finding] = []
    listed: dict[str, str] = {}
    for index, member_id in enumerate(meeting.present):
        findings += _known_member(body, member_id, meeting.date, meeting.loc_of("present"), PROTOCOL)
        if member_id in listed:
            findings.append(error(meeting.loc_of("present"), f"'{member_id}' is listed twice", "§20", PROTOCOL))
        listed[member_id] = "present"
    for absence in meeting.absent:
        findings += _known_member(body, absence.member, meeting.date, absence.loc, PROTOCOL)
        if absence.member in listed:
            findings.append(error(absence.loc, f"'{absence.member}' is listed both as present and as absent",
                                  "§20", PROTOCOL))
        listed[absence.member] = "absent"
    for stand_in in meeting.stand_ins:
        findings += _known_member(body, stand_in.for_, meeting.date, stand_in.loc, PROTOCOL)
        if listed.get(stand_in.for_) == "present":
            findings.append(error(stand_in.loc, f"a stand-in is recorded for '{stand_in.for_}', who is present",
                                  "§20", PROTOCOL))
    return findings


def _known_member(body: Body, member_id: str, day: dt.date, loc: Loc, document: str | None) -> list[Finding]:
    member = body.member(member_id)
    if member is None:
        return [error(loc, _("unknown member id '{member}' (not in body.yaml)", member=member_id), "§8", document)]
    if not member.in_force_on(day):
        return [error(loc, f"'{member_id}' is not a member on {day.isoformat()} (see from/until in body.yaml)",
                      "§11", document)]
    return []


def absent_members(meeting: Meeting, body: Body) -> list[Member]:
    """Members in force who are not present: those listed as absent and those not listed at all."""
    present = set(meeting.present)
    return [m for m in total_membership(body, meeting.date) if m.id not in present]


# ---------------------------------------------------------------- §15, §25.3 chair and signer


def chair_and_signer(meeting: Meeting, body: Body) -> tuple[Member | None, Member | None, list[Finding]]:
    """§15, §25.1, §25.3: the head chairs and signs; when absent, a deputy head who is present does."""
    present = set(meeting.present)
    findings: list[Finding] = []
    head = body.head
    expected = acting_head(body, present, meeting.date)
    if meeting.chair is None:
        chair = expected
    else:
        chair = body.member(meeting.chair)
        if chair is None:
            findings.append(error(meeting.loc_of("chair"), f"unknown member id '{meeting.chair}'", "§25.1"))
    if chair is None:
        if not findings:
            findings.append(error(meeting.loc_of("present"), "neither the head nor a deputy head is present: "
                                  "nobody can chair the meeting", "§25.3", PROTOCOL))
        return None, None, findings
    if chair.id not in present:
        findings.append(error(meeting.loc_of("chair"), f"the chair '{chair.id}' is not among those present",
                              "§25.1", PROTOCOL))
    elif head is not None and head.id in present and chair.id != head.id:
        findings.append(error(meeting.loc_of("chair"), f"the head '{head.id}' is present and chairs the meeting, "
                              f"not '{chair.id}'", "§25.1", PROTOCOL))
    elif chair.role not in ("head", "deputy_head"):
        findings.append(error(meeting.loc_of("chair"), f"'{chair.id}' is neither the head nor a deputy head: "
                              "only a deputy replaces the absent head", "§25.3", PROTOCOL))
    signer_id = meeting.protocol.signed_by or chair.id
    signer = body.member(signer_id)
    if signer_id != chair.id:
        findings.append(error(meeting.protocol.loc_of("signed_by"),
                              f"the protocol is signed by the one who chaired, '{chair.id}', not '{signer_id}'",
                              "§15", PROTOCOL))
    return chair, signer, findings


def check_agenda_approval(meeting: Meeting, body: Body, chair: Member | None) -> list[Finding]:
    """§22: the head, or the one replacing him, approves the agenda, before the meeting."""
    approval = meeting.agenda_approved
    if approval is None:
        return [error(meeting.loc, "the agenda's approval is missing: agenda_approved: {by: ..., date: ...}",
                      "§22", AGENDA)]
    findings: list[Finding] = []
    approver = body.member(approval.by)
    allowed = {m.id for m in body.members if m.role in ("head", "deputy_head")}
    if approver is None:
        findings.append(error(approval.loc_of("by"), f"unknown member id '{approval.by}'", "§22", AGENDA))
    elif approval.by not in allowed:
        findings.append(error(approval.loc_of("by"), f"'{approval.by}' may not approve the agenda: the head "
                              "or the deputy replacing him does", "§22", AGENDA))
    elif body.head is not None and approval.by != body.head.id and chair is not None and chair.id == body.head.id:
        # A deputy approves only in the head's stead; the head may have been away that day and back to chair.
        findings.append(warning(approval.loc_of("by"), f"the agenda is approved by '{approval.by}' but the head "
                                "chairs the meeting: a deputy approves only while replacing the head", "§22", AGENDA))
    if approval.date > meeting.date:
        findings.append(error(approval.loc_of("date"), "the agenda is approved after the meeting", "§22", AGENDA))
    return findings


# ---------------------------------------------------------------- §14 dissenting opinions


def check_dissent(meeting: Meeting, item: Item, voters: list[str]) -> list[Finding]:
    """§14: a member who attended states a dissenting opinion in writing, attached to the protocol."""
    findings: list[Finding] = []
    for dissent in item.dissent:
        if dissent.member not in voters:
            findings.append(error(dissent.loc_of("member"), f"'{dissent.member}' states a dissenting opinion but "
                                  "is not a voting member present at the meeting", "§14", PROTOCOL))
        if dissent.date < meeting.date:
            findings.append(error(dissent.loc_of("date"), "the dissenting opinion is dated before the meeting",
                                  "§14", PROTOCOL))
    return findings


# ---------------------------------------------------------------- deadlines (§22, §26.4, §23)


def check_materials(meeting: Meeting) -> list[Finding]:
    """§22: materials come in at least five calendar days before the meeting; an urgent one may take them on the day."""
    if meeting.urgent:
        return [warning(m.loc_of("submitted"), "materials submitted after the meeting", "§22")
                for item in meeting.items for m in item.materials if m.submitted > meeting.date]
    latest = meeting.date - dt.timedelta(days=5)
    return [warning(m.loc_of("submitted"), f"materials submitted on {m.submitted.isoformat()}, later than five "
                    f"days before the meeting ({latest.isoformat()})", "§22")
            for item in meeting.items for m in item.materials if m.submitted > latest]


def check_documents_sent(meeting: Meeting) -> list[Finding]:
    """§26.4: the working body sends members the documents at least three days before (waived when urgent)."""
    if meeting.urgent:
        return []
    latest = meeting.date - dt.timedelta(days=3)
    if meeting.documents_sent is None:
        return [warning(meeting.loc, "the date the documents were sent to members (documents_sent) is missing",
                        "§26.4")]
    if meeting.documents_sent > latest:
        return [warning(meeting.loc_of("documents_sent"), f"documents sent on {meeting.documents_sent.isoformat()}, "
                        f"later than three days before the meeting ({latest.isoformat()})", "§26.4")]
    return []


def check_protocol_date(meeting: Meeting) -> list[Finding]:
    """§23: the protocol is drawn up within one day of the meeting (drawn-up date ≤ meeting date + 1)."""
    drawn_up = meeting.protocol.drawn_up
    if drawn_up is None:
        return []
    if drawn_up < meeting.date:
        return [error(meeting.protocol.loc_of("drawn_up"), "the protocol is dated before the meeting", "§23",
                      PROTOCOL)]
    if drawn_up > meeting.date + dt.timedelta(days=1):
        return [warning(meeting.protocol.loc_of("drawn_up"), f"the protocol was drawn up on {drawn_up.isoformat()}, "
                        "more than one day after the meeting", "§23")]
    return []


# ---------------------------------------------------------------- the whole meeting


@dataclass
class DecisionResult:
    decision: Decision
    number: int
    assignment_id: str
    tally: Tally
    outcome: Outcome


@dataclass
class ItemResult:
    item: Item
    number: int
    decisions: list[DecisionResult]


@dataclass
class MeetingResult:
    meeting: Meeting
    members: list[Member]              # the N members in force on the day, roster order
    present: list[Member]              # voting members present, roster order
    absent: list[Member]               # voting members in force and not present
    secretary_present: bool
    quorum: Quorum
    chair: Member | None
    signer: Member | None
    items: list[ItemResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def assess_meeting(meeting: Meeting, body: Body) -> MeetingResult:
    """Every meeting rule, in one pass: the counts the documents print and every finding."""
    members = total_membership(body, meeting.date)
    present_ids = set(meeting.present)
    present = [m for m in members if m.id in present_ids]
    voters = [m.id for m in present]
    secretary = body.secretary
    chair, signer, findings = chair_and_signer(meeting, body)
    result = MeetingResult(
        meeting=meeting, members=members, present=present, absent=absent_members(meeting, body),
        secretary_present=secretary is not None and secretary.id in present_ids,
        quorum=quorum(len(present), len(members)), chair=chair, signer=signer, findings=findings,
    )
    result.findings += check_attendance(meeting, body)
    result.findings += check_extraordinary(meeting, body, len(members))
    result.findings += check_agenda_approval(meeting, body, chair)
    if not result.quorum.reached:
        q = result.quorum
        message = _("no quorum: {present} of {total} members present, at least {needed} needed",
                    present=q.present, total=q.total, needed=q.needed)
        result.findings.append(error(meeting.loc_of("present"), message, "§20", PROTOCOL))
    for speaker_loc, member_id in _speaker_ids(meeting):
        result.findings += _known_member(body, member_id, meeting.date, speaker_loc, None)
    chair_id = chair.id if chair else None
    for index, item in enumerate(meeting.items, start=1):
        item_result = ItemResult(item, index, [])
        result.findings += check_dissent(meeting, item, voters)
        for number, decision in enumerate(item.decisions, start=1):
            vote = decision.vote if decision.vote is not None else item.vote
            vote_loc = decision.loc_of("vote") if decision.vote is not None else item.loc_of("vote")
            tally, found = count_votes(vote, voters, vote_loc)
            result.findings += found
            item_result.decisions.append(DecisionResult(
                decision, number, f"{meeting.id}/{index}.{number}", tally, decide(tally, len(members), chair_id)))
        result.items.append(item_result)
    result.findings += check_materials(meeting)
    result.findings += check_documents_sent(meeting)
    result.findings += check_protocol_date(meeting)
    return result


def _speaker_ids(meeting: Meeting):
    for item in meeting.items:
        for speaker in item.speakers:
            if isinstance(speaker, str):
                yield item.loc_of("speakers"), speaker
