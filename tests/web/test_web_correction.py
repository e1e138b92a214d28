"""A signed protocol corrected from the workspace (§15, §23): its own page, a reason, and a new version sealed by
the command line's own run (`--force --reason`), never an edit of the signed file that stays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.inputs import ROOT
from tests.support.web import client, form_fields, post_form, workspace

MEETING = "2026-01"


@pytest.fixture
def sealed(tmp_path: Path):
    """The sample with its sealed records: 2026-01 is signed and sealed (version 2 the latest)."""
    ws = workspace(tmp_path)
    shutil.copytree(ROOT / "records", tmp_path / "records")
    browser = client(ws)
    browser.get("/lang/ru")
    return ws, browser


def _records(ws) -> list[str]:
    return sorted(p.name for p in (ws.inputs.parent / "records" / "meetings" / MEETING).iterdir())


def _send(browser, changes: dict[str, str], reason: str, page: str | None = None):
    page = page or browser.get(f"/meetings/{MEETING}/correct").text
    fields = [(k, changes.get(k, v)) for k, v in form_fields(page, "meeting-form") if k != "reason"]
    return post_form(browser, f"/meetings/{MEETING}/correct/seal", fields + [("reason", reason)], follow_redirects=False)


def test_a_correction_seals_a_new_version_with_its_reason_and_only_her_change_s15(sealed):
    ws, browser = sealed
    signed = browser.get(f"/meetings/{MEETING}").text
    assert 'id="correct-link"' in signed and f'href="/meetings/{MEETING}/correct"' in signed and "--force" not in signed
    before = _records(ws)
    answer = _send(browser, {"time": "11:00"}, "  время начала указано   неверно ")
    assert answer.status_code == 303 and answer.headers["location"] == f"/meetings/{MEETING}?corrected=3"
    assert set(before) < set(_records(ws)) and "fingerprint.3.json" in _records(ws)     # the old ones stay
    sealed_by = json.loads((ws.inputs.parent / "records" / "meetings" / MEETING / "fingerprint.3.json")
                           .read_text(encoding="utf-8"))["sealed"]
    assert sealed_by["reason"] == "время начала указано неверно"
    assert sealed_by["changed"] == [f"meetings/{MEETING}.yaml: time changed"]    # a due in words kept, untouched
    assert 'time: "11:00"' in (ws.inputs / "meetings" / f"{MEETING}.yaml").read_text(encoding="utf-8")
    assert (ws.outputs / "meetings" / MEETING / "protocol.ru.docx").exists()
    shown = browser.get(answer.headers["location"]).text
    assert "Версия 3" in shown.split('id="corrected"')[1].split("</p>")[0] and 'id="readonly"' in shown


def test_without_a_reason_nothing_is_changed_s15(sealed):
    ws, browser = sealed
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    before, records = path.read_bytes(), _records(ws)
    answer = _send(browser, {"time": "11:00"}, "   ")
    assert answer.status_code == 422 and "причину" in answer.text and 'id="announce-not-corrected"' in answer.text
    assert path.read_bytes() == before and _records(ws) == records


def test_a_correction_the_gate_refuses_leaves_the_file_as_signed_and_seals_nothing_s23(sealed):
    ws, browser = sealed
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    before, records = path.read_bytes(), _records(ws)
    answer = _send(browser, {"items.0.heard.ru": "<<дописать>>"}, "дописать слушали")
    assert answer.status_code == 422 and "<<" not in answer.text and "не заполнено: заполните" in answer.text   # said in the form's words
    assert "Ничего не запечатано" in answer.text and 'class="finding error"' in answer.text
    assert path.read_bytes() == before and _records(ws) == records
    assert not (ws.outputs / "meetings" / MEETING).exists()


def test_a_file_changed_since_the_page_was_opened_is_not_corrected(sealed):
    ws, browser = sealed
    page = browser.get(f"/meetings/{MEETING}/correct").text
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment typed in an editor\n", encoding="utf-8")
    before, records = path.read_bytes(), _records(ws)
    answer = _send(browser, {"time": "11:00"}, "время", page)
    assert answer.status_code == 409 and "изменился" in answer.text
    assert path.read_bytes() == before and _records(ws) == records


def test_an_unsigned_meeting_has_nothing_to_correct(sealed):
    ws, browser = sealed
    assert browser.get("/meetings/2026-05/correct", follow_redirects=False).headers["location"] == "/meetings/2026-05"
    page = browser.get("/meetings/2026-05").text
    fields = form_fields(page, "meeting-form") + [("reason", "x")]
    answer = post_form(browser, "/meetings/2026-05/correct/seal", fields)
    assert answer.status_code == 409 and "не подписан" in answer.text
    assert 'id="correct-link"' not in page


def test_the_correction_page_checks_as_she_types_but_the_signed_form_never_saves(sealed):
    ws, browser = sealed
    page = browser.get(f"/meetings/{MEETING}/correct").text
    assert 'id="reason"' in page and "inert" not in page.split('id="meeting-form"')[1].split(">")[0]
    assert 'id="sign-confirm"' not in page and 'name="protocol.signed.shown"' not in page
    fields = [(k, "<<дописать>>" if k == "items.0.heard.ru" else v) for k, v in form_fields(page, "meeting-form")]
    checked = post_form(browser, f"/meetings/{MEETING}/check", fields)
    assert "Слушали: не заполнено: заполните" in checked.text           # the live check sees her correction
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    before = path.read_bytes()
    assert post_form(browser, f"/meetings/{MEETING}/save", fields).status_code == 409 and path.read_bytes() == before


def test_a_deadline_in_words_is_kept_by_a_save_that_did_not_touch_it_s24(tmp_path: Path):
    """A decision's due given per language (kk: тоқсан сайын, ru: ежеквартально) shows as a pair and stays."""
    ws = workspace(tmp_path)
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("signed: true", "signed: false"), encoding="utf-8")
    browser = client(ws)
    before = path.read_bytes()
    page = browser.get(f"/meetings/{MEETING}").text
    assert 'value="ежеквартально"' in page
    answer = post_form(browser, f"/meetings/{MEETING}/save", form_fields(page, "meeting-form"))
    assert answer.status_code == 200 and path.read_bytes() == before
