"""Kazakh suffixes: vowel harmony and voicing decide the ending of the locative, genitive and dative.

Each function takes the phrase as the secretary typed it and inflects its last
word: "наурыз" → "наурызда", "штаб" → "штабтың", "министрлігі" → "министрлігіне".
"""

from __future__ import annotations

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


def locative(word: str) -> str:
    """The Kazakh locative: -да/-де after vowels and voiced consonants, -та/-те after voiceless ones."""
    consonant = "т" if word[-1].lower() in _VOICELESS else "д"
    return word + consonant + ("а" if is_back(word) else "е")


def locative_attributive(word: str) -> str:
    """The locative with -ғы/-гі: "наурыздағы", "қыркүйектегі"."""
    return locative(word) + ("ғы" if is_back(word) else "гі")


def genitive_kk(phrase: str) -> str:
    """The Kazakh genitive of a noun phrase, on its last word: "штаб" -> "штабтың", "әкімдігі" -> "әкімдігінің"."""
    word = phrase.rstrip()
    last = word[-1].lower()
    back = is_back(word)
    if last in "аеәоөұүыіэюяиумнң":
        suffix = "ның" if back else "нің"
    elif last in "лрйзж":
        suffix = "дың" if back else "дің"
    else:
        suffix = "тың" if back else "тің"
    return word + suffix


def dative_kk(phrase: str) -> str:
    """The Kazakh dative of a noun phrase, on its last word: "министрлігі" → "министрлігіне", "штаб" → "штабқа".

    After the possessive ending -ы/-і (and -сы/-сі) the dative is -на/-не; after other
    vowels and voiced consonants -ға/-ге; after voiceless consonants, and after б, в, г, д
    that are devoiced at the end of a loanword ("штабқа", "заводқа"), -қа/-ке.
    """
    word = phrase.rstrip()
    last = word[-1].lower()
    back = is_back(word)
    if last in "ыі":
        return word + ("на" if back else "не")
    if last in _VOICELESS or last in "бвгд":
        return word + ("қа" if back else "ке")
    return word + ("ға" if back else "ге")


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
