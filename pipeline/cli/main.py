"""The command line: thin wiring of the stages in `pipeline.stages`.

Exit codes: 0 done; 1 the inputs break a rule (every finding printed as
file:line: message (§N)), an output cannot be written, or Ctrl-C; 2 a wrong
command line (Click's own); 3 an internal error (a bug: reported with the
command and the inputs folder, never as a traceback).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
import traceback
from pathlib import Path

import click
from click.core import ParameterSource

from ..core import project as projects
from ..core.errors import ShtabError
from ..locale.messages import UI_LANGS, _, choose_ui_lang, os_problem, set_ui_lang, translate
from . import help as clihelp
from .commands import between, documents, output, records, signature, tools, workspace
from .commands.common import ISO_DATE, Options

LANG_CHOICE = click.Choice(["kk", "ru"])


INTERNAL_ERROR = 3


class Answer(click.ClickException):
    """A `ShtabError` as Click's exception: Click shows it with the program's own words and exits with its code."""

    def __init__(self, refusal: ShtabError) -> None:
        super().__init__(str(refusal))
        self.refusal, self.exit_code = refusal, refusal.exit_code

    def show(self, file=None) -> None:
        self.refusal.show(file)


# A write the disk refused: read-only, full, no permission, over the size the system allows.
_DISK_FAILURES = {errno.EROFS, errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class GuardedGroup(click.Group):
    """The command group with the last guard for the secretary: an unexpected exception is an internal error.

    The guard sits in `main`, which both `python -m pipeline` and Click's test
    runner call, so both answer a bug the same way: a short message naming the
    command and the inputs folder, exit 3, no traceback (SHTAB_TRACEBACK=1 adds it).
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = self.hoist_global_options(list(sys.argv[1:] if args is None else args))
        # The language first: Click's own answers to a wrong command line are in it too.
        set_ui_lang(choose_ui_lang(_option_value(argv, "--ui-lang"), os.environ, _inputs_of(argv)))
        clihelp.localize(self, translate)
        try:
            return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
        except Exception as exc:  # noqa: BLE001 - anything Click did not turn into an answer is a bug
            report_internal_error(exc, prog_name or "shtab", argv)
            if standalone_mode:
                sys.exit(INTERNAL_ERROR)
            raise

    def invoke(self, ctx: click.Context):
        """The program's own refusals (`ShtabError`) become Click's answers: shown, exit 1, no traceback."""
        try:
            return super().invoke(ctx)
        except ShtabError as refusal:
            raise Answer(refusal) from None
        except OSError as exc:
            if exc.errno not in _DISK_FAILURES:
                raise
            # the disk's answer, not a bug: a command that writes outside a run's two phases (new-meeting...)
            raise Answer(ShtabError(_("{path}: cannot be written ({problem}): free some space, or make the folder "
                                      "writable, then run the command again", path=exc.filename or "?",
                                      problem=os_problem(exc)))) from None

    def hoist_global_options(self, argv: list[str]) -> list[str]:
        """Global options typed after the command move before it: `check --ui-lang ru` (docs/regulation/contract.md).

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
                if position + width > len(argv):   # `check --inputs` with no folder: Click's own "needs a value"
                    return argv[:index] + moved + [word]
                moved += argv[position:position + width]
                position += width
            else:
                rest.append(word)
                position += 1
        return argv[:index] + moved + [argv[index]] + rest


def _inputs_of(argv: list[str]) -> Path:
    """The inputs folder the command line means, before Click parses it (the language of Click's own words)."""
    named = _option_value(argv, "--inputs")
    if named:
        return Path(named)
    folder = _option_value(argv, "--project")
    return projects.resolve(Path(folder) if folder else None).inputs


def report_internal_error(exc: BaseException, prog_name: str, argv: list[str]) -> None:
    inputs = _inputs_of(argv)
    click.echo(_("internal error: {problem}\n  while running: {command}\n  inputs folder: {inputs}\nThis is a fault "
                 "of the program, not of your inputs: please report it with this message and a copy of the inputs "
                 "folder. Documents written earlier are unchanged.", problem=type(exc).__name__ + ": " + str(exc),
                 command=" ".join([prog_name, *argv]), inputs=inputs), err=True)
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
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="FOLDER",
              help="The Штаб's project folder (the one with inputs/). Default: SHTAB_PROJECT, else the current "
                   "folder when it holds inputs/.")
