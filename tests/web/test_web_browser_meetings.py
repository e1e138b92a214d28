"""The year's meeting tasks in Debian's chromium: reminders and the status report for a day, one meeting's
documents with its notice and extracts, a meeting moved to another day or year, a signed protocol corrected
through its own page (§15, §23, §24, §28); axe-core and 400 px on each of these pages."""

from __future__ import annotations

import shutil

import pytest

from tests.web.test_web_browser import (  # noqa: F401 - the fixtures, chromium's path and the page helpers
    CHROMIUM,
    _axe,
    _in_view,
    browser,
    page,
    served,
    shot,
)

pytestmark = pytest.mark.skipif(not shutil.os.path.exists(CHROMIUM), reason="chromium is not installed")


def _go(page, path: str, lang: str = "ru") -> None:  # noqa: F811
    base = page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]
    page.goto(base + f"/lang/{lang}?next={path}")
    page.wait_for_load_state("load")


def test_reminders_and_the_status_report_for_a_day_then_downloaded_s24_s28(page, served, tmp_path):  # noqa: F811
    import docx
    _, ws = served
    _go(page, "/documents")
    page.click("#dated-link")
    page.wait_for_selector("#status-table")
    page.fill("#as-of", "2026-11-27")
    page.click("#show-dated")
    page.wait_for_selector("#status-as-of:has-text('27.11.2026')")
    page.click("#make-reminders")
    page.wait_for_selector("#written")
    assert _in_view(page, "#written") and "напоминания" in page.locator("#written").inner_text()
    page.click("#make-status")
    page.wait_for_selector("#written:has-text('справка')")
    shot(page, "workspace-dated.ru", tmp_path)
    day = page.locator("#dated-2026-11-27")
    assert day.locator("code", has_text="status-2026-11-27.ru").count() == 1
    with page.expect_download() as download:
        day.locator("tr:has-text('status-2026-11-27.ru') a[download]").first.click()
    saved = tmp_path / "status.ru.docx"
    download.value.save_as(saved)
    words = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs).replace("\xa0", " ")
    assert "по состоянию на 27 ноября 2026 года" in words
    _go(page, "/documents/dated?as_of=2026-11-27", "kk")
    assert page.locator("h1").inner_text() == "Еске салу хаттары және орындалу туралы анықтама"
    shot(page, "workspace-dated.kk", tmp_path)


def test_create_asks_for_the_day_then_a_re_dated_meeting_takes_the_id_of_its_year(page, served, tmp_path):  # noqa: F811
    _, ws = served
    _go(page, "/meetings")
    assert page.input_value("#new-date") == ""                          # no day chosen for her
    page.click("#create-meeting")                                        # the browser asks for the day first
    assert page.eval_on_selector("#new-date", "e => !e.validity.valid") and page.url.endswith("/meetings")
    page.fill("#new-date", "2026-12-10")
    page.click("#create-meeting")
    page.wait_for_url("**/meetings/2026-06")
    page.click("#renumber summary")
    assert "следующий идентификатор этого года" in page.locator("#renumber").inner_text()
    page.fill("input[name=date]", "2027-01-14")
    page.click("#save")
    page.wait_for_url("**/meetings/2027-01?moved=2026-06*")
    assert _in_view(page, "#moved") and "2027-01" in page.locator("#moved").inner_text()
    assert sorted(p.stem for p in (ws.inputs / "meetings").glob("*.yaml"))[-2:] == ["2026-05", "2027-01"]
    shot(page, "workspace-moved.ru", tmp_path)
    _go(page, "/meetings/2027-01?moved=2026-06", "kk")
    assert "2027-01" in page.locator("#moved").inner_text()
    shot(page, "workspace-moved.kk", tmp_path)


