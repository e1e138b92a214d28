"""The sealed PDF copies are PDF/A-2b, checked by an independent reader (pikepdf, i.e. qpdf), not by LibreOffice.

What is checked, of ISO 19005-2 level B: the file parses without a syntax
problem (qpdf) and declares PDF 1.7 or earlier; the XMP metadata declares
pdfaid:part 2 and conformance B; every font used on every page is embedded (FontFile,
FontFile2 or FontFile3; Type 3 fonts are drawn inline); the document has an
output intent of subtype GTS_PDFA1 with an ICC profile; it is not encrypted;
the trailer has a file ID. No validator of the whole standard (veraPDF) can be
installed from the package registries this project uses; these are the parts
an archive relies on most: the declaration, the fonts and the colours.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.inputs import ROOT

SAMPLE_RECORDS = sorted((ROOT / "records" / "meetings").glob("*/protocol.*.pdf"))


def pdfa_problems(path: Path) -> list[str]:
    """What keeps the file from being PDF/A-2b, as far as these checks see; [] when none."""
    problems = []
    with pikepdf.open(path) as pdf:
        if pdf.is_encrypted:
            problems.append("encrypted")
        problems += [f"syntax: {problem}" for problem in pdf.check_pdf_syntax()]     # qpdf's structural check
        if not ("1.0" <= pdf.pdf_version <= "1.7"):
            problems.append(f"PDF version {pdf.pdf_version}: PDF/A-2 is based on PDF 1.7 at most")
        if "/ID" not in pdf.trailer:
            problems.append("no file ID in the trailer")
        metadata = pdf.open_metadata()
        if metadata.get("pdfaid:part") != "2" or metadata.get("pdfaid:conformance") != "B":
            problems.append(f"XMP pdfaid is {metadata.get('pdfaid:part')}{metadata.get('pdfaid:conformance')}, "
                            "not 2B")
        intents = pdf.Root.get("/OutputIntents") or []
        if not any(intent.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in intent for intent in intents):
            problems.append("no GTS_PDFA1 output intent with an ICC profile")
        for number, page in enumerate(pdf.pages, 1):
            for name, font in _fonts(page.obj.get("/Resources")):
                if not _embedded(font):
                    problems.append(f"page {number}: font {name} ({font.get('/BaseFont')}) is not embedded")
    return problems


def _fonts(resources, seen=None):
    """Every font of a page's resources, those of its forms (XObjects) too."""
    seen = set() if seen is None else seen
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return
    seen.add(resources.objgen)
    for name, font in (resources.get("/Font") or {}).items():
        yield name, font
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"), seen)


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True
    if font.get("/Subtype") == "/Type0":
        return all(_embedded(descendant) for descendant in font.get("/DescendantFonts", []))
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_the_sample_records_hold_a_pdf_for_each_sealed_docx():
    docx = sorted((ROOT / "records" / "meetings").glob("*/protocol.*.docx"))
    assert docx and [p.with_suffix(".pdf") for p in docx] == SAMPLE_RECORDS


@pytest.mark.parametrize("path", SAMPLE_RECORDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_committed_sealed_pdfs_are_pdfa_2b(path):
    assert pdfa_problems(path) == []


def test_the_checker_tells_a_plain_pdf(tmp_path):
    """The check can fail: a PDF without the PDF/A declaration and without embedded fonts is named."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(tmp_path / "plain.pdf")
    problems = pdfa_problems(tmp_path / "plain.pdf")
    assert any("not 2B" in p for p in problems) and any("Helvetica" in p for p in problems)
    assert any("output intent" in p for p in problems)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_sealing_writes_pdfa_2b_copies_beside_the_docx(project, monkeypatch):
    monkeypatch.setenv("SHTAB_SEAL_PDF", "1")
    project.meeting(protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                      "protocol"])
    assert result.exit_code == 0, result.output
    folder = project.root / "records" / "meetings" / "2026-01"
    for lang in ("kk", "ru"):
        assert pdfa_problems(folder / f"protocol.{lang}.pdf") == []
    sums = (project.root / "records" / "SHA256SUMS").read_text(encoding="utf-8")
    assert "records/meetings/2026-01/protocol.kk.pdf" in sums
    shutil.rmtree(project.outputs)                               # make clean, make protocol, make pdf
    assert CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                    "protocol"]).exit_code == 0
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), "pdf"])
    assert result.exit_code == 0, result.output
    for lang in ("kk", "ru"):
        copy = project.outputs / "meetings" / "2026-01" / f"protocol.{lang}.pdf"
        assert copy.read_bytes() == (folder / f"protocol.{lang}.pdf").read_bytes()
        assert f"sealed {copy}" in result.output
