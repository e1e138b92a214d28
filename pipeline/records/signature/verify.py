"""The technical check of a CMS signature (ЭЦП) over a sealed PDF, in Python, without NCA's Kalkan SDK.

What is checked, for every signer of the CMS:
- the hash of the sealed bytes equals the signed `messageDigest` (another PDF, or one changed after signing,
  fails here);
- the signature over the signed attributes, exactly as they were signed (never re-encoded);
- `signingCertificateV2` (or the older `signingCertificate`), when present, names the signer's certificate;
- the certificate is a signing one (extended key usage 1.3.6.1.5.5.7.3.4), not for authentication only;
- a timestamp token: its own signature, its authority's chain, and its imprint (the hash of this signature);
- the certificate and its chain were valid at the signing time (the timestamp's, else the time the signer
  states), and the chain reaches a certificate pinned in the project's trust/ folder;
- the head's IIN, when body.yaml names one;
- embedded OCSP evidence, when present: signed by a responder whose chain reaches trust/, status good.
Without OCSP evidence the revocation status is "not checked (no network)", never "valid".

This is a technical check. The legal verification stays with ezSigner, SIGEX or ЕСЭДО.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms, core, ocsp, pem, tsp, x509

from ...locale.messages import Message, _
from . import algorithms
from .algorithms import PublicKey, Unsupported

SIGNING_EKU = "1.3.6.1.5.5.7.3.4"
AUTH_EKU = "1.3.6.1.5.5.7.3.2"
# NCA RK's role marks in the extended key usage
ROLES = {
    "1.2.398.3.3.4.1.1": "individual",
    "1.2.398.3.3.4.1.2": "legal-entity",
    "1.2.398.3.3.4.1.2.1": "first-head",
    "1.2.398.3.3.4.1.2.2": "right-to-sign",
    "1.2.398.3.3.4.1.2.3": "finance",
    "1.2.398.3.3.4.1.2.4": "hr",
    "1.2.398.3.3.4.1.2.5": "employee",
}
OCSP_RESPONSE_FORMAT = "1.3.6.1.5.5.7.16.2"      # RFC 5940: an OCSP response among the CMS revocation data
REVOCATION_VALUES = "1.2.840.113549.1.9.16.2.24"  # CAdES revocation values (unsigned attribute)
TIMESTAMP_TOKEN = "1.2.840.113549.1.9.16.2.14"
MAX_CHAIN = 8
OCSP_SLACK = dt.timedelta(minutes=5)   # an OCSP answer at most this long before the signing time (ddcard spec)


class _BasicResponses(core.SequenceOf):
    _child_spec = ocsp.BasicOCSPResponse


class _AnyList(core.SequenceOf):
    _child_spec = core.Any


class RevocationValues(core.Sequence):
    """CAdES revocation values (RFC 5126 §6.3.4): the OCSP answers a SIGEX card's CMS carries."""

    _fields = [("crl_vals", _AnyList, {"explicit": 0, "optional": True}),
               ("ocsp_vals", _BasicResponses, {"explicit": 1, "optional": True}),
               ("other_rev_vals", _AnyList, {"explicit": 2, "optional": True})]


class Anchors(list):
    """The certificates pinned in trust/*.pem, and the files that could not be read."""

    def __init__(self, certificates=(), unreadable=()) -> None:
        super().__init__(certificates)
        self.unreadable = list(unreadable)


def load_anchors(folder: Path) -> Anchors:
    certificates, unreadable = [], []
    for path in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        try:
            data = path.read_bytes()
            found = [der for kind, _h, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]
            for der in found:
                certificate = x509.Certificate.load(der)
                certificate["tbs_certificate"]["subject"].native   # noqa: B018 - parse now, not later
                certificates.append(certificate)
            if not found:
                unreadable.append(path)
        except (OSError, ValueError, TypeError):
            unreadable.append(path)
    return Anchors(certificates, unreadable)


