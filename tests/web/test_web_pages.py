"""The workspace's pages over the sample inputs, in both languages, and the live findings of a form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import html as lxml_html

from pipeline.web import yamledit
from tests.support.web import client, post_form, workspace

PAGES = ["/", "/meetings", "/meetings/2026-03", "/plans", "/control/2026", "/documents"]


@pytest.mark.parametrize("lang, word", [("kk", "Отырыстар"), ("ru", "Заседания")])
def test_every_page_in_both_languages(tmp_path: Path, lang, word):
    ws = workspace(tmp_path)
    browser = client(ws)
    assert browser.get(f"/lang/{lang}?next=/meetings", follow_redirects=False).headers["location"] == "/meetings"
    for path in PAGES:
        answer = browser.get(path)
        assert answer.status_code == 200, path
        assert f'<html lang="{lang}">' in answer.text and word in answer.text
        assert ws.keys.csrf in answer.text                       # every page carries the CSRF token


def test_language_switch_goes_back_only_to_a_local_page(tmp_path: Path):
    browser = client(workspace(tmp_path))
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = browser.get(f"/lang/ru?next={target}", follow_redirects=False)
        assert answer.headers["location"] == "/"


def _fields_of(ws, meeting: str) -> list[tuple[str, str]]:
    document = yamledit.load(ws.inputs / "meetings" / f"{meeting}.yaml")
    return [("csrf", ws.keys.csrf), ("base", document.digest), ("attendance.shown", "1")] + \
        [(f"att.{m}", "present") for m in document.tree["present"]]


def test_live_findings_show_the_quorum_beside_attendance_without_saving(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws, )
    browser.get("/lang/ru")
    before = (ws.inputs / "meetings" / "2026-05.yaml").read_bytes()
    fields = _fields_of(ws, "2026-05")
    fields = [(k, "absent" if k in ("att.police", "att.knb", "att.culture", "att.youth", "att.economy", "att.hospital") else v)
              for k, v in fields]
    answer = post_form(browser, "/meetings/2026-05/check", fields)
    assert answer.status_code == 200
    slot = answer.text.split('id="fd-present"')[1].split("</div>")[0]
    assert "(§20)" in slot and "hx-swap-oob" in slot
    assert (ws.inputs / "meetings" / "2026-05.yaml").read_bytes() == before


def test_save_writes_the_edit_and_refuses_a_file_changed_meanwhile(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    path = ws.inputs / "meetings" / "2026-05.yaml"
    fields = _fields_of(ws, "2026-05") + [("time", "15:30")]
    saved = post_form(browser, "/meetings/2026-05/save", fields)
    assert saved.status_code == 200 and 'time: "15:30"' in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("15:30", "16:00"), encoding="utf-8")
    refused = post_form(browser, "/meetings/2026-05/save", _fields_of(ws, "2026-05")[:1] + fields[1:])
    assert refused.status_code == 409
    assert "16:00" in refused.text.split('id="on-disk"')[1] and "15:30" in refused.text.split('id="ours"')[1]
    assert '"16:00"' in path.read_text(encoding="utf-8")


def test_a_signed_meeting_is_read_only(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    page = browser.get("/meetings/2026-01").text
    assert 'id="readonly"' in page and "inert" in page and 'id="save"' not in page
    before = (ws.inputs / "meetings" / "2026-01.yaml").read_bytes()
    answer = post_form(browser, "/meetings/2026-01/save", _fields_of(ws, "2026-01") + [("time", "09:00")])
    assert answer.status_code == 409 and (ws.inputs / "meetings" / "2026-01.yaml").read_bytes() == before


def test_a_new_meeting_starts_from_the_new_meeting_scaffold(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    answer = browser.post("/meetings/new", data={"csrf": ws.keys.csrf, "date": "2026-12-10"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/meetings/2026-06"
    text = (ws.inputs / "meetings" / "2026-06.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server") and "<<" in text
    assert browser.get("/meetings/2026-06").status_code == 200


FORMS = ["/meetings/2026-03", "/plans/2026-H1", "/control/2026", "/composition", "/indicators/2026"]


@pytest.mark.parametrize("path", FORMS)
def test_a_save_or_an_added_row_is_never_cancelled_by_the_live_check(tmp_path: Path, path):
    """The live check a keystroke schedules replaces its own earlier request (hx-sync "this:replace" on the
    form); a button inside the form must not inherit that, or a slow save loses its «Сохранено» to the check."""
    page = lxml_html.fromstring(client(workspace(tmp_path)).get(path).text)
    forms = page.xpath('//form[contains(@hx-sync, "replace")]')
    assert forms, path
    for form in forms:
        for button in form.xpath('.//button[@hx-post]'):
            own = button.get("hx-sync") or ""
            assert "hx-sync" in (form.get("hx-disinherit") or "") or "replace" not in own and own, \
                (path, button.get("id") or button.text_content().strip())


@pytest.mark.parametrize("path", ["/meetings/2026-03", "/plans/2026-H1"])
def test_a_member_is_chosen_by_name_and_post_never_by_the_files_id(tmp_path: Path, path):
    """An option holds text only: a member's id there is read aloud by a screen reader with the name (§20, §22)."""
    ws = workspace(tmp_path)
    ids = {member["id"] for member in yamledit.load(ws.inputs / "body.yaml").tree["members"]}
    page = lxml_html.fromstring(client(ws).get(path).text)
    chosen = [option.text_content().split() for option in page.xpath('//option[@value]') if option.get("value") in ids]
    assert chosen, path
    assert [words for words in chosen if ids & set(words)] == []


def test_s24_in_january_last_years_control_is_one_click_away(tmp_path: Path):
    """The menu opens today's year; the control page offers every year with meetings or control, so the year-end
    control of December is reached in January without typing an address (§24)."""
    ws = workspace(tmp_path)
    ws.today = lambda: dt.date(2027, 1, 15)
    browser = client(ws)
    page = lxml_html.fromstring(browser.get("/control/2027").text)
    assert page.xpath('//nav//a[@aria-current="page" or starts-with(@href, "/control/")]/@href')[0] == "/control/2027"
    years = page.xpath('//nav[@class="years"]')[0]
    assert years.xpath('.//a/@href') == ["/control/2026"] and years.xpath('.//strong/text()') == ["2027"]
    assert browser.get("/control/2026").status_code == 200
