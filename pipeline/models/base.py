"""The pieces every input model is made of: texts, dates, ids, strict scalars, the base `Model`.

pydantic checks every type and unknown key and reports all problems of a file
at once; `pipeline.load` turns its error locations into file:line with the
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

from ..errors import Loc
from ..messages import _

LANGS: tuple[str, ...] = ("kk", "ru")
Lang = Literal["kk", "ru"]
ANY_LANG = "*"

SLUG = re.compile(r"^[a-z0-9_-]+$")
MEETING_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLAN_ID = re.compile(r"^(\d{4})-H([12])$")
# Characters XML 1.0 cannot hold: C0 controls other than tab, newline, carriage return; lone surrogates.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
        raise ValueError(
            f"the text holds the character U+{ord(bad.group()):04X}, which a document cannot contain"
            f" (at position {bad.start() + 1}); delete it and retype the text"
        )
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
            raise ValueError("the text is empty")
        return Text.plain(check_characters(value))
    if isinstance(value, dict):
        values: dict[str, str] = {}
        for lang, text in value.items():
            if lang not in LANGS:
                raise ValueError(f"unknown language '{lang}': texts are in kk and/or ru (§19)")
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the {lang} text must be a non-empty text")
            refuse_placeholder(text)
            values[lang] = check_characters(text)
        if not values:
            raise ValueError("the text is empty: give {kk: ..., ru: ...}")
        return Text(values)
    raise ValueError(f"expected a text or {{kk: ..., ru: ...}}, got {kind_of(value)}")


FIRST_YEAR, LAST_YEAR = 1900, 2100  # the records' own span; also keeps date arithmetic from overflowing


def _to_date(value: Any) -> dt.date:
    refuse_placeholder(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _in_span(value)
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"not a date: {kind_of(value)} ({exc}); dates are written 2026-03-12") from None
        return _in_span(day)
    raise ValueError(f"expected a date such as 2026-03-12, got {kind_of(value)}")


def _in_span(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"the year {day.year} is impossible here: dates lie between {FIRST_YEAR} and {LAST_YEAR}")
    return day


def _to_slug(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and SLUG.match(value):
        return value
    raise ValueError(f"expected a member id (letters a-z, digits, _ and -), got {kind_of(value)}")


def _to_time(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and re.fullmatch(r"([01]?\d|2[0-3])[:.][0-5]\d", value.strip()):
        hours, minutes = re.split(r"[:.]", value.strip())
        return f"{int(hours):02d}:{minutes}"
    raise ValueError(f"expected a time such as \"10:00\" (in quotes), got {kind_of(value)}")


def _to_name(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and value.strip():
        return check_characters(value.strip())
    raise ValueError(f"expected a name, got {kind_of(value)}")


def _strict_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {kind_of(value)}")


def _strict_int(value: Any) -> int:
    refuse_placeholder(value)   # a scaffold's quarter: "<<quarter, 3 or 4>>"
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"expected a whole number, got {kind_of(value)}")


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'" if len(value) < 60 else "a long text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _oddkind_of(value)


def _oddkind_of(value: Any) -> str:
    """YAML's rarer values in words: a tagged value (!foo 1), a set, binary data, a time of day."""
    tag = getattr(getattr(value, "tag", None), "value", None) or getattr(value, "tag", None)
    if isinstance(tag, str) and tag:
        return f"a value tagged {tag}"
    if isinstance(value, AbstractSet):
        return "a set"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    return f"a value of kind {type(value).__name__}"


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
TIME_SCHEMA = {"type": "string", "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$", "description": "\"10:00\""}

TextField = Annotated[Any, BeforeValidator(_to_text), WithJsonSchema(TEXT_SCHEMA)]
Date = Annotated[dt.date, BeforeValidator(_to_date), WithJsonSchema(DATE_SCHEMA)]
MemberId = Annotated[str, BeforeValidator(_to_slug), WithJsonSchema(MEMBER_ID_SCHEMA)]
Time = Annotated[str, BeforeValidator(_to_time), WithJsonSchema(TIME_SCHEMA)]
Name = Annotated[str, BeforeValidator(_to_name)]
Bool = Annotated[bool, BeforeValidator(_strict_bool)]
Int = Annotated[int, BeforeValidator(_strict_int)]


class Model(BaseModel):
    """Base of every input model: unknown keys refused, places stamped after loading."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, arbitrary_types_allowed=True)
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
