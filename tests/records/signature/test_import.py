"""`signature import` and `verify`: a head's ЭЦП kept beside the sealed PDF it signs, checked again later (§15, §24).

The test PKI (tests/support/ecp.py) is pinned in the project's trust/; the sealed PDF is a stand-in made at
sealing (conftest.py), so no LibreOffice run is needed.
"""

from __future__ import annotations

import base64
import io
import json

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.ecp import HEAD_IIN, Pki

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}


@pytest.fixture(scope="module")
def pki():
    return Pki("gost")


@pytest.fixture(scope="module")
def rsa():
    return Pki("rsa")


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


@pytest.fixture
def sealed(project, pki, rsa, seal_with_pdf):
    project.meeting("2026-01", protocol=SIGNED)
    assert run(project, "protocol").exit_code == 0
    (project.root / "trust").mkdir()
    (project.root / "trust" / "test-gost.pem").write_bytes(pki.anchors_pem())
    (project.root / "trust" / "test-rsa.pem").write_bytes(rsa.anchors_pem())
    return project


def folder(project):
    return project.root / "records" / "meetings" / "2026-01"


def pdf(project, lang="kk", version=None):
    name = f"protocol.{lang}.pdf" if version is None else f"protocol.{lang}.{version}.pdf"
    return (folder(project) / name).read_bytes()


def write(project, name, data):
    path = project.root / name
    path.write_bytes(data)
    return str(path)


def sums(project) -> str:
    return (project.root / "records" / "SHA256SUMS").read_text(encoding="utf-8")


def pem_crlf(der: bytes) -> bytes:
    text = base64.b64encode(der).decode()
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN CMS-----\r\n" + "\r\n".join(lines) + "\r\n-----END CMS-----\r\n").encode()


FORMS = [("DER", lambda der: der), ("PEM with CRLF", pem_crlf),
         ("bare base64", lambda der: base64.b64encode(der) + b"\n")]


@pytest.mark.parametrize("form, encode", FORMS, ids=[f for f, _e in FORMS])
def test_a_signature_in_each_form_is_verified_and_stored_beside_the_pdf_s15(sealed, pki, form, encode):
    der = pki.cms(pdf(sealed), timestamp=True)
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "sig.cms", encode(der)))
    assert result.exit_code == 0, result.output
    assert "Т. Тестов" in result.output and "by the timestamp" in result.output
    assert (folder(sealed) / "protocol.kk.pdf.cms").read_bytes() == der
    report = json.loads((folder(sealed) / "protocol.kk.pdf.cms.json").read_text(encoding="utf-8"))
    signer = report["signers"][0]
    assert (signer["iin"], signer["bin"], signer["roles"]) == (HEAD_IIN, "990140001234", ["legal-entity",
                                                                                          "first-head"])
    assert signer["signing_time"] == "2026-03-12T10:05:00Z" and signer["signing_time_source"] == "timestamp"
    assert signer["chain_status"] == "trusted" and signer["revocation"] == "not-checked"
    assert report["document"] == "protocol.kk.pdf"
    listed = sums(sealed)
    assert "records/meetings/2026-01/protocol.kk.pdf.cms\n" in listed
    assert "records/meetings/2026-01/protocol.kk.pdf.cms.json\n" in listed


def test_the_language_is_found_from_the_signed_bytes_and_lang_restricts_it_s15(sealed, rsa):
    der = rsa.cms(pdf(sealed, "ru"))
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "s.cms", der), "--lang", "kk").exit_code == 1
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "s.cms", der))
    assert result.exit_code == 0, result.output
    assert (folder(sealed) / "protocol.ru.pdf.cms").is_file()


def test_an_attached_signature_is_stored_too_s15(sealed, pki):
    der = pki.cms(pdf(sealed), attached=True)
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "a.cms", der)).exit_code == 0


def test_several_signatures_of_one_pdf_are_kept_side_by_side_and_a_repeat_is_refused_s15(sealed, pki, rsa):
    first, second = pki.cms(pdf(sealed)), rsa.cms(pdf(sealed))
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "1.cms", first)).exit_code == 0
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "2.cms", second)).exit_code == 0
    assert (folder(sealed) / "protocol.kk.pdf.2.cms").read_bytes() == second
    again = run(sealed, "signature", "import", "2026-01", write(sealed, "1.cms", first))
    assert again.exit_code == 1 and "already stored" in again.output


