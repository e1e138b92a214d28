"""§24, §28: the control of execution of protocol assignments, one rule per function.

An assignment is a decision of a protocol that was adopted (§13) at a meeting
that could decide (§20). Its execution stands as the control file says
(control/<year>.yaml); an assignment the file does not mention is in progress.
Whether it is overdue depends on the date the register is made as of.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..core.errors import Finding, Loc, error, warning
from ..load.models import ControlEntry, Decision, Meeting, Text
from ..locale.messages import _
from .meeting import DecisionResult, MeetingResult

DONE, IN_PROGRESS, EXTENDED, REMOVED = "done", "in_progress", "extended", "removed"
CLOSED = (DONE, REMOVED)


@dataclass
class Assignment:
    """One assignment of an adopted decision and how its execution stands as of a date."""

    id: str
    meeting: Meeting
    item_number: int
    decision: Decision
    entry: ControlEntry | None = None
    extended_at: Meeting | None = None    # the meeting whose protocol extended it (control: by_meeting)

    @property
    def due(self) -> dt.date | Text | None:
        return self.decision.due


class State(enum.Enum):
    """Where an assignment stands on a date: one vocabulary for the register, the status report, the reminders
    and the annual report (§23, §24, §28); each assignment is in exactly one."""

    NOT_SIGNED = "not_signed"        # its protocol is not signed: not in force, never overdue (§23)
    DONE_ON_TIME = "done_on_time"    # done on or before its deadline (or with a text deadline), with the date
    DONE_LATE = "done_late"          # done after its deadline, with the date
    REMOVED = "removed"              # removed from control, with the date
    OVERDUE = "overdue"              # its deadline (the new one when extended) is before the date
    EXTENDED = "extended"            # extended, the new deadline not passed: with the new date and the decision's
    IN_PROGRESS = "in_progress"      # none of the above


@dataclass(frozen=True)
class Standing:
    """The status in force on the as-of date, the deadline that applies and whether it has passed."""

    status: str
    date: dt.date | None
    deadline: dt.date | None
    overdue: bool
    signed: bool = True              # the protocol that gave it is signed (§23)
    extended_at: Meeting | None = None   # the meeting whose protocol decided the extension, when named

    @property
    def state(self) -> State:
        """§23, §24, §28: the one state, in this order: not signed → done (on time or late) → removed →
        overdue → extended → in progress."""
        if not self.signed:
            return State.NOT_SIGNED
        if self.status == DONE:
            late = self.deadline is not None and self.date is not None and self.date > self.deadline
            return State.DONE_LATE if late else State.DONE_ON_TIME
        if self.status == REMOVED:
            return State.REMOVED
        if self.overdue:
            return State.OVERDUE
        return State.EXTENDED if self.status == EXTENDED else State.IN_PROGRESS


@dataclass
class Register:
    """The register of one year as of a date: its assignments, their standing, the totals."""

    year: int
    as_of: dt.date
    rows: list[tuple[Assignment, Standing]] = field(default_factory=list)

    def count(self, state: State | None = None) -> int:
        return sum(1 for _, s in self.rows if state is None or s.state is state)


# ---------------------------------------------------------------- which decisions are assignments


def assigns(decision: Decision) -> bool:
    """§24: a decision assigns something when it names a responsible body or a deadline. «Информацию принять к
    сведению.», with neither, assigns nothing to anyone: there is nothing to execute nor to control."""
    return bool(decision.responsible) or decision.due is not None


def is_assignment(result: MeetingResult, decision: DecisionResult) -> bool:
    """§24, §13, §20: the one rule of what is an assignment, for the register, the status report, the reminders,
    the annual report, the extracts and the control file: a decision adopted at a meeting with a quorum that
    assigns something (a responsible body or a deadline). A decision not adopted, or of a meeting without a
    quorum, decided nothing; a decision that names neither assigns nothing."""
    return result.quorum.reached and decision.outcome.adopted and assigns(decision.decision)


def assignments_of(results: Iterable[MeetingResult]) -> list[Assignment]:
    """Every assignment of the meetings (`is_assignment`)."""
    return [Assignment(decision.assignment_id, result.meeting, item.number, decision.decision)
            for result in results for item in result.items for decision in item.decisions
            if is_assignment(result, decision)]


def all_decisions(results: Iterable[MeetingResult]) -> dict[str, DecisionResult]:
    """Every decision of the meetings by its id, assignment or not."""
    return {d.assignment_id: d for r in results for i in r.items for d in i.decisions}


# ---------------------------------------------------------------- the control file


def check_entry_ids(entries: list[ControlEntry], assignments: dict[str, Assignment],
                    decisions: dict[str, DecisionResult], unread_meetings: frozenset[str] = frozenset()) -> list[Finding]:
    """§24: every entry names an assignment of an adopted decision, once per file.

    An entry of a meeting whose file could not be read is not judged: that
    file's own error says what to mend, and one typing error should not bring
    an "unknown assignment" for every line of the control file.
    """
    findings, seen = [], set()
    for entry in entries:
        loc = entry.loc_of("assignment")
        if entry.assignment in seen:
            findings.append(error(loc, _("'{assignment}' is listed twice in this file: keep one entry",
                                         assignment=entry.assignment), "§24"))
        seen.add(entry.assignment)
        if entry.assignment in assignments or entry.assignment.split("/")[0] in unread_meetings:
            continue
        decision = decisions.get(entry.assignment)
        if decision is not None and decision.outcome.adopted and not assigns(decision.decision):
            findings.append(error(loc, _("'{assignment}' names no responsible body and no deadline: it assigns "
                                         "nothing, there is nothing to control; remove the entry, or give the "
                                         "decision its responsible and due in the meeting's file",
                                         assignment=entry.assignment), "§24"))
        elif decision is not None:
            findings.append(error(loc, _("'{assignment}' is a decision that was not adopted: it creates no "
                                         "assignment to control; remove the entry", assignment=entry.assignment),
                                  "§24"))
        else:
            findings.append(error(loc, unknown_assignment(entry.assignment, assignments, unread_meetings), "§24"))
    return findings


def unknown_assignment(assignment: str, assignments: dict[str, Assignment], unread: Iterable[str] = ()):
    """An id that names no assignment, said with the project's own ids (the assignments of the meeting it names, a
    meeting id one slip away, else the meetings that gave assignments), never with another Штаб's example."""
    meeting, _slash, rest = assignment.partition("/")
    of_meeting = [a for a in assignments if a.split("/")[0] == meeting]
    if of_meeting:
        return _("unknown assignment '{assignment}': no adopted decision has this id; the assignments of meeting "
                 "{meeting} are {ids}", assignment=assignment, meeting=meeting, ids=", ".join(of_meeting))
    meetings = sorted({a.split("/")[0] for a in assignments})
    padded = re.sub(r"^(\d{4})-(\d)$", r"\1-0\2", meeting)   # 2027-3 for 2027-03: the number has two digits
    if padded != meeting and padded in set(meetings) | set(unread):
        return _("unknown assignment '{assignment}': there is no meeting '{meeting}'; did you mean '{hint}'?",
                 assignment=assignment, meeting=meeting, hint=f"{padded}/{rest}")
    if meetings:
        return _("unknown assignment '{assignment}': no meeting '{meeting}' gave assignments; an id is "
                 "meeting/question.decision, and the meetings that gave assignments are {meetings}",
                 assignment=assignment, meeting=meeting, meetings=", ".join(meetings))
    return _("unknown assignment '{assignment}': no meeting has given an assignment yet (an adopted decision)",
             assignment=assignment)


