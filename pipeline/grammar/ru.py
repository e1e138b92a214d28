"""Russian cases by a morphological analyser (pymorphy3 with its OpenCorpora dictionaries).

Documents need the names of the Штаб, of state bodies and of posts in other
cases than the secretary types them: «ПРОТОКОЛ заседания Межведомственного
штаба …» (genitive), «Министерству внутренних дел …» (dative of an addressee),
the instrumental where a template needs it. Official names are long noun
phrases whose tail is already in its own case («… по координации деятельности
… при акимате Костанайского района»), so only the HEAD noun phrase is
inflected: the adjectives and participles that agree with the head noun, the
head noun itself, and a participle after a comma that agrees with the head
(«заместитель акима, курирующий …» → «заместителя акима, курирующего …»).
Everything else — the tail, quoted names, abbreviations — stays as typed.

Where the analyser is not sure (an unknown word, readings that give different
forms, no head found) the best form is still returned, with `sure=False` and
the reason: `check` then warns and names the key in which the secretary can
type the form herself; a typed form always wins over a derived one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core.cache import KeptValues, code_digest, version
from ..locale.messages import Message, _

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# Words of Kazakhstan's administrative language that OpenCorpora lacks; the
# analyser's guess is trusted for them only in the reading named here, and the
# test table checks every form of each. Add a word here with its forms in the test.
_LEXICON: dict[str, frozenset[str]] = {
    "акимат": frozenset({"NOUN", "masc", "sing"}),
    "маслихат": frozenset({"NOUN", "masc", "sing"}),
}

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*")
_OPENING_QUOTES = "«\"„“'"
_CLOSING_QUOTES = {"«": "»", "\"": "\"", "„": "“", "“": "”", "'": "'"}
_MODIFIERS = {"ADJF", "PRTF"}


@dataclass(frozen=True)
class Inflected:
    """A phrase put in a case: the form, whether the analyser was sure, and why not when it was not."""

    form: str
    sure: bool
    reason: Message | str = ""  # the first word that made it unsure, and why: words when printed


@lru_cache(maxsize=1)
def _analyser():
    """One analyser per process: loading the dictionaries takes a tenth of a second and 15 MB."""
    import pymorphy3  # imported on first use: commands that print no Russian never pay for it

    return pymorphy3.MorphAnalyzer(lang="ru")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    glue: str  # what stands between the previous word and this one ("" for the first)
    quoted: bool  # inside «…» or "…": part of a proper name, never inflected


def _tokens(phrase: str) -> list[_Token]:
    """The words of the phrase with what separates them, marking those inside quotes."""
    tokens: list[_Token] = []
    position = 0
    depth: list[str] = []
    for match in _WORD.finditer(phrase):
        glue = phrase[position:match.start()]
        for char in glue:
            if depth and char == depth[-1]:
                depth.pop()
            elif char in _OPENING_QUOTES:
                depth.append(_CLOSING_QUOTES[char])
        tokens.append(_Token(match.start(), match.end(), match.group(), glue, bool(depth)))
        position = match.end()
    return tokens


def _is_abbreviation(word: str) -> bool:
    """ГУ, КГП, МВД, РГКП: capitals read letter by letter, indeclinable in official writing.

    A longer word in capitals («МИНИСТЕРСТВО») is a word typed in capitals, and declines."""
    return 1 < len(word) <= 6 and word.isupper()


def _nominatives(word: str, classes: set[str]) -> list:
    """The analyser's nominative readings of the word in the given parts of speech, best first."""
    lower = word.lower()
    wanted = _LEXICON.get(lower)
    readings = []
    for parse in _analyser().parse(lower):
        if parse.tag.POS not in classes or parse.tag.case != "nomn":
            continue
        if wanted is not None and not wanted <= parse.tag.grammemes:
            continue
        readings.append(parse)
    return readings


def _agrees(modifier, head) -> bool:
    """An adjective agrees with a noun: same number and, in the singular, the same gender."""
    if modifier.tag.number != head.tag.number:
        return False
    if modifier.tag.number == "plur":
        return True
    if "ms-f" in head.tag.grammemes or head.tag.gender is None:  # common gender: «судья», «коллега»
        return True
    return modifier.tag.gender == head.tag.gender


def _match_case(form: str, original: str) -> str:
    """The form written as the secretary wrote the word: capitals kept, «е» where she typed no «ё»."""
    if "ё" not in original.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    if len(original) > 1 and original.isupper():
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


_ADJECTIVE_ENDINGS = ("ский", "ская", "ское", "ские", "цкий", "цкая", "цкое", "цкие")


