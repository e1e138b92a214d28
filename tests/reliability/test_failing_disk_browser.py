"""In chromium, under the workspace's own Content-Security-Policy: a save on a read-only inputs/ and «Сформировать»
on a full outputs/ each show her, in view and in her language, what failed; nothing on the page breaks the policy.

The folder is made read-only by a read-only bind mount and the disk full by a tiny tmpfs (tests/support/disks.py),
where the machine permits; else the test is skipped with the reason.
"""

from __future__ import annotations

import pytest

from tests.support import disks
from tests.web.test_web_browser import CHROMIUM, _in_view, _open_meeting, browser, served  # noqa: F401

pytestmark = pytest.mark.skipif(not CHROMIUM or not __import__("pathlib").Path(CHROMIUM).exists(),
                                reason="chromium is not installed (apt-get install chromium)")


@pytest.fixture
def strict_page(browser, served):  # noqa: F811 - the fixtures of the browser journeys
    """A page that keeps the policy (no bypass) and records every console message that names it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(20_000)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(served[0])
    yield page, violations
    context.close()


def test_a_save_on_a_read_only_inputs_is_said_in_view(strict_page, served):  # noqa: F811
    page, violations = strict_page
    _, ws = served
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    _open_meeting(page)
    page.fill("input[name=time]", "11:30")
    with disks.read_only(ws.inputs / "meetings"):
        page.click("#save")
        page.wait_for_selector("#not-saved")
    said = page.locator("#not-saved").inner_text()
    assert "не сохранено" in said and "2026-05.yaml" in said and _in_view(page, "#not-saved")
    assert path.read_bytes() == before
    assert violations == [], "\n".join(violations)


def test_generate_on_a_full_outputs_is_said_in_view(strict_page, served):  # noqa: F811
    page, violations = strict_page
    _, ws = served
    page.goto(page.url.split("?")[0].rstrip("/") + "/documents")
    ws.outputs.mkdir(exist_ok=True)
    with disks.full(ws.outputs) as how:
        page.click("#generate")
        page.wait_for_selector(".panel.error")
    said = page.locator(".panel.error").inner_text()
    assert "не удалось записать документы" in said and _in_view(page, ".panel.error")
    if how == "tmpfs":
        assert "диск заполнен" in said
    assert violations == [], "\n".join(violations)
