"""The head's ЭЦП on a sealed protocol (§15, §24): `signature import`; `verify` checks the stored ones again."""

from __future__ import annotations

from pathlib import Path

import click

from ...core.errors import ShtabError
from ...locale.messages import _
from ...records.store import Store
from ...write.lock import project_root
from .common import Options, pass_options, run_lock_of


@click.group()
def signature() -> None:
    """The head's ЭЦП (NCA RK electronic signature) on a sealed protocol's PDF.

    \b
    Example:
      python -m pipeline signature import 2026-01 protocol.kk.pdf.cms
      python -m pipeline signature import 2026-01 card.pdf --lang ru
    """


@signature.command(name="import")
@click.argument("meeting", metavar="MEETING")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE")
@pass_options
def import_signature(options: Options, meeting: str, file: Path) -> None:
    """Check a signature of MEETING's sealed protocol PDF and keep it in records/ beside the PDF.

    FILE is a CMS signature (.cms, .p7s: DER, PEM or base64; detached or with the document inside) made in
    NCALayer, eGov or SIGEX, or a SIGEX «Карточка электронного документа» PDF (its first attachment must be
    the sealed PDF). --lang kk|ru names the protocol's language; without it, the PDF the signature is over is
    found. The signature is checked in Python (no Kalkan SDK): the document's hash, the signature, the signing
    key usage, the validity at the signing time, a timestamp, the chain to the certificates pinned in trust/,
    the head's IIN (head_iin in body.yaml) and embedded OCSP. Stored as records/meetings/<meeting>/
    protocol.<lang>.pdf.cms and .cms.json, listed in records/SHA256SUMS; nothing is stored if any check fails
    (exit 1). A technical check: the legal check is ezSigner, SIGEX or ЕСЭДО.
    """
    from ...records.signature import stored as signatures  # asn1crypto, cryptography: only when a signature is read
    langs = options.langs or []
    if len(langs) > 1:
        raise ShtabError(_("signature import: name one language with --lang (kk or ru), or none"))
    assessment = options.assessment()
    body = assessment.project.body
    expected_iin = body.head_iin if body is not None else None
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ShtabError(_("{path}: cannot be read ({problem})", path=file, problem=str(exc))) from None
    with run_lock_of(options):
        store = Store.open(project_root(options.inputs))
        store.recover()
        try:
            imported = signatures.import_signatures(store, meeting, data, langs[0] if langs else None, expected_iin)
        except signatures.Refused as refused:
            for message in refused.messages:
                click.echo(f"{file}: {message}", err=True)
            raise ShtabError(_("the signature was not stored: {count} problem(s), each named above",
                               count=len(refused.messages))) from None
    for item in imported:
        for signer in item.verdict.signers:
            click.echo(_("stored {path}: {signer}", path=item.signature.cms, signer=signatures.summary_line(signer)))
