"""The secretary's tools: scaffolds of the next meeting and plan, editor schemas, the template check.

The logic lives in pipeline/editing/scaffold.py, pipeline/editing/schema.py and pipeline/editing/template_check.py.
"""

from __future__ import annotations

from pathlib import Path

import click

from ... import stages
from ...core.errors import ShtabError, errors_in
from ...locale.messages import _, ui_lang
from .common import ISO_DATE, Folder, Options, pass_options, progress_bar, report_written


@click.command(name="new-meeting")
@click.option("--date", "day", type=ISO_DATE, default=None, metavar="YYYY-MM-DD",
              help="Date of the meeting (YYYY-MM-DD). Default: the run's day (today, or --as-of).")
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
    from ...editing.scaffold import ScaffoldRefused, Words, write_new_meeting
    options.require_inputs()
    meeting_day = day or options.as_of
    try:
        path = write_new_meeting(stages.load_project(options.inputs), meeting_day, Words(ui_lang()))
    except ScaffoldRefused as exc:
        raise ShtabError(str(exc)) from None
    click.echo(_("wrote {path}: fill in the places marked <<...>>, then run: shtab check", path=path))


@click.command(name="new-plan")
@click.option("--date", "day", type=ISO_DATE, default=None, metavar="YYYY-MM-DD",
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
    from ...editing.scaffold import ScaffoldRefused, Words, write_new_plan
    options.require_inputs()
    try:
        path = write_new_plan(stages.load_project(options.inputs), day or options.as_of, Words(ui_lang()))
    except ScaffoldRefused as exc:
        raise ShtabError(str(exc)) from None
    click.echo(_("wrote {path}: fill in the places marked <<...>>, then run: shtab check", path=path))


@click.command()
@click.option("--out", "folder", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="FOLDER",
              help="Folder for the schemas. Default: schemas/ of the project.")
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
    from ...editing.schema import all_schemas
    from ...write.files import write_all
    if folder is None:
        options.require_project()
        folder = options.inputs.parent / "schemas"
    report_written(options, write_all(all_schemas(folder)), [])


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="FOLDER")
@click.option("--lang", "lang", type=click.Choice(["kk", "ru"]), default=None,
              help="Your language: of the comments in body.yaml and of the next steps printed. "
                   "Default: both, kk and ru.")
def init(folder: Path, lang: str | None) -> None:
    """Starts a new Штаб in the folder given: inputs/body.yaml to fill in, and empty folders for the other inputs.

    body.yaml lists every key with its meaning in comments; what you must type is marked <<...>>, and
    `check` lists each such place with its line until it is filled in. The folder may be new or empty;
    a folder that already holds inputs/body.yaml is left as it is.

    \b
    Example:
      shtab init ~/shtab-arkalyk
      shtab init ~/shtab-2027 --lang ru
    """
    from ...editing.scaffold import ScaffoldRefused, Words, write_new_project
    from ...locale.messages import set_ui_lang
    if lang:
        set_ui_lang(lang)
    try:
        written = write_new_project(folder, Words(lang or "both"))   # comments in her language, else kk and ru
    except OSError as exc:
        raise ShtabError(_("{path}: cannot write here ({reason}); choose another folder",
                           path=exc.filename or folder, reason=exc.strerror or exc)) from None
    except ScaffoldRefused as exc:
        raise ShtabError(exc.args[0]) from None
    click.echo(_("wrote {path}", path=written[0]))
    click.echo(_("Next:\n"
                 "  1. Open {body} and type every place marked <<...>>: the Штаб's name, the resolution, each member.\n"
                 "  2. Go to the folder and check it, until there are no findings:\n"
                 "       cd \"{folder}\"\n"
                 "       shtab check\n"
                 "  3. Write the first half-year plan and meeting, fill them in, and make the documents:\n"
                 "       shtab new-plan\n"
                 "       shtab new-meeting --date YYYY-MM-DD\n"
                 "       shtab all", body=written[0], folder=folder))


@click.command()
@click.option("--dir", "folder", type=Folder(exists=True), default=None,
              metavar="FOLDER", help="Folder of the templates. Default: templates_docx/ of the project when it "
                   "has one, else the program's.")
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
    from ...editing.template_check import check_templates
    progress = progress_bar(options, _("Checking templates"), lambda path: path.name)
    assessment = options.assessment()
    count, findings = check_templates(assessment, folder or options.paths.own_templates or options.paths.templates[-1],
                                      progress)
    for finding in findings:
        click.echo(str(finding), err=True)
    if errors_in(findings):
        raise ShtabError(_("{count} template(s) broken", count=len({f.loc for f in errors_in(findings)})))
    if not options.quiet:
        click.echo(_("{count} template(s) checked: each parses, uses only known values and renders the sample",
                     count=count))
