"""Headings and addressees in the right case without typed forms.

body.yaml needs no genitive or dative keys: the Russian forms come from the
analyser (grammar/ru.py), the Kazakh ones from the suffix rules; a typed form
still wins; where the analyser is unsure, `check` warns and names the key to type.
"""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import seen_paragraphs, seen_text

RU_GENITIVE = ("Межведомственного штаба по координации деятельности государственных органов по профилактике "
               "наркомании и противодействию наркопреступности при акимате Костанайского района")


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def edit_body(project, **changes):
    path = project.inputs / "body.yaml"
    body = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    path.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_headings_without_genitive_keys(project):
    edit_body(project, name_genitive=None, akimat_genitive=None)
    project.meeting()
    assert run(project, "protocol").exit_code == 0
    assert run(project, "composition").exit_code == 0
    assert run(project, "plan").exit_code == 0
    ru = seen_paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "заседания " + RU_GENITIVE in ru
    assert "ведомствоаралық штабтың құрамы" in seen_text(project.outputs / "composition.kk.docx")
    composition = seen_text(project.outputs / "composition.ru.docx")
    assert RU_GENITIVE in composition and "к постановлению акимата Костанайского района" in composition
    assert "Межведомственный штаб" not in composition
    plan = seen_text(project.outputs / "plans" / "2026-H1.ru.docx")
    assert RU_GENITIVE + " на первое полугодие 2026 года" in plan


def test_a_typed_form_wins(project):
    edit_body(project, name_genitive={"kk": "ведомствоаралық штабтың", "ru": "Штаба (типовое название)"})
    project.meeting()
    assert run(project, "protocol").exit_code == 0
    ru = seen_paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "заседания Штаба (типовое название)" in ru


def test_the_annual_report_is_addressed_in_the_dative(project):
    edit_body(project, authorized_body={"kk": "Қазақстан Республикасы Ішкі істер министрлігі",
                                        "ru": "Министерство внутренних дел Республики Казахстан"},
              authorized_body_dative=None)
    project.meeting()
    assert run(project, "annual-report", "2026").exit_code == 0
    ru = seen_paragraphs(project.outputs / "reports" / "2026" / "annual-report.ru.docx")
    assert "Министерству внутренних дел Республики Казахстан" in ru
    kk = seen_paragraphs(project.outputs / "reports" / "2026" / "annual-report.kk.docx")
    assert "Қазақстан Республикасы Ішкі істер министрлігіне" in kk


def test_check_warns_where_the_analyser_is_unsure_and_names_the_key(project):
    edit_body(project, name={"kk": "ведомствоаралық штаб", "ru": "Штабной комитет Нуржан-Кала"},
              authorized_body={"kk": "министрлік", "ru": "«Агентство» по делам"}, name_genitive=None)
    project.meeting()
    result = run(project, "check")
    lines = [line for line in result.output.splitlines() if "uncertain" in line]
    assert any(line.startswith(str(project.inputs / "body.yaml") + ":") or "body.yaml:" in line for line in lines)
    assert any("authorized_body_dative: {ru: ...}" in line and "(§19)" in line for line in lines), result.output
    assert result.exit_code == 0  # a warning: the documents are still written


def test_no_warning_when_the_forms_are_typed(project):
    edit_body(project, authorized_body={"kk": "министрлік", "ru": "«Агентство» по делам"},
              authorized_body_dative={"kk": "министрлікке", "ru": "«Агентству» по делам"})
    project.meeting()
    result = run(project, "check")
    assert "uncertain" not in result.output
