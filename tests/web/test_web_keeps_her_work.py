"""No lost work in the workspace: what a form cannot read is never written, a stuck vote is shown and cleared,
a conflict is shown field by field in the form's words and merged as she chooses, a lost session is answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.web import merge, yamledit
from pipeline.web.fieldnames import field_label
from tests.support.web import client, form_fields, post_form, workspace

MEETING = "2026-05"


def _opened(browser, ws, meeting: str = MEETING) -> list[tuple[str, str]]:
    """The meeting form's fields as the browser would send them untouched."""
    return form_fields(browser.get(f"/meetings/{meeting}").text, "meeting-form")


def _with(fields, **changes) -> list[tuple[str, str]]:
    out = [(k, changes.pop(k) if k in changes else v) for k, v in fields]
    return out + list(changes.items())


@pytest.mark.parametrize("sent, extra, why", [
    ("", [("__invalid", "date")], "не существует"),          # chromium sends "" for 31.02.2026 typed in the field
    ("2026-02-31", [], "не существует"),                     # a day that does not exist, sent as text
    ("2026-13-01", [], "не существует"),                     # month 13
    ("", [], "нужна дата"),                                  # the meeting's date emptied: required
])
def test_a_date_the_form_cannot_read_is_never_written(tmp_path: Path, sent, extra, why):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    before = path.read_bytes()
    fields = _with(_opened(browser, ws), date=sent, time="11:00") + extra
    answer = post_form(browser, f"/meetings/{MEETING}/save", fields)
    assert answer.status_code == 422
    assert path.read_bytes() == before                                    # not even the time: nothing written
    problem = answer.text.split('data-field="date"')[1].split("</li>")[0]
    assert "Дата" in problem and why in problem and "19.11.2026" in problem   # her label, why, what is kept
    assert 'id="status"' in answer.text and "Ничего не сохранено" in answer.text
    live = post_form(browser, f"/meetings/{MEETING}/check", fields)    # the live check says the same at once
    assert 'data-field="date"' in live.text


