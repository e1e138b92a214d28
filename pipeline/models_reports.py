"""Typed models and loaders of the yearly inputs: control/<year>.yaml (§24) and indicators/<year>.yaml (§29).

Both kinds are one file per year; the file stem is the year. The loaders store
the models by year in `project.extra["control"]` and `project.extra["indicators"]`
(and the file each came from in `..._files`), so that the rules can cite the
file and line of every entry.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field

from . import load
from .errors import Loc, error
from .models import Date, Int, Model, TextField, _kind, register_keys
from .source import display_path, read_yaml

YEAR_FILE = re.compile(r"^\d{4}$")
ASSIGNMENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*/\d+\.\d+$")


def _to_assignment_id(value: Any) -> str:
    if isinstance(value, str) and ASSIGNMENT_ID.match(value.strip()):
        return value.strip()
    raise ValueError(f"expected an assignment id such as \"2026-01/1.2\" (meeting/item.decision), got {_kind(value)}")


AssignmentId = Annotated[str, BeforeValidator(_to_assignment_id)]

# ---------------------------------------------------------------- control/<year>.yaml (§24, §28)

Status = Literal["done", "in_progress", "extended", "removed"]


class ControlEntry(Model):
    """How the execution of one assignment stands (§24): done on a date, in progress, extended, removed."""

    assignment: AssignmentId
    status: Status
    date: Date | None = None        # done / removed / the extension decided on
    new_due: Date | None = None     # with extended
    note: TextField | None = None


# ---------------------------------------------------------------- indicators/<year>.yaml (§29)


def _non_negative(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise ValueError(f"a count cannot be negative, got {value}")
    return value


Count = Annotated[Int, BeforeValidator(_non_negative)]


def _to_percent(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return float(value)
    raise ValueError(f"expected a percentage from 0 to 100, got {_kind(value)}")


Percent = Annotated[float, BeforeValidator(_to_percent)]


class Campaign(Model):
    title: TextField
    audience: TextField | None = None
    date: Date | None = None


class Action(Model):
    title: TextField
    date: Date | None = None
    participants: Count


class Dispensary(Model):
    total: Count
    women: Count | None = None
    minors: Count | None = None


class Destroyed(Model):
    labs: Count | None = None
    plant_hotbeds: Count | None = None


class Propaganda(Model):
    sites_blocked: Count | None = None
    graffiti_removed: Count | None = None
    criminal_cases: Count | None = None
    ai_systems: Count | None = None


class Survey(Model):
    respondents: Count | None = None
    satisfied_percent: Percent


class Schools(Model):
    with_programmes: Count
    total: Count


class IndicatorValues(Model):
    """The figures of one year; every key optional (a missing one prints as "—").

    `campaigns` and `actions` are lists in the year's own file; in `previous:`
    they may also be plain counts (for actions: the actions that counted, §29).
    """

    sports_sections: Count | None = None                               # 1
    campaigns: Union[Count, list[Campaign], None] = None               # 2
    actions: Union[Count, list[Action], None] = None                   # 3
    first_identified: Count | None = None                              # 4
    dispensary: Dispensary | None = None                               # 5
    ngos: Count | None = None                                          # 6
    destroyed: Destroyed | None = None                                 # 7
    legal_circulation_offences: Count | None = None                    # 8
    propaganda: Propaganda | None = None                               # 9
    survey: Survey | None = None                                       # 10
    schools: Schools | None = None                                     # 11
    specialists_trained: Count | None = None                           # 12


class Indicators(IndicatorValues):
    previous: IndicatorValues | None = None


INDICATOR_KEYS: tuple[str, ...] = tuple(k for k in IndicatorValues.model_fields)

register_keys(ControlEntry, Campaign, Action, Dispensary, Destroyed, Propaganda, Survey, Schools, Indicators)


# ---------------------------------------------------------------- loaders


def _yearly(project, folder: str, kind: Any, key: str) -> None:
    """Load inputs/<folder>/<year>.yaml into project.extra[key][year]; a stem that is no year is an error."""
    by_year: dict[int, Any] = {}
    files: dict[int, str] = {}
    for path in load.yaml_files(project.inputs / folder):
        name = display_path(path)
        if not YEAR_FILE.match(path.stem):
            project.findings.append(error(Loc(name), f"the file name must be a year, e.g. {folder}/2026.yaml"))
            continue
        tree, findings = read_yaml(path)
        project.findings += findings
        if tree is None:
            continue
        value, findings = load.parse_tree(tree, kind, name)
        project.findings += findings
        if value is not None:
            by_year[int(path.stem)] = value
            files[int(path.stem)] = name
    project.extra[key] = by_year
    project.extra[f"{key}_files"] = files


def load_control(project) -> None:
    """control/<year>.yaml: a list of ControlEntry (§24)."""
    _yearly(project, "control", list[ControlEntry], "control")


def load_indicators(project) -> None:
    """indicators/<year>.yaml: the 12 indicators of the year (§29)."""
    _yearly(project, "indicators", Indicators, "indicators")


for _loader in (load_control, load_indicators):
    if _loader not in load.LOADERS:
        load.LOADERS.append(_loader)
