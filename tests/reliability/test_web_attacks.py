"""The attacks on the workspace that got through, each refused now; and its answers when the disk fails.

A page that cannot open its file shows the finding; a form field's index is
bounded by the file; no other page may frame the forms (CSP, frame-ancestors);
the start link sends her only inside the workspace; a save through a link
writes the link's target; a save writes only what she entered; a save on a
read-only inputs/ and «Сформировать» on a full outputs/ answer in her language
with what failed, and change nothing.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.web import yamledit
from tests.support import disks
from tests.support.web import client, form_fields, post_form, workspace


def _fields(browser, meeting: str = "2026-05") -> list[tuple[str, str]]:
    return form_fields(browser.get(f"/meetings/{meeting}").text, "meeting-form")


def test_an_unreadable_meeting_file_gives_a_page_with_the_finding(tmp_path, monkeypatch):
    """No permission to read it (root reads everything, so the refusal of the system is simulated)."""
    import pipeline.load.source as source
    ws = workspace(tmp_path)
    path = ws.inputs / "meetings" / "2026-05.yaml"
    real_open = os.open

    def refusing_open(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)
    monkeypatch.setattr(source.os, "open", refusing_open)
    browser = client(ws)
    browser.cookies.set("shtab_lang", "ru")
    answer = browser.get("/meetings/2026-05")
    assert answer.status_code == 422
    assert "2026-05.yaml</code>: файл не читается: нет прав доступа" in answer.text
    assert "Этот файл нельзя открыть в форме" in answer.text and "Traceback" not in answer.text


def test_a_huge_index_in_a_form_is_bounded_by_the_file(tmp_path):
    ws = workspace(tmp_path)
    browser = client(ws)
    fields = _fields(browser) + [("items.8000000.title.ru", "Новый вопрос")]
    started = time.monotonic()
    answer = post_form(browser, "/meetings/2026-05/save", fields)
    assert time.monotonic() - started < 5
    assert answer.status_code == 200
    tree = yamledit.load(ws.inputs / "meetings" / "2026-05.yaml").tree
    assert tree["items"][-1]["title"]["ru"] == "Новый вопрос"
    assert all(item for item in tree["items"])          # appended as the next entry, no empty ones before it


@pytest.mark.parametrize("url", ["/", "/meetings/2026-05", "/documents", "/static/workspace.css"])
def test_every_answer_forbids_framing_and_foreign_code(tmp_path, url):
    browser = client(workspace(tmp_path))
    answer = browser.get(url)
    policy = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy and "default-src 'none'" in policy
    assert answer.headers["x-frame-options"] == "DENY"


def test_refusals_carry_the_policy_too(tmp_path):
    answer = client(workspace(tmp_path), start=False).get("/")
    assert answer.status_code == 403 and "frame-ancestors 'none'" in answer.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["//evil.example/x", "/\\evil.example/x", "//evil.example", "/%2F%2Fevil.example"])
def test_the_start_link_redirects_only_inside_the_workspace(tmp_path, path):
    ws = workspace(tmp_path)
    browser = client(ws, start=False)
    answer = browser.get(f"http://127.0.0.1{path}?token={ws.keys.token}", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/") and not answer.headers["location"].startswith(("//", "/\\"))


@pytest.mark.parametrize("lang, words", [("ru", "предупреждение: рабочее место отвечает на 0.0.0.0"),
                                         ("kk", "ескерту: жұмыс орны")])
def test_the_host_warning_is_in_her_language(monkeypatch, tmp_path, lang, words):
    import uvicorn

    from pipeline.cli.main import cli
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    ws = workspace(tmp_path)
    result = CliRunner().invoke(cli, ["--ui-lang", lang, "--inputs", str(ws.inputs), "serve", "--host", "0.0.0.0",
                                      "--no-browser"])
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.stderr.splitlines() if "0.0.0.0" in line)
    assert words in warning and "anyone" not in warning


def test_a_save_through_a_link_writes_its_target_and_keeps_the_link(tmp_path):
    ws = workspace(tmp_path)
    elsewhere = tmp_path / "shared" / "2026-05.yaml"
    elsewhere.parent.mkdir()
    link = ws.inputs / "meetings" / "2026-05.yaml"
    link.rename(elsewhere)
    link.symlink_to(elsewhere)
    browser = client(ws)
    answer = post_form(browser, "/meetings/2026-05/save", [*(f for f in _fields(browser) if f[0] != "time"),
                                                           ("time", "15:30")])
    assert answer.status_code == 200 and 'id="saved"' in answer.text
    assert link.is_symlink() and '"15:30"' in elsewhere.read_text(encoding="utf-8")


def test_a_save_adds_no_absent_entry_she_did_not_enter_s20(tmp_path):
    """A member in neither list stays so (check names her); the form shows no choice for her."""
    ws = workspace(tmp_path)
    path = ws.inputs / "meetings" / "2026-05.yaml"
    document = yamledit.load(path)
    absent = document.tree["absent"]
    member = absent[0]["member"]
    del absent[0]
    if not absent:
        del document.tree["absent"]
    path.write_text(document.text(), encoding="utf-8")
    browser = client(ws)
    fields = _fields(browser)
    assert not any(name == f"att.{member}" for name, _value in fields)     # neither radio checked
    before = path.read_bytes()
    answer = post_form(browser, "/meetings/2026-05/save", fields)
    assert answer.status_code == 200
    assert path.read_bytes() == before


def test_a_reason_typed_for_a_member_in_neither_list_makes_her_absent(tmp_path):
    ws = workspace(tmp_path)
    path = ws.inputs / "meetings" / "2026-05.yaml"
    document = yamledit.load(path)
    member = document.tree["absent"][0]["member"]
    del document.tree["absent"][0]
    if not document.tree["absent"]:
        del document.tree["absent"]
    path.write_text(document.text(), encoding="utf-8")
    browser = client(ws)
    fields = [(name, value) for name, value in _fields(browser) if name != f"absent.{member}.reason.ru"]
    post_form(browser, "/meetings/2026-05/save", fields + [(f"absent.{member}.reason.ru", "отпуск")])
    assert any(e["member"] == member for e in yamledit.load(path).tree["absent"])


# ---------------------------------------------------------------- a failing disk


@pytest.mark.parametrize("lang, said", [("ru", "не сохранено"), ("kk", "сақталмады")])
def test_a_save_on_a_read_only_inputs_says_so_in_her_language(tmp_path, lang, said):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.cookies.set("shtab_lang", lang)
    path = ws.inputs / "meetings" / "2026-05.yaml"
    before = path.read_bytes()
    fields = [f for f in _fields(browser) if f[0] != "time"] + [("time", "15:30")]
    with disks.read_only(ws.inputs / "meetings"):
        from urllib.parse import urlencode
        answer = browser.post("/meetings/2026-05/save", content=urlencode(fields),
                              headers={"content-type": "application/x-www-form-urlencoded", "hx-request": "true"})
    assert answer.status_code == 503, answer.text
    assert said in answer.text and "2026-05.yaml" in answer.text and 'id="not-saved"' in answer.text
    assert path.read_bytes() == before


@pytest.mark.parametrize("lang, said", [("ru", "не удалось записать документы (диск заполнен)"), ("kk", "құжаттарды жазу мүмкін болмады")])
def test_generate_on_a_full_outputs_says_so_in_her_language(tmp_path, lang, said):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.cookies.set("shtab_lang", lang)
    ws.outputs.mkdir()
    with disks.full(ws.outputs) as how:
        answer = post_form(browser, "/documents/generate", [("csrf", ws.keys.csrf)])
        left = sorted(p.name for p in ws.outputs.rglob("*") if p.is_file() and p.name != ".filler")
    assert answer.status_code == 200, answer.text
    assert (said if how == "tmpfs" else said.split(" (")[0]) in answer.text, answer.text[-3000:]
    assert left == [] or how == "ulimit"


def test_a_disk_failure_on_any_page_is_a_page_not_a_bare_500(tmp_path, monkeypatch):
    from pipeline.editing import scaffold
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.cookies.set("shtab_lang", "ru")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(ws.inputs / "meetings" / "2026-06.yaml"))
    monkeypatch.setattr(scaffold, "write_new_meeting", full)
    answer = post_form(browser, "/meetings/new", [("csrf", ws.keys.csrf), ("date", "2026-06-18")])
    assert answer.status_code == 507 and "диск заполнен" in answer.text