@dataclass
class Signer:
    """One signer of a CMS: who, when, and what failed (nothing, when the signature holds)."""

    name: str = ""
    surname: str = ""
    given_name: str = ""
    iin: str = ""
    bin: str = ""
    organization: str = ""
    roles: list[str] = field(default_factory=list)
    serial: str = ""
    issuer: str = ""
    valid_from: dt.datetime | None = None
    valid_to: dt.datetime | None = None
    signing_time: dt.datetime | None = None
    time_source: str = "none"          # "timestamp" | "claimed" | "none"
    chain: list[str] = field(default_factory=list)       # subjects from the signer up to the pinned anchor
    trusted: bool = False
    revocation: str = "not-checked"    # "good" | "revoked" | "not-checked"
    failures: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def short_name(self) -> str:
        """«И. Фамилия» from the certificate's CN (SURNAME NAME) and SURNAME."""
        surname = self.surname or (self.name.split()[0] if self.name else "")
        given = self.given_name or " ".join(self.name.split()[1:2])
        if self.name and self.surname and self.name.upper().startswith(self.surname.upper()):
            given = self.name[len(self.surname):].strip().split(" ")[0]
        surname = surname.capitalize() if surname.isupper() else surname
        return f"{given[:1].upper()}. {surname}".strip() if given else surname

    def as_json(self) -> dict:
        def when(value):
            return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None
        data = {
            "name": self.name, "short_name": self.short_name(), "iin": self.iin, "bin": self.bin,
            "organization": self.organization, "roles": self.roles,
            "certificate": {"serial": self.serial, "issuer": self.issuer,
                            "valid_from": when(self.valid_from), "valid_to": when(self.valid_to)},
            "signing_time": when(self.signing_time),
            "signing_time_source": self.time_source,
            "chain": self.chain, "chain_status": "trusted" if self.trusted else "untrusted",
            "revocation": self.revocation,
            # "valid" only with OCSP evidence of good standing; without it the signature holds technically and its
            # revocation is not known: never reported as valid
            "status": ("invalid" if not self.ok else "valid" if self.revocation == "good"
                       else "holds-revocation-not-checked"),
        }
        notes = {}
        if self.time_source == "claimed":
            notes["signing_time"] = {"kk": "қол қоюшы мәлімдеген", "ru": "заявлено подписантом"}
        if self.revocation == "not-checked":
            notes["revocation"] = {"kk": "кері қайтарып алу мәртебесі тексерілмеді (желі жоқ)",
                                   "ru": "статус отзыва не проверен (нет сети)"}
        if notes:
            data["notes"] = notes
        if self.failures:
            data["failures"] = {lang: [failure.render(lang) for failure in self.failures] for lang in ("kk", "ru")}
        return data


@dataclass
class Verdict:
    signers: list[Signer] = field(default_factory=list)
    failures: list[Message] = field(default_factory=list)     # of the CMS as a whole
    attached: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures and bool(self.signers) and all(signer.ok for signer in self.signers)

    def all_failures(self) -> list[tuple[Signer | None, Message]]:
        return [(None, failure) for failure in self.failures] + [
            (signer, failure) for signer in self.signers for failure in signer.failures]


def verify(der: bytes, content: bytes, anchors: list, expected_iin: str | None = None,
           now: dt.datetime | None = None) -> Verdict:
    """Check the CMS `der` as a signature of `content` against the pinned `anchors`."""
    verdict = Verdict()
    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        info = cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            verdict.failures.append(_("the file is a CMS, but not a signature (SignedData)"))
            return verdict
        signed = info["content"]
        encapsulated = signed["encap_content_info"]["content"]
        signer_infos = list(signed["signer_infos"])
        pool = [choice.chosen for choice in signed["certificates"] or [] if choice.name == "certificate"]
        for certificate in pool:
            certificate["tbs_certificate"]["subject"].native   # noqa: B018
        evidence = _ocsp_in(signed)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        verdict.failures.append(_("the signature file is damaged or truncated: it is not a readable CMS"))
        return verdict
    if encapsulated.native is not None:
        verdict.attached = True
        if bytes(encapsulated.native) != content:
            verdict.failures.append(_("the signature holds another document, not this sealed PDF"))
            return verdict
    if not signer_infos:
        verdict.failures.append(_("the CMS has no signer"))
    for signer_info in signer_infos:
        verdict.signers.append(_check_signer(signer_info, content, pool, anchors, evidence, expected_iin, now))
    return verdict


# ---------------------------------------------------------------- one signer


