"""Typography of human texts: «ёлочки» for straight double quotes, as Kazakh and Russian records print them.

The secretary types on a keyboard that gives "…"; an official document prints
«…» (both languages), and the documents' own wording already uses them. A text
that must stay literal keeps every character: one holding template or markup
syntax ({{ }}, {% %}, <tag>), or quotes that do not pair up.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LITERAL = re.compile(r"\{\{|\{%|%\}|\}\}|<\s*/?\s*[A-Za-z]")
# A pair: an opening quote at the start or after a space or an opening bracket/quote, then a closing
# quote followed by the end, a space, punctuation or a closing bracket; no straight quote inside.
_PAIR = re.compile(r'(?:(?<=^)|(?<=[\s(\[«„/—–-]))"(?=\S)([^"\n]*?\S)"(?=$|[\s.,;:!?)\]»/—–-])')


def typographic_quotes(text: str) -> str:
    """«…» for each straight "…" pair; the text as typed when it is literal or the quotes do not pair up."""
    if '"' not in text or _LITERAL.search(text):
        return text
    converted = _PAIR.sub(r"«\1»", text)
    return text if '"' in converted else converted


def nested_quotes(text: str, depth: int = 0) -> str:
    """Quotes inside quotes as «…„…“…»: a «…» pair opened inside another one prints as „…“.

    `depth` 1: the text stands inside quotes the document prints around it (a plan question
    «{{ title }}»), so its own outer pair becomes „…“. Quotes that do not pair up stay as typed.
    """
    if "«" not in text:
        return text
    start, out = depth, []
    for char in text:
        if char == "«":
            out.append("„" if depth else "«")
            depth += 1
        elif char == "»" and depth > start:
            depth -= 1
            out.append("“" if depth else "»")
        else:
            out.append(char)
    return "".join(out) if depth == start else text


# No-break spaces (U+00A0) where a line must not break, as official Kazakh and Russian documents set them:
# after «№» before its number («№ 1»; the heading «№ п/п» of a narrow column may break); between a number and
# its unit or magnitude («2,5 млн», «97,4 %», «2027 года», «2027 ж.», «+6,2 п. п.»); between a day and its month
# in a typed date («до 31 мая», «31 мамырға»); inside an abbreviation of two letters («п. п.»); after ≥ ≤ ±
# before a figure («≥ 250»); after «от», «до» before a day.
# A template's placeholder counts as a number there («{{ year }} г.»): the same rule sets the templates' own text.
# The dates the program forms get theirs in grammar/dates.py, names theirs in context/common.py.
NBSP = "\u00a0"
_UNITS = (r"%|‰|млн\.?|млрд\.?|трлн\.?|тыс\.|мың|тенге|теңге|тг\.|руб\.|км|кг|га|г\.|ж\.|год(?:а|у|ы|ом|ах)?|лет"
          r"|жыл\w*|п\.\s+п\.|п\.т\.")


@lru_cache(maxsize=1)
def _no_break() -> re.Pattern[str]:
    """The rule as one pattern; the month names are CLDR's, as the dates print them (grammar/dates.py)."""
    from .dates import month_name
    months = "|".join([month_name(m, "ru") for m in range(1, 13)] +
                      [month_name(m, "kk") + r"\w*" for m in range(1, 13)])
    return re.compile(
        r"(?<=№)[ ]+(?=[\d{_])"                                       # «№ 1», «№ {{ number }}», «№ ____»
        rf"|(?:(?<=\d)|(?<=\}}\}}))[ ]+(?=(?:{_UNITS})(?![\w}}]))"     # «2,5 млн», «{{ year }} г.»
        rf"|(?<=\d)[ ]+(?=(?:{months})(?!\w))"                        # «31 мая», «31 мамырға»
        r"|(?<=(?<!\w)[а-яәғқңөұүһі]\.)[ ]+(?=[а-яәғқңөұүһі]\.)"      # «п. п.», «т. е.»
        r"|(?<=[≥≤±])[ ]+(?=\d)"                                      # «≥ 250»
        r"|(?<=(?<!\w)[Оо]т)[ ]+(?=\d)|(?<=(?<!\w)[Дд]о)[ ]+(?=\d)")  # «от 12 марта», «до 30 июня»


def no_break_spaces(text: str) -> str:
    """The spaces a line must not break at made no-break: «№ 1», «2,5 млн», «2027 года», «31 мая», «п. п.»."""
    return _no_break().sub(NBSP, text) if " " in text else text


def as_printed(text: str) -> str:
    """A typed text as documents print it: «…» for "…", quotes in quotes as „…“, no-break spaces.

    A literal text (template or markup syntax) keeps every character but its «…» nesting, as before."""
    quoted = nested_quotes(typographic_quotes(text))
    return quoted if _LITERAL.search(quoted) else no_break_spaces(quoted)