def test_a_good_date_is_still_written(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    answer = post_form(browser, f"/meetings/{MEETING}/save", _with(_opened(browser, ws), date="2026-11-20"))
    assert answer.status_code == 200 and "date: 2026-11-20\n" in path.read_text(encoding="utf-8")
    assert answer.headers["hx-trigger"] == "shtab-saved"                 # the page drops its draft


def test_the_vote_of_a_member_marked_absent_is_shown_and_cleared_on_save(tmp_path: Path):
    """§13: only present voting members vote; a vote left in the file for one marked absent is not stuck."""
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - knb\n", "", 1).replace("absent:\n", "absent:\n  - member: knb\n", 1)
    path.write_text(text.replace("    vote: unanimous", "    vote: {against: [knb]}", 1), encoding="utf-8")
    page = browser.get(f"/meetings/{MEETING}").text
    stray = page.split('data-stray="knb"')[1].split("</tr>")[0]
    assert "против" in stray and "удал" in stray
    answer = post_form(browser, f"/meetings/{MEETING}/save", _opened(browser, ws))
    assert answer.status_code == 200 and "Сохранено" in answer.text
    assert "knb" not in path.read_text(encoding="utf-8").split("items:")[1].split("decisions:")[1].split("dissent")[0]


def _conflict(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    opened = _opened(browser, ws)
    heard = dict(opened)["items.0.heard.ru"]
    path.write_text(path.read_text(encoding="utf-8").replace('time: "10:00"', 'time: "12:00"'), encoding="utf-8")
    mine = _with(opened, **{"items.0.heard.ru": heard + " Дополнено.", "time": "09:00"})
    return ws, browser, path, mine


def test_a_conflict_shows_her_changes_field_by_field_in_the_form_words(tmp_path: Path):
    ws, browser, path, mine = _conflict(tmp_path)
    before = path.read_bytes()
    answer = post_form(browser, f"/meetings/{MEETING}/save", mine)
    assert answer.status_code == 409 and path.read_bytes() == before
    rows = answer.text.split('id="changes"')[1].split("</table>")[0]
    assert "Вопрос 1 — Слушали" in rows and "Дополнено." in rows
    time_row = rows.split('data-field="time"')[1].split("</tr>")[0]
    assert "Время" in time_row and "09:00" in time_row and "12:00" in time_row and 'class="clash"' in rows
    assert "Не сохранено" in answer.text.split('id="status"')[1]


@pytest.mark.parametrize("time_choice, expected_time", [("mine", '"09:00"'), ("theirs", '"12:00"')])
def test_a_conflict_merges_field_by_field_as_she_chooses(tmp_path: Path, time_choice, expected_time):
    ws, browser, path, mine = _conflict(tmp_path)
    first = post_form(browser, f"/meetings/{MEETING}/save", mine)
    disk = first.text.split('name="merge.disk" value="')[1].split('"')[0]
    answer = post_form(browser, f"/meetings/{MEETING}/save", mine + [("merge.disk", disk), ("keep.time", time_choice)])
    assert answer.status_code == 200 and answer.headers["hx-trigger"] == "shtab-saved-reload"
    text = path.read_text(encoding="utf-8")
    assert f"time: {expected_time}\n" in text and "Дополнено." in text      # her heard kept either way


def test_merge_keeps_the_files_other_changes_and_the_bytes_around_them():
    base = yamledit.parse("a: 1\nb:\n  kk: x\n  ru: y\nc: [p, q]\n")
    mine = yamledit.parse("a: 1\nb:\n  kk: x\n  ru: y\nc: [p, q]\n")
    theirs = yamledit.parse("# kept\na: 2\nb:\n  kk: x\n  ru: y\nc: [p, q]\n")
    mine.tree["b"]["ru"] = "z"
    mine.tree["c"].append("r")
    found, others = merge.changes(base.tree, mine.tree, theirs.tree)
    assert [c.key for c in found] == ["b", "c"] and others == 1
    merge.merge(theirs.tree, mine.tree, found)
    assert theirs.text() == "# kept\na: 2\nb:\n  kk: x\n  ru: z\nc: [p, q, r]\n"


@pytest.mark.parametrize("name, words", [
    ("date", "Дата"),
    ("items.0.heard.ru", "Вопрос 1 — Слушали — на русском"),
    ("items.1.decisions.2.due", "Вопрос 2 — Решение 3 — Срок (дата или текст)"),
    ("agenda_approved.date", "Повестку утвердил — Дата"),
    ("att.knb", "Присутствие — Начальник ДКНБ"),
])
def test_a_field_is_named_by_the_form_label(name, words):
    assert field_label(name, "ru", {"knb": "Начальник ДКНБ"}) == words


def test_alive_answers_the_session_and_refuses_a_lost_one(tmp_path: Path):
    ws = workspace(tmp_path)
    assert client(ws).get("/alive").status_code == 204
    assert client(ws, start=False).get("/alive").status_code == 403


@pytest.mark.parametrize("header, lang", [
    ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
    ("en-US,kk;q=0.5,ru;q=0.4", "kk"),        # by weight, not by order
    ("ru;q=0.3, kk-KZ;q=0.8", "kk"),
    ("en-US,en", "kk"),                        # neither: body.yaml's first language
    ("ru;q=0", "kk"),                          # q=0 means "not this one"
])
def test_the_first_page_speaks_the_language_her_browser_asks_for(tmp_path: Path, header, lang):
    ws = workspace(tmp_path)
    answer = client(ws).get("/", headers={"accept-language": header})
    assert f'<html lang="{lang}">' in answer.text


def test_a_scaffold_placeholder_shows_as_an_empty_field_and_stays_untouched(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    answer = browser.post("/meetings/new", data={"csrf": ws.keys.csrf, "date": "2026-12-10"}, follow_redirects=False)
    meeting = answer.headers["location"].rsplit("/", 1)[1]
    page = browser.get(f"/meetings/{meeting}").text
    assert "<<мәселенің атауы>>" not in page and "к заполнению" in page   # no Kazakh placeholder in Russian
    path = ws.inputs / "meetings" / f"{meeting}.yaml"
    before = path.read_text(encoding="utf-8")
    fields = _with(form_fields(page, "meeting-form"), **{"items.0.title.ru": "О профилактике"})
    assert post_form(browser, f"/meetings/{meeting}/save", fields).status_code == 200
    after = path.read_text(encoding="utf-8")
    assert '"<<мәселенің атауы>>"' in after and "О профилактике" in after            # the kk placeholder stays
    assert [line for line in after.splitlines() if line not in before.splitlines()] == ['      ru: "О профилактике"']
