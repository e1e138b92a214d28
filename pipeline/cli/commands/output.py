"""What is done with the written documents: `watch` keeps them current while the secretary edits, `pdf`
converts them (LibreOffice)."""

from __future__ import annotations

import click

from ... import stages
from ...core.errors import errors_in
from ...locale.messages import _
from .common import Options, pass_options, run_lock_of


@click.command()
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
    from ...editing.watch import Watcher
    from ...editing.watch import watch as watch_project
    options.require_inputs()
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




# ---------------------------------------------------------------- pdf


@click.command()
@pass_options
def pdf(options: Options) -> None:
    """Write a PDF beside every DOCX in the outputs folder (LibreOffice, one batch).

    Only DOCX without a PDF or changed since their PDF are converted, all in one
    LibreOffice run. A signed protocol as sealed in records/ gets its sealed PDF/A copy.
    Needs LibreOffice (soffice); SHTAB_SOFFICE names another program.

    \b
    Example:
      python -m pipeline all && python -m pipeline pdf
    """
    from ...records.sealing import sealed_pdfs
    from ...records.store import Store
    from ...write.lock import project_root
    from ...write.pdf import convert_outputs
    options.require_project()
    with run_lock_of(options):
        store = Store.open(project_root(options.inputs))
        store.recover()
        protocol = next(kind for kind in stages.KINDS.values() if kind.sealed)
        converted = convert_outputs(options.outputs, sealed_pdfs(store, options.outputs, protocol))
    if options.quiet:
        return
    for item in converted:
        click.echo(_("sealed {path}", path=item.pdf) if item.sealed else
                   _("converted {path}", path=item.pdf) if item.changed else _("up to date {path}", path=item.pdf))
    changed = sum(item.changed for item in converted)
    click.echo(_("{total} PDF(s), {changed} converted, {unchanged} up to date",
                 total=len(converted), changed=changed, unchanged=len(converted) - changed))
