"""A whole year of a new Штаб from the browser, without opening a file: Playwright drives Debian's chromium.

The project is made by `shtab init`; the test writes only the composition
(body.yaml, Appendix 1 of the akimat's resolution). Everything after that is
typed into the workspace's pages: the first half-year plan (§16-17), four
meetings — a regular one signed, sent out as extracts and then corrected through
its page with a reason (§15, §23), one
extraordinary called by more than half of the members (§12), one with a split
vote and a dissenting opinion (§13, §14), one with invited persons and an
outside speaker (§21) —, the second half-year's plan, a member joining the
composition from a day, the reminders of the year page, the reminder letters and
the status report for a chosen day (§24, §27.1, §28), the control of the
assignments, the annual indicators with last year's figures (§29), and the
year's documents with the annual report (§9.5, §26.7).
The workspace's clock moves through the year with her (`Year.today`).

Each step is one small function; the one test runs them in order, as her year does.
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.web import test_web_browser as journeys
from tests.web.test_web_browser import CHROMIUM

browser = journeys.browser                                   # the journeys' fixture: one chromium

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)")

# Appendix 1 of a new Штаб: N = head + 2 deputies + 5 members = 8 (the secretary does not vote).
# §20: a quorum is 6 present (6 × 3 ≥ 8 × 2); §12: an extraordinary meeting needs 5 initiators (5 × 2 > 8);
# §13: a decision is adopted with 5 votes for (5 × 2 > 8).
BODY = """\
name:
  kk: Жітіқара ауданы әкімдігі жанындағы нашақорлықтың алдын алу және есірткі қылмысына қарсы іс-қимыл жөніндегі мемлекеттік органдардың қызметін үйлестіру жөніндегі ведомствоаралық штаб
  ru: Межведомственный штаб по координации деятельности государственных органов по профилактике наркомании и противодействию наркопреступности при акимате Житикаринского района
akimat: {kk: Жітіқара ауданының әкімдігі, ru: Акимат Житикаринского района}
seat: {kk: Жітіқара қаласы, ru: город Житикара}
established: {number: "112", date: 2027-03-10}
working_body:
  kk: '"Жітіқара ауданы әкімінің аппараты" мемлекеттік мекемесі'
  ru: государственное учреждение «Аппарат акима Житикаринского района»
authorized_body:
  kk: Қазақстан Республикасы Ішкі істер министрлігі
  ru: Министерство внутренних дел Республики Казахстан
languages: [kk, ru]
members:
  - id: akim
    name: Т. Исмагулов
    position: {kk: Жітіқара ауданының әкімі, ru: аким Житикаринского района}
    role: head
  - id: deputy_akim
    name: Г. Ахметова
    position: {kk: Жітіқара ауданы әкімінің орынбасары, ru: заместитель акима Житикаринского района}
    role: deputy_head
  - id: police
    name: Р. Жумабаев
    position: {kk: Жітіқара ауданы полиция бөлімінің бастығы, ru: начальник отдела полиции Житикаринского района}
    role: deputy_head
    by_agreement: true
  - id: secretary
    name: А. Сарсенова
    phone: 8 (71435) 2-11-40
    position: {kk: аудан әкімі аппаратының бас маманы, ru: главный специалист аппарата акима района}
    role: secretary
  - id: prosecutor
    name: Е. Касымов
    position: {kk: Жітіқара ауданының прокуроры, ru: прокурор Житикаринского района}
    role: member
    by_agreement: true
  - id: health
    name: Л. Омарова
    position: {kk: аудандық аурухананың бас дәрігері, ru: главный врач районной больницы}
    role: member
    by_agreement: true
  - id: education
    name: С. Бекова
    position: {kk: аудандық білім бөлімінің басшысы, ru: руководитель районного отдела образования}
    role: member
  - id: sport
    name: Д. Нурланов
    position: {kk: аудандық дене шынықтыру және спорт бөлімінің басшысы, ru: руководитель районного отдела физической культуры и спорта}
    role: member
  - id: youth
    name: М. Кенжебаева
    position: {kk: жастар ресурстық орталығының директоры, ru: директор молодёжного ресурсного центра}
    role: member
