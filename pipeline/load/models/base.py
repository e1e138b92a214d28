"""The pieces every input model is made of: texts, dates, ids, strict scalars, the base `Model`.

pydantic checks every type and unknown key and reports all problems of a file
at once; `pipeline.load.loader` turns its error locations into file:line with the
ruamel tree and then stamps every model and text with its own place, so that
the rules can report a problem where the secretary typed it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, PrivateAttr, WithJsonSchema

from ...core.errors import Loc
from ...locale.messages import Message, _, code_point

LANGS: tuple[str, ...] = ("kk", "ru")
Lang = Literal["kk", "ru"]
ANY_LANG = "*"

SLUG = re.compile(r"^[a-z0-9_-]+$")
MEETING_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLAN_ID = re.compile(r"^(\d{4})-H([12])$")
# Characters XML 1.0 cannot hold: C0 controls other than tab, newline, carriage return; lone surrogates. And DEL and
# the C1 controls (U+007F-U+009F), which XML holds but no document shows: an invisible character in a record.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# What a scaffold (new-meeting) leaves for the secretary to type: "<<place of the meeting>>".
PLACEHOLDER = re.compile(r"<<[^<>]*>>")


def refuse_placeholder(value: Any) -> Any:
    """A value still holding a scaffold's <<...>> mark was not filled in: say so, naming the mark."""
    if isinstance(value, str):
        mark = PLACEHOLDER.search(value)
        if mark:
            raise ValueError(_("not filled in: replace {placeholder} with the real value", placeholder=mark.group()))
    return value


def check_characters(value: str) -> str:
    bad = _FORBIDDEN_CHARS.search(value)
    if bad:
        raise ValueError(_("the text holds the character {code}, which a document cannot contain (at position "
                           "{position}); delete it and retype the text", code=code_point(bad.group()),
                           position=bad.start() + 1))
    return value.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Text:
    """A human text: one string for every language, or one per language (§19: kk and/or ru)."""

    values: dict[str, str]
    loc: Loc = field(default_factory=lambda: Loc("?"))
    key: str = ""  # where in its file, e.g. "items[2].title", set by the loader

    def get(self, lang: str) -> str | None:
        if ANY_LANG in self.values:
            return self.values[ANY_LANG]
        return self.values.get(lang)

    @classmethod
    def plain(cls, value: str) -> "Text":
        return cls({ANY_LANG: value})


def _to_text(value: Any) -> Text:
    if isinstance(value, Text):
        return value
    if isinstance(value, str):
        refuse_placeholder(value)
        if not value.strip():
            raise ValueError(_("the text is empty: type the text, or remove the key"))
        return Text.plain(check_characters(value))
    if isinstance(value, dict):
        values: dict[str, str] = {}
        for lang, text in value.items():
            if lang not in LANGS:
                raise ValueError(_("unknown language '{lang}': texts are in kk and/or ru (§19)", lang=lang))
            if not isinstance(text, str) or not text.strip():
                raise ValueError(_("the {lang} text is empty: type it, e.g. {lang}: \"...\"", lang=lang))
            refuse_placeholder(text)
            values[lang] = check_characters(text)
        if not values:
            raise ValueError(_("the text is empty: give {example}", example="{kk: ..., ru: ...}"))
        return Text(values)
    raise ValueError(_("expected a text or {example}, got {value}", example="{kk: ..., ru: ...}",
                       value=kind_of(value)))


FIRST_YEAR, LAST_YEAR = 1900, 2100  # the records' own span; also keeps date arithmetic from overflowing


# the months in the locative, as «в апреле 30 дней» / «сәуірде 30 күн» says it (msgids, translated when shown)
IN_MONTH = (_("in January"), _("in February"), _("in March"), _("in April"), _("in May"), _("in June"),
            _("in July"), _("in August"), _("in September"), _("in October"), _("in November"), _("in December"))


