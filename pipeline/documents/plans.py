"""Jobs of the half-year plans (§16-18): outputs/plans/<plan>.<lang>.docx."""

from __future__ import annotations

from pathlib import Path

from ..context.plan import plan_context
from ..rules.assessment import Assessment
from .job import Job, languages


def plan_jobs(assessment: Assessment, selected: list[str], langs: list[str] | None) -> list[Job]:
    """outputs/plans/<plan>.<lang>.docx for each plan (each selected one), in every language of the body."""
    project, body = assessment.project, assessment.project.body
    result = assessment.plans
    if result is None:
        return []
    out = []
    for plan_id, plan in result.plans.items():
        if selected and plan_id not in selected:
            continue
        sources = frozenset({project.file_of("body.yaml"), plan.loc.file})
        for lang in languages(langs, body.languages):
            out.append(Job("plan", lang, Path("plans", f"{plan_id}.{lang}.docx"), sources,
                           lambda p=plan, lg=lang: plan_context(p, result, body, lg)))
    return out

