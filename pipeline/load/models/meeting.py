"""meetings/<id>.yaml: one meeting of the Штаб, its agenda, votes and protocol (§12-15, §19-23)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from annotated_types import Ge
from pydantic import BeforeValidator, Field, PrivateAttr, WithJsonSchema

from ...locale.messages import _
from .base import (
    DATE_SCHEMA,
    MEMBER_ID_SCHEMA,
    SLUG,
    TEXT_SCHEMA,
    Approval,
    Bool,
    Date,
    Lang,
    MemberId,
    Model,
    Text,
    TextField,
    Time,
    _strict_int,
    _to_date,
    _to_slug,
    _to_text,
    kind_of,
)
from .body import Body, Member


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



class VoteSpec(Model):
    """Open voting (§13): ids for, against, abstained. Without `for`, every other present voter was for."""

    for_: list[MemberId] | None = Field(None, alias="for")
    against: list[MemberId] = Field(default_factory=list)
    abstained: list[MemberId] = Field(default_factory=list)


def _to_vote(value: Any) -> Any:
    if value == "unanimous" or isinstance(value, (VoteSpec, dict)):
        return value
    raise ValueError(_("expected unanimous or the ids of those who voted, e.g. {example}, got {value}",
                       example="vote: {against: [...], abstained: [...]}", value=kind_of(value)))


Vote = Annotated[Union[Literal["unanimous"], VoteSpec], BeforeValidator(_to_vote)]


def _to_due(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
        return _to_date(value)
    if isinstance(value, dt.date):
        return value
    return _to_text(value)


Due = Annotated[Any, BeforeValidator(_to_due), WithJsonSchema({"anyOf": [DATE_SCHEMA, TEXT_SCHEMA]})]


@dataclass
class MemberRef(Text):
    """A responsible body named by a member id of body.yaml: the member's post, in every language.

    The id is checked and bound to its member by `rules.extracts.bind_responsible`;
    until then (or when the id is unknown, an error of its own) the text is the id.
    """

    member_id: str = ""
    member: Member | None = None

    def get(self, lang: str) -> str | None:
        if self.member is None:
            return self.member_id
        return self.member.position.get(lang)


def _to_responsible(value: Any) -> Text:
    """A member id of body.yaml (a slug: `education`) names that member's post; anything else is a text."""
    if isinstance(value, str) and SLUG.match(value.strip()):
        return MemberRef({}, member_id=value.strip())
    return _to_text(value)


Responsible = Annotated[Any, BeforeValidator(_to_responsible),
                        WithJsonSchema({"anyOf": [MEMBER_ID_SCHEMA, TEXT_SCHEMA]})]


class Material(Model):
    from_: Responsible = Field(alias="from")   # a text, or a member id of body.yaml (its post)
    submitted: Date
    languages: list[Lang] | None = None


class Decision(Model):
    text: TextField
    responsible: list[Responsible] = Field(default_factory=list)   # a text, or a member id of body.yaml
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
    raise ValueError(_("expected a member id or {example}, got {value}", example="{name: ..., position: ...}",
                       value=kind_of(value)))


Speaker = Annotated[Union[str, Person], BeforeValidator(_to_speaker)]
# §21: an invited person {name, position}, or a member id of body.yaml (one whose membership is not in force on
# the day: a member in force takes part as a member); `check` binds the id, documents print the post and name
Invitee = Speaker


def _to_plan_ref(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-H[12]/\d+", value.strip()):
        return value.strip()
    raise ValueError(_("expected a plan question written plan/number (YYYY-H1/N or YYYY-H2/N), got {value}",
                       value=kind_of(value)))


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
    invited: list[Invitee] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)
    protocol: ProtocolInfo = Field(default_factory=ProtocolInfo)

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        """The file stem (contract: the meeting id), set by the loader, never typed."""
        return self._id

    def langs(self, body: Body) -> list[str]:
        return list(self.languages or body.languages)