"""


WRITING = 180_000      # ms: writing documents seals protocols (LibreOffice's PDF/A), slow on a busy machine


@dataclass
class Year:
    """The project, its served workspace, and the day the workspace believes it is."""

    root: Path
    base: str = ""
    day: list[dt.date] = field(default_factory=lambda: [dt.date(2027, 3, 15)])

    @property
    def inputs(self) -> Path:
        return self.root / "inputs"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    def today(self) -> dt.date:
        return self.day[0]

    def on(self, day: str) -> None:
        self.day[0] = dt.date.fromisoformat(day)


@pytest.fixture
def year(tmp_path: Path, monkeypatch):
    """`shtab init`, the composition written, the workspace served on a free port of 127.0.0.1."""
    import uvicorn

    from pipeline.web.app import create_app
    from pipeline.web.pages import Workspace
    made = subprocess.run([sys.executable, "-m", "pipeline", "--ui-lang", "ru", "init", "zhitikara"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    state = Year(tmp_path / "zhitikara")
    (state.inputs / "body.yaml").write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(state.root)                     # files named as the secretary sees them: inputs/...
    ws = Workspace(state.inputs, state.outputs, today=state.today)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ws), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the workspace did not start"
        time.sleep(0.05)
    state.base = f"http://127.0.0.1:{port}"
    state.start = f"{state.base}/?token={ws.keys.token}"
    yield state
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def page(browser, year):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(year.start)
    yield page
    context.close()


# ---------------------------------------------------------------- what every step does


def goto(page, year: Year, path: str) -> None:
    page.goto(year.base + path)
    page.wait_for_load_state("load")


def pair(page, name: str, kk: str, ru: str) -> None:
    """A text in both languages: the `name.kk` and `name.ru` fields of the form."""
    page.fill(f"[name='{name}.kk']", kk)
    page.fill(f"[name='{name}.ru']", ru)


def save(page) -> None:
    """«Сохранить», and «Сохранено» said where she looks."""
    page.evaluate("document.querySelector('#status').innerHTML = ''")
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    said = page.locator("#status").inner_text()
    assert said.startswith("Сохранено"), said


def grow(page, button: str, appears: str) -> None:
    """A button that adds a block to the form (a question, a decision, a person), and the block drawn."""
    page.click(button)
    page.wait_for_selector(appears)


def left_to_fill(path: Path) -> list[str]:
    """The lines of a file still holding a <<...>> to fill in (its comments aside)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if "<<" in line.split("#")[0] and not line.lstrip().startswith("#")]


def no_errors(page, year: Year) -> None:
    """The year page counts no error among the findings."""
    goto(page, year, "/")
    errors = page.locator("#findings-count .figure").inner_text().split("/")[0].strip()
    assert errors == "0", page.locator("main .findings").inner_text()


# ---------------------------------------------------------------- the steps of her year


def first_plan(page, year: Year) -> None:
    """§16-17: the new Штаб's first plan, for the half-year of the day she chooses, from the plans page."""
    goto(page, year, "/plans")
    page.fill("input[name=date]", "2027-03-20")
    page.click("#create-plan")
    page.wait_for_url("**/plans/2027-H1")
    page.fill("input[name='approved.date']", "2027-03-22")
    page.fill("input[name=sent_to_members]", "2027-03-24")
    question(page, 0, "2", "Жасөспірімдер арасында есірткінің таралуының алдын алу туралы",
             "О профилактике распространения наркотиков среди подростков",
             ("Аудандық білім бөлімі", "Районный отдел образования"), "education")
    save(page)
    assert left_to_fill(year.inputs / "plans" / "2027-H1.yaml") == []


def question(page, i: int, when: str, kk: str, ru: str, responsible: tuple[str, str], proposed_by: str) -> None:
    n = f"items.{i}"
    page.fill(f"input[name='{n}.no']", str(i + 1))
    page.fill(f"input[name='{n}.when']", when)
    pair(page, f"{n}.title", kk, ru)
    pair(page, f"{n}.responsible", *responsible)
    page.select_option(f"select[name='{n}.proposed_by']", proposed_by)


