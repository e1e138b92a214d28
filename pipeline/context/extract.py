"""Stage 3 for an extract from a protocol (§23): one responsible body's decisions, certified by the secretary.

Which decisions reach which body is decided by `rules.extracts`; here they get
the protocol's words: its heading (the Штаб, date, number), each question with
only that body's decisions numbered as in the protocol, their deadlines, the
signature of the one who signed the protocol and the secretary's «Верно» /
«Дұрыс».
"""

from __future__ import annotations

from dataclasses import dataclass

from ..grammar import dates
from ..load.models import Body
from ..rules.extracts import Extract
from ..rules.meeting import MeetingResult
from .common import Localizer, body_genitives
from .letter import Sender, addressee_line, executor_line, reply_term, secretary_signer, sender
from .meeting import Signature, _signature


@dataclass
class ExtractDecision:
    number: str            # "2.3", as the protocol numbers it
    text: str
    responsible: str       # every body it is addressed to, this one among them
    responsible_many: bool  # more than one body: «Ответственные:», else «Ответственный:»
    due: str


@dataclass
class ExtractQuestionBlock:
    number: int
    title: str
    decisions: list[ExtractDecision]


@dataclass
class ExtractContext:
    sender: Sender
    addressee: str         # in the dative
    body_name_genitive: str
    akimat_genitive: str
    extraordinary: bool
    number: int
    date_long: str
    date_of: str           # kk «2027 жылғы 11 наурыздағы»: the heading names the protocol once
    questions: list[ExtractQuestionBlock]
    signer: Signature
    certifier: Signature | None
    certified_on: str      # the day the protocol was drawn up
    working_body: str      # named in full: where the answer goes
    reply: str             # by when: «до 30 июня 2026 года», or per point «по пункту 1.1 – …; по пункту 1.2 – …»
    executor: str          # «Исп.: Г. Абенова, тел. …»


def reply_terms(loc: Localizer, body: Body, decisions: list) -> str:
    """§24: the concrete date by which the body reports on each of its assignments (its deadline, or the
    periodic rule); one term when they share it."""
    terms = [(f"{q.item.number}.{d.number}", reply_term(loc, body, d.decision.due)) for q, d in decisions]
    if len({term for _point, term in terms}) <= 1:
        return terms[0][1] if terms else ""
    return "; ".join(loc.phrase("reply.point", point=point, term=term) for point, term in terms)


def extract_context(extract: Extract, result: MeetingResult, body: Body, loc: Localizer,
                    titles: dict[int, object] | None = None) -> tuple[ExtractContext, Localizer]:
    """One extract from the protocol of `result`'s meeting, for `extract`'s addressee."""
    meeting = result.meeting
    titles = titles or {}
    questions = [ExtractQuestionBlock(
        q.item.number, loc.text(titles.get(q.item.number) or q.item.item.title),
        [ExtractDecision(f"{q.item.number}.{d.number}", loc.paragraphs(d.decision.text),
                         ", ".join(loc.texts(d.decision.responsible)), len(d.decision.responsible) > 1,
                         loc.due(d.decision.due))
         for d in q.decisions]) for q in extract.questions]
    signer_member = result.signer or result.chair
    day = meeting.protocol.drawn_up or meeting.date
    context = ExtractContext(
        sender=sender(loc, body, day), addressee=addressee_line(loc, extract.addressee.name),
        **body_genitives(loc, body), extraordinary=meeting.kind == "extraordinary", number=meeting.number,
        date_long=loc.date_long(meeting.date), date_of=loc.date_of(meeting.date), questions=questions,
        signer=_signature(loc, body, signer_member) if signer_member else Signature("", "", ""),
        certifier=secretary_signer(loc, body), certified_on=dates.date_numeric(day),
        working_body=loc.text(body.working_body),
        reply=reply_terms(loc, body, [(q, d) for q in extract.questions for d in q.decisions]),
        executor=executor_line(loc, body))
    return context, loc
