"""body.yaml: the Штаб and its roster (Appendix 1 of the resolution)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import LANGS, Bool, Date, Iin, Lang, MemberId, Model, Name, TextField

Role = Literal["head", "deputy_head", "secretary", "member"]


class Member(Model):
    id: MemberId
    name: Name | None = None
    position: TextField
    # extension: the position in the genitive («вместо начальника …»), when the program's form is wrong
    position_genitive: TextField | None = None
    # extension: the position in the accusative («СЛУШАЛИ: начальника …»), when the program's form is wrong
    position_accusative: TextField | None = None
    # extension: the position in the dative (the addressee of an extract or a reminder: «Руководителю …»), when the
    # program's form is wrong
    position_dative: TextField | None = None
    role: Role
    # extension: the telephone of the executor line of letters («Исп.: Г. Абенова, тел. …»), for the secretary
    phone: Name | None = None
    by_agreement: Bool = False
    voting: Bool | None = None
    from_: Date | None = Field(None, alias="from")
    until: Date | None = None

    @property
    def votes(self) -> bool:
        """The Reading of N: the secretary neither counts nor votes unless marked voting."""
        if self.voting is not None:
            return self.voting
        return self.role != "secretary"

    def in_force_on(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.until is None or day <= self.until)


class District(Model):
    """A district as an oblast Штаб names it: an id (its packages' file name) and its name in words."""

    id: MemberId
    name: TextField


class Established(Model):
    number: Name
    date: Date


LETTER_KINDS = ("notices", "reminders", "annual_report")
SIGNER_ROLES = ("head", "deputy_head", "secretary")


class LettersSignedBy(Model):
    """extension: who signs each kind of letter: a role (head, deputy_head, secretary) or a member id.

    Unset: the head signs (a reminder or a request for information, §27.1, goes from the Штаб to heads of
    state bodies); the secretary is the executor of every letter either way.
    """

    notices: MemberId | None = None
    reminders: MemberId | None = None
    annual_report: MemberId | None = None


class Body(Model):
    name: TextField
    akimat: TextField
    seat: TextField
    established: Established
    working_body: TextField
    authorized_body: TextField | None = None
    # extension: the names in the genitive, for headings such as "... штабтың құрамы" / "Состав ... штаба"
    name_genitive: TextField | None = None
    akimat_genitive: TextField | None = None
    # extension: the authorized body in the dative, as the annual report is addressed; derived when absent
    authorized_body_dative: TextField | None = None
    # extension: who signs each kind of letter (default: the head)
    letters_signed_by: LettersSignedBy | None = None
    # extension: by when a body answers on an assignment with a periodic deadline («ежеквартально»), as the
    # extract and the reminder say it; default: quarterly, by the 5th of the month after the quarter
    periodic_reply: TextField | None = None
    languages: list[Lang] = Field(default_factory=lambda: list(LANGS), min_length=1)
    members: list[Member] = Field(min_length=1)
    # extension (the oblast's view, §9.5, §26.7): this Штаб's district as its annual package names it; an oblast
    # Штаб says `level: oblast` and lists the districts whose packages it receives (inputs/districts/<year>/)
    district: District | None = None
    level: Literal["district", "oblast"] = "district"
    districts: list[District] = Field(default_factory=list)
    # extension: the head's IIN, checked against the certificate of every ЭЦП of a sealed protocol
    head_iin: Iin | None = None

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    @property
    def head(self) -> Member | None:
        return next((m for m in self.members if m.role == "head"), None)

    @property
    def secretary(self) -> Member | None:
        return next((m for m in self.members if m.role == "secretary"), None)

