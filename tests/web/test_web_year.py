"""The year from the workspace: documents by year and meeting, one meeting's documents made on their own."""

from __future__ import annotations

from pathlib import Path

from tests.support.web import client, workspace


def test_the_documents_page_groups_by_year_and_meeting_in_words(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    page = browser.get("/documents").text
    assert "Год 2026" in page and 'id="docs-2026-05"' in page and "Документы года" in page
    group = page.split('id="docs-2026-05"')[1].split("</section>")[0]
    assert "Заседание 2026-05 — № 5, 19.11.2026" in group and "протокол" in group.lower()
    assert "meetings/2026-05/protocol.ru.docx" in group and "meetings/2026-04/" not in group
    assert ">notice<" not in page and ">extracts<" not in page                  # kinds in words


def test_one_meetings_documents_are_made_while_another_meeting_is_half_filled(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    browser.post("/meetings/new", data={"csrf": ws.keys.csrf, "date": "2026-12-10"})   # a scaffold full of <<...>>
    everything = browser.post("/documents/generate", data={"csrf": ws.keys.csrf})
    assert 'id="refused"' in everything.text and not (ws.outputs / "meetings" / "2026-05").exists()
    one = browser.post("/documents/generate?meeting=2026-05", data={"csrf": ws.keys.csrf})
    assert 'id="written"' in one.text
    made = sorted(p.name for p in (ws.outputs / "meetings" / "2026-05").glob("*.docx"))
    assert "protocol.ru.docx" in made and "protocol.kk.docx" in made
    assert not (ws.outputs / "meetings" / "2026-04").exists()                  # only this meeting's
