"""What every document context needs: texts in one language, people, dates.

A `Localizer` is made for one document in one language. It turns the
secretary's texts into that language and, where a translation is missing,
records a finding with the file, line and key instead of printing a gap: a
document with a missing translation is not written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from .. import i18n
from ..grammar import dates
from ..grammar.kk import genitive_kk
from ..errors import Finding, error
from ..messages import msg
from ..models import Body, Member, Person, Text


def capitalized(text: str) -> str:
    """First letter capital, the rest as typed: a position that opens a line ("аким района" -> "Аким района")."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class PersonLine:
    """A person as documents print them: position, name (either may be empty, never both)."""

    position: str
    name: str

    @property
    def heading(self) -> str:
        """The position at the start of a sentence or a heading: first letter capital."""
        return capitalized(self.position)

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.name, self.position) if part)


@dataclass
class Localizer:
    lang: str
    document: str
    findings: list[Finding] = field(default_factory=list)

    def text(self, text: Text | None) -> str:
        """The text in this document's language; a missing translation is an error finding (§19)."""
        if text is None:
            return ""
        value = text.get(self.lang)
        if value is None:
            where = msg("input.missing_translation.where", key=text.key) if text.key else ""
            self.findings.append(error(text.loc, msg("input.missing_translation", lang=self.lang, where=where,
                                                     document=self.document), "§19", self.document))
            return ""
        return value

    def paragraphs(self, text: Text | None) -> str:
        """A text printed as paragraphs of its own: each typed line becomes a paragraph in Word.

        docxtpl turns "\a" into a new paragraph with the same style (the input
        refuses that control character, so it can only come from here).
        """
        return "\a".join(line for line in self.text(text).split("\n") if line.strip())

    def texts(self, texts: list[Text]) -> list[str]:
        return [self.text(t) for t in texts]

    def member(self, member: Member) -> PersonLine:
        position = self.text(member.position)
        if member.by_agreement:
            position = f"{position} {self.phrase('by_agreement')}"
        return PersonLine(position, member.name or "")

    def person(self, person: Person) -> PersonLine:
        return PersonLine(self.text(person.position), self.text(person.name))

    def phrase(self, key: str, **values: object) -> str:
        return i18n.phrase(self.lang, key, **values)

    def date_long(self, day: dt.date) -> str:
        return dates.date_long(day, self.lang)

    def date_of(self, day: dt.date) -> str:
        return dates.date_of(day, self.lang)

    def date_on(self, day: dt.date) -> str:
        return dates.date_on(day, self.lang)

    def due(self, due) -> str:
        """A deadline: a date ("30.06.2026 дейін" / "до 30.06.2026") or the text as typed ("ежеквартально")."""
        if due is None:
            return ""
        if isinstance(due, dt.date):
            return self.phrase("due_date", date=dates.date_numeric(due))
        return self.text(due)


def body_header(loc: Localizer, body: Body) -> dict[str, str]:
    """The Штаб's own names, printed at the top of every document."""
    return {
        "body_name": loc.text(body.name),
        "akimat": loc.text(body.akimat),
        "seat": loc.text(body.seat),
        "working_body": loc.text(body.working_body),
    }


def genitive(loc: Localizer, name: Text, typed: Text | None) -> str:
    """The genitive the secretary typed (body.yaml: name_genitive, akimat_genitive), else a safe derivation."""
    if typed is not None and typed.get(loc.lang):
        return loc.text(typed)
    nominative = loc.text(name)
    return genitive_kk(nominative) if loc.lang == "kk" else i18n.genitive_ru_fallback(nominative)


def body_genitives(loc: Localizer, body: Body) -> dict[str, str]:
    """The Штаб's and the akimat's names in the genitive, for titles ("ПРОТОКОЛ заседания ... штаба")."""
    return {
        "body_name_genitive": genitive(loc, body.name, body.name_genitive),
        "akimat_genitive": genitive(loc, body.akimat, body.akimat_genitive),
    }


def as_context(obj) -> dict:
    """A context dataclass as the mapping docxtpl renders (one level: nested values stay objects)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}
