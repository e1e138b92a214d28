"""Stage 3, context: the agenda and the protocol of one meeting as plain data in one language.

Everything here is already decided by `rules.meeting.assess_meeting`; this
module only chooses the words (texts of the inputs, phrases, dates) and lays
them out in the order the templates print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..grammar.ru import inflect_ru, surname_accusative_ru
from ..load.models import Body, Item, Meeting, Member, MemberRef, Person
from ..rules.meeting import DecisionResult, MeetingResult, Outcome
from .common import Localizer, PersonLine, body_genitives, body_header, name_as_printed


@dataclass
class DecisionLine:
    number: str            # "1.2": item and decision, as the protocol numbers them
    text: str
    responsible: str       # the bodies, joined
    responsible_many: bool  # more than one body: «Ответственные:» / «Жауаптылар:», else «Ответственный:» / «Жауапты:»
    due: str
    vote: str              # the counts, empty when the item's vote is printed once for all
    outcome: str
    adopted: bool


@dataclass
class QuestionBlock:
    number: int
    title: str
    speakers: list[str]
    heard: str
    decisions: list[DecisionLine]
    vote: str              # the counts once for the item, when every decision had the same vote
    outcome: str
    dissent_appendices: list[int]


@dataclass
class Appendix:
    number: int
    item_number: int
    author: PersonLine
    date: str
    text: str


@dataclass
class Signature:
    title: str             # "Штаб басшысы" / "Исполняющий обязанности руководителя штаба"
    position: str
    name: str


@dataclass
class MeetingHeading:
    """What both documents of a meeting print at the top: the Штаб, the meeting, when and where."""

    body_name: str
    body_name_genitive: str
    akimat_genitive: str
    akimat: str
    seat: str
    working_body: str
    extraordinary: bool
    called_by: str         # §12: who called an extraordinary meeting, a sentence; empty for a regular one
    urgent: bool
    urgent_by_head: bool   # §22: urgent on the head's order (not when the members called the meeting)
    number: int
    date_long: str
    date_of: str
    time: str
    place: str
    invited: list[PersonLine]
    questions: list[QuestionBlock]


@dataclass
class AgendaContext(MeetingHeading):
    approver: Signature
    approved_on: str


@dataclass
class ProtocolContext(MeetingHeading):
    chair: PersonLine
    chair_is_deputy: bool
    present: list[PersonLine]
    secretary: PersonLine | None
    absent: list[dict]
    stand_ins: list[str]
    quorum: str
    signer: Signature
    secretary_signature: Signature | None
    appendices: list[Appendix] = field(default_factory=list)


def _speakers(loc: Localizer, body: Body, item: Item, heard: Meeting | None = None) -> list[str]:
    """The speakers of a question as «Докладчик: …» names them; `heard`: the meeting, as its «СЛУШАЛИ: …» does,
    in the Russian accusative («начальника … Е. Жаксылыкова»; the Kazakh «ТЫҢДАЛДЫ:» keeps the nominative).

    §20: the protocol names who spoke. An absent member whose stand-in is recorded did not speak himself: his
    stand-in is named, with the member he stood in for («… А. Смагулову (вместо отсутствующего руководителя …)»).
    The agenda and the notice, written before the meeting, keep the speaker they announced."""
    if heard is None:
        return people(loc, body, item.speakers, "nomn")
    present = set(heard.present)
    stood_in = {stand_in.for_: stand_in for stand_in in heard.stand_ins}
    lines = []
    for speaker in item.speakers:
        stand_in = stood_in.get(speaker) if isinstance(speaker, str) and speaker not in present else None
        if stand_in is None:
            lines.extend(people(loc, body, [speaker], "accs"))
            continue
        line = PersonLine(loc.text(stand_in.position) if stand_in.position else "",
                          name_as_printed(loc.text(stand_in.name)))
        lines.append(loc.phrase("speaker_stand_in", speaker=_person_in_case(loc, line, "accs").full,
                                member_genitive=_stand_in_for(loc, body, stand_in)[1]))
    return lines


def _stand_in_for(loc: Localizer, body: Body, stand_in) -> tuple[str, str]:
    """The post of the member a stand-in replaced (§20): as typed, and in the genitive («вместо руководителя …»)."""
    member = body.member(stand_in.for_)
    if member is None:
        return stand_in.for_, stand_in.for_
    return (loc.text(member.position),
            loc.inflected(member.position, "gent", member.position_genitive, "position_genitive"))


def people(loc: Localizer, body: Body, entries: list, case: str = "nomn",
           present: set[str] | None = None) -> list[str]:
    """Speakers or reporting bodies as a document names them, in the `case` of its sentence (Russian; the Kazakh
    lines keep the nominative): a speaker's member id as the post and name, a person ({name, position}) likewise,
    a body typed as text as typed. A member id of a plan's responsible (a body that reports) is the member's post,
    with the name when the member is `present` (an absent member did not speak himself). An id of no member is an
    error of `check`, and no document is written with it."""
    lines = []
    for entry in entries:
        if isinstance(entry, MemberRef) and entry.member is not None:
            line = member_in_case(loc, entry.member, case)
            if present is not None and entry.member.id not in present:
                line = PersonLine(line.position, "")
            lines.append(line.full)
        elif isinstance(entry, Person):
            lines.append(_person_in_case(loc, loc.person(entry), case).full)
        elif isinstance(entry, str):
            member = body.member(entry)
            if member is not None:
                lines.append(member_in_case(loc, member, case).full)
        elif entry is not None:
            lines.append(loc.text(entry))
    return lines


def invitees(loc: Localizer, body: Body, meeting: Meeting) -> list[PersonLine]:
    """§21: the invited as the agenda, the notice and the protocol list them: a person as typed, a member id as the
    member's post and name."""
    lines = []
    for entry in meeting.invited:
        member = body.member(entry) if isinstance(entry, str) else None
        if member is not None:
            lines.append(loc.member(member))
        elif isinstance(entry, Person):
            lines.append(loc.person(entry))
    return lines


