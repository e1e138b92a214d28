"""Official date forms in Kazakh and Russian, for all twelve months."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.grammar.dates import date_long, date_of, date_on
from pipeline.grammar.kk import genitive_kk

MONTHS = [
    (1, "қаңтар", "қаңтардағы", "қаңтарда", "января"),
    (2, "ақпан", "ақпандағы", "ақпанда", "февраля"),
    (3, "наурыз", "наурыздағы", "наурызда", "марта"),
    (4, "сәуір", "сәуірдегі", "сәуірде", "апреля"),
    (5, "мамыр", "мамырдағы", "мамырда", "мая"),
    (6, "маусым", "маусымдағы", "маусымда", "июня"),
    (7, "шілде", "шілдедегі", "шілдеде", "июля"),
    (8, "тамыз", "тамыздағы", "тамызда", "августа"),
    (9, "қыркүйек", "қыркүйектегі", "қыркүйекте", "сентября"),
    (10, "қазан", "қазандағы", "қазанда", "октября"),
    (11, "қараша", "қарашадағы", "қарашада", "ноября"),
    (12, "желтоқсан", "желтоқсандағы", "желтоқсанда", "декабря"),
]


NB = "\u00a0"   # the no-break spaces of a date (tests/grammar/test_no_break_spaces.py): day–month, year–«года»


@pytest.mark.parametrize("month,kk,kk_of,kk_on,ru", MONTHS)
def test_official_date_forms_for_every_month(month, kk, kk_of, kk_on, ru):
    day = dt.date(2026, month, 12)
    assert date_long(day, "kk") == f"2026{NB}жылғы 12{NB}{kk}"
    assert date_of(day, "kk") == f"2026{NB}жылғы 12{NB}{kk_of}"
    assert date_on(day, "kk") == f"2026{NB}жылғы 12{NB}{kk_on}"
    assert date_long(day, "ru") == f"12{NB}{ru} 2026{NB}года"
    assert date_of(day, "ru") == f"от{NB}12{NB}{ru} 2026{NB}года"


@pytest.mark.parametrize("word,expected", [
    ("штаб", "штабтың"), ("әкімдігі", "әкімдігінің"), ("басшысы", "басшысының"), ("мектеп", "мектептің"),
    ("адам", "адамның"), ("жер", "жердің"), ("қыз", "қыздың"), ("бөлім", "бөлімнің"), ("кеңес", "кеңестің"),
])
def test_kazakh_genitive_by_harmony_and_voicing(word, expected):
    assert genitive_kk(word) == expected
