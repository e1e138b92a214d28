"""The composition of the Штаб in the form of Appendix 1 of resolution No. 663."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..load.models import Body
from .common import Localizer, body_genitives, body_header, capitalized


@dataclass
class CompositionContext:
    body_name: str
    akimat: str
    seat: str
    working_body: str
    body_name_genitive: str
    akimat_genitive: str
    resolution_number: str
    resolution_date_of: str
    resolution_date_long: str
    head: list[dict]
    deputies: list[dict]
    secretary: list[dict]
    members: list[dict]


def composition_context(body: Body, loc: Localizer, day: dt.date) -> tuple[CompositionContext, Localizer]:
    """The roster in force on `day` (from ≤ day ≤ until, both optional), grouped as Appendix 1 groups it.

    A member whose `until` lies ahead is still a member on `day` and is listed; one who left
    before `day`, or joins after it, is not.
    """
    current = [m for m in body.members if m.in_force_on(day)]

    def lines(role: str) -> list[dict]:
        """Position and the "(by agreement)" note apart: Appendix 1 puts the note after the role in the Штаб."""
        return [{"position": capitalized(loc.text(m.position)), "note": loc.phrase("by_agreement") if m.by_agreement else "",
                 "last": index == len(group) - 1}
                for group in [[m for m in current if m.role == role]] for index, m in enumerate(group)]

    context = CompositionContext(
        **body_header(loc, body), **body_genitives(loc, body), resolution_number=body.established.number,
        resolution_date_of=loc.date_of(body.established.date),
        resolution_date_long=loc.date_long(body.established.date),
        head=lines("head"), deputies=lines("deputy_head"), secretary=lines("secretary"), members=lines("member"))
    return context, loc
