"""Jobs of the meeting cycle: each meeting's agenda and protocol, and the composition (Appendix 1)."""

from __future__ import annotations

from pathlib import Path

from ..context.composition import composition_context
from ..context.meeting import agenda_context, protocol_context
from ..rules.assessment import Assessment
from .job import Job, JobBuilder, languages


def meeting_jobs(document: str, build) -> JobBuilder:
    """outputs/meetings/<meeting>/<document>.<lang>.docx for each meeting (each selected one)."""
    def jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
        project, body = assessment.project, assessment.project.body
        out = []
        for meeting_id, result in assessment.meetings.items():
            if selected and meeting_id not in selected:
                continue
            sources = frozenset({project.file_of("body.yaml"), result.meeting.loc.file})
            for lang in languages(langs, result.meeting.langs(body)):
                titles = assessment.item_titles.get(meeting_id, {})
                bodies = assessment.item_responsible.get(meeting_id, {})
                out.append(Job(document, lang, Path("meetings", meeting_id, f"{document}.{lang}.docx"), sources,
                               lambda r=result, lg=lang, t=titles, b=bodies: build(r, body, lg, t, b)))
        return out
    return jobs


def composition_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    project, body = assessment.project, assessment.project.body
    sources = frozenset({project.file_of("body.yaml")})
    return [Job("composition", lang, Path(f"composition.{lang}.docx"), sources,
                lambda lg=lang: composition_context(body, lg, assessment.as_of))
            for lang in languages(langs, body.languages)]


agenda_jobs = meeting_jobs("agenda", agenda_context)
protocol_jobs = meeting_jobs("protocol", protocol_context)
