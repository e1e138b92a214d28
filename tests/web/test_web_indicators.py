"""The annual indicators page (§29): figures and `previous:` typed in the form, saved by the round-trip, never a
value the page cannot read; the §29 note on actions (at least 250 participants) beside each action; the report."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.support.web import client, form_fields, post_form, workspace

URL = "/indicators/2026"


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _opened(tmp_path: Path, url: str = URL):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    return ws, browser, form_fields(browser.get(url).text, "indicators-form")


def _with(fields: list[tuple[str, str]], **typed: str) -> list[tuple[str, str]]:
    typed = {key.replace("__", "."): value for key, value in typed.items()}
    return [(k, typed.pop(k, v)) for k, v in fields] + list(typed.items())


@pytest.mark.parametrize("url, file", [("/indicators/2026", "indicators/2026.yaml"),
                                       ("/indicators/2025", "indicators/2025.yaml")])
def test_s29_the_form_saved_untouched_writes_nothing(tmp_path: Path, url, file):
    ws, browser, fields = _opened(tmp_path, url)
    before = (ws.inputs / file).read_bytes()
    assert len(fields) > 60
    answer = post_form(browser, f"{url}/save", fields)
    assert answer.status_code == 200 and 'id="saved"' in answer.text
    assert (ws.inputs / file).read_bytes() == before


def test_s29_a_year_without_a_file_is_not_created_by_an_untouched_save(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path, "/indicators/2027")
    assert post_form(browser, "/indicators/2027/save", fields).status_code == 200
    assert not (ws.inputs / "indicators" / "2027.yaml").exists()


def test_s29_a_figure_saved_changes_its_line_alone_and_keeps_the_comments(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "indicators" / "2026.yaml"
    before = path.read_text(encoding="utf-8")
    answer = post_form(browser, f"{URL}/save", _with(fields, ngos="9", survey__satisfied_percent="74,5",
                                                    dispensary__minors=""))
    assert answer.status_code == 200 and "Сохранено" in answer.text
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "-  minors: 1", "-ngos: 7", "+ngos: 9", "-  satisfied_percent: 73.4", "+  satisfied_percent: 74.5"]
    assert path.read_text(encoding="utf-8").startswith("# Штаб жұмысының 2026 жылғы 12")


@pytest.mark.parametrize("field, typed, written", [
    ("ngos", "0", "ngos: 0"),                                   # zero is a count
    ("ngos", "12", "ngos: 12"),
    ("ngos", "-1", None),                                       # a count is never negative
    ("ngos", "1.5", None),                                      # nor a fraction
    ("ngos", "12a", None),
    ("survey.satisfied_percent", "0", "satisfied_percent: 0"),  # the boundaries of a percentage
    ("survey.satisfied_percent", "100", "satisfied_percent: 100"),
    ("survey.satisfied_percent", "100.1", None),
    ("survey.satisfied_percent", "-0.5", None),
    ("actions.0.participants", "250", "participants: 250"),
    ("actions.0.participants", "две сотни", None),
])
def test_s29_a_value_the_page_cannot_read_is_never_written(tmp_path: Path, field, typed, written):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "indicators" / "2026.yaml"
    before = path.read_bytes()
    answer = post_form(browser, f"{URL}/save", [(k, typed if k == field else v) for k, v in fields])
    if written is None:
        assert answer.status_code == 422 and "Ничего не сохранено" in answer.text
        assert f'data-field="{field}"' in answer.text and "в файле остаётся" in answer.text
        assert path.read_bytes() == before
    else:
        assert answer.status_code == 200 and written in path.read_text(encoding="utf-8")


def test_s29_a_field_the_browser_could_not_read_keeps_the_file(tmp_path: Path):
    """An <input type=number> holding «1e» sends "" and names itself in __invalid: never taken for a cleared figure."""
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "indicators" / "2026.yaml"
    before = path.read_bytes()
    answer = post_form(browser, f"{URL}/save", _with(fields, ngos="") + [("__invalid", "ngos")])
    assert answer.status_code == 422 and "7" in answer.text.split('data-field="ngos"')[1].split("</li>")[0]
    assert path.read_bytes() == before


@pytest.mark.parametrize("participants, counts", [(249, False), (250, True), (251, True), (0, False)])
def test_s29_an_action_counts_with_at_least_250_participants(tmp_path: Path, participants, counts):
    ws, browser, fields = _opened(tmp_path)
    answer = post_form(browser, f"{URL}/check", _with(fields, actions__1__participants=str(participants)))
    assert answer.status_code == 200
    note = answer.text.split('id="counts-1"')[1].split("</span></span>")[0]
    assert ("не учитывается" in note) is not counts and ("учитывается" in note)
    summary = answer.text.split('id="note-actions"')[1].split("</p>")[0]
    held, counted = 7, 4 + counts       # the sample: 340, 180, 65, 420, 290, 510, 230 participants
    assert f"Проведено: {held}" in summary and f"учтено (не менее 250 участников, §29): {counted}" in summary


def test_s29_a_missing_indicator_is_said_beside_its_field(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    answer = post_form(browser, f"{URL}/check", _with(fields, ngos=""))
    slot = answer.text.split('id="fd-ngos"')[1].split("</div>")[0]
    assert "(§29)" in slot and "—" in slot


def test_s29_previous_typed_for_the_first_report_goes_under_previous(tmp_path: Path):
    """2025 has no 2024 file: its `previous:` figures are typed beside this year's, and written as a block."""
    ws, browser, fields = _opened(tmp_path, "/indicators/2025")
    path = ws.inputs / "indicators" / "2025.yaml"
    before = path.read_text(encoding="utf-8")
    assert ("previous.ngos", "") in fields and ("previous.actions", "") in fields
    answer = post_form(browser, "/indicators/2025/save", _with(fields, previous__ngos="4", previous__actions="3",
                                                               previous__dispensary__total="130"))
    assert answer.status_code == 200
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "+previous:", "+  actions: 3", "+  dispensary:", "+    total: 130", "+  ngos: 4"]
    page = browser.get("/indicators/2026").text     # 2026 compares with the file of 2025, not with `previous:`
    assert 'name="previous.ngos"' not in page and "inputs/indicators/2025.yaml" in page


