"""Every document command prints the warnings of its own documents, raised as they are assembled (an addressee's
dative the analyser is unsure of, §19, §23, §24), as `check` prints them: file:line: message (§N)."""

from __future__ import annotations

import copy
import re

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.inputs import BASE_MEETING

UNSURE = "type the right form in body.yaml as position_dative: {ru: ...} (member 'ekimsovet')"


def addressed_to_ekimsovet(project, dative: dict | None, signed: bool = True) -> None:
    """A member whose Russian dative the analyser is unsure of («экимсовет района»), responsible for a decision."""
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    member = {"id": "ekimsovet", "name": "Е. Омаров", "role": "member", "voting": False,
              "position": {"kk": "аудан экімсоветі", "ru": "экимсовет района"}}
    if dative:
        member["position_dative"] = dative
    body["members"].append(member)
    project.write("body.yaml", body)
    items = copy.deepcopy(BASE_MEETING["items"])
    items[0]["decisions"][0].update(responsible=["ekimsovet"], due="2026-06-30")
    project.meeting(items=items, protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": signed})


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def warning_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if UNSURE in line]


@pytest.mark.parametrize("command", [["extracts", "2026-01"], ["reminders", "--as-of", "2026-06-20"]])
@pytest.mark.parametrize("dative,warned", [
    (None, True),                                   # derived, unsure: the document is written, and a warning
    ({"ru": "Районному экимсовету"}, False),        # typed: it wins, no warning
])
def test_a_document_command_prints_its_documents_warnings_as_check_does_s19_s23_s24(project, command, dative,
                                                                                     warned):
    addressed_to_ekimsovet(project, dative)
    result = run(project, *command)
    assert result.exit_code == 0, result.output
    printed = warning_lines(result.output)
    assert bool(printed) == warned, result.output
    checked = warning_lines(run(project, "check").output)
    assert set(printed) <= set(checked) and len(printed) == len(set(printed)), (printed, checked)
    if warned:
        assert re.fullmatch(r".*meetings/2026-01\.yaml:\d+: .+ \(§\d+(\.\d+)?\)", printed[0]), printed


def test_a_refusal_stays_a_refusal_with_the_documents_warnings_s23(project):
    addressed_to_ekimsovet(project, None, signed=False)
    result = run(project, "extracts", "2026-01")
    assert result.exit_code != 0
    assert "extracts need a signed protocol" in result.output or "§23" in result.output, result.output
    assert not (project.outputs / "meetings" / "2026-01" / "extracts").exists()
