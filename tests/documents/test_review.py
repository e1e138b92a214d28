"""`make review` (tools/review.py): the year side by side, kk | ru, one PDF per kind of document."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import review  # noqa: E402

KINDS = {"composition", "agenda", "notice", "protocol", "extracts", "plan", "register", "annual-report"}


def blank_pdf(path: Path, pages: int, width: float = 595, height: float = 842) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_page(PageObject.create_blank_page(width=width, height=height))
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def test_a_sheet_holds_both_pages_and_a_longer_language_gets_blank_halves(tmp_path):
    pair = review.Pair("meetings/2026-01/protocol", blank_pdf(tmp_path / "p.kk.pdf", 3),
                       blank_pdf(tmp_path / "p.ru.pdf", 2))
    landscape = review.Pair("reports/2026/register", blank_pdf(tmp_path / "r.kk.pdf", 1, 842, 595),
                            blank_pdf(tmp_path / "r.ru.pdf", 1, 842, 595))
    target = tmp_path / "out.pdf"
    assert review.side_by_side([pair, landscape], target) == 4
    reader = PdfReader(target)
    widths = [float(p.mediabox.width) for p in reader.pages]
    assert widths == [595 * 2 + review.GAP_PT] * 3 + [842 * 2 + review.GAP_PT]
    assert [o.title for o in reader.outline] == ["meetings/2026-01/protocol", "reports/2026/register"]


def test_kinds_are_named_by_where_all_writes_them():
    assert review.kind_of(Path("plans/2026-H1.kk.pdf")) == "plan"
    assert review.kind_of(Path("meetings/2026-01/agenda.kk.pdf")) == "agenda"
    assert review.kind_of(Path("reports/2026/annual-report.kk.pdf")) == "annual-report"
    assert review.kind_of(Path("composition.kk.pdf")) == "composition"
    assert review.kind_of(Path("meetings/2026-01/extracts/02-otdel-politsii.kk.pdf")) == "extracts"
    assert review.kind_of(Path("reminders/2026-11-27/01-education.kk.pdf")) == "reminders"
    assert review.kind_of(Path("reports/2026/status-2026-11-27.kk.pdf")) == "status"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed "
                    "(apt-get install -y libreoffice-writer-nogui)")
def test_make_review_writes_one_side_by_side_pdf_per_kind(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "review.py"), "--outputs", str(tmp_path),
                             "--as-of", "2026-12-31"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    written = {p.name for p in tmp_path.glob("*.kk-ru.pdf")}
    assert written == {f"{kind}.kk-ru.pdf" for kind in KINDS}
    protocols = PdfReader(tmp_path / "protocol.kk-ru.pdf")
    assert len(protocols.outline) == len(list((ROOT / "inputs" / "meetings").glob("*.yaml")))
    first = protocols.pages[0].extract_text()
    assert "ХАТТАМАСЫ" in first and "ПРОТОКОЛ" in first
    for name in written:
        for page in PdfReader(tmp_path / name).pages:
            assert float(page.mediabox.width) > float(page.mediabox.height)   # two pages on every sheet
