"""The technical check of a head's ЭЦП on a sealed protocol PDF, case by case, on a test PKI made here (§15, §24).

Each kind of key NCA RK issues today: GOST 34.10-2015 512-bit under the Kazakh OIDs, and RSA. Every case
that must fail fails with its own reason; the good ones say who signed and when.
"""

from __future__ import annotations

import datetime as dt

import pytest
from asn1crypto import cms

from pipeline.records.signature.verify import Anchors, verify
from tests.support.ecp import AUTH_EKU, HEAD_IIN, SIGNED_AT, Pki

PDF = b"%PDF-1.7\n% the sealed protocol 2026-01 (kk)\n%%EOF\n"
OTHER_PDF = b"%PDF-1.7\n% the protocol of another meeting\n%%EOF\n"


@pytest.fixture(scope="module", params=["gost", "rsa"])
def pki(request):
    return Pki(request.param)


@pytest.fixture(scope="module")
def anchors(pki):
    return Anchors([pki.root.certificate, pki.ca.certificate])


def failures(verdict) -> list[str]:
    return [failure.key for _signer, failure in verdict.all_failures()]


def test_a_detached_signature_with_a_timestamp_holds_and_says_who_and_when_s15(pki, anchors):
    verdict = verify(pki.cms(PDF, timestamp=True), PDF, anchors, expected_iin=HEAD_IIN)
    assert verdict.ok, failures(verdict)
    signer = verdict.signers[0]
    assert (signer.short_name(), signer.iin, signer.bin) == ("Т. Тестов", HEAD_IIN, "990140001234")
    assert signer.roles == ["legal-entity", "first-head"]
    assert (signer.signing_time, signer.time_source) == (SIGNED_AT, "timestamp")
    assert signer.chain[-1].startswith("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ")


def test_without_a_timestamp_the_time_is_the_signers_claim_and_revocation_is_not_checked_s15(pki, anchors):
    verdict = verify(pki.cms(PDF), PDF, anchors)
    assert verdict.ok
    data = verdict.signers[0].as_json()
    assert data["signing_time_source"] == "claimed"
    assert data["notes"]["signing_time"]["ru"] == "заявлено подписантом"
    assert data["revocation"] == "not-checked" and data["status"] == "holds-revocation-not-checked"   # never "valid"
    assert data["notes"]["revocation"]["ru"] == "статус отзыва не проверен (нет сети)"


def test_an_attached_signature_over_the_same_bytes_holds_s15(pki, anchors):
    assert verify(pki.cms(PDF, attached=True), PDF, anchors).ok


def test_embedded_ocsp_good_is_reported_checked_s15(pki, anchors):
    verdict = verify(pki.cms(PDF, timestamp=True, ocsp_status="good"), PDF, anchors)
    assert verdict.ok and verdict.signers[0].revocation == "good"
    assert verdict.signers[0].as_json()["status"] == "valid" and "notes" not in verdict.signers[0].as_json()


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def _signature_offset(der: bytes) -> int:
    value = bytes(cms.ContentInfo.load(der)["content"]["signer_infos"][0]["signature"].native)
    return der.index(value) + len(value) // 2


def _certificate_offset(der: bytes, pki) -> int:
    subject = cms.ContentInfo.load(der)["content"]["certificates"][0].chosen.subject.dump()
    return der.index(subject) + len(subject) - 3


