"""What every command shares: the options of the run, the end report of what was written, the progress bar.

The command modules beside this one (`documents`, `tools`, `output`) each hold
one group of commands as plain Click commands; `pipeline/cli/main.py` adds them to
the command group one by one, so the list of commands is in one place.
"""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from ... import stages
from ...core.errors import Finding, InputRefused, ShtabError
from ...core.project import ProjectPaths, not_a_project
from ...load.models.base import as_iso, date_exists
from ...locale.messages import Message, _
from ...records.store import RECORDS
from ...write.lock import command_line, project_root, run_lock


@dataclass
class Options:
    paths: ProjectPaths               # the project's folders, found once (pipeline/core/project.py)
    langs: list[str] | None
    quiet: bool
    as_of: dt.date                    # the run's one clock: --as-of, else today (set once, in `cli`)
    force: bool = False
    as_of_asked: bool = False
    inputs_defaulted: bool = False    # no --inputs on the command line: the project's inputs/ (pipeline/core/project.py)
    reason: str | None = None         # --reason: why --force seals a new version (recorded in its fingerprint)
    project_named: Path | None = None  # --project DIR or SHTAB_PROJECT, as she named it

    @property
    def inputs(self) -> Path:
        return self.paths.inputs

    @property
    def outputs(self) -> Path:
        return self.paths.outputs

    def assessment(self) -> stages.Assessment:
        return stages.prepare(self.require_inputs(), self.as_of, self.as_of_asked)

    def require_project(self) -> None:
        """Refuse before anything is read or written when no project was found: no --inputs and no inputs/."""
        if self.inputs_defaulted and not self.inputs.is_dir():
            raise not_a_project(self.inputs, self.project_named)

    def require_inputs(self) -> Path:
        """The inputs folder, which must exist: outside the project, the refusal says where the project is."""
        self.require_project()
        if not self.inputs.is_dir():
            raise ShtabError(_("{path}: the inputs folder does not exist", path=self.inputs))
        return self.inputs

    def ask_as_of(self, as_of: dt.date | None) -> None:
        """A command's own --as-of (check, register) replaces the run's date."""
        if as_of is not None:
            day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
            self.as_of, self.as_of_asked = day, True


pass_options = click.make_pass_decorator(Options)


