"""Stage 3 for the notice of a meeting (§22, §26.4): the letter that calls the members and the invited.

It carries what the agenda carries (date, time, place, the numbered questions
with their speakers), the materials with who submitted them and in which
languages, the invited, and the request to confirm attendance by the last
working day before the meeting. At an urgent meeting the materials are handed
out at the meeting itself (§22).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..grammar import dates
from ..load.models import Body, Meeting
from ..rules.meeting import MeetingResult
from ..rules.workdays import last_working_day_before
from .common import Localizer, PersonLine, body_genitives
from .letter import Sender, executor_line, letter_signature, sender
from .meeting import Signature, _speakers, called_by_text, invitees, people, urgent_by_head


@dataclass
class NoticeQuestion:
    number: int
    title: str
    speakers: list[str]


@dataclass
class MaterialLine:
    question: int          # the number of the question it is for
    source: str            # who submitted it: a body as typed, or a member's post and name
    submitted: str         # 10.09.2026
    kk: bool               # in the state language
    ru: bool               # in Russian


@dataclass
class NoticeContext:
    sender: Sender
    body_name_genitive: str
    akimat_genitive: str
    extraordinary: bool
    called_by: str         # §12: who called an extraordinary meeting; empty for a regular one
    urgent: bool
    urgent_by_head: bool   # §22: materials on the day only for an urgent meeting the head called
    number: int
    date_long: str
    date_on: str
    time: str
    place: str
    questions: list[NoticeQuestion]
    materials: list[MaterialLine]
    invited: list[PersonLine]
    confirm_by: str        # "until" the last working day before the meeting: "до 16 сентября 2026 года";
    #                        empty when that day is not after the notice's own date: "immediately" instead
    signer: Signature | None   # body.yaml letters_signed_by.notices; default the head
    executor: str              # «Исп.: Г. Абенова, тел. …»


def notice_day(meeting: Meeting) -> dt.date | None:
    """The outgoing date: the day the documents were sent (§26.4), else the day the agenda was approved (§22)."""
    if meeting.documents_sent is not None:
        return meeting.documents_sent
    return meeting.agenda_approved.date if meeting.agenda_approved is not None else None


def confirm_by(meeting: Meeting) -> dt.date | None:
    """§22: the day to confirm attendance by: the last working day before the meeting, if after the notice's date.

    A notice never asks for an answer by a day before (or on) its own date: a meeting called at short
    notice asks to confirm at once instead (None).
    """
    day, sent = last_working_day_before(meeting.date), notice_day(meeting)
    return day if sent is None or day > sent else None


def notice_context(result: MeetingResult, body: Body, loc: Localizer, titles: dict[int, object] | None = None,
                   responsible: dict[int, list] | None = None) -> tuple[NoticeContext, Localizer]:
    """The notice (§22, §26.4): to the members and the invited, signed as body.yaml says (default: the head); a
    question without speakers names its plan's reporting bodies, as the agenda does."""
    meeting = result.meeting
    lang = loc.lang
    titles = titles or {}
    questions, materials = [], []
    for number, item in enumerate(meeting.items, start=1):
        questions.append(NoticeQuestion(number, loc.text(titles.get(number) or item.title),
                                        _speakers(loc, body, item) or people(loc, body, (responsible or {}).get(
                                            number, []), present=set(meeting.present))))
        for material in item.materials:
            languages = material.languages or []
            materials.append(MaterialLine(number, "".join(people(loc, body, [material.from_])),
                                          dates.date_numeric(material.submitted),
                                          "kk" in languages, "ru" in languages))
    context = NoticeContext(
        sender=sender(loc, body, notice_day(meeting)), **body_genitives(loc, body),
        extraordinary=meeting.kind == "extraordinary", called_by=called_by_text(loc, result), urgent=meeting.urgent,
        urgent_by_head=urgent_by_head(result), number=meeting.number,
        date_long=loc.date_long(meeting.date), date_on=loc.date_on(meeting.date), time=meeting.time or "",
        place=loc.text(meeting.place), questions=questions, materials=materials,
        invited=invitees(loc, body, meeting),
        confirm_by=dates.date_until(day, lang) if (day := confirm_by(meeting)) else "",
        signer=letter_signature(loc, body, "notices", notice_day(meeting) or meeting.date),
        executor=executor_line(loc, body))
    return context, loc
