"""The workspace in Kazakh, in Debian's chromium: every page passes axe-core at 1280×720 and 400×800 without a
sideways scroll, and the moments the Kazakh guide shows happen in Kazakh — the draft restored, the confirmation
before signing, a conflict chosen field by field, a date that does not exist, no quorum, the reminders.

`make screenshots` takes the Kazakh guide's pictures here (`*.kk.png`), as the
Russian ones are taken by tests/web/test_web_browser.py and test_web_browser_meetings.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web import test_web_browser as journeys
from tests.web import test_web_browser_meetings as meeting_journeys
from tests.web.test_web_browser import (
    CHROMIUM,
    DRAFT_TIME,
    EVERY_PAGE,
    _axe,
    _in_view,
    _type_impossible_date,
    make_the_documents,
    shot,
)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)")

browser, served, page = journeys.browser, journeys.served, journeys.page      # one chromium, the sample served

EVERY_PAGE_KK = {**EVERY_PAGE, **meeting_journeys.MY_PAGES}


def _base(page) -> str:
    return page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]


def _in_kazakh(page, path: str) -> None:
    """The page opened after «Қазақша» was chosen (the choice is kept from page to page)."""
    page.goto(_base(page) + "/lang/kk?next=" + path.replace("?", "%3F").replace("=", "%3D").replace("&", "%26"))
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "kk"


def _meeting(page, meeting: str = "2026-05") -> None:
    _in_kazakh(page, f"/meetings/{meeting}")
    page.wait_for_selector("form[data-draft]")


def test_every_page_in_kazakh_passes_axe_and_never_scrolls_sideways(page, served, tmp_path):
    """axe-core on the Kazakh pages (their labels are Kazakh words), at 1280×720 and at 400×800; the pictures of
    the Kazakh guide."""
    problems = []
    _in_kazakh(page, "/")
    make_the_documents(page, _base(page))
    for width, height in ((1280, 720), (400, 800)):
        page.set_viewport_size({"width": width, "height": height})
        for path, name in EVERY_PAGE_KK.items():
            page.goto(_base(page) + path)
            page.wait_for_load_state("load")
            assert page.locator("html").get_attribute("lang") == "kk"
            shot(page, f"page-{name}.{width}.kk", tmp_path)
            problems += [f"{path} at {width}: {line}" for line in _axe(page)]
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if wide > 0:
                problems.append(f"{path} at {width}: scrolls {wide} px sideways")
    assert problems == [], "\n".join(problems)


def test_a_draft_is_restored_in_kazakh(page, served, tmp_path):
    page.clock.set_fixed_time(DRAFT_TIME)
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    _meeting(page)
    heard = "textarea[name='items.0.heard.kk']"
    page.fill(heard, "Ол сақтамаған мәтін.")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("nav >> text=Отырыстар")
    page.wait_for_url("**/meetings")
    page.go_back()
    page.wait_for_selector("#status .announce")
    said = page.locator("#status").inner_text()
    assert "қалпына келтірілді" in said and _in_view(page, "#status") and page.input_value(heard) == "Ол сақтамаған мәтін."
    assert path.read_bytes() == before
    shot(page, "workspace-draft.kk", tmp_path)


def test_signing_asks_first_in_kazakh(page, served, tmp_path):
    _meeting(page)
    said = []
    page.once("dialog", lambda dialog: (said.append(dialog.message), dialog.dismiss()))
    page.click("input[name='protocol.signed']")
    assert "§23" in said[0] and "§20" in said[0] and not page.is_checked("input[name='protocol.signed']")
    page.locator("#sign-confirm").scroll_into_view_if_needed()
    assert "мөрлеу" in page.locator("#sign-confirm").inner_text()
    shot(page, "workspace-signing.kk", tmp_path)


def test_a_conflict_in_kazakh(page, served, tmp_path):
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    _meeting(page)
    page.fill("input[name=time]", "09:00")
    page.fill("textarea[name='items.0.heard.kk']", page.input_value("textarea[name='items.0.heard.kk']") + " Толықтырылды.")
    path.write_text(path.read_text(encoding="utf-8").replace('time: "10:00"', 'time: "12:00"'), encoding="utf-8")
    theirs = path.read_bytes()
    page.click("#save")
    page.wait_for_selector("#conflict")
    assert "Сақталмады" in page.locator("#status").inner_text() and _in_view(page, "#status")
    rows = page.locator("#changes").inner_text()
    assert "Уақыты" in rows and "1-мәселе" in rows, rows
    assert path.read_bytes() == theirs
    shot(page, "workspace-conflict.kk", tmp_path)


def test_an_impossible_date_in_kazakh(page, served, tmp_path):
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    _meeting(page)
    _type_impossible_date(page, "input[name=date]")
    page.click("#save")
    page.wait_for_selector("#status .announce.bad")
    assert "Ештеңе сақталмады" in page.locator("#status").inner_text() and _in_view(page, "#status")
    assert page.get_attribute("input[name=date]", "aria-invalid") == "true" and path.read_bytes() == before
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "workspace-bad-date.kk", tmp_path)


def test_no_quorum_is_said_beside_the_attendance_in_kazakh(page, served, tmp_path):
    """§20: with six of sixteen away the slot above the attendance says there is no quorum, in Kazakh."""
    _meeting(page)
    for member in ("police", "prosecutor", "knb", "apparatus", "sport", "employment"):
        page.check(f"input[name='att.{member}'][value=absent]")
    page.wait_for_function("() => document.querySelector('#fd-present').innerText.includes('§20')")
    assert "кворум" in page.locator("#fd-present").inner_text()
    page.locator("#attendance").evaluate("e => e.scrollIntoView({block: 'start'})")
    shot(page, "workspace-quorum.kk", tmp_path)


def test_the_reminders_of_the_year_page_in_kazakh(page, served, tmp_path):
    """§24: on 1 December 2026 the assignment 2026-04/1.2, due 15.10.2026, is overdue and reminded."""
    _in_kazakh(page, "/")
    assert "2026-04/1.2" in page.locator("#reminders").inner_text()
    page.locator("#reminders").scroll_into_view_if_needed()
    shot(page, "workspace-reminders.kk", tmp_path)


def test_a_vote_by_members_with_a_dissent_in_kazakh(page, served, tmp_path):
    """§13, §14: the vote of each present member and a dissenting opinion, typed in the Kazakh form."""
    _, ws = served
    _meeting(page)
    page.check("input[name='items.0.vote'][value=counted]")
    page.check("input[name='items.0.ballot.knb'][value=against]")
    page.check("input[name='items.0.ballot.economy'][value=abstained]")
    page.click("#item-0 >> text=Ерекше пікір қосу")
    page.wait_for_selector("select[name='items.0.dissent.0.member']")
    page.select_option("select[name='items.0.dissent.0.member']", "knb")
    page.fill("input[name='items.0.dissent.0.date']", "2026-11-19")
    page.fill("textarea[name='items.0.dissent.0.text.kk']", "Үкіметтік емес ұйымдарды қаржыландыру жеткіліксіз деп санаймын.")
    page.fill("textarea[name='items.0.dissent.0.text.ru']", "Считаю финансирование неправительственных организаций недостаточным.")
    page.press("textarea[name='items.0.dissent.0.text.ru']", "Tab")      # she leaves the field: the live check
    assert "Дауыс беру" in page.locator("#item-0 .vote legend.label").inner_text()
    page.locator("select[name='items.0.dissent.0.member']").evaluate("e => e.scrollIntoView({block: 'center'})")
    shot(page, "workspace-vote.kk", tmp_path)
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    text = (ws.inputs / "meetings" / "2026-05.yaml").read_text(encoding="utf-8")
    assert "    vote: {against: [knb], abstained: [economy]}\n" in text


def test_an_assignment_marked_done_on_the_control_page_in_kazakh(page, served, tmp_path):
    """§24: 2026-04/1.2 marked done with its date, from the Kazakh control page."""
    _, ws = served
    _in_kazakh(page, "/control/2026")
    row = page.locator("#row-2026-04-1-2")
    row.locator("select").select_option("done")
    row.locator("input[type=date]").first.fill("2026-11-28")
    assert "орындалды" in row.locator("select option:checked").inner_text().lower()
    row.scroll_into_view_if_needed()
    shot(page, "workspace-control.kk", tmp_path)
    page.click("#save")
    page.wait_for_selector("#announce-saved")
    control = (ws.inputs / "control" / "2026.yaml").read_text(encoding="utf-8")
    assert "- assignment: 2026-04/1.2\n  status: done\n  date: 2026-11-28\n" in control