def _regular_adjective(reading, word: str) -> bool:
    """«Костанайская», «Затобольский»: adjectives made from place names, not in any dictionary,
    decline like every adjective in -ский; the analyser's guess for them is safe."""
    return reading.tag.POS == "ADJF" and word.lower().endswith(_ADJECTIVE_ENDINGS)


@dataclass(frozen=True)
class _Choice:
    token: _Token
    readings: list  # nominative readings that fit; the first is used
    grammemes: frozenset[str]  # the target: case, and number/gender for agreement


def _form(choice: _Choice) -> tuple[str, bool, Message | str]:
    """The word in its target form, and whether every reading of it gives that same form."""
    word = choice.token.text
    forms = []
    for reading in choice.readings:
        inflected = reading.inflect(set(choice.grammemes))
        if inflected is not None:
            forms.append(inflected.word)
    if not forms:
        return word, False, _("«{word}» has no form in this case", word=word)
    best = forms[0]
    if len(set(forms)) > 1:
        return _match_case(best, word), False, _("«{word}» reads several ways ({forms})", word=word,
                                                 forms=", ".join(sorted(set(forms))))
    known = choice.readings[0].is_known or word.lower() in _LEXICON or _regular_adjective(choice.readings[0], word)
    reason = "" if known else _("«{word}» is not in the dictionary", word=word)
    return _match_case(best, word), known, reason


def _head(tokens: list[_Token]) -> tuple[list[tuple[_Token, list]], tuple[_Token, list] | None, int]:
    """The modifiers and the head noun at the start of the phrase, and the index after the head.

    Modifiers are adjectives and participles in the nominative followed by a
    word of the same phrase that agrees with them; the head is the first
    nominative noun that agrees with the modifiers. Without such a noun the
    last modifier is the head itself («исполняющий обязанности …»).
    """
    modifiers: list[tuple[_Token, list]] = []
    for index, token in enumerate(tokens):
        if token.quoted or (index and token.glue.strip()):
            break
        nouns = [n for n in _nominatives(token.text, {"NOUN"})
                 if all(any(_agrees(a, n) for a in m) for _, m in modifiers)]
        adjectives = _nominatives(token.text, _MODIFIERS)
        if adjectives and _continues(tokens, index, adjectives):
            modifiers.append((token, adjectives))
            continue
        if nouns and not _is_abbreviation(token.text):
            return modifiers, (token, nouns), index + 1
        if adjectives:
            modifiers.append((token, adjectives))
        break
    if modifiers:
        return modifiers[:-1], modifiers[-1], len(modifiers)
    return [], None, 0


def _continues(tokens: list[_Token], index: int, adjectives: list) -> bool:
    """The next word is in the same phrase and agrees with this adjective: a noun or another adjective."""
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    if following.quoted or following.glue.strip():
        return False
    readings = _nominatives(following.text, {"NOUN"} | _MODIFIERS)
    return any(_agrees(a, r) for a in adjectives for r in readings)


def _participle_after_comma(tokens: list[_Token], start: int, head) -> tuple[_Token, list] | None:
    """«…, курирующий правоохранительное направление»: the participle agreeing with the head, if any."""
    for token in tokens[start:]:
        if token.quoted or "," not in token.glue:
            continue
        readings = [r for r in _nominatives(token.text, _MODIFIERS) if _agrees(r, head)]
        return (token, readings) if readings else None
    return None


def inflect_ru(phrase: str, case: str) -> Inflected:
    """The phrase with its head noun phrase in `case` ('gent', 'datv', 'ablt', ...), the rest as typed.

    «Межведомственный штаб по координации …» → «Межведомственного штаба по координации …» (gent);
    «Министерство внутренних дел Республики Казахстан» → «Министерству внутренних дел …» (datv);
    «ГУ «Отдел образования»» stays: an abbreviation at the head does not decline.
    """
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; one of {CASES}")
    text = phrase.strip()
    if not text or case == "nomn":
        return Inflected(phrase, True)
    tokens = _tokens(phrase)
    if tokens and not tokens[0].glue.strip() and _is_abbreviation(tokens[0].text):
        return Inflected(phrase, True)
    key = f"{case} {phrase}"
    kept = _from_kept(_kept().get(key))
    if kept is None:
        kept = _by_analyser(phrase, case, tokens)
        if _keepable(kept):
            _kept().put(key, [kept.form, kept.sure, _reason_data(kept.reason)])
    return kept


