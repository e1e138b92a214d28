"""Jobs of the meeting cycle: each meeting's agenda and protocol, and the composition (Appendix 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..context.composition import composition_context
from ..context.meeting import agenda_context, protocol_context
from ..stages import DOCUMENTS, Assessment, Job, languages



def _meeting_jobs(document: str, build) -> Callable:
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
                               lambda r=result, l=lang, t=titles, b=bodies: build(r, body, l, t, b)))
        return out
    return jobs


def _composition_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    project, body = assessment.project, assessment.project.body
    sources = frozenset({project.file_of("body.yaml")})
    return [Job("composition", lang, Path(f"composition.{lang}.docx"), sources,
                lambda l=lang: composition_context(body, l))
            for lang in languages(langs, body.languages)]


DOCUMENTS["agenda"] = _meeting_jobs("agenda", agenda_context)
DOCUMENTS["protocol"] = _meeting_jobs("protocol", protocol_context)
DOCUMENTS["composition"] = _composition_jobs
