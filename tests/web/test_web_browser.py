"""The workspace in a real browser: Playwright drives Debian's chromium through the secretary's journeys.

The server runs in a thread on a free port of 127.0.0.1 over a copy of the
sample inputs. Playwright cannot download its own browsers here, so it launches
/usr/bin/chromium (`.ci/run` installs it with apt; SHTAB_CHROMIUM names another).
The screenshots of the guides come from these journeys:
`make screenshots` runs them with SHTAB_SCREENSHOTS=docs/user/img.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.support.web import workspace

CHROMIUM = os.environ.get("SHTAB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)")
SHOTS = Path(os.environ["SHTAB_SCREENSHOTS"]).resolve() if os.environ.get("SHTAB_SCREENSHOTS") else None


@pytest.fixture
def served(tmp_path: Path, monkeypatch):
    """The workspace on a free port of 127.0.0.1; yields (start URL, workspace)."""
    import uvicorn

    from pipeline.web.app import create_app
    monkeypatch.chdir(tmp_path)                      # files named as the secretary sees them: inputs/...
    ws = workspace(tmp_path)
    ws.today = lambda: dt.date(2026, 12, 1)           # one clock: the pictures and the due list do not drift
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
    yield f"http://127.0.0.1:{port}/?token={ws.keys.token}", ws
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        # her chromium speaks Russian: on Linux its interface language (and the order of a date field's day and
        # month, 19.11.2026) comes from LANG and its locale pack (chromium-l10n); with no pack it is en-US's 11/19/2026
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--lang=ru-RU"],
                                              env={**os.environ, "LANG": "ru_RU.UTF-8", "LANGUAGE": "ru"})
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served):
    # bypass_csp: the tests' own probes (wait_for_function's expressions, axe) are scripts the workspace's policy
    # refuses; tests/reliability/test_failing_disk_browser.py runs the pages under the policy itself
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="ru-RU",
                                  timezone_id="Asia/Qostanay", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(served[0])
    yield page
    context.close()


def shot(page, name: str, tmp_path: Path) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.wait_for_timeout(150)            # a live check the last keystroke started, then its end: the same picture
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    return path


def test_switch_the_language(page, tmp_path):
    assert page.locator("h1").inner_text().startswith("Год на одном экране")   # her browser asks for Russian
    assert page.locator("html").get_attribute("lang") == "ru"
    page.click("#lang-kk")
    page.wait_for_selector("html[lang=kk]")
    assert page.locator("h1").inner_text().startswith("Жыл бір қарағанда")
    shot(page, "workspace-year.kk", tmp_path)
    page.click("#lang-ru")
    page.wait_for_selector("html[lang=ru]")
    assert page.locator("h1").inner_text().startswith("Год на одном экране")
    assert page.locator("header nav").first.inner_text().split()[0:4] == ["Год", "на", "одном", "экране"]
    shot(page, "workspace-year.ru", tmp_path)
    page.click("nav >> text=Заседания")
    assert page.locator("h1").inner_text() == "Заседания"   # the choice stays from page to page
    page.click("#lang-kk")
    assert page.locator("h1").inner_text() == "Отырыстар"
    page.click("a[href='/meetings/2026-05']")
    assert page.locator("h1").inner_text().startswith("Отырыс 2026-05")
    assert page.locator("#attendance > legend").inner_text() == "Қатысу"
    page.locator("#attendance").scroll_into_view_if_needed()
    shot(page, "workspace-meeting.kk", tmp_path)


def _quorum_slot(page):
    return page.locator("#fd-present")


def test_a_new_meeting_without_quorum_then_with_it_saved_as_a_minimal_diff(page, served, tmp_path):
    _, ws = served
    page.click("#lang-ru")
    page.click("nav >> text=Заседания")
    page.fill("input[name=date]", "2026-12-10")
    page.click("#create-meeting")
    page.wait_for_url("**/meetings/2026-06")
    path = ws.inputs / "meetings" / "2026-06.yaml"
    scaffold = path.read_text(encoding="utf-8")
    page.fill("input[name='agenda_approved.date']", "2026-12-03")        # what the scaffold left to type
    page.fill("textarea[name='items.0.title.kk']", "Жасөспірімдер арасындағы профилактика туралы")
    page.fill("textarea[name='items.0.title.ru']", "О профилактике среди подростков")
    away = ["police", "prosecutor", "knb", "apparatus", "sport", "employment"]
    for member in away:
        page.check(f"input[name='att.{member}'][value=absent]")
    page.wait_for_function("() => document.querySelector('#fd-present') && "
                           "document.querySelector('#fd-present').innerText.includes('§20')")
    assert "кворума" in _quorum_slot(page).inner_text()
    page.locator("#attendance").evaluate("e => e.scrollIntoView({block: 'start'})")   # the legend, then the words
    shot(page, "workspace-quorum.ru", tmp_path)
    for member in away[:4]:                       # four come after all: 12 of 16 present, a quorum
        page.check(f"input[name='att.{member}'][value=present]")
    page.wait_for_function("() => !document.querySelector('#fd-present').innerText.includes('§20')")
    page.click("#save")
    page.wait_for_selector("#saved")
    saved = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(scaffold.splitlines(), saved.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ['-  date: "<<дата, ГГГГ-ММ-ДД>>"', "+  date: 2026-12-03",     # the date typed, as a date
                       "-  - sport", "-  - employment",                           # two still away
                       "+absent:", "+  - member: sport", "+  - member: employment",  # and listed as absent
                       '-      kk: "<<мәселенің атауы>>"', '-      ru: "<<название вопроса>>"',
                       '+      kk: "Жасөспірімдер арасындағы профилактика туралы"',  # quoted as the scaffold was
                       '+      ru: "О профилактике среди подростков"']


def test_a_vote_with_a_dissent_then_the_protocol_downloaded_and_read_back(page, served, tmp_path):
    import docx
    _, ws = served
    page.click("#lang-ru")
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + "/meetings/2026-05")
    page.check("input[name='items.0.vote'][value=counted]")
    page.check("input[name='items.0.ballot.knb'][value=against]")
    page.check("input[name='items.0.ballot.economy'][value=abstained]")
    page.click("#item-0 >> text=Добавить особое мнение")
    page.wait_for_selector("select[name='items.0.dissent.0.member']")
    page.select_option("select[name='items.0.dissent.0.member']", "knb")
    page.fill("input[name='items.0.dissent.0.date']", "2026-11-19")
    page.fill("textarea[name='items.0.dissent.0.text.kk']", "Үкіметтік емес ұйымдарды қаржыландыру жеткіліксіз деп санаймын.")
    page.fill("textarea[name='items.0.dissent.0.text.ru']", "Считаю финансирование неправительственных организаций недостаточным.")
    page.press("textarea[name='items.0.dissent.0.text.ru']", "Tab")      # she leaves the field: the live check
    page.locator("select[name='items.0.dissent.0.member']").evaluate("e => e.scrollIntoView({block: 'center'})")
    shot(page, "workspace-vote.ru", tmp_path)                         # the last ballots and the dissent typed
    page.click("#save")
    page.wait_for_selector("#saved")
    text = (ws.inputs / "meetings" / "2026-05.yaml").read_text(encoding="utf-8")
    assert "    vote: {against: [knb], abstained: [economy]}\n" in text
    page.click("nav >> text=Документы")
    page.click("#generate")
    page.wait_for_selector("#written")
    row = page.locator("tr[data-output='meetings/2026-05/protocol.ru.docx']")
    with page.expect_download() as download:
        row.locator("text=Скачать").first.click()
    saved = tmp_path / "protocol.ru.docx"
    download.value.save_as(saved)
    words = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "Считаю финансирование неправительственных организаций недостаточным." in words
    assert "против" in words and "воздерж" in words


def test_mark_an_assignment_done_and_see_it_leave_the_reminders(page, served, tmp_path):
    """§24: 2026-04/1.2 (due 15.10.2026) is overdue on 1 December and in the reminders; done, it leaves them."""
    _, ws = served
    page.click("#lang-ru")
    assert "2026-04/1.2" in page.locator("#reminders").inner_text()
    page.locator("#reminders").scroll_into_view_if_needed()
    shot(page, "workspace-reminders.ru", tmp_path)
    page.click("nav >> text=Контроль исполнения поручений")
    row = page.locator("#row-2026-04-1-2")
    row.locator("select").select_option("done")
    row.locator("input[type=date]").first.fill("2026-11-28")
    row.scroll_into_view_if_needed()
    shot(page, "workspace-control.ru", tmp_path)
    page.click("#save")
    page.wait_for_selector("#saved")
    control = (ws.inputs / "control" / "2026.yaml").read_text(encoding="utf-8")
    assert "- assignment: 2026-04/1.2\n  status: done\n  date: 2026-11-28\n" in control
    page.click("nav >> text=Год на одном экране")
    assert "2026-04/1.2" not in page.locator("#reminders").inner_text()
    assert "2026-04/2.1" in page.locator("#reminders").inner_text()       # the others stay


# ---------------------------------------------------------------- the traps that lost her work


def _in_view(page, selector: str) -> bool:
    """The element is drawn inside the viewport she looks at (not 5,900 px down the page)."""
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and box["width"] > 0


def _open_meeting(page, meeting: str = "2026-05") -> None:
    page.click("#lang-ru")
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + f"/meetings/{meeting}")
    page.wait_for_selector("form[data-draft]")


def _type_impossible_date(page, selector: str) -> None:
    """31 February typed into chromium's date field, in whichever order of day and month it shows."""
    for keys in ("31022026", "02312026"):             # her chromium in Russian: day first
        page.click(selector, position={"x": 8, "y": 8})
        page.keyboard.type(keys)
        if page.eval_on_selector(selector, "e => e.validity.badInput"):
            return
    raise AssertionError("chromium took neither order of the day and the month")


