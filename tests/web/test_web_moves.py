"""A meeting renumbered or re-dated from the workspace; into another year it takes that year's next id, as a new
meeting of that year would (editing/scaffold.py); «Создать» never takes a day she did not choose; a signed
meeting is never moved (§15)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.support.inputs import ROOT
from tests.support.web import client, form_fields, post_form, workspace


def _save(browser, meeting: str, changes: dict[str, str], htmx: bool = False):
    page = browser.get(f"/meetings/{meeting}").text
    fields = [(k, changes.get(k, v)) for k, v in form_fields(page, "meeting-form")]
    if htmx:                                     # as the page's htmx sends it
        browser.headers["HX-Request"] = "true"
    try:
        return post_form(browser, f"/meetings/{meeting}/save", fields, follow_redirects=False)
    finally:
        browser.headers.pop("HX-Request", None)


def _meeting(ws, meeting: str) -> dict:
    return yaml.safe_load((ws.inputs / "meetings" / f"{meeting}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("changes,new_id,number", [
    ({"date": "2026-12-20"}, "2026-05", 5),                      # the same year: the id stays
    ({"number": "6"}, "2026-05", 6),                             # renumbered: the id stays
    ({"date": "2027-01-20"}, "2027-01", 1),                      # the next year: its first id and number
    ({"date": "2025-12-30"}, "2025-01", 1),                      # an earlier year
    ({"date": "2027-01-20", "number": "3"}, "2027-01", 3),       # a number she typed stays hers
])
def test_a_meeting_renumbered_or_re_dated_takes_the_id_of_its_year_s15(tmp_path: Path, changes, new_id, number):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    answer = _save(browser, "2026-05", changes)
    meetings = sorted(p.stem for p in (ws.inputs / "meetings").glob("*.yaml"))
    assert new_id in meetings and (new_id == "2026-05") == ("2026-05" in meetings)
    assert _meeting(ws, new_id)["number"] == number
    if new_id != "2026-05":
        assert answer.status_code == 303 and answer.headers["location"].startswith(f"/meetings/{new_id}?moved=2026-05")
        page = browser.get(answer.headers["location"]).text
        assert f"теперь это заседание {new_id}" in page.split('id="moved"')[1].split("</p>")[0]
    else:
        assert answer.status_code == 200 and 'id="saved"' in answer.text


def test_a_move_into_another_year_renames_the_control_entries_that_name_the_meeting_s24(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    control = ws.inputs / "control" / "2026.yaml"
    before = control.read_text(encoding="utf-8")
    before += ("- assignment: 2026-05/1.1\n  status: in_progress\n"        # the sample names 2026-05/2.1 and 2.3
               "- assignment: 2026-04/1.2\n  status: extended\n  date: 2026-11-19\n  new_due: 2027-03-31\n"
               "  by_meeting: 2026-05\n")
    control.write_text(before, encoding="utf-8")
    answer = _save(browser, "2026-05", {"date": "2027-02-11"}, htmx=True)
    assert answer.status_code == 204 and answer.headers["HX-Redirect"].startswith("/meetings/2027-01?moved=2026-05")
    assert answer.headers["HX-Trigger"] == "shtab-saved"             # the draft of the old address is dropped
    assert control.read_text(encoding="utf-8") == before.replace("assignment: 2026-05/", "assignment: 2027-01/") \
        .replace("by_meeting: 2026-05", "by_meeting: 2027-01")          # only the references, nothing else
    page = browser.get(answer.headers["HX-Redirect"]).text
    assert "называют: 4" in page.split('id="moved"')[1].split("</p>")[0]


def test_an_id_she_chose_and_a_sealed_record_keep_the_meetings_id_s15(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    meetings = ws.inputs / "meetings"
    (meetings / "2026-05.yaml").rename(meetings / "vyezdnoe.yaml")          # any slug is an id (the contract)
    assert _save(browser, "vyezdnoe", {"date": "2027-01-20"}).status_code == 200
    assert (meetings / "vyezdnoe.yaml").exists() and _meeting(ws, "vyezdnoe")["date"].year == 2027
    shutil.copytree(ROOT / "records", ws.inputs.parent / "records")         # 2026-01 is sealed under its id
    path = meetings / "2026-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("signed: true", "signed: false"), encoding="utf-8")
    answer = _save(browser, "2026-01", {"date": "2027-03-12"})
    assert answer.status_code == 200 and path.exists() and not (meetings / "2027-01.yaml").exists()
    assert "(§15)" in answer.text.split('id="saved-note"')[1].split("</p>")[0]


def test_a_signed_meeting_is_neither_re_dated_nor_renumbered_s15(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    path = ws.inputs / "meetings" / "2026-01.yaml"
    before = path.read_bytes()
    page = browser.get("/meetings/2026-01").text
    assert 'id="renumber"' not in page and 'id="delete"' not in page
    fields = [(k, {"date": "2027-03-12", "number": "9"}.get(k, v)) for k, v in form_fields(page, "meeting-form")]
    answer = post_form(browser, "/meetings/2026-01/save", fields + [("date", "2027-03-12")])
    assert answer.status_code == 409 and "подписан" in answer.text and "(§15)" in answer.text and "Исправить подписанный протокол" in answer.text
    assert path.read_bytes() == before and not (ws.inputs / "meetings" / "2027-01.yaml").exists()


@pytest.mark.parametrize("sent", ["", "2026-02-31", "завтра"])
def test_create_never_takes_a_day_she_did_not_choose(tmp_path: Path, sent):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    before = sorted((ws.inputs / "meetings").iterdir())
    answer = browser.post("/meetings/new", data={"csrf": ws.keys.csrf, "date": sent})
    assert answer.status_code == 422 and 'id="new-date-problem"' in answer.text and "Ничего не создано" in answer.text
    assert sorted((ws.inputs / "meetings").iterdir()) == before
    page = browser.get("/meetings").text
    assert 'id="new-date" value="" required' in page                    # no day chosen for her