def member_in_case(loc: Localizer, member: Member, case: str = "nomn") -> PersonLine:
    """A member's post and name as a sentence needs them: the nominative, or the Russian accusative of «СЛУШАЛИ:»
    (the post as typed in position_accusative, else by the analyser; the surname by grammar.ru)."""
    line = loc.member(member)
    if loc.lang != "ru" or case == "nomn":
        return line
    return PersonLine(loc.inflected(member.position, case, member.position_accusative, "position_accusative"),
                      surname_accusative_ru(line.name) if line.name else "")


def _person_in_case(loc: Localizer, line: PersonLine, case: str) -> PersonLine:
    """Someone who is no member, as a sentence needs him: the nominative, or the Russian accusative."""
    if loc.lang != "ru" or case == "nomn":
        return line
    return PersonLine(inflect_ru(line.position, case).form if line.position else "",
                      surname_accusative_ru(line.name) if line.name else "")


def _vote_line(loc: Localizer, result: DecisionResult) -> str:
    votes_for, against, abstained = result.tally.counts
    key = "vote.unanimous" if result.tally.unanimous else "vote.line"
    return loc.phrase(key, for_=votes_for, against=against, abstained=abstained)


def _outcome(loc: Localizer, outcome: Outcome) -> str:
    return loc.phrase(f"outcome.{outcome.value}")


def _questions(loc: Localizer, body: Body, result: MeetingResult, appendix_of: dict[int, list[int]],
               titles: dict[int, object], responsible: dict[int, list] | None = None,
               heard: bool = False) -> list[QuestionBlock]:
    """Each question; its title and, without speakers, its reporting bodies from the plan when the meeting omits them."""
    responsible = responsible or {}
    blocks = []
    for item_result in result.items:
        item = item_result.item
        decisions = item_result.decisions
        shared = len({(d.tally, d.outcome) for d in decisions}) <= 1
        # §13, §24: a decision not adopted is no assignment: no responsible body, no deadline in any document
        lines = [DecisionLine(
            number=f"{item_result.number}.{d.number}", text=loc.paragraphs(d.decision.text),
            responsible=", ".join(loc.texts(d.decision.responsible)) if d.outcome.adopted else "",
            responsible_many=len(d.decision.responsible) > 1,
            due=loc.due(d.decision.due) if d.outcome.adopted else "",
            vote="" if shared else _vote_line(loc, d), outcome="" if shared else _outcome(loc, d.outcome),
            adopted=d.outcome.adopted) for d in decisions]
        blocks.append(QuestionBlock(
            number=item_result.number, title=loc.text(titles.get(item_result.number) or item.title),
            speakers=(_speakers(loc, body, item, result.meeting if heard else None)
                      or people(loc, body, responsible.get(item_result.number, []), "accs" if heard else "nomn",
                                set(result.meeting.present))),
            heard=loc.paragraphs(item.heard), decisions=lines,
            vote=_vote_line(loc, decisions[0]) if shared and decisions else "",
            outcome=_outcome(loc, decisions[0].outcome) if shared and decisions else "",
            dissent_appendices=appendix_of.get(item_result.number, [])))
    return blocks