def new_meeting(page, year: Year, day: str, meeting: str) -> None:
    """«Новое заседание» on the day she types (not today), then the parts of the form every meeting fills."""
    goto(page, year, "/meetings")
    page.fill("input[name=date]", day)
    page.click("#create-meeting")
    page.wait_for_url(f"**/meetings/{meeting}")
    page.fill("input[name=time]", "10:00")
    pair(page, "place", "аудан әкімдігінің мәжіліс залы", "актовый зал акимата района")
    before = dt.date.fromisoformat(day)
    page.fill("input[name='agenda_approved.date']", (before - dt.timedelta(days=7)).isoformat())
    page.fill("input[name=documents_sent]", (before - dt.timedelta(days=4)).isoformat())


def heard_and_decided(page, i: int, speaker: str, heard: tuple[str, str], decision: tuple[str, str],
                      responsible: tuple[str, str], due: str) -> None:
    """One question as heard: its speaker, the summary, one decision with its responsible body and deadline."""
    n = f"items.{i}"
    page.check(f"input[name='{n}.speakers'][value={speaker}]")
    pair(page, f"{n}.heard", *heard)
    grow(page, f"#item-{i} >> text=Добавить решение", f"[name='{n}.decisions.0.text.kk']")
    pair(page, f"{n}.decisions.0.text", *decision)
    pair(page, f"{n}.decisions.0.responsible", *responsible)
    page.fill(f"input[name='{n}.decisions.0.due']", due)


def protocol_drawn_up(page, day: str) -> None:
    page.fill("input[name='protocol.drawn_up']", day)
    page.select_option("select[name='protocol.signed_by']", "akim")


def sign(page) -> None:
    """§15, §23: the protocol marked signed, after the confirmation that lists the gate's checks."""
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("input[name='protocol.signed']")
    assert "§23" in asked[0] and page.is_checked("input[name='protocol.signed']")
    save(page)


def first_meeting(page, year: Year) -> None:
    """A regular meeting of the second quarter hears the plan's question (§12, §18), its protocol signed."""
    year.on("2027-05-14")
    new_meeting(page, year, "2027-05-13", "2027-01")
    assert page.locator("select[name='items.0.plan']").input_value() == "2027-H1/1"     # the plan's question
    heard_and_decided(page, 0, "education",
                      ("Білім бөлімінің басшысы мектептердегі алдын алу жұмысы туралы баяндады.",
                       "Руководитель отдела образования доложил о профилактической работе в школах."),
                      ("Мектептерде нашақорлықтың алдын алу бағдарламаларын кеңейту.",
                       "Расширить программы профилактики наркомании в школах."),
                      ("Аудандық білім бөлімі", "Районный отдел образования"), "2027-07-01")
    protocol_drawn_up(page, "2027-05-14")
    save(page)
    sign(page)
    meeting = year.inputs / "meetings" / "2027-01.yaml"
    assert left_to_fill(meeting) == [] and "signed: true" in meeting.read_text(encoding="utf-8")


def meeting_documents(page, year: Year, meeting: str) -> None:
    """«Сформировать документы этого заседания» on the documents page."""
    goto(page, year, "/documents")
    page.click(f"#generate-{meeting}")
    page.wait_for_selector("#written, #refused, main .panel.error", timeout=WRITING)
    assert page.locator("#written").count() == 1, page.locator("main").inner_text()[:3000]


def download(page, tmp_path: Path, output: str) -> str:
    """A document downloaded from its row of the documents page, read back as its text."""
    row = page.locator(f"tr[data-output='{output}']")
    return fetched(page, row.locator("a[download]").first, tmp_path / output.replace("/", "-"))


def fetched(page, link, saved: Path) -> str:
    """The DOCX a link downloads, read back as the text of its paragraphs and table cells."""
    import docx
    with page.expect_download() as got:
        link.click()
    got.value.save_as(saved)
    document = docx.Document(str(saved))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\xa0", " ")   # initials kept together


def extracts_sent(page, year: Year, tmp_path: Path) -> None:
    """§23: the signed protocol sealed, and one extract for the body its decision names."""
    meeting_documents(page, year, "2027-01")
    assert (year.root / "records" / "meetings" / "2027-01" / "protocol.ru.docx").exists()     # sealed
    extract = download(page, tmp_path, "meetings/2027-01/extracts/01-raionnyi-otdel-obrazovaniia.ru.docx")
    assert "Расширить программы профилактики наркомании в школах." in extract and "до 1 июля 2027 года" in extract


