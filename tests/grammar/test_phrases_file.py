"""The sentences the secretary may reword live in templates_docx/phrases.yaml, not in the code."""

from __future__ import annotations

import datetime as dt
import pickle
import string

import pytest

from pipeline.context import phrases as i18n
from pipeline.context.common import Localizer
from tests.support.docx_text import seen

REWORDABLE = ("quorum.reached", "vote.line", "vote.unanimous", "outcome.majority", "outcome.casting_vote",
              "outcome.not_adopted", "due_date")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_phrase_file_holds_the_rewordable_sentences_in_both_languages():
    loaded = i18n._load_phrases()
    for key in REWORDABLE:
        assert key in loaded["kk"] and key in loaded["ru"], key


@pytest.mark.parametrize("key", REWORDABLE)
def test_each_phrase_has_the_same_placeholders_in_kk_and_ru(key):
    assert placeholders(i18n.PHRASES["kk"][key]) == placeholders(i18n.PHRASES["ru"][key])


def test_a_reworded_phrase_reaches_the_document(monkeypatch):
    monkeypatch.setitem(i18n.PHRASES["ru"], "due_date", "не позднее {date}")
    assert seen(Localizer("ru", "protocol").due(dt.date(2026, 6, 30))) == "не позднее 30 июня 2026 года"
    assert seen(Localizer("kk", "protocol").due(dt.date(2026, 6, 30))) == "2026 жылғы 30 маусымға дейін"


@pytest.mark.parametrize("edited,expected", [
    ("до {datum}", 'holds {datum}, which the program does not fill in: use only {date}'),
    ("до {date", "has a brace { or } without its pair"),
])
def test_a_phrase_she_edited_wrongly_is_a_message_with_its_line(monkeypatch, edited, expected):
    """Not an internal error (a KeyError): the file, the line of the phrase, what is wrong and what to type."""
    monkeypatch.setitem(i18n.PHRASES["ru"], "due_date", edited)
    with pytest.raises(i18n.PhraseError) as caught:
        Localizer("ru", "protocol").due(dt.date(2026, 6, 30))
    lines = i18n.PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if n > lines.index('"ru":') and '"due_date"' in text)
    shown = caught.value.format_message()
    assert shown.startswith(f"templates_docx/phrases.yaml:{line}: ") and expected in shown
    assert pickle.loads(pickle.dumps(caught.value)).format_message() == shown   # as from a worker process


def test_a_phrase_missing_from_the_file_is_named(monkeypatch):
    monkeypatch.delitem(i18n.PHRASES["kk"], "due_date")
    with pytest.raises(i18n.PhraseError, match='the phrase "due_date" is missing under kk:'):
        Localizer("kk", "protocol").due(dt.date(2026, 6, 30))


def test_a_phrase_file_that_is_not_yaml_is_her_message_not_a_traceback(tmp_path):
    broken = tmp_path / "phrases.yaml"
    broken.write_text('"ru":\n  "due_date": "до {date}\n', encoding="utf-8")
    with pytest.raises(i18n.PhraseError) as caught:
        i18n._load_phrases(broken)
    assert ":2: " in caught.value.format_message() and "quote" in caught.value.format_message()
