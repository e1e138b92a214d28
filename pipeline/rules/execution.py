"""§24, §27.1, §28: the execution of assignments between meetings — reminders and the status as of a date.

Every assignment stands as `rules.control.standing` says on the as-of date D
(a status dated after D has not happened yet). Here:

- **Reminders** (§24 control, §27.1 the Штаб requests information): one letter
  to each responsible body that has an assignment neither done nor removed whose
  deadline (the `new_due` of an extension, else the decision's own) falls on or
  before D+DAYS — due exactly on D+DAYS is included, D+DAYS+1 is not. Those
  before D are overdue. The body's assignments with a text deadline
  ("ежеквартально") are listed apart as periodic. The body answers by D plus 3
  working days (`rules.workdays`).
- **Status** (§24, §25.3, §28): every assignment given by D in one of the
  states of `control.State` (the register's and the annual report's too);
  grouped by responsible body.
- Only a signed protocol's assignments are in force (§23): reminders name
  none of an unsigned one; the status report shows them as "protocol not
  signed", never overdue.
- `check` warns (§24) about an overdue assignment the control file does not
  mention: its execution was never recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from ..core.errors import Finding, warning
from ..locale.messages import _
from .control import CLOSED, Assignment, Standing, State, position_of, standing
from .extracts import Addressee, AddresseeKey, addressee_key
from .workdays import reply_deadline

DEFAULT_WITHIN = 14      # days: the reminders' window


def given_by(assignments: Iterable[Assignment], as_of: dt.date) -> list[Assignment]:
    """The assignments of meetings held on or before `as_of`: later ones did not exist yet."""
    return [a for a in assignments if a.meeting.date <= as_of]


def is_open(position: Standing) -> bool:
    """§24, §23: still to execute on the as-of date: in force (its protocol signed), neither done nor removed."""
    return position.signed and position.status not in CLOSED


def in_window(position: Standing, as_of: dt.date, within: int) -> bool:
    """§24: open with a dated deadline on or before as_of + within days (overdue ones included)."""
    return is_open(position) and position.deadline is not None and \
        position.deadline <= as_of + dt.timedelta(days=within)


def is_periodic(assignment: Assignment, position: Standing) -> bool:
    """Open, with a text deadline such as "ежеквартально": no date to fall due, so listed apart."""
    return is_open(position) and position.deadline is None and assignment.due is not None \
        and not isinstance(assignment.due, dt.date)


# ---------------------------------------------------------------- reminders (§24, §27.1)


@dataclass
class Reminder:
    """One letter: its addressee, its dated assignments (overdue ones marked) and its periodic ones."""

    number: int
    addressee: Addressee
    dated: list[tuple[Assignment, Standing]] = field(default_factory=list)
    periodic: list[tuple[Assignment, Standing]] = field(default_factory=list)


@dataclass
class Reminders:
    as_of: dt.date
    within: int
    reply_by: dt.date
    letters: list[Reminder]

    @property
    def window_end(self) -> dt.date:
        """The last deadline a letter lists: as_of + within, included."""
        return self.as_of + dt.timedelta(days=self.within)


def _by_addressee(rows: list[tuple[Assignment, Standing]]) -> dict[AddresseeKey, list]:
    """Each responsible body with its rows, in order of first mention."""
    out: dict[AddresseeKey, list] = {}
    for assignment, position in rows:
        for body in assignment.decision.responsible:
            out.setdefault(addressee_key(body), [Addressee(addressee_key(body), body), []])[1].append(
                (assignment, position))
    return out


def reminders_of(assignments: Iterable[Assignment], as_of: dt.date, within: int = DEFAULT_WITHIN) -> Reminders:
    """§24, §27.1: a letter to each body with an open dated assignment due by as_of + within."""
    rows = [(a, position_of(a, as_of)) for a in given_by(assignments, as_of) if a.meeting.protocol.signed]
    letters = []
    for addressee, body_rows in _by_addressee(rows).values():
        dated = sorted(((a, s) for a, s in body_rows if in_window(s, as_of, within)),
                       key=lambda row: (row[1].deadline, row[0].meeting.date, row[0].id))
        if not dated:
            continue
        periodic = [(a, s) for a, s in body_rows if is_periodic(a, s)]
        letters.append(Reminder(len(letters) + 1, addressee, dated, periodic))
    return Reminders(as_of, within, reply_deadline(as_of), letters)


# ---------------------------------------------------------------- status (§24, §25.3, §28)


@dataclass
class StatusRow:
    assignment: Assignment
    standing: Standing
    state: State


@dataclass
class BodyStatus:
    addressee: Addressee
    rows: list[StatusRow]

    def count(self, state: State) -> int:
        return sum(1 for r in self.rows if r.state is state)


@dataclass
class StatusReport:
    """Every assignment given by `as_of`, once in `rows` (the totals) and under each of its bodies."""

    as_of: dt.date
    rows: list[StatusRow]
    bodies: list[BodyStatus]

    def count(self, state: State) -> int:
        return sum(1 for r in self.rows if r.state is state)


def status_of(assignments: Iterable[Assignment], as_of: dt.date) -> StatusReport:
    """§24, §28: the state of every assignment as of `as_of`, grouped by responsible body (first mention order).

    An assignment with no responsible body is counted in the totals and listed under none.
    """
    rows = []
    for assignment in given_by(assignments, as_of):
        position = position_of(assignment, as_of)
        rows.append(StatusRow(assignment, position, position.state))
    by_row = {id(r.assignment): r for r in rows}
    bodies = [BodyStatus(addressee, [by_row[id(a)] for a, _ in body_rows])
              for addressee, body_rows in _by_addressee([(r.assignment, r.standing) for r in rows]).values()]
    return StatusReport(as_of, rows, bodies)


# ---------------------------------------------------------------- check (§24)


def unrecorded_overdue(assignments: Iterable[Assignment], today: dt.date) -> list[Finding]:
    """§24: an overdue assignment that the control file never mentions: its execution was not recorded."""
    findings = []
    for assignment in given_by(assignments, today):
        if assignment.entry is not None or not assignment.meeting.protocol.signed:
            continue
        position = standing(None, assignment.due, today)
        if position.overdue:
            example = f"- {{assignment: {assignment.id}, status: done, date: {today.isoformat()}}}"
            findings.append(warning(assignment.decision.loc_of("due"), _(
                "assignment {assignment} was due on {due} and control/{year}.yaml says nothing about it: add an "
                "entry saying how it stands (status: 'done', 'extended', 'removed', or 'in_progress' with a 'note'), "
                "e.g. {example}", assignment=assignment.id, due=position.deadline.isoformat(),
                year=assignment.meeting.date.year, example=example), "§24"))
    return findings
