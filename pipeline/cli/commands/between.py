"""The commands between meetings: notice, extracts, reminders, status (§22, §23, §24, §27.1, §28).

The notice and the extracts are made per meeting (and by `all`); the reminders
and the status report need a date, the run's `--as-of`, and are made only here
(their kinds in `pipeline/wiring.py` say `by_all=False`).
"""

from __future__ import annotations

import datetime as dt

import click

from ... import stages
from ...core.errors import InputRefused, ShtabError
from ...core.kinds import EXTRACTS, NOTICE, REMINDERS, STATUS
from ...documents import execution
from ...locale.messages import _
from ...rules.execution import DEFAULT_WITHIN
from ...rules.extracts import unsigned_protocol
from .common import ISO_DATE, Options, WholeNumber, pass_options, produce, write_jobs
from .documents import meetings_argument


@click.command()
@click.argument("meetings", nargs=-1, required=True, metavar="MEETING...")
@pass_options
def notice(options: Options, meetings: tuple[str, ...]) -> None:
    """Write the notice of a meeting to the members and the invited (§22, §26.4).

    outputs/meetings/<meeting>/notice.<lang>.docx: date, time, place, the numbered agenda with speakers, the
    materials with who submitted them, the invited, and the request to confirm attendance; an urgent
    meeting says the materials are handed out at the meeting. Signed by the secretary.

    \b
    Example:
      python -m pipeline notice 2026-04
    """
    assessment = options.assessment()
    produce(options, [NOTICE], meetings_argument(options, assessment, meetings), assessment)


@click.command()
@click.argument("meetings", nargs=-1, required=True, metavar="MEETING...")
@pass_options
def extracts(options: Options, meetings: tuple[str, ...]) -> None:
    """Write one extract from the protocol for each body responsible for an adopted decision (§23).

    outputs/meetings/<meeting>/extracts/<NN>-<body>.<lang>.docx, NN in order of first mention: the protocol's
    heading, and only that body's decisions, numbered as in the protocol, with their deadlines; the
    secretary certifies it. A decision that was not adopted is in no extract. The protocol must be signed
    (protocol: signed: true); --force writes the extracts of an unsigned one.

    \b
    Example:
      python -m pipeline extracts 2026-04
      python -m pipeline --force extracts 2026-05    # protocol not signed yet
    """
    assessment = options.assessment()
    selected = meetings_argument(options, assessment, meetings)
    unsigned = [f for f in (unsigned_protocol(assessment.meetings[m]) for m in selected) if f is not None]
    if unsigned and not options.force:
        for finding in unsigned:
            click.echo(str(finding), err=True)
        raise ShtabError(_("nothing was written: extracts need a signed protocol (§23); --force writes them anyway"))
    write_jobs(options, assessment, stages.jobs_for(assessment, [EXTRACTS], selected, options.langs, force=options.force),
               stages.withheld(assessment, [EXTRACTS], selected, force=options.force))


# ---------------------------------------------------------------- between meetings: reminders, status

AS_OF = click.option("--as-of", "as_of", type=ISO_DATE, default=None, metavar="YYYY-MM-DD",
                     help="The date (YYYY-MM-DD) the assignments are judged as of. Default: today.")


def _dated_assessment(options: Options, as_of: dt.date | None) -> stages.Assessment:
    """The assessment as of the date asked for; a date before the first meeting, or an error in the meetings or
    the control files, refuses before anything is printed or written."""
    options.ask_as_of(as_of)
    assessment = options.assessment()
    if assessment.project.body is None:
        raise InputRefused(assessment.findings, "body.yaml cannot be read")
    problems = execution.refusals(assessment)
    if problems:
        raise InputRefused(problems)
    return assessment


@click.command()
@AS_OF
@click.option("--within", type=WholeNumber(0, 366, 30), default=DEFAULT_WITHIN, show_default=True,
              metavar="DAYS", help="Remind of deadlines up to this many days after the as-of date (that day included).")
@pass_options
def reminders(options: Options, as_of: dt.date | None, within: int) -> None:
    """Write a reminder to each body with assignments due soon or overdue (§24, §27.1).

    outputs/reminders/<as-of>/<NN>-<body>.<lang>.docx: one letter to each responsible body listing its
    assignments neither done nor removed whose deadline (the new one when extended) is on or before
    as-of + DAYS, overdue ones marked, and those with a text deadline ("ежеквартально") apart as periodic.
    It asks for information on execution by as-of plus 3 working days (weekends and Kazakhstan's public
    holidays skipped). The addressee is in the dative. Only a signed protocol's assignments are reminded of
    (§23). A run for a date leaves in its folder exactly the letters due then: the letters an earlier run
    wrote for that date and this one does not are removed (nothing else in the folder is touched).

    \b
    Example:
      python -m pipeline reminders                        # as of today, deadlines within 14 days
      python -m pipeline reminders --as-of 2026-11-27 --within 30
    """
    assessment = _dated_assessment(options, as_of)
    jobs = stages.jobs_for(assessment, [REMINDERS], langs=options.langs, within=within)
    if jobs:
        write_jobs(options, assessment, jobs)
    else:
        end = assessment.as_of + dt.timedelta(days=within)
        click.echo(_("no open assignment is due on or before {end}: no reminder to write", end=end.isoformat()))
    for path in execution.stale_reminders(stages.KINDS[REMINDERS], options.outputs, assessment.as_of, jobs,
                                          options.langs):
        path.unlink()
        click.echo(_("removed: {path} (an earlier letter for this date that is no longer due)", path=path))


@click.command()
@AS_OF
@pass_options
def status(options: Options, as_of: dt.date | None) -> None:
    """Show the execution of every assignment as of a date and write the report for the head (§24, §28).

    A table on the terminal, by responsible body: done on time, done late, extended, in progress, overdue,
    removed, protocol not signed. And outputs/reports/<year>/status-<as-of>.<lang>.docx, the справка before the next
    meeting (§25.3). An assignment with no entry in control/ counts as in progress.

    \b
    Example:
      python -m pipeline status
      python -m pipeline status --as-of 2026-11-27
    """
    assessment = _dated_assessment(options, as_of)
    if not options.quiet:
        from ..terminal import print_status
        print_status(execution.status_report(assessment), assessment.project.body)
    write_jobs(options, assessment, stages.jobs_for(assessment, [STATUS], langs=options.langs))
