"""The half-year calendar of the plans (§17): half-years, their quarters and months, postponement targets."""

from __future__ import annotations

import datetime as dt

from ..load.models import PLAN_ID
from ..locale.messages import Message, _


def half_of(day: dt.date) -> int:
    return 1 if day.month <= 6 else 2


def plan_id_of(day: dt.date) -> str:
    """The plan id of the half-year a day falls in: 2026-03-12 → "2026-H1"."""
    return f"{day.year}-H{half_of(day)}"


def half_bounds(plan_id: str) -> tuple[dt.date, dt.date]:
    """First and last day of a half-year: "2026-H2" → 2026-07-01, 2026-12-31."""
    year, half = int(plan_id[:4]), int(plan_id[-1])
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))


def half_words(plan_id: str) -> Message:
    """For the messages: "the first half of 2026"."""
    if plan_id.endswith("1"):
        return _("the first half of {year}", year=plan_id[:4])
    return _("the second half of {year}", year=plan_id[:4])


def quarters_of(half: int) -> tuple[int, int]:
    """§17 as this project reads it: H1 holds quarters 1-2, H2 quarters 3-4."""
    return (1, 2) if half == 1 else (3, 4)


def target_plan_id(to: str) -> str:
    """The half-year a postponement sends a question to: "2026-H2" as is, "2026-09" → "2026-H2"."""
    if PLAN_ID.match(to):
        return to
    return plan_id_of(dt.date(int(to[:4]), int(to[5:7]), 1))


def scheduled_start(plan_id: str, quarter: int | None, month: dt.date | None) -> dt.date:
    """The first day of the time a question is planned for: its month, its quarter, else its half-year."""
    if month is not None:
        return month
    if quarter in (1, 2, 3, 4):
        return dt.date(int(plan_id[:4]), 3 * quarter - 2, 1)
    return half_bounds(plan_id)[0]


def scheduled_end(plan_id: str, quarter: int | None, month: dt.date | None) -> dt.date:
    """The last day of the time a question is planned for: its month, its quarter, else its half-year."""
    start = scheduled_start(plan_id, quarter, month)
    if month is not None:
        months = 1
    elif quarter in (1, 2, 3, 4):
        months = 3
    else:
        return half_bounds(plan_id)[1]
    following = dt.date(start.year + (start.month + months - 1) // 12, (start.month + months - 1) % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period_start(to: str) -> dt.date:
    """The first day of a postponement's target (a month or a half-year)."""
    if PLAN_ID.match(to):
        return half_bounds(to)[0]
    return dt.date(int(to[:4]), int(to[5:7]), 1)
