"""Wrong inputs, as a new secretary makes them, answered in her language.

Each case copies the sample project, makes one mistake in it (or types one wrong command line) and runs
the real program as she does: `python -m pipeline ...` in the project folder, with an environment that
holds only LANG=ru_RU.UTF-8 (or kk_KZ.UTF-8) besides PATH and HOME: no SHTAB_LANG, no --ui-lang. Every
line printed, stdout and stderr, must be in her language (tests/support/her_language.py says what may stay in
Latin letters: her ids, keys and values, file names, options, §N), the exit status a clean 1 or 2 (no
traceback, no internal error), and the answer must name the place: the file and line, or the option.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.her_language import ROOT, not_in_her_language

MEETING = "inputs/meetings/2026-01.yaml"
LOCALES = {"ru": "ru_RU.UTF-8", "kk": "kk_KZ.UTF-8"}


@dataclass(frozen=True)
class Case:
    """One kind of wrong input: edits of the sample project (file, text there, its replacement; None deletes
    the file), the command line, the exit status, and where the answer must point (a regex)."""

    id: str
    argv: tuple[str, ...]
    edits: tuple[tuple[str, str, str | None], ...] = ()
    place: str = ""
    exit: int = 1
    program: bool = False            # the edit is in the program's own folder (templates_docx/): run a copy of it
    typed: tuple[str, ...] = field(default=())   # words she typed that the answer may quote back


def at(path: str, line: int | None = None) -> str:
    return re.escape(path) + (f":{line}:" if line else r":\d+:")


CHECK = ("check",)
CASES = [
    # ---------------------------------------------------------------- YAML syntax
    Case("yaml-tab", CHECK, ((MEETING, "\n  - deputy_akim\n", "\n\t- deputy_akim\n"),), at(MEETING, 19)),
    Case("yaml-colon-in-text", CHECK, ((MEETING, "  ru: зал заседаний акимата", "  ru: адрес: зал заседаний акимата"),),
         at(MEETING, 8)),
    Case("yaml-unclosed-quote", CHECK, ((MEETING, 'time: "10:00"', 'time: "10:00'),), at(MEETING, 5)),   # not line 69
    Case("yaml-indentation", CHECK, ((MEETING, "agenda_approved:\n  by: akim\n", "agenda_approved:\n     by: akim\n"),),
         at(MEETING)),
    Case("yaml-duplicate-key", CHECK, ((MEETING, "kind: regular\n", "kind: regular\nkind: extraordinary\n"),),
         at(MEETING, 10)),
    Case("empty-file", CHECK, ((MEETING, None, ""),), at(MEETING)),
    Case("not-utf8", CHECK, ((MEETING, "зал заседаний", "\udcff"),), at(MEETING)),
    # ---------------------------------------------------------------- keys and types
    Case("unknown-key", CHECK, ((MEETING, "kind: regular\n", "kind: regular\nkindd: regular\n"),), at(MEETING, 10),
         typed=("kindd",)),
    Case("unknown-key-in-a-decision", CHECK, ((MEETING, "        due: 2026-09-01", "        deu: 2026-09-01"),),
         at(MEETING), typed=("deu",)),
    Case("vote-for-a-number", CHECK, ((MEETING, "    vote: unanimous\n  - plan", "    vote: {for: 12}\n  - plan"),),
         at(MEETING)),
    Case("not-a-date", CHECK, ((MEETING, "date: 2026-03-12\ntime", "date: 2026-03-32\ntime"),), at(MEETING, 4)),
    Case("deadline-not-a-date", CHECK, ((MEETING, "        due: 2026-09-01", "        due: 2026-09-31"),),
         at(MEETING)),
    Case("text-where-a-list-is-wanted", CHECK, ((MEETING, "languages: [kk, ru]", "languages: kk"),), at(MEETING, 11)),
    Case("unknown-kind", CHECK, ((MEETING, "kind: regular\n", "kind: usual\n"),), at(MEETING, 9), typed=("usual",)),
    # ---------------------------------------------------------------- the rules
    Case("unknown-member", CHECK, ((MEETING, "\n  - deputy_akim\n", "\n  - deputy_akimm\n"),), at(MEETING, 19),
         typed=("deputy_akimm",)),
    Case("no-quorum", CHECK, ((MEETING, "  - deputy_akim\n  - police\n  - prosecutor\n  - apparatus\n  - employment\n",
                               ""),), at(MEETING)),
    Case("absent-member-votes", CHECK, ((MEETING, "against: [prosecutor]", "against: [knb]"),), at(MEETING)),
    Case("dissent-by-a-non-member", CHECK, ((MEETING, "      - member: prosecutor", "      - member: nobody"),),
         at(MEETING), typed=("nobody",)),
    Case("missing-translation", CHECK, ((MEETING, "  ru: зал заседаний акимата Костанайского района, поселок "
                                                  "Затобольск\n", ""),), at(MEETING)),
    Case("protocol-numbering", CHECK, ((MEETING, "number: 1\n", "number: 3\n"),), at("inputs/meetings/2026-03.yaml")),
    Case("signed-protocol-changed", ("protocol", "2026-01"), ((MEETING, 'time: "10:00"', 'time: "11:00"'),),
         at(MEETING, 5)),
    Case("signed-protocol-text-changed", ("protocol", "2026-01"),
         ((MEETING, "      ru: >-\n", "      ru: >-\n        Дописано.\n"),), at(MEETING)),
    Case("broken-plan", CHECK, (("inputs/plans/2026-H1.yaml", "    quarter: 1\n", "    quarter: 7\n"),),
         at("inputs/plans/2026-H1.yaml")),
    Case("broken-control", CHECK, (("inputs/control/2026.yaml", "  status: extended", "  status: finished"),),
         at("inputs/control/2026.yaml", 4), typed=("finished",)),
    Case("control-unknown-assignment", CHECK, (("inputs/control/2026.yaml", "- assignment: 2026-01/1.1",
                                                "- assignment: 2026-01/9.1"),), at("inputs/control/2026.yaml", 3)),
    Case("broken-indicators", CHECK, (("inputs/indicators/2026.yaml", "sports_sections: 48", "sports_sections: many"),),
         at("inputs/indicators/2026.yaml", 4), typed=("many",)),
    Case("missing-body", CHECK, (("inputs/body.yaml", None, None),), re.escape("inputs/body.yaml")),
    Case("phrase-with-an-unknown-placeholder", CHECK,
         (("templates_docx/phrases.yaml", '"due_date": "до {date}"', '"due_date": "до {datum}"'),),
         at("templates_docx/phrases.yaml"), program=True, typed=("datum",)),
    Case("sealed-record-altered", ("verify",), (("records/meetings/2026-01/protocol.ru.docx", None, "altered"),),
         re.escape("records/meetings/2026-01/protocol.ru.docx")),
    Case("not-a-time", CHECK, ((MEETING, 'time: "10:00"', 'time: "25:70"'),), at(MEETING, 5)),
    Case("missing-required-key", CHECK, ((MEETING, "number: 1\n", ""),), at(MEETING)),
    Case("unknown-plan-question", CHECK, ((MEETING, 'plan: "2026-H1/2"', 'plan: "2026-H1/9"'),), at(MEETING)),
    Case("file-name-not-a-meeting-id", CHECK, (("inputs/meetings/2026-05.yaml", None, None),
                                               ("inputs/meetings/2026_05.yaml", None, "number: 5\n")),
         re.escape("inputs/meetings/2026_05.yaml")),
    Case("extracts-of-an-unsigned-protocol", ("extracts", "2026-05"), place=at("inputs/meetings/2026-05.yaml")),
    Case("as-of-before-the-first-meeting", ("status", "--as-of", "2025-01-01"), place=at(MEETING)),
    # ---------------------------------------------------------------- the command line
    Case("within-not-a-number", ("reminders", "--within", "abc"), place="--within", exit=2, typed=("abc",)),
    Case("within-too-many-days", ("reminders", "--within", "999"), place="--within", exit=2),
    Case("as-of-month-13", ("register", "2026", "--as-of", "2026-13-01"), place="--as-of", exit=2),
    Case("as-of-february-30", ("status", "--as-of", "2026-02-30"), place="--as-of", exit=2),
    Case("year-not-a-year", ("register", "20x6"), exit=2, typed=("20x6",)),
    Case("port-not-a-number", ("serve", "--port", "x", "--no-browser"), place="--port", exit=2, typed=("x",)),
    Case("unknown-option", ("check", "--bogus"), place="--bogus", exit=2),
    Case("option-without-its-value", ("check", "--inputs"), place="--inputs", exit=2),
    Case("missing-argument", ("notice",), exit=2),
    Case("unknown-command", ("protokol",), place="protokol", exit=2, typed=("protokol", "protocol")),
    Case("unknown-meeting", ("protocol", "2026-99"), place="2026-99", exit=2, typed=("protocol",)),
    Case("unknown-document-language", ("check", "--lang", "de"), place="--lang", exit=2, typed=("de",)),
    Case("inputs-folder-missing", ("check", "--inputs", "nowhere"), place="nowhere", typed=("nowhere",)),
    Case("templates-folder-missing", ("templates", "--dir", "nowhere"), place="nowhere", exit=2,
         typed=("nowhere",)),
]


def prepare(case: Case, folder: Path) -> Path:
    """A copy of the sample project (and of the program, when the case edits it) with the case's mistake made."""
    shutil.copytree(ROOT / "inputs", folder / "inputs")
    shutil.copytree(ROOT / "records", folder / "records")
    if case.program:   # `python -m pipeline` in this folder runs this copy, templates_docx/ included
        shutil.copytree(ROOT / "pipeline", folder / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "templates_docx", folder / "templates_docx")
    for relative, old, new in case.edits:
        path = folder / relative
        if new is None:
            path.unlink()
        elif old is None:
            path.write_text(new, encoding="utf-8")
        elif new == "\udcff":  # bytes that are not UTF-8 in place of a text
            data = path.read_bytes()
            assert old.encode() in data, f"{case.id}: {old!r} is not in {relative}"
            path.write_bytes(data.replace(old.encode(), b"\xff\xfe", 1))
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{case.id}: {old!r} is not in {relative}: the case makes no mistake"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def her_environment(lang: str) -> dict[str, str]:
    """Only the locale, and what any program needs to run: no SHTAB_LANG, no LANGUAGE, no LC_*."""
    return {"LANG": LOCALES[lang], "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/tmp")}


