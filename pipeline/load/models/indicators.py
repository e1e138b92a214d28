"""indicators/<year>.yaml: the 12 annual indicators of §29; the file stem is the year."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BeforeValidator

from ...locale.messages import _
from .base import Date, Int, Model, Name, TextField, kind_of


def _non_negative(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise ValueError(_("a count cannot be negative, got {value}", value=value))
    return value


Count = Annotated[Int, BeforeValidator(_non_negative)]


def _to_percent(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return float(value)
    raise ValueError(_("expected a percentage from 0 to 100, got {value}", value=kind_of(value)))


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
    """§29.7: drug laboratories and organised criminal groups (ҰҚТ / ОПГ) eliminated.

    `plant_hotbeds` was an old, mistaken key (ҰҚТ misread as hotbeds of plants): a figure typed
    under it counted a different thing, so it is kept here only to be refused where it is typed
    (rules.indicators.old_indicator_keys) and is never read as `criminal_groups`.
    """

    labs: Count | None = None
    criminal_groups: Count | None = None
    plant_hotbeds: Count | None = None  # refused (an error), never counted; see old_indicator_keys

    @property
    def groups(self) -> int | None:
        """The organised criminal groups eliminated: the key `criminal_groups` alone."""
        return self.criminal_groups


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


class Outgoing(Model):
    """The annual report's requisites as a letter of the akimat: its outgoing (registration) number and date."""

    number: Name
    date: Date


class Indicators(IndicatorValues):
    previous: IndicatorValues | None = None
    outgoing: Outgoing | None = None   # extension: the outgoing number and date of the annual report (a letter)


INDICATOR_KEYS: tuple[str, ...] = tuple(k for k in IndicatorValues.model_fields)
