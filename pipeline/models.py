"""Typed models of the inputs (the contract in ../shared/CONTRACT.md, made types).

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
from typing import Annotated, Any, Literal, Union

from annotated_types import Ge
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema, WithJsonSchema

from .errors import Loc
from .messages import msg

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
            raise ValueError(msg("input.placeholder", placeholder=mark.group()))
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
    raise ValueError(f"expected a text or {{kk: ..., ru: ...}}, got {_kind(value)}")


FIRST_YEAR, LAST_YEAR = 1900, 2100  # the records' own span; also keeps date arithmetic from overflowing


def _to_date(value: Any) -> dt.date:
    refuse_placeholder(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _in_span(value)
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"not a date: {_kind(value)} ({exc}); dates are written 2026-03-12") from None
        return _in_span(day)
    raise ValueError(f"expected a date such as 2026-03-12, got {_kind(value)}")


def _in_span(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"the year {day.year} is impossible here: dates lie between {FIRST_YEAR} and {LAST_YEAR}")
    return day


def _to_slug(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and SLUG.match(value):
        return value
    raise ValueError(f"expected a member id (letters a-z, digits, _ and -), got {_kind(value)}")


def _to_time(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and re.fullmatch(r"([01]?\d|2[0-3])[:.][0-5]\d", value.strip()):
        hours, minutes = re.split(r"[:.]", value.strip())
        return f"{int(hours):02d}:{minutes}"
    raise ValueError(f"expected a time such as \"10:00\" (in quotes), got {_kind(value)}")


def _to_name(value: Any) -> str:
    refuse_placeholder(value)
    if isinstance(value, str) and value.strip():
        return check_characters(value.strip())
    raise ValueError(f"expected a name, got {_kind(value)}")


def _strict_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {_kind(value)}")


def _strict_int(value: Any) -> int:
    refuse_placeholder(value)   # a scaffold's quarter: "<<quarter, 3 or 4>>"
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"expected a whole number, got {_kind(value)}")


def _kind(value: Any) -> str:
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
    return _odd_kind(value)


def _odd_kind(value: Any) -> str:
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

    @property
    def loc(self) -> Loc:
        return self._loc

    def loc_of(self, name: str) -> Loc:
        """Where the key `name` was typed; the model's own place when it was not."""
        return self._field_locs.get(name, self._loc)


# ---------------------------------------------------------------- body.yaml

Role = Literal["head", "deputy_head", "secretary", "member"]


class Member(Model):
    id: MemberId
    name: Name | None = None
    position: TextField
    role: Role
    by_agreement: Bool = False
    voting: Bool | None = None
    from_: Date | None = Field(None, alias="from")
    until: Date | None = None

    @property
    def votes(self) -> bool:
        """The Reading of N: the secretary neither counts nor votes unless marked voting."""
        if self.voting is not None:
            return self.voting
        return self.role != "secretary"

    def in_force_on(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day <= self.until)


class Established(Model):
    number: Name
    date: Date


class Body(Model):
    name: TextField
    akimat: TextField
    seat: TextField
    established: Established
    working_body: TextField
    authorized_body: TextField | None = None
    # extension: the names in the genitive, for headings such as "... штабтың құрамы" / "Состав ... штаба"
    name_genitive: TextField | None = None
    akimat_genitive: TextField | None = None
    languages: list[Lang] = Field(default_factory=lambda: list(LANGS), min_length=1)
    members: list[Member] = Field(min_length=1)

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    @property
    def head(self) -> Member | None:
        return next((m for m in self.members if m.role == "head"), None)

    @property
    def secretary(self) -> Member | None:
        return next((m for m in self.members if m.role == "secretary"), None)


# ---------------------------------------------------------------- meetings/*.yaml


class Person(Model):
    """Someone who is not a member: an invitee, an outside speaker."""

    name: TextField
    position: TextField | None = None


class Absence(Model):
    member: MemberId
    reason: TextField | None = None


class StandIn(Model):
    for_: MemberId = Field(alias="for")
    name: TextField
    position: TextField | None = None


class Material(Model):
    from_: TextField = Field(alias="from")
    submitted: Date
    languages: list[Lang] | None = None


class VoteSpec(Model):
    """Open voting (§13): ids for, against, abstained. Without `for`, every other present voter was for."""

    for_: list[MemberId] | None = Field(None, alias="for")
    against: list[MemberId] = Field(default_factory=list)
    abstained: list[MemberId] = Field(default_factory=list)


def _to_vote(value: Any) -> Any:
    if value == "unanimous" or isinstance(value, (VoteSpec, dict)):
        return value
    raise ValueError(f"expected 'unanimous' or {{for: [...], against: [...], abstained: [...]}}, got {_kind(value)}")


Vote = Annotated[Union[Literal["unanimous"], VoteSpec], BeforeValidator(_to_vote)]


