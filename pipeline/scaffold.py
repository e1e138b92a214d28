"""Scaffolds: the next input file written for the secretary, prefilled, with what remains marked <<...>>.

`new-meeting` writes `inputs/meetings/<year>-<NN>.yaml` for the next meeting:
the next protocol number of the year, every voting member listed as present
(to be moved to `absent` after the meeting), the questions the plan schedules
for the quarter, and bilingual comments. Whatever the secretary must still
type is a `<<...>>` placeholder, which the models refuse as "not filled in"
(models.refuse_placeholder), so `check` lists exactly what is missing, with
its line. A scaffold never overwrites a file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .load import Project
from .messages import both, msg, ui_lang
from .models import ANY_LANG, Meeting, Text
from .rules.membership import total_membership
from .schema import schema_line


class ScaffoldRefused(Exception):
    """The scaffold cannot be written (the file exists, body.yaml is unreadable): a message for the secretary."""


@dataclass
class PlannedQuestion:
    """A question the plan schedules: its reference (2026-H1/3), title and responsible bodies."""

    ref: str
    title: Text
    responsible: list[Text] = field(default_factory=list)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def planned_questions(project: Project, day: dt.date) -> list[PlannedQuestion]:
    """The plan's questions for the quarter of `day` that no meeting has taken up yet.

    A question counts for the quarter when it is scheduled in it (quarter or
    month), or was postponed to a month of it or to its half-year (§18);
    excluded questions are left out. Without plans (no plan files, or the plan
    rules not installed) the scaffold leaves one question to fill in.
    """
    try:
        from .rules.plan import plan_questions
    except ImportError:
        return []
    taken = {item.plan for meeting in project.meetings for item in meeting.items if item.plan}
    quarter, out = quarter_of(day), []
    for plan in (project.extra.get("plans") or {}).values():
        for question in plan_questions(plan).values():
            if question.ref in taken or question.excluded is not None:
                continue
            if _due_in_quarter(question, plan, day.year, quarter):
                out.append(PlannedQuestion(question.ref, question.title, list(question.responsible)))
    return out


def _due_in_quarter(question, plan, year: int, quarter: int) -> bool:
    """Whether the question is due in this quarter: its schedule, or where its last postponement sent it."""
    postponed = question.postponed
    if postponed is not None and postponed.to:
        target = str(postponed.to)
        if re.fullmatch(r"\d{4}-H[12]", target):
            return int(target[:4]) == year and int(target[-1]) == (quarter + 1) // 2
        month = dt.date.fromisoformat(f"{target}-01")
        return month.year == year and quarter_of(month) == quarter
    if plan.year != year:
        return False
    if question.month is not None:
        return quarter_of(question.month) == quarter
    return question.quarter == quarter


def next_meeting_id(meetings_dir: Path, year: int) -> str:
    """YYYY-NN after the highest NN of that year among the files (01 for the first)."""
    numbers = [int(m.group(1)) for p in meetings_dir.glob(f"{year}-*.y*ml")
               if (m := re.fullmatch(rf"{year}-(\d+)", p.stem))]
    return f"{year}-{max(numbers, default=0) + 1:02d}"


def next_protocol_number(meetings: list[Meeting], year: int) -> int:
    return max((m.number for m in meetings if m.date.year == year), default=0) + 1


def latest_meeting(meetings: list[Meeting], before: dt.date) -> Meeting | None:
    earlier = [m for m in meetings if m.date <= before]
    return earlier[-1] if earlier else None


# ---------------------------------------------------------------- writing YAML by hand, to keep the comments


def _note(key: str, **values: object) -> str:
    """A comment of the scaffold: in the secretary's language, or in Kazakh and Russian by default."""
    return msg(key, **values) if ui_lang() in ("kk", "ru") else both(key, **values)


def _comment(key: str, indent: str = "", **values: object) -> list[str]:
    """A comment on lines of its own: one line per language (kk, then ru) unless the secretary chose one."""
    langs = [ui_lang()] if ui_lang() in ("kk", "ru") else ["kk", "ru"]
    return [f"{indent}# {msg(key, lang, **values)}" for lang in langs]