def test_a_signed_protocol_corrected_through_its_page_and_sealed_again_s15(page, served, tmp_path):  # noqa: F811
    import json

    from tests.support.inputs import ROOT
    _, ws = served
    shutil.copytree(ROOT / "records", ws.inputs.parent / "records")
    _go(page, "/meetings/2026-01")
    assert page.locator("#meeting-form[inert]").count() == 1                # read-only
    page.click("#correct-link")
    page.wait_for_selector("#reason")
    page.fill("input[name=time]", "11:00")
    page.fill("#reason", "время начала указано неверно")
    page.locator("#correction").scroll_into_view_if_needed()
    shot(page, "workspace-correct.ru", tmp_path)
    page.click("#seal-correction")
    page.wait_for_url("**/meetings/2026-01?corrected=3")
    assert _in_view(page, "#corrected") and "Версия 3" in page.locator("#corrected").inner_text()
    fingerprint = ws.inputs.parent / "records" / "meetings" / "2026-01" / "fingerprint.3.json"
    assert json.loads(fingerprint.read_text(encoding="utf-8"))["sealed"]["reason"] == "время начала указано неверно"
    _go(page, "/meetings/2026-01/correct", "kk")
    assert page.locator("h1").inner_text().startswith("Қол қойылған хаттаманы түзету")
    shot(page, "workspace-correct.kk", tmp_path)


def test_one_meetings_documents_with_its_notice_and_extracts_downloaded_s22_s23(page, served, tmp_path):  # noqa: F811
    import docx
    _, ws = served
    meetings = ws.inputs / "meetings"
    scaffold = meetings / "2026-06.yaml"                           # a half-filled next meeting does not block it
    scaffold.write_text("number: 6\ndate: 2026-12-10\nitems: [\n", encoding="utf-8")
    _go(page, "/meetings/2026-01")
    page.click("#meeting-documents")
    page.click("#generate-2026-01")
    page.wait_for_selector("#written")
    group = page.locator("#docs-2026-01")
    assert group.locator("tr[data-output='meetings/2026-01/notice.ru.docx'] a[download]").count() == 1
    extract = group.locator("tr[data-output^='meetings/2026-01/extracts/'][data-output$='.ru.docx']").first
    with page.expect_download() as download:
        extract.locator("a[download]").first.click()
    saved = tmp_path / "extract.ru.docx"
    download.value.save_as(saved)
    assert "Выписка" in "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    with page.expect_download() as download:
        group.locator("tr[data-output='meetings/2026-01/notice.ru.docx'] a[download]").click()
    assert download.value.suggested_filename.endswith("notice.ru.docx")
    group.scroll_into_view_if_needed()
    shot(page, "workspace-meeting-documents.ru", tmp_path)
    _go(page, "/documents", "kk")
    page.locator("#docs-2026-01").scroll_into_view_if_needed()
    assert page.locator("#generate-2026-01").inner_text() == "Осы отырыстың құжаттарын жасау"
    shot(page, "workspace-meeting-documents.kk", tmp_path)


def test_a_mistaken_meeting_deleted_after_a_question_and_a_signed_one_offers_no_delete_s15(page, served, tmp_path):  # noqa: F811
    _, ws = served
    _go(page, "/meetings")
    page.fill("#new-date", "2026-12-10")
    page.click("#create-meeting")
    page.wait_for_url("**/meetings/2026-06")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("#delete summary")
    page.click("#delete-meeting")
    page.wait_for_url("**/meetings?deleted=2026-06")
    assert "2026-06" in asked[0] and _in_view(page, "#deleted")
    assert not (ws.inputs / "meetings" / "2026-06.yaml").exists()
    _go(page, "/meetings/2026-01")
    assert page.locator("#delete").count() == 0 and page.locator("#renumber").count() == 0


MY_PAGES = {"/documents/dated?as_of=2026-12-01": "dated", "/meetings/2026-01/correct": "correct"}


def test_these_pages_pass_axe_and_never_scroll_sideways(page, served, tmp_path):  # noqa: F811
    """axe-core: no serious or critical violation, at 1280×720 and at 400×800, where nothing scrolls sideways."""
    problems = []
    _go(page, "/")
    base = page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]
    for width, height in ((1280, 720), (400, 800)):
        page.set_viewport_size({"width": width, "height": height})
        for path, name in MY_PAGES.items():
            page.goto(base + path)
            page.wait_for_load_state("load")
            shot(page, f"page-{name}.{width}.ru", tmp_path)
            problems += [f"{path} at {width}: {line}" for line in _axe(page)]
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if wide > 0:
                problems.append(f"{path} at {width}: scrolls {wide} px sideways")
    assert problems == [], "\n".join(problems)