def _to_due(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
        return _to_date(value)
    if isinstance(value, dt.date):
        return value
    return _to_text(value)


Due = Annotated[Any, BeforeValidator(_to_due), WithJsonSchema({"anyOf": [DATE_SCHEMA, TEXT_SCHEMA]})]


class Decision(Model):
    text: TextField
    responsible: list[TextField] = Field(default_factory=list)
    due: Due | None = None
    vote: Vote | None = None  # extension: a decision voted apart from the rest of its item


class Dissent(Model):
    member: MemberId
    date: Date
    text: TextField


def _to_speaker(value: Any) -> Any:
    if isinstance(value, str):
        return _to_slug(value)
    if isinstance(value, (dict, Person)):
        return value
    raise ValueError(f"expected a member id or {{name: ..., position: ...}}, got {_kind(value)}")


Speaker = Annotated[Union[str, Person], BeforeValidator(_to_speaker)]


def _to_plan_ref(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-H[12]/\d+", value.strip()):
        return value.strip()
    raise ValueError(f"expected a plan item such as \"2026-H1/3\", got {_kind(value)}")


PlanRef = Annotated[str, BeforeValidator(_to_plan_ref),
                    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-H[12]/\d+$", "description": "2026-H1/3"})]


class Item(Model):
    plan: PlanRef | None = None
    title: TextField | None = None
    speakers: list[Speaker] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    heard: TextField | None = None
    decisions: list[Decision] = Field(default_factory=list)
    vote: Vote = "unanimous"
    dissent: list[Dissent] = Field(default_factory=list)


class Approval(Model):
    by: MemberId
    date: Date


class ProtocolInfo(Model):
    drawn_up: Date | None = None
    signed_by: MemberId | None = None
    signed: Bool = False


class Meeting(Model):
    number: Annotated[int, Ge(1), BeforeValidator(_strict_int)]  # protocol numbers start at 1
    date: Date
    time: Time | None = None
    place: TextField
    kind: Literal["regular", "extraordinary"] = "regular"
    initiated_by: list[MemberId] = Field(default_factory=list)
    urgent: Bool = False
    languages: list[Lang] | None = None
    chair: MemberId | None = None
    agenda_approved: Approval | None = None
    documents_sent: Date | None = None
    present: list[MemberId] = Field(min_length=1)
    absent: list[Absence] = Field(default_factory=list)
    stand_ins: list[StandIn] = Field(default_factory=list)
    invited: list[Person] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)
    protocol: ProtocolInfo = Field(default_factory=ProtocolInfo)

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        """The file stem (contract: the meeting id), set by the loader, never typed."""
        return self._id

    def langs(self, body: Body) -> list[str]:
        return list(self.languages or body.languages)


ALL_KEYS: frozenset[str] = frozenset(
    (f.alias or name)
    for model in (Member, Established, Body, Person, Absence, StandIn, Material, VoteSpec, Decision,
                  Dissent, Item, Approval, ProtocolInfo, Meeting)
    for name, f in model.model_fields.items()
)


def register_keys(*models: type[BaseModel]) -> None:
    """Other input kinds add their keys for the "did you mean" hint of an unknown key."""
    global ALL_KEYS
    ALL_KEYS = ALL_KEYS | frozenset((f.alias or n) for m in models for n, f in m.model_fields.items())


# ---------------------------------------------------------------- plans/*.yaml (§16-18)

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
WORKING_BODY = "working_body"  # a justification note (§18) may come from the working body instead of a deputy head


def _to_month(value: Any) -> dt.date:
    """"2026-03" → the first day of that month: a plan question heard "in March" (§17)."""
    match = MONTH.match(value.strip()) if isinstance(value, str) else None
    if match and 1 <= int(match.group(2)) <= 12:
        return dt.date(int(match.group(1)), int(match.group(2)), 1)
    raise ValueError(f"expected a month such as 2026-03, got {_kind(value)}")


def _to_period(value: Any) -> str:
    """Where a question is postponed to (§18): a month ("2026-09") or a half-year plan id ("2026-H2")."""
    if isinstance(value, str) and PLAN_ID.match(value.strip()):
        return value.strip()
    try:
        month = _to_month(value)
    except ValueError:
        raise ValueError(f"expected a month such as 2026-09 or a half-year such as 2026-H2, got {_kind(value)}"
                         ) from None
    return f"{month.year}-{month.month:02d}"


# The editor's schema (pipeline/schema.py) must take "2026-03" as a month, not refuse it as a malformed date.
Month = Annotated[dt.date, BeforeValidator(_to_month),
                  WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{1,2}$"})]
Period = Annotated[str, BeforeValidator(_to_period),
                   WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(H[12]|\d{1,2})$"})]


class PlanItem(Model):
    """One planned question (§16, §17): what is heard, who reports, when, on whose proposal."""

    no: Int
    title: TextField
    responsible: list[TextField] = Field(default_factory=list)
    proposed_by: MemberId
    quarter: Int | None = None
    month: Month | None = None


class Basis(Model):
    """The justification note (негіздеме-анықтама) of a change: a deputy head's or the working body's (§18)."""

    by: MemberId
    date: Date
    text: TextField | None = None


class PlanChange(Model):
    """A change of the plan decided by the head (§18): exclude or postpone item `item`, or add question `no`."""

    item: Int | None = None
    action: Literal["exclude", "postpone", "add"]
    to: Period | None = None
    no: Int | None = None
    title: TextField | None = None
    responsible: list[TextField] = Field(default_factory=list)
    proposed_by: MemberId | None = None  # extension: who proposed an added question (default: the note's author)
    quarter: Int | None = None
    month: Month | None = None
    basis: Basis
    decided: Approval


class Plan(Model):
    """A half-year work plan (§16-18); its id is the file stem, YYYY-H1 or YYYY-H2."""

    approved: Approval
    sent_to_members: Date | None = None
    items: list[PlanItem] = Field(min_length=1)
    changes: list[PlanChange] = Field(default_factory=list)

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        return self._id

    @property
    def year(self) -> int:
        return int(self._id[:4])

    @property
    def half(self) -> int:
        return int(self._id[-1])


register_keys(PlanItem, Basis, PlanChange, Plan)
