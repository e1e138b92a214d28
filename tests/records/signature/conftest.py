"""A project with a sealed protocol and its PDF copies, fast: the PDF/A conversion is replaced by a stand-in PDF."""

from __future__ import annotations

import hashlib

import pytest


def fake_pdfa(documents: dict[str, bytes]) -> dict[str, bytes]:
    return {name: b"%PDF-1.7\n% sealed copy of " + hashlib.sha256(data).hexdigest().encode() + b"\n%%EOF\n"
            for name, data in documents.items()}


@pytest.fixture
def seal_with_pdf(monkeypatch):
    import pipeline.write.pdf as pdf
    monkeypatch.setenv("SHTAB_SEAL_PDF", "1")
    monkeypatch.setattr(pdf, "find_soffice", lambda *a, **k: "soffice")
    monkeypatch.setattr(pdf, "convert_to_pdfa", fake_pdfa)
