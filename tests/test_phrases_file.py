"""The sentences the secretary may reword live in templates_docx/phrases.yaml, not in the code (issue 11, item 4)."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from pipeline import i18n
from pipeline.context.common import Localizer

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
    assert Localizer("ru", "protocol").due(dt.date(2026, 6, 30)) == "не позднее 30 июня 2026 года"
    assert Localizer("kk", "protocol").due(dt.date(2026, 6, 30)) == "2026 жылғы 30 маусымға дейін"