def protocol_corrected(page, year: Year, tmp_path: Path) -> None:
    """§15: a slip found in the signed protocol (the meeting began at 10:30) is put right through the correction
    page with its reason: a new version sealed, the signed one kept in records/ as it was."""
    year.on("2027-05-17")
    goto(page, year, "/meetings/2027-01")
    assert page.locator("#meeting-form[inert]").count() == 1                       # signed: read-only
    page.click("#correct-link")
    page.wait_for_selector("#reason")
    page.fill("input[name=time]", "10:30")
    page.fill("#reason", "время начала заседания указано неверно")
    page.click("#seal-correction")
    page.wait_for_url("**/meetings/2027-01?corrected=2", timeout=WRITING)
    assert "Версия 2" in page.locator("#corrected").inner_text()
    records = year.root / "records" / "meetings" / "2027-01"
    assert (records / "protocol.ru.docx").exists() and (records / "protocol.ru.2.docx").exists()
    goto(page, year, "/documents")
    protocol = download(page, tmp_path, "meetings/2027-01/protocol.ru.docx")          # outputs/ holds version 2
    assert "10:30" in protocol and "10:00" not in protocol


def extraordinary_meeting(page, year: Year, tmp_path: Path) -> None:
    """§12: five of the eight members call a meeting (5 × 2 > 8) on a question of their own; its notice (§22)
    says who called it, then the meeting is held and signed."""
    year.on("2027-06-03")
    new_meeting(page, year, "2027-06-10", "2027-02")
    page.select_option("select[name=kind]", "extraordinary")
    if page.locator("details:has(input[name=initiated_by])").get_attribute("open") is None:   # not opened by the choice
        page.click("details:has(input[name=initiated_by]) > summary")
    for member in ("deputy_akim", "police", "prosecutor", "health", "youth"):
        page.check(f"input[name=initiated_by][value={member}]")
    page.select_option("select[name='items.0.plan']", "")
    pair(page, "items.0.title", "Қала аумағындағы «закладкалар» туралы",
         "О «закладках» на территории города")
    save(page)
    meeting_documents(page, year, "2027-02")
    notice = download(page, tmp_path, "meetings/2027-02/notice.ru.docx")
    assert "по инициативе 5 из 8 членов штаба" in notice, notice
    year.on("2027-06-11")
    goto(page, year, "/meetings/2027-02")
    heard_and_decided(page, 0, "police",
                      ("Полиция бөлімінің бастығы «закладкалар» табылған орындар туралы баяндады.",
                       "Начальник отдела полиции доложил о местах, где найдены «закладки»."),
                      ("Қаладағы қабырғалардағы есірткі жарнамасын жою.",
                       "Удалить рекламу наркотиков на стенах зданий города."),
                      ("Жітіқара ауданының полиция бөлімі", "Отдел полиции Житикаринского района"), "2027-09-30")
    protocol_drawn_up(page, "2027-06-11")
    save(page)
    sign(page)


def reminders_then_done(page, year: Year) -> None:
    """§24: an assignment due within two weeks is in the year page's reminders; marked done on the control page,
    it leaves them."""
    year.on("2027-06-20")
    goto(page, year, "/")
    assert "2027-01/1.1" in page.locator("#reminders").inner_text()
    goto(page, year, "/control/2027")
    row = page.locator("#row-2027-01-1-1")
    row.locator("select").select_option("done")
    row.locator("input[type=date]").first.fill("2027-06-28")
    save(page)
    year.on("2027-06-29")
    goto(page, year, "/")
    assert "2027-01/1.1" not in page.locator("main").inner_text().split("Напоминания")[1]


