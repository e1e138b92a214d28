"""The command line: thin wiring of the stages in `pipeline.main`.

Exit codes: 0 done; 1 the inputs break a rule (every finding printed as
file:line: message (§N)); 2 a wrong command line (Click's own).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from . import main as stages
from .errors import ShtabError, errors_in

LANG_CHOICE = click.Choice(["kk", "ru"])


@dataclass
class Options:
    inputs: Path
    outputs: Path
    langs: list[str] | None
    quiet: bool

    def assessment(self) -> stages.Assessment:
        if not self.inputs.is_dir():
            raise ShtabError(f"{self.inputs}: the inputs folder does not exist")
        return stages.prepare(self.inputs)


pass_options = click.make_pass_decorator(Options)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--inputs", type=click.Path(file_okay=False, path_type=Path), default=Path("inputs"),
              show_default=True, help="Folder of the YAML inputs.")
@click.option("--outputs", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Folder the documents are written to.")
@click.option("--lang", "langs", type=LANG_CHOICE, multiple=True,
              help="Only this language (repeatable). Default: every language of the Штаб or the meeting.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems, not the files written.")
@click.pass_context
def cli(ctx: click.Context, inputs: Path, outputs: Path, langs: tuple[str, ...], quiet: bool) -> None:
    """Records of the interagency anti-drug Штаб: official documents in Kazakh and Russian.

    Reads the YAML under inputs/, checks it against the regulation (§N) and writes DOCX under outputs/.

    \b
    Example:
      python -m pipeline check
      python -m pipeline protocol 2026-01
      python -m pipeline --lang ru all
    """
    ctx.obj = Options(inputs, outputs, list(langs) or None, quiet)


def _report_written(options: Options, written, warnings) -> None:
    for finding in warnings:
        click.echo(str(finding), err=True)
    if options.quiet:
        return
    changed = [w for w in written if w.changed]
    for item in written:
        click.echo(f"{'wrote' if item.changed else 'unchanged'} {item.path}")
    click.echo(f"{len(written)} document(s), {len(changed)} written, {len(written) - len(changed)} unchanged")


def produce(options: Options, documents: list[str], selected: list[str] | None = None,
            assessment: stages.Assessment | None = None) -> None:
    """Build the documents of the given kinds; refuse on errors, print the warnings of their inputs."""
    assessment = assessment or options.assessment()
    jobs = stages.jobs_for(assessment, documents, selected, options.langs)
    written = stages.run_documents(assessment, jobs, options.outputs)
    sources = {source for job in jobs for source in job.sources}
    warnings = [f for f in assessment.findings if not f.is_error and f.loc.file in sources]
    _report_written(options, written, sorted(set(warnings), key=lambda f: f.sort_key()))


def _meetings_argument(options: Options, assessment: stages.Assessment, meetings: tuple[str, ...]) -> list[str]:
    unknown = [m for m in meetings if m not in assessment.meetings]
    if unknown and assessment.project.body is not None:
        known = ", ".join(assessment.meetings) or "none"
        raise click.BadParameter(f"no meeting {', '.join(unknown)} (meetings: {known})", param_hint="MEETING")
    return list(meetings)


@cli.command()
@pass_options
def check(options: Options) -> None:
    """Check every input against the regulation and list every finding.

    Errors make documents impossible (exit 1); warnings are listed and allowed (exit 0).

    \b
    Example:
      python -m pipeline check
    """
    findings = stages.check_project(options.assessment())
    for finding in findings:
        click.echo(str(finding))
    errors = errors_in(findings)
    summary = f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s)"
    if errors:
        raise ShtabError(summary)
    if not options.quiet:
        click.echo(summary if findings else "no findings: the inputs follow the regulation")


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


@cli.command(name="all")
@pass_options
def all_documents(options: Options) -> None:
    """Write every document: composition, agendas, protocols and the rest.

    \b
    Example:
      python -m pipeline all
    """
    produce(options, list(stages.DOCUMENTS))


def main() -> None:
    """Console script `shtab`: an unexpected failure is reported as an internal error, never a traceback."""
    try:
        cli.main(prog_name="shtab", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - the last guard for the secretary
        click.echo(f"internal error: {type(exc).__name__}: {exc}\nPlease report it with the inputs used.", err=True)
        sys.exit(3)
