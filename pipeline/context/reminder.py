"""Stage 3 for a reminder (§24, §27.1): a letter asking one body for information on its assignments.

Which assignments, which are overdue and the reply date are decided in
`rules.execution`; here they get their words: the protocol each came from, the
text, the deadline, the overdue mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..grammar import dates
from ..load.models import Body
from ..rules.control import Assignment, Standing, State
from ..rules.execution import Reminder, Reminders
from .common import Localizer, body_genitives
from .letter import Sender, addressee_line, executor_line, letter_signature, periodic_reply, plural_addressee, sender
from .meeting import Signature
from .reports import assignment_reference


@dataclass
class ReminderRow:
    number: int
    reference: str         # "пункт 2.1 протокола № 4 от 17 сентября 2026 года"
    text: str
    due: str               # the deadline in force: "до 30 ноября 2026 года", or the text as typed ("ежеквартально")
    extended: bool         # the deadline is a new one (§24: extended)
    overdue: bool


@dataclass
class ReminderContext:
    sender: Sender
    addressee: str         # in the dative
    body_name_genitive: str
    akimat_genitive: str
    as_of_long: str        # "27 ноября 2026 года"
    as_of_of: str          # "2026 жылғы 27 қарашадағы"
    window_end: str        # the last day of the window, as a term: "до 11 декабря 2026 года"
    reply_by: str          # "2026 жылғы 2 желтоқсанға дейін" / "до 2 декабря 2026 года"
    dated: list[ReminderRow]
    periodic: list[ReminderRow]
    overdue: int           # how many of `dated` are overdue
    plural_addressee: bool  # the addressee names several (акимы …): kk «Сіздерге», not «Сізге»
    working_body: str      # named in full: where the answer goes
    periodic_reply: str    # by when a periodic assignment is reported on (body.yaml periodic_reply)
    signer: Signature | None   # body.yaml letters_signed_by.reminders; default the head (§27.1)
    executor: str          # «Исп.: Г. Абенова, тел. …»


def _row(loc: Localizer, number: int, assignment: Assignment, position: Standing) -> ReminderRow:
    due = loc.due(position.deadline) if position.deadline else loc.due(assignment.due)
    return ReminderRow(number=number, reference=assignment_reference(loc, assignment),
                       text=loc.paragraphs(assignment.decision.text), due=due,
                       extended=position.deadline is not None and position.deadline != assignment.due,
                       overdue=position.state is State.OVERDUE)


def reminder_context(reminder: Reminder, reminders: Reminders, body: Body,
                     loc: Localizer) -> tuple[ReminderContext, Localizer]:
    """The letter to `reminder`'s addressee, dated the as-of date, signed by the head (§27.1) unless body.yaml says."""
    lang = loc.lang
    dated = [_row(loc, n, a, s) for n, (a, s) in enumerate(reminder.dated, start=1)]
    periodic = [_row(loc, n, a, s) for n, (a, s) in enumerate(reminder.periodic, start=len(dated) + 1)]
    context = ReminderContext(
        sender=sender(loc, body, reminders.as_of), addressee=addressee_line(loc, reminder.addressee.name),
        **body_genitives(loc, body), as_of_long=loc.date_long(reminders.as_of),
        as_of_of=loc.date_of(reminders.as_of), window_end=dates.date_until(reminders.window_end, lang),
        reply_by=dates.date_until(reminders.reply_by, lang), dated=dated,
        periodic=periodic, overdue=sum(1 for r in dated if r.overdue),
        plural_addressee=plural_addressee(reminder.addressee.name), working_body=loc.text(body.working_body),
        periodic_reply=periodic_reply(loc, body), signer=letter_signature(loc, body, "reminders", reminders.as_of),
        executor=executor_line(loc, body))
    return context, loc