class IsoDate(click.ParamType):
    """A date on the command line as in the inputs, 2026-03-12; a wrong one is told so in her language."""

    name = "date"

    def convert(self, value, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            iso = as_iso(str(value))   # 17.06.2027: said back as it is written
            if iso and date_exists(iso):
                self.fail(_("'{value}' is not written as a date is: write it year-month-day, {iso}", value=value,
                            iso=iso), param, ctx)
            self.fail(_("'{value}' is not a date: write it year-month-day (YYYY-MM-DD)", value=value), param, ctx)


class Year(click.ParamType):
    """A year on the command line, 2026."""

    name = "year"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if text.isdigit() and 1900 <= int(text) <= 2999:
            return int(text)
        self.fail(_("'{value}' is not a year: write it in four digits (YYYY)", value=value), param, ctx)


class WholeNumber(click.ParamType):
    """A count on the command line (days, a port) within its limits; a wrong one is told so in her words, with an
    example, instead of Click's "not a valid integer range" and "0<=x<=366"."""

    name = "number"

    def __init__(self, low: int, high: int, example: int) -> None:
        self.low, self.high, self.example = low, high, example

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not text.isdigit():
                self.fail(_("'{value}' is not a number: write a whole number from {low} to {high}, e.g. {example}",
                            value=value, low=self.low, high=self.high, example=self.example), param, ctx)
            number = int(text)
        if not self.low <= number <= self.high:
            self.fail(_("{value} is out of range: write a whole number from {low} to {high}, e.g. {example}",
                        value=number, low=self.low, high=self.high, example=self.example), param, ctx)
        return number


class Folder(click.Path):
    """A folder on the command line; Click names it ("Directory 'x' does not exist") with a word it translated
    when this module was imported, before the run's language was chosen: here it is translated when checked."""

    def __init__(self, exists: bool = False) -> None:
        super().__init__(exists=exists, file_okay=False, path_type=Path)

    def convert(self, value, param, ctx):
        import gettext  # Click's own words come from the catalogue through gettext (messages.set_ui_lang)
        self.name = gettext.gettext("directory")
        return super().convert(value, param, ctx)


ISO_DATE, YEAR = IsoDate(), Year()


def report_written(options: Options, written, warnings, sealings=()) -> None:
    """The end of every command that writes files: the list of files, then the warnings, then one summary.

    A signed protocol copied from its record (or sealed by this run) is listed as «sealed»;
    each new record is named with its version and files.
    """
    if not options.quiet:
        for item in written:
            click.echo(_("sealed {path}", path=item.path) if item.sealed else
                       _("wrote {path}", path=item.path) if item.changed else _("unchanged {path}", path=item.path))
        for sealing in sealings:
            click.echo(_("sealed {folder}/ (version {version}): {files}", folder=sealing.folder,
                         version=sealing.version, files=", ".join(sealing.files)))
    for finding in warnings:
        click.echo(str(finding), err=True)
    if options.quiet:
        return
    changed = [w for w in written if w.changed]
    sealed = sum(w.sealed for w in written)
    summary = _("{total} document(s), {changed} written, {unchanged} unchanged",
                total=len(written), changed=len(changed), unchanged=len(written) - len(changed))
    click.echo(_("{summary}; {count} of them signed and sealed, as kept in records/ (§15)", summary=summary,
                 count=sealed) if sealed else summary)
    if warnings:
        click.echo(_("{count} warning(s): the documents are written; see the lines above", count=len(warnings)))


def progress_bar(options: Options, label: Message, describe=None):
    """A progress bar on a terminal (stderr), for `stages.run_documents`; None when quiet or not a TTY."""
    if options.quiet or not sys.stderr.isatty():
        return None

    def progress(items):
        with click.progressbar(items, label=str(label), file=sys.stderr,
                               item_show_func=lambda item: describe(item) if describe and item else None) as bar:
            yield from bar
    return progress


def produce(options: Options, documents: list[str], selected: list[str] | None = None,
            assessment: stages.Assessment | None = None) -> None:
    """Build the documents of the given kinds; refuse on errors, print the warnings of their inputs."""
    if options.reason and (documents != ["protocol"] or not selected or not options.force):
        raise ShtabError(_("--reason goes with --force and the protocols to renew, named: e.g. shtab "
                           "--force --reason \"{example}\" protocol {meeting}", example=_("blank page removed"),
                           meeting=" ".join(selected or []) or "MEETING"))
    assessment = assessment or options.assessment()
    write_jobs(options, assessment, stages.jobs_for(assessment, documents, selected, options.langs),
               stages.withheld(assessment, documents, selected))


def write_jobs(options: Options, assessment: stages.Assessment, jobs: list[stages.Job],
               withheld: list[Finding] = ()) -> None:
    """Write the documents of these jobs (a command that builds its own, with its own parameters: extracts with
    --force, reminders with --within); refuse on errors, print the warnings of their inputs, of the documents
    themselves (raised as they were assembled, as `check` prints them) and `withheld`
    (why a subject asked for gives no document, stages.withheld)."""
    progress = progress_bar(options, _("Writing documents"), lambda job: str(job.output))
    sealed_now: list = []
    built: list[Finding] = []   # the warnings of the documents themselves, raised as they were assembled
    with run_lock_of(options):
        written = stages.run_documents(assessment, jobs, options.outputs, progress, force=options.force,
                                       sealed_now=sealed_now, reason=options.reason, warnings=built)
    sources = {source for job in jobs for source in job.sources} | {RECORDS}
    warnings = [f for f in [*assessment.findings, *withheld] if not f.is_error and f.loc.file in sources] + built
    report_written(options, written, sorted(set(warnings), key=lambda f: f.sort_key()), sealed_now)


@contextmanager
def run_lock_of(options: Options):
    """One run at a time writes the project's outputs and records (lock.py); the second says it waits."""
    with run_lock(project_root(options.inputs), command_line(), on_wait=lambda text: click.echo(text, err=True)):
        yield


def refuse_unreadable_ids(assessment: stages.Assessment, ids: list[str], folder: str) -> None:
    """An id asked for whose file exists but could not be read: show its findings (exit 1), not "no such id"."""
    unreadable = [f for f in stages.unreadable_inputs(assessment)
                  if Path(f.loc.file).stem in ids and Path(f.loc.file).parent.name == folder]
    if unreadable:
        raise InputRefused(unreadable)