def test_an_impossible_date_is_refused_beside_its_field_and_the_file_kept(page, served, tmp_path):
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    _open_meeting(page)
    _type_impossible_date(page, "input[name=date]")
    page.click("#save")
    page.wait_for_selector("#status .announce.bad")
    assert _in_view(page, "#status") and "Ничего не сохранено" in page.locator("#status").inner_text()
    note = page.locator("input[name=date] ~ .field-problem, label:has(input[name=date]) + .field-problem")
    assert "не существует" in note.first.inner_text() and "19.11.2026" in note.first.inner_text()
    assert page.get_attribute("input[name=date]", "aria-invalid") == "true"
    assert path.read_bytes() == before
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "workspace-bad-date.ru", tmp_path)


DRAFT_TIME = dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))


def test_unsaved_text_is_guarded_then_restored_as_a_draft(page, served, tmp_path):
    page.clock.set_fixed_time(DRAFT_TIME)            # the draft's time in the picture: the same at every run
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    _open_meeting(page)
    heard = "textarea[name='items.0.heard.ru']"
    page.fill(heard, "Текст, который она не сохранила.")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.click("#lang-kk")                              # leaving asks first
    page.wait_for_timeout(300)
    assert asked == ["beforeunload"] and page.input_value(heard) == "Текст, который она не сохранила."
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("nav >> text=Заседания")                 # she leaves anyway, then comes back
    page.wait_for_url("**/meetings")
    page.go_back()
    page.wait_for_selector("#status .announce")
    assert page.input_value(heard) == "Текст, который она не сохранила."
    assert "восстановлены" in page.locator("#status").inner_text() and _in_view(page, "#status")
    assert path.read_bytes() == before                                 # a draft in her browser, not in the file
    shot(page, "workspace-draft.ru", tmp_path)


