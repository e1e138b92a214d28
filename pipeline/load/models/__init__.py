"""Typed models of the inputs (the contract of docs/regulation/contract.md, made types), one module per kind.

`base` holds what every kind is made of (texts, dates, ids, the base `Model`);
`body`, `meeting`, `plan`, `control`, `indicators` hold one kind of input file
each. Everything is re-exported here, so `from pipeline.load.models import Meeting`
reads the same whichever module defines it.
"""

from __future__ import annotations

from pydantic import BaseModel

from .base import (
    ANY_LANG,
    DATE_SCHEMA,
    FIRST_YEAR,
    LANGS,
    LAST_YEAR,
    MEETING_ID,
    MEMBER_ID_SCHEMA,
    PLACEHOLDER,
    PLAN_ID,
    SLUG,
    TEXT_SCHEMA,
    TIME_SCHEMA,
    Approval,
    Bool,
    Date,
    Int,
    Lang,
    MemberId,
    Model,
    Name,
    Text,
    TextField,
    Time,
    check_characters,
    kind_of,
    refuse_placeholder,
)
from .body import LETTER_KINDS, SIGNER_ROLES, Body, Established, LettersSignedBy, Member, Role
from .control import ASSIGNMENT_ID, AssignmentId, ControlEntry, Status
from .indicators import (
    INDICATOR_KEYS,
    Action,
    Campaign,
    Count,
    Destroyed,
    Dispensary,
    Indicators,
    IndicatorValues,
    Outgoing,
    Percent,
    Propaganda,
    Schools,
    Survey,
)
from .meeting import (
    Absence,
    Decision,
    Dissent,
    Due,
    Item,
    Material,
    Meeting,
    MemberRef,
    Person,
    PlanRef,
    ProtocolInfo,
    Speaker,
    StandIn,
    Vote,
    VoteSpec,
)
from .plan import MONTH, WORKING_BODY, Basis, Month, Period, Plan, PlanChange, PlanItem

__all__ = [
    "ANY_LANG", "DATE_SCHEMA", "FIRST_YEAR", "LANGS", "LAST_YEAR", "MEETING_ID", "MEMBER_ID_SCHEMA", "PLACEHOLDER",
    "PLAN_ID", "SLUG", "TEXT_SCHEMA", "TIME_SCHEMA", "Approval", "Bool", "Date", "Int", "Lang", "MemberId", "Model",
    "Name", "Text", "TextField", "Time", "check_characters", "kind_of", "refuse_placeholder",
    "LETTER_KINDS", "SIGNER_ROLES", "Body", "Established", "LettersSignedBy", "Member", "Role",
    "ASSIGNMENT_ID", "AssignmentId", "ControlEntry", "Status",
    "INDICATOR_KEYS", "Action", "Campaign", "Count", "Destroyed", "Dispensary", "IndicatorValues", "Indicators",
    "Outgoing", "Percent", "Propaganda", "Schools", "Survey",
    "Absence", "Decision", "Dissent", "Due", "Item", "Material", "Meeting", "MemberRef", "Person", "PlanRef",
    "ProtocolInfo",
    "Speaker", "StandIn", "Vote", "VoteSpec",
    "MONTH", "WORKING_BODY", "Basis", "Month", "Period", "Plan", "PlanChange", "PlanItem",
    "ALL_KEYS", "keys_of",
]


def keys_of(*models: type[BaseModel]) -> frozenset[str]:
    """Every key the models take, as typed in YAML (aliases such as `from`): the "did you mean" hint's words."""
    return frozenset((f.alias or name) for model in models for name, f in model.model_fields.items())


# Every key of every input kind, for the hint of an unknown key (pipeline/load/loader.py).
ALL_KEYS: frozenset[str] = keys_of(
    Member, Established, LettersSignedBy, Body, Person, Absence, StandIn, Material, VoteSpec, Decision, Dissent, Item, Approval,
    ProtocolInfo, Meeting, PlanItem, Basis, PlanChange, Plan, ControlEntry, Campaign, Action, Dispensary, Destroyed,
    Propaganda, Survey, Schools, Indicators, Outgoing,
)
