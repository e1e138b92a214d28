"""The annual report is the akimat's outgoing letter: sender, outgoing number and date, addressee."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import paragraphs


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def report(project, lang):
    return paragraphs(project.outputs / "reports" / "2026" / f"annual-report.{lang}.docx")


def test_the_report_carries_the_senders_requisites(project):
    project.meeting()
    project.write("indicators/2026.yaml", "ngos: 7\noutgoing: {number: 01-14/27, date: 2027-01-15}\n")
    assert run(project, "annual-report", "2026").exit_code == 0
    ru, kk = report(project, "ru"), report(project, "kk")
    assert ru[:4] == ["Акимат Костанайского района", "поселок Затобольск", "15.01.2027\u00a0№\u00a001-14/27",
                      "Министерству внутренних дел Республики Казахстан"]
    assert kk[:4] == ["Қостанай ауданы әкімдігі", "Затобол кенті", "15.01.2027\u00a0№\u00a001-14/27",
                      "Қазақстан Республикасы Ішкі істер министрлігіне"]


def test_without_an_outgoing_number_the_line_is_left_for_the_registry(project):
    project.meeting()
    project.write("indicators/2026.yaml", "ngos: 7\n")
    assert run(project, "annual-report", "2026").exit_code == 0
    assert report(project, "ru")[2] == "______________\u00a0№\u00a0______________"   # as the filled line: one line


def test_an_impossible_outgoing_date_is_refused_with_its_line(project):
    project.meeting()
    path = project.write("indicators/2026.yaml", "ngos: 7\noutgoing: {number: 01-14/27, date: 2027-02-30}\n")
    result = run(project, "annual-report", "2026")
    assert result.exit_code == 1 and f"{path}:2:" in result.output
