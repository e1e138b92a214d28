"""Is a printed line in the secretary's language? The checker of the tests that read the program as she does.

A line passes when, after the words she may meet in it untranslated are taken out, no Latin-script word
is left. Those words are her own: the ids and keys of her YAML files (members, meetings, plan questions,
`vote.for`, `stand_ins`, `in_progress`), the values she typed (the wrong input itself, quoted back to her),
file names and paths, options and commands she types (`--as-of`, `protocol`), the program's name, §N,
numbers and dates (a plan id also as its format, ГГГГ-H1), and a short list of product names (LibreOffice, DOCX, PDF, YAML). A YAML key that is
also an English word (`for`, `date`, `protocol`) counts as hers only where it reads as a key: quoted,
part of a dotted path (`vote.for`), or followed by a colon; bare in a sentence it is English.
A line that repeats a line of her file (shown under a YAML error, with a caret under it) is hers.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

# Product and format names a Kazakh or Russian text writes in Latin letters as well.
PRODUCTS = {"LibreOffice", "DOCX", "PDF", "YAML", "UTF", "SHA", "JSON", "Schema", "VS", "Code", "Word", "Windows",
            "Bash", "UUID", "soffice", "sha256sum", "Applications", "git", "Notepad", "http", "https", "localhost",
            "token",
            # the ЭЦП: NCA RK's signing app and services, and the signature formats, as NCA and SIGEX write them
            "NCALayer", "NCA", "eGov", "SIGEX", "ezSigner", "Kalkan", "SDK", "CMS", "DER", "PEM", "base64", "OCSP",
            "RSA", "GOST", "AUTH", "CRLF", "signingCertificate", "SignedData", "p7s", "Python"}
# What she types to run the program: its names and the make targets' words.
PROGRAM = {"shtab", "python", "pipeline", "make", "ARGS", "FORCE", "SHTAB_LANG", "LANG", "kk", "ru", "en", "id",
           "checkout", "true", "false", "inputs", "outputs", "records", "schemas",
           "cd"}   # the shell's command that goes to the project's folder: cd "/home/aigul/shtab"

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z][A-Za-z0-9_]*)*")   # new-meeting is one word

_PATH = re.compile(r"(?:[\w.~<>-]*/)+[\w.<>*-]*|[\w<>-]+\.(?:ya?ml|docx|pdf|json|md|po|mo|txt|sha256|py|bat|ps1|cms|p7s|pem)\b")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_IDS = re.compile(r"\b(?:\d{4}|ГГГГ|ЖЖЖЖ)-(?:H[12]|\d{2})(?:/\d+(?:\.\d+)?)?\b|'H[12]'|\bU\+[0-9A-F]{4,6}\b|\b\d+[a-z]\b")
_SECTION = re.compile(r"§\s?(?:\d+(?:\.\d+)*|N)")
# What is typed as it is whatever the language: an environment variable, a key (Ctrl-C), a letter range (a-z),
# a template tag ({%p %}), the editor extension's name, a shell command, the N of "item: N".
_VERBATIM = re.compile(r"\bSHTAB_[A-Z_]+|\bCtrl-[A-Z]\b|\ba-z\b|\{%.*?%\}|(?:yaml-)?language-server|\$schema"
                       r"|sudo apt-get install [\w -]+|\b[\w-]+\.(?:org|com|kz)\b|\bN{1,2}\b")
_CARET = re.compile(r"^\s*\^\s*$")
_INDEXED = re.compile(r"\w+\[(?:no )?\d+\]")


@cache
def yaml_keys() -> frozenset[str]:
    """Every key of the input files (the models, schemas/*.schema.json) and of the phrase file she may edit."""
    from pipeline.load.models import ALL_KEYS  # every key of every input, the indicators' included
    found = set(ALL_KEYS)
    for schema in _schemas():
        found.update(_walk(schema, "properties"))
    phrases = yaml.safe_load((ROOT / "templates_docx" / "phrases.yaml").read_text(encoding="utf-8"))
    found.update(key for texts in phrases.values() for key in texts)
    return frozenset(found)


@cache
def yaml_values() -> frozenset[str]:
    """Every value the input files take from a fixed list (regular, unanimous, done, in_progress...)."""
    return frozenset(word for schema in _schemas() for word in _walk(schema, "enum") | _walk(schema, "const"))


def _schemas() -> list:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "schemas").glob("*.schema.json"))]


def _walk(node, wanted: str) -> set[str]:
    """The names under every `properties` (wanted="properties"), or every enum/const value, of a JSON Schema."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == wanted == "properties" and isinstance(value, dict):
                found.update(value)
            elif key == wanted == "enum":
                found.update(str(v) for v in value)
            elif key == wanted == "const":
                found.add(str(value))
            found |= _walk(value, wanted)
    elif isinstance(node, list):
        for value in node:
            found |= _walk(value, wanted)
    return found


@cache
def member_ids() -> frozenset[str]:
    text = (ROOT / "inputs" / "body.yaml").read_text(encoding="utf-8")
    return frozenset(re.findall(r"^\s*- id:\s*(\w+)", text, re.MULTILINE))


def _keylike(line: str, start: int, end: int, value: bool = False) -> bool:
    """The word at line[start:end] reads as her key or command: quoted, dotted, followed by a colon or '=', or
    the command after the program's name (`python -m pipeline check`, `make check`); a `value` also after "key: "."""
    before, after = line[max(0, start - 1):start], line[end:end + 1]
    return (before in ("'", '"', "«", ".", "[", "{", "`") or after in ("'", '"', "»", ".", ":", "=", "]", "}", "`")
            or (value and line[max(0, start - 2):start] == ": ")
            or re.search(r"\b(?:pipeline|make|shtab) $", line[:start]) is not None)


@cache
def command_names() -> frozenset[str]:
    """The commands she types (pipeline/cli/main.py COMMANDS), and the make targets named like them."""
    from pipeline.cli.main import COMMANDS
    subcommands = {name for command in COMMANDS for name in getattr(command, "commands", {})}   # signature import
    return frozenset(command.name for command in COMMANDS) | subcommands | {"new", "meeting", "annual", "report",
                                                                            "templates"}


def foreign_words(line: str, hers: set[str] = frozenset(), her_lines: set[str] = frozenset()) -> list[str]:
    """The Latin-script words of `line` that are not hers (see the module's docstring); [] when the line is fine.

    `hers`: words she typed in this case (the wrong value, the meeting id asked for, a command name);
    `her_lines`: the lines of her files, stripped, which the program may show under a message.
    """
    shown = line.strip()
    if not shown or _CARET.match(line) or shown.replace("→", "\t") in her_lines:
        return []
    if any(shown.replace("→", "\t") in her_line for her_line in her_lines if len(shown) > 8):
        return []
    indexed = _INDEXED.findall(shown)   # items[1].heard: a programmer's path, not her words («вопрос 1, heard»)
    for pattern in (_VERBATIM, _PATH, _OPTION, _IDS, _SECTION):
        shown = pattern.sub(" ", shown)
    allowed_bare = PRODUCTS | PROGRAM | member_ids() | set(hers)
    foreign = []
    for match in LATIN_WORD.finditer(shown):
        word = match.group()
        if word in allowed_bare or word.lower() in {w.lower() for w in PRODUCTS}:
            continue
        if "_" in word:   # an identifier (in_progress, my_templates), never English prose
            continue
        if (word in yaml_keys() or word in command_names()) and _keylike(shown, match.start(), match.end()):
            continue
        if word in yaml_values() and _keylike(shown, match.start(), match.end(), value=True):
            continue
        foreign.append(word)
    return indexed + foreign


def not_in_her_language(output: str, lang: str, hers: set[str] = frozenset(),
                        her_lines: set[str] = frozenset()) -> list[str]:
    """Each printed line with a word she cannot read, and why; [] when all of `output` is in `lang`.

    Kazakh output must be Kazakh, not Russian: the whole of it holds a letter only Kazakh has.
    """
    wrong = [f"{line!r}: {', '.join(words)}" for line in output.splitlines()
             if (words := foreign_words(line, hers, her_lines))]
    if lang == "kk" and CYRILLIC.search(output) and not KAZAKH_LETTERS & set(output):
        wrong.append("no Kazakh letter in the whole output: it is not Kazakh")
    if output.strip() and not CYRILLIC.search(output):
        wrong.append("no Cyrillic letter in the whole output")
    return wrong
