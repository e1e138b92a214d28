"""Working days in Kazakhstan: the deadlines a letter of the Штаб sets (§27.1) and the notice's reply date.

**Reading** (§27.1, the Штаб requests information from state bodies): the body
answers by the as-of date plus 3 working days. A working day is a day that is
neither a Saturday or Sunday nor a public holiday of Kazakhstan, its transferred
days off included. The holidays come from the `holidays` package (its
Kazakhstan calendar is maintained with each year's government decisions), not
from a list kept here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..core.cache import KeptValues, code_digest, version

REPLY_WORKING_DAYS = 3


@lru_cache(maxsize=1)
def _calendar():
    """Kazakhstan's public holidays and days off; years are filled in as they are asked for."""
    import holidays

    return holidays.country_holidays("KZ")


@lru_cache(maxsize=1)
def _kept() -> KeptValues:
    """The days off of each year asked for before (speed_kept.py): importing `holidays` and building a year's
    calendar took ~0.1 s of each `check`, for the same few dates every run. Stamped with the package's version
    and this file."""
    return KeptValues("days-off-kz", f"holidays {version('holidays')}; code {code_digest(__file__)}")


@lru_cache(maxsize=None)
def _days_off(year: int) -> frozenset[dt.date]:
    """The days of `year` that are not working days: weekends, public holidays and moved days off."""
    kept = _kept().get(str(year))
    try:
        days = frozenset(dt.date.fromisoformat(text) for text in kept)
        if days and all(day.year == year for day in days):
            return days
    except (TypeError, ValueError):
        pass   # not kept, or damaged: ask the calendar
    calendar = _calendar()
    first = dt.date(year, 1, 1)
    days = frozenset(day for day in (first + dt.timedelta(days=n) for n in range(366))
                     if day.year == year and not calendar.is_working_day(day))
    _kept().put(str(year), sorted(day.isoformat() for day in days))
    return days


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, not a public holiday or a day off moved onto it."""
    return day not in _days_off(day.year)


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `day` (`day` itself not counted): 3 after Friday 20 March 2026,
    with Nauryz on 23-25 March, is Monday 30 March."""
    current = day
    for _ in range(count):
        current += dt.timedelta(days=1)
        while not is_working_day(current):
            current += dt.timedelta(days=1)
    return current


def reply_deadline(as_of: dt.date) -> dt.date:
    """§27.1: the date by which a body answers a letter dated `as_of`: 3 working days later."""
    return working_days_after(as_of, REPLY_WORKING_DAYS)


def last_working_day_before(day: dt.date) -> dt.date:
    """The working day before `day`: the notice asks to confirm attendance by then."""
    current = day - dt.timedelta(days=1)
    while not is_working_day(current):
        current -= dt.timedelta(days=1)
    return current
