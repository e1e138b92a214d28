"""The annual indicators (§29) and the composition (body.yaml) in Debian's chromium: typed, saved, made into the
annual report; axe-core finds nothing serious at 1280×720 nor at 400×800, where nothing scrolls sideways.

The browser, the served workspace and axe come from test_web_browser.py (its fixtures and helpers).
`make screenshots` runs these too: the guides' pictures of both pages, in Kazakh and in Russian.
"""

from __future__ import annotations

from pathlib import Path

from tests.web import test_web_browser as journeys
from tests.web.test_web_browser import _axe, _in_view, shot

browser, served, page = journeys.browser, journeys.served, journeys.page     # the same fixtures, here too


def _go(page, path: str, lang: str = "ru") -> None:
    base = page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]
    page.goto(f"{base}/lang/{lang}?next={path}")
    page.wait_for_load_state("load")


def _skip_to_save(page) -> None:
    """The second Tab of the page is the skip link to «Сохранить»; Enter puts the focus on it."""
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#save"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "save"


def test_s29_a_figure_saved_and_the_annual_report_downloaded(page, served, tmp_path: Path):
    _, ws = served
    path = ws.inputs / "indicators" / "2026.yaml"
    _go(page, "/")
    page.click("nav >> text=Годовые показатели")
    page.wait_for_url("**/indicators/2026")
    _skip_to_save(page)
    page.fill("input[name=ngos]", "9")
    page.fill("input[name='actions.1.participants']", "250")          # 180 → 250: now it counts (§29)
    page.press("input[name='actions.1.participants']", "Tab")
    page.wait_for_function("() => document.querySelector('#counts-1').innerText.trim() === 'учитывается'")
    assert "учтено (не менее 250 участников, §29): 5" in page.locator("#note-actions").inner_text()
    page.locator("#ind-actions").scroll_into_view_if_needed()
    shot(page, "workspace-indicators.ru", tmp_path)
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    assert _in_view(page, "#status") and "Сохранено" in page.locator("#status").inner_text()
    text = path.read_text(encoding="utf-8")
    assert "\nngos: 9\n" in text and "participants: 250\n" in text and text.startswith("# Штаб жұмысының")
    page.fill("input[name=ngos]", "-3")                               # a figure the page cannot read
    page.click("#save")
    page.wait_for_selector("#status .announce.bad")
    assert _in_view(page, "#status") and "\nngos: 9\n" in path.read_text(encoding="utf-8")
    assert page.get_attribute("input[name=ngos]", "aria-invalid") == "true"
    page.click("input[name=ngos]")
    page.keyboard.press("Control+a")
    page.keyboard.type("10")
    page.click("#save")              # at once: the check her last key asks for 700 ms later never aborts the save
    page.wait_for_selector("#announce-saved")
    assert "\nngos: 10\n" in path.read_text(encoding="utf-8")
    page.click("#make-report")
    page.wait_for_selector("#report-files", timeout=120_000)
    with page.expect_download() as download:
        page.locator("#report-files a").first.click()
    saved = tmp_path / "annual-report.docx"
    download.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK"


def test_s8_a_member_joins_then_leaves_then_her_mistaken_entry_is_removed(page, served, tmp_path: Path):
    _, ws = served
    path = ws.inputs / "body.yaml"
    original = path.read_bytes()
    _go(page, "/")
    page.click("nav >> text=Состав")
    page.wait_for_url("**/composition")
    _skip_to_save(page)
    before = page.locator("section.member").count()
    page.click("#add-member")
    page.wait_for_selector(f"input[name='members.{before}.id']")          # the form redrawn with the new entry
    new = page.locator("section.member").last
    new.locator("input[name$='.id']").fill("ngo_center")
    new.locator("input[name$='.name']").fill("А. Бекова")
    new.locator("textarea[name$='.position.kk']").fill("«Сенім» қоғамдық бірлестігінің төрайымы")
    new.locator("textarea[name$='.position.ru']").fill("председатель общественного объединения «Сенім»")
    new.locator("input[value=member]").check()
    new.locator("input[name$='.since']").fill("2026-12-01")
    new.scroll_into_view_if_needed()
    shot(page, "workspace-composition.ru", tmp_path)
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    assert _in_view(page, "#status")
    text = path.read_text(encoding="utf-8")
    assert "  - id: ngo_center\n    name: А. Бекова\n" in text and "    from: 2026-12-01\n" in text
    page.fill("#in-force-day", "2026-12-02")
    page.wait_for_selector("#in-force li[data-member=ngo_center]")
    assert "в составе 18 членов штаба" in page.locator("#in-force").inner_text()
    page.goto(page.url)                                            # the entry as saved, now with its short name
    member = page.locator("section.member:has(code.id:text-is('ngo_center'))")
    member.locator("input[name$='.until']").fill("2026-12-20")      # she leaves on 20 December
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    assert "    until: 2026-12-20\n" in path.read_text(encoding="utf-8")
    page.fill("#in-force-day", "2026-12-21")
    page.wait_for_function("() => !document.querySelector('#in-force li[data-member=ngo_center]')")
    page.goto(page.url)
    member = page.locator("section.member:has(code.id:text-is('ngo_center'))")
    member.locator("input[name$='.remove']").check()                # made by mistake after all: no file names her
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    assert path.read_bytes() == original


def test_s8_a_new_police_chief_from_a_day_in_the_browser(page, served, tmp_path: Path):
    """«Замена с даты»: the old entry ends the day before, the new one follows it; the list of a day shows who."""
    _, ws = served
    path = ws.inputs / "body.yaml"
    _go(page, "/composition")
    police = page.locator("section.member:has(code.id:text-is('police'))")
    police.locator("details.successor summary").click()
    police.locator("input[name$='.successor.date']").fill("2026-12-01")
    police.locator("input[name$='.successor.name']").fill("Н. Новиков")
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    text = path.read_text(encoding="utf-8")
    assert "    until: 2026-11-30\n  - id: police-2026\n    name: Н. Новиков\n" in text
    page.fill("#in-force-day", "2026-11-30")
    page.wait_for_selector("#in-force:has-text('30.11.2026') li[data-member=police]")   # the list of that day
    assert "Н. Новиков" not in page.locator("#in-force").inner_text()
    page.fill("#in-force-day", "2026-12-01")
    page.wait_for_selector("#in-force:has-text('01.12.2026') li[data-member=police-2026]")
    said = page.locator("#in-force").inner_text()
    assert "Н. Новиков" in said and "Е. Жаксылыков" not in said and "в составе 17 членов штаба" in said


def test_the_new_pages_pass_axe_in_both_languages_and_never_scroll_sideways(page, served, tmp_path: Path):
    problems = []
    for lang in ("ru", "kk"):
        for width, height in ((1280, 720), (400, 800)):
            page.set_viewport_size({"width": width, "height": height})
            for path, name in (("/indicators/2026", "indicators"), ("/indicators/2025", ""),
                               ("/composition", "composition")):
                _go(page, path, lang)
                if name:                          # the guides show each page once, at both sizes
                    shot(page, f"page-{name}.{width}.{lang}", tmp_path)
                if name and lang == "kk" and width == 1280:   # and the Kazakh guide its view of the page
                    page.locator("#ind-actions" if name == "indicators" else "#in-force-section").scroll_into_view_if_needed()
                    shot(page, f"workspace-{name}.kk", tmp_path)
                problems += [f"{path} ({lang}) at {width}: {line}" for line in _axe(page)]
                wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if wide > 0:
                    problems.append(f"{path} ({lang}) at {width}: scrolls {wide} px sideways")
    assert problems == [], "\n".join(problems)
