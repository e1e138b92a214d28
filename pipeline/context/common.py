"""What every document context needs: texts in one language, people, dates.

A `Localizer` is made for one document in one language. It turns the
secretary's texts into that language and, where a translation is missing,
records a finding with the file, line and key instead of printing a gap: a
document with a missing translation is not written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields

from ..core.errors import Finding, error, warning
from ..grammar import dates
from ..grammar.kk import NoSuffix, dative_kk, genitive_kk
from ..grammar.ru import inflect_ru
from ..grammar.typography import as_printed, no_break_spaces
from ..load.models import Body, Member, Person, Text
from ..locale.messages import Message, _
from . import phrases as i18n

# The Russian cases the documents inflect names into, named in the secretary's language in a finding.
CASE_NAMES = {"gent": _("genitive"), "datv": _("dative"), "accs": _("accusative"), "ablt": _("instrumental")}


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
        """«руководитель ГУ … Л. Савченко»: the post, then the name, as attendance lists print them."""
        return " ".join(part for part in (self.position, self.name) if part)


def name_as_printed(name: str) -> str:
    """«О. Нургалиев», «Нургалиев О. К.»: no-break spaces around the initials, so that no line breaks the name."""
    joined = re.sub(r"(?<!\w)(\w\.)\s+(?=\w)", "\\1\u00a0", name.strip())
    return re.sub(r"(?<=\w)\s+(?=\w\.(?:\s|\w\.|$))", "\u00a0", joined)


@dataclass
class Localizer:
    """The texts of one document in one language; `document` is its kind's id (the findings'), `words` its
    kind's name in her words, for the message of a missing translation."""

    lang: str
    document: str
    words: Message | str = ""
    findings: list[Finding] = field(default_factory=list)

    def text(self, text: Text | None) -> str:
        """The text in this document's language as printed (straight "…" as «…», no-break spaces after «№» and
        before a unit: grammar/typography.py); a missing translation is an error finding (§19)."""
        if text is None:
            return ""
        value = text.get(self.lang)
        if value is None:
            where = _(" of '{key}'", key=text.key) if text.key else ""
            message = _("the {lang} text{where} is missing: the {document} in {lang} needs it",
                        lang=self.lang, where=where, document=self.words or self.document)
            self.findings.append(error(text.loc, message, "§19", self.document))
            return ""
        return as_printed(value)

    def paragraphs(self, text: Text | None) -> str:
        """A text printed as paragraphs of its own: each typed line becomes a paragraph in Word.

        docxtpl turns "\a" into a new paragraph with the same style (the input
        refuses that control character, so it can only come from here).
        """
        return "\a".join(line for line in self.text(text).split("\n") if line.strip())

    def texts(self, texts: list[Text]) -> list[str]:
        return [self.text(t) for t in texts]

    def member(self, member: Member) -> PersonLine:
        """A member as a title, a signature or a speaker names him: the post alone.

        "(келісім бойынша)" / "(по согласованию)" records how a member joined the
        roster; it belongs to the composition and the attendance lists only.
        """
        return PersonLine(self.text(member.position), name_as_printed(member.name or ""))

    def attendee(self, member: Member) -> PersonLine:
        """A member in an attendance list (present, absent): the post with "(келісім бойынша)" when it applies."""
        line = self.member(member)
        if member.by_agreement:
            return PersonLine(f"{line.position} {self.phrase('by_agreement')}", line.name)
        return line

    def person(self, person: Person) -> PersonLine:
        return PersonLine(self.text(person.position), name_as_printed(self.text(person.name)))

    def inflected(self, text: Text, case: str, typed: Text | None, typed_key: str) -> str:
        """`text` in a grammatical case: the form typed in `typed_key` wins, else a derived one.

        Kazakh suffixes follow rules (grammar/kk.py: none after a closing quote, a bracket or an
        abbreviation); Russian forms come from the analyser (grammar/ru.py), which inflects only
        the head noun phrase. Where it is not sure, the best form is printed and a warning names
        the key in which the secretary can type the form, so that no document prints a wrong
        case silently.
        """
        if typed is not None and typed.get(self.lang):
            return self.text(typed)
        nominative = self.text(text)
        if not nominative:
            return ""
        if self.lang == "kk":
            return self.kk_case(dative_kk if case == "datv" else genitive_kk, text,
                                _("type the form in body.yaml as {typed_key}: {example}", typed_key=typed_key,
                                  example="{kk: ...}"))
        result = inflect_ru(nominative, case)
        if not result.sure:
            message = _("the Russian {case} of '{key}' is uncertain ({reason}); the documents print «{form}»: if that "
                        "is wrong, type the right form in body.yaml as {typed_key}: {example}",
                        case=CASE_NAMES[case], key=text.key or typed_key.rsplit("_", 1)[0], reason=result.reason,
                        form=result.form, typed_key=typed_key, example="{ru: ...}")
            self.findings.append(warning(text.loc, message, "§19"))
        return no_break_spaces(result.form)

    def kk_case(self, inflect, text: Text | None, advice) -> str:
        """A Kazakh case form of a typed text (`inflect`: grammar.kk.genitive_kk, dative_kk...); other languages as typed.

        A text ending in a closing quote, a bracket or an abbreviation takes no derived
        ending (grammar.kk.NoSuffix): an error finding says what to type instead (`advice`),
        and the document is not written.
        """
        value = self.text(text)
        if self.lang != "kk" or not value:
            return value
        try:
            return inflect(value)
        except NoSuffix:
            message = _("the Kazakh case ending of «{value}» cannot be derived: the text ends in a closing quote, "
                        "a bracket or an abbreviation; {advice}", value=value, advice=advice)
            self.findings.append(error(text.loc, message, "§19", self.document))
            return value

    def phrase(self, key: str, **values: object) -> str:
        return i18n.phrase(self.lang, key, **values)

    def date_long(self, day: dt.date) -> str:
        return dates.date_long(day, self.lang)

    def date_of(self, day: dt.date) -> str:
        return dates.date_of(day, self.lang)

    def date_on(self, day: dt.date) -> str:
        return dates.date_on(day, self.lang)

    def date_until(self, day: dt.date) -> str:
        """A deadline by the phrase file's «до {date}» / «{date} дейін», the date in the case it governs."""
        return self.phrase("due_date", date=dates.date_governed_by_until(day, self.lang))

    def due(self, due) -> str:
        """A deadline: a date ("2026 жылғы 30 маусымға дейін" / "до 30 июня 2026 года") or the text as typed."""
        if due is None:
            return ""
        if isinstance(due, dt.date):
            return self.date_until(due)
        return self.text(due)


