"""A project is a folder of the Штаб's data, apart from the program: `shtab init`, and her own templates_docx/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.core.project import activate, resolve
from pipeline.editing.scaffold import KIND_FOLDERS
from pipeline.load.models import Body
from tests.support.docx_text import text as docx_text
from tests.support.inputs import ROOT


def invoke(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args))
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, list(args))


@pytest.fixture(autouse=True)
def no_project_left_active():
    yield
    activate(None)


def test_init_writes_a_body_scaffold_with_every_key_and_the_kinds_folders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("--ui-lang", "ru", "init", "arkalyk")
    assert result.exit_code == 0, result.output
    body = tmp_path / "arkalyk" / "inputs" / "body.yaml"
    text = body.read_text(encoding="utf-8")
    for name in KIND_FOLDERS:
        assert (tmp_path / "arkalyk" / "inputs" / name).is_dir()
    assert (tmp_path / "arkalyk" / "schemas" / "body.schema.json").is_file()
    assert text.startswith("# yaml-language-server: $schema=../schemas/body.schema.json\n")
    # every key of body.yaml is there, as a key or in a comment that names it
    for key in Body.model_fields:
        assert f"{key}:" in text, key
    for key in ("id", "name", "position", "role", "by_agreement", "voting", "from", "until", "position_genitive"):
        assert f"{key}:" in text or f"{key} (" in text, key
    # comments in both languages by default, values to type as <<...>>
    assert "# полное наименование штаба" in text and "# штабтың толық атауы" in text
    assert "<<" in text and yaml.safe_load(text)["languages"] == ["kk", "ru"]
    # the next three steps, in her language
    assert "Дальше:" in result.output and "shtab check" in result.output and "shtab new-meeting" in result.output


def test_init_in_her_language_only_and_check_lists_what_to_type(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "arkalyk", "--lang", "kk").exit_code == 0
    text = (tmp_path / "arkalyk" / "inputs" / "body.yaml").read_text(encoding="utf-8")
    assert "# штабтың толық атауы" in text and "# полное наименование штаба" not in text
    monkeypatch.chdir(tmp_path / "arkalyk")
    check = invoke("--ui-lang", "ru", "check")
    assert check.exit_code == 1
    assert "inputs/body.yaml:6: name: не заполнено" in check.output, check.output


def test_init_never_overwrites_a_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "arkalyk").exit_code == 0
    body = tmp_path / "arkalyk" / "inputs" / "body.yaml"
    body.write_text("mine\n", encoding="utf-8")
    again = invoke("--ui-lang", "ru", "init", "arkalyk")
    assert again.exit_code == 1 and "уже существует" in again.output
    assert body.read_text(encoding="utf-8") == "mine\n"


def test_her_templates_and_phrases_override_the_programs(tmp_path, monkeypatch):
    project = tmp_path / "mine"
    shutil.copytree(ROOT / "inputs", project / "inputs")
    own = project / "templates_docx"
    own.mkdir()
    # a phrase of her own; the other phrases stay the program's
    (own / "phrases.yaml").write_text('ru:\n  "due_date": "не позднее {date}"\n', encoding="utf-8")
    paths = resolve(project)
    assert paths.templates[0] == own and paths.template("protocol", "ru") == paths.templates[-1] / "protocol.ru.docx"
    shutil.copy2(paths.templates[-1] / "composition.kk.docx", own / "composition.kk.docx")
    assert resolve(project).template("composition", "kk") == own / "composition.kk.docx"
    monkeypatch.chdir(project)
    done = invoke("protocol", "2026-01", "--lang", "ru", "-q")
    assert done.exit_code == 0, done.output
    written = docx_text(project / "outputs" / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "не позднее" in written
    # the program's own phrase for the other language is untouched
    activate(None)
    from pipeline.context.phrases import PHRASES
    assert PHRASES["ru"]["due_date"] == "до {date}"


def test_the_samples_comments_are_in_kazakh_and_russian():
    """The sample is a project like any other, read by secretaries: its comments in kk and ru, none in English."""
    kazakh = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
    for path in sorted((ROOT / "inputs").rglob("*.yaml")):
        comments = [line for line in path.read_text(encoding="utf-8").splitlines()
                    if line.lstrip().startswith("#") and "yaml-language-server" not in line]
        assert comments, path
        for line in comments:
            assert re.search(r"[а-яё]", line, re.IGNORECASE), f"{path}: {line}"
            assert not re.search(r"\b(the|of|and|is|for)\b", line), f"{path}: {line}"
        parts = [part for line in comments for part in line.lstrip("# ").split(" / ")]
        assert any(kazakh.search(part) for part in parts), path                # a Kazakh sentence
        assert any(not kazakh.search(part) for part in parts), path            # and its Russian one


@pytest.mark.parametrize("with_plan", [False, True])
def test_the_meeting_scaffolds_hints_name_only_her_projects_plan_and_members(tmp_path, monkeypatch, with_plan):
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "mine").exit_code == 0
    body = (ROOT / "inputs" / "body.yaml").read_text(encoding="utf-8").replace("id: police", "id: politsiya")
    (tmp_path / "mine" / "inputs" / "body.yaml").write_text(body, encoding="utf-8")
    if with_plan:
        shutil.copy2(ROOT / "inputs" / "plans" / "2026-H2.yaml", tmp_path / "mine" / "inputs" / "plans" / "2026-H2.yaml")
    monkeypatch.chdir(tmp_path / "mine")
    assert invoke("new-meeting", "--date", "2026-08-20").exit_code == 0
    text = (tmp_path / "mine" / "inputs" / "meetings" / "2026-01.yaml").read_text(encoding="utf-8")
    assert "2026-H1/1" not in text and "police" not in text                   # not the sample's
    assert ("2026-H2/" in text) is with_plan