def her_lines(folder: Path) -> set[str]:
    """The lines of her files, stripped: the program may show one under a message, with a caret."""
    lines: set[str] = set()
    for path in [*(folder / "inputs").rglob("*.yaml"), folder / "templates_docx" / "phrases.yaml"]:
        if path.exists():
            lines.update(line.strip() for line in path.read_bytes().decode("utf-8", "replace").splitlines())
    return {line for line in lines if line and not line.startswith("#")}   # her comments may be in English


def run_as_she_does(case: Case, lang: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *case.argv], cwd=folder, env=her_environment(lang),
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_wrong_input_is_answered_in_her_language(case, lang, tmp_path):
    folder = prepare(case, tmp_path / "project")
    result = run_as_she_does(case, lang, folder)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == case.exit, f"exit {result.returncode}, expected {case.exit}:\n{output}"
    assert re.search(case.place, output), f"the answer does not say where ({case.place}):\n{output}"
    typed = set(case.typed) | {word for arg in case.argv for word in re.findall(r"[A-Za-z]\w*", arg)}
    wrong = not_in_her_language(output, lang, typed, her_lines(folder))
    assert wrong == [], f"not in {lang}:\n" + "\n".join(wrong) + "\n\nthe whole answer:\n" + output


# What she runs when nothing is wrong says it in her language too: the files written, the summary, the status
# table, the scaffolds, the seals checked (the sample's one open §24 warning included).
RIGHT_RUNS = [
    ("check",), ("status", "--as-of", "2026-11-27"), ("reminders", "--as-of", "2026-11-27"), ("new-meeting",),
    ("new-plan",), ("verify",), ("notice", "2026-05"), ("protocol", "2026-05"),
]


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("argv", RIGHT_RUNS, ids=[" ".join(argv) for argv in RIGHT_RUNS])
def test_a_run_that_succeeds_speaks_her_language_too(argv, lang, tmp_path):
    folder = prepare(Case("sample", argv), tmp_path / "project")
    result = run_as_she_does(Case("sample", argv), lang, folder)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    wrong = not_in_her_language(output, lang, {word for arg in argv for word in re.findall(r"[A-Za-z][\w-]*", arg)},
                                her_lines(folder))
    assert wrong == [], f"not in {lang}:\n" + "\n".join(wrong) + "\n\nthe whole answer:\n" + output


