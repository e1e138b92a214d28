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

REPLY_WORKING_DAYS = 3


@lru_cache(maxsize=1)
def _calendar():
    """Kazakhstan's public holidays and days off; years are filled in as they are asked for."""
    import holidays

    return holidays.country_holidays("KZ")


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, not a public holiday or a day off moved onto it."""
    return _calendar().is_working_day(day)


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
