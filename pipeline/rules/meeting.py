"""The regulation's rules for one meeting: each paragraph in one function.

`assess_meeting` runs them all (with those of `votes.py`, §13 and §20, and of
`meeting_dates.py`, the papers' dates and numbers) and returns a `MeetingResult`: the counts and
decisions the agenda and protocol print, and the findings. Nothing here
formats text; nothing in the templates counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.errors import Finding, Loc, error, warning
from ..core.kinds import AGENDA, PROTOCOL
from ..load.models import Body, Decision, Item, Meeting, Member
from ..locale.messages import _
from .meeting_dates import (
    check_documents_sent,
    check_materials,
    check_protocol_date,
    deadlines_before_the_meeting,
    deadlines_in_other_forms,
)
from .membership import acting_head, total_membership
from .roster import unknown_member
from .votes import Outcome, Quorum, Tally, count_votes, decide, quorum

# ---------------------------------------------------------------- §12 extraordinary meetings


@dataclass(frozen=True)
class CalledBy:
    """§12: who called an extraordinary meeting: the head, or `count` of the `total` members in force."""

    head: bool
    count: int
    total: int


def called_by(meeting: Meeting, body: Body, total: int) -> CalledBy | None:
    """§12: an extraordinary meeting's initiators as the notice and the protocol state them; None for a regular one.

    The head among `initiated_by` calls it alone; otherwise the members in force on the day who
    initiated it are counted against N (the §12 check below refuses a count of half or less).
    """
    if meeting.kind != "extraordinary":
        return None
    initiators = set(meeting.initiated_by)
    head = body.head
    if head is not None and head.id in initiators:
        return CalledBy(True, 0, total)
    members = {m.id for m in total_membership(body, meeting.date)}
    return CalledBy(False, len(initiators & members), total)


def check_extraordinary(meeting: Meeting, body: Body, total: int) -> list[Finding]:
    """§12: an extraordinary meeting is called by the head, or by more than half of N (initiators × 2 > N)."""
    called = called_by(meeting, body, total)
    if called is None:
        return []
    loc = meeting.loc_of("initiated_by")
    unknown = [i for i in meeting.initiated_by if body.member(i) is None]
    findings = [error(loc, unknown_member(i, (m.id for m in body.members)), "§12") for i in unknown]
    if called.head:
        return findings
    count = called.count
    if count * 2 <= total:
        findings.append(error(loc, _("an extraordinary meeting is called by the head or by more than half of the "
                                     "{total} members; {count} initiated it: list the head in initiated_by, or at "
                                     "least {needed} members", total=total, count=count, needed=total // 2 + 1),
                              "§12"))
    return findings


# ---------------------------------------------------------------- attendance (§20, §21)


def check_attendance(meeting: Meeting, body: Body) -> list[Finding]:
    """Present and absent are known members in force on the day, each listed once; stand-ins replace absent members (§20)."""
    findings: list[Finding] = []
    listed: dict[str, str] = {}
    for index, member_id in enumerate(meeting.present):
        where = meeting.loc_of_item("present", index)
        findings += _known_member(body, member_id, meeting.date, where, PROTOCOL)
        if member_id in listed:
            findings.append(error(where, _("'{member}' is listed twice in present: leave one", member=member_id),
                                  "§20", PROTOCOL))
        listed[member_id] = "present"
    for absence in meeting.absent:
        findings += _known_member(body, absence.member, meeting.date, absence.loc, PROTOCOL)
        if absence.member in listed:
            findings.append(error(absence.loc, _("'{member}' is listed both in present and in absent: leave the id "
                                                 "in one of them", member=absence.member), "§20", PROTOCOL))
        listed[absence.member] = "absent"
    for stand_in in meeting.stand_ins:
        findings += _known_member(body, stand_in.for_, meeting.date, stand_in.loc, PROTOCOL)
        if listed.get(stand_in.for_) == "present":
            findings.append(error(stand_in.loc, _("a stand-in is recorded for '{member}', who is present: a stand-in "
                                                  "replaces an absent member only", member=stand_in.for_),
                                  "§20", PROTOCOL))
    return findings


def unlisted_members(meeting: Meeting, body: Body) -> list[Finding]:
    """§20: every member in force on the day is either present or absent; one listed nowhere is a gap in the
    protocol's attendance (a warning naming the member: present or absent, the secretary decides)."""
    listed = set(meeting.present) | {a.member for a in meeting.absent}
    where = meeting.loc_of("absent") if meeting.absent else meeting.loc_of("present")
    return [warning(where, _("'{member}' is a member on {date} but is listed neither under present nor under "
                             "absent: add the id to one of them", member=m.id, date=meeting.date.isoformat()),
                    "§20", PROTOCOL)
            for m in total_membership(body, meeting.date) if m.id not in listed]