def check_entry_status(entry: ControlEntry, assignment: Assignment | None) -> list[Finding]:
    """§24, §28: a status carries what it needs: done and removed a date, extended a new deadline."""
    status, findings = entry.status, []
    if status in CLOSED and entry.date is None:
        findings.append(error(entry.loc_of("status"), _("status {status} needs its date: add date: with the day, "
                                                        "written year-month-day", status=status), "§24"))
    if status == EXTENDED and entry.new_due is None:
        due = assignment.due if assignment is not None and isinstance(assignment.due, dt.date) else None
        findings.append(error(entry.loc_of("status"), _(
            "status extended needs the new deadline: add new_due: with the day, written year-month-day, later than "
            "the deadline {due}", due=due.isoformat()) if due else _(
            "status extended needs the new deadline: add new_due: with the day, written year-month-day"), "§24"))
    if status != EXTENDED and entry.new_due is not None:
        findings.append(warning(entry.loc_of("new_due"), _("new_due is ignored: the status is {status}, not "
                                                           "extended", status=status), "§24"))
    if status == IN_PROGRESS and entry.date is not None:
        findings.append(warning(entry.loc_of("date"), _("date is ignored: the assignment is still in progress "
                                                        "(status: in_progress)"), "§24"))
    if assignment is None:
        return findings
    if entry.date is not None and entry.date < assignment.meeting.date:
        findings.append(error(entry.loc_of("date"), _("the date {date} is before the meeting that gave the "
                                                      "assignment ({meeting_date})", date=entry.date.isoformat(),
                                                      meeting_date=assignment.meeting.date.isoformat()), "§24"))
    due = assignment.due
    if status == EXTENDED and entry.new_due is not None and isinstance(due, dt.date) and entry.new_due <= due:
        findings.append(warning(entry.loc_of("new_due"), _("the new deadline {new_due} does not extend the deadline "
                                                           "{due}: it comes later", new_due=entry.new_due.isoformat(),
                                                           due=due.isoformat()), "§24"))
    return findings


