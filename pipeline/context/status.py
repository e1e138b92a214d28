"""Stage 3 for the status report (§24, §25.3, §28): the справка for the head on the execution of assignments.

Every state and count comes from `rules.execution.status_of`; here they get
their words in one language, grouped by responsible body.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.models import Body
from ..rules.execution import State, StatusReport, StatusRow
from .common import Localizer, body_header
from .letter import secretary_signer
from .meeting import Signature
from .reports import assignment_reference, state_words


@dataclass
class Counts:
    """Each assignment once, in its state (control.State): the states add up to the total."""

    total: int
    done_on_time: int
    done_late: int
    extended: int
    in_progress: int
    overdue: int
    removed: int
    not_signed: int


@dataclass
class StatusLine:
    reference: str         # "пункт 1.2 протокола № 1 от 12 марта 2026 года"
    text: str
    due: str
    state: str             # the words of its state: "исполнено в срок 29.05.2026", "просрочено" ...
    overdue: bool


@dataclass
class BodyBlock:
    number: int
    name: str
    counts: Counts
    lines: list[StatusLine]


@dataclass
class StatusContext:
    body_name: str
    akimat: str
    seat: str
    working_body: str
    as_of_long: str
    as_of_of: str
    counts: Counts
    bodies: list[BodyBlock]
    signer: Signature | None


def counts_of(rows: list[StatusRow]) -> Counts:
    by_state = {state: sum(1 for r in rows if r.state is state) for state in State}
    return Counts(total=len(rows), **{state.value: count for state, count in by_state.items()})


def _line(loc: Localizer, row: StatusRow, signing: dict | None = None) -> StatusLine:
    assignment, position = row.assignment, row.standing
    due = loc.due(position.deadline) if position.deadline else loc.due(assignment.due)
    return StatusLine(reference=assignment_reference(loc, assignment, signing), text=loc.text(assignment.decision.text),
                      due=due, state=state_words(loc, row.standing),
                      overdue=row.state is State.OVERDUE)


def status_context(report: StatusReport, body: Body, loc: Localizer,
                   signing: dict | None = None) -> tuple[StatusContext, Localizer]:
    """The справка as of the report's date: totals, then each body with its assignments and their states."""
    bodies = [BodyBlock(number, loc.text(b.addressee.name), counts_of(b.rows), [_line(loc, r, signing) for r in b.rows])
              for number, b in enumerate(report.bodies, start=1)]
    context = StatusContext(**body_header(loc, body), as_of_long=loc.date_long(report.as_of),
                            as_of_of=loc.date_of(report.as_of), counts=counts_of(report.rows), bodies=bodies,
                            signer=secretary_signer(loc, body))
    return context, loc