CASES = [
    # (case, how the CMS and the document are made, the reason it must fail)
    ("another PDF", lambda p: (p.cms(OTHER_PDF), PDF, None), "the sealed PDF is not the document"),
    ("the PDF changed after signing", lambda p: (p.cms(PDF), flip(PDF, 12), None), "the sealed PDF is not the document"),
    ("the attached document is another", lambda p: (p.cms(OTHER_PDF, attached=True), PDF, None),
     "the signature holds another document"),
    ("auth-only EKU", lambda p: (p.cms(PDF, signers=[p.signer(101, ekus=[AUTH_EKU])]), PDF, None),
     "the certificate is not a signing one"),
    ("expired at the signing time", lambda p: (p.cms(PDF, signers=[p.signer(
        102, end=SIGNED_AT - dt.timedelta(days=1))]), PDF, None), "the certificate was not valid at the signing time"),
    ("not yet valid at the signing time", lambda p: (p.cms(PDF, signers=[p.signer(
        103, begin=SIGNED_AT + dt.timedelta(seconds=1))]), PDF, None),
     "the certificate was not valid at the signing time"),
    ("an untrusted look-alike chain", lambda p: (Pki(p.kind, label="look-alike").cms(PDF), PDF, None),
     "the certificate chain does not reach a certificate pinned in trust/"),
    ("the wrong IIN", lambda p: (p.cms(PDF), PDF, "850101300999"), "the signer's IIN is"),
    ("a timestamp imprint mismatch", lambda p: (p.cms(PDF, timestamp=True, imprint_of=b"another signature"), PDF,
                                                None), "the timestamp was made for another signature"),
    ("a truncated CMS", lambda p: (p.cms(PDF)[:-40], PDF, None), "the signature file is damaged or truncated"),
    ("a flipped byte in the signature", lambda p: (lambda d: (flip(d, _signature_offset(d)), PDF, None))(p.cms(PDF)),
     "the signature value does not match"),
    ("a flipped byte in the certificate", lambda p: (lambda d: (flip(d, _certificate_offset(d, p)), PDF, None))(
        p.cms(PDF)), "the signed attribute signingCertificate names another certificate"),
    ("signingCertificateV2 names another certificate", lambda p: (p.cms(PDF, cert_hash_of=b"another"), PDF, None),
     "the signed attribute signingCertificate names another certificate"),
    ("revoked before signing (OCSP)", lambda p: (p.cms(PDF, ocsp_status="revoked"), PDF, None),
     "the certificate was revoked on"),
    ("not a CMS signature", lambda p: (b"\x30\x03\x02\x01\x01", PDF, None), "the signature file is damaged"),
]


@pytest.mark.parametrize("case, make, reason", CASES, ids=[case for case, _m, _r in CASES])
def test_each_bad_signature_fails_with_its_reason_s15(pki, anchors, case, make, reason):
    der, document, expected_iin = make(pki)
    verdict = verify(der, document, anchors, expected_iin=expected_iin)
    assert not verdict.ok
    assert any(key.startswith(reason) for key in failures(verdict)), (case, failures(verdict))


def test_two_signer_infos_one_bad_fail_and_the_good_one_still_holds_s15(pki, anchors):
    good, bad = pki.signer(110), pki.signer(111, ekus=[AUTH_EKU], name="ЕКІНШІ ЕКІНШІ", surname="ЕКІНШІ")
    der = pki.cms(PDF, signers=[good, bad])
    verdict = verify(der, PDF, anchors)
    assert not verdict.ok
    assert [signer.ok for signer in verdict.signers] == [True, False]
    assert failures(verdict) == [verdict.signers[1].failures[0].key]


def test_no_pinned_anchor_is_a_failure_that_says_where_to_put_them_s15(pki):
    verdict = verify(pki.cms(PDF), PDF, Anchors())
    assert any(key.startswith("no trust anchors are pinned") for key in failures(verdict))


def test_an_anchor_pinned_as_the_intermediate_alone_is_enough_s15(pki):
    assert verify(pki.cms(PDF), PDF, Anchors([pki.ca.certificate])).ok


def test_ncalayers_answer_is_taken_as_a_string_or_an_array_pem_or_base64_s15(pki):
    import base64

    from pipeline.records.signature import files
    der = pki.cms(PDF)
    text = base64.b64encode(der).decode()
    pem = "-----BEGIN CMS-----\r\n" + "\r\n".join(text[i:i + 64] for i in range(0, len(text), 64)) + \
        "\r\n-----END CMS-----\r\n"
    assert files.from_ncalayer(pem) == [der]
    assert files.from_ncalayer([pem]) == [der]
    assert files.from_ncalayer(text) == [der]
    assert files.from_ncalayer([text, pem]) == [der, der]
    for empty in ("", [""], [None]):
        with pytest.raises(files.NotASignature):
            files.from_ncalayer(empty)
