"""plans/<YYYY-H1|YYYY-H2>.yaml: a half-year work plan and the head's changes to it (§16-18)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, WithJsonSchema

from ...locale.messages import _
from .base import PLAN_ID, Approval, Date, Int, MemberId, Model, TextField, kind_of
from .meeting import Responsible

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
WORKING_BODY = "working_body"  # a justification note (§18) may come from the working body instead of a deputy head


def _to_month(value: Any) -> dt.date:
    """"2026-03" → the first day of that month: a plan question heard "in March" (§17)."""
    match = MONTH.match(value.strip()) if isinstance(value, str) else None
    if match and 1 <= int(match.group(2)) <= 12:
        return dt.date(int(match.group(1)), int(match.group(2)), 1)
    raise ValueError(_("expected a month written year-month (YYYY-MM), got {value}", value=kind_of(value)))


def _to_period(value: Any) -> str:
    """Where a question is postponed to (§18): a month ("2026-09") or a half-year plan id ("2026-H2")."""
    if isinstance(value, str) and PLAN_ID.match(value.strip()):
        return value.strip()
    try:
        month = _to_month(value)
    except ValueError:
        raise ValueError(_("expected a month written year-month (YYYY-MM) or a half-year (YYYY-H1, YYYY-H2), got {value}",
                           value=kind_of(value))) from None
    return f"{month.year}-{month.month:02d}"


# The editor's schema (pipeline/editing/schema.py) must take "2026-03" as a month, not refuse it as a malformed date.
Month = Annotated[dt.date, BeforeValidator(_to_month),
                  WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{1,2}$"})]
Period = Annotated[str, BeforeValidator(_to_period),
                   WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(H[12]|\d{1,2})$"})]


class PlanItem(Model):
    """One planned question (§16, §17): what is heard, who reports, when, on whose proposal."""

    no: Int
    title: TextField
    responsible: list[Responsible] = Field(default_factory=list)   # a text, or a member id of body.yaml
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
    responsible: list[Responsible] = Field(default_factory=list)
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

