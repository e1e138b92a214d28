"""What every outgoing letter of the Штаб prints: the sender, the addressee in the dative, the date, the signer.

The notice, the extracts and the reminders go out of the akimat as letters of
the Штаб: the sender's block (the Штаб at the akimat, its seat), the outgoing
date, the addressee in the dative and the signature of the secretary, who
keeps the Штаб's correspondence for the working body (§24, §26.1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core.errors import warning
from ..grammar import dates
from ..grammar.addressee import addressee as dative_addressee
from ..load.models import Body, Member, MemberRef, Text
from ..locale.messages import _
from ..rules.roster import letter_signer
from .common import Localizer, body_header, name_as_printed
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
    """The addressee in the dative; where the analyser is not sure of the Russian form, its best form and a warning.
    A member named by id is addressed by the post's dative typed in body.yaml (position_dative), else derived."""
    typed = loc.text(name)
    if not typed:
        return ""
    member = name.member if isinstance(name, MemberRef) else None
    if member is not None and member.position_dative is not None and member.position_dative.get(loc.lang):
        form = loc.text(member.position_dative)
        return form[:1].upper() + form[1:]
    inflected = dative_addressee(typed, loc.lang)
    if not inflected.sure and member is not None:
        loc.findings.append(warning(name.loc, _(
            "the addressee '{name}' could not be put in the dative with certainty: the letter says '{form}'; if "
            "that is wrong, type the right form in body.yaml as {key}: {example} (member '{member}')", name=typed,
            form=inflected.form, key="position_dative", example="{ru: ...}", member=member.id), "§23",
            loc.document))
    elif not inflected.sure:
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
    return Signature(loc.phrase("secretary_title"), line.position, line.name)


ROLE_TITLES = {"head": "head_title", "deputy_head": "deputy_head_title", "secretary": "secretary_title",
               "member": "member_title"}


def member_signature(loc: Localizer, member: Member) -> Signature:
    """A member's signature block: the title of the role in the Штаб, the post, the name."""
    line = loc.member(member)
    return Signature(loc.phrase(ROLE_TITLES[member.role]), line.position, line.name)


def letter_signature(loc: Localizer, body: Body, kind: str, day: dt.date | None) -> Signature | None:
    """Who signs a letter of `kind` (body.yaml letters_signed_by; default the head, §27.1), as a signature block."""
    member = letter_signer(body, kind, day)
    return member_signature(loc, member) if member is not None else None


def executor_line(loc: Localizer, body: Body) -> str:
    """«Исп.: Г. Абенова, тел. 8 (71455) 2-15-40» / «Орынд.: …»: the secretary prepares every letter of the Штаб.

    The telephone is kept on one line (no-break spaces); without a phone the line names the executor
    alone, and without a named secretary there is none (`check` warns of both).
    """
    secretary = body.secretary
    if secretary is None or not secretary.name:
        return ""
    name = name_as_printed(secretary.name)
    if not secretary.phone:
        return loc.phrase("executor_no_phone", name=name)
    return loc.phrase("executor", name=name, phone=secretary.phone.replace(" ", "\u00a0"))


def periodic_reply(loc: Localizer, body: Body) -> str:
    """By when a body answers on an assignment with a periodic deadline: body.yaml periodic_reply, else the phrase
    «ежеквартально, не позднее 5 числа месяца, следующего за кварталом» / its Kazakh form."""
    return loc.text(body.periodic_reply) if body.periodic_reply is not None else loc.phrase("periodic_reply")


def reply_term(loc: Localizer, body: Body, due) -> str:
    """The concrete reply date of one assignment: its deadline as a date, or the periodic rule."""
    return loc.date_until(due) if isinstance(due, dt.date) else periodic_reply(loc, body)


_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?$")


def plural_addressee(name: Text) -> bool:
    """An addressee that names several («Акимы сельских округов и поселка»): by its Russian head noun, else by the
    Kazakh plural ending of its last word («… әкімдері»)."""
    from ..grammar.addressee import without_note
    from ..grammar.ru import is_plural_ru
    ru, kk = name.get("ru"), without_note(name.get("kk") or "")
    if ru:
        return is_plural_ru(without_note(ru))
    return bool(kk) and bool(_KK_PLURAL.search(kk.split()[-1]))