def test_a_bad_signature_is_refused_with_its_reason_and_nothing_is_stored_s15(sealed, pki):
    before = sums(sealed)
    der = pki.cms(b"%PDF-1.7 another document")
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "bad.cms", der))
    assert result.exit_code == 1
    assert "is not the document that was signed" in result.output and "was not stored" in result.output
    assert sums(sealed) == before and not (folder(sealed) / "protocol.kk.pdf.cms").exists()


@pytest.mark.parametrize("data", [b"hello, this is not a signature", b"", b"%PDF-1.7\nnot a card\n%%EOF"],
                         ids=["text", "empty", "a plain PDF"])
def test_anything_else_is_refused_clearly_s15(sealed, data):
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "x.bin", data))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "not a signature" in result.output or "SIGEX" in result.output


def test_a_meeting_without_a_sealed_protocol_is_refused_s15(sealed, pki):
    result = run(sealed, "signature", "import", "2026-02", write(sealed, "s.cms", pki.cms(b"x")))
    assert result.exit_code == 1 and "has no sealed protocol" in result.output


def test_the_wrong_head_iin_in_body_yaml_is_refused_s15(sealed, pki):
    body = yaml.safe_load((sealed.inputs / "body.yaml").read_text(encoding="utf-8"))
    body["head_iin"] = "850101300999"
    sealed.write("body.yaml", body)
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "s.cms", pki.cms(pdf(sealed))))
    assert result.exit_code == 1 and "850101300999" in result.output


def sigex_card(document: bytes, signatures: list[bytes]) -> bytes:
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment("1-protocol.kk.pdf", document)
    for number, der in enumerate(signatures, 2):
        writer.add_attachment(f"{number}-signature.cms", der)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_sigex_card_over_the_sealed_pdf_is_imported_with_every_signature_s15(sealed, pki, rsa):
    card = sigex_card(pdf(sealed), [pki.cms(pdf(sealed), timestamp=True), rsa.cms(pdf(sealed))])
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "card.pdf", card))
    assert result.exit_code == 0, result.output
    assert (folder(sealed) / "protocol.kk.pdf.cms").is_file() and (folder(sealed) / "protocol.kk.pdf.2.cms").is_file()


def test_a_sigex_card_of_another_document_is_refused_s15(sealed, pki):
    other = b"%PDF-1.7 another\n"
    card = sigex_card(other, [pki.cms(other)])
    result = run(sealed, "signature", "import", "2026-01", write(sealed, "card.pdf", card))
    assert result.exit_code == 1 and "first attachment of the SIGEX card" in result.output


def test_verify_lists_the_signers_and_fails_when_a_stored_signature_no_longer_holds_s15(sealed, pki):
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "s.cms", pki.cms(pdf(sealed)))).exit_code == 0
    result = run(sealed, "verify")
    assert result.exit_code == 0, result.output
    assert "protocol.kk.pdf.cms: Т. Тестов (IIN 750101300123)" in result.output
    assert "revocation status not checked (no network)" in result.output
    (sealed.root / "trust" / "test-gost.pem").unlink()            # the anchor is no longer pinned
    result = run(sealed, "verify")
    assert result.exit_code == 1
    assert "protocol.kk.pdf.cms" in result.output and "does not hold" in result.output


def test_a_superseded_versions_signature_stays_with_it_s15(sealed, pki):
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "s.cms", pki.cms(pdf(sealed)))).exit_code == 0
    meeting = yaml.safe_load((sealed.inputs / "meetings" / "2026-01.yaml").read_text(encoding="utf-8"))
    meeting["place"] = "Затобольск, другой зал"
    sealed.write("meetings/2026-01.yaml", meeting)
    assert run(sealed, "--force", "protocol").exit_code == 0
    assert (folder(sealed) / "protocol.kk.2.pdf").is_file()
    assert (folder(sealed) / "protocol.kk.pdf.cms").is_file()
    der2 = pki.cms(pdf(sealed, version=2))
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "s2.cms", der2)).exit_code == 0
    assert (folder(sealed) / "protocol.kk.2.pdf.cms").read_bytes() == der2
    assert run(sealed, "verify").exit_code == 0
