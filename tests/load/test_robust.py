"""Bad input never breaks a document or loses one.

Texts print as typed; characters a document cannot hold are refused with
file:line and their code; a failed run changes nothing; a signed protocol
stays as signed (§15); nothing is written outside --outputs; every wrong input
gets a message, never a traceback.
"""

from __future__ import annotations

import copy
import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import pipeline.stages as stages
import pipeline.write.files as write
from pipeline.cli.main import cli
from pipeline.write.guards import outside_outputs
from tests.support.docx_reading import full_text, paragraphs, snapshot, stderr_is_findings_only, temporary_files
from tests.support.inputs import BASE_MEETING, ROOT, VOTING, meeting

HOSTILE = "Итог {{ 7*7 }} {% if x %}да{% endif %} <b>жирный</b> & \"кавычки\" 'апостроф' «ёлочки» ]]> конец"


def run(project, *args: str, outputs: Path | None = None):
    """The command line as the secretary runs it, on the project's folders; inputs must stay untouched."""
    before = snapshot(project.inputs)
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(outputs or project.outputs),
                                      *args])
    assert snapshot(project.inputs) == before, "a command changed an input file"
    return result


def item(**changes) -> dict:
    data = copy.deepcopy(BASE_MEETING["items"][0])
    data.update(changes)
    return data


def protocol_path(project, lang: str = "ru", meeting_id: str = "2026-01") -> Path:
    return project.outputs / "meetings" / meeting_id / f"protocol.{lang}.docx"


# ---------------------------------------------------------------- 1. texts are literal


def test_hostile_texts_print_exactly_as_typed_everywhere(project):
    """Jinja syntax, markup, XML specials and quotes are data: each appears verbatim, nothing evaluated."""
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    body["members"][0]["name"] = HOSTILE
    body["members"][1]["position"] = HOSTILE
    project.write("body.yaml", body)
    project.meeting(
        place=HOSTILE, invited=[{"name": HOSTILE, "position": HOSTILE}],
        stand_ins=[{"for": VOTING[12], "name": HOSTILE, "position": HOSTILE}],
        items=[item(title=HOSTILE, heard=HOSTILE, speakers=["police", {"name": HOSTILE, "position": HOSTILE}],
                    decisions=[{"text": HOSTILE, "responsible": [HOSTILE], "due": HOSTILE}],
                    dissent=[{"member": "police", "date": "2026-03-12", "text": HOSTILE}])])
    result = run(project, "all")
    assert result.exit_code == 0, result.output
    for lang in ("kk", "ru"):
        protocol = full_text(protocol_path(project, lang))
        assert "49" not in protocol and "{{ 7*7 }}" in protocol
        # place, chair, invited (name, position), stand-in, title, speaker (name, position), heard, decision,
        # responsible, due, dissent: every one prints the text as typed
        assert protocol.count(HOSTILE) >= 12, protocol.count(HOSTILE)
        assert HOSTILE in paragraphs(protocol_path(project, lang))  # heard and decision texts: whole paragraphs
        agenda = full_text(project.outputs / "meetings" / "2026-01" / f"agenda.{lang}.docx")
        assert agenda.count(HOSTILE) >= 3  # place, title, invited
        assert HOSTILE in full_text(project.outputs / f"composition.{lang}.docx")  # a member's position


def test_hostile_texts_in_a_plan_print_as_typed(project):
    """The same for the half-year plan (another engineer's document): titles and responsible bodies."""
    plan = yaml.safe_load((ROOT / "inputs" / "plans" / "2026-H1.yaml").read_text(encoding="utf-8"))
    plan["items"][0]["title"] = HOSTILE
    plan["items"][0]["responsible"] = [HOSTILE]
    project.write("plans/2026-H1.yaml", plan)
    result = run(project, "plan", "2026-H1")
    assert result.exit_code == 0, result.output
    for lang in ("kk", "ru"):
        assert full_text(project.outputs / "plans" / f"2026-H1.{lang}.docx").count(HOSTILE) >= 2


