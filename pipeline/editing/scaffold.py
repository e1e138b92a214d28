"""Scaffolds: the next input file written for the secretary, prefilled, with what remains marked <<...>>.

`new-plan` writes `inputs/plans/<YYYY-H1|H2>.yaml` for the half-year after the
latest plan: approved by the head (the date to type), the questions earlier
plans postponed into it named in comments (§18), one question to type, no changes yet.

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

from ..load.loader import Project
from ..load.models import ANY_LANG, Meeting, Text
from ..locale.messages import Message, _, both
from ..rules.calendar import target_plan_id
from ..rules.membership import total_membership
from ..rules.plan_questions import plan_questions
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
    excluded questions are left out. Without plans the scaffold leaves one
    question to fill in.
    """
    taken = {item.plan for meeting in project.meetings for item in meeting.items if item.plan}
    quarter, out = quarter_of(day), []
    for plan in project.plans.values():
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


@dataclass(frozen=True)
class Words:
    """The scaffold's comments and placeholders in the language it is written for: the secretary's (kk or ru),
    or Kazakh and Russian together (any other: a developer's English run). A parameter of every scaffold, so
    that the workspace writes each request's in its own language without touching the run's."""

    lang: str

    @property
    def both(self) -> bool:
        return self.lang not in ("kk", "ru")

    def note(self, message: Message) -> str:
        """A comment at the end of a line."""
        return both(message) if self.both else message.render(self.lang)

    def comment(self, message: Message, indent: str = "") -> list[str]:
        """A comment on lines of its own: one line per language (kk, then ru) unless one was chosen."""
        return [f"{indent}# {message.render(lang)}" for lang in (("kk", "ru") if self.both else (self.lang,))]

    def placeholder(self, message: Message) -> str:
        """A placeholder for a value typed once (a date, a time): both languages' wording by default."""
        if not self.both:
            return message.render(self.lang)
        return f"<<{message.render('kk').strip('<>')} / {message.render('ru').strip('<>')}>>"


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _text_lines(key: str, text: Text | None, indent: str, placeholder: Message | None = None) -> list[str]:
    """`key:` followed by the kk and ru texts; placeholders when there is no text."""
    if text is None:
        values = {lang: placeholder.render(lang) if placeholder else "" for lang in ("kk", "ru")}
    elif ANY_LANG in text.values:
        return [f"{indent}{key}: {_quote(text.values[ANY_LANG])}"]
    else:
        values = text.values
    return [f"{indent}{key}:"] + [f"{indent}  {lang}: {_quote(value)}" for lang, value in values.items()]