def second_plan(page, year: Year) -> None:
    """§16-17: the second half-year's plan, the one after the latest, with a question for each quarter."""
    year.on("2027-06-25")
    goto(page, year, "/plans")
    page.click("#create-plan")
    page.wait_for_url("**/plans/2027-H2")
    page.fill("input[name='approved.date']", "2027-06-28")
    page.fill("input[name=sent_to_members]", "2027-06-30")
    question(page, 0, "3", "Спорт секцияларына жастарды тарту туралы", "О привлечении молодёжи в спортивные секции",
             ("Дене шынықтыру және спорт бөлімі", "Отдел физической культуры и спорта"), "sport")
    grow(page, "#questions >> text=Добавить вопрос", "[name='items.1.title.kk']")
    question(page, 1, "4", "Есірткіге тәуелді адамдарды оңалту туралы", "О реабилитации наркозависимых лиц",
             ("Аудандық аурухана", "Районная больница"), "health")
    save(page)
    assert left_to_fill(year.inputs / "plans" / "2027-H2.yaml") == []
    goto(page, year, "/plans")
    assert "О реабилитации наркозависимых лиц" in page.locator("#plan-2027-H2").inner_text()


def a_member_joins(page, year: Year) -> None:
    """Appendix 1 changed by the akimat: a ninth member from 1 July, typed on the composition page; N is 9 from
    that day (§20: still 6 for a quorum; §13: still 5 votes to adopt)."""
    year.on("2027-07-01")
    goto(page, year, "/composition")
    members = page.locator("section.member").count()
    page.click("#add-member")
    page.wait_for_function(f"() => document.querySelectorAll('section.member').length > {members}",
                           polling=100)                # drawn (animation frames can pause: poll by time)
    new = page.locator("section.member").last
    new.locator("input[name$='.id']").fill("ngo")
    new.locator("input[name$='.name']").fill("А. Бекова")
    new.locator("textarea[name$='.position.kk']").fill("«Сенім» қоғамдық бірлестігінің төрайымы")
    new.locator("textarea[name$='.position.ru']").fill("председатель общественного объединения «Сенім»")
    new.locator("input[value=member]").check()
    new.locator("input[name$='.since']").fill("2027-07-01")
    save(page)
    page.fill("#in-force-day", "2027-06-30")
    page.wait_for_function("() => !document.querySelector('#in-force li[data-member=ngo]')")
    page.fill("#in-force-day", "2027-07-01")
    page.wait_for_selector("#in-force li[data-member=ngo]")
    assert "9 из них учитываются в кворуме и голосуют (N)" in page.locator("#in-force").inner_text()


def split_vote_meeting(page, year: Year) -> None:
    """§13, §14: one member absent with a reason; one votes against, one abstains, five for — adopted (5 × 2 > 8);
    the one against states a dissenting opinion."""
    year.on("2027-09-17")
    new_meeting(page, year, "2027-09-16", "2027-03")
    page.check("input[name='att.youth'][value=absent]")
    pair(page, "absent.youth.reason", "демалыста", "в отпуске")
    heard_and_decided(page, 0, "sport",
                      ("Спорт бөлімінің басшысы тегін секциялар туралы баяндады.",
                       "Руководитель отдела спорта доложил о бесплатных секциях."),
                      ("Ауылдық округтерде үш тегін секция ашу.", "Открыть три бесплатные секции в сельских округах."),
                      ("Дене шынықтыру және спорт бөлімі", "Отдел физической культуры и спорта"), "2027-12-01")
    page.check("input[name='items.0.vote'][value=counted]")
    page.check("input[name='items.0.ballot.health'][value=against]")
    page.check("input[name='items.0.ballot.sport'][value=abstained]")
    grow(page, "#item-0 >> text=Добавить особое мнение", "select[name='items.0.dissent.0.member']")
    page.select_option("select[name='items.0.dissent.0.member']", "health")
    page.fill("input[name='items.0.dissent.0.date']", "2027-09-16")
    pair(page, "items.0.dissent.0.text", "Секциялардан бұрын оңалту орталығын қаржыландыру қажет деп санаймын.",
         "Считаю, что прежде секций нужно финансировать центр реабилитации.")
    protocol_drawn_up(page, "2027-09-17")
    save(page)
    sign(page)
    text = (year.inputs / "meetings" / "2027-03.yaml").read_text(encoding="utf-8")
    assert "vote: {against: [health], abstained: [sport]}" in text and "member: youth" in text


