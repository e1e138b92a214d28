"""The phrase table of the documents in Kazakh and Russian, and the numbers as each language writes them.

Grammar (date forms, Kazakh suffixes) is `pipeline.grammar`; this module holds
the wording the code hands to several templates, defined once in `PHRASES`, read from
templates_docx/phrases.yaml: the quorum sentence, the vote line, the §13 outcomes and
«до {date}» are there for the secretary to reword, not in the code.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import yaml
from babel import Locale
from babel.numbers import format_decimal, format_percent

from .grammar.kk import kk_possessive_number

# Phrases the code hands to several templates, in one file the secretary can edit
# (templates_docx/phrases.yaml). Wording that belongs to one document lives in that document's template.
PHRASES_FILE = Path(__file__).resolve().parent.parent / "templates_docx" / "phrases.yaml"


def _load_phrases(path: Path = PHRASES_FILE) -> dict[str, dict[str, str]]:
    """The phrase table: language → key → text with {placeholders} (YAML, read once per process)."""
    with path.open(encoding="utf-8") as handle:   # libyaml where installed: the same table, 5x faster
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loaders


PHRASES: dict[str, dict[str, str]] = _load_phrases()


def phrase(lang: str, key: str, **values: object) -> str:
    return PHRASES[lang][key].format(**values)


# ---------------------------------------------------------------- numbers (the register and the annual report)
#
# Figures follow the language's CLDR conventions through Babel: a decimal comma
# and a non-breaking space between thousands in both languages; the percent sign
# close up in Kazakh ("97,4%") and after a space in Russian ("97,4 %").

MINUS = "\u2212"


def number(value, lang: str) -> str:
    """A count or a one-decimal figure: "2 140", "73,4"; None prints as the dash of an unknown value."""
    if value is None:
        return "—"
    pattern = "#,##0" if isinstance(value, int) else "#,##0.0"
    return format_decimal(value, pattern, locale=lang)


def percent(value, lang: str) -> str:
    """A percentage given in percent (97.4 → "97,4%" / "97,4 %"), one decimal, the locale's pattern."""
    if value is None:
        return "—"
    pattern = re.sub(r"0(\s*%)", r"0.0\1", Locale.parse(lang).percent_formats[None].pattern)
    return format_percent(Decimal(str(value)) / 100, pattern, locale=lang)


def signed(value, lang: str, unit: str = "") -> str:
    """A change with its sign: "+4", "−1", "0", "+4,5 п. п."; the true minus sign, not a hyphen."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else (MINUS if value < 0 else "")
    text = sign + number(abs(value), lang)
    return f"{text}\u00a0{unit}" if unit else text


def ru_of_schools(whole: int) -> str:
    """"из 38 школ", "из 21 школы": after "из" the noun agrees with the last word of the numeral."""
    noun = "школы" if whole % 10 == 1 and whole % 100 != 11 else "школ"
    return f"из {whole} {noun}"


def schools_of(part: int, whole: int, lang: str) -> str:
    """§29.11 in words: "38 мектептің 37-сі" / "37 из 38 школ"."""
    if lang == "kk":
        return f"{whole} мектептің {kk_possessive_number(part)}"
    return f"{part} {ru_of_schools(whole)}"
