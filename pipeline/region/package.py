"""The district's annual package: the figures of its annual report as data, for the oblast (§9.5, §26.7, §29).

`annual-report YEAR` writes `outputs/reports/<year>/annual-package.json` beside the report. Every figure
comes from the same rule functions as the report itself (`annual_figures`: rules.annual, rules.control,
rules.indicators), so the two cannot disagree; tests/region/test_package.py reads both back and compares.

The package names the report files it goes with by their SHA-256, and carries the SHA-256 of its own
canonical content (`content_sha256`): the JSON of every other key, keys sorted, no spaces, UTF-8. A figure
changed by hand after the package was written no longer matches, and the oblast's `check` says so.
The same inputs give the same bytes: no clock, no host name, the program's version only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..load.models.package import SCHEMA_VERSION
from ..rules.annual import PlanExecution, YearSummary, plan_execution, quarters_without_regular_meeting, year_summary
from ..rules.assessment import Assessment
from ..rules.control import Register, State, register_of
from ..rules.indicators import ACTION_MIN_PARTICIPANTS, Indicator, indicators_of

PACKAGE_NAME = "annual-package.json"
SCHEMA_NAME = "shtab-annual-package"


@dataclass(frozen=True)
class AnnualFigures:
    """What the annual report of a year counts, decided once (§12, §13, §14, §16-18, §24, §28, §29)."""

    year: int
    summary: YearSummary
    missing_quarters: list[int]
    register: Register
    plans: PlanExecution
    indicators: list[Indicator]


def annual_figures(assessment: Assessment, year: int) -> AnnualFigures:
    """The year's figures as of its 31 December, whatever the day of the run: the annual report's own."""
    project = assessment.project
    results = list(assessment.meetings.values())
    year_end = dt.date(year, 12, 31)
    established = project.body.established.date if project.body is not None else None
    return AnnualFigures(
        year=year,
        summary=year_summary(results, year),
        missing_quarters=quarters_without_regular_meeting(results, year, year_end, established),
        register=register_of(assessment.assignments, year, year_end),
        plans=plan_execution(assessment.plans, year, year_end),
        indicators=indicators_of(project.indicators, year))


def program_version() -> str:
    try:
        return version("shtab")
    except PackageNotFoundError:   # run from a checkout that was never installed
        return "0+unknown"


def _figure(value: Any) -> Any:
    """JSON numbers: a count as an integer, a share or percentage with its one decimal."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    return value


def _measures(indicator: Indicator) -> list[dict]:
    return [{"label": m.label, "value": _figure(m.value), "previous": _figure(m.previous), "better": m.better,
             "form": m.form, "of": list(m.of) if m.of else None,
             "previous_of": list(m.previous_of) if m.previous_of else None}
            for m in indicator.measures]


def _assignments(register: Register) -> dict:
    """The assignments by state, in the register's own vocabulary (§24, §28: `rules.control.State`)."""
    return {"as_of": register.as_of.isoformat(), "total": register.count(),
            **{state.value: register.count(state) for state in State}}


def _text(text, lang: str) -> str:
    return text.get(lang) or text.get("kk") or text.get("ru") or ""


def district_of(body) -> dict:
    """The district as the oblast knows it: `district:` of body.yaml, else the akimat's name (its id in Latin
    letters, as the oblast's `districts:` must then name it)."""
    if body.district is not None:
        return {"id": body.district.id, "kk": _text(body.district.name, "kk"), "ru": _text(body.district.name, "ru")}
    from slugify import slugify  # here: only a package without `district:` needs it
    return {"id": slugify(_text(body.akimat, "ru"), separator="_") or "district", "kk": _text(body.akimat, "kk"),
            "ru": _text(body.akimat, "ru")}


def package_content(assessment: Assessment, figures: AnnualFigures, reports: dict[str, bytes]) -> dict:
    """Everything the package says, without its own checksum. `reports`: file name → bytes of the report."""
    body = assessment.project.body
    summary, year = figures.summary, figures.year
    indicators_file = assessment.project.indicators.get(year)
    outgoing = indicators_file.outgoing if indicators_file is not None else None
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "district": district_of(body),
        "shtab": {"kk": _text(body.name, "kk"), "ru": _text(body.name, "ru")},
        "year": year,
        "meetings": {
            "by_quarter": [{"quarter": q, "regular": summary.regular[q], "extraordinary": summary.extraordinary[q]}
                           for q in (1, 2, 3, 4)],
            "quarters_without_regular": list(figures.missing_quarters),
            "questions": summary.questions, "adopted": summary.adopted, "not_adopted": summary.not_adopted,
            "dissents": summary.dissents},
        "plans": {name: getattr(figures.plans, name) for name in
                  ("planned", "added", "heard", "postponed", "excluded", "pending", "not_heard", "unplanned")},
        "assignments": _assignments(figures.register),
        "indicators": [{"number": i.number, "measures": _measures(i)} for i in figures.indicators],
        "rules": {"action_min_participants": ACTION_MIN_PARTICIPANTS},
        "letter": {"number": outgoing.number, "date": outgoing.date.isoformat()} if outgoing else None,
        "program": {"name": "shtab", "version": program_version()},
        "report": [{"file": name, "sha256": hashlib.sha256(data).hexdigest()} for name, data in sorted(reports.items())],
    }


def canonical(content: dict) -> bytes:
    """The bytes the checksum is taken over: every key but `content_sha256`, sorted, compact, UTF-8."""
    plain = {key: value for key, value in content.items() if key != "content_sha256"}
    return json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_checksum(content: dict) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def sealed_package(content: dict) -> bytes:
    """The file's bytes: the content with its checksum, indented for a reader, keys in a fixed order."""
    whole = dict(content, content_sha256=content_checksum(content))
    return (json.dumps(whole, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def report_files(folder: Path) -> dict[str, bytes]:
    """The annual report files of a year's folder that the package goes with (DOCX and, when made, PDF)."""
    return {path.name: path.read_bytes() for path in sorted(folder.glob("annual-report.*"))
            if path.suffix in (".docx", ".pdf")}


def package_path(year: int) -> Path:
    """Relative to the outputs folder, beside the annual report."""
    return Path("reports", str(year), PACKAGE_NAME)


def write_package(assessment: Assessment, year: int, outputs: Path) -> Path:
    """Write the year's package beside the annual report just written; returns its path."""
    from ..write.files import write_atomic  # here: `check` never writes
    path = outputs / package_path(year)
    content = package_content(assessment, annual_figures(assessment, year), report_files(path.parent))
    write_atomic(path, sealed_package(content))
    return path
