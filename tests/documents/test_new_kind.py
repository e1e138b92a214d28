"""A new kind of document in three touches (docs/dev/recipes.md): a template pair, one module, one kind line.

The toy kind is an attendance sheet of each meeting. Its template pair is built
here in a temporary folder, its module is a module object with a context and a
job builder (what a file under pipeline/documents/ holds), and its line is a
`DocumentKind` given to the stages as `wiring.KINDS` would give it. Nothing else
of the program is touched, and the sheet is rendered and written.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from pathlib import Path

import docx

from pipeline import stages
from pipeline.context.common import Localizer
from pipeline.documents.kind import Asked, DocumentKind, Job, Subject, languages
from pipeline.load.models import Text
from pipeline.locale.messages import _
from pipeline.rules.assessment import Assessment
from tests.support.inputs import RUN_DATE


def template_pair(folder: Path, name: str) -> Path:
    """templates <name>.kk.docx and <name>.ru.docx, each a heading and one line per member present."""
    for lang, heading in (("kk", "Қатысу парағы"), ("ru", "Лист присутствия")):
        document = docx.Document()
        document.add_paragraph(heading + " {{ meeting }}")
        document.add_paragraph("{% for name in present %}{{ name }}; {% endfor %}")
        document.save(folder / f"{name}.{lang}.docx")
    return folder


@dataclass
class AttendanceContext:
    meeting: str
    present: list[str]


def attendance_module() -> types.ModuleType:
    """What pipeline/documents/attendance.py would hold: the context of one sheet and the job builder."""
    module = types.ModuleType("attendance")

    def context(result, body, loc: Localizer) -> tuple[AttendanceContext, Localizer]:
        members = {member.id: member for member in body.members}
        present = [loc.member(members[member_id]).full for member_id in result.meeting.present]
        return AttendanceContext(result.meeting.id, present), loc

    def jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
        project, body = assessment.project, assessment.project.body
        out = []
        for meeting_id, result in assessment.meetings.items():
            if asked.selected and meeting_id not in asked.selected:
                continue
            sources = frozenset({project.file_of("body.yaml"), result.meeting.loc.file})
            for lang in languages(asked.langs, result.meeting.langs(body)):
                out.append(kind.job(lang, Subject(meeting=meeting_id), sources,
                                    lambda r=result, lg=lang: context(r, body, kind.localizer(lg))))
        return out

    module.context, module.jobs = context, jobs
    return module


def test_a_toy_kind_is_made_from_a_template_pair_a_module_and_one_line(project, tmp_path):
    project.meeting("2026-01")
    templates = template_pair(tmp_path, "attendance")
    attendance = attendance_module()
    kind = DocumentKind("attendance", _("attendance sheet"), "meetings/{meeting}/attendance.{lang}.docx",
                        attendance.jobs, "attendance")

    assessment = stages.prepare(project.inputs, RUN_DATE)
    jobs = stages.jobs_for(assessment, [kind], ["2026-01"])
    assert [(job.document, job.lang, job.meeting_id, job.output.as_posix()) for job in jobs] == [
        ("attendance", lang, "2026-01", f"meetings/2026-01/attendance.{lang}.docx") for lang in ("kk", "ru")]

    written = stages.run_documents(assessment, jobs, project.outputs, templates=templates)
    assert [item.path for item in written] == [project.outputs / job.output for job in jobs]
    text = "\n".join(p.text for p in docx.Document(project.outputs / jobs[1].output).paragraphs)
    assert text.startswith("Лист присутствия 2026-01\n")
    assert text.count(";") == len(assessment.meetings["2026-01"].meeting.present)


def test_a_missing_translation_names_the_kind_in_her_words_s19(project):
    """§19: the finding of a missing text names the document by its kind's words, not by its id."""
    kind = DocumentKind("attendance", _("attendance sheet"), "meetings/{meeting}/attendance.{lang}.docx",
                        attendance_module().jobs, "attendance")
    loc = kind.localizer("ru")
    assert loc.text(Text({"kk": "тек қазақша"}, key="title")) == ""
    assert [f.document for f in loc.findings] == ["attendance"]
    assert "the attendance sheet in ru needs it" in loc.findings[0].render("en")


def test_a_kind_fills_its_file_from_the_subject_and_refuses_a_subject_without_its_fields():
    kind = DocumentKind("letter", _("reminders"), "letters/{as_of}/{addressee}.{lang}.docx",
                        lambda kind, assessment, asked: [], "letter")
    assert kind.about == ("as_of", "addressee")
    subject = Subject(as_of=dt.date(2026, 11, 27), addressee="01-police")
    assert kind.output_of(subject, "kk") == Path("letters/2026-11-27/01-police.kk.docx")
    try:
        kind.output_of(Subject(as_of=dt.date(2026, 11, 27)), "kk")
    except ValueError as exc:
        assert "addressee" in str(exc)
    else:
        raise AssertionError("a subject without its addressee gave a file")
