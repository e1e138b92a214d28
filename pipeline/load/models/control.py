"""control/<year>.yaml: how the execution of each assignment stands (§24, §28); the file stem is the year."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from ...locale.messages import _
from .base import Date, Model, TextField, kind_of

ASSIGNMENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*/\d+\.\d+$")


def _to_assignment_id(value: Any) -> str:
    if isinstance(value, str) and ASSIGNMENT_ID.match(value.strip()):
        return value.strip()
    raise ValueError(_("expected an assignment id written meeting/question.decision (the meeting file's name, then the "
                       "question and the decision counted from 1), got {value}",
                       value=kind_of(value)))


AssignmentId = Annotated[str, BeforeValidator(_to_assignment_id)]

Status = Literal["done", "in_progress", "extended", "removed"]


class ControlEntry(Model):
    """How the execution of one assignment stands (§24): done on a date, in progress, extended, removed."""

    assignment: AssignmentId
    status: Status
    date: Date | None = None        # done / removed / the extension decided on
    new_due: Date | None = None     # with extended
    by_meeting: str | None = None   # with extended: the meeting whose protocol extended it (its id, e.g. 2026-04)
    note: TextField | None = None


