"""What every outgoing letter of the Штаб prints: the sender, the addressee in the dative, the date, the signer.

The notice, the extracts and the reminders go out of the akimat as letters of
the Штаб: the sender's block (the Штаб at the akimat, its seat), the outgoing
date, the addressee in the dative and the signature of the secretary, who
keeps the Штаб's correspondence for the working body (§24, §26.1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.errors import warning
from ..grammar import dates
from ..grammar.addressee import addressee as dative_addressee
from ..load.models import Body, Text
from ..locale.messages import _
from .common import Localizer, body_header
from .meeting import Signature


@dataclass
class Sender:
    """The letterhead: the Штаб, the akimat it works at, its seat, the outgoing date."""

    body_name: str
    akimat: str
    seat: str
    working_body: str
    date: str              # 27.11.2026, as an outgoing letter's date is written
    date_long: str         # "2026 жылғы 27 қараша" / "27 ноября 2026 года"


def sender(loc: Localizer, body: Body, day: dt.date | None) -> Sender:
    header = body_header(loc, body)
    return Sender(**header, date=dates.date_numeric(day) if day else "", date_long=loc.date_long(day) if day else "")


def addressee_line(loc: Localizer, name: Text) -> str:
    """The addressee in the dative; where the analyser is not sure of the Russian form, its best form and a warning."""
    typed = loc.text(name)
    if not typed:
        return ""
    inflected = dative_addressee(typed, loc.lang)
    if not inflected.sure:
        loc.findings.append(warning(name.loc, _(
            "the addressee '{name}' could not be put in the dative with certainty: the letter says '{form}'; "
            "check it, or name the body by its member id", name=typed, form=inflected.form), "§23", loc.document))
    return inflected.form


def secretary_signer(loc: Localizer, body: Body) -> Signature | None:
    """The secretary signs the Штаб's letters and certifies its extracts."""
    secretary = body.secretary
    if secretary is None:
        return None
    line = loc.member(secretary)
    return Signature(loc.phrase("secretary_title"), line.position, secretary.name or "")
