"""The dates and numbers of a meeting's papers: materials and documents on time (§22, §26.4), the protocol
drawn up within a day (§23), protocol numbers within a year (§15), deadlines the register can read (§24)."""

from __future__ import annotations

import datetime as dt

from ..core.errors import Finding, error, warning
from ..core.kinds import PROTOCOL
from ..load.models import Meeting
from ..load.models.base import as_iso as _as_iso
from ..load.models.base import date_exists as _exists
from ..load.models.base import no_such_day
from ..locale.messages import _

# ---------------------------------------------------------------- deadlines (§22, §26.4, §23)


def check_materials(meeting: Meeting) -> list[Finding]:
    """§22: materials come in at least five calendar days before the meeting; an urgent one may take them on the day."""
    if meeting.urgent:
        return [warning(m.loc_of("submitted"), _("materials submitted after the meeting"), "§22")
                for item in meeting.items for m in item.materials if m.submitted > meeting.date]
    latest = meeting.date - dt.timedelta(days=5)
    return [warning(m.loc_of("submitted"), _("materials submitted on {date}, later than five days before the "
                                             "meeting ({latest})", date=m.submitted.isoformat(),
                                             latest=latest.isoformat()), "§22")
            for item in meeting.items for m in item.materials if m.submitted > latest]


def check_documents_sent(meeting: Meeting) -> list[Finding]:
    """§26.4: the working body sends members the documents at least three days before (waived when urgent)."""
    if meeting.urgent:
        return []
    latest = meeting.date - dt.timedelta(days=3)
    if meeting.documents_sent is None:
        return [warning(meeting.loc, _("the date the documents were sent to members is missing: add e.g. "
                                       "documents_sent: {date}", date=latest.isoformat()), "§26.4")]
    if meeting.documents_sent > latest:
        return [warning(meeting.loc_of("documents_sent"), _("documents sent on {date}, later than three days before "
                                                            "the meeting ({latest})",
                                                            date=meeting.documents_sent.isoformat(),
                                                            latest=latest.isoformat()), "§26.4")]
    return []


def check_protocol_date(meeting: Meeting) -> list[Finding]:
    """§23: the protocol is drawn up within one day of the meeting (drawn-up date ≤ meeting date + 1)."""
    drawn_up = meeting.protocol.drawn_up
    if drawn_up is None:
        return []
    if drawn_up < meeting.date:
        return [error(meeting.protocol.loc_of("drawn_up"), _("the protocol is dated before the meeting: drawn_up is "
                                                             "the meeting's day or the day after"), "§23", PROTOCOL)]
    if drawn_up > meeting.date + dt.timedelta(days=1):
        return [warning(meeting.protocol.loc_of("drawn_up"), _("the protocol was drawn up on {date}, more than one "
                                                               "day after the meeting", date=drawn_up.isoformat()),
                        "§23")]
    return []


# ---------------------------------------------------------------- protocol numbers within a year (§15, §12)


def check_numbering(meetings: list[Meeting]) -> list[Finding]:
    """§15: each meeting's protocol has its own number within the year, numbers following the dates.

    Two meetings of one year with the same number are an error, and so is a number smaller than that of
    an earlier meeting of the year (the protocols would be filed out of order). Two meetings on the same
    day are allowed (§12: an extraordinary one may follow a regular one) but warned about: usually a
    copied file whose date was not changed.
    """
    findings: list[Finding] = []
    by_year: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        by_year.setdefault(meeting.date.year, []).append(meeting)
    for year, held in sorted(by_year.items()):
        held.sort(key=lambda m: (m.date, m.number, m.id))
        seen: dict[int, Meeting] = {}
        for earlier, later in zip(held, held[1:]):
            if later.date == earlier.date:
                findings.append(warning(later.loc_of("date"), _(
                    "meetings {first} and {second} are both on {date}: check the date",
                    first=earlier.id, second=later.id, date=later.date.isoformat()), "§12"))
        for index, meeting in enumerate(held):
            if meeting.number in seen:
                findings.append(error(meeting.loc_of("number"), _(
                    "protocol number {number} of {year} is already that of meeting {other}: each meeting of a year "
                    "has its own number", number=meeting.number, year=year, other=seen[meeting.number].id),
                    "§15", PROTOCOL))
            else:
                before = [m for m in held[:index] if m.date < meeting.date and m.number > meeting.number]
                if before:
                    findings.append(error(meeting.loc_of("number"), _(
                        "protocol number {number} ({date}) is smaller than number {other_number} of the earlier "
                        "meeting {other} ({other_date}): numbers follow the dates within a year",
                        number=meeting.number, date=meeting.date.isoformat(), other_number=before[-1].number,
                        other=before[-1].id, other_date=before[-1].date.isoformat()), "§15", PROTOCOL))
                seen[meeting.number] = meeting
    return findings


# ---------------------------------------------------------------- deadlines written as dates in another form (§24)


def deadlines_in_other_forms(meeting: Meeting) -> list[Finding]:
    """§24: an assignment's deadline is a date the register can compare (2027-03-31) or a text ("ежеквартально").

    A date typed as 31.03.2027 or 31/03/2027 would be read as a text and never become overdue: an error that
    says how to write it. A text deadline stays allowed.
    """
    findings = []
    for number, item in enumerate(meeting.items, start=1):
        for index, decision in enumerate(item.decisions, start=1):
            due = decision.due
            if due is None or isinstance(due, dt.date):
                continue
            for text in dict.fromkeys(due.values.values()):
                iso = _as_iso(text)
                impossible = iso and no_such_day(text.strip(), *map(int, iso.split("-")))
                if impossible:
                    findings.append(error(decision.loc_of("due"), _(
                        "the deadline of decision {decision}: {problem}", decision="%d.%d" % (number, index),
                        problem=impossible), "§24"))
                elif iso and not _exists(iso):
                    findings.append(error(decision.loc_of("due"), _(
                        "{value} is not a date: there is no such day in the calendar; check the month and the day",
                        value=text.strip()), "§24"))
                elif iso:
                    findings.append(error(decision.loc_of("due"), _(
                        "the deadline of decision {decision} is written '{typed}': write a date as {iso} "
                        "(year-month-day), so that the register can tell when it is overdue",
                        decision="%d.%d" % (number, index), typed=text.strip(), iso=iso), "§24"))
    return findings


def deadlines_before_the_meeting(meeting: Meeting) -> list[Finding]:
    """§24: an assignment is given at the meeting, so its deadline (a date) cannot be before the meeting's own date.

    The one rule for it: `check` refuses such a decision, and no protocol with it is written or sealed.
    """
    findings = []
    for number, item in enumerate(meeting.items, start=1):
        for index, decision in enumerate(item.decisions, start=1):
            if isinstance(decision.due, dt.date) and decision.due < meeting.date:
                findings.append(error(decision.loc_of("due"), _(
                    "the deadline {due} of decision {decision} is before the meeting itself ({date}): an assignment "
                    "is given at the meeting; check the year and the month of the deadline",
                    due=decision.due.isoformat(), decision="%d.%d" % (number, index),
                    date=meeting.date.isoformat()), "§24"))
    return findings
