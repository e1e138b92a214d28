"""Whom a letter goes to: a body or a post in the dative, as the addressee line of an outgoing letter.

«Отдел образования Костанайского района (по согласованию)» is addressed
«Отделу образования Костанайского района»; «Қостанай ауданының білім бөлімі
(келісім бойынша)» — «Қостанай ауданының білім бөліміне». The note "by
agreement" belongs to lists of responsible bodies, not to an address, so a
trailing note in brackets is dropped. Russian inflects by pymorphy3
(`grammar.ru`); Kazakh adds the dative to the last word by the rules of
`grammar.kk.dative_kk`, and to an abbreviation (ММ, КМК) by the name of its last
letter, after a hyphen: «ММ-ге», «КМК-ға», «ЖШС-ке».
"""

from __future__ import annotations

import re

from .kk import dative_kk as _dative_word
from .ru import Inflected, inflect_ru

_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_KK_ABBREVIATION = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,}$")

# How Kazakh reads each capital letter of an abbreviation: the suffix follows the sound it ends in.
_KK_LETTER_NAMES = {
    "А": "а", "Ә": "ә", "Б": "бе", "В": "ве", "Г": "ге", "Ғ": "ғы", "Д": "де", "Е": "е", "Ё": "ё", "Ж": "же",
    "З": "зе", "И": "и", "Й": "й", "К": "ка", "Қ": "қы", "Л": "эл", "М": "эм", "Н": "эн", "Ң": "ың", "О": "о",
    "Ө": "ө", "П": "пе", "Р": "эр", "С": "эс", "Т": "те", "У": "у", "Ұ": "ұ", "Ү": "ү", "Ф": "эф", "Х": "ха",
    "Һ": "һа", "Ц": "це", "Ч": "че", "Ш": "ша", "Щ": "ща", "Ы": "ы", "І": "і", "Э": "э", "Ю": "ю", "Я": "я",
}


def without_note(name: str) -> str:
    """The name without a trailing note in brackets: «(по согласованию)», «(келісім бойынша)»."""
    return _TRAILING_NOTE.sub("", name).strip()


def dative_kk(name: str) -> str:
    """The Kazakh dative of a body or a post: on the last word, after a hyphen when it is an abbreviation."""
    head, _, last = name.rpartition(" ")
    if _KK_ABBREVIATION.match(last):
        spoken = _KK_LETTER_NAMES.get(last[-1], last[-1].lower())
        suffix = _dative_word(spoken)[len(spoken):]
        return f"{head} {last}-{suffix}".strip()
    return _dative_word(name)


def addressee(name: str, lang: str) -> Inflected:
    """The addressee line: the name without its note, in the dative, its first letter capital."""
    bare = without_note(name)
    if lang == "kk":
        inflected = Inflected(dative_kk(bare), True) if bare else Inflected(bare, False)
    else:
        inflected = inflect_ru(bare, "datv")
    form = inflected.form
    return Inflected(form[:1].upper() + form[1:], inflected.sure)