def no_such_day(typed: str, year: int, month: int, day: int):
    """The message for a day the calendar lacks (2027-04-31, 29.02.2027): named impossible, with the month's last
    day, never suggested as written. None when the month itself is not one (13) or the day exists."""
    import calendar
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    values = dict(typed=typed, in_month=IN_MONTH[month - 1], year=year, last=dt.date(year, month, days).isoformat())
    if days == 31:   # «31 день», not «31 дней»: the count agrees with its noun
        return _("'{typed}' is a day that does not exist: {in_month} of {year} there are 31 days; write a day that "
                 "exists, e.g. the last one, {last}", **values)
    return _("'{typed}' is a day that does not exist: {in_month} of {year} there are {days} days; write a day that "
             "exists, e.g. the last one, {last}", days=days, **values)


# a date typed as people write it in letters (17.06.2027, 17/06/27, 2027.06.17): said back year-month-day
OTHER_DATE_FORM = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\s*(г\.?|года?|ж\.?)?\s*$"
                              r"|^\s*(\d{4})[./](\d{1,2})[./](\d{1,2})\s*$")


def date_exists(iso: str) -> bool:
    try:
        dt.date.fromisoformat(iso)
        return True
    except ValueError:
        return False


def as_iso(text: str) -> str:
    """'31.03.2027' → '2027-03-31' when the text is a date in another form; '' when it is not one."""
    match = OTHER_DATE_FORM.match(text)
    if not match:
        return ""
    if match.group(1):
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        year = int(year) + 2000 if len(year) == 2 else int(year)
    else:
        year, month, day = int(match.group(5)), int(match.group(6)), int(match.group(7))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}-{day:02d}"


