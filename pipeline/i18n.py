"""Kazakh and Russian in one place: official date forms and the phrase table.

Month names come from Babel's CLDR data (Russian in the genitive, "12 марта");
the Kazakh forms add the suffixes of the official style by vowel harmony and
voicing: "2026 жылғы 12 наурыз", "2026 жылғы 12 наурыздағы", "12 қыркүйекте".
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import get_month_names

_BACK_VOWELS = set("аоұыяё")
_FRONT_VOWELS = set("әеөүіэ")
_VOICELESS = set("кқпстфхцчшщ")


@lru_cache(maxsize=None)
def month_name(month: int, lang: str) -> str:
    """CLDR's month in the form used after a day number: "наурыз", "марта"."""
    return get_month_names("wide", "format", lang)[month]


def _is_back(word: str) -> bool:
    """Kazakh vowel harmony: the last unambiguous vowel of the word decides the suffix's vowel."""
    for letter in reversed(word.lower()):
        if letter in _BACK_VOWELS:
            return True
        if letter in _FRONT_VOWELS:
            return False
    return True


def locative(word: str) -> str:
    """The Kazakh locative: -да/-де after vowels and voiced consonants, -та/-те after voiceless ones."""
    consonant = "т" if word[-1].lower() in _VOICELESS else "д"
    return word + consonant + ("а" if _is_back(word) else "е")


def locative_attributive(word: str) -> str:
    """The locative with -ғы/-гі: "наурыздағы", "қыркүйектегі"."""
    return locative(word) + ("ғы" if _is_back(word) else "гі")


def genitive_kk(phrase: str) -> str:
    """The Kazakh genitive of a noun phrase, on its last word: "штаб" -> "штабтың", "әкімдігі" -> "әкімдігінің"."""
    word = phrase.rstrip()
    last = word[-1].lower()
    back = _is_back(word)
    if last in "аеәоөұүыіэюяиумнң":
        suffix = "ның" if back else "нің"
    elif last in "лрйзж":
        suffix = "дың" if back else "дің"
    else:
        suffix = "тың" if back else "тің"
    return word + suffix


def dative_kk(phrase: str) -> str:
    """The Kazakh dative on the last word: -қа/-ке after voiceless consonants, else -ға/-ге.

    "жартыжылдық" -> "жартыжылдыққа", "қыркүйек" -> "қыркүйекке", "наурыз" -> "наурызға", "шілде" -> "шілдеге".
    """
    word = phrase.rstrip()
    back = _is_back(word)
    if word[-1].lower() in _VOICELESS:
        return word + ("қа" if back else "ке")
    return word + ("ға" if back else "ге")


def month_nominative(month: int, lang: str) -> str:
    """CLDR's stand-alone month, in lower case as running text writes it: "наурыз", "март"."""
    return get_month_names("wide", "stand-alone", lang)[month].lower()


def genitive_ru_fallback(phrase: str) -> str:
    """Without a typed genitive, only "Акимат ..." is inflected; anything else is kept as a label."""
    first, _, rest = phrase.partition(" ")
    if first.lower() == "акимат":
        return f"акимата {rest}".strip()
    return phrase


def date_long(day: dt.date, lang: str) -> str:
    """"2026 жылғы 12 наурыз" / "12 марта 2026 года"."""
    if lang == "kk":
        return f"{day.year} жылғы {day.day} {month_name(day.month, 'kk')}"
    return f"{day.day} {month_name(day.month, 'ru')} {day.year} года"


def date_of(day: dt.date, lang: str) -> str:
    """The date as an attribute of a document: "2026 жылғы 12 наурыздағы" / "от 12 марта 2026 года"."""
    if lang == "kk":
        return f"{day.year} жылғы {day.day} {locative_attributive(month_name(day.month, 'kk'))}"
    return f"от {date_long(day, 'ru')}"


def date_on(day: dt.date, lang: str) -> str:
    """When something happened: "2026 жылғы 12 наурызда" / "12 марта 2026 года"."""
    if lang == "kk":
        return f"{day.year} жылғы {day.day} {locative(month_name(day.month, 'kk'))}"
    return date_long(day, "ru")


def date_numeric(day: dt.date) -> str:
    """The short form of tables and signature blocks: 12.03.2026."""
    return day.strftime("%d.%m.%Y")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Phrases the code hands to several templates. Wording that belongs to one
# document lives in that document's template.
PHRASES: dict[str, dict[str, str]] = {
    "kk": {
        "outcome.majority": "Шешім Штаб мүшелерінің жалпы санының көпшілік даусымен қабылданды (Ереженің 13-тармағы)",
        "outcome.casting_vote": "Дауыстар тең болды; төрағалық етушінің дауысы шешуші болып, шешім қабылданды (Ереженің 13-тармағы)",
        "outcome.not_adopted": "Шешім қабылданбады: Штаб мүшелерінің жалпы санының көпшілігі жинақталмады (Ереженің 13-тармағы)",
        "quorum.reached": "Отырысқа Штабтың {present} мүшесі қатысты (Штаб мүшелерінің жалпы саны – {total}), кворум бар",
        "by_agreement": "(келісім бойынша)",
        "stand_in": "{name} — {position} ({member_genitive} орнына)",
        "stand_in_no_position": "{name} ({member_genitive} орнына)",
        "absent_no_reason": "себебі көрсетілмеген",
        "quarter": "{roman} тоқсан",
        "half_year.1": "бірінші жартыжылдық",
        "half_year.2": "екінші жартыжылдық",
        "due_date": "{date} дейін",
        "plan.to_half": "{year} жылғы {half_dative}",
        "plan.to_month": "{year} жылғы {month_dative}",
        "vote.line": "Дауыс берді: «жақтап» — {for_}, «қарсы» — {against}, «қалыс қалды» — {abstained}",
        "head_title": "Штаб басшысы",
        "acting_head_title": "Штаб басшысының міндетін атқарушы",
        "secretary_title": "Штаб хатшысы",
    },
    "ru": {
        "outcome.majority": "Решение принято большинством голосов от общего числа членов штаба (пункт 13 Положения)",
        "outcome.casting_vote": "Голоса разделились поровну; решение принято, так как за него проголосовал председательствующий (пункт 13 Положения)",
        "outcome.not_adopted": "Решение не принято: большинство от общего числа членов штаба не набрано (пункт 13 Положения)",
        "quorum.reached": "На заседании присутствовали {present} из {total} членов штаба, кворум имеется",
        "by_agreement": "(по согласованию)",
        "stand_in": "{name} — {position} (вместо: {member})",
        "stand_in_no_position": "{name} (вместо: {member})",
        "absent_no_reason": "причина не указана",
        "quarter": "{roman} квартал",
        "half_year.1": "первое полугодие",
        "half_year.2": "второе полугодие",
        "due_date": "до {date}",
        "plan.to_half": "на {half} {year} года",
        "plan.to_month": "на {month} {year} года",
        "vote.line": "Голосовали: «за» — {for_}, «против» — {against}, «воздержались» — {abstained}",
        "head_title": "Руководитель штаба",
        "acting_head_title": "Исполняющий обязанности руководителя штаба",
        "secretary_title": "Секретарь штаба",
    },
}


def phrase(lang: str, key: str, **values: object) -> str:
    return PHRASES[lang][key].format(**values)