def attach_entries(assignments: list[Assignment], entries: list[ControlEntry],
                   meetings: dict[str, Meeting] | None = None) -> None:
    """The status of each assignment from the control file (its last entry when listed twice), and the meeting
    that extended it (by_meeting), when it is one of `meetings`."""
    by_id = {a.id: a for a in assignments}
    for entry in entries:
        if entry.assignment in by_id:
            by_id[entry.assignment].entry = entry
            by_id[entry.assignment].extended_at = (meetings or {}).get(entry.by_meeting or "")


def check_extension_decision(entry: ControlEntry, meetings: dict[str, Meeting]) -> list[Finding]:
    """§24: `by_meeting` names the meeting whose protocol extended the deadline: a meeting of inputs/meetings/,
    held on the extension's date, and only with status extended."""
    if entry.by_meeting is None:
        return []
    loc = entry.loc_of("by_meeting")
    if entry.status != EXTENDED:
        return [warning(loc, _("by_meeting is ignored: the status is {status}, not extended", status=entry.status),
                        "§24")]
    meeting = meetings.get(entry.by_meeting)
    if meeting is None:
        return [error(loc, _("by_meeting: there is no meeting '{meeting}' in inputs/meetings/ (its ids: {ids})",
                             meeting=entry.by_meeting, ids=", ".join(sorted(meetings)) or "—"), "§24")]
    if entry.date is not None and entry.date != meeting.date:
        return [error(entry.loc_of("date"), _("the extension is dated {date}, but meeting {meeting} that decided it "
                                              "was held on {held}: write date: {held}", date=entry.date.isoformat(),
                                              meeting=meeting.id, held=meeting.date.isoformat()), "§24")]
    return []


# ---------------------------------------------------------------- standing as of a date


def standing(entry: ControlEntry | None, due: dt.date | Text | None, as_of: dt.date, signed: bool = True) -> Standing:
    """§24, §28: the status in force on `as_of`, and whether the assignment is overdue then.

    A status dated after `as_of` has not happened yet: the assignment was then
    in progress under its original deadline. The deadline is the new one when
    extended, else the decision's own; a text deadline ("ежеквартально") has no
    date and is never overdue. Overdue means the deadline is before `as_of`
    and the assignment is neither done nor removed: due today is not overdue. An assignment of a protocol
    that is not signed was never sent out (§23): it is never overdue.
    """
    status, date = (entry.status, entry.date) if entry is not None else (IN_PROGRESS, None)
    if date is not None and date > as_of and status != IN_PROGRESS:
        status, date = IN_PROGRESS, None
    deadline = due if isinstance(due, dt.date) else None
    if status == EXTENDED and entry is not None and entry.new_due is not None:
        deadline = entry.new_due
    overdue = signed and status not in CLOSED and deadline is not None and deadline < as_of
    return Standing(status, date, deadline, overdue, signed)


def position_of(assignment: Assignment, as_of: dt.date) -> Standing:
    """The standing of one assignment on `as_of`, its protocol's signature and the extending meeting included
    (§23, §24)."""
    position = standing(assignment.entry, assignment.due, as_of, assignment.meeting.protocol.signed)
    if position.status == EXTENDED and assignment.extended_at is not None:
        return dataclasses.replace(position, extended_at=assignment.extended_at)
    return position


def register_of(assignments: list[Assignment], year: int, as_of: dt.date) -> Register:
    """The assignments given at the year's meetings held on or before `as_of`, each with its standing."""
    register = Register(year, as_of)
    for assignment in assignments:
        meeting = assignment.meeting
        if meeting.date.year == year and meeting.date <= as_of:
            register.rows.append((assignment, position_of(assignment, as_of)))
    return register


def default_as_of(year: int, run_day: dt.date) -> dt.date:
    """The register's date when none is asked for: the earlier of the run's day and the year's 31 December."""
    return min(run_day, dt.date(year, 12, 31))


def control_findings(entries_by_year: dict[int, list[ControlEntry]], results: list[MeetingResult],
                     assignments: list[Assignment], unread_meetings: frozenset[str] = frozenset()) -> list[Finding]:
    """Every §24 finding of every control file."""
    by_id = {a.id: a for a in assignments}
    decisions = all_decisions(results)
    meetings = {r.meeting.id: r.meeting for r in results}
    findings: list[Finding] = []
    for entries in entries_by_year.values():
        findings += check_entry_ids(entries, by_id, decisions, unread_meetings)
        for entry in entries:
            findings += check_entry_status(entry, by_id.get(entry.assignment))
            findings += check_extension_decision(entry, meetings)
    return findings


def control_file_loc(files: dict[int, str], year: int) -> Loc | None:
    return Loc(files[year], 1) if year in files else None