def test_every_failure_of_a_save_is_said_in_view(page, served, tmp_path):
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    page.on("dialog", lambda dialog: dialog.accept())                 # leaving with a draft kept: she agrees
    _open_meeting(page)
    page.fill("input[name=time]", "11:30")
    page.route("**/save", lambda route: route.abort())                 # the workspace restarted elsewhere
    page.click("#save")
    page.wait_for_selector("#status .announce.bad")
    assert "не отвечает" in page.locator("#status").inner_text() and _in_view(page, "#status")
    page.unroute("**/save")
    page.context.clear_cookies()                                       # the session is lost
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').innerText.includes('сеанс')")
    assert _in_view(page, "#status")
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + f"/?token={ws.keys.token}")
    _open_meeting(page)                                                # the draft came back with the new session
    assert page.input_value("input[name=time]") == "11:30"
    page.eval_on_selector("textarea[name='items.0.heard.ru']",       # a text too large to send (pasted)
                          "e => { e.value = 'Жолдама бойынша '.repeat(25000); e.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.click("#save")
    page.wait_for_function("() => document.querySelector('#status').innerText.includes('слишком')")
    said = page.locator("#status").inner_text()
    assert "Слушали" in said and "400" in said and _in_view(page, "#status")
    assert path.read_bytes() == before


def test_a_conflict_is_merged_field_by_field(page, served, tmp_path):
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    _open_meeting(page)
    page.fill("input[name=time]", "09:00")
    page.fill("textarea[name='items.0.heard.ru']", page.input_value("textarea[name='items.0.heard.ru']") + " Дополнено.")
    path.write_text(path.read_text(encoding="utf-8").replace('time: "10:00"', 'time: "12:00"'), encoding="utf-8")
    theirs = path.read_bytes()
    page.click("#save")
    page.wait_for_selector("#conflict")
    assert _in_view(page, "#status") and "Не сохранено" in page.locator("#status").inner_text()
    assert path.read_bytes() == theirs                                 # nothing written until she chooses
    rows = page.locator("#changes").inner_text()
    assert "Время" in rows and "Вопрос 1 — Слушали" in rows
    shot(page, "workspace-conflict.ru", tmp_path)
    page.check("input[name='keep.time'][value=theirs]")
    with page.expect_navigation():
        page.click("#merge-save")
    text = path.read_text(encoding="utf-8")
    assert 'time: "12:00"' in text and "Дополнено." in text
    assert page.input_value("input[name=time]") == "12:00"             # the form shows the merged file


def test_the_meeting_form_saved_with_the_keyboard_alone(page, served, tmp_path):
    """A skip link leads to «Сохранить»; Tab reaches the fields from the content's start; Ctrl+S saves."""
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    _open_meeting(page)
    active = "document.activeElement.{}"
    page.keyboard.press("Tab")
    assert page.evaluate(active.format("getAttribute('href')")) == "#main"
    page.keyboard.press("Enter")
    for presses in range(1, 16):                       # a few presses from the content's start, not 200
        page.keyboard.press("Tab")
        if page.evaluate(active.format("name")) == "time":
            break
    assert page.evaluate(active.format("name")) == "time" and presses < 10
    page.keyboard.press("Control+a")
    page.keyboard.type("11:45")
    page.keyboard.press("Control+s")
    page.wait_for_selector("#announce-saved")
    assert 'time: "11:45"' in path.read_text(encoding="utf-8")
    page.goto(page.url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(active.format("getAttribute('href')")) == "#save"
    page.keyboard.press("Enter")
    assert page.evaluate(active.format("id")) == "save"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#status').innerText.includes('Нет изменений')")


def test_a_live_finding_speaks_the_form_beside_its_field(page, served, tmp_path):
    """The live check's findings in the form's words, each beside the nearest field slot the page has (the page's
    script names its slots): the chair beside «Председательствующий», a protocol's date beside the protocol."""
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    _open_meeting(page)
    page.select_option("select[name=chair]", "police")
    page.fill("input[name='protocol.drawn_up']", "2026-11-10")
    page.wait_for_function("() => document.querySelector('#fd-protocol').innerText.includes('§23')")
    chair = page.locator("#fd-chair").inner_text()
    assert "выберите руководителя в поле «Председательствующий»" in chair and "«Е. Жаксылыков»" in chair
    assert "«Дата оформления» — день заседания или следующий день" in page.locator("#fd-protocol").inner_text()
    panel = page.locator("#findings").inner_text()
    assert "police" not in chair and "drawn_up" not in panel and "Открыть форму" not in panel   # she is in it
    assert path.read_bytes() == before                                  # checked, not saved
    page.locator("#fd-chair").scroll_into_view_if_needed()
    shot(page, "workspace-finding.ru", tmp_path)


def test_signing_asks_first_with_the_gates_checks(page, served, tmp_path):
    _open_meeting(page)
    said = []
    page.once("dialog", lambda dialog: (said.append(dialog.message), dialog.dismiss()))
    page.click("input[name='protocol.signed']")
    assert "§23" in said[0] and "§20" in said[0] and "ничего не находит" in said[0]
    assert not page.is_checked("input[name='protocol.signed']")        # not confirmed: not ticked
    page.locator("#sign-confirm").scroll_into_view_if_needed()
    shot(page, "workspace-signing.ru", tmp_path)


def test_a_plan_change_shows_the_fields_of_its_kind_as_it_is_chosen(page, served, tmp_path):
    """§18: choosing «добавление» shows the new question's fields at once, without a save and a reload."""
    page.click("#lang-ru")
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + "/plans/2026-H2")
    change = page.locator("#change-0")
    assert not change.locator(".add-only").is_visible() and change.locator(".not-add").is_visible()
    page.select_option("select[name='changes.0.action']", "add")
    assert change.locator(".add-only").is_visible() and not change.locator(".not-add").is_visible()
    assert change.locator("input[type=number]:visible").count() == 1           # one number field
    page.select_option("select[name='changes.0.action']", "postpone")
    assert change.locator(".postpone-only").is_visible() and not change.locator(".add-only").is_visible()


# ---------------------------------------------------------------- access: axe-core and 400 px


AXE = Path(__file__).parent / "vendor" / "axe.min.js"
EVERY_PAGE = {"/": "year", "/meetings": "meetings", "/meetings/2026-05": "meeting", "/meetings/2026-01": "signed",
              "/plans": "plans", "/plans/2026-H2": "plan", "/control/2026": "control", "/documents": "documents"}


def _axe(page) -> list[str]:
    """Serious and critical violations of axe-core on the page as it stands, one line each."""
    page.route("**/__axe.min.js", lambda route: route.fulfill(path=str(AXE), content_type="application/javascript"))
    page.add_script_tag(url="/__axe.min.js")        # from the page's own origin: its CSP (script-src 'self') holds
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    return list(found)


def make_the_documents(page, base: str) -> None:
    """«Сформировать все документы»: the documents page then lists downloads, not «ещё не сформирован»."""
    page.goto(base + "/documents")
    page.click("#generate")
    page.wait_for_selector("#written", timeout=120_000)


def test_every_page_passes_axe_and_never_scrolls_sideways(page, served, tmp_path):
    """axe-core: no serious or critical violation on any page, at 1280×720 and at 400×800, where nothing
    scrolls sideways either."""
    base = page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]
    problems = []
    make_the_documents(page, base)
    for width, height in ((1280, 720), (400, 800)):
        page.set_viewport_size({"width": width, "height": height})
        for path in EVERY_PAGE:
            page.goto(base + path)
            page.wait_for_load_state("load")
            shot(page, f"page-{EVERY_PAGE[path]}.{width}.ru", tmp_path)     # the guides' pictures of each page
            problems += [f"{path} at {width}: {line}" for line in _axe(page)]
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if wide > 0:
                problems.append(f"{path} at {width}: scrolls {wide} px sideways")

    assert problems == [], "\n".join(problems)
