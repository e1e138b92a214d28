"""districts/<year>/<district>.json: a district Штаб's annual package, as an oblast Штаб received it (§9.5, §26.7).

The district's `annual-report` writes it (pipeline/region/package.py) from the same figures as its annual
report; the oblast reads it with this model. Every count is a whole number from 0; a share or percentage
lies between 0 and 100; a part never exceeds its whole. A package of another schema version is refused
by `schema_version` (the oblast's program must be updated first).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from ...locale.messages import _
from .base import Date, Int, MemberId, Model, Name, kind_of
from .indicators import Count

SCHEMA_VERSION = 1
QUARTERS = (1, 2, 3, 4)


def _to_figure(value: Any) -> float | int:
    """A figure of an indicator: a count, or a percentage with one decimal."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(_("expected a number, got {value}", value=kind_of(value)))
    if value < 0:
        raise ValueError(_("a figure cannot be negative, got {value}", value=value))
    return value


Figure = Annotated[Any, BeforeValidator(_to_figure)]


def _to_sha256(value: Any) -> str:
    if isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return value
    raise ValueError(_("expected a SHA-256 checksum (64 hexadecimal digits), got {value}", value=kind_of(value)))


Sha256 = Annotated[str, BeforeValidator(_to_sha256)]


class Names(Model):
    kk: Name
    ru: Name


class District(Model):
    id: MemberId
    kk: Name
    ru: Name


class QuarterMeetings(Model):
    quarter: Literal[1, 2, 3, 4]
    regular: Count
    extraordinary: Count


class Meetings(Model):
    by_quarter: list[QuarterMeetings] = Field(min_length=4, max_length=4)
    quarters_without_regular: list[Literal[1, 2, 3, 4]]
    questions: Count
    adopted: Count
    not_adopted: Count
    dissents: Count


class PlanFigures(Model):
    planned: Count
    added: Count
    heard: Count
    postponed: Count
    excluded: Count
    pending: Count
    not_heard: Count
    unplanned: Count


class Assignments(Model):
    """The assignments by state as of the year's end, in the register's vocabulary: the states add up to the total."""

    as_of: Date
    total: Count
    not_signed: Count
    done_on_time: Count
    done_late: Count
    removed: Count
    overdue: Count
    extended: Count
    in_progress: Count

    @model_validator(mode="after")
    def _states_add_up(self):
        states = (self.not_signed, self.done_on_time, self.done_late, self.removed, self.overdue, self.extended,
                  self.in_progress)
        if sum(states) != self.total:
            raise ValueError(_("assignments: the states add up to {sum}, not to the total {total}", sum=sum(states),
                               total=self.total))
        return self


class PackageMeasure(Model):
    label: str
    value: Figure | None
    previous: Figure | None
    better: Literal["up", "down"] | None
    form: Literal["count", "percent", "share", "schools"]
    of: list[Count] | None = None
    previous_of: list[Count] | None = None

    @model_validator(mode="after")
    def _in_range(self):
        if self.form != "count":
            for figure in (self.value, self.previous):
                if figure is not None and figure > 100:
                    raise ValueError(_("a percentage cannot exceed 100, got {value}", value=figure))
        for pair in (self.of, self.previous_of):
            if pair is not None and (len(pair) != 2 or pair[0] > pair[1]):
                raise ValueError(_("a part cannot exceed its whole, got {value}", value=pair))
        return self


class PackageIndicator(Model):
    number: Int
    measures: list[PackageMeasure] = Field(min_length=1)


class Rules(Model):
    action_min_participants: Int


class Letter(Model):
    number: Name
    date: Date


class Program(Model):
    name: Name
    version: Name


class ReportFile(Model):
    file: Name
    sha256: Sha256


class AnnualPackage(Model):
    """The yearly reporting information of one district Штаб, as data (§9.5, §26.7, §29)."""

    schema_: Literal["shtab-annual-package"] = Field(alias="schema")
    schema_version: Int
    district: District
    shtab: Names
    year: Int
    meetings: Meetings
    plans: PlanFigures
    assignments: Assignments
    indicators: list[PackageIndicator] = Field(min_length=12, max_length=12)
    rules: Rules
    letter: Letter | None = None
    program: Program
    report: list[ReportFile]
    content_sha256: Sha256

    def indicator(self, number: int) -> PackageIndicator | None:
        return next((i for i in self.indicators if i.number == number), None)
