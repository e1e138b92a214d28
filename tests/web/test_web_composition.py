"""The composition page (body.yaml, Appendix 1, §8, Reading of N): a member leaves (`until`), a new one joins
(`from`), a person or a post replaced from a day; the members in force on a chosen day; comments kept; a short
name the page cannot take is never written."""

from __future__ import annotations

import difflib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.web import client, form_fields, post_form, workspace

URL = "/composition"


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _opened(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    return ws, browser, form_fields(browser.get(URL).text, "body-form")


def _with(fields, typed: dict[str, str]):
    typed = dict(typed)
    return [(k, typed.pop(k, v)) for k, v in fields] + list(typed.items())


def _index(ws, member: str) -> int:
    from pipeline.web import yamledit
    tree = yamledit.load(ws.inputs / "body.yaml").tree
    return [m["id"] for m in tree["members"]].index(member)


def test_s8_the_form_saved_untouched_writes_nothing(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    before = (ws.inputs / "body.yaml").read_bytes()
    assert len(fields) > 100
    answer = post_form(browser, f"{URL}/save", fields)
    assert answer.status_code == 200 and 'id="saved"' in answer.text
    assert (ws.inputs / "body.yaml").read_bytes() == before


def test_s8_a_member_leaves_on_a_day_and_is_not_in_force_after_it(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "body.yaml"
    before = path.read_text(encoding="utf-8")
    i = _index(ws, "college")
    assert post_form(browser, f"{URL}/save", _with(fields, {f"members.{i}.until": "2026-12-15"})).status_code == 200
    assert _changed(before, path.read_text(encoding="utf-8")) == ["+    until: 2026-12-15"]
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")            # the comments stay
    on_the_day = browser.get(f"{URL}/in-force?on=2026-12-15").text
    after = browser.get(f"{URL}/in-force?on=2026-12-16").text
    assert 'data-member="college"' in on_the_day and 'data-member="college"' not in after  # until is inclusive
    assert "в составе 17 членов штаба" in on_the_day and "в составе 16 членов штаба" in after


def test_s8_a_new_member_joins_from_a_day(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "body.yaml"
    before = path.read_text(encoding="utf-8")
    grown = form_fields(post_form(browser, f"{URL}/form?add=member", fields).text, "body-form")
    n = len([k for k, _v in fields if k.endswith(".name") and k.count(".") == 2])
    assert (f"members.{n}.id", "") in grown
    typed = {f"members.{n}.id": "ngo_center", f"members.{n}.name": "А. Бекова",
             f"members.{n}.position.kk": "«Сенім» қоғамдық бірлестігінің төрайымы",
             f"members.{n}.position.ru": "председатель общественного объединения «Сенім»",
             f"members.{n}.role": "member", f"members.{n}.by_agreement": "on", f"members.{n}.since": "2026-12-01"}
    answer = post_form(browser, f"{URL}/save", _with(grown, typed))
    assert answer.status_code == 200
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "+  - id: ngo_center", "+    name: А. Бекова", "+    position:",
        "+      kk: «Сенім» қоғамдық бірлестігінің төрайымы", "+      ru: председатель общественного объединения «Сенім»",
        "+    role: member", "+    by_agreement: true", "+    from: 2026-12-01"]
    assert 'data-member="ngo_center"' not in browser.get(f"{URL}/in-force?on=2026-11-30").text
    assert 'data-member="ngo_center"' in browser.get(f"{URL}/in-force?on=2026-12-01").text


def test_s8_a_person_replaced_from_a_day_keeps_the_post_and_the_old_entry(tmp_path: Path):
    """The police chief changes on 1 December: the old entry ends on 30 November, the new one follows it."""
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "body.yaml"
    before = path.read_text(encoding="utf-8")
    i = _index(ws, "police")
    typed = {f"members.{i}.successor.date": "2026-12-01", f"members.{i}.successor.name": "Н. Новиков"}
    assert post_form(browser, f"{URL}/save", _with(fields, typed)).status_code == 200
    text = path.read_text(encoding="utf-8")
    changed = _changed(before, text)
    assert changed[0] == "+    until: 2026-11-30" and changed[1:3] == ["+  - id: police-2026", "+    name: Н. Новиков"]
    assert "+    role: deputy_head" in changed and "+    by_agreement: true" in changed and changed[-1] == "+    from: 2026-12-01"
    new = text.split("- id: police-2026")[1].split("  - id:")[0]
    assert "Отдел полиции Костанайского района" in new          # the post is the post
    from pipeline import stages
    assert not [f for f in stages.prepare(ws.inputs, ws.today()).findings if f.is_error and "body.yaml" in f.loc.file]


@pytest.mark.parametrize("typed, field", [
    ({"members.{police}.successor.date": "2026-12-01", "members.{police}.successor.id": "Полиция",
      "members.{police}.successor.name": "Н. Новиков"}, "members.{police}.successor.id"),       # not a slug
    ({"members.{police}.successor.date": "2026-12-01", "members.{police}.successor.id": "knb",
      "members.{police}.successor.name": "Н. Новиков"}, "members.{police}.successor.id"),       # another's id
    ({"members.{police}.successor.name": "Н. Новиков"}, "members.{police}.successor.date"),    # no day
    ({"members.{police}.successor.date": "2026-12-01"}, "members.{police}.successor.name"),   # nobody new
    ({"members.{police}.until": "2026-02-31"}, "members.{police}.until"),                     # no such day
])
def test_s8_what_the_page_cannot_take_is_never_written(tmp_path: Path, typed, field):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "body.yaml"
    before = path.read_bytes()
    i = _index(ws, "police")
    typed = {k.replace("{police}", str(i)): v for k, v in typed.items()}
    field = field.replace("{police}", str(i))
    answer = post_form(browser, f"{URL}/save", _with(fields, typed))
    assert answer.status_code == 422 and f'data-field="{field}"' in answer.text and "Ничего не сохранено" in answer.text
    assert path.read_bytes() == before


def test_s8_a_replacement_must_begin_after_the_members_own_first_day(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "body.yaml"
    i = _index(ws, "youth")
    assert post_form(browser, f"{URL}/save", _with(fields, {f"members.{i}.since": "2026-03-01"})).status_code == 200
    before = path.read_bytes()
    fields = form_fields(browser.get(URL).text, "body-form")
    for day, status in (("2026-03-01", 422), ("2026-03-02", 200)):                   # the boundary day
        answer = post_form(browser, f"{URL}/save", _with(fields, {f"members.{i}.successor.date": day,
                                                                  f"members.{i}.successor.name": "Е. Жас"}))
        assert answer.status_code == status, day
        if status == 422:
            assert path.read_bytes() == before
    assert "until: 2026-03-01" in path.read_text(encoding="utf-8")


def test_s8_only_an_entry_no_file_names_can_be_removed(tmp_path: Path):
    ws, browser, fields = _opened(tmp_path)
    path = ws.inputs / "body.yaml"
    original = path.read_bytes()
    grown = form_fields(post_form(browser, f"{URL}/form?add=member", fields).text, "body-form")
    n = _index(ws, "mental_health") + 1
    post_form(browser, f"{URL}/save", _with(grown, {f"members.{n}.id": "mistake", f"members.{n}.name": "Ошибка",
                                                      f"members.{n}.position.ru": "ошибка", f"members.{n}.position.kk": "қате"}))
    page = browser.get(URL).text
    assert f'name="members.{n}.remove"' in page
    assert f'name="members.{_index(ws, "police")}.remove"' not in page           # the meetings name the police
    fields = form_fields(page, "body-form")
    assert post_form(browser, f"{URL}/save", _with(fields, {f"members.{n}.remove": "on"})).status_code == 200
    assert path.read_bytes() == original


class _Controls(HTMLParser):
    """Controls without a label, and each radio group's legend."""

    def __init__(self):
        super().__init__()
        self.label = 0
        self.unlabelled: list[str] = []
        self.legends: list[str] = []
        self.in_legend = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.label += 1
        if tag == "legend":
            self.in_legend = True
            self.legends.append("")
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            if not self.label and not attrs.get("aria-label"):
                self.unlabelled.append(attrs.get("name"))

    def handle_endtag(self, tag):
        if tag == "label":
            self.label -= 1
        if tag == "legend":
            self.in_legend = False

    def handle_data(self, data):
        if self.in_legend:
            self.legends[-1] += data


@pytest.mark.parametrize("lang, role, post", [("ru", "Роль", "прокурор Костанайского района"),
                                              ("kk", "Рөлі", "Қостанай ауданының прокуроры")])
def test_s8_every_control_is_labelled_and_each_role_group_is_named_by_the_post(tmp_path: Path, lang, role, post):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get(f"/lang/{lang}")
    controls = _Controls()
    controls.feed(browser.get(URL).text)
    assert controls.unlabelled == []
    assert f"{role} — {post}" in [" ".join(legend.split()) for legend in controls.legends]