def _check_signer(signer_info, content: bytes, pool: list, anchors: list, evidence: list,
                  expected_iin: str | None, now: dt.datetime) -> Signer:
    signer = Signer()
    try:
        certificate, failures, attrs = _signature_holds(signer_info, content, pool)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        signer.failures.append(_("this signer's part of the CMS is damaged: it cannot be read"))
        return signer
    signer.failures += failures
    if certificate is None:
        return signer
    _describe(signer, certificate)
    claimed = attrs.get("signing_time")
    signer.signing_time, signer.time_source = (claimed, "claimed") if claimed else (None, "none")
    for attribute in signer_info["unsigned_attrs"] or []:
        if attribute["type"].dotted == TIMESTAMP_TOKEN:
            for token in attribute["values"]:
                when, problems = _timestamp(token, bytes(signer_info["signature"].native), pool, anchors)
                signer.failures += problems
                if when is not None and not problems:
                    signer.signing_time, signer.time_source = when, "timestamp"
    at = signer.signing_time or now
    usages = _ekus(certificate)
    if SIGNING_EKU not in usages:
        signer.failures.append(_("the certificate is not a signing one (extended key usage {oid} is missing): "
                                 "it is for authentication only; sign with the signing key (RSA or GOST "
                                 "file named SIGN/GOST, not AUTH)", oid=SIGNING_EKU))
    if not _valid_at(certificate, at):
        signer.failures.append(_("the certificate was not valid at the signing time {when} (valid {start} to "
                                 "{end})", when=_day(at), start=_day(signer.valid_from), end=_day(signer.valid_to)))
    chain, problem = _chain(certificate, pool, anchors, at)
    signer.chain = [_cn(item) for item in chain]
    if problem is not None:
        signer.failures.append(problem)
    else:
        signer.trusted = True
    if expected_iin and signer.iin != expected_iin:
        signer.failures.append(_("the signer's IIN is {iin}, but body.yaml names the head's IIN {expected} "
                                 "(head_iin)", iin=signer.iin or "—", expected=expected_iin))
    status, problem = _revocation(certificate, chain, evidence, pool, anchors, at)
    signer.revocation = status
    if problem is not None:
        signer.failures.append(problem)
    return signer


def _signature_holds(signer_info, content: bytes, pool: list):
    """The signer's certificate, what failed of the signature itself, and the signed attributes read."""
    failures: list[Message] = []
    certificate = _find_certificate(signer_info["sid"], pool)
    if certificate is None:
        return None, [_("the signer's certificate is not in the CMS; sign again with the certificate included")], {}
    hash_oid = signer_info["digest_algorithm"]["algorithm"].dotted
    signature_oid = signer_info["signature_algorithm"]["algorithm"].dotted
    signed_attrs = signer_info["signed_attrs"]
    attrs: dict = {}
    key = _key(certificate)
    try:
        if len(signed_attrs):
            for attribute in signed_attrs:
                name = attribute["type"].native
                if name == "message_digest":
                    attrs["message_digest"] = bytes(attribute["values"][0].native)
                elif name == "signing_time":
                    attrs["signing_time"] = attribute["values"][0].native
                elif name in ("signing_certificate_v2", "signing_certificate"):
                    attrs[name] = attribute["values"][0]
                elif name == "content_type":
                    attrs["content_type"] = attribute["values"][0].native
            if attrs.get("message_digest") != algorithms.digest(hash_oid, content):
                failures.append(_("the sealed PDF is not the document that was signed: its hash differs from the "
                                  "signed one (another PDF, or the PDF changed after signing)"))
            signed_bytes = b"\x31" + signed_attrs.dump()[1:]
        else:
            signed_bytes = content
        if not algorithms.verify(key, signature_oid, hash_oid, signed_bytes, bytes(signer_info["signature"].native)):
            failures.append(_("the signature value does not match the signer's certificate: the signature or the "
                              "certificate was altered"))
        for name in ("signing_certificate_v2", "signing_certificate"):
            if name in attrs and not _names_certificate(attrs[name], certificate, name):
                failures.append(_("the signed attribute signingCertificate names another certificate than the one "
                                  "in the CMS"))
    except Unsupported as exc:
        failures.append(_("the algorithm {oid} is not one this check knows (RSA, GOST 34.310-2004, "
                          "GOST 34.10-2015)", oid=str(exc)))
    except ValueError:
        failures.append(_("the signer's public key cannot be read"))
    return certificate, failures, attrs


def _names_certificate(value, certificate, name: str) -> bool:
    certs = value["certs"]
    if not len(certs):
        return False
    first = certs[0]
    if name == "signing_certificate_v2":
        hash_oid = first["hash_algorithm"]["algorithm"].dotted
    else:
        hash_oid = algorithms.SHA1
    if bytes(first["cert_hash"].native) != algorithms.digest(hash_oid, certificate.dump()):
        return False
    issuer_serial = first["issuer_serial"]
    if issuer_serial.native is not None:
        if issuer_serial["serial_number"].native != certificate.serial_number:
            return False
    return True


