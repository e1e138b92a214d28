"""Reminders and the status report for a day she chooses, from the workspace (§24, §27.1, §28): the commands'
own refusals, job builders and run, the same bytes as `reminders --as-of` and `status --as-of` write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.web import client, workspace


def _written(outputs: Path) -> dict[str, bytes]:
    return {p.relative_to(outputs).as_posix(): p.read_bytes() for p in sorted(outputs.rglob("*.docx"))}


def _post(browser, ws, kind: str, as_of: str, within: str = "14"):
    return browser.post(f"/documents/dated/{kind}", data={"csrf": ws.keys.csrf, "as_of": as_of, "within": within})


@pytest.mark.parametrize("as_of,within", [("2026-12-01", "14"), ("2026-10-14", "0"), ("2026-06-20", "30")])
def test_reminders_and_status_for_the_day_chosen_are_the_commands_own_s24_s28(tmp_path: Path, as_of, within):
    ws = workspace(tmp_path / "web")
    browser = client(ws)
    browser.get("/lang/ru")
    for kind in ("reminders", "status"):
        answer = _post(browser, ws, kind, as_of, within)
        assert answer.status_code == 200 and 'id="written"' in answer.text, answer.text[-2000:]
    outputs = tmp_path / "cli"
    for command in (["reminders", "--as-of", as_of, "--within", within], ["status", "--as-of", as_of]):
        result = CliRunner().invoke(cli, ["--quiet", "--inputs", str(ws.inputs), "--outputs", str(outputs), *command])
        assert result.exit_code == 0, result.output
    assert _written(ws.outputs) == _written(outputs)                   # the same letters, the same bytes
    assert f"reports/{as_of[:4]}/status-{as_of}.ru.docx" in _written(ws.outputs)


def test_the_files_of_each_day_are_listed_and_downloaded_and_nothing_else(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    _post(browser, ws, "reminders", "2026-12-01")
    _post(browser, ws, "status", "2026-11-27")
    stray = ws.outputs / "reminders" / "2026-12-01" / "notes.ru.docx"     # not a letter's name: never served
    stray.write_bytes(b"hers")
    (ws.outputs / "reminders" / "2026-12-01" / "01-link.ru.docx").symlink_to(tmp_path / "inputs" / "body.yaml")
    page = browser.get("/documents/dated?as_of=2026-12-01").text
    assert 'id="dated-2026-12-01"' in page and 'id="dated-2026-11-27"' in page
    assert page.index('id="dated-2026-12-01"') < page.index('id="dated-2026-11-27"')       # the newest first
    assert "notes.ru" not in page and "01-link" not in page
    keys = re.findall(r'href="/documents/file/([0-9a-f]{16})"', page)
    assert len(keys) == len(list(ws.outputs.rglob("0*.docx"))) - 1 + 2     # every letter, both status reports
    got = browser.get(f"/documents/file/{keys[0]}")
    assert got.status_code == 200 and got.content[:2] == b"PK"
    assert browser.get("/documents/file/" + "0" * 16).status_code == 404
    assert "Напоминания и справка" in browser.get("/documents").text        # reached from the documents page


def test_a_day_before_the_first_meeting_is_refused_with_the_reason_and_nothing_written_s24(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    answer = _post(browser, ws, "status", "2026-03-11")                  # the first meeting is on 12.03.2026
    refusal = answer.text.split('id="refused"')[1].split("</div>")[0]
    assert "Ничего не записано" in refusal and "2026-03-12" in refusal and "--as-of" not in refusal
    assert not ws.outputs.exists() or not list(ws.outputs.rglob("*.docx"))
    assert _post(browser, ws, "status", "2026-03-12").text.count('id="written"') == 1        # that day: allowed


@pytest.mark.parametrize("as_of,within,field", [
    ("", "14", "as-of"), ("2026-02-31", "14", "as-of"), ("2026-12-01", "367", "within"),
    ("2026-12-01", "-1", "within"), ("2026-12-01", "", "within")])
def test_a_day_or_a_window_it_cannot_read_is_named_beside_its_field_and_nothing_written(tmp_path, as_of, within,
                                                                                        field):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    answer = _post(browser, ws, "reminders", as_of, within)
    assert f'id="{field}-problem"' in answer.text and "ничего не записано" in answer.text
    assert not ws.outputs.exists()


def test_a_letter_no_longer_due_that_day_is_removed_and_said_s24(tmp_path: Path):
    """2026-04/1.2 is the akims' only assignment due by 15.12.2026: marked done, their letter goes, the next body's
    letter takes its number, and the page names each file removed (as `reminders` does)."""
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    _post(browser, ws, "reminders", "2026-12-01")
    folder = ws.outputs / "reminders" / "2026-12-01"
    assert sorted(p.name[:13] for p in folder.glob("*.ru.docx")) == [
        "01-otdel-obra", "02-kgp-kostan", "03-akimy-sels", "04-kgp-kostan"]
    control = ws.inputs / "control" / "2026.yaml"
    control.write_text(control.read_text(encoding="utf-8")
                       + "- assignment: 2026-04/1.2\n  status: done\n  date: 2026-11-30\n", encoding="utf-8")
    answer = _post(browser, ws, "reminders", "2026-12-01")
    assert sorted(p.name[:13] for p in folder.glob("*.ru.docx")) == ["01-otdel-obra", "02-kgp-kostan", "03-kgp-kostan"]
    said = answer.text.split('id="written"')[1].split("</div>")[0]
    assert said.count("удалено") == 4 or said.count("удал") == 4, said              # 03 and 04, in kk and ru
    assert "2026-04/1.2" not in answer.text.split('id="reminders"')[1]


def test_a_day_with_nothing_due_says_so_in_the_commands_words_and_writes_no_letter_s24(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    answer = _post(browser, ws, "reminders", "2026-03-12", "0")        # the first meeting's day: nothing due yet
    said = answer.text.split('id="written"')[1].split("</div>")[0]
    assert 'id="none-due"' in said and "2026-03-12" in said
    assert not (ws.outputs / "reminders").exists()