def reminders_and_status_for_a_day(page, year: Year, tmp_path: Path) -> None:
    """§24, §27.1, §28: the reminder letters and the status report for the day she chooses, downloaded."""
    year.on("2027-09-20")
    goto(page, year, "/documents")
    page.click("#dated-link")
    page.wait_for_selector("#dated-form")
    page.fill("#as-of", "2027-09-20")
    page.fill("#within", "14")
    page.click("#show-dated")
    page.wait_for_selector("#status-as-of:has-text('20.09.2027')")
    assert "2027-02/1.1" in page.locator("#reminders").inner_text()                 # due 30.09.2027
    assert "2027-01/1.1" not in page.locator("#reminders").inner_text()             # done in June
    page.click("#make-reminders")
    page.wait_for_selector("#written", timeout=WRITING)
    page.click("#make-status")
    page.wait_for_selector("#written:has-text('справка')", timeout=WRITING)
    day = page.locator("#dated-2027-09-20")
    letters = day.locator("tbody tr", has=page.locator("code", has_text=".ru")).filter(has_not_text="status-")
    assert letters.count() == 1                                                      # one body has a deadline near
    letter = fetched(page, letters.first.locator("a[download]").first, tmp_path / "reminder.ru.docx")
    assert "Удалить рекламу наркотиков на стенах зданий города." in letter and "Отделу полиции Житикаринского района" in letter
    status = fetched(page, day.locator("tr:has-text('status-2027-09-20.ru') a[download]").first,
                     tmp_path / "status.ru.docx")
    assert "20 сентября 2027" in status


def invited_meeting(page, year: Year) -> None:
    """§21: an invited person and a speaker who is no member, typed in the form; they print in the protocol."""
    year.on("2027-11-19")
    new_meeting(page, year, "2027-11-18", "2027-04")
    grow(page, "#add-invited", "[name='invited.0.name.kk']")
    pair(page, "invited.0.name", "Н. Серікова", "Н. Серикова")
    pair(page, "invited.0.position", "«Сенім» қоғамдық бірлестігінің төрағасы", "председатель общественного объединения «Сенім»")
    grow(page, "#add-outside-0", "[name='items.0.outside.0.name.kk']")
    pair(page, "items.0.outside.0.name", "Б. Оспанов", "Б. Оспанов")
    pair(page, "items.0.outside.0.position", "оңалту орталығының психологы", "психолог центра реабилитации")
    heard_and_decided(page, 0, "health",
                      ("Бас дәрігер оңалту бағдарламасы туралы баяндады.",
                       "Главный врач доложила о программе реабилитации."),
                      ("Оңалту орталығымен ынтымақтастық туралы меморандум жасасу.",
                       "Заключить меморандум о сотрудничестве с центром реабилитации."),
                      ("Аудандық аурухана", "Районная больница"), "2028-02-01")
    protocol_drawn_up(page, "2027-11-19")
    save(page)
    sign(page)


def protocols_read_back(page, year: Year, tmp_path: Path) -> None:
    """The year's protocols made and sealed; what she typed is in them, in her words."""
    meeting_documents(page, year, "2027-03")
    meeting_documents(page, year, "2027-04")
    split = download(page, tmp_path, "meetings/2027-03/protocol.ru.docx")
    assert "Считаю, что прежде секций нужно финансировать центр реабилитации." in split
    assert "против" in split and "воздерж" in split and "в отпуске" in split
    invited = download(page, tmp_path, "meetings/2027-04/protocol.ru.docx")
    assert "председатель общественного объединения «Сенім» Н. Серикова" in invited          # the invited
    assert "СЛУШАЛИ:\nглавного врача районной больницы Л. Омарову; психолога центра реабилитации Б. Оспанова" in invited