def _find_certificate(sid, pool: list):
    if sid.name == "issuer_and_serial_number":
        issuer, serial = sid.chosen["issuer"], sid.chosen["serial_number"].native
        for certificate in pool:
            if certificate.serial_number == serial and certificate.issuer == issuer:
                return certificate
    else:
        wanted = bytes(sid.chosen.native)
        for certificate in pool:
            if certificate.key_identifier == wanted:
                return certificate
    return None


def _key(certificate) -> PublicKey:
    return PublicKey.load(certificate["tbs_certificate"]["subject_public_key_info"].dump())


def _signed_by(certificate, issuer) -> bool:
    try:
        return algorithms.verify(_key(issuer), certificate["signature_algorithm"]["algorithm"].dotted, None,
                                 certificate["tbs_certificate"].dump(), bytes(certificate["signature_value"].native))
    except (Unsupported, ValueError):
        return False


def _valid_at(certificate, at: dt.datetime) -> bool:
    validity = certificate["tbs_certificate"]["validity"]
    return validity["not_before"].native <= at <= validity["not_after"].native


def _ekus(certificate) -> list[str]:
    value = certificate.extended_key_usage_value
    return [oid.dotted for oid in value] if value is not None else []


def _cn(certificate) -> str:
    subject = certificate.subject.native
    return subject.get("common_name") or certificate.subject.human_friendly


def _describe(signer: Signer, certificate) -> None:
    subject = certificate.subject.native
    signer.name = subject.get("common_name", "")
    signer.surname = subject.get("surname", "")
    signer.given_name = subject.get("given_name", "")
    serial = subject.get("serial_number", "")
    signer.iin = serial[3:] if serial.startswith("IIN") else ""
    unit = subject.get("organizational_unit_name", "")
    unit = unit[0] if isinstance(unit, list) and unit else unit
    signer.bin = unit[3:] if isinstance(unit, str) and unit.startswith("BIN") else ""
    organization = subject.get("organization_name", "")
    signer.organization = organization if isinstance(organization, str) else ", ".join(organization)
    signer.roles = [ROLES[oid] for oid in _ekus(certificate) if oid in ROLES]
    signer.serial = format(certificate.serial_number, "x")
    signer.issuer = _cn_of_name(certificate.issuer)
    validity = certificate["tbs_certificate"]["validity"]
    signer.valid_from, signer.valid_to = validity["not_before"].native, validity["not_after"].native


def _cn_of_name(name) -> str:
    return name.native.get("common_name") or name.human_friendly


def _day(value: dt.datetime | None) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if value else "—"


# ---------------------------------------------------------------- the chain to trust/


def _chain(certificate, pool: list, anchors: list, at: dt.datetime):
    """The path from `certificate` to a pinned anchor, each valid at `at`; else a failure naming why."""
    path, current = [certificate], certificate
    for _depth in range(MAX_CHAIN):
        if any(current.dump() == anchor.dump() for anchor in anchors):
            return path, None
        for anchor in anchors:
            if anchor.subject == current.issuer and _signed_by(current, anchor):
                path.append(anchor)
                late = [item for item in path[1:] if not _valid_at(item, at)]
                if late:
                    return path, _("the certificate {name} of the chain was not valid at the signing time {when}",
                                   name=_cn(late[0]), when=_day(at))
                return path, None
        issuers = [item for item in pool if item.subject == current.issuer and item is not current
                   and item.dump() != current.dump() and _signed_by(current, item)]
        if not issuers:
            break
        current = issuers[0]
        path.append(current)
    if not anchors:
        return path, _("no trust anchors are pinned: put the NCA RK root and intermediate certificates (PEM) in "
                       "the project's trust/ folder, as the guide says")
    return path, _("the certificate chain does not reach a certificate pinned in trust/ (issuer «{issuer}»): "
                   "the signature was made with a certificate of another or a look-alike authority",
                   issuer=_cn_of_name(path[-1].issuer))


# ---------------------------------------------------------------- timestamp