@click.option("--inputs", type=click.Path(file_okay=False, path_type=Path), default=Path("inputs"),
              show_default=True, metavar="FOLDER", help="Folder of the YAML inputs.")
@click.option("--outputs", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, metavar="FOLDER", help="Folder the documents are written to.")
@click.option("--lang", "langs", type=LANG_CHOICE, multiple=True,
              help="Only this language (repeatable). Default: every language of the Штаб or the meeting.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems: no progress bar, no list of files written.")
@click.option("--ui-lang", type=click.Choice(UI_LANGS), default=None,
              help="Language of the program's own messages (not of the documents): kk or ru; en for developers. "
                   "Default: SHTAB_LANG, else the system's language (LANG), else the first language of body.yaml.")
@click.option("--force", is_flag=True,
              help="Seal a new version of a signed protocol whose inputs changed (§15), keeping the old one in "
                   "records/; says who and when on stderr.")
@click.option("--reason", default=None, metavar="TEXT",
              help="With --force and named protocols: why a new version is sealed, recorded in its fingerprint; "
                   "it renews them even when their inputs are as sealed (a document fixed, e.g. a blank page).")
@click.option("--as-of", "as_of", type=ISO_DATE, envvar="SHTAB_AS_OF", default=None, metavar="YYYY-MM-DD",
              show_envvar=True, help="The day the run judges as of (YYYY-MM-DD): past quarters (§12) and "
                                     "half-years (§18), overdue assignments. Default: today.")
@click.pass_context
def cli(ctx: click.Context, project: Path | None, inputs: Path, outputs: Path, langs: tuple[str, ...],
        quiet: bool, ui_lang: str, force: bool, reason: str | None, as_of: dt.date | None) -> None:
    """Records of the interagency anti-drug Штаб: official documents in Kazakh and Russian.

    Reads the YAML under inputs/, checks it against the regulation (§N) and writes DOCX under outputs/.
    The project folder: --project, else SHTAB_PROJECT, else the current folder when it holds inputs/;
    a new one: shtab init FOLDER.

    \b
    Example:
      python -m pipeline check
      python -m pipeline protocol 2026-01
      python -m pipeline --lang ru all
      SHTAB_LANG=ru python -m pipeline check     # messages in Russian
      python -m pipeline --ui-lang kk new-meeting  # messages in Kazakh
      python -m pipeline --force protocol 2026-01   # seal a new version of a signed protocol knowingly
      python -m pipeline verify                     # the sealed records are as sealed

    \b
    Exit codes: 0 done; 1 a problem in the inputs (file:line: message (§N)),
    the inputs of a sealed protocol changed, a record is not as sealed, or an output cannot be written;
    2 a wrong command line; 3 an internal error (please report it).
    """
    if ui_lang:
        set_ui_lang(ui_lang)
    inputs_defaulted = ctx.get_parameter_source("inputs") is ParameterSource.DEFAULT
    # the project's folders, found once: --project, SHTAB_PROJECT, here (pipeline/core/project.py)
    paths = projects.resolve(project=project, inputs=None if inputs_defaulted else inputs,
                            outputs=None if ctx.get_parameter_source("outputs") is ParameterSource.DEFAULT else outputs)
    named = project if project is not None else (Path(os.environ[projects.PROJECT_ENV].strip())
                                                 if os.environ.get(projects.PROJECT_ENV, "").strip() else None)
    projects.activate(paths)
    ctx.obj = Options(paths, list(langs) or None, quiet, dt.date.today(), force,
                      inputs_defaulted=inputs_defaulted, project_named=named,
                      reason=(reason or "").strip() or None)
    ctx.obj.ask_as_of(as_of)


# Every command, group by group (pipeline/cli/commands/): a new command is one more line here.
COMMANDS = (
    documents.check, documents.agenda, documents.protocol, documents.composition, documents.plan,
    documents.register, documents.annual_report, documents.region_report, documents.all_documents,
    between.notice, between.extracts, between.reminders, between.status,
    tools.init, tools.new_meeting, tools.new_plan, tools.schema, tools.templates,
    output.watch, output.pdf,
    workspace.serve,
    records.verify, signature.signature,
)
for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    """Console script `shtab` and `python -m pipeline`: the guard of `GuardedGroup` applies to both."""
    cli.main(prog_name="shtab", standalone_mode=True)
