"""The secretary's tools: editor schemas, the template check, scaffolds, help and messages."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli.main import cli
from pipeline.core.project import resolve
from pipeline.editing.schema import SCHEMA_LINE, SCHEMAS, all_schemas, input_kinds, schema_line
from pipeline.load.loader import load_file
from pipeline.load.models import Meeting
from pipeline.load.source import read_yaml
from pipeline.locale import messages
from tests.support.inputs import BASE_PLAN, ROOT, SAMPLE, VOTING

BASE_PLAN_ITEM = BASE_PLAN["items"][0]


@pytest.fixture(autouse=True)
def english_messages():
    """Each test starts, and leaves, with the developers' English."""
    messages.set_ui_lang("en")
    yield
    messages.set_ui_lang("en")


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env or {}, catch_exceptions=False)


def sample_files():
    return [(kind, path) for kind in input_kinds().values() for path in sorted(SAMPLE.glob(kind.files))]


# ---------------------------------------------------------------- schemas


def test_committed_schemas_are_what_the_command_generates():
    for path, data in all_schemas():
        assert path.is_file(), f"{path.name} is missing: run make schema"
        assert path.read_bytes() == data, f"{path.name} is stale: run make schema and commit it"
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(p.name for p, _ in all_schemas())


@pytest.mark.parametrize("kind,path", sample_files(), ids=lambda v: getattr(v, "name", str(v)))
def test_every_sample_input_validates_against_its_schema(kind, path):
    schema = json.loads((SCHEMAS / f"{kind.name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    tree, findings = read_yaml(path)
    assert findings == []
    jsonschema.Draft202012Validator(schema).validate(json.loads(json.dumps(tree)))


@pytest.mark.parametrize("kind,path", sample_files(), ids=lambda v: getattr(v, "name", str(v)))
def test_every_sample_input_names_its_schema_on_its_first_line(kind, path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == schema_line(kind.name, path)


def test_the_text_type_is_a_string_or_kk_ru_in_the_schema():
    schema = json.loads((SCHEMAS / "meeting.schema.json").read_text(encoding="utf-8"))
    place = schema["properties"]["place"]
    assert {"type": "string", "minLength": 1} in place["anyOf"]
    assert set(place["anyOf"][1]["properties"]) == {"kk", "ru"}
    validator = jsonschema.Draft202012Validator(schema)
    assert any("additional" in e.message.lower() or "not valid" in e.message.lower()
               for e in validator.iter_errors({"place": {"en": "hall"}}))


def test_schema_command_leaves_unchanged_files_alone(tmp_path):
    assert run("schema", "--out", str(tmp_path)).exit_code == 0
    again = run("schema", "--out", str(tmp_path))
    assert "0 written" in again.output


# ---------------------------------------------------------------- templates


def test_every_template_parses_uses_known_values_and_renders_the_sample():
    result = run("--inputs", str(SAMPLE), "templates")
    assert result.exit_code == 0, result.output
    assert "template(s) checked" in result.output


def _broken_copy(tmp_path: Path, name: str, paragraph: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    document = Document(str(ROOT / "templates_docx" / name))
    document.add_paragraph(paragraph)
    document.save(str(folder / name))
    return folder


@pytest.mark.parametrize("name,broken", [
    ("protocol.ru.docx", "Должность: {{ p.position"),      # Word lost the closing braces
    ("agenda.kk.docx", "{%p for x in %}"),                  # a loop with nothing to loop over
])
def test_a_broken_tag_names_the_template_and_the_tag_not_a_stack_trace(tmp_path, name, broken):
    folder = _broken_copy(tmp_path, name, broken)
    result = run("--inputs", str(SAMPLE), "templates", "--dir", str(folder))
    assert result.exit_code == 1
    assert name in result.output and broken.split(": ")[-1] in result.output
    assert "Traceback" not in result.output


def test_a_value_no_document_provides_is_named(tmp_path):
    folder = _broken_copy(tmp_path, "composition.kk.docx", "{{ chairman_name }}")
    result = run("--inputs", str(SAMPLE), "templates", "--dir", str(folder))
    assert result.exit_code == 1
    assert "composition.kk.docx" in result.output and "chairman_name" in result.output


# ---------------------------------------------------------------- new-meeting


def test_new_meeting_is_prefilled_and_check_lists_what_to_type(project):
    result = run("--inputs", str(project.inputs), "new-meeting", "--date", "2026-06-11")
    assert result.exit_code == 0, result.output
    path = project.inputs / "meetings" / "2026-01.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE)
    assert re.search(r"^number: 1\b", text, re.M) and re.search(r"^date: 2026-06-11\b", text, re.M)
    assert all(f"  - {member}" in text for member in VOTING)          # every voting member, present
    assert re.search(r"[әғқңөұүһі]", text) and re.search(r"[а-я]", text)   # comments in Kazakh and Russian
    check = run("--inputs", str(project.inputs), "check")
    assert check.exit_code == 1
    unfilled = [line for line in check.output.splitlines() if "not filled in" in line]
    lines = text.splitlines()
    assert all("<<" in lines[int(line.split(":")[1]) - 1] for line in unfilled)   # each points at its mark
    assert [line.split(": ")[1] for line in unfilled] == ["time", "place", "agenda_approved.date", "question 1, title"]


def test_a_filled_in_scaffold_makes_an_agenda(project):
    run("--inputs", str(project.inputs), "new-meeting", "--date", "2026-06-11")
    path = project.inputs / "meetings" / "2026-01.yaml"
    filled = re.sub(r'"<<[^"]*(10:00)[^"]*>>"', '"10:00"', path.read_text(encoding="utf-8"))
    filled = re.sub(r'date: "<<[^"]*>>"', "date: 2026-06-04", filled)
    filled = re.sub(r'"<<([^">]*)>>"', r'"\1 — typed"', filled)
    path.write_text(filled, encoding="utf-8")
    meeting, findings = load_file(path, Meeting)
    assert findings == [] and meeting.number == 1
    result = run("--inputs", str(project.inputs), "--outputs", str(project.outputs), "agenda")
    assert result.exit_code == 0, result.output
    assert (project.outputs / "meetings" / "2026-01" / "agenda.ru.docx").is_file()


def test_new_meeting_takes_the_next_number_and_id_of_the_year(project):
    project.meeting("2026-01")                                   # protocol No. 1 of 12 March 2026
    project.meeting("2026-02", number=2, date="2026-05-14")
    run("--inputs", str(project.inputs), "new-meeting", "--date", "2026-09-10")
    text = (project.inputs / "meetings" / "2026-03.yaml").read_text(encoding="utf-8")
    assert re.search(r"^number: 3\b", text, re.M)
    run("--inputs", str(project.inputs), "new-meeting", "--date", "2027-02-10")
    assert re.search(r"^number: 1\b", (project.inputs / "meetings" / "2027-01.yaml").read_text(), re.M)


def test_new_meeting_never_overwrites_a_file(project, monkeypatch):
    from pipeline.editing import scaffold
    target = project.meeting("2026-05")
    before = target.read_bytes()
    monkeypatch.setattr(scaffold, "next_meeting_id", lambda folder, year: "2026-05")
    result = run("--inputs", str(project.inputs), "new-meeting", "--date", "2026-06-11")
    assert result.exit_code == 1 and "nothing was written" in result.output
    assert target.read_bytes() == before


def test_placeholder_text_is_refused_as_not_filled_in(project):
    path = project.meeting(place={"kk": "<<орны>>", "ru": "зал"})
    _, findings = load_file(path, Meeting)
    assert [str(f.message) for f in findings] == ["place: not filled in: replace <<орны>> with the real value"]


# ---------------------------------------------------------------- new-plan (§16-18)

POSTPONED_TO_SEPTEMBER = [{
    "item": 1, "action": "postpone", "to": "2026-09",
    "basis": {"by": "working_body", "date": "2026-05-20", "text": {"kk": "Деректер жоқ.", "ru": "Нет данных."}},
    "decided": {"by": "akim", "date": "2026-05-22"},
}]


def new_plan(project, *args: str):
    return run("--inputs", str(project.inputs), "new-plan", *args)


def test_new_plan_names_the_questions_postponed_into_it_and_leaves_one_to_type(project):
    """§18: the question 2026-H1/1 postponed to September is named, not copied: it stays 2026-H1/1."""
    project.plan(changes=POSTPONED_TO_SEPTEMBER)
    assert new_plan(project).exit_code == 0
    text = (project.inputs / "plans" / "2026-H2.yaml").read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE) and "plan.schema.json" in text.splitlines()[0]
    assert "approved:\n  by: akim\n" in text                                      # §16: the head
    items = text.index("items:")
    assert re.search(r'^# .*plan: "2026-H1/1"', text[:items], re.M)                  # named above the items
    assert "#   2026-H1/1: " in text[:items] and "О профилактике среди молодежи" in text[:items]
    assert "О профилактике среди молодежи" not in text[items:]                       # not a second question
    assert '  - "no": 1' in text[items:] and '  - "no": 2' not in text and "<<название вопроса>>" in text
    assert re.search(r"^changes: \[\]$", text, re.M)
    assert re.search(r"[әғқңөұүһі]", text) and re.search(r"[а-я]", text)


def test_check_lists_every_placeholder_of_a_fresh_plan_with_its_line(project):
    project.plan(changes=POSTPONED_TO_SEPTEMBER)
    new_plan(project)
    lines = (project.inputs / "plans" / "2026-H2.yaml").read_text(encoding="utf-8").splitlines()
    check = run("--inputs", str(project.inputs), "check")
    assert check.exit_code == 1
    unfilled = [line for line in check.output.splitlines() if "2026-H2.yaml" in line and "not filled in" in line]
    assert all("<<" in lines[int(line.split(":")[1]) - 1] for line in unfilled)   # each points at its mark
    assert [line.split(": ")[1] for line in unfilled] == [
        "approved.date", "sent_to_members", "question 1, title", "question 1, responsible body 1",
        "question 1, proposed_by", "question 1, quarter"]                                  # dates, texts, a member id, a quarter number


def _fill_in(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'  date: "<<[^"]*>>"', "  date: 2026-06-26", text)
    text = re.sub(r'sent_to_members: "<<[^"]*>>"', "sent_to_members: 2026-06-30", text)
    text = re.sub(r'proposed_by: "<<[^"]*>>"', "proposed_by: education", text)
    text = re.sub(r'quarter: "<<[^"]*>>"', "quarter: 4", text)
    text = re.sub(r'"<<([^">]*)>>"', r'"\1 — typed"', text)
    path.write_text(text, encoding="utf-8")


def test_a_filled_in_plan_passes_check_and_prints(project):
    project.plan(changes=POSTPONED_TO_SEPTEMBER)
    new_plan(project)
    path = project.inputs / "plans" / "2026-H2.yaml"
    _fill_in(path)
    check = run("--inputs", str(project.inputs), "check")
    assert [line for line in check.output.splitlines() if "2026-H2" in line] == []
    result = run("--inputs", str(project.inputs), "--outputs", str(project.outputs), "plan", "2026-H2")
    assert result.exit_code == 0, result.output
    document = Document(str(project.outputs / "plans" / "2026-H2.ru.docx"))
    cells = " ".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "название вопроса — typed" in cells


def test_new_plan_never_overwrites_a_file(project, monkeypatch):
    from pipeline.editing import scaffold
    target = project.inputs / "plans" / "2026-H1.yaml"
    before = target.read_bytes()
    monkeypatch.setattr(scaffold, "next_plan_id", lambda folder, day: "2026-H1")
    result = new_plan(project)
    assert result.exit_code == 1 and "nothing was written" in result.output
    assert target.read_bytes() == before


def test_the_plan_after_the_second_half_is_next_years_first(project):
    project.plan("2026-H2", approved={"by": "akim", "date": "2026-06-26"}, items=[
        dict(BASE_PLAN_ITEM, quarter=3)])
    assert new_plan(project).exit_code == 0
    text = (project.inputs / "plans" / "2027-H1.yaml").read_text(encoding="utf-8")
    assert "2027" in text.splitlines()[1] and "квартал, 1 или 2>>" in text


def test_without_plans_the_half_year_of_the_date(project):
    (project.inputs / "plans" / "2026-H1.yaml").unlink()
    assert new_plan(project, "--date", "2027-08-14").exit_code == 0
    assert (project.inputs / "plans" / "2027-H2.yaml").is_file()


# ---------------------------------------------------------------- help, messages, progress


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_help_has_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output


def test_every_command_is_documented_in_the_readme_and_the_guides():
    for document in ("README.md", "docs/user/guide.kk.md", "docs/user/guide.ru.md"):
        text = (ROOT / document).read_text(encoding="utf-8")
        missing = [c for c in _commands() if not re.search(rf"\b(pipeline|make|shtab) {re.escape(c)}\b", text)]
        assert missing == [], f"{document} does not show: {missing}"


def test_messages_follow_ui_lang_and_shtab_lang(project):
    project.meeting(present=VOTING[:10])                         # no quorum: 10 of 16
    english = run("--inputs", str(project.inputs), "check").output
    russian = run("--inputs", str(project.inputs), "--ui-lang", "ru", "check").output
    kazakh = run("--inputs", str(project.inputs), "check", env={"SHTAB_LANG": "kk"}).output
    assert "no quorum: 10 of 16" in english and "(§20)" in english
    assert "нет кворума" in russian and "ошибок: " in russian and "(§20)" in russian
    assert "кворум жоқ" in kazakh and "қателер: 1" in kazakh and "Қате: " not in kazakh   # not "Error: 1 error(s)"


def test_documents_end_with_the_files_written_and_no_progress_bar_when_not_a_terminal(project):
    project.meeting()
    result = run("--inputs", str(project.inputs), "--outputs", str(project.outputs), "agenda")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[-1] == "2 document(s), 2 written, 0 unchanged"
    assert any(line.startswith("wrote ") and line.endswith("agenda.kk.docx") for line in lines)
    assert "Writing documents" not in result.output
    quiet = run("--inputs", str(project.inputs), "--outputs", str(project.outputs), "--quiet", "agenda")
    assert quiet.output == ""


def test_the_progress_bar_shows_on_a_terminal(project, monkeypatch):
    import sys

    from pipeline.cli.commands import common as cli_module
    project.meeting()
    shown = []
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    options = cli_module.Options(resolve(inputs=project.inputs, outputs=project.outputs), None, quiet=False, as_of=dt.date(2026, 3, 20))
    progress = cli_module.progress_bar(options, messages._("Writing documents"))
    assert progress is not None
    monkeypatch.setattr(cli_module.click, "progressbar", lambda items, **kw: shown.append(kw["label"]) or _Bar(items))
    assert list(progress([1, 2])) == [1, 2] and shown == ["Writing documents"]
    assert cli_module.progress_bar(cli_module.Options(resolve(inputs=project.inputs, outputs=project.outputs), None, quiet=True, as_of=dt.date(2026, 3, 20)),
                                "progress.rendering") is None


class _Bar:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return iter(self.items)

    def __exit__(self, *exc):
        return False


def test_sample_inputs_copy_is_untouched_by_scaffold(tmp_path):
    """new-meeting on a copy of the sample writes one new file and changes none of the others."""
    inputs = tmp_path / "inputs"
    shutil.copytree(SAMPLE, inputs)
    before = {p: p.read_bytes() for p in inputs.rglob("*.yaml")}
    assert run("--inputs", str(inputs), "new-meeting", "--date", "2026-11-12").exit_code == 0
    after = {p: p.read_bytes() for p in inputs.rglob("*.yaml")}
    assert {p: after[p] for p in before} == before and len(after) == len(before) + 1
