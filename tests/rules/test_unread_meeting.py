"""One typing error, one message: a meeting file that cannot be read is reported once, at its own line, and
the rules that would need it (§12 quarters, §18 plan questions heard, §24 control entries of that meeting) do
not judge without it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pipeline.stages import check_project, prepare

SAMPLE = Path(__file__).resolve().parents[2] / "inputs"
YEAR_END = dt.date(2026, 12, 31)


def sample_copy(tmp_path: Path) -> Path:
    inputs = tmp_path / "inputs"
    shutil.copytree(SAMPLE, inputs)
    return inputs


def break_date(path: Path) -> None:
    """The meeting's date typed the way people write it by hand (31.03.2026): not a date of YAML."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("date:"))
    lines[index] = "date: 31.03.2026\n"
    path.write_text("".join(lines), encoding="utf-8")


def add_control_entry(inputs: Path, assignment: str) -> None:
    control = inputs / "control" / "2026.yaml"
    control.write_text(control.read_text(encoding="utf-8")
                       + f"- assignment: {assignment}\n  status: done\n  date: 2026-05-29\n", encoding="utf-8")


@pytest.mark.parametrize("broken,extra_entry,expected_files,expected_rules", [
    # nothing broken: the sample has no error at all
    (None, None, set(), set()),
    # §24 boundary: an entry of a meeting that does not exist is still an error
    (None, "2026-09/1.1", {"control/2026.yaml"}, {"§24"}),
    # 2026-01 unreadable: its one error, and no "unknown assignment", no §12 quarter, no §18 question
    ("2026-01", None, {"meetings/2026-01.yaml"}, {""}),
    # 2026-01 unreadable and an entry of a meeting that does not exist: both reported, nothing else
    ("2026-01", "2026-09/1.1", {"meetings/2026-01.yaml", "control/2026.yaml"}, {"", "§24"}),
])
def test_an_unreadable_meeting_is_one_error_not_a_cascade_s12_s18_s24(tmp_path, broken, extra_entry,
                                                                        expected_files, expected_rules):
    inputs = sample_copy(tmp_path)
    if broken:
        break_date(inputs / "meetings" / f"{broken}.yaml")
    if extra_entry:
        add_control_entry(inputs, extra_entry)
    findings = check_project(prepare(inputs, YEAR_END))
    errors = [f for f in findings if f.is_error]
    assert {Path(f.loc.file).relative_to(inputs).as_posix() for f in errors} == expected_files
    assert {f.rule for f in errors} == expected_rules
    assert len(errors) == len(expected_files)
    if broken:
        assert [f for f in findings if f.rule in ("§12", "§18")] == []


def test_with_every_meeting_read_a_missing_quarter_is_still_a_warning_s12(tmp_path):
    """The other side of the boundary: remove the first quarter's meeting file and §12 speaks again."""
    inputs = sample_copy(tmp_path)
    (inputs / "meetings" / "2026-01.yaml").unlink()
    findings = check_project(prepare(inputs, YEAR_END))
    assert any(f.rule == "§12" and not f.is_error and "1" in f.render("en") for f in findings)