def absent_speakers(meeting: Meeting, body: Body) -> list[Finding]:
    """§20: members attend in person; a member who is not present can speak only through a recorded stand-in.
    An id of no member is its own error (a typing slip, its nearest id named), not also an absent speaker."""
    present = set(meeting.present)
    stood_in = {s.for_ for s in meeting.stand_ins}
    return [warning(loc, _("'{member}' speaks on question {number} but is not present, and no stand-in for "
                           "'{member}' is recorded (stand_ins): list the speaker as present, or record the stand-in "
                           "who spoke", member=member_id, number=number), "§20", PROTOCOL)
            for number, loc, member_id in _speaker_ids(meeting)
            if member_id not in present and member_id not in stood_in and body.member(member_id) is not None]


def invited_members(meeting: Meeting, body: Body) -> list[Finding]:
    """§21: an invitee named by a member id is a member of body.yaml (else an error naming the nearest id) whose
    membership is not in force on the day: a member in force takes part as a member (§20), present or absent."""
    findings = []
    for index, entry in enumerate(meeting.invited):
        if not isinstance(entry, str):
            continue
        loc = meeting.loc_of_item("invited", index)
        member = body.member(entry)
        if member is None:
            findings.append(error(loc, _("{problem}; or write the invited person as {example}", problem=unknown_member(
                entry, (m.id for m in body.members)), example="{name: ..., position: {kk: ..., ru: ...}}"),
                "§21"))
        elif member.in_force_on(meeting.date):
            findings.append(error(loc, _("'{member}' is a member of the Штаб on {date}: a member is not invited but "
                                         "takes part as a member; move the id to present or absent",
                                         member=entry, date=meeting.date.isoformat()), "§20"))
    return findings


def _known_member(body: Body, member_id: str, day: dt.date, loc: Loc, document: str | None) -> list[Finding]:
    member = body.member(member_id)
    if member is None:
        return [error(loc, unknown_member(member_id, (m.id for m in body.members)), "§8", document)]
    if not member.in_force_on(day):
        return [error(loc, _("'{member}' is not a member on {date}: see from and until of this member in body.yaml",
                             member=member_id, date=day.isoformat()), "§11", document)]
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
            findings.append(error(meeting.loc_of("chair"), unknown_member(meeting.chair, (m.id for m in body.members)),
                                  "§25.1"))
    if chair is None:
        if not findings:
            findings.append(error(meeting.loc_of("present"), _("neither the head nor a deputy head is present: "
                                                                 "nobody can chair the meeting"), "§25.3", PROTOCOL))
        return None, None, findings
    if chair.id not in present:
        findings.append(error(meeting.loc_of("chair"), _("the chair '{member}' is not among those present: add the "
                                                         "id to present, or name another chair", member=chair.id),
                              "§25.1", PROTOCOL))
    elif head is not None and head.id in present and chair.id != head.id:
        findings.append(error(meeting.loc_of("chair"), _("the head '{head}' is present and chairs the meeting, not "
                                                         "'{member}': write chair: {head}, or remove the chair line",
                                                         head=head.id, member=chair.id), "§25.1", PROTOCOL))
    elif chair.role not in ("head", "deputy_head"):
        findings.append(error(meeting.loc_of("chair"), _("'{member}' is neither the head nor a deputy head: only a "
                                                         "deputy head replaces the absent head", member=chair.id),
                              "§25.3", PROTOCOL))
    signer_id = meeting.protocol.signed_by or chair.id
    signer = body.member(signer_id)
    if signer_id != chair.id:
        findings.append(error(meeting.protocol.loc_of("signed_by"),
                              _("the protocol is signed by the one who chaired, '{chair}', not '{member}': write "
                                "signed_by: {chair}", chair=chair.id, member=signer_id), "§15", PROTOCOL))
    return chair, signer, findings


def unnamed_acting_head(meeting: Meeting, body: Body, chair: Member | None) -> list[Finding]:
    """§25.3, §15, §22: a deputy who chairs in the head's absence signs the protocol, and one who approves the
    agenda in his stead signs the approval; without a `name` the signature line is a post alone (a warning)."""
    findings = []
    if chair is not None and chair.role != "head" and not chair.name:
        findings.append(warning(meeting.loc_of("chair") if meeting.chair else meeting.loc_of("present"), _(
            "'{member}' chairs in the head's absence and signs the protocol but has no name in body.yaml: add "
            "name: (initials and surname)", member=chair.id), "§15", PROTOCOL))
    approval = meeting.agenda_approved
    approver = body.member(approval.by) if approval else None
    if approver is not None and approver.role != "head" and not approver.name and approver is not chair:
        findings.append(warning(approval.loc_of("by"), _(
            "'{member}' approves the agenda in the head's stead but has no name in body.yaml: add name: "
            "(initials and surname)", member=approver.id), "§22", AGENDA))
    return findings


