"""Jobs of the meeting cycle: each meeting's agenda and protocol, and the composition (Appendix 1)."""

from __future__ import annotations

from ..context.composition import composition_context
from ..context.meeting import agenda_context, protocol_context
from ..rules.assessment import Assessment
from .kind import Asked, DocumentKind, Job, JobBuilder, Subject, languages


def meeting_jobs(build) -> JobBuilder:
    """One document of the kind for each meeting (each selected one), in each language of the meeting."""
    def jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
        project, body = assessment.project, assessment.project.body
        out = []
        for meeting_id, result in assessment.meetings.items():
            if asked.selected and meeting_id not in asked.selected:
                continue
            sources = frozenset({project.file_of("body.yaml"), result.meeting.loc.file})
            for lang in languages(asked.langs, result.meeting.langs(body)):
                titles = assessment.item_titles.get(meeting_id, {})
                bodies = assessment.item_responsible.get(meeting_id, {})
                out.append(kind.job(lang, Subject(meeting=meeting_id), sources,
                                    lambda r=result, lg=lang, t=titles, b=bodies: build(r, body, kind.localizer(lg),
                                                                                        t, b)))
        return out
    return jobs


def composition_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    project, body = assessment.project, assessment.project.body
    sources = frozenset({project.file_of("body.yaml")})
    return [kind.job(lang, Subject(), sources,
                     lambda lg=lang: composition_context(body, kind.localizer(lg), assessment.as_of))
            for lang in languages(asked.langs, body.languages)]


agenda_jobs = meeting_jobs(agenda_context)
protocol_jobs = meeting_jobs(protocol_context)
