"""Who counts: the total membership N of the Штаб on a given day (docs/regulation/readings.md, Reading of N)."""

from __future__ import annotations

import datetime as dt

from ..load.models import Body, Member


def total_membership(body: Body, day: dt.date) -> list[Member]:
    """Reading of N: head, deputy heads and members in force on `day`; the secretary only if voting.

    Membership is in force from `from` to `until`, both inclusive.
    """
    return [m for m in body.members if m.votes and m.in_force_on(day)]


def acting_head(body: Body, present_ids: set[str], day: dt.date) -> Member | None:
    """§25.3: the head when present, else the first deputy head present (in roster order)."""
    head = body.head
    if head is not None and head.id in present_ids:
        return head
    return next((m for m in body.members
                 if m.role == "deputy_head" and m.id in present_ids and m.in_force_on(day)), None)