def _timestamp(token, signature: bytes, pool: list, anchors: list):
    """The time of a timestamp token over `signature`, and what failed of it."""
    try:
        if not isinstance(token, cms.ContentInfo):
            token = cms.ContentInfo.load(token.dump())
        signed = token["content"]
        encapsulated = signed["encap_content_info"]
        raw = bytes(encapsulated["content"].contents)
        info = tsp.TSTInfo.load(raw)
        imprint = info["message_imprint"]
        hashed = bytes(imprint["hashed_message"].native)
        when = info["gen_time"].native
        own = [choice.chosen for choice in signed["certificates"] or [] if choice.name == "certificate"]
        failures = []
        if algorithms.digest(imprint["hash_algorithm"]["algorithm"].dotted, signature) != hashed:
            failures.append(_("the timestamp was made for another signature: its imprint does not match"))
        for signer_info in signed["signer_infos"]:
            certificate, problems, _attrs = _signature_holds(signer_info, raw, own + pool)
            if problems or certificate is None:
                failures.append(_("the timestamp's own signature does not verify"))
                continue
            _path, problem = _chain(certificate, own + pool, anchors, when)
            if problem is not None:
                failures.append(_("the timestamp authority's certificate does not reach trust/"))
        return when, failures
    except Unsupported as exc:
        return None, [_("the algorithm {oid} is not one this check knows (RSA, GOST 34.310-2004, "
                        "GOST 34.10-2015)", oid=str(exc))]
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None, [_("the timestamp token is damaged: it cannot be read")]


# ---------------------------------------------------------------- OCSP evidence


def _ocsp_in(signed) -> list:
    """Basic OCSP responses carried in the CMS (RFC 5940 revocation data, CAdES revocation values)."""
    found = []
    for choice in signed["crls"] or []:
        if choice.name == "other" and choice.chosen["other_rev_info_format"].dotted == OCSP_RESPONSE_FORMAT:
            found.append(choice.chosen["other_rev_info"])
    result = []
    for item in found:
        try:
            response = ocsp.OCSPResponse.load(item.dump())
            result.append(response["response_bytes"]["response"].parsed)
        except (ValueError, TypeError, KeyError):
            continue
    for signer_info in signed["signer_infos"]:
        for attribute in signer_info["unsigned_attrs"] or []:
            if attribute["type"].dotted == REVOCATION_VALUES:
                for values in attribute["values"]:
                    try:
                        answers = RevocationValues.load(values.dump())["ocsp_vals"]
                        result += [ocsp.BasicOCSPResponse.load(answer.dump()) for answer in answers or []]
                    except (ValueError, TypeError, KeyError):
                        continue
    return result


def _revocation(certificate, chain: list, evidence: list, pool: list, anchors: list, at: dt.datetime):
    issuer = chain[1] if len(chain) > 1 else None
    for basic in evidence:
        try:
            data = basic["tbs_response_data"]
            for single in data["responses"]:
                cert_id = single["cert_id"]
                if cert_id["serial_number"].native != certificate.serial_number:
                    continue
                hash_oid = cert_id["hash_algorithm"]["algorithm"].dotted
                if issuer is not None and bytes(cert_id["issuer_name_hash"].native) != algorithms.digest(
                        hash_oid, issuer.subject.dump()):
                    continue
                responders = [item.chosen if hasattr(item, "chosen") else item for item in basic["certs"] or []]
                if not _ocsp_signed(basic, responders + pool, anchors, at):
                    return "not-checked", _("the embedded OCSP answer is not signed by a responder whose chain "
                                            "reaches trust/; the revocation status is not checked")
                status = single["cert_status"]
                if status.name == "good" and single["this_update"].native < at - OCSP_SLACK:
                    continue       # an answer from before the signing says nothing of the signing time
                if status.name == "good":
                    return "good", None
                if status.name == "revoked":
                    revoked_at = status.chosen["revocation_time"].native
                    if revoked_at > at:
                        return "good", None
                    return "revoked", _("the certificate was revoked on {when}, before the signing time",
                                        when=_day(revoked_at))
        except (ValueError, TypeError, KeyError, Unsupported):
            continue
    return "not-checked", None


def _ocsp_signed(basic, pool: list, anchors: list, at: dt.datetime) -> bool:
    signature_oid = basic["signature_algorithm"]["algorithm"].dotted
    data = basic["tbs_response_data"].dump()
    for responder in pool:
        try:
            if algorithms.verify(_key(responder), signature_oid, None, data, bytes(basic["signature"].native)):
                _path, problem = _chain(responder, pool, anchors, at)
                return problem is None
        except (Unsupported, ValueError):
            continue
    return False
