"""The command line: thin wiring of the stages in `pipeline.stages`.

Exit codes: 0 done; 1 the inputs break a rule (every finding printed as
file:line: message (§N)), an output cannot be written, or Ctrl-C; 2 a wrong
command line (Click's own); 3 an internal error (a bug: reported with the
command and the inputs folder, never as a traceback).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import click

from . import stages
from .documents.yearly import REGISTER
from .errors import InputRefused, ShtabError, errors_in
from .messages import UI_LANGS, Message, _, choose_ui_lang, set_ui_lang
from .rules.assessment import ANNUAL_REPORT, report_years

LANG_CHOICE = click.Choice(["kk", "ru"])


@dataclass
class Options:
    inputs: Path
    outputs: Path
    langs: list[str] | None
    quiet: bool
    as_of: dt.date                    # the run's one clock: --as-of, else today (set once, in `cli`)
    force: bool = False
    as_of_asked: bool = False

    def assessment(self) -> stages.Assessment:
        if not self.inputs.is_dir():
            raise ShtabError(_("{path}: the inputs folder does not exist", path=self.inputs))
        return stages.prepare(self.inputs, self.as_of, self.as_of_asked)

    def ask_as_of(self, as_of: dt.datetime | None) -> None:
        """A command's own --as-of (check, register) replaces the run's date."""
        if as_of is not None:
            self.as_of, self.as_of_asked = as_of.date(), True


pass_options = click.make_pass_decorator(Options)


INTERNAL_ERROR = 3


class GuardedGroup(click.Group):
    """The command group with the last guard for the secretary: an unexpected exception is an internal error.

    The guard sits in `main`, which both `python -m pipeline` and Click's test
    runner call, so both answer a bug the same way: a short message naming the
    command and the inputs folder, exit 3, no traceback (SHTAB_TRACEBACK=1 adds it).
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = self.hoist_global_options(list(sys.argv[1:] if args is None else args))
        # The language first: Click's own answers to a wrong command line are in it too.
        set_ui_lang(choose_ui_lang(_option_value(argv, "--ui-lang"), os.environ,
                                   Path(_option_value(argv, "--inputs") or "inputs")))
        try:
            return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
        except Exception as exc:  # noqa: BLE001 - anything Click did not turn into an answer is a bug
            report_internal_error(exc, prog_name or "shtab", argv)
            if standalone_mode:
                sys.exit(INTERNAL_ERROR)
            raise


    def hoist_global_options(self, argv: list[str]) -> list[str]:
        """Global options typed after the command move before it: `check --ui-lang ru` (CONTRACT.md).

        So `make check ARGS="--ui-lang ru"` and `make protocol ARGS="2026-01 --force"` work. An option the
        command has itself stays with the command; nothing after `--` moves.
        """
        takes_value = {opt: not getattr(param, "is_flag", False) and not getattr(param, "count", False)
                       for param in self.params for opt in param.opts + param.secondary_opts}
        index = 0
        while index < len(argv) and argv[index].startswith("-") and argv[index] != "--":
            option = argv[index]
            index += 2 if takes_value.get(option) else 1  # `--inputs DIR`; `--inputs=DIR` is one word
        if index >= len(argv) or argv[index] == "--":
            return argv
        command = self.commands.get(argv[index])
        own = {opt for param in (command.params if command else []) for opt in param.opts + param.secondary_opts}
        moved: list[str] = []
        rest: list[str] = []
        position = index + 1
        while position < len(argv):
            word = argv[position]
            name = word.split("=", 1)[0]
            if word == "--":
                rest += argv[position:]
                break
            if name in takes_value and name not in own:
                width = 2 if takes_value[name] and "=" not in word else 1
                moved += argv[position:position + width]
                position += width
            else:
                rest.append(word)
                position += 1
        return argv[:index] + moved + [argv[index]] + rest