def _placeholder(key: str) -> str:
    """A placeholder for a value typed once (a date, a time): both languages' wording by default."""
    if ui_lang() in ("kk", "ru"):
        return msg(key)
    return f"<<{msg(key, 'kk').strip('<>')} / {msg(key, 'ru').strip('<>')}>>"


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _text_lines(key: str, text: Text | None, indent: str, placeholder_key: str = "") -> list[str]:
    """`key:` followed by the kk and ru texts; placeholders when there is no text."""
    if text is None:
        values = {lang: msg(placeholder_key, lang) for lang in ("kk", "ru")}
    elif ANY_LANG in text.values:
        return [f"{indent}{key}: {_quote(text.values[ANY_LANG])}"]
    else:
        values = text.values
    return [f"{indent}{key}:"] + [f"{indent}  {lang}: {_quote(value)}" for lang, value in values.items()]


def _item_lines(question: PlannedQuestion | None, meeting_date: dt.date) -> list[str]:
    lines = []
    if question is None:
        lines += [*_comment("scaffold.meeting.no_plan", "  "), "  - # plan: \"2026-H1/1\""]
        lines += _text_lines("title", None, "    ", "placeholder.title")
    else:
        lines.append(f"  - plan: {_quote(question.ref)}")
        lines += _text_lines("title", question.title, "    ")
        if question.responsible:
            lines += _comment("scaffold.meeting.responsible", "    ")
            for body in question.responsible:
                lines += ["    #   " + " / ".join(body.values.values())]
    due = dt.date(meeting_date.year, 12, 31).isoformat()
    lines += _comment("scaffold.meeting.after", "    ") + [
        "    # speakers: [police]",
        "    # heard:",
        "    #   kk: \"...\"",
        "    #   ru: \"...\"",
        "    # decisions:",
        "    #   - text:",
        "    #       kk: \"...\"",
        "    #       ru: \"...\"",
        "    #     responsible:",
        "    #       - {kk: \"...\", ru: \"...\"}",
        f"    #     due: {due}",
        "    # vote: unanimous",
    ]
    return lines


def meeting_scaffold(project: Project, day: dt.date, target: Path) -> str:
    """The text of the next meeting's file, for the meeting on `day`."""
    body = project.body
    number = next_protocol_number(project.meetings, day.year)
    previous = latest_meeting(project.meetings, day)
    head = body.head
    voting = [m.id for m in total_membership(body, day)]
    secretary = body.secretary
    present = voting + ([secretary.id] if secretary is not None and secretary.id not in voting else [])
    questions = planned_questions(project, day)
    time = _quote(previous.time) if previous and previous.time else _quote(_placeholder("placeholder.time"))
    lines = [
        schema_line("meeting", target),
        *_comment("scaffold.meeting.head", number=number, year=day.year),
        f"number: {number}  # {_note('scaffold.meeting.number')}",
        f"date: {day.isoformat()}  # {_note('scaffold.meeting.date')}",
        f"time: {time}  # {_note('scaffold.meeting.time')}",
        *_comment("scaffold.meeting.place"),
        *_text_lines("place", previous.place if previous else None, "", "placeholder.place"),
        "kind: regular  # regular | extraordinary (§12)",
        *_comment("scaffold.meeting.approved"),
        "agenda_approved:",
        f"  by: {head.id if head else _quote('<<id>>')}",
        f"  date: {_quote(_placeholder('placeholder.date'))}",
        *_comment("scaffold.meeting.sent"),
        f"# documents_sent: {day.isoformat()}",
        *_comment("scaffold.meeting.present"),
        "present:",
        *[f"  - {member_id}" for member_id in present],
        *_comment("scaffold.meeting.absent"),
        "# absent:",
        "#   - member: knb",
        "#     reason: {kk: іссапарда, ru: в командировке}",
        *_comment("scaffold.meeting.items", quarter=quarter_of(day)),
        "items:",
    ]
    for question in questions or [None]:
        lines += _item_lines(question, day)
    lines += [
        *_comment("scaffold.meeting.protocol"),
        "# protocol:",
        f"#   drawn_up: {day.isoformat()}",
        f"#   signed_by: {head.id if head else 'akim'}",
    ]
    return "\n".join(lines) + "\n"


def write_new_meeting(project: Project, day: dt.date) -> Path:
    """Write the next meeting's scaffold; refuse (never overwrite) when the file exists."""
    if project.body is None:
        raise ScaffoldRefused(msg("scaffold.no_body"))
    folder = project.inputs / "meetings"
    target = folder / f"{next_meeting_id(folder, day.year)}.yaml"
    text = meeting_scaffold(project, day, target)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise ScaffoldRefused(msg("scaffold.exists", path=target)) from None
    return target