def test_there_are_at_least_25_kinds_of_wrong_input():
    assert len({case.id for case in CASES}) == len(CASES) >= 25


@pytest.mark.parametrize("line,hers,expected", [
    ("inputs/meetings/2026-01.yaml:5: нет кворума (§20)", set(), []),
    ("inputs/meetings/2026-01.yaml:5: no quorum (§20)", set(), ["no", "quorum"]),
    ("вопрос 2, vote.for: нужен список", set(), []),
    ("голосуют for и against", set(), ["for", "against"]),     # keys that are English words, bare in a sentence
    ("в present (присутствовали)", set(), ["present"]),
    ("неизвестный ключ 'kindd'", {"kindd"}, []),
    ("неизвестный ключ 'kindd'", set(), ["kindd"]),
    ("'abc' — не число (integer range)", {"abc"}, ["integer", "range"]),
    ("Использование: shtab reminders [ПАРАМЕТРЫ] --as-of 2026-03-12", {"reminders"}, []),
    ("документы DOCX и PDF через LibreOffice", set(), []),
    ("документ agenda на языке ru", set(), ["agenda"]),
    ("значение 'items[1].heard.ru' изменено", set(), ["items[1]"]),   # her words: «вопрос 1, heard.ru»
])
def test_the_checker_finds_english_and_lets_her_words_pass(line, hers, expected):
    from tests.support.her_language import foreign_words
    assert foreign_words(line, hers) == expected


def test_the_checker_wants_kazakh_letters_in_kazakh():
    assert not_in_her_language("нет кворума", "kk") != []
    assert not_in_her_language("кворум жоқ", "kk") == []
    assert not_in_her_language("no quorum", "ru") != []
