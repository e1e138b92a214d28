"""Jobs of the execution documents, made only by their own command because they need a date (§24, §27.1, §28):

one reminder per body and the status report (the справка for the head), both
about the run's `assessment.as_of`. `all` does not make them (their kinds in
`pipeline/wiring.py` say `by_all=False`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..context.reminder import reminder_context
from ..context.status import status_context
from ..core.errors import Finding, Loc, error, errors_in
from ..locale.messages import _
from ..rules.assessment import Assessment
from ..rules.execution import DEFAULT_WITHIN, StatusReport, reminders_of, status_of
from .between import body_slug
from .kind import Asked, DocumentKind, Job, Subject, languages
from .yearly import protocol_signing


def as_of_findings(assessment: Assessment) -> list[Finding]:
    """An as-of date before the first meeting has no assignment to speak of: say so at that meeting's date."""
    meetings = sorted((r.meeting for r in assessment.meetings.values()), key=lambda m: m.date)
    if not meetings:
        return [error(Loc(str(assessment.project.inputs / "meetings")),
                      _("there are no meetings in {folder}: no assignment to remind of or report on",
                        folder=assessment.project.inputs / "meetings"))]
    first = meetings[0]
    if assessment.as_of < first.date:
        return [error(first.loc_of("date"), _("--as-of {as_of} is before the first meeting ({first}, {file}): "
                                              "no assignment existed yet", as_of=assessment.as_of.isoformat(),
                                              first=first.date.isoformat(), file=first.loc.file))]
    return []


def refusals(assessment: Assessment) -> list[Finding]:
    """What refuses the reminders and the status report as of the run's date (the command line and the
    workspace alike): a date before the first meeting, else an error in the inputs they are made from."""
    return as_of_findings(assessment) or blocking_errors(assessment)


def blocking_errors(assessment: Assessment) -> list[Finding]:
    """The errors in the inputs the execution documents are made from: any of them refuses the command."""
    sources = _sources(assessment, assessment.as_of)
    return [f for f in errors_in(assessment.findings) if f.loc.file in sources]


def _sources(assessment: Assessment, as_of: dt.date) -> frozenset[str]:
    """body.yaml, every meeting held by the date (each gives assignments) and every control file."""
    project = assessment.project
    sources = {project.file_of("body.yaml")}
    sources |= {r.meeting.loc.file for r in assessment.meetings.values() if r.meeting.date <= as_of}
    sources |= set(project.control_files.values())
    return frozenset(sources)


def reminder_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    """One letter per body with open assignments due by as_of + within, in every language of the Штаб."""
    body = assessment.project.body
    as_of = assessment.as_of
    within = DEFAULT_WITHIN if asked.within is None else asked.within
    reminders = reminders_of(assessment.assignments, as_of, within)
    sources = _sources(assessment, as_of)
    out = []
    for letter in reminders.letters:
        addressee = f"{letter.number:02d}-{body_slug(letter.addressee)}"
        for lang in languages(asked.langs, body.languages):
            out.append(kind.job(lang, Subject(as_of=as_of, addressee=addressee), sources,
                                lambda r=letter, lg=lang: reminder_context(r, reminders, body, kind.localizer(lg))))
    return out


# the name of a letter `reminders` writes: <NN>-<body>.<lang>.docx, and the PDF `pdf` made beside it
LETTER = re.compile(r"^\d{2}-[a-z0-9_-]+\.(kk|ru)\.(docx|pdf)$")


def stale_reminders(kind: DocumentKind, outputs: Path, as_of: dt.date, jobs: list[Job],
                    langs: list[str] | None = None) -> list[Path]:
    """The letters of an earlier run for the same date that this run does not write (§24): an assignment done
    since, or a body whose numbering moved. Only files named as `reminders` names its letters, in its own
    folder (the reminders' kind's, outputs/reminders/<as-of>/); anything else there is not touched, nor the
    letters of a language the run did not write (`langs`)."""
    folder = outputs / kind.output_of(Subject(as_of=as_of, addressee="-"), "-").parent
    if not folder.is_dir():
        return []
    written = {job.output.name.rsplit(".", 1)[0] for job in jobs}     # "01-police.kk"
    stale = []
    for path in sorted(folder.iterdir()):
        letter = LETTER.match(path.name)
        if path.is_file() and letter and (langs is None or letter.group(1) in langs) \
                and path.name.rsplit(".", 1)[0] not in written:
            stale.append(path)
    return stale


def status_report(assessment: Assessment) -> StatusReport:
    return status_of(assessment.assignments, assessment.as_of)


def status_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    """The справка as of the run's date, in every language of the Штаб."""
    body = assessment.project.body
    report = status_report(assessment)
    signing = protocol_signing(assessment)
    return [kind.job(lang, Subject(year=report.as_of.year, as_of=report.as_of), _sources(assessment, report.as_of),
                     lambda lg=lang: status_context(report, body, kind.localizer(lg), signing))
            for lang in languages(asked.langs, body.languages)]