def indicators(page, year: Year) -> None:
    """§29: the year's indicators typed on their page, with last year's figures (`previous:`: the new Штаб has no
    file of 2026); an action counts only with at least 250 participants."""
    year.on("2028-01-18")
    goto(page, year, "/")
    page.click("nav >> text=Годовые показатели")                              # in January: the new year's page
    page.wait_for_url("**/indicators/2028")
    page.click("nav.years >> text=2027")                                       # the year just over
    page.wait_for_url("**/indicators/2027")
    page.fill("input[name='outgoing.number']", "01-12/45")
    page.fill("input[name='outgoing.date']", "2028-01-18")
    for name, now, before in (("sports_sections", "21", "17"), ("ngos", "3", "2"), ("first_identified", "6", "4")):
        page.fill(f"input[name={name}]", now)
        page.fill(f"input[name='previous.{name}']", before)
    grow(page, "#add-campaign", "[name='campaigns.0.date']")
    pair(page, "campaigns.0.title", "«Есірткісіз жаз»", "«Лето без наркотиков»")
    pair(page, "campaigns.0.audience", "мектеп оқушылары", "школьники")
    page.fill("input[name='campaigns.0.date']", "2027-06-01")
    for i, (kk, ru, day, people) in enumerate((("«Біз спорт үшін»", "«Мы за спорт»", "2027-06-26", "320"),
                                               ("«Сау ұрпақ»", "«Здоровое поколение»", "2027-09-10", "120"))):
        grow(page, "#add-action", f"[name='actions.{i}.participants']")
        pair(page, f"actions.{i}.title", kk, ru)
        page.fill(f"input[name='actions.{i}.date']", day)
        page.fill(f"input[name='actions.{i}.participants']", people)
    page.press("input[name='actions.1.participants']", "Tab")
    page.wait_for_function("() => document.querySelector('#counts-1').innerText.includes('менее 250 участников')")
    assert page.locator("#counts-0").inner_text().strip() == "учитывается"
    assert "учтено (не менее 250 участников, §29): 1" in page.locator("#note-actions").inner_text()
    save(page)


def year_end_control(page, year: Year) -> None:
    """§24: at the year's end the other assignments recorded: one done in time, one extended."""
    year.on("2027-12-28")
    goto(page, year, "/")
    page.click("nav >> text=Контроль исполнения поручений")
    page.wait_for_url("**/control/2027")
    done = page.locator("#row-2027-02-1-1")
    done.locator("select").select_option("done")
    done.locator("input[name$='.date']").fill("2027-09-24")
    extended = page.locator("#row-2027-03-1-1")
    extended.locator("select").select_option("extended")
    extended.locator("input[name$='.date']").fill("2027-11-28")
    extended.locator("input[name$='.new_due']").fill("2028-03-01")
    save(page)


def annual_report(page, year: Year, tmp_path: Path) -> None:
    """§9.5, §26.7, §29: after the year, every document made at once, the annual report among them."""
    year.on("2028-01-20")
    goto(page, year, "/documents")
    page.click("#generate")
    page.wait_for_selector("#written, #refused", timeout=WRITING)
    assert page.locator("#refused").count() == 0, page.locator("#refused").inner_text()
    report = download(page, tmp_path, "reports/2027/annual-report.ru.docx")
    assert "В 2027 году проведено заседаний штаба: 4" in report
    assert "Очередные заседания проведены в каждом квартале" in report        # §12: from the quarter established
    counts = report.split("Особые мнения членов штаба (пункт 14 Положения)\n")[1].split("\n")[0]
    assert counts == "1"
    sections = report.split("Количество бесплатных спортивных секций и творческих кружков на территории района\n")[1]
    assert sections.split("\n")[:2] == ["21", "17"]                            # 2027 against 2026 (previous:)
    actions = report.split("– менее 250 участников (не учтены)\n")[1]
    assert actions.split("\n")[0] == "1"
    assert "Просроченные поручения" not in report


def test_a_whole_year_of_a_new_shtab_without_opening_a_file(page, year, tmp_path):
    first_plan(page, year)
    first_meeting(page, year)
    extracts_sent(page, year, tmp_path)
    protocol_corrected(page, year, tmp_path)
    extraordinary_meeting(page, year, tmp_path)
    reminders_then_done(page, year)
    second_plan(page, year)
    a_member_joins(page, year)
    split_vote_meeting(page, year)
    reminders_and_status_for_a_day(page, year, tmp_path)
    invited_meeting(page, year)
    protocols_read_back(page, year, tmp_path)
    year_end_control(page, year)
    indicators(page, year)
    annual_report(page, year, tmp_path)
    no_errors(page, year)