def _item_lines(question: PlannedQuestion | None, meeting_date: dt.date, words: Words,
                plan_ref: str | None = None, speaker: str = "police") -> list[str]:
    """One question of the meeting. The hints name only what her project has: the plan question `plan_ref`
    (a question of her half-year's plan, when it exists) and `speaker` (a member id of her body.yaml)."""
    lines = []
    if question is None:
        # the commented plan reference sits inside the entry, not after its dash: a comment there is
        # not kept in place by a round-trip save (the workspace), and uncommented it is a key of the entry
        title = _text_lines("title", None, "    ", _("<<title of the question>>"))
        if plan_ref:
            lines += [*words.comment(_("no plan question for this quarter: type the question, or link it with "
                                       "plan: {ref}", ref=plan_ref), "  "),
                      "  - " + title[0].lstrip(), *title[1:], f"    # plan: \"{plan_ref}\""]
        else:
            lines += [*words.comment(_("no plan for this half-year yet: type the question (shtab new-plan writes "
                                       "the plan)"), "  "),
                      "  - " + title[0].lstrip(), *title[1:]]
    else:
        lines.append(f"  - plan: {_quote(question.ref)}")
        lines += _text_lines("title", question.title, "    ")
        if question.responsible:
            lines += words.comment(_("responsible under the plan"), "    ")
            for body in question.responsible:
                lines += ["    #   " + " / ".join(body.values.values())]
    due = dt.date(meeting_date.year, 12, 31).isoformat()
    lines += words.comment(_("after the meeting: uncomment and fill in speakers, heard, decisions and the vote"), "    ") + [
        f"    # speakers: [{speaker}]",
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


def meeting_scaffold(project: Project, day: dt.date, target: Path, words: Words) -> str:
    """The text of the next meeting's file, for the meeting on `day`."""
    body = project.body
    number = next_protocol_number(project.meetings, day.year)
    previous = latest_meeting(project.meetings, day)
    head = body.head
    voting = [m.id for m in total_membership(body, day)]
    secretary = body.secretary
    present = voting + ([secretary.id] if secretary is not None and secretary.id not in voting else [])
    questions = planned_questions(project, day)
    half_year = f"{day.year}-H{1 if day.month <= 6 else 2}"
    plan = project.plans.get(half_year)
    plan_ref = f"{half_year}/{plan.items[0].no}" if plan is not None and plan.items else None
    speaker = next((m.id for m in body.members if m.role == "member"), head.id if head else "police")
    time = _quote(previous.time) if previous and previous.time else _quote(words.placeholder(_("<<time, e.g. 10:00>>")))
    lines = [
        schema_line("meeting", target),
        *words.comment(_("Meeting No. {number} of {year}: fill in every <<...>>; lines starting with # are comments",
                    number=number, year=day.year)),
        f"number: {number}  # " + words.note(_("protocol number within the year")),
        f"date: {day.isoformat()}  # " + words.note(_("date of the meeting, YYYY-MM-DD")),
        f"time: {time}  # " + words.note(_("start time, in quotes")),
        *words.comment(_("where the meeting is held")),
        *_text_lines("place", previous.place if previous else None, "", _("<<place of the meeting>>")),
        "kind: regular  # regular | extraordinary (§12)",
        *words.comment(_("who approved the agenda and when (§22)")),
        "agenda_approved:",
        f"  by: {head.id if head else _quote('<<id>>')}",
        "  date: " + _quote(words.placeholder(_("<<date, YYYY-MM-DD>>"))),
        *words.comment(_("when the agenda and materials were sent to members (§26.4): uncomment")),
        f"# documents_sent: {day.isoformat()}",
        *words.comment(_("every voting member is listed: after the meeting, move those who did not come to absent")),
        "present:",
        *[f"  - {member_id}" for member_id in present],
        *words.comment(_("those absent, with the reason")),
        "# absent:",
        f"#   - member: {voting[-1] if voting else _quote('<<id>>')}",
        "#     reason: {kk: іссапарда, ru: в командировке}",
        *words.comment(_("the questions the plan schedules for quarter {quarter}", quarter=quarter_of(day))),
        "items:",
    ]
    for question in questions or [None]:
        lines += _item_lines(question, day, words, plan_ref, speaker)
    lines += [
        *words.comment(_("the protocol: at most one day after the meeting (§23), signed by the chair (§15)")),
        "# protocol:",
        f"#   drawn_up: {day.isoformat()}",
        f"#   signed_by: {head.id if head else 'akim'}",
    ]
    return "\n".join(lines) + "\n"


def write_new_meeting(project: Project, day: dt.date, words: Words) -> Path:
    """Write the next meeting's scaffold; refuse (never overwrite) when the file exists."""
    if project.body is None:
        raise ScaffoldRefused(_("body.yaml cannot be read: fix it first (shtab check)"))
    folder = project.inputs / "meetings"
    target = folder / f"{next_meeting_id(folder, day.year)}.yaml"
    return _write_once(target, meeting_scaffold(project, day, target, words))


def _write_once(target: Path, text: str) -> Path:
    """Create the file with `text`; refuse when it exists: a scaffold never overwrites the secretary's work."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise ScaffoldRefused(_("{path} already exists: nothing was written (a scaffold never overwrites a file)", path=target)) from None
    return target


# ---------------------------------------------------------------- new-plan: the next half-year plan (§16-18)


def next_plan_id(plans_dir: Path, day: dt.date) -> str:
    """The half-year after the latest plan file (2026-H2 → 2027-H1); with no plan files, the half-year of `day`.

    File names count, not loaded plans: a plan with errors is still the latest one.
    """
    from ..load.models import PLAN_ID
    ids = sorted(p.stem for p in plans_dir.glob("*.y*ml") if PLAN_ID.fullmatch(p.stem))
    if not ids:
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    year, half = int(ids[-1][:4]), int(ids[-1][-1])
    return f"{year}-H2" if half == 1 else f"{year + 1}-H1"


@dataclass
class CarriedQuestion:
    """A question an earlier plan postponed to the new half-year (§18): named in the new plan's comments."""

    ref: str
    title: Text | None
    responsible: list[Text]
    proposed_by: str | None
    to: str                       # the postponement's target: the half-year (2026-H2) or a month of it (2026-09)
    decided: dt.date


def postponed_into(project: Project, plan_id: str) -> list[CarriedQuestion]:
    """The questions whose last postponement sends them to `plan_id` or a month of it, not heard yet (§18).

    An exclusion decided after the postponement wins (Question.postponed); a question a meeting has
    already taken up is not carried again.
    """
    taken = {item.plan for meeting in project.meetings for item in meeting.items if item.plan}
    out = []
    for plan in project.plans.values():
        for question in plan_questions(plan).values():
            postponed = question.postponed
            if postponed is None or not postponed.to or question.ref in taken:
                continue
            if target_plan_id(str(postponed.to)) == plan_id:
                out.append(CarriedQuestion(question.ref, question.title, list(question.responsible),
                                           question.proposed_by, str(postponed.to), postponed.decided.date))
    return out


def _quarters(plan_id: str) -> tuple[int, int]:
    return (1, 2) if plan_id.endswith("1") else (3, 4)


def _when_lines(plan_id: str, month: str | None, indent: str, words: Words) -> list[str]:
    """`month:` when the postponement named one, else `quarter:` to choose (a placeholder)."""
    if month is not None:
        return [f"{indent}month: {month}  # " + words.note(_("the month the question was postponed to"))]
    first, second = _quarters(plan_id)
    placeholder = words.placeholder(_("<<quarter, {first} or {second}>>", first=first, second=second))
    note = words.note(_("{first} or {second}; or instead month: YYYY-MM", first=first, second=second))
    return [f"{indent}quarter: {_quote(placeholder)}  # {note}"]


def _carried_lines(question: CarriedQuestion, words: Words) -> list[str]:
    """A postponed question, named in a comment above the items (§18).

    It is not copied as an item: a postponed question stays in the plan that
    first listed it, and the meeting that hears it cites that reference
    (plan: "2026-H1/5"), so the rules count it once and `new-meeting` offers it
    once. A copy would be a second question, reported as never heard.
    """
    title = question.title.values if question.title is not None else {}
    name = " / ".join(v for v in title.values()) if title else question.ref
    return [*words.comment(_("postponed to {to} from plan item {ref} by the head's decision of {date} (§18): it stays in its own plan; the meeting that hears it cites plan: \"{ref}\"",
                          ref=question.ref, date=question.decided.isoformat(), to=question.to)),
            f"#   {question.ref}: {name}"]


def _list_text_lines(text: Text, indent: str) -> list[str]:
    """A text as an entry of a YAML list: `- "one text"`, or `- kk: ...` with `ru: ...` under it."""
    if ANY_LANG in text.values:
        return [f"{indent}- {_quote(text.values[ANY_LANG])}"]
    return [f"{indent}{'- ' if i == 0 else '  '}{lang}: {_quote(value)}"
            for i, (lang, value) in enumerate(text.values.items())]


def _responsible_placeholder(indent: str) -> list[str]:
    return [f"{indent}responsible:",
            f"{indent}  - kk: " + _quote(_("<<reporting body>>").render("kk")),
            f"{indent}    ru: " + _quote(_("<<reporting body>>").render("ru"))]


def _new_item_lines(no: int, plan_id: str, words: Words) -> list[str]:
    return [*words.comment(_("a new question, from a member's proposal (§16): fill it in; copy the block for each further question"), "  "),
            f"  - \"no\": {no}",
            *_text_lines("title", None, "    ", _("<<title of the question>>")),
            *words.comment(_("the bodies that report on the question"), "    "),
            *_responsible_placeholder("    "),
            "    proposed_by: " + _quote(words.placeholder(_("<<member id>>")))
            + "  # " + words.note(_("id of the member who proposed it, from body.yaml")),
            *_when_lines(plan_id, None, "    ", words)]


def plan_scaffold(project: Project, plan_id: str, target: Path, words: Words) -> str:
    """The text of the new half-year plan: the questions postponed into it, then one question to type."""
    head = project.body.head
    half = "1" if plan_id.endswith("1") else "2"
    carried = postponed_into(project, plan_id)
    lines = [
        schema_line("plan", target),
        *words.comment(_("Work plan of the Штаб for the first half of {year} (§16-18): fill in every <<...>>; "
                    "lines starting with # are comments", year=plan_id[:4]) if half == "1" else
                  _("Work plan of the Штаб for the second half of {year} (§16-18): fill in every <<...>>; "
                    "lines starting with # are comments", year=plan_id[:4])),
        *words.comment(_("the plan is approved by the head of the Штаб (§16): type the date of approval")),
        "approved:",
        "  by: " + (head.id if head else _quote(words.placeholder(_("<<member id>>")))),
        "  date: " + _quote(words.placeholder(_("<<date, YYYY-MM-DD>>"))),
        *words.comment(_("when the approved plan was sent to the members (§17)")),
        "sent_to_members: " + _quote(words.placeholder(_("<<date, YYYY-MM-DD>>"))),
    ]
    for question in carried:
        lines += _carried_lines(question, words)
    lines += [
        *words.comment(_("the questions of the half-year, each in quarter {first} or {second} or in a month of them (§17)",
                    first=_quarters(plan_id)[0], second=_quarters(plan_id)[1])),
        "items:",
    ]
    lines += _new_item_lines(1, plan_id, words)
    lines += [
        *words.comment(_("changes decided by the head later (§18): exclude, postpone or add, on a justification note")),
        "changes: []",
        "# changes:",
        "#   - item: 2",
        "#     action: postpone            # exclude | postpone | add",
        f"#     to: {plan_id[:4]}-{3 * _quarters(plan_id)[1]:02d}",
        "#     basis:",
        "#       by: working_body",
        f"#       date: {plan_id[:4]}-{3 * _quarters(plan_id)[1] - 1:02d}-20",
        "#       text: {kk: \"...\", ru: \"...\"}",
        f"#     decided: {{by: {head.id if head else 'akim'}, date: {plan_id[:4]}-{3 * _quarters(plan_id)[1] - 1:02d}-22}}",
    ]
    return "\n".join(lines) + "\n"


def write_new_plan(project: Project, day: dt.date, words: Words) -> Path:
    """Write the next half-year plan's scaffold; refuse (never overwrite) when the file exists."""
    if project.body is None:
        raise ScaffoldRefused(_("body.yaml cannot be read: fix it first (shtab check)"))
    folder = project.inputs / "plans"
    target = folder / f"{next_plan_id(folder, day)}.yaml"
    return _write_once(target, plan_scaffold(project, target.stem, target, words))


# ---------------------------------------------------------------- init: a new Штаб's project folder

# the folders of the input kinds under inputs/ (pipeline/editing/schema.py input_kinds): empty at the start
KIND_FOLDERS = ("meetings", "plans", "control", "indicators")


def _member_lines(member_id: str, role: str, what: Message, words: Words,
                  by_agreement: bool | None = None) -> list[str]:
    lines = [*words.comment(what, "  "),
             f"  - id: {member_id}",
             "    name: " + _quote(words.placeholder(_("<<initials and surname, e.g. А. Ахметов>>"))),
             *_text_lines("position", None, "    ", _("<<position, as the akimat's resolution gives it>>")),
             f"    role: {role}"]
    if by_agreement is not None:
        lines.append(f"    by_agreement: {'true' if by_agreement else 'false'}")
    return lines


def body_scaffold(target: Path, words: Words) -> str:
    """The text of a new Штаб's body.yaml: every key, with its meaning in comments, values to type as <<...>>."""
    return "\n".join([
        schema_line("body", target),
        *words.comment(_("The Штаб and its composition (Appendix 1 of the akimat's resolution): fill in every <<...>>; "
                    "lines starting with # are comments. Then run: shtab check")),
        "",
        *words.comment(_("the full name of the Штаб, in Kazakh and in Russian")),
        *_text_lines("name", None, "", _("<<full name of the Штаб>>")),
        *words.comment(_("the akimat the Штаб is formed at")),
        *_text_lines("akimat", None, "", _("<<the akimat, e.g. Акимат района>>")),
        *words.comment(_("the place printed under the documents' headings (the district's centre)")),
        *_text_lines("seat", None, "", _("<<settlement>>")),
        *words.comment(_("the akimat's resolution that formed the Штаб: its number and date")),
        "established:",
        "  number: " + _quote(words.placeholder(_("<<number of the resolution>>"))),
        "  date: " + _quote(words.placeholder(_("<<date, YYYY-MM-DD>>"))),
        *words.comment(_("the working body (§5): the state institution that prepares the meetings")),
        *_text_lines("working_body", None, "", _("<<the working body>>")),
        *words.comment(_("the authorized body the annual report is sent to (§29); remove the three lines if there is none")),
        *_text_lines("authorized_body", None, "",
                     _("<<the authorized body, e.g. the Ministry of Internal Affairs>>")),
        *words.comment(_("optional: the names in the genitive and dative, only when the program's forms are wrong, e.g.")),
        "# name_genitive: {kk: \"...\", ru: \"...\"}",
        "# akimat_genitive: {kk: \"...\", ru: \"...\"}",
        "# authorized_body_dative: {kk: \"...\", ru: \"...\"}",
        *words.comment(_("optional: who signs the letters (default: the head): a role or a member id, e.g.")),
        "# letters_signed_by: {notices: deputy_head, reminders: deputy_head, annual_report: head}",
        *words.comment(_("optional: by when a body answers on a periodic assignment, as the extracts and reminders "
                         "say it (default: quarterly, by the 5th of the month after the quarter), e.g.")),
        "# periodic_reply: {kk: \"...\", ru: \"...\"}",
        *words.comment(_("the languages of the documents (§19): kk, ru or both")),
        "languages: [kk, ru]",
        *words.comment(_("optional: the district as the annual package to the oblast names it (§9.5, §26.7), e.g.")),
        "# district: {id: auliekol, name: {kk: \"...\", ru: \"...\"}}",
        *words.comment(_("optional, an oblast Штаб only: level: oblast and the districts whose packages it receives")),
        "# level: oblast",
        "# districts:",
        "#   - {id: auliekol, name: {kk: \"...\", ru: \"...\"}}",
        *words.comment(_("optional: the head's IIN, checked against the signature (ЭЦП) of each sealed protocol")),
        "# head_iin: '<<12 digits>>'",
        "",
        *words.comment(_("the members (§4). id: a short Latin name of your choice (a-z and _), used in the meetings "
                    "and plans instead of the full post; role: head, deputy_head, secretary or member; "
                    "by_agreement: true for a member from an agency outside the akimat")),
        *words.comment(_("optional keys of a member: voting: false (does not vote), from: and until: YYYY-MM-DD (a "
                    "member since or until that day), position_genitive (the post in the genitive)")),
        "members:",
        *_member_lines("akim", "head", _("the head of the Штаб (§4): the akim or his deputy"), words),
        *_member_lines("deputy_akim", "deputy_head", _("the deputy head"), words),
        *_member_lines("secretary", "secretary", _("the secretary (does not vote unless voting: true)"), words),
        *_member_lines("police", "member", _("a member; copy these lines for each further member"),
                       words, by_agreement=True),
    ]) + "\n"


def write_new_project(folder: Path, words: Words) -> list[Path]:
    """A new project folder: inputs/body.yaml (the scaffold), the empty folders of each input kind, and schemas/
    for editors that complete keys (the scaffolds' first line names them).

    Refused when the folder already holds inputs/body.yaml: init never overwrites her work.
    """
    from ..write.files import write_all
    from .schema import all_schemas
    inputs = folder / "inputs"
    target = inputs / "body.yaml"
    if target.exists():
        raise ScaffoldRefused(_("{path} already exists: this folder is a Штаб's project already; nothing was written "
                                "(run the commands there, e.g. shtab check)", path=target))
    inputs.mkdir(parents=True, exist_ok=True)
    write_all(all_schemas(folder / "schemas"))
    written = [_write_once(target, body_scaffold(target, words))]
    for name in KIND_FOLDERS:
        (inputs / name).mkdir(exist_ok=True)
        written.append(inputs / name)
    return written
