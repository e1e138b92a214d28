"""A text typed without quotes that YAML cuts at " #" (everything after is a comment) is a warning with its
line, never a silent loss: "кабинет #5" or a campaign's "#НетНаркотикам" would reach the document cut short."""

from __future__ import annotations

import pytest

from pipeline.load.source import texts_cut_by_a_hash
from pipeline.stages import prepare
from tests.support.inputs import RUN_DATE


@pytest.mark.parametrize("yaml_text,expected", [
    ("place:\n  ru: зал заседаний, кабинет #5\n", [(2, "#5", '"зал заседаний, кабинет #5"')]),
    ("title:\n  ru: Акция #НетНаркотикам в школах\n",
     [(2, "#НетНаркотикам в школах", '"Акция #НетНаркотикам в школах"')]),
    ('position:\n  ru: ГУ "Центр" #2\n', [(2, "#2", "'ГУ \"Центр\" #2'")]),   # a double quote inside: single quotes
    ("date: 2026-03-12   # §12: the usual comment, a space after the sign\n", []),
    ("# a whole line of comment\n#another\nnumber: 1\n", []),
    ('place:\n  ru: "зал заседаний, кабинет #5"\n', []),                        # quoted: the sign is text
    ("place:\n  ru: кабинет#5\n", []),                                          # no space before: text
    ("heard:\n  ru: >-\n    принимает кабинет #5\n", []),                       # a block: everything is text
    ("present: [akim, police] #полиция\n", []),                                 # after a flow list: not a text
])
def test_a_text_cut_by_a_hash_is_a_warning_at_its_line(yaml_text, expected):
    findings = texts_cut_by_a_hash(yaml_text, "meetings/2026-01.yaml")
    assert all(not f.is_error for f in findings)
    assert [(f.loc.line, dict(f.message.values)["cut"], dict(f.message.values)["quoted"]) for f in findings] == expected


def test_check_reports_it_and_the_file_is_still_read(project):
    path = project.meeting()
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("  ru:"))
    lines[row] += " #5"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assessment = prepare(project.inputs, RUN_DATE)
    cut = [f for f in assessment.findings if "#5" in f.render("ru")]
    assert [(f.loc.line, f.is_error) for f in cut] == [(row + 1, False)]
    assert "текст обрывается перед «#5»" in cut[0].render("ru")
    assert assessment.meetings, "the meeting is still read and judged"
