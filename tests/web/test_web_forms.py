"""The forms as a browser submits them: untouched, they write nothing; a typical edit writes exactly itself."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.support.web import client, form_fields, post_form, workspace

FORMS = [("/meetings/2026-05", "meeting-form", "meetings/2026-05.yaml"),
         ("/plans/2026-H1", "plan-form", "plans/2026-H1.yaml"),
         ("/plans/2026-H2", "plan-form", "plans/2026-H2.yaml"),
         ("/control/2026", "control-form", "control/2026.yaml")]


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("url, form, file", FORMS)
def test_a_form_saved_untouched_writes_nothing(tmp_path: Path, url, form, file):
    ws = workspace(tmp_path)
    browser = client(ws)
    before = (ws.inputs / file).read_bytes()
    fields = form_fields(browser.get(url).text, form)
    assert len(fields) > 10
    answer = post_form(browser, f"{url}/save", fields)
    assert answer.status_code == 200 and 'id="saved"' in answer.text
    assert (ws.inputs / file).read_bytes() == before


def test_a_plan_change_added_in_the_form(tmp_path: Path):
    """§18: the head excludes question 4 on the working body's note: the change is appended, nothing else moves."""
    ws = workspace(tmp_path)
    browser = client(ws)
    page = post_form(browser, "/plans/2026-H1/form?add=changes", form_fields(browser.get("/plans/2026-H1").text))
    fields = dict(form_fields(page.text, "plan-form"))
    fields.update({"changes.2.action": "exclude", "changes.2.item": "4", "changes.2.basis.by": "working_body",
                   "changes.2.basis.date": "2026-06-01", "changes.2.decided.by": "akim",
                   "changes.2.decided.date": "2026-06-03"})
    before = (ws.inputs / "plans" / "2026-H1.yaml").read_text(encoding="utf-8")
    check = post_form(browser, "/plans/2026-H1/check", list(fields.items()))
    assert check.status_code == 200
    saved = post_form(browser, "/plans/2026-H1/save", list(fields.items()))
    assert saved.status_code == 200
    assert _changed(before, (ws.inputs / "plans" / "2026-H1.yaml").read_text(encoding="utf-8")) == [
        "+  - item: 4", "+    action: exclude",
        "+    basis:", "+      by: working_body", "+      date: 2026-06-01",
        "+    decided:", "+      by: akim", "+      date: 2026-06-03"]
