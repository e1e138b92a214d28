"""The sealed records of signed protocols (§15, §24): `verify`."""

from __future__ import annotations

import click

from ...core.errors import ShtabError, errors_in
from ...load.source import display_path
from ...locale.messages import _
from ...records.sealing import rebuild as rebuild_records
from ...records.sealing import verify as verify_records
from ...records.store import Store
from ...write.lock import project_root
from .common import Options, pass_options, run_lock_of


@click.command()
@click.option("--rebuild", is_flag=True,
              help="Make records/SHA256SUMS whole again: list each file in records/ it lacks whose version's "
                   "fingerprint matches the inputs, name the others, leave out the lines that are not "
                   "'<SHA-256>  <file>'; then verify.")
@pass_options
def verify(options: Options, rebuild: bool) -> None:
    """Check the sealed records: every file against records/SHA256SUMS, every fingerprint against the inputs.

    Every ЭЦП stored beside a sealed PDF (the command `signature`, or signed in the workspace) is checked again
    against trust/ and body.yaml's head_iin, and its signers are listed.

    A signed protocol is sealed in records/ beside inputs/ the first time it is written (§15, §24). This names
    every sealed file that was changed, is missing, or is in records/ without being listed, and every input of a
    sealed meeting that changed since (file:line). Exit 1 when anything differs. `sha256sum -c records/SHA256SUMS`,
    run in the project folder, checks the same files without the program. When records/SHA256SUMS is missing,
    unreadable or lacks files, nothing is sealed until `--rebuild` (or the repository) makes it whole again;
    a sealed file is never written over.

    \b
    Example:
      python -m pipeline verify
      python -m pipeline verify --rebuild
      make verify
    """
    from ...records.signature import stored as signatures  # asn1crypto, cryptography: loaded for verify only
    assessment = options.assessment()
    with run_lock_of(options):
        store = Store.open(project_root(options.inputs))
        for listed in store.recover():
            click.echo(_("an interrupted sealing was undone: {path} removed", path=listed), err=True)
        store.reload()
        refused = []
        if rebuild:
            added, dropped, refused = rebuild_records(store, assessment)
            for listed in added:
                click.echo(_("records/SHA256SUMS: {path} is listed again (its fingerprint matches the inputs)",
                             path=listed), err=True)
            for line in dropped:
                click.echo(_("records/SHA256SUMS: line {line} was not '<SHA-256>  <file>' and was left out",
                             line=line), err=True)
        findings, files, meetings = verify_records(store, assessment)
        named = {finding.loc for finding in refused}       # a file --rebuild left unlisted is named once, with why
        findings = refused + [f for f in findings if f.loc not in named]
        body = assessment.project.body
        checked = signatures.reverify(store, body.head_iin if body is not None else None)
        findings += signatures.findings(checked, store.root, display_path)
    for finding in findings:
        click.echo(str(finding), err=True)
    if not options.quiet:
        for item in checked:
            for signer in item.verdict.signers if item.verdict is not None else []:
                state = _("holds") if signer.ok else _("does not hold")
                click.echo(_("signature {path}: {signer}; {state}", path=item.signature.cms,
                             signer=signatures.summary_line(signer), state=state))
    errors = errors_in(findings)
    if errors:
        raise ShtabError(_("records: {count} difference(s) from the seal, each named above (§15, §24)",
                           count=len(errors)))
    if not options.quiet:
        click.echo(_("records: {files} file(s) of {meetings} sealed meeting(s) are as sealed, and their inputs "
                     "match", files=files, meetings=meetings))