def test_s29_an_action_added_in_the_form(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "indicators" / "2026.yaml"
    before = path.read_text(encoding="utf-8")
    grown = form_fields(post_form(browser, f"{URL}/form?add=actions", fields).text, "indicators-form")
    assert ("actions.7.participants", "") in grown
    typed = _with(grown, actions__7__title__kk="«Таза ауыл» акциясы", actions__7__title__ru="Акция «Чистое село»",
                  actions__7__date="2026-12-05", actions__7__participants="260")
    assert post_form(browser, f"{URL}/save", typed).status_code == 200
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "+  - title:", "+      kk: «Таза ауыл» акциясы", "+      ru: Акция «Чистое село»",
        "+    date: 2026-12-05", "+    participants: 260"]


def test_s29_every_control_has_a_label_in_her_language(tmp_path: Path):
    """Each input is inside a <label> or has an aria-label, in Russian here."""
    from html.parser import HTMLParser
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    html = browser.get(URL).text

    class Controls(HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth, self.unlabelled = 0, []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "label":
                self.depth += 1
            if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
                if not self.depth and not attrs.get("aria-label"):
                    self.unlabelled.append(attrs.get("name"))

        def handle_endtag(self, tag):
            if tag == "label":
                self.depth -= 1
    controls = Controls()
    controls.feed(html)
    assert controls.unlabelled == []
    assert 'aria-label="5. Наркозависимые' in html or "5. " in html


def test_s29_the_annual_report_is_made_and_downloaded(tmp_path: Path):
    ws, browser, _fields = _opened(tmp_path)
    assert 'id="report-files"' not in browser.get(URL).text
    answer = browser.post(f"{URL}/report", data={"csrf": ws.keys.csrf})
    assert answer.status_code == 200 and 'id="report-written"' in answer.text
    assert (ws.outputs / "reports" / "2026" / "annual-report.ru.docx").is_file()
    assert (ws.outputs / "reports" / "2026" / "annual-package.json").is_file()
    link = answer.text.split('id="report-files"')[1].split('href="')[1].split('"')[0]
    download = browser.get(link)
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert 'id="report-files"' in browser.get(URL).text           # the downloads stay on the page


def test_s29_the_year_page_links_the_indicators_of_its_year_and_the_composition(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    links = browser.get("/?year=2026").text.split('id="year-links"')[1].split("</p>")[0]
    assert 'href="/indicators/2026"' in links and "Годовые показатели 2026" in links and "Состав штаба" in links
    assert 'href="/indicators/' in browser.get("/meetings").text.split("<nav")[1]      # and every page's navigation


def test_s29_a_count_of_campaigns_in_the_years_file_is_edited_as_a_count(tmp_path: Path):
    """IndicatorValues allows `campaigns: 7` in a year's file too: the page shows a count field and saves it."""
    ws = workspace(tmp_path)
    path = ws.inputs / "indicators" / "2026.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("campaigns:\n", 1)
    path.write_text(head + "campaigns: 7\n" + rest[rest.index("actions:"):], encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    browser = client(ws)
    fields = form_fields(browser.get(URL).text, "indicators-form")
    assert ("campaigns", "7") in fields and not any(k.startswith("campaigns.") for k, _v in fields)
    assert post_form(browser, f"{URL}/save", _with(fields, campaigns="8")).status_code == 200
    assert _changed(before, path.read_text(encoding="utf-8")) == ["-campaigns: 7", "+campaigns: 8"]