def _signature(loc: Localizer, body: Body, member) -> Signature:
    title = loc.phrase("head_title" if member.role == "head" else "acting_head_title")
    line = loc.member(member)
    return Signature(title, line.position, line.name)


def called_by_text(loc: Localizer, result: MeetingResult) -> str:
    """§12: «…созвано по инициативе 9 из 15 членов штаба (пункт 12 Положения)», or by the head; "" if regular."""
    called = result.called_by
    if called is None:
        return ""
    if called.head:
        return loc.phrase("called.head")
    return loc.phrase("called.members", count=called.count, total=called.total)


def urgent_by_head(result: MeetingResult) -> bool:
    """§22: an urgent meeting is «по поручению руководителя» only when the head called it (or it is a regular one)."""
    return result.meeting.urgent and (result.called_by is None or result.called_by.head)


def _heading(loc: Localizer, body: Body, result: MeetingResult, questions: list[QuestionBlock]) -> dict:
    meeting = result.meeting
    return dict(**body_header(loc, body), **body_genitives(loc, body), extraordinary=meeting.kind == "extraordinary",
                called_by=called_by_text(loc, result), urgent_by_head=urgent_by_head(result),
                urgent=meeting.urgent, number=meeting.number, date_long=loc.date_long(meeting.date),
                date_of=loc.date_of(meeting.date), time=meeting.time or "", place=loc.text(meeting.place),
                invited=invitees(loc, body, meeting), questions=questions)


def agenda_context(result: MeetingResult, body: Body, loc: Localizer, titles: dict[int, object] | None = None,
                   responsible: dict[int, list] | None = None) -> tuple[AgendaContext, Localizer]:
    """The agenda (§22): approval block, date, time, place, numbered questions with speakers, invitees."""
    meeting = result.meeting
    approval = meeting.agenda_approved
    approver_member = body.member(approval.by) if approval else None
    approver = _signature(loc, body, approver_member) if approver_member else Signature("", "", "")
    context = AgendaContext(
        **_heading(loc, body, result, _questions(loc, body, result, {}, titles or {}, responsible)),
        approver=approver, approved_on=loc.date_long(approval.date) if approval else "")
    return context, loc


def protocol_context(result: MeetingResult, body: Body, loc: Localizer, titles: dict[int, object] | None = None,
                     responsible: dict[int, list] | None = None) -> tuple[ProtocolContext, Localizer]:
    """The protocol (§13-15, §20, §23): attendance, quorum, each question, votes, outcomes, appendices."""
    meeting = result.meeting
    appendices: list[Appendix] = []
    appendix_of: dict[int, list[int]] = {}
    for item_result in result.items:
        for dissent in item_result.item.dissent:
            author = body.member(dissent.member)
            number = len(appendices) + 1
            appendices.append(Appendix(number, item_result.number, loc.member(author) if author else PersonLine("", ""),
                                       loc.date_long(dissent.date), loc.paragraphs(dissent.text)))
            appendix_of.setdefault(item_result.number, []).append(number)
    reasons = {a.member: a.reason for a in meeting.absent}
    absent = [{"person": loc.attendee(m),
               "reason": loc.text(reasons[m.id]) if reasons.get(m.id) else loc.phrase("absent_no_reason")}
              for m in result.absent]
    stand_ins = []
    for stand_in in meeting.stand_ins:
        replaced, replaced_genitive = _stand_in_for(loc, body, stand_in)
        key = "stand_in" if stand_in.position else "stand_in_no_position"
        stand_ins.append(loc.phrase(key, name=name_as_printed(loc.text(stand_in.name)),
                                    position=loc.text(stand_in.position), member=replaced,
                                    member_genitive=replaced_genitive))
    chair = result.chair
    secretary = body.secretary
    others = [m for m in result.present if chair is None or m.id != chair.id]
    context = ProtocolContext(
        **_heading(loc, body, result, _questions(loc, body, result, appendix_of, titles or {}, responsible,
                                                 heard=True)),
        chair=loc.member(chair) if chair else PersonLine("", ""),
        chair_is_deputy=bool(chair and chair.role != "head"),
        present=[loc.attendee(m) for m in others],
        secretary=loc.attendee(secretary) if secretary and result.secretary_present else None,
        absent=absent, stand_ins=stand_ins,
        quorum=loc.phrase("quorum.reached", present=result.quorum.present, total=result.quorum.total),
        signer=_signature(loc, body, result.signer or chair) if (result.signer or chair) else Signature("", "", ""),
        secretary_signature=(Signature(loc.phrase("secretary_title"), loc.member(secretary).position,
                                       loc.member(secretary).name) if secretary else None),
        appendices=appendices)
    return context, loc
