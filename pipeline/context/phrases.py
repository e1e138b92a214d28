"""The phrase table of the documents in Kazakh and Russian, and the numbers as each language writes them.

Grammar (date forms, Kazakh suffixes) is `pipeline.grammar`; this module holds
the wording the code hands to several templates, defined once in `PHRASES`, read from
templates_docx/phrases.yaml: the quorum sentence, the vote line, the §13 outcomes and
«до {date}» are there for the secretary to reword, not in the code.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import yaml

from ..core.errors import Finding, Loc, ShtabError, error
from ..core.project import active, program_templates
from ..grammar.kk import kk_possessive_number
from ..grammar.typography import no_break_spaces
from ..locale.messages import _

# Phrases the code hands to several templates, in one file the secretary can edit
# (templates_docx/phrases.yaml). Wording that belongs to one document lives in that document's template.
# A project's own templates_docx/phrases.yaml replaces the program's phrases it names (`use`).
PHRASES_FILE = program_templates() / "phrases.yaml"


def _load_phrases(path: Path = PHRASES_FILE) -> dict[str, dict[str, str]]:
    """The phrase table: language → key → text with {placeholders} (YAML, read once per process).

    The secretary may edit the file: a file that is not valid YAML, or not a table of texts per language,
    is refused as file:line with advice (`PhraseError`), never a traceback.
    """
    try:
        with path.open(encoding="utf-8") as handle:   # libyaml where installed: the same table, 5x faster
            table = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        from ..load.source import read_yaml  # only on this path: her file, read again for the line and the advice
        _tree, findings = read_yaml(path)
        raise PhraseError(findings[0] if findings else _phrase_finding(path, 1, _("the file cannot be read")))
    if not isinstance(table, dict) or not all(isinstance(texts, dict) for texts in table.values()):
        raise PhraseError(_phrase_finding(path, 1, _("the file must hold the phrases of each language under kk: "
                                                     "and ru:, one per line, as \"key\": \"text\"")))
    return table


class _PhraseTable(Mapping):
    """`PHRASES`: the files read on first use, so that a broken file is her message, not a failed import.

    The program's table first, then a project's own: each phrase of hers replaces the program's, the rest stay.
    """

    def __init__(self) -> None:
        self.paths: tuple[Path, ...] = ()
        self._table: dict[str, dict[str, str]] | None = None
        self._origin: dict[tuple[str, str], Path] = {}

    def _loaded(self) -> dict[str, dict[str, str]]:
        paths = active().phrase_files            # the run's project (core/project.py): the program's, then hers
        if paths != self.paths:
            self.paths, self._table, self._origin = paths, None, {}
        if self._table is None:
            table: dict[str, dict[str, str]] = {}
            for path in self.paths:
                for lang, texts in _load_phrases(path).items():
                    table.setdefault(lang, {}).update(texts)
                    self._origin.update({(lang, key): path for key in texts})
            self._table = table
        return self._table

    def file_of(self, lang: str, key: str) -> Path:
        """The file the phrase was read from: where she edits it (the last file when it is missing)."""
        self._loaded()
        return self._origin.get((lang, key), self.paths[-1])

    def __getitem__(self, lang: str) -> dict[str, str]:
        return self._loaded()[lang]

    def __iter__(self):
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


PHRASES = _PhraseTable()


class PhraseError(ShtabError):
    """A phrase of templates_docx/phrases.yaml the program cannot fill in: shown as file:line with what to type."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding

    def __reduce__(self):  # rendering may run in a worker process: the finding travels back whole
        return (PhraseError, (self.finding,))

    def format_message(self) -> str:
        return str(self.finding)

    def show(self, file=None) -> None:
        print(self.format_message(), file=file or sys.stderr)


def phrase(lang: str, key: str, **values: object) -> str:
    """The phrase `key` in `lang` with the values put in, no-break spaces set («№ 4», «2027 года»,
    grammar/typography.py); a phrase edited beyond what the values fill is refused."""
    texts = PHRASES[lang] if lang in PHRASES else {}
    if key not in texts:
        example = f'"{key}": "..."'
        raise PhraseError(_phrase_finding(PHRASES.file_of(lang, key), _line_of(lang, key), _(
            "the phrase \"{key}\" is missing under {lang}: add it back, e.g. {example}", key=key, lang=lang + ":",
            example=example)))
    try:
        return no_break_spaces(texts[key].format(**values))
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise PhraseError(_phrase_finding(PHRASES.file_of(lang, key), _line_of(lang, key), _unfilled(key, lang, exc, values))) \
            from None


def _unfilled(key: str, lang: str, exc: Exception, values: dict):
    """Why a phrase cannot be filled in, and what to type: the placeholders the program gives are named."""
    wanted = ", ".join("{" + name + "}" for name in values)
    if not isinstance(exc, (KeyError, IndexError)):
        return _("the phrase \"{key}\" ({lang}) has a brace {{ or }} without its pair: a placeholder is written in "
                 "a pair of braces, e.g. {example}", key=key, lang=lang, example="{" + (next(iter(values), "date")) + "}")
    placeholder = "{" + str(exc.args[0] if exc.args else "") + "}"
    if not values:
        return _("the phrase \"{key}\" ({lang}) holds {placeholder}, but the program fills in nothing here: remove "
                 "it", key=key, lang=lang, placeholder=placeholder)
    return _("the phrase \"{key}\" ({lang}) holds {placeholder}, which the program does not fill in: use only "
             "{wanted}, exactly as written in the original", key=key, lang=lang, placeholder=placeholder,
             wanted=wanted)


def _phrase_finding(path: Path, line: int, message) -> Finding:
    from ..load.source import display_path
    return error(Loc(display_path(path), line), message)


def _line_of(lang: str, key: str) -> int:
    """The line of `key` under `lang:` in the phrase file (1 when it cannot be found): where she edits it."""
    try:
        lines = PHRASES.file_of(lang, key).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    block = re.compile(rf"^[\"']?{re.escape(lang)}[\"']?\s*:")
    entry = re.compile(rf"^\s+[\"']?{re.escape(key)}[\"']?\s*:")
    inside, first = False, 0
    for number, line in enumerate(lines, start=1):
        if block.match(line):
            inside, first = True, number
        elif inside and line[:1] not in (" ", "\t", "#", ""):
            break
        elif inside and entry.match(line):
            return number
    return first or 1


# ---------------------------------------------------------------- numbers (the register and the annual report)
#
# Figures follow the language's CLDR conventions through Babel: a decimal comma
# and a non-breaking space between thousands in both languages. The percent sign
# follows a non-breaking space in both languages ("97,4 %"): one document of a
# pair does not write "97,4%" where the other writes "97,4 %".

MINUS = "\u2212"


def number(value, lang: str) -> str:
    """A count or a one-decimal figure: "2 140", "73,4"; None prints as the dash of an unknown value."""
    if value is None:
        return "—"
    from babel.numbers import format_decimal  # here: a protocol prints no figures and never loads Babel
    pattern = "#,##0" if isinstance(value, int) else "#,##0.0"
    return format_decimal(value, pattern, locale=lang)


def percent(value, lang: str) -> str:
    """A percentage given in percent (97.4 → "97,4 %"), one decimal, a no-break space before the sign in kk and ru."""
    if value is None:
        return "—"
    return number(Decimal(str(value)).quantize(Decimal("0.1")), lang) + "\u00a0%"


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