def _by_analyser(phrase: str, case: str, tokens: list[_Token]) -> Inflected:
    """The inflection itself: the head noun phrase found and put in `case` by the analyser."""
    text = phrase.strip()
    modifiers, head, after = _head(tokens)
    if head is None:
        first = tokens[0].text if tokens else text
        return Inflected(phrase, False, _("no noun in the nominative opens the phrase («{word}»)", word=first))
    head_token, head_readings = head
    number = head_readings[0].tag.number or "sing"
    choices = [_Choice(head_token, head_readings, frozenset({case}))]
    target = frozenset({case, number})
    choices += [_Choice(token, [r for r in readings if _agrees(r, head_readings[0])] or readings, target)
                for token, readings in modifiers]
    participle = _participle_after_comma(tokens, after, head_readings[0])
    if participle is not None:
        choices.append(_Choice(participle[0], participle[1], target))
    pieces, position, sure, reasons = [], 0, True, []
    for choice in sorted(choices, key=lambda c: c.token.start):
        form, word_sure, reason = _form(choice)
        pieces += [phrase[position:choice.token.start], form]
        position = choice.token.end
        sure = sure and word_sure
        if reason:
            reasons.append(reason)
    pieces.append(phrase[position:])
    return Inflected("".join(pieces), sure, reasons[0] if reasons else "")


# ---------------------------------------------------------------- kept between runs


@lru_cache(maxsize=1)
def _kept() -> KeptValues:
    """The inflections of earlier runs (speed_kept.py), so that a run loads pymorphy3 only for a new phrase.

    The stamp names all the result depends on: pymorphy3 and its dictionary's
    versions, and this file (its code and its _LEXICON).
    """
    stamp = (f"pymorphy3 {version('pymorphy3')}; dictionary {version('pymorphy3-dicts-ru')}; "
             f"code {code_digest(__file__)}")
    return KeptValues("inflections-ru", stamp)


def _reason_data(reason: Message | str) -> list | str:
    return [reason.key, [[name, value] for name, value in reason.values]] if isinstance(reason, Message) else reason


def _keepable(result: Inflected) -> bool:
    """Whether the result is kept: its reason, if a message, holds only text (all of this file's do)."""
    reason = result.reason
    return not isinstance(reason, Message) or all(isinstance(value, str) for _name, value in reason.values)


def _from_kept(data) -> Inflected | None:
    """A kept [form, sure, reason] as an Inflected; None for anything else (a damaged table: inflect again)."""
    try:
        form, sure, reason = data
        if isinstance(reason, list):
            key, values = reason
            pairs = tuple((name, value) for name, value in values)
            if not isinstance(key, str) or not all(isinstance(part, str) for pair in pairs for part in pair):
                return None
            reason = Message(key, pairs)
        if isinstance(form, str) and isinstance(sure, bool) and isinstance(reason, (str, Message)):
            return Inflected(form, sure, reason)
    except (TypeError, ValueError):
        pass
    return None


def genitive_ru(phrase: str) -> Inflected:
    """«Межведомственный штаб …» → «Межведомственного штаба …»: headings of protocols, plans, the composition."""
    return inflect_ru(phrase, "gent")


def dative_ru(phrase: str) -> Inflected:
    """«Министерство внутренних дел …» → «Министерству внутренних дел …»: the addressee of a letter."""
    return inflect_ru(phrase, "datv")


def instrumental_ru(phrase: str) -> Inflected:
    """«аким района» → «акимом района»: «согласовано с …», «утвержден …»."""
    return inflect_ru(phrase, "ablt")


def is_plural_ru(phrase: str) -> bool:
    """«Акимы сельских округов и поселка» names several: its head noun is in the plural (a letter says «Вам» either
    way, but its Kazakh twin says «Сіздерге»). False where no head noun is found."""
    _modifiers, head, _end = _head(_tokens(phrase))
    if head is None:
        return False
    return head[1][0].tag.number == "plur"


_SURNAME_ACCUSATIVE = (("ова", "ову"), ("ева", "еву"), ("ёва", "ёву"), ("ина", "ину"), ("ына", "ыну"),
                       ("ская", "скую"), ("цкая", "цкую"), ("ский", "ского"), ("цкий", "цкого"),
                       ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына"))


def surname_accusative_ru(name: str) -> str:
    """«Е. Жаксылыков» → «Е. Жаксылыкова», «Т. Оспанова» → «Т. Оспанову», «С. Савченко» as it is: the surname (the
    last word) by the endings of Russian and Kazakh surnames in Russian; others (-ко, -ич of a woman, foreign) stay
    as typed, which official Russian accepts for an indeclinable surname."""
    start = max(name.rfind(" "), name.rfind("\u00a0")) + 1
    head, last = name[:start], name[start:]
    for ending, accusative in _SURNAME_ACCUSATIVE:
        if last.endswith(ending) and len(last) > len(ending) + 1:
            return head + last[:-len(ending)] + accusative
    return name
