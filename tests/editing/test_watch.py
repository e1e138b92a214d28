"""`watch`: after each save the changed meeting's documents are rewritten, a broken save is reported
and the watch goes on, and a signed protocol keeps its rule (§15)."""

from __future__ import annotations

import shutil

import pytest

from pipeline.editing.watch import relevant
from tests.support.docx_text import text
from tests.support.inputs import ROOT
from tests.support.watching import WatchProcess


def edit(path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def watch_session(tmp_path, env=None):
    """Sample inputs in a temporary folder, watched; yields (inputs, outputs, process) after the first round."""
    inputs, outputs = tmp_path / "inputs", tmp_path / "outputs"
    shutil.copytree(ROOT / "inputs", inputs)
    process = WatchProcess(inputs, outputs, env=env)
    process.until_summary()
    process.expect(r"^watching ")
    return inputs, outputs, process


def run_the_secretarys_loop(inputs, outputs, process) -> None:
    """Edit an unsigned meeting, save it broken, fix it, edit a signed one: each in its turn."""
    meeting = inputs / "meetings" / "2026-05.yaml"
    protocol = outputs / "meetings" / "2026-05" / "protocol.ru.docx"
    other = outputs / "meetings" / "2026-03" / "protocol.ru.docx"
    assert "Время: 10:00" in text(protocol)
    untouched = other.stat().st_mtime_ns

    edit(meeting, 'time: "10:00"', 'time: "11:30"')
    round_ = process.until_summary()
    assert any(line.endswith("meetings/2026-05/protocol.ru.docx") and line.startswith("wrote") for line in round_)
    assert "Время: 11:30" in text(protocol)
    assert other.stat().st_mtime_ns == untouched, "a meeting that did not change was rewritten"
    assert not any("2026-03" in line for line in round_ if line.startswith("wrote"))

    content = meeting.read_text(encoding="utf-8")
    meeting.write_text(content + "items: [\n", encoding="utf-8")   # saved half-typed
    round_ = process.until_summary()
    assert any("2026-05.yaml:" in line and "YAML" in line for line in round_), round_
    assert process.process.poll() is None, "a broken save stopped the watch"
    assert "Время: 11:30" in text(protocol)

    meeting.write_text(content.replace('time: "11:30"', 'time: "12:00"'), encoding="utf-8")
    process.until_summary()
    assert "Время: 12:00" in text(protocol)

    signed = outputs / "meetings" / "2026-01" / "protocol.ru.docx"   # 2026-01 is signed in the sample
    before = signed.read_bytes()
    edit(inputs / "meetings" / "2026-01.yaml", 'time: "10:00"', 'time: "16:00"')
    round_ = process.until_summary()
    assert any("2026-01.yaml:" in line and "(§15)" in line for line in round_), round_
    assert signed.read_bytes() == before


def test_watch_rewrites_the_changed_meeting_and_survives_a_broken_save(tmp_path):
    inputs, outputs, process = watch_session(tmp_path)
    try:
        run_the_secretarys_loop(inputs, outputs, process)
    finally:
        code = process.stop()
    assert code == 0 and process.lines[-1] == "watch stopped", process.lines[-5:]


@pytest.mark.parametrize("name, wanted", [
    ("2026-01.yaml", True), ("body.yml", True), ("protocol.ru.docx", True),
    (".2026-01.yaml.swp", False), ("~$otocol.ru.docx", False), ("2026-01.yaml~", False), ("notes.txt", False),
    (".~lock.protocol.ru.docx#", False),
])
def test_only_inputs_and_templates_start_a_round(name, wanted):
    assert relevant(f"/somewhere/{name}") is wanted