def test_tabs_and_typed_lines_become_word_tabs_breaks_and_paragraphs(project):
    """A tab is a Word tab; in one-line texts a new line is a line break, in reports each line a paragraph."""
    project.meeting(place="Зал\tNo. 2\nвторой этаж",
                    items=[item(title="Первый\tвопрос\nвторая строка",
                                heard="Первый абзац\tс табуляцией.\nВторой абзац.\n\nТретий абзац.")])
    assert run(project, "protocol").exit_code == 0
    texts = paragraphs(protocol_path(project))
    assert any(t.endswith("Зал\tNo. 2\nвторой этаж") for t in texts)
    assert any("Первый\tвопрос\nвторая строка" in t for t in texts)
    assert "Первый абзац\tс табуляцией." in texts and "Второй абзац." in texts and "Третий абзац." in texts
    document_xml = __import__("zipfile").ZipFile(protocol_path(project)).read("word/document.xml").decode()
    assert "<w:tab/>" in document_xml and "<w:br/>" in document_xml and "\t" not in document_xml


def test_a_text_of_100000_characters_prints_whole(project):
    long_text = ("Длинный отчет & <данные> {{ x }} " * 4000)[:100_000]
    project.meeting(items=[item(heard=long_text)])
    assert run(project, "protocol").exit_code == 0
    assert long_text.strip() in paragraphs(protocol_path(project))


# ---------------------------------------------------------------- 2. characters a document cannot hold


@pytest.mark.parametrize("typed,code", [
    ('"Отчет\\x07 полиции"', "U+0007"),     # escaped in YAML: reaches the model
    ('"Отчет\\x1b[31m"', "U+001B"),         # an escape sequence pasted from a terminal
    ('"Отчет\\ud800"', "U+D800"),           # a lone surrogate
    ('"Отчет\\uFFFE"', "U+FFFE"),
    ("Отчет\x0c полиции", "U+000C"),        # raw: refused by YAML's reader, still with its line
    ("Отчет\x00", "U+0000"),
    ("Отчет\x85 ok\x7f", "U+0085"),      # the first of DEL and the C1 controls, which the reader refuses too
])
def test_characters_xml_cannot_hold_are_refused_with_line_and_code(project, typed, code):
    text = yaml.safe_dump(meeting(), allow_unicode=True, sort_keys=False)
    text = text.replace("place:\n", f"place: {typed}\nunused_place:\n", 1)
    path = project.write("meetings/2026-01.yaml", text)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8", errors="surrogatepass")
                                        .split("\n"), 1) if text.startswith("place:"))
    result = run(project, "protocol")
    assert result.exit_code == 1
    assert f"inputs/meetings/2026-01.yaml:{line}: " in result.stderr.replace(str(project.root) + "/", "")
    assert code in result.stderr
    assert stderr_is_findings_only(result.stderr)
    assert not project.outputs.exists()


