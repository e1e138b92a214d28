"""Kazakh suffixes: vowel harmony and voicing decide the ending of the locative, genitive and dative.

Each function takes the phrase as the secretary typed it and inflects its last
word: "наурыз" → "наурызда", "штаб" → "штабтың", "министрлігі" → "министрлігіне";
a number in digits by its last spoken word, after a hyphen ("2026-ға"). Where
no ending can be derived (a closing quote or bracket, an abbreviation) they
raise NoSuffix rather than guess. tests/grammar/test_kk_grammar.py holds the table of
forms they are checked against, each with its source.
"""

from __future__ import annotations

import re

_BACK_VOWELS = set("аоұыяё")
_FRONT_VOWELS = set("әеөүіэ")
_VOICELESS = set("кқпстфхцчшщ")


def is_back(word: str) -> bool:
    """Kazakh vowel harmony: the last unambiguous vowel of the word decides the suffix's vowel."""
    for letter in reversed(word.lower()):
        if letter in _BACK_VOWELS:
            return True
        if letter in _FRONT_VOWELS:
            return False
    return True


class NoSuffix(ValueError):
    """A Kazakh case ending cannot be derived: the text ends in a closing quote, a bracket, a sign or an abbreviation.

    «...» and (...) close a name or a remark; the case ending goes on the word
    that names what the quotes hold («Саламатты ұрпақ» қоғамдық бірлестігінің),
    which only the person who typed the text knows. The caller asks for the form
    to be typed instead of printing «...»ның.
    """


def _stem(phrase: str) -> tuple[str, str, bool]:
    """What decides a suffix: (the text, the word whose sounds decide, whether a hyphen joins the suffix).

    A number written in digits takes its suffix after a hyphen, by the last word
    one says: "2026" → "алты" → "2026-ға", "5" → "бес" → "5-ке".
    """
    text = phrase.rstrip()
    if not text:
        raise NoSuffix(phrase)
    last = text[-1]
    if last.isdigit():
        digits = re.search(r"\d+$", text).group()
        return text, _kk_last_word(int(digits)), True
    word = text.split()[-1]
    if not last.isalpha() or (len(word) > 1 and word.isupper()):
        raise NoSuffix(phrase)  # an abbreviation ("ММ", "КМК") takes its ending by how its letters are named
    return text, word, False


def _join(text: str, suffix: str, hyphen: bool) -> str:
    return f"{text}-{suffix}" if hyphen else text + suffix


# у and и are written as vowels but sound as the consonants [w] and [j] at the end of a
# word: case endings treat them as й ("таудың", "судың", "тауда", "тауға").
_SEMIVOWELS = set("уи")
_VOWELS = set("аеәоөұүыіэюя")


def locative(word: str) -> str:
    """The Kazakh locative: -да/-де after vowels and voiced consonants, -та/-те after voiceless ones and б, в, г, д.

    "наурызда", "қыркүйекте", "штабта", "тауда", "2026-да", "5-те"; after the
    possessive -ы/-і, -нда/-нде ("бөлімінде"), read as for the dative.
    """
    text, sound, hyphen = _stem(word)
    last = sound[-1].lower()
    vowel = "а" if is_back(sound) else "е"
    if last in "ыі" and not hyphen:
        return _join(text, "нд" + vowel, hyphen)
    consonant = "т" if last in _VOICELESS or last in "бвгд" else "д"
    return _join(text, consonant + vowel, hyphen)


def locative_attributive(word: str) -> str:
    """The locative with -ғы/-гі: "наурыздағы", "қыркүйектегі", "2026-дағы"."""
    text, sound, _ = _stem(word)
    return locative(word) + ("ғы" if is_back(sound) else "гі")


def genitive_kk(phrase: str) -> str:
    """The Kazakh genitive of a noun phrase, on its last word.

    -ның/-нің after vowels and м, н, ң; -дың/-дің after л, р, й, з, ж and after у, и
    ("таудың", "судың"); -тың/-тің after voiceless consonants and б, в, г, д
    ("штабтың"). "әкімдігі" → "әкімдігінің"; "2026" → "2026-ның". Raises NoSuffix
    after a closing quote or bracket.
    """
    text, sound, hyphen = _stem(phrase)
    last = sound[-1].lower()
    back = is_back(sound)
    if last in _VOWELS or last in "мнң":
        suffix = "ның" if back else "нің"
    elif last in "лрйзж" or last in _SEMIVOWELS:
        suffix = "дың" if back else "дің"
    else:
        suffix = "тың" if back else "тің"
    return _join(text, suffix, hyphen)


def dative_kk(phrase: str) -> str:
    """The Kazakh dative of a noun phrase, on its last word: "министрлігі" → "министрлігіне", "штаб" → "штабқа".

    After the possessive ending -ы/-і (and -сы/-сі) the dative is -на/-не; after other
    vowels, у, и and voiced consonants -ға/-ге ("тауға"); after voiceless consonants,
    and after б, в, г, д that are devoiced at the end of a loanword ("штабқа",
    "заводқа"), -қа/-ке. A number in digits: "2026-ға", "5-ке". Raises NoSuffix
    after a closing quote or bracket.

    A word ending in -ы/-і is read as possessive ("бөлімі" → "бөліміне"): the last word
    of an official name almost always is. A name that merely ends so ("Алматы" →
    "Алматыға") is not told apart.
    """
    text, sound, hyphen = _stem(phrase)
    last = sound[-1].lower()
    back = is_back(sound)
    if last in "ыі" and not hyphen:
        return _join(text, "на" if back else "не", hyphen)
    if last in _VOICELESS or last in "бвгд":
        return _join(text, "қа" if back else "ке", hyphen)
    return _join(text, "ға" if back else "ге", hyphen)


# Kazakh: the possessive of a numeral ("38 мектептің 37-сі", "31 мектептің 29-ы") follows the last
# word one says: ...бір, екі, үш... Its ending decides -ы/-і after a consonant, -сы/-сі after a vowel.
_KK_UNITS = {1: "бір", 2: "екі", 3: "үш", 4: "төрт", 5: "бес", 6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз"}
_KK_TENS = {1: "он", 2: "жиырма", 3: "отыз", 4: "қырық", 5: "елу", 6: "алпыс", 7: "жетпіс", 8: "сексен",
            9: "тоқсан"}


def _kk_last_word(n: int) -> str:
    if n == 0:
        return "нөл"
    if n % 10:
        return _KK_UNITS[n % 10]
    if n % 100:
        return _KK_TENS[(n % 100) // 10]
    if n % 1000:
        return "жүз"
    if n % 1_000_000:
        return "мың"
    return "миллион"


def kk_possessive_number(n: int) -> str:
    """"37-сі", "29-ы", "40-ы", "50-і", "100-і": the numeral as "the N of them" in Kazakh."""
    word = _kk_last_word(n)
    back = is_back(word)
    if word[-1] in "аеәоөұүыіэюя" and word != "елу":
        suffix = "сы" if back else "сі"
    else:  # a consonant; "елу" ends in a semivowel: "елуі"
        suffix = "ы" if back else "і"
    return f"{n}-{suffix}"
