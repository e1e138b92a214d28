"""The traps that lost her work, in Debian's chromium at the size she works at (1280×720): each one leaves the
file as it was until she chooses otherwise, and says so inside the viewport she is looking at.

The traps of the date, the draft, the silent failures and the conflict are
journeys of tests/web/test_web_browser.py; this module adds the saved and the
refused message seen from the top and the bottom of a long form, and the vote of
a member marked absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web import test_web_browser as journeys
from tests.web.test_web_browser import CHROMIUM, _in_view, _open_meeting

browser, served = journeys.browser, journeys.served        # the journeys' fixtures: one chromium, the sample served

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)")

MEETING = "2026-05"


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ru-RU", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(served[0])
    yield page
    context.close()


def _said(page) -> str:
    page.wait_for_selector("#status .announce")
    assert _in_view(page, "#status"), page.locator("#status").bounding_box()
    return page.locator("#status").inner_text()


def _clear(page) -> None:
    page.evaluate("document.querySelector('#status').innerHTML = ''")


def test_saved_is_said_in_view_from_the_top_and_from_the_bottom_of_the_form(page, served):
    """Item 3 of the traps: «Сохранено» was drawn about 5,900 px down while she looked at the top 720 px."""
    _, ws = served
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    _open_meeting(page, MEETING)
    assert page.evaluate("document.documentElement.scrollHeight") > 3 * 720       # a long form: the trap's setting
    page.fill("input[name=time]", "11:15")                                          # at the top of the form
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Control+s")
    assert _said(page).startswith("Сохранено") and page.evaluate("window.scrollY") == 0
    assert 'time: "11:15"' in path.read_text(encoding="utf-8")
    _clear(page)
    page.locator("#save").scroll_into_view_if_needed()                               # at the bottom, by the button
    page.fill("input[name='protocol.drawn_up']", "2026-11-19")
    page.click("#save")
    assert _said(page).startswith("Сохранено")
    assert "drawn_up: 2026-11-19" in path.read_text(encoding="utf-8")


def test_a_refused_save_is_said_in_view_and_the_file_kept(page, served):
    """Item 3 of the traps, the conflict's refusal: the file changed on the disk since the page was opened."""
    _, ws = served
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    _open_meeting(page, MEETING)
    path.write_text(path.read_text(encoding="utf-8").replace('time: "10:00"', 'time: "12:00"'), encoding="utf-8")
    before = path.read_bytes()
    page.fill("input[name=time]", "09:30")
    page.locator("#save").scroll_into_view_if_needed()                  # she saves at the form's end, far below
    page.click("#save")
    said = _said(page)
    assert "Не сохранено" in said and path.read_bytes() == before


def test_the_vote_of_a_member_marked_absent_is_shown_then_cleared_by_a_save(page, served):
    """Item 5 of the traps (§13: only present voting members vote): `against: [knb]` left in the file after knb was
    marked absent was invisible, and every save answered «Нет изменений». The page names the stray vote, opening
    it changes nothing, and the next save removes it and says so in view."""
    _, ws = served
    path = ws.inputs / "meetings" / f"{MEETING}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - knb\n", "", 1).replace("absent:\n", "absent:\n  - member: knb\n", 1)
    path.write_text(text.replace("    vote: unanimous", "    vote: {against: [knb]}", 1), encoding="utf-8")
    before = path.read_bytes()
    _open_meeting(page, MEETING)
    stray = page.locator("#item-0 tr[data-stray=knb]")
    stray.scroll_into_view_if_needed()
    assert stray.is_visible() and _in_view(page, "#item-0 tr[data-stray=knb]")
    words = stray.inner_text()
    assert "против" in words and "удал" in words                                    # what the file holds, what happens
    assert path.read_bytes() == before                                              # opening it wrote nothing
    page.click("#save")
    assert _said(page).startswith("Сохранено")
    vote = path.read_text(encoding="utf-8").split("items:")[1].split("dissent")[0]
    assert "against: [knb]" not in vote
    page.reload()
    page.wait_for_selector("form[data-draft]")
    assert page.locator("tr[data-stray]").count() == 0


def test_s12_choosing_extraordinary_opens_who_called_the_meeting(page, served):
    """An extraordinary meeting is called by the head or by more than half of the members (§12): choosing the kind
    shows the list of initiators at once, not after a save and a reload."""
    _open_meeting(page, MEETING)
    initiators = page.locator("#initiators")
    assert initiators.get_attribute("open") is None
    page.select_option("select[name=kind]", "extraordinary")
    page.wait_for_function("document.getElementById('initiators').open")
    assert page.locator("#initiators input[name=initiated_by]").first.is_visible()