@pytest.mark.parametrize("decision_text", [{"\udfff": None}, {"kk": "a\ud800"}, ["\udc80"]])
def test_a_lone_surrogate_anywhere_even_in_a_key_is_a_finding(project, decision_text):
    """Found by fuzzing: the validator cannot even carry such a character in its own messages."""
    data = meeting()
    data["items"][0]["decisions"][0]["text"] = decision_text
    project.write("meetings/2026-01.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    result = run(project, "protocol")
    assert result.exit_code == 1 and "half of a broken character pair" in result.stderr
    assert stderr_is_findings_only(result.stderr)


def test_a_character_that_slips_past_a_model_never_reaches_a_document(project, monkeypatch):
    """The second lock: docxtpl's parser would silently cut the text there, so the run stops (exit 3)."""
    import pipeline.load.models.base as models
    monkeypatch.setattr(models, "check_characters", lambda value: value)  # a model that forgot its check
    project.write("meetings/2026-01.yaml", yaml.safe_dump(meeting(place="a\x01b"), allow_unicode=True))
    result = run(project, "protocol")
    assert result.exit_code == 3 and "U+0001" in result.stderr and "internal error" in result.stderr
    assert not project.outputs.exists()


def test_carriage_returns_from_windows_become_plain_line_ends(project):
    project.write("meetings/2026-01.yaml",
                  yaml.safe_dump(meeting(), allow_unicode=True, sort_keys=False).replace("\n", "\r\n"))
    project.meeting("2026-02", number=2, place="Зал\r\nвторой этаж")
    assert run(project, "protocol").exit_code == 0
    assert any(t.endswith("Зал\nвторой этаж") for t in paragraphs(protocol_path(project, meeting_id="2026-02")))


# ---------------------------------------------------------------- 3. nothing partial, nothing lost


@pytest.fixture
def written(project):
    """A project whose documents were written once; the test then breaks something and reruns."""
    project.meeting("2026-01")
    project.meeting("2026-02", number=2, date="2026-04-09", agenda_approved={"by": "akim", "date": "2026-04-01"},
                    documents_sent="2026-04-05", protocol={"drawn_up": "2026-04-09", "signed_by": "akim"})
    assert run(project, "all").exit_code == 0
    return project


def _edit_heard(project, meeting_id="2026-02", text="Обновленный отчет."):
    path = project.inputs / "meetings" / f"{meeting_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["items"][0]["heard"] = text
    project.write(f"meetings/{meeting_id}.yaml", data)


def test_an_error_in_any_input_changes_no_output(written):
    before = snapshot(written.outputs)
    _edit_heard(written, "2026-02")
    written.write("meetings/2026-01.yaml", "number: 1\nnumber: 2\n")
    result = run(written, "all")
    assert result.exit_code == 1 and "is written twice in the same block" in result.stderr
    assert snapshot(written.outputs) == before


def test_an_exception_while_rendering_changes_nothing_and_is_an_internal_error(written, monkeypatch):
    before = snapshot(written.outputs)
    _edit_heard(written)
    real, calls = stages.render_docx, []

    def failing(template, context):
        calls.append(template)
        if len(calls) == 3:
            raise RuntimeError("simulated failure in the renderer")
        return real(template, context)

    monkeypatch.setattr(stages, "render_docx", failing)
    result = run(written, "all")
    assert result.exit_code == 3
    assert "internal error: RuntimeError: simulated failure" in result.stderr
    assert str(written.inputs) in result.stderr and "Traceback" not in result.output
    assert snapshot(written.outputs) == before and not temporary_files(written.outputs)


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")])
def test_ctrl_c_or_a_full_disk_while_writing_changes_nothing(written, monkeypatch, failure):
    before = snapshot(written.outputs)
    _edit_heard(written, "2026-01")
    _edit_heard(written, "2026-02")
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the first document is staged, the second fails midway
            raise failure
        real(fd)

    monkeypatch.setattr(write.os, "fsync", fsync)
    result = run(written, "protocol")
    assert result.exit_code == 1
    if isinstance(failure, OSError):
        # one line, naming the document that could not be staged, the system's reason, and that nothing changed
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and re.fullmatch(
            r"Error: \S+/outputs/meetings/2026-0[12]/protocol\.(kk|ru)\.docx: cannot write the documents "
            r"\(the disk is full\); no document was changed", lines[0]), result.stderr
    assert "Traceback" not in result.output
    assert snapshot(written.outputs) == before and not temporary_files(written.outputs)


def test_ctrl_c_while_renaming_leaves_whole_files_and_no_temporaries(written, monkeypatch):
    old = {p: p.read_bytes() for p in written.outputs.rglob("protocol.*.docx")}
    _edit_heard(written, "2026-01")
    _edit_heard(written, "2026-02")
    real, calls = os.replace, []

    def replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(source, target)

    monkeypatch.setattr(write.os, "replace", replace)
    assert run(written, "protocol").exit_code == 1
    assert not temporary_files(written.outputs)
    renamed = Path(calls[0]).resolve()  # the one rename that happened before Ctrl-C: a whole new protocol
    for path, data in old.items():      # every other protocol is exactly the old one
        if path.resolve() == renamed:
            assert path.read_bytes() != data and "Обновленный отчет." in full_text(path)
        else:
            assert path.read_bytes() == data, path


def test_unchanged_documents_are_not_rewritten(written):
    before = snapshot(written.outputs)
    result = run(written, "all")
    assert result.exit_code == 0 and "0 written" in result.output
    assert snapshot(written.outputs) == before


# ---------------------------------------------------------------- 4. signed protocols are sealed (§15)
# tests/records/test_records.py: sealed in records/, copied as sealed, edits refused, --force versions, verify.


# ---------------------------------------------------------------- 5. safe paths


@pytest.mark.parametrize("name", ["..yaml", "A.yaml", "2026_01.yaml", "-x.yaml", "2026 01.yaml", ".hidden.yaml"])
def test_a_file_name_that_is_not_a_meeting_id_writes_nothing(project, name):
    project.write(f"meetings/{name}", meeting())
    result = run(project, "protocol")
    assert result.exit_code == 1 and "meeting id" in result.stderr
    assert not project.outputs.exists()


def test_outputs_outside_the_project_work(project, tmp_path_factory, monkeypatch):
    project.meeting()
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "out"
    monkeypatch.chdir(ROOT)
    result = run(project, "protocol", outputs=elsewhere)
    assert result.exit_code == 0 and (elsewhere / "meetings" / "2026-01" / "protocol.kk.docx").is_file()


def test_a_link_inside_outputs_to_elsewhere_is_refused(project, tmp_path_factory):
    project.meeting()
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    project.outputs.mkdir()
    (project.outputs / "meetings").symlink_to(elsewhere, target_is_directory=True)
    result = run(project, "protocol")
    assert result.exit_code == 1 and "outside the outputs folder" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_outputs_itself_may_be_a_link(project, tmp_path_factory):
    project.meeting()
    target = tmp_path_factory.mktemp("real_outputs")
    project.outputs.symlink_to(target, target_is_directory=True)
    assert run(project, "protocol").exit_code == 0
    assert (target / "meetings" / "2026-01" / "protocol.ru.docx").is_file()


@pytest.mark.parametrize("relative", ["../x.docx", "meetings/../../x.docx", "/tmp/x.docx", "meetings/.x/a.docx",
                                      "meetings/a b/x.docx"])
def test_no_path_leaves_outputs(tmp_path, relative):
    from pathlib import PurePath
    assert outside_outputs(tmp_path, [PurePath(relative)])
    assert not outside_outputs(tmp_path, [PurePath("meetings/2026-01/protocol.kk.docx"),
                                          PurePath("plans/2026-H1.ru.docx")])


# ---------------------------------------------------------------- 6. every wrong input gets a message


WRONG_MEETINGS = {
    "empty file": ("", "the file is empty"),
    "a list at the top": ("- 1\n- 2\n", "must hold keys with values"),
    "a scalar at the top": ("заседание\n", "must hold keys with values"),
    "duplicated key": ("number: 1\nnumber: 2\n", "the key 'number' is written twice"),
    "tab indentation": ("number: 1\nplace:\n\tkk: x\n", "replace the tab with spaces"),
    "unclosed quote": ('place: "зал\n', "is never closed"),
    "a quote left open, the parser failing far below": ('number: 1\ntime: "10:00\nplace: зал\nitems:\n'
                                                         '  - plan: "2026-H1/1"\n    title: x\n',
                                                         "2026-01.yaml:2: the quote \" opened here is never closed"),
    "not UTF-8": (b"place: \xcf\xf0\xee\xf2\xee\xea\xee\xeb\n", "not UTF-8"),
}


@pytest.mark.parametrize("case", list(WRONG_MEETINGS))
def test_a_broken_file_gets_a_message_with_its_line(project, case):
    content, expected = WRONG_MEETINGS[case]
    path = project.inputs / "meetings" / "2026-01.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    for command in ("protocol", "all", "check"):
        result = run(project, command)
        assert result.exit_code == 1, (command, result.output)
        assert expected in result.stderr + result.stdout and "Traceback" not in result.output
    assert stderr_is_findings_only(run(project, "protocol").stderr)


@pytest.mark.parametrize("changes,expected", [
    ({"date": [2026, 3, 12]}, "date: expected a date written year-month-day (YYYY-MM-DD), got a list"),
    ({"date": "2026-02-30"}, "a day that does not exist"),
    ({"date": "0001-01-01"}, "the year 1 is impossible"),
    ({"place": 42}, "got the number 42"),
    ({"number": "первое"}, "expected a whole number"),
    ({"number": 0}, "at least 1"),
    ({"present": "akim"}, "present: a list of member ids is wanted, not 'akim': e.g. present: [..., ...]"),
    ({"items": []}, "items: the list is empty"),
    ({"kind": "regularr"}, "expected 'regular' or 'extraordinary'"),
    ({"numbr": 1}, "unknown key 'numbr': did you mean 'number'?"),
    ({"present": VOTING[:12] + ["ghost"]}, "unknown member id 'ghost'"),
    ({"chair": "ghost"}, "unknown member id 'ghost'"),
    ({"items": [item(speakers=["ghost"])]}, "unknown member id 'ghost'"),
    ({"items": [item(vote={"against": ["ghost"]})]}, "unknown member id 'ghost'"),
    ({"items": [item(dissent=[{"member": "ghost", "date": "2026-03-12", "text": "Против."}])]}, "'ghost'"),
    ({"items": [item(title={"kk": "Атауы", "en": "Title"})]}, "unknown language 'en'"),
    ({"time": 10}, "expected a time such as"),
    ({"protocol": {"signed": "yes"}}, "expected true or false"),
    ({"date": {"kk": "бүгін"}}, "expected a date"),
    ({"place": None}, "missing key 'place'"),
])
def test_every_wrong_value_gets_a_line_and_a_message(project, changes, expected):
    project.meeting(**changes)  # None deletes the key
    result = run(project, "protocol")
    assert result.exit_code == 1, result.output
    assert expected in result.stderr
    assert stderr_is_findings_only(result.stderr), result.stderr


def test_a_broken_meeting_blocks_every_protocol_but_not_another_named_one(project):
    """A meeting file that cannot be read is never silently left out of "every protocol"."""
    project.meeting("2026-01")
    project.write("meetings/2026-02.yaml", "number: [\n")
    assert run(project, "protocol").exit_code == 1
    assert run(project, "all").exit_code == 1
    result = run(project, "protocol", "2026-02")
    assert result.exit_code == 1 and "inputs/meetings/2026-02.yaml:" in result.stderr.replace(str(project.root) + "/", "")
    assert not project.outputs.exists()
    assert run(project, "protocol", "2026-01").exit_code == 0
    assert run(project, "composition").exit_code == 0


def test_every_meeting_broken_is_not_zero_documents(project):
    project.write("meetings/2026-01.yaml", "number: 1\n")
    result = run(project, "agenda")
    assert result.exit_code == 1 and "missing key" in result.stderr


def test_a_key_with_a_line_break_is_printed_on_one_line(project):
    text = yaml.safe_dump(meeting(), allow_unicode=True, sort_keys=False) + '"ключ\\nс переносом": 1\n'
    project.write("meetings/2026-01.yaml", text)
    result = run(project, "protocol")
    assert result.exit_code == 1 and "ключ\\u000aс переносом" in result.stderr
    assert stderr_is_findings_only(result.stderr)


@pytest.mark.parametrize("args", [["nonsense"], ["--lang", "en", "protocol"], ["protocol", "--bogus"],
                                  ["protocol", "no-such-meeting"]])
def test_a_wrong_command_line_exits_2(project, args):
    project.meeting()
    result = run(project, *args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_missing_inputs_folder_is_a_message(tmp_path):
    result = CliRunner().invoke(cli, ["--inputs", str(tmp_path / "nope"), "check"])
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_python_m_pipeline_reports_an_internal_error_like_the_test_runner(project):
    """The guard is in the command group: the console script and `python -m pipeline` answer a bug the same way."""
    project.meeting()
    code = ("import sys, pipeline.stages as m\n"
            "def boom(*a, **k): raise KeyError('simulated bug')\n"
            "m.prepare = boom\n"
            "from pipeline.cli.main import main\n"
            "sys.argv = ['shtab', '--inputs', sys.argv[1], 'check']\n"
            "main()\n")
    result = subprocess.run([sys.executable, "-c", code, str(project.inputs)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "SHTAB_TRACEBACK": ""})
    assert result.returncode == 3
    assert "internal error: KeyError: 'simulated bug'" in result.stderr
    assert f"shtab --inputs {project.inputs} check" in result.stderr and "Traceback" not in result.stderr


def test_python_m_pipeline_runs(project):
    project.meeting()
    result = subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(project.inputs),
                             "--outputs", str(project.outputs), "protocol", "2026-01"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    bad = subprocess.run([sys.executable, "-m", "pipeline", "nonsense"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2
