"""Every control of every page has a programmatic name in her language, as chromium computes it for a screen
reader (its accessibility tree): no control without one, none named by a Latin id or a key of the file, none in
the other language; each radio button sits in a group named in her words (a member's row by the member's post)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web import test_web_browser as journeys
from tests.web import test_web_browser_meetings as meeting_journeys
from tests.web.test_web_browser import CHROMIUM, EVERY_PAGE

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)")

browser, served, page = journeys.browser, journeys.served, journeys.page      # one chromium, the sample served

PAGES = [*EVERY_PAGE, *meeting_journeys.MY_PAGES, "/indicators/2026", "/composition"]
CONTROLS = {"textbox", "combobox", "checkbox", "radio", "spinbutton", "button", "searchbox", "slider", "switch"}
LATIN_ID = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b(akim|police|knb|sport|secretary|prosecutor|apparatus)\b")
ONLY_KAZAKH = re.compile("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]")


def _named(page) -> list[tuple[str, str, str]]:
    """(role, name, the name of the group around it) of every control chromium exposes on the page."""
    cdp = page.context.new_cdp_session(page)
    nodes = {n["nodeId"]: n for n in cdp.send("Accessibility.getFullAXTree")["nodes"]}
    cdp.detach()

    def value(node, key):
        return ((node.get(key) or {}).get("value")) or ""

    out = []
    for node in nodes.values():
        role = value(node, "role")
        if node.get("ignored") or role not in CONTROLS:
            continue
        group, parent = "", nodes.get(node.get("parentId"))
        while parent is not None and not group:
            if value(parent, "role") in ("group", "radiogroup"):
                group = value(parent, "name") or "?"
            parent = nodes.get(parent.get("parentId"))
        out.append((role, value(node, "name").strip(), group))
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_control_is_named_in_her_language(page, lang):
    base = page.url.split("/", 3)[0] + "//" + page.url.split("/")[2]
    page.goto(f"{base}/lang/{lang}?next=/")
    problems, seen = [], 0
    for path in PAGES:
        page.goto(base + path)
        page.wait_for_load_state("load")
        controls = _named(page)
        seen += len(controls)
        for role, name, group in controls:
            if not name:
                problems.append(f"{path}: a {role} without a name (in {group or 'no group'})")
            elif LATIN_ID.search(name):
                problems.append(f"{path}: a {role} named by an id: {name[:120]}")
            elif lang == "ru" and ONLY_KAZAKH.search(name):
                problems.append(f"{path}: a {role} named in Kazakh on the Russian page: {name[:120]}")
            if role == "radio" and (not group or group == "?" or LATIN_ID.search(group)):
                problems.append(f"{path}: a radio button «{name}» in no group named in words ({group!r})")
    assert seen > 500 and problems == [], "\n".join(problems[:40])
