"""Jobs of the half-year plans (§16-18), one document per plan."""

from __future__ import annotations

from ..context.plan import plan_context
from ..rules.assessment import Assessment
from .kind import Asked, DocumentKind, Job, Subject, languages


def plan_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    """Each plan (each selected one), in every language of the body."""
    project, body = assessment.project, assessment.project.body
    result = assessment.plans
    if result is None:
        return []
    out = []
    for plan_id, plan in result.plans.items():
        if asked.selected and plan_id not in asked.selected:
            continue
        sources = frozenset({project.file_of("body.yaml"), plan.loc.file})
        for lang in languages(asked.langs, body.languages):
            out.append(kind.job(lang, Subject(plan=plan_id), sources,
                                lambda p=plan, lg=lang: plan_context(p, result, body, kind.localizer(lg))))
    return out
