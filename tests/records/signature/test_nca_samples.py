"""Real signatures made by NCA's Kalkan with NCA RK test keys verify here without Kalkan (§15, §24).

The files are third-party (MIT) and not committed: see data/README.md for their source and licence.
Without them these tests are skipped, saying where to put them.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from asn1crypto import cms, ocsp, pem, x509

from pipeline.records.signature import algorithms as A
from pipeline.records.signature.verify import Anchors, verify

DATA = Path(os.environ.get("SHTAB_NCA_TESTDATA") or Path(__file__).parent / "data")
SAMPLES = sorted((DATA / "ncanode-go" / "testdata").glob("*/*/*.cms"))
RESOURCES = DATA / "NCANode" / "src" / "test" / "resources"
CONTENT = b"asdasd"

pytestmark = pytest.mark.skipif(not SAMPLES or not (RESOURCES / "ca").is_dir(),
                                reason=f"the NCA test signatures are not in {DATA} (see its README.md)")


def certificate(path: Path) -> x509.Certificate:
    data = path.read_bytes()
    if pem.detect(data):
        data = pem.unarmor(data)[2]
    return x509.Certificate.load(data)


@pytest.fixture(scope="module")
def anchors() -> Anchors:
    return Anchors([certificate(path) for path in sorted((RESOURCES / "ca").iterdir())])


def der_of(path: Path) -> bytes:
    return base64.b64decode(path.read_bytes())


def _ids(paths):
    return [f"{p.parent.parent.name}-{p.parent.name}-{p.name.split('_')[0]}" for p in paths]


@pytest.mark.parametrize("path", SAMPLES, ids=_ids(SAMPLES))
def test_every_kalkan_made_signature_verifies_s15(path, anchors):
    verdict = verify(der_of(path), CONTENT, anchors)
    signer = verdict.signers[0]
    assert not verdict.failures and signer.trusted and signer.iin == "123456789011", verdict.all_failures()
    if path.name.startswith("AUTH_"):     # made with an authentication key: everything holds but its purpose
        assert [f.key.split(" (")[0] for f in signer.failures] == ["the certificate is not a signing one"]
    else:
        assert verdict.ok, [str(f) for f in signer.failures]
        assert signer.time_source == "claimed" and signer.revocation == "not-checked"


SIGNING = [path for path in SAMPLES if not path.name.startswith("AUTH_")]


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


@pytest.mark.parametrize("path", SIGNING, ids=_ids(SIGNING))
@pytest.mark.parametrize("where", ["content", "signature", "certificate"])
def test_a_flipped_byte_in_content_signature_or_certificate_fails_s15(path, where, anchors):
    der = der_of(path)
    signed = cms.ContentInfo.load(der)["content"]
    if where == "content":
        at = der.index(CONTENT)
    elif where == "signature":
        value = bytes(signed["signer_infos"][0]["signature"].native)
        at = der.index(value) + len(value) // 2
    else:
        key = signed["certificates"][0].chosen["tbs_certificate"]["subject_public_key_info"].dump()
        at = der.index(key) + len(key) - 5                     # inside the public key
    changed = _flip(der, at)
    assert not verify(changed, CONTENT if where != "content" else _flip(CONTENT, 0), anchors).ok
    assert not verify(changed, CONTENT, anchors).ok


@pytest.mark.parametrize("name, status", [("ocsp_response_individual_2015.bin", "revoked"),
                                          ("ocsp_response_ceo_2015_revoked.bin", "revoked"),
                                          ("ocsp_response_ceo_sign_2004_revoked.bin", "revoked"),
                                          ("ocsp_response_individual_sign_2004.bin", "good")])
def test_ncas_ocsp_answers_are_signed_as_this_check_reads_gost_and_rsa_s15(name, status):
    basic = ocsp.OCSPResponse.load((RESOURCES / "ocsp" / name).read_bytes())["response_bytes"]["response"].parsed
    responder = basic["certs"][0]
    key = A.PublicKey.load(responder["tbs_certificate"]["subject_public_key_info"].dump())
    data = basic["tbs_response_data"].dump()
    algorithm = basic["signature_algorithm"]["algorithm"].dotted
    assert A.verify(key, algorithm, None, data, bytes(basic["signature"].native))
    assert not A.verify(key, algorithm, None, _flip(data, len(data) // 2), bytes(basic["signature"].native))
    assert basic["tbs_response_data"]["responses"][0]["cert_status"].name == status


def test_the_gost_2015_responder_certificate_is_signed_by_ncas_gost_2022_test_intermediate_s15():
    basic = ocsp.OCSPResponse.load((RESOURCES / "ocsp" / "ocsp_response_individual_2015.bin").read_bytes())[
        "response_bytes"]["response"].parsed
    responder = basic["certs"][0]
    issuer = certificate(RESOURCES / "ca" / "nca_gost2015_test.cer")
    key = A.PublicKey.load(issuer["tbs_certificate"]["subject_public_key_info"].dump())
    assert key.algorithm == A.GOST_2015_512_KEY
    assert A.verify(key, responder["signature_algorithm"]["algorithm"].dotted, None,
                    responder["tbs_certificate"].dump(), bytes(responder["signature_value"].native))


def test_ncas_timestamp_token_verifies_its_own_signature_s15(anchors):
    token = cms.ContentInfo.load((RESOURCES / "tsp" / "tsp_token.bin").read_bytes())
    signed = token["content"]
    raw = bytes(signed["encap_content_info"]["content"].contents)
    from pipeline.records.signature.verify import _signature_holds
    pool = [choice.chosen for choice in signed["certificates"]]
    certificate_, problems, _attrs = _signature_holds(signed["signer_infos"][0], raw, pool)
    assert certificate_ is not None and problems == []
    _c, problems, _a = _signature_holds(signed["signer_infos"][0], _flip(raw, 10), pool)
    assert problems
