"""Findings in the workspace speak the form, not YAML: each names the form's label of its field, sits beside
that field, names a member as the form shows the member, and says what to choose or fill in; the command line
keeps `file:line: message`."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.locale.messages import Message, translations
from pipeline.web.formwords import IN_THE_FORM, in_the_form, place_words
from tests.support.web import client, form_fields, post_form, workspace

# what a finding in the workspace never says: a quoted key or id, a snake_case key, `key: value`, a file name,
# a Latin member id, a line number first
YAML = re.compile(r"'[a-z_.]+'|\b[a-z]+_[a-z_]+\b|\b[a-z_]+: [\[{a-z0-9]|\.yaml\b|\bids?\b|"
                  r"\b(akim|police|knb|sport|secretary|deputy_akim)\b|^\d+:")


class _Slot(HTMLParser):
    """The text of the element with one id (a finding slot beside a field)."""

    def __init__(self, wanted: str) -> None:
        super().__init__()
        self.wanted, self.depth, self.text = wanted, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == self.wanted:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def slot_text(html: str, slot: str) -> str:
    parser = _Slot(slot)
    parser.feed(html)
    return "".join(parser.text).strip()


MEETING = "meetings/2026-05.yaml"
PLAN = "plans/2026-H2.yaml"
CONTROL = "control/2026.yaml"

# (the file, what the secretary's mistake did to it, the page, the slot beside the field, in ru, in kk)
CASES = [
    pytest.param(MEETING, ("  date: 2026-11-12\n", ""), "/meetings/2026-05", "fd-agenda_approved",
                 "Повестку утвердил: не заполнено поле «Дата»: заполните его",
                 "Күн тәртібін бекіткен: «Күні» өрісі толтырылмаған: оны толтырыңыз", id="missing-key-s22"),
    pytest.param(MEETING, ("    vote: unanimous", "    vote: {against: [sport]}"), "/meetings/2026-05",
                 "fd-items-0-vote",
                 "Вопрос 1 — Голосование: «Б. Жунусов» отмечен в голосовании как «против», но не является "
                 "присутствовавшим членом с правом голоса",
                 "1-мәселе — Дауыс беру: «Б. Жунусов» дауыс беруде «қарсы» деп белгіленген", id="vote-of-absent-s20"),
    pytest.param(MEETING, ("    vote: unanimous", "    vote:\n      against:\n        - sport"), "/meetings/2026-05",
                 "fd-items-0-vote",                 # a line of a list has no slot: said beside the vote
                 "Вопрос 1 — Голосование: «Б. Жунусов» отмечен в голосовании как «против»",
                 "1-мәселе — Дауыс беру: «Б. Жунусов» дауыс беруде «қарсы» деп белгіленген",
                 id="vote-of-absent-a-line-of-a-list-s20"),
    pytest.param(MEETING, ("chair: akim", "chair: police"), "/meetings/2026-05", "fd-chair",
                 "Председательствующий: руководитель «О. Нургалиев» присутствует и председательствует он, а не "
                 "«Е. Жаксылыков»: выберите руководителя в поле «Председательствующий»",
                 "Төрағалық етуші: басшы «О. Нургалиев» қатысып отыр, сондықтан", id="chair-s25.1"),
    pytest.param(MEETING, ("  - knb\n", ""), "/meetings/2026-05", "fd-absent",
                 "«С. Ахметов» — член штаба на 19.11.2026, но не отмечен ни присутствующим, ни отсутствующим: "
                 "отметьте одно из двух в разделе «Присутствие»",
                 "«С. Ахметов» 19.11.2026 күні Штаб мүшесі, бірақ қатысты деп те, қатыспады деп те белгіленбеген",
                 id="neither-present-nor-absent-s20"),
    pytest.param(MEETING, ("  drawn_up: 2026-11-20", "  drawn_up: 2026-11-10"), "/meetings/2026-05",
                 "fd-protocol",                     # the protocol's row of fields has one slot
                 "Протокол: протокол датирован раньше заседания: «Дата оформления» — день "
                 "заседания или следующий день",
                 "Хаттама: хаттама отырыстан бұрынғы күнмен ресімделген",
                 id="drawn-up-before-s23"),
    pytest.param(PLAN, ("  - item: 5\n    action: exclude", "  - item: 5\n    action: add"), "/plans/2026-H2",
                 "fd-changes-0",
                 "Изменение 1: добавленный вопрос получает новый номер («№»), а не номер вопроса плана "
                 "(«Вопрос»)",
                 "Өзгеріс 1: қосылған мәселе жоспардағы мәселенің нөмірін («Мәселе») емес, жаңа нөмір («№»)",
                 id="added-question-numbered-s18"),
    pytest.param(CONTROL, ("  status: done\n  date: 2026-05-29\n", "  status: done\n  date: 2026-05-29\n"
                           "  new_due: 2026-12-31\n"), "/control/2026", "fd-1",
                 "предупреждение: поле «Новый срок» учитывается только при статусе «срок продлен» (здесь «исполнено»)",
                 "ескерту: «Жаңа мерзімі» тек «мерзімі ұзартылды» мәртебесінде ескеріледі",
                 id="new-due-not-extended-s24"),
]


@pytest.mark.parametrize("file, edit, url, slot, ru, kk", CASES)
def test_a_finding_beside_its_field_speaks_the_form(request, tmp_path: Path, file, edit, url, slot, ru, kk):
    """As the page is drawn, and as the live check refills the slots (the page's slots sent by its script);
    the vote of a member marked absent is shown by the page, and the form as sent clears it."""
    live = "vote-of-absent" not in request.node.callspec.id
    ws = workspace(tmp_path)
    path = ws.inputs / file
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    browser = client(ws)
    for lang, words in (("ru", ru), ("kk", kk)):
        browser.get(f"/lang/{lang}")
        drawn = browser.get(url).text
        slots = " ".join(re.findall(r'class="fd" id="([^"]+)"', drawn))
        form = next(name for name in ("meeting-form", "plan-form", "control-form") if f'id="{name}"' in drawn)
        checked = post_form(browser, f"{url}/check", form_fields(drawn, form) + [("__slots", slots)]).text
        for said in (slot_text(drawn, slot), slot_text(checked, slot)) if live else (slot_text(drawn, slot),):
            assert words in said, said
            assert not YAML.search(said), said


def test_the_command_line_keeps_file_line_and_the_files_words(tmp_path: Path):
    """The same finding as `check` prints it: the file and line, the key and the id as written in the file."""
    import datetime as dt

    from pipeline import stages
    ws = workspace(tmp_path)
    path = ws.inputs / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace("    vote: unanimous", "    vote: {against: [sport]}", 1),
                    encoding="utf-8")
    findings = stages.check_project(stages.prepare(ws.inputs, dt.date(2026, 12, 1)))
    said = [f.render("ru") for f in findings if f.rule == "§20" and "vote." in f.render("ru")]
    assert len(said) == 1 and re.match(r".*meetings/2026-05\.yaml:\d+: 'sport' указан в vote\.against", said[0])


def test_a_whole_page_finding_names_its_place_in_the_form_labels(tmp_path: Path):
    """The year page lists findings of every file: the place the check names («question 1, agenda_approved»)
    in the form's labels, then the form's words."""
    ws = workspace(tmp_path)
    path = ws.inputs / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace("  date: 2026-11-12\n", "", 1), encoding="utf-8")
    browser = client(ws)
    browser.get("/lang/ru")
    page = browser.get("/").text
    assert "Повестку утвердил: не заполнено поле «Дата»: заполните его" in page
    assert "нет ключа" not in page and "agenda_approved" not in page


@pytest.mark.parametrize("key", sorted(IN_THE_FORM))
def test_every_form_wording_replaces_a_message_the_checks_still_say(key):
    """A rule's reworded message would leave its form wording behind unseen: each key is still a msgid of the
    catalogue (make messages keeps only the msgids the code says), and its form wording is translated."""
    for lang in ("kk", "ru"):
        assert translations(lang).gettext(key) != key, f"no check says {key!r} any more"
        wording = IN_THE_FORM[key].key
        assert translations(lang).gettext(wording) != wording, f"{wording!r} has no {lang} words"


@pytest.mark.parametrize("key", sorted(IN_THE_FORM))
def test_no_form_wording_speaks_yaml(key):
    """Each form wording, its values filled as a check fills them (ids, keys, codes), in kk and ru."""
    names = re.findall(r"\{(\w+)\}", key)
    sample = {"member": "knb", "head": "akim", "chair": "police", "key": "date", "side": "against",
              "status": "done", "action": "postpone", "working_body": "working_body", "date": "2026-11-19",
              "held": "2026-11-19", "due": "2026-10-15", "what": Message("an unknown member id")}
    values = tuple((name, sample.get(name, "7")) for name in names)
    people = {"knb": "С. Ахметов", "akim": "О. Нургалиев", "police": "Е. Жаксылыков"}
    for lang in ("kk", "ru"):
        _place, said = in_the_form(Message(key, values), lang, people)
        assert not YAML.search(said), (lang, said)


@pytest.mark.parametrize("place, ru, kk", [
    ((Message("question {n}", (("n", 2),)), "vote.against"), "Вопрос 2 — Голосование — против", "2-мәселе — Дауыс беру — қарсы"),
    (("agenda_approved",), "Повестку утвердил", "Күн тәртібін бекіткен"),
    ((Message("question {n}", (("n", 1),)), Message("decision {n}", (("n", 3),)), "due"),
     "Вопрос 1 — Решение 3 — Срок (дата или текст)", "1-мәселе — Шешім 3 — Мерзімі (күні немесе мәтін)"),
])
def test_a_place_in_the_file_in_the_form_labels(place, ru, kk):
    assert (place_words(place, "ru"), place_words(place, "kk")) == (ru, kk)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_new_plans_placeholders_show_as_empty_fields_and_stay_in_the_file_until_typed_over(tmp_path: Path, lang):
    """A scaffold's <<...>> (in the language it was made in) is never shown as a value nor quoted in a finding:
    the field is empty, the finding says to fill it in; saved untouched, the file keeps every placeholder."""
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get(f"/lang/{lang}")
    plan = browser.post("/plans/new", data={"csrf": ws.keys.csrf}, follow_redirects=False).headers["location"]
    path = ws.inputs / "plans" / f"{plan.rsplit('/', 1)[1]}.yaml"
    page = browser.get(plan).text
    assert "&lt;&lt;" not in page and ("к заполнению" if lang == "ru" else "толтырылмаған") in page
    before = path.read_bytes()
    fields = form_fields(page, "plan-form")
    assert post_form(browser, f"{plan}/save", fields).status_code == 200
    assert path.read_bytes() == before
    typed = [(k, "Отдел образования" if k == "items.0.responsible.ru" else v) for k, v in fields]
    assert post_form(browser, f"{plan}/save", typed).status_code == 200
    after = path.read_text(encoding="utf-8")
    assert "Отдел образования" in after and "<<баяндайтын орган>>" in after      # the kk placeholder stays
