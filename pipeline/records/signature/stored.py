"""Signatures (ЭЦП) kept beside the sealed PDF they sign, in records/, listed in records/SHA256SUMS (§15, §24).

The sealed PDF is never touched. A signature is a detached CMS stored beside it, with the result of its
check: `protocol.<lang>.pdf.cms` and `protocol.<lang>.pdf.cms.json` for the first signature of version 1,
`protocol.<lang>.pdf.2.cms` for a second signer, `protocol.<lang>.3.pdf.cms` for a signature of version 3.
A signature of a superseded version stays with that version. Nothing is stored unless every signature of
the file holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import cms

from ...core.errors import Finding, Loc, error
from ...locale.messages import Message, _
from ..store import Altered, Store
from . import algorithms, files
from .summary import StoredSignature, is_signature, signature_name, stored
from .verify import Anchors, Verdict, load_anchors, verify

TRUST = "trust"
RULE = "§15, §24"
TECHNICAL = {"kk": "техникалық тексеру; заңды тексеру — ezSigner, SIGEX немесе ЭҚАБЖ (ЕСЭДО)",
             "ru": "техническая проверка; юридическая проверка — ezSigner, SIGEX или ЕСЭДО"}


def trust_folder(root: Path) -> Path:
    return root / TRUST


# ---------------------------------------------------------------- import


@dataclass
class Imported:
    signature: StoredSignature
    verdict: Verdict


class Refused(Exception):
    """Nothing was stored: `messages` say why, each in her language."""

    def __init__(self, messages: list[Message]) -> None:
        super().__init__("; ".join(m.key for m in messages))
        self.messages = messages


def _candidates(store: Store, meeting_id: str, lang: str | None) -> list[tuple[str, int, str]]:
    """(lang, version, listed PDF) of every sealed version, the latest first."""
    result = []
    for sealed in reversed(store.versions(meeting_id)):
        for pdf_lang, listed in sorted(sealed.pdf.items()):
            if lang is None or pdf_lang == lang:
                result.append((pdf_lang, sealed.version, listed))
    return result


def _target(der: bytes, candidates: list[tuple[str, int, str, bytes]]):
    """The sealed PDF this CMS signs: the attached content, else the signed messageDigest; else the first."""
    try:
        signed = cms.ContentInfo.load(der)["content"]
        attached = signed["encap_content_info"]["content"].native
        if attached is not None:
            return next((c for c in candidates if c[3] == bytes(attached)), candidates[0])
        signer = signed["signer_infos"][0]
        hash_oid = signer["digest_algorithm"]["algorithm"].dotted
        wanted = next(bytes(a["values"][0].native) for a in signer["signed_attrs"]
                      if a["type"].native == "message_digest")
        for candidate in candidates:
            if algorithms.digest(hash_oid, candidate[3]) == wanted:
                return candidate
    except (ValueError, TypeError, KeyError, IndexError, StopIteration, algorithms.Unsupported):
        pass
    return candidates[0]


def import_signatures(store: Store, meeting_id: str, data: bytes, lang: str | None, expected_iin: str | None,
                      now: dt.datetime | None = None, anchors: Anchors | None = None) -> list[Imported]:
    """Verify every signature in `data` against the sealed PDFs of the meeting; store them only if all hold."""
    candidates = _candidates(store, meeting_id, lang)
    if not store.versions(meeting_id):
        raise Refused([_("meeting {meeting} has no sealed protocol: a protocol is signed with ЭЦП after it is "
                         "sealed (protocol.signed: true, then `protocol`)", meeting=meeting_id)])
    if not candidates:
        raise Refused([_("meeting {meeting}: no sealed PDF of the protocol{lang} to sign; the PDF copy is sealed "
                         "where LibreOffice is installed", meeting=meeting_id,
                         lang=f" ({lang})" if lang else "")])
    try:
        received = files.read(data)
    except files.NotASignature as exc:
        raise Refused([exc.message]) from None
    loaded = []
    for pdf_lang, version, listed in candidates:
        try:
            loaded.append((pdf_lang, version, listed, store.read(listed)))
        except Altered:
            raise Refused([_("{path} is not as sealed; run `verify`", path=listed)]) from None
    if received.card:
        loaded = [c for c in loaded if c[3] == received.document]
        if not loaded:
            raise Refused([_("the first attachment of the SIGEX card is not the sealed protocol's PDF of meeting "
                             "{meeting}: the card signs another document", meeting=meeting_id)])
    anchors = anchors if anchors is not None else load_anchors(trust_folder(store.root))
    plan: list[tuple[tuple, bytes, Verdict]] = []
    problems: list[Message] = []
    for der in received.signatures:
        target = _target(der, loaded)
        verdict = verify(der, target[3], anchors, expected_iin, now)
        problems += [_failure_line(signer, failure) for signer, failure in verdict.all_failures()]
        plan.append((target, der, verdict))
    if problems:
        raise Refused(problems)
    taken = {listed: store.path(listed).read_bytes() for listed in store.sums if is_signature(listed)}
    added: dict[str, bytes] = {}
    result = []
    for (pdf_lang, version, listed, pdf), der, verdict in plan:
        if der in taken.values() or der in added.values():
            raise Refused([_("this signature of {path} is already stored", path=listed)])
        number = 1
        while signature_name(listed, number) in store.sums or signature_name(listed, number) in added:
            number += 1
        name = signature_name(listed, number)
        added[name] = der
        added[name + ".json"] = report_bytes(meeting_id, version, listed, pdf, der, verdict)
        result.append(Imported(StoredSignature(meeting_id, pdf_lang, version, number, listed, name), verdict))
    store.seal(added)
    return result


def _failure_line(signer, failure: Message) -> Message:
    if signer is None or not signer.name:
        return failure
    return _("{signer}: {problem}", signer=signer.name, problem=failure)


def report_bytes(meeting_id: str, version: int, pdf_listed: str, pdf: bytes, der: bytes, verdict: Verdict) -> bytes:
    data = {
        "meeting": meeting_id, "version": version, "document": pdf_listed.rsplit("/", 1)[1],
        "document_sha256": hashlib.sha256(pdf).hexdigest(), "signature_sha256": hashlib.sha256(der).hexdigest(),
        "attached": verdict.attached,
        "check": TECHNICAL,
        "signers": [signer.as_json() for signer in verdict.signers],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------- verify


@dataclass
class Checked:
    signature: StoredSignature
    verdict: Verdict | None          # None: the files are not as sealed (named by the records' own check)


def reverify(store: Store, expected_iin: str | None, now: dt.datetime | None = None) -> list[Checked]:
    """Every stored signature checked again against its sealed PDF and today's trust/."""
    anchors = load_anchors(trust_folder(store.root))
    checked = []
    for signature in stored(store):
        try:
            pdf, der = store.read(signature.pdf), store.read(signature.cms)
        except Altered:
            checked.append(Checked(signature, None))
            continue
        checked.append(Checked(signature, verify(der, pdf, anchors, expected_iin, now)))
    return checked


def findings(checked: list[Checked], root: Path, display) -> list[Finding]:
    result = []
    for item in checked:
        if item.verdict is None:
            continue
        for signer, failure in item.verdict.all_failures():
            result.append(error(Loc(display(root / item.signature.cms)),
                                _("the signature does not hold: {problem}", problem=_failure_line(signer, failure)),
                                RULE))
    return result


def summary_line(signer) -> Message:
    """«И. Фамилия (IIN …), signed 2026-03-12 10:05 UTC by the timestamp; revocation not checked»."""
    when = signer.signing_time.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") \
        if signer.signing_time else "—"
    source = {"timestamp": _("by the timestamp"), "claimed": _("as stated by the signer"),
              "none": _("time unknown")}[signer.time_source]
    revocation = {"good": _("not revoked (OCSP)"), "revoked": _("revoked"),
                  "not-checked": _("revocation status not checked (no network)")}[signer.revocation]
    return _("{name} (IIN {iin}), {when} {source}; {revocation}", name=signer.short_name(), iin=signer.iin or "—",
             when=when, source=source, revocation=revocation)
