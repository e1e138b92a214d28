"""What an akimat's records office reads in each kind of document, read back with python-docx (§N cited)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import text


def run(project, *args):
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])
    return result


def body_with(project, change) -> None:
    """body.yaml of the project, changed by `change(body_dict)`."""
    path = project.inputs / "body.yaml"
    body = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(body)
    project.write("body.yaml", body)


def member(body: dict, member_id: str) -> dict:
    return next(m for m in body["members"] if m["id"] == member_id)


# ---------------------------------------------------------------- the composition (Appendix 1, §8)


@pytest.mark.parametrize("as_of,listed", [
    ("2026-03-20", {"prosecutor", "knb"}),      # knb's membership ends ahead: still a member
    ("2026-06-30", {"prosecutor", "knb"}),      # the last day of knb's membership (inclusive)
    ("2026-07-01", {"prosecutor"}),             # the day after: knb has left
    ("2026-01-31", {"knb"}),                    # before the prosecutor's membership begins
])
def test_the_composition_lists_every_member_in_force_on_its_date_s8(project, as_of, listed):
    def change(body):
        member(body, "knb")["until"] = dt.date(2026, 6, 30)
        member(body, "prosecutor")["from"] = dt.date(2026, 2, 1)
    body_with(project, change)
    result = run(project, "composition", "--as-of", as_of)
    assert result.exit_code == 0, result.output
    ru = text(project.outputs / "composition.ru.docx")
    kk = text(project.outputs / "composition.kk.docx")
    assert ("Комитета национальной безопасности" in ru) == ("knb" in listed)
    assert ("Ұлттық қауіпсіздік комитетінің" in kk) == ("knb" in listed)
    assert ("Прокурор Костанайского района" in ru) == ("prosecutor" in listed)