def check_agenda_approval(meeting: Meeting, body: Body, chair: Member | None) -> list[Finding]:
    """§22: the head, or the one replacing him, approves the agenda, before the meeting."""
    approval = meeting.agenda_approved
    if approval is None:
        head = body.head
        example = f"agenda_approved: {{by: {head.id if head else '...'}, date: ...}}"
        return [error(meeting.loc, _("the agenda's approval is missing: add who approved it and when (the day, "
                                     "written year-month-day), e.g. {example}", example=example),
                      "§22", AGENDA)]
    findings: list[Finding] = []
    approver = body.member(approval.by)
    allowed = {m.id for m in body.members if m.role in ("head", "deputy_head")}
    if approver is None:
        findings.append(error(approval.loc_of("by"), unknown_member(approval.by, (m.id for m in body.members)),
                              "§22", AGENDA))
    elif approval.by not in allowed:
        findings.append(error(approval.loc_of("by"), _("'{member}' may not approve the agenda: the head or the "
                                                       "deputy head replacing him does", member=approval.by),
                              "§22", AGENDA))
    elif body.head is not None and approval.by != body.head.id and chair is not None and chair.id == body.head.id:
        # A deputy approves only in the head's stead; the head may have been away that day and back to chair.
        findings.append(warning(approval.loc_of("by"), _("the agenda is approved by '{member}' but the head chairs "
                                                         "the meeting: a deputy head approves only while replacing "
                                                         "the head", member=approval.by), "§22", AGENDA))
    if approval.date > meeting.date:
        findings.append(error(approval.loc_of("date"), _("the agenda is approved after the meeting: the date of "
                                                         "approval is on or before the meeting's date"), "§22", AGENDA))
    return findings


# ---------------------------------------------------------------- §14 dissenting opinions


def check_dissent(meeting: Meeting, item: Item, voters: list[str]) -> list[Finding]:
    """§14: a member who attended states a dissenting opinion in writing, attached to the protocol."""
    findings: list[Finding] = []
    for dissent in item.dissent:
        if dissent.member not in voters:
            findings.append(error(dissent.loc_of("member"), _("'{member}' states a dissenting opinion but is not a "
                                                              "voting member present at the meeting: write the id of "
                                                              "a voting member listed in present, or remove the "
                                                              "dissenting opinion", member=dissent.member),
                                  "§14", PROTOCOL))
        if dissent.date < meeting.date:
            findings.append(error(dissent.loc_of("date"), _("the dissenting opinion is dated before the meeting: "
                                                            "it is written on the meeting's day or later"),
                                  "§14", PROTOCOL))
    return findings


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
    called_by: CalledBy | None = None  # §12: who called an extraordinary meeting
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
        called_by=called_by(meeting, body, len(members)),
    )
    result.findings += check_attendance(meeting, body)
    result.findings += check_extraordinary(meeting, body, len(members))
    result.findings += check_agenda_approval(meeting, body, chair)
    result.findings += unnamed_acting_head(meeting, body, chair)
    if not result.quorum.reached:
        q = result.quorum
        message = _("no quorum: {present} of {total} members present, at least {needed} needed",
                    present=q.present, total=q.total, needed=q.needed)
        result.findings.append(error(meeting.loc_of("present"), message, "§20", PROTOCOL))
    for _question, speaker_loc, member_id in _speaker_ids(meeting):
        result.findings += _known_member(body, member_id, meeting.date, speaker_loc, None)
    result.findings += invited_members(meeting, body)
    result.findings += unlisted_members(meeting, body)
    result.findings += absent_speakers(meeting, body)
    result.findings += deadlines_in_other_forms(meeting)
    result.findings += deadlines_before_the_meeting(meeting)
    roster = frozenset(m.id for m in body.members)
    chair_id = chair.id if chair else None
    for index, item in enumerate(meeting.items, start=1):
        item_result = ItemResult(item, index, [])
        result.findings += check_dissent(meeting, item, voters)
        for number, decision in enumerate(item.decisions, start=1):
            vote = decision.vote if decision.vote is not None else item.vote
            vote_loc = decision.loc_of("vote") if decision.vote is not None else item.loc_of("vote")
            tally, found = count_votes(vote, voters, vote_loc, roster)
            result.findings += found
            item_result.decisions.append(DecisionResult(
                decision, number, f"{meeting.id}/{index}.{number}", tally, decide(tally, len(members), chair_id)))
        result.items.append(item_result)
    result.findings += check_materials(meeting)
    result.findings += check_documents_sent(meeting)
    result.findings += check_protocol_date(meeting)
    return result


def _speaker_ids(meeting: Meeting):
    """(question number, the id's own line, member id) of every speaker named by a member id."""
    for number, item in enumerate(meeting.items, start=1):
        for index, speaker in enumerate(item.speakers):
            if isinstance(speaker, str):
                yield number, item.loc_of_item("speakers", index), speaker