def report_internal_error(exc: BaseException, prog_name: str, argv: list[str]) -> None:
    inputs = _option_value(argv, "--inputs") or "inputs"
    click.echo(f"internal error: {type(exc).__name__}: {exc}\n"
               f"  while running: {prog_name} {' '.join(argv)}\n"
               f"  inputs folder: {inputs}\n"
               "This is a fault of the program, not of your inputs: please report it with this message and a "
               "copy of the inputs folder. Documents written earlier are unchanged.", err=True)
    if os.environ.get("SHTAB_TRACEBACK"):
        click.echo("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), err=True)


def _option_value(argv: list[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--inputs", type=click.Path(file_okay=False, path_type=Path), default=Path("inputs"),
              show_default=True, help="Folder of the YAML inputs.")
@click.option("--outputs", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Folder the documents are written to.")
@click.option("--lang", "langs", type=LANG_CHOICE, multiple=True,
              help="Only this language (repeatable). Default: every language of the Штаб or the meeting.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems: no progress bar, no list of files written.")
@click.option("--ui-lang", type=click.Choice(UI_LANGS), default=None,
              help="Language of the program's own messages (not of the documents): kk or ru; en for developers. "
                   "Default: SHTAB_LANG, else the system's language (LANG), else the first language of body.yaml.")
@click.option("--force", is_flag=True,
              help="Replace a signed protocol (§15) although the new one differs; says so on stderr.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), envvar="SHTAB_AS_OF", default=None,
              show_envvar=True, help="The day the run judges as of (YYYY-MM-DD): past quarters (§12) and "
                                     "half-years (§18), overdue assignments. Default: today.")
@click.pass_context
def cli(ctx: click.Context, inputs: Path, outputs: Path, langs: tuple[str, ...], quiet: bool, ui_lang: str,
        force: bool, as_of: dt.datetime | None) -> None:
    """Records of the interagency anti-drug Штаб: official documents in Kazakh and Russian.

    Reads the YAML under inputs/, checks it against the regulation (§N) and writes DOCX under outputs/.

    \b
    Example:
      python -m pipeline check
      python -m pipeline protocol 2026-01
      python -m pipeline --lang ru all
      SHTAB_LANG=ru python -m pipeline check     # messages in Russian
      python -m pipeline --ui-lang kk new-meeting  # messages in Kazakh
      python -m pipeline --force protocol 2026-01   # replace a signed protocol knowingly

    \b
    Exit codes: 0 done; 1 a problem in the inputs (file:line: message (§N)),
    a signed protocol would change, or an output cannot be written;
    2 a wrong command line; 3 an internal error (please report it).
    """
    if ui_lang:
        set_ui_lang(ui_lang)
    ctx.obj = Options(inputs, outputs, list(langs) or None, quiet, dt.date.today(), force)
    ctx.obj.ask_as_of(as_of)


def _report_written(options: Options, written, warnings) -> None:
    """The end of every command that writes files: the list of files, then the warnings, then one summary."""
    if not options.quiet:
        for item in written:
            click.echo(_("wrote {path}", path=item.path) if item.changed else _("unchanged {path}", path=item.path))
    for finding in warnings:
        click.echo(str(finding), err=True)
    if options.quiet:
        return
    changed = [w for w in written if w.changed]
    click.echo(_("{total} document(s), {changed} written, {unchanged} unchanged",
                 total=len(written), changed=len(changed), unchanged=len(written) - len(changed)))
    if warnings:
        click.echo(_("{count} warning(s): the documents are written; see the lines above", count=len(warnings)))


def _progress(options: Options, label: Message, describe=None):
    """A progress bar on a terminal (stderr), for `main.run_documents`; None when quiet or not a TTY."""
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
    assessment = assessment or options.assessment()
    jobs = stages.jobs_for(assessment, documents, selected, options.langs)
    progress = _progress(options, _("Writing documents"), lambda job: str(job.output))
    written = stages.run_documents(assessment, jobs, options.outputs, progress, force=options.force)
    sources = {source for job in jobs for source in job.sources}
    warnings = [f for f in assessment.findings if not f.is_error and f.loc.file in sources]
    _report_written(options, written, sorted(set(warnings), key=lambda f: f.sort_key()))


def refuse_unreadable_ids(assessment: stages.Assessment, ids: list[str], folder: str) -> None:
    """An id asked for whose file exists but could not be read: show its findings (exit 1), not "no such id"."""
    unreadable = [f for f in stages.unreadable_inputs(assessment)
                  if Path(f.loc.file).stem in ids and Path(f.loc.file).parent.name == folder]
    if unreadable:
        raise InputRefused(unreadable)


def _meetings_argument(options: Options, assessment: stages.Assessment, meetings: tuple[str, ...]) -> list[str]:
    unknown = [m for m in meetings if m not in assessment.meetings]
    refuse_unreadable_ids(assessment, unknown, "meetings")
    if unknown and assessment.project.body is not None:
        known = ", ".join(assessment.meetings) or "none"
        raise click.BadParameter(f"no meeting {', '.join(unknown)} (meetings: {known})", param_hint="MEETING")
    return list(meetings)


@cli.command()
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Judge past quarters (§12) and half-years (§18) as of this date (YYYY-MM-DD). Default: today.")
@pass_options
def check(options: Options, as_of: dt.datetime | None) -> None:
    """Check every input against the regulation and list every finding.

    Errors make documents impossible (exit 1); warnings are listed and allowed (exit 0).

    \b
    Example:
      python -m pipeline check
      python -m pipeline check --as-of 2026-12-31   # the year's §12 and §18 findings
    """
    options.ask_as_of(as_of)
    findings = stages.check_project(options.assessment())
    for finding in findings:
        click.echo(str(finding))
    errors = errors_in(findings)
    summary = _("{errors} error(s), {warnings} warning(s)", errors=len(errors), warnings=len(findings) - len(errors))
    if errors:
        raise ShtabError(summary)
    if not options.quiet:
        click.echo(summary if findings else _("no findings: the inputs follow the regulation"))


def _meeting_command(document: str, help_text: str):
    @click.argument("meetings", nargs=-1, metavar="[MEETING]...")
    @pass_options
    def command(options: Options, meetings: tuple[str, ...]) -> None:
        assessment = options.assessment()
        produce(options, [document], _meetings_argument(options, assessment, meetings), assessment)
    command.__doc__ = help_text
    return cli.command(name=document)(command)


_meeting_command("agenda", """Write the agenda of each meeting (§22): outputs/meetings/<meeting>/agenda.<lang>.docx.

    \b
    Example:
      python -m pipeline agenda 2026-01
    """)
_meeting_command("protocol", """Write the protocol of each meeting (§13-15, §20, §23), dissents as appendices.

    Refuses (exit 1) when the meeting had no quorum, names an unknown member or lacks a translation.

    \b
    Example:
      python -m pipeline protocol            # every meeting
      python -m pipeline protocol 2026-03    # one meeting
    """)


@cli.command()
@pass_options
def composition(options: Options) -> None:
    """Write the composition of the Штаб in the form of Appendix 1 of the resolution.

    \b
    Example:
      python -m pipeline composition
    """
    produce(options, ["composition"])


# ---------------------------------------------------------------- half-year plans (§16-18)


def _plans_argument(assessment: stages.Assessment, plans: tuple[str, ...]) -> list[str]:
    """The plan ids asked for; an id with no readable plan is a wrong command line (exit 2)."""
    known = list(assessment.plans.plans) if assessment.plans is not None else []
    unknown = [p for p in plans if p not in known]
    refuse_unreadable_ids(assessment, unknown, "plans")
    if unknown and assessment.project.body is not None:
        raise click.BadParameter(f"no plan {', '.join(unknown)} (plans: {', '.join(known) or 'none'})",
                                 param_hint="PLAN")
    return list(plans)


@cli.command()
@click.argument("plans", nargs=-1, metavar="[PLAN]...")
@pass_options
def plan(options: Options, plans: tuple[str, ...]) -> None:
    """Write each half-year work plan (§16-18): outputs/plans/<plan>.<lang>.docx.

    The questions with their reporting bodies, time and proposer, approved by the head,
    and the record of changes (excluded, postponed, added) with their justification notes.
    PLAN is the plan file's name without .yaml, e.g. 2026-H1.

    \b
    Example:
      python -m pipeline plan              # every plan
      python -m pipeline plan 2026-H2      # one plan
    """
    assessment = options.assessment()
    produce(options, ["plan"], _plans_argument(assessment, plans), assessment)


@cli.command(name="all")
@pass_options
def all_documents(options: Options) -> None:
    """Write every document: composition, agendas, protocols, plans, the register, the annual report and the rest.

    \b
    Example:
      python -m pipeline all
    """
    produce(options, list(stages.DOCUMENTS))


# ================================================================ the secretary's tools (issue 7)
# Scaffolds, editor schemas and the template check. The logic lives in
# pipeline/scaffold.py, pipeline/schema.py and pipeline/template_check.py.


@cli.command(name="new-meeting")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date of the meeting (YYYY-MM-DD). Default: today.")
@pass_options
def new_meeting(options: Options, day) -> None:
    """Write the next meeting's file, inputs/meetings/<year>-<NN>.yaml, ready to fill in.

    Prefilled: the next protocol number of the year, every voting member as present (move those who do not
    come to absent), the plan's questions for the quarter; what you must type is marked <<...>>, and
    `check` lists each such place with its line until it is filled in. Never overwrites a file.

    \b
    Example:
      python -m pipeline new-meeting                    # a meeting today
      python -m pipeline new-meeting --date 2026-06-11
      make new-meeting ARGS="--date 2026-06-11"
    """
    from .scaffold import ScaffoldRefused, write_new_meeting
    if not options.inputs.is_dir():
        raise ShtabError(_("{path}: the inputs folder does not exist", path=options.inputs))
    meeting_day = day.date() if day else options.as_of
    try:
        path = write_new_meeting(stages.load_project(options.inputs), meeting_day)
    except ScaffoldRefused as exc:
        raise ShtabError(str(exc)) from None
    click.echo(_("wrote {path}: fill in the places marked <<...>>, then run: make check", path=path))


@cli.command(name="new-plan")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Without any plan yet: a day of the half-year to plan (YYYY-MM-DD). Default: today.")
@pass_options
def new_plan(options: Options, day) -> None:
    """Write the next half-year's work plan, inputs/plans/<YYYY-H1|YYYY-H2>.yaml, ready to fill in.

    The half-year after the latest plan file (after 2026-H2 comes 2027-H1); with no plans yet, the half-year
    of today or of --date. Prefilled: approved by the head, the questions earlier plans postponed to this
    half-year or a month of it (§18, copied with a comment saying where from), then one new question to type;
    what you must type is marked <<...>>, and `check` lists each such place with its line until it is filled
    in. Never overwrites a file.

    \b
    Example:
      python -m pipeline new-plan                       # the half-year after the latest plan
      python -m pipeline new-plan --date 2027-01-15     # no plans yet: the first half of 2027
      make new-plan
    """
    from .scaffold import ScaffoldRefused, write_new_plan
    if not options.inputs.is_dir():
        raise ShtabError(_("{path}: the inputs folder does not exist", path=options.inputs))
    try:
        path = write_new_plan(stages.load_project(options.inputs), day.date() if day else options.as_of)
    except ScaffoldRefused as exc:
        raise ShtabError(str(exc)) from None
    click.echo(_("wrote {path}: fill in the places marked <<...>>, then run: make check", path=path))


@cli.command()
@click.option("--out", "folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the schemas. Default: schemas/ of the program.")
@pass_options
def schema(options: Options, folder: Path | None) -> None:
    """Write a JSON Schema for each kind of input file: schemas/<kind>.schema.json.

    Editors that use yaml-language-server (VS Code with the YAML extension) read the first line of an input,
    "# yaml-language-server: $schema=../../schemas/meeting.schema.json", and then complete keys and
    underline mistakes while you type.

    \b
    Example:
      python -m pipeline schema
    """
    from .schema import SCHEMAS, all_schemas
    from .write import write_all
    _report_written(options, write_all(all_schemas(folder or SCHEMAS)), [])


@cli.command()
@click.option("--dir", "folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the templates. Default: templates_docx/ of the program.")
@pass_options
def templates(options: Options, folder: Path | None) -> None:
    """Check every Word template: its tags parse, it uses only known values, and it renders the sample inputs.

    Run it after editing a template's wording in Word or LibreOffice: a broken {{ }} or {%p %} tag is reported
    with the template's name, the paragraph and the tag. Nothing is written. Exit 1 when a template is broken.

    \b
    Example:
      python -m pipeline templates
      python -m pipeline templates --dir my_templates
    """
    from .render import TEMPLATES
    from .template_check import check_templates
    progress = _progress(options, _("Checking templates"), lambda path: path.name)
    count, findings = check_templates(options.assessment(), folder or TEMPLATES, progress)
    for finding in findings:
        click.echo(str(finding), err=True)
    if errors_in(findings):
        raise ShtabError(_("{count} template(s) broken", count=len({f.loc for f in errors_in(findings)})))
    if not options.quiet:
        click.echo(_("{count} template(s) checked: each parses, uses only known values and renders the sample",
                     count=count))


# ================================================================ end of the secretary's tools


# ---------------------------------------------------------------- the yearly documents: register and annual report


def _year_argument(assessment: stages.Assessment, year: int | None) -> list[str]:
    if year is None:
        return []
    years = report_years(assessment)
    if assessment.project.body is not None and year not in years:
        known = ", ".join(map(str, years)) or "none"
        raise click.BadParameter(f"no meetings, control or indicators for {year} (years: {known})", param_hint="YEAR")
    return [str(year)]


@cli.command()
@click.argument("year", type=click.IntRange(1900, 2999), required=False)
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Overdue as of this date (YYYY-MM-DD). Default: the earlier of today and the year's 31 December.")
@pass_options
def register(options: Options, year: int | None, as_of) -> None:
    """Write the control register of protocol assignments (§24, §28): outputs/reports/<year>/register.<lang>.docx.

    One row per assignment of an adopted decision: protocol, text, responsible, deadline, status from
    control/<year>.yaml, and the overdue mark (deadline passed as of the date, not done or removed; due
    that day is not overdue). Default YEAR: the latest year with meetings.

    \b
    Example:
      python -m pipeline register
      python -m pipeline register 2026 --as-of 2026-10-01
    """
    options.ask_as_of(as_of)
    assessment = options.assessment()
    produce(options, [REGISTER], _year_argument(assessment, year), assessment)


@cli.command(name="annual-report")
@click.argument("year", type=click.IntRange(1900, 2999), required=False)
@pass_options
def annual_report(options: Options, year: int | None) -> None:
    """Write the annual report to the authorized body (§9.5, §26.7, §29): outputs/reports/<year>/annual-report.<lang>.docx.

    Meetings by quarter (§12), questions and decisions, dissenting opinions, assignments as of 31 December,
    and the 12 indicators of §29 against the previous year with a chart. Default YEAR: the latest year with
    meetings.

    \b
    Example:
      python -m pipeline annual-report
      python -m pipeline annual-report 2026
    """
    assessment = options.assessment()
    produce(options, [ANNUAL_REPORT], _year_argument(assessment, year), assessment)
# ---------------------------------------------------------------- watch (issue 15)


@cli.command()
@pass_options
def watch(options: Options) -> None:
    """Keep the documents up to date while you edit: after each save, check again and rewrite what changed.

    Watches the inputs folder and templates_docx/. First brings every document up to date; then, after each
    save, prints the findings and rewrites only the documents whose inputs or template changed, with every
    rule of the other commands (a signed protocol stays, §15). A file saved with an error is reported and the
    watch goes on: fix it and save again. Ctrl-C stops it.

    \b
    Example:
      python -m pipeline watch
      make watch
    """
    from .watch import Watcher, watch as watch_project
    if not options.inputs.is_dir():
        raise ShtabError(_("{path}: the inputs folder does not exist", path=options.inputs))
    watcher = Watcher(options.inputs, options.outputs, options.langs, options.force,
                      options.as_of if options.as_of_asked else None)
    try:
        watch_project(watcher, lambda round_: _report_round(options, round_),
                      listening=lambda: click.echo(_("watching {inputs} and the templates: save a file to update its documents; Ctrl-C stops", inputs=options.inputs)))
    except KeyboardInterrupt:   # Ctrl-C is how a watch ends; a round cut short renamed nothing into place
        pass
    click.echo(_("watch stopped"))


def _report_round(options: Options, round_) -> None:
    """One round of `watch`: what was saved, every finding, what was refused and what was written."""
    if round_.changed:
        click.echo(_("saved: {files}", files=", ".join(round_.changed)))
    for finding in round_.findings:
        click.echo(str(finding), err=True)
    for finding in round_.refused:
        if finding not in round_.findings:
            click.echo(str(finding), err=True)
    if round_.failure:
        click.echo(round_.failure, err=True)
    if round_.refused:
        click.echo(_("{count} error(s): those documents were not written; fix the lines above and save again",
                     count=len(errors_in(round_.refused))), err=True)
    written = [item for item in round_.written if item.changed]
    if not options.quiet:
        for item in written:
            click.echo(_("wrote {path}", path=item.path))
    errors = len(errors_in(set(round_.findings) | set(round_.refused)))
    warnings = len(round_.findings) - len(errors_in(round_.findings))
    click.echo(_("{written} document(s) written; {errors} error(s), {warnings} warning(s); waiting for the next save",
                 written=len(written), errors=errors, warnings=warnings))




# ---------------------------------------------------------------- pdf (issue 5)


@cli.command()
@pass_options
def pdf(options: Options) -> None:
    """Write a PDF beside every DOCX in the outputs folder (LibreOffice, one batch).

    Only DOCX without a PDF or changed since their PDF are converted, all in one
    LibreOffice run. Needs LibreOffice (soffice); SHTAB_SOFFICE names another program.

    \b
    Example:
      python -m pipeline all && python -m pipeline pdf
    """
    from .pdf import convert_outputs
    converted = convert_outputs(options.outputs)
    if options.quiet:
        return
    for item in converted:
        click.echo(_("converted {path}", path=item.pdf) if item.changed else _("up to date {path}", path=item.pdf))
    changed = sum(item.changed for item in converted)
    click.echo(_("{total} PDF(s), {changed} converted, {unchanged} up to date",
                 total=len(converted), changed=changed, unchanged=len(converted) - changed))


def main() -> None:
    """Console script `shtab` and `python -m pipeline`: the guard of `GuardedGroup` applies to both."""
    cli.main(prog_name="shtab", standalone_mode=True)
