"""Stage 2's result, `Assessment`, and the rules run over the whole project, one function per input kind.

Each `assess_*` function below reads the typed project, calls the pure rules of
its paragraph (`rules/meeting.py`, `rules/plan.py`, ...) and adds their
findings and results to the assessment. `pipeline/wiring.py` names which of
them runs for which kind of input or document, in which order; the stages run
them (`stages.assess`). None reads a clock: the day the run judges "as of" is
`Assessment.as_of`, set once by whoever started the run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.errors import Finding, Loc, error
from ..core.kinds import ANNUAL_REPORT
from ..load.loader import Project
from ..load.models import Text
from ..locale.messages import _
from .annual import quarter_findings
from .control import Assignment, assignments_of, attach_entries, control_findings
from .execution import unrecorded_overdue
from .extracts import bind_member_ids, bind_responsible
from .indicators import missing_indicators, old_indicator_keys
from .meeting import MeetingResult, assess_meeting
from .meeting_dates import check_numbering
from .plan import check_plan
from .plan_links import link_meetings
from .plan_questions import PlansResult, Question, plan_questions, unheard_findings
from .roster import check_letters, check_roster, unnamed_signers


@dataclass
class Assessment:
    """The rules' verdict on the whole project, as of one day: results per input kind and every finding.

    `as_of` is the day the run judges by (which half-years and quarters are
    over, what is overdue); `as_of_asked` says it was named on the command line
    (`--as-of`) rather than being the day of the run, which the register needs
    for its default date (the earlier of the run's day and 31 December).
    """

    project: Project
    as_of: dt.date
    as_of_asked: bool = False
    findings: list[Finding] = field(default_factory=list)
    meetings: dict[str, MeetingResult] = field(default_factory=dict)
    plans: PlansResult | None = None                  # set by assess_plans
    assignments: list[Assignment] = field(default_factory=list)   # set by assess_control
    # plan titles of meeting items, per meeting id and item number (filled by the plan rules)
    item_titles: dict[str, dict[int, Text]] = field(default_factory=dict)
    # the plan's reporting bodies of meeting items that name no speakers (filled by the plan rules)
    item_responsible: dict[str, dict[int, list[Text]]] = field(default_factory=dict)


# ---------------------------------------------------------------- years (where a finding about a year goes)


def meeting_years(assessment: Assessment) -> list[int]:
    return sorted({r.meeting.date.year for r in assessment.meetings.values()})


def report_years(assessment: Assessment) -> list[int]:
    """Years a register or report can be made for: with meetings, a control file or an indicators file."""
    project = assessment.project
    return sorted(set(meeting_years(assessment)) | set(project.control) | set(project.indicators))


def year_loc(assessment: Assessment, year: int) -> Loc:
    """Where a finding about the whole year goes: its control file, else its indicators file, else its first meeting."""
    project = assessment.project
    for files in (project.control_files, project.indicators_files):
        if year in files:
            return Loc(files[year], 1)
    first = next((r.meeting for r in assessment.meetings.values() if r.meeting.date.year == year), None)
    return Loc(first.loc.file, 1) if first is not None else Loc(project.file_of("body.yaml"))


# ---------------------------------------------------------------- one function per input kind


def assess_roster(assessment: Assessment) -> None:
    """body.yaml: the roster (§8, §11)."""
    assessment.findings += check_roster(assessment.project.body)
    assessment.findings += unnamed_signers(assessment.project.body)
    assessment.findings += check_letters(assessment.project.body)


def assess_meetings(assessment: Assessment) -> None:
    """meetings/: every meeting rule (§12-15, §19-23, §26.4), the protocols' numbering (§15), and the counts
    the documents print."""
    for meeting in assessment.project.meetings:
        result = assess_meeting(meeting, assessment.project.body)
        assessment.meetings[meeting.id] = result
        assessment.findings += result.findings
    assessment.findings += check_numbering(assessment.project.meetings)


def assess_responsible(assessment: Assessment) -> None:
    """meetings/: every responsible member id names a member of body.yaml, and prints as its post (§24)."""
    body = assessment.project.body
    for result in assessment.meetings.values():
        assessment.findings += bind_responsible(result, body)
        assessment.findings += bind_member_ids([m.from_ for item in result.meeting.items for m in item.materials],
                                              body, "§26")
    for plan in assessment.project.plans.values():
        refs = [ref for item in plan.items for ref in item.responsible]
        refs += [ref for change in plan.changes for ref in change.responsible]
        assessment.findings += bind_member_ids(refs, body, "§17")


def every_meeting_read(assessment: Assessment) -> bool:
    """Whether the year's completeness can be judged: a meeting file that could not be read may be the very
    meeting a quarter (§12) or a plan question (§18) lacks, and its own error already says what to mend."""
    return not assessment.project.unread_meetings


def assess_quarters(assessment: Assessment) -> None:
    """§12: every quarter over by `as_of`, of every year with meetings, had a regular meeting (judged only when
    every meeting file was read)."""
    if not every_meeting_read(assessment):
        return
    results = list(assessment.meetings.values())
    established = assessment.project.body.established.date
    for year in meeting_years(assessment):
        assessment.findings += quarter_findings(results, year, assessment.as_of, year_loc(assessment, year),
                                                established)


def assess_plans(assessment: Assessment) -> None:
    """plans/: every plan's own rules (§16-18), then the link to the meetings (Reading of §18).

    Fills `assessment.plans` and what the meetings borrow from the plans
    (`item_titles`, `item_responsible`). A question not yet heard is a finding
    only once the half-year it is due in is over on `assessment.as_of`.
    """
    project = assessment.project
    questions: dict[str, Question] = {}
    for plan in project.plans.values():
        assessment.findings += check_plan(plan, project.body)
        questions.update(plan_questions(plan))
    link = link_meetings(project.meetings, project.plans, project.plan_files, questions)
    assessment.findings += link.findings
    if every_meeting_read(assessment):
        assessment.findings += unheard_findings(questions, assessment.as_of)
    for meeting_id, titles in link.titles.items():
        assessment.item_titles.setdefault(meeting_id, {}).update(titles)
    for meeting_id, bodies in link.responsible.items():
        assessment.item_responsible.setdefault(meeting_id, {}).update(bodies)
    assessment.plans = PlansResult(project.plans, questions, link.unplanned, assessment.as_of)


def assess_control(assessment: Assessment) -> None:
    """control/: the assignments of adopted decisions and how each stands (§24, §28)."""
    project = assessment.project
    results = list(assessment.meetings.values())
    assignments = assignments_of(results)
    meetings = {r.meeting.id: r.meeting for r in results}
    for year in sorted(project.control):
        attach_entries(assignments, project.control[year], meetings)
    assessment.assignments = assignments
    assessment.findings += control_findings(project.control, results, assignments,
                                            frozenset(project.unread_meetings))


def assess_unrecorded(assessment: Assessment) -> None:
    """control/: an assignment overdue on `as_of` that no control file mentions: its execution was never
    recorded (§24). Not while a control file cannot be read: its error is the one finding, and what it holds is
    unknown, so no «says nothing about it» is derived from its absence."""
    project = assessment.project
    if any(year not in project.control for year in project.control_files):
        return
    assessment.findings += unrecorded_overdue(assessment.assignments, assessment.as_of)


def assess_indicators(assessment: Assessment) -> None:
    """indicators/: each year's file holds all 12 indicators of §29, under their current names."""
    project = assessment.project
    for year in project.indicators:
        assessment.findings += missing_indicators(project.indicators, project.indicators_files, year,
                                                  year_loc(assessment, year))
    assessment.findings += old_indicator_keys(project.indicators)


def check_addressee(assessment: Assessment) -> None:
    """§26.7: the annual report is addressed to the authorized body of body.yaml."""
    body = assessment.project.body
    if body.authorized_body is None:
        assessment.findings.append(error(body.loc, _("authorized_body is missing: the annual report is addressed to it; "
                                                     "add {example}", example="authorized_body: {kk: ..., ru: ...}"),
                                         "§26.7", ANNUAL_REPORT))