def body_header(loc: Localizer, body: Body) -> dict[str, str]:
    """The Штаб's own names, printed at the top of every document."""
    return {
        "body_name": loc.text(body.name),
        "akimat": loc.text(body.akimat),
        "seat": loc.text(body.seat),
        "working_body": loc.text(body.working_body),
    }


def body_name_genitive(loc: Localizer, body: Body) -> str:
    """«ПРОТОКОЛ заседания Межведомственного штаба …»: typed `name_genitive`, else derived."""
    return loc.inflected(body.name, "gent", body.name_genitive, "name_genitive")


def akimat_genitive(loc: Localizer, body: Body) -> str:
    """«к постановлению акимата Костанайского района»: inside a sentence «акимат» is a common noun, in lower case."""
    form = loc.inflected(body.akimat, "gent", body.akimat_genitive, "akimat_genitive")
    if loc.lang == "ru" and (body.akimat_genitive is None or not body.akimat_genitive.get("ru")):
        if form.lower().startswith("акимат"):
            form = form[:1].lower() + form[1:]
    return form


def body_genitives(loc: Localizer, body: Body) -> dict[str, str]:
    """The Штаб's and the akimat's names in the genitive, for titles ("ПРОТОКОЛ заседания ... штаба")."""
    return {"body_name_genitive": body_name_genitive(loc, body), "akimat_genitive": akimat_genitive(loc, body)}


def as_context(obj) -> dict:
    """A context dataclass as the mapping docxtpl renders (one level: nested values stay objects)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}