def _to_date(value: Any) -> dt.date:
    refuse_placeholder(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _in_span(value)
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            numbers = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
            impossible = numbers and no_such_day(value.strip(), *map(int, numbers.groups()))
            if impossible:
                raise ValueError(impossible) from None
            if numbers:
                raise ValueError(_("{value} is not a date: there is no such day in the calendar; check the month "
                                   "and the day", value=kind_of(value))) from None
            iso = as_iso(value)   # typed in another form (17.06.2027, 17/06/2027): said as it is written
            impossible = iso and no_such_day(value.strip(), *map(int, iso.split("-")))
            if impossible:
                raise ValueError(impossible) from None
            if iso and date_exists(iso):
                raise ValueError(_("{value} is not written as a date is: write it year-month-day, {iso}",
                                   value=kind_of(value), iso=iso)) from None
            raise ValueError(_("{value} is not a date: dates are written year-month-day (YYYY-MM-DD)",
                               value=kind_of(value))) from None
        return _in_span(day)
    raise ValueError(_("expected a date written year-month-day (YYYY-MM-DD), got {value}", value=kind_of(value)))


def _in_span(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(_("the year {year} is impossible here: dates lie between {first} and {last}",
                           year=day.year, first=FIRST_YEAR, last=LAST_YEAR))
    return day


def _to_slug(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and SLUG.match(value):
        return value
    raise ValueError(_("expected a member id of body.yaml (Latin letters a-z, digits, _ and -), got {value}",
                       value=kind_of(value)))


def _to_time(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and re.fullmatch(r"([01]?\d|2[0-3])[:.][0-5]\d", value.strip()):
        hours, minutes = re.split(r"[:.]", value.strip())
        return f"{int(hours):02d}:{minutes}"
    raise ValueError(_("expected a time such as \"10:00\" (in quotes), got {value}", value=kind_of(value)))


def _to_name(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and value.strip():
        return check_characters(value.strip())
    raise ValueError(_("expected a name, got {value}", value=kind_of(value)))


def _strict_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(_("expected true or false, got {value}", value=kind_of(value)))


def _strict_int(value: Any) -> int:
    refuse_placeholder(value)   # a scaffold's quarter: "<<quarter, 3 or 4>>"
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(_("expected a whole number, got {value}", value=kind_of(value)))


def _to_iin(value: Any) -> str:
    """An IIN: 12 digits; a number YAML read from unquoted digits is taken back to its 12 digits."""
    refuse_placeholder(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**12:
        value = f"{value:012d}"
    if isinstance(value, str) and re.fullmatch(r"[0-9]{12}", value.strip()):
        return value.strip()
    raise ValueError(_("expected an IIN of 12 digits, got {value}; write it in quotes: '850101300123'",
                       value=kind_of(value)))


def kind_of(value: Any) -> Message | str:
    """What she typed, in words for a message: "'12.03.2026'", "the number 12", "a list"."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return _("the number {number}", number=value)
    if isinstance(value, str):
        return f"'{value}'" if len(value) < 60 else _("a long text")
    if isinstance(value, dict):
        return _("a mapping (key: value)")
    if isinstance(value, list):
        return _("a list")
    return _odd_kind_of(value)


def _odd_kind_of(value: Any) -> Message:
    """YAML's rarer values in words: a tagged value (!foo 1), a set, binary data, a time of day."""
    tag = getattr(getattr(value, "tag", None), "value", None) or getattr(value, "tag", None)
    if isinstance(tag, str) and tag:
        return _("a value tagged {tag}", tag=tag)
    if isinstance(value, AbstractSet):
        return _("a set")
    if isinstance(value, (bytes, bytearray)):
        return _("binary data")
    if isinstance(value, dt.datetime):
        return _("the date and time {value}", value=value.isoformat())
    return _("a value of kind {kind}", kind=type(value).__name__)


# JSON Schemas of the custom types, for editors (`schema` command): what the validators accept.
TEXT_SCHEMA = {
    "title": "Text",
    "description": "Мәтін: бір жол немесе {kk: ..., ru: ...} / Текст: одна строка или {kk: ..., ru: ...}",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "properties": {"kk": {"type": "string", "minLength": 1},
                                          "ru": {"type": "string", "minLength": 1}},
         "additionalProperties": False, "minProperties": 1},
    ],
}
DATE_SCHEMA = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{1,2}-\d{1,2}$",
               "description": "ЖЖЖЖ-АА-КК / ГГГГ-ММ-ДД, 2026-03-12"}
MEMBER_ID_SCHEMA = {"type": "string", "pattern": SLUG.pattern,
                    "description": "body.yaml мүшесінің id-і / id члена из body.yaml"}
IIN_SCHEMA = {"type": "string", "pattern": r"^[0-9]{12}$",
              "description": "ЖСН, 12 цифр / ИИН, 12 цифр: '850101300123'"}
TIME_SCHEMA = {"type": "string", "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$", "description": "\"10:00\""}

TextField = Annotated[Any, BeforeValidator(_to_text), WithJsonSchema(TEXT_SCHEMA)]
Date = Annotated[dt.date, BeforeValidator(_to_date), WithJsonSchema(DATE_SCHEMA)]
MemberId = Annotated[str, BeforeValidator(_to_slug), WithJsonSchema(MEMBER_ID_SCHEMA)]
Time = Annotated[str, BeforeValidator(_to_time), WithJsonSchema(TIME_SCHEMA)]
Name = Annotated[str, BeforeValidator(_to_name)]
Bool = Annotated[bool, BeforeValidator(_strict_bool)]
Iin = Annotated[str, BeforeValidator(_to_iin), WithJsonSchema(IIN_SCHEMA)]
Int = Annotated[int, BeforeValidator(_strict_int)]


class Model(BaseModel):
    """Base of every input model: unknown keys refused, places stamped after loading."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, arbitrary_types_allowed=True, defer_build=True)
    _loc: Loc = PrivateAttr(default_factory=lambda: Loc("?"))
    _field_locs: dict = PrivateAttr(default_factory=dict)
    _item_locs: dict = PrivateAttr(default_factory=dict)

    @property
    def loc(self) -> Loc:
        return self._loc

    def loc_of(self, name: str) -> Loc:
        """Where the key `name` was typed; the model's own place when it was not."""
        return self._field_locs.get(name, self._loc)

    def loc_of_item(self, name: str, index: int) -> Loc:
        """Where the `index`-th entry of the list `name` was typed (an id in `present: [...]`), else the key's place."""
        locs = self._item_locs.get(name, ())
        return locs[index] if index < len(locs) else self.loc_of(name)



class Approval(Model):
    by: MemberId
    date: Date
