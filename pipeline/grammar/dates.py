"""The official date forms of Kazakh and Russian documents.

Month names come from Babel's CLDR data (Russian in the genitive, "12 марта");
the Kazakh forms add the suffixes of the official style by vowel harmony and
voicing (`grammar.kk`): "2026 жылғы 12 наурыз", "2026 жылғы 12 наурыздағы", "12 қыркүйекте".

No line breaks inside a date's parts: the day and its month, the year and «года» / «жылғы», «от» / «до» and
the day are joined by no-break spaces (U+00A0, `_joined`). A line may break only between the month and the year
(ru) or between «жылғы» and the day (kk): a whole date is wider than the deadline column of the register.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..core.cache import KeptValues, code_digest, version
from .kk import dative_kk, locative, locative_attributive


@lru_cache(maxsize=None)
def _months(context: str, lang: str) -> tuple[str, ...]:
    """CLDR's twelve wide month names in `context` ("format", "stand-alone"), kept between runs (speed_kept.py):
    Babel's import and its locale data for two languages took ~30 ms CPU of every run, for the same 48 words."""
    kept = _kept().get(f"{context} {lang}")
    if isinstance(kept, list) and len(kept) == 12 and all(isinstance(name, str) and name for name in kept):
        return tuple(kept)
    from babel.dates import get_month_names  # only when the names are not kept
    names = get_month_names("wide", context, lang)
    months = tuple(names[month] for month in range(1, 13))
    _kept().put(f"{context} {lang}", list(months))
    return months


@lru_cache(maxsize=1)
def _kept() -> KeptValues:
    return KeptValues("months", f"babel {version('babel')}; code {code_digest(__file__)}")


def month_name(month: int, lang: str) -> str:
    """CLDR's month in the form used after a day number: "наурыз", "марта"."""
    return _months("format", lang)[month - 1]


def month_nominative(month: int, lang: str) -> str:
    """CLDR's stand-alone month, in lower case as running text writes it: "наурыз", "март"."""
    return _months("stand-alone", lang)[month - 1].lower()


NBSP = "\u00a0"


def _joined(first: object, second: str) -> str:
    """Two words of a date no line may part: "12 марта", "2026 года", "2026 жылғы"."""
    return f"{first}{NBSP}{second}"


def _kk(day: dt.date, month: str) -> str:
    """"2026 жылғы 12 наурыздағы": the year with «жылғы», the day with its month (in the form given)."""
    return f"{_joined(day.year, 'жылғы')} {_joined(day.day, month)}"


def date_long(day: dt.date, lang: str) -> str:
    """"2026 жылғы 12 наурыз" / "12 марта 2026 года"."""
    if lang == "kk":
        return _kk(day, month_name(day.month, "kk"))
    return f"{_joined(day.day, month_name(day.month, 'ru'))} {_joined(day.year, 'года')}"


def date_of(day: dt.date, lang: str) -> str:
    """The date as an attribute of a document: "2026 жылғы 12 наурыздағы" / "от 12 марта 2026 года"."""
    if lang == "kk":
        return _kk(day, locative_attributive(month_name(day.month, "kk")))
    return _joined("от", date_long(day, "ru"))


def date_on(day: dt.date, lang: str) -> str:
    """When something happened: "2026 жылғы 12 наурызда" / "12 марта 2026 года"."""
    if lang == "kk":
        return _kk(day, locative(month_name(day.month, "kk")))
    return date_long(day, "ru")


def date_governed_by_until(day: dt.date, lang: str) -> str:
    """The date in the case «дейін» / «до» governs: "2026 жылғы 30 маусымға" (dative) / "30 июня 2026 года"."""
    if lang == "kk":
        return _kk(day, dative_kk(month_name(day.month, "kk")))
    return date_long(day, "ru")


def date_until(day: dt.date, lang: str) -> str:
    """A deadline: "2026 жылғы 30 маусымға дейін" / "до 30 июня 2026 года".

    «дейін» governs the dative, and a numeric date (30.06.2026) has no case ending
    to carry it, so a deadline is always the long date in Kazakh; Russian matches.
    """
    if lang == "kk":
        return f"{date_governed_by_until(day, 'kk')} дейін"
    return _joined("до", date_long(day, "ru"))


def date_numeric(day: dt.date) -> str:
    """The short form of tables and signature blocks: 12.03.2026."""
    return day.strftime("%d.%m.%Y")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
