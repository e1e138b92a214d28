"""Reading a YAML input file into a tree that still knows its line numbers.

ruamel.yaml's round-trip loader keeps the line of every key and list item,
refuses duplicate keys, and lets us keep dates as the text the secretary typed,
so that an impossible date (2026-02-30) is reported with its line by the model
layer instead of crashing the YAML parser without one.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from ..core.errors import Finding, Loc, error, warning
from ..locale.messages import Message, _, code_point, os_problem
from . import fastyaml
from .yamlrt import round_trip_yaml


def display_path(path: Path) -> str:
    """The path as the secretary knows it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# No input file of a Штаб's year comes near this (the largest sample file is about 35 KB; a year of 1,000
# meetings is 1,000 files): a larger one is not an input she typed, and is refused before it is read whole.
MAX_BYTES = 5 * 1024 * 1024


def read_text(path: Path) -> tuple[str | None, list[Finding]]:
    """The text of one input file, or None and the finding that says why it cannot be read.

    Only a regular file of at most MAX_BYTES is read, and never more than that: a link to /dev/zero, a
    folder, a pipe or a 6 MB file is refused at once with file:1 (a device would be read without end).
    """
    name = display_path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [error(Loc(name, 1), _("this is not a text file but a device, a folder or a pipe (it may "
                                                "be a link to one): put the YAML file itself here"))]
        if info.st_size > MAX_BYTES:
            return None, [_too_large(name, info.st_size)]
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(handle, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [error(Loc(name), _("cannot read the file: {problem}", problem=os_problem(exc)))]
    if len(raw) > MAX_BYTES:                 # it grew while being read
        return None, [_too_large(name, len(raw))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [error(Loc(name, line), _("the file is not UTF-8 text (byte {byte} cannot be read); save it "
                                               "again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
                                               byte=exc.start + 1))]
    control = _C1.search(text)       # DEL and U+0080-U+009F: ruamel would read U+0085 as a line break, silently
    if control is not None:
        return None, [_control_character(text, control.start(), name)]
    return text, []


_C1 = re.compile("[\x7f-\x9f]")


def _too_large(name: str, size: int) -> Finding:
    return error(Loc(name, 1), _("the file is {size} MB, and an input file is at most {limit} MB (a whole year's "
                                 "meetings are far less): check that this is the right file, and put the YAML "
                                 "file itself here", size=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024))


def shape_finding(refused: fastyaml.Refused, name: str, text: str) -> Finding:
    """A file refused for its shape (fastyaml.refuse_shape) as file:line, with the line itself."""
    lines = text.splitlines()
    excerpt = (_line(lines, refused.line - 1)[:200], min(refused.column, 200))
    if refused.what == "aliases":
        return error(Loc(name, refused.line), _(
            "the aliases (*name) of this file repeat more than {limit} values in all, more than any input needs "
            "(inputs need no aliases at all): write the values out, or remove the anchors (&name) and aliases",
            limit=fastyaml.MAX_REPEATED), excerpt=excerpt)
    return error(Loc(name, refused.line), _(
        "the values here are nested more than {limit} levels deep, and no input needs more than a few: check the "
        "brackets [ ] and {{ }} and the indentation of the lines above", limit=fastyaml.MAX_DEPTH), excerpt=excerpt)


def parse_text(text: str, name: str) -> tuple[Any, list[Finding]]:
    """Parse the text of one input file: libyaml when the file is plain, else (its shape checked first) ruamel."""
    try:
        tree = fastyaml.load(text)          # libyaml when the file is plain: same tree, 30x faster
        if tree is None:
            fastyaml.refuse_shape(text)     # a bomb or a deep nest never reaches ruamel, which would expand it
            tree = round_trip_yaml().load(text)
    except fastyaml.Refused as refused:
        return None, [shape_finding(refused, name, text)]
    except ReaderError as exc:
        return None, [_unreadable_character(exc, text, name)]
    except MarkedYAMLError as exc:
        return None, [yaml_advice(exc, text, name)]
    except (YAMLError, ValueError, RecursionError):
        return None, [error(Loc(name, 1), _GENERIC)]
    if tree is None:
        return None, [error(Loc(name, 1), _("the file is empty: type its keys (see the guide), or delete the file"))]
    return tree, []


def read_yaml(path: Path) -> tuple[Any, list[Finding]]:
    """Parse one file. Returns (tree, findings); the tree is None when unreadable."""
    name = display_path(path)
    text, findings = read_text(path)
    if text is None:
        return None, findings
    tree, findings = parse_text(text, name)
    if tree is None:
        return None, findings
    return tree, texts_cut_by_a_hash(text, name)


_GLUED_HASH = re.compile(r"[ \t]#\S")          # " #5", " #НетНаркотикам": a comment nobody meant
_CUT_AT = re.compile(r"[ \t]+(#\S.*?)\s*$")


def texts_cut_by_a_hash(text: str, name: str) -> list[Finding]:
    """A warning for each unquoted text that YAML cut at " #": everything after it is a comment, silently left out.

    "кабинет #5" or a campaign's "#НетНаркотикам" typed without quotes would
    reach the document as "кабинет" with nothing said. A comment written the
    usual way, "# ..." with a space after the sign, is not reported.
    """
    if not _GLUED_HASH.search(text):
        return []
    lines, findings = text.splitlines(), []
    for value, row, column in fastyaml.plain_scalar_ends(text):
        cut = _CUT_AT.match(_line(lines, row)[column:])
        if cut is None:
            continue
        findings.append(warning(Loc(name, row + 1), _(
            "the text stops before '{cut}': in YAML a space and # begin a comment, so '{cut}' is left out of the "
            "document; if it belongs to the text, put the whole text in quotes: {quoted}",
            cut=cut.group(1), quoted=_quoted(f"{value} {cut.group(1)}")), excerpt=(_line(lines, row), column + cut.start(1))))
    return findings


_GENERIC = _("this line cannot be read as YAML: check it and the line before it (a colon after each key, "
             "closed quotes, the same indentation for keys of one block, spaces not tabs)")
_QUOTE_IT = _("a text with a colon followed by a space must be in quotes: write key: \"text: more text\"")
_MUST_QUOTE = "@`*&!|>%"


def yaml_advice(exc: MarkedYAMLError, text: str, name: str) -> Finding:
    """A YAML parser error as plain advice: the line, what to change, and the line itself with a caret.

    The parser's own words ("expected <block end>, but found '<block mapping start>'")
    mean nothing to the secretary; the usual causes are a tab, a colon inside an
    unquoted text, a quote left open, and a line indented differently from its block.
    """
    lines = text.splitlines()
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    row, column = (mark.line, mark.column) if mark is not None else (0, 0)
    if "'\\t'" in problem or "'\t'" in problem:
        advice = _("a tab character: YAML indents with spaces only; replace the tab with spaces")
    elif "quoted scalar" in context and exc.context_mark is not None:
        row, column = exc.context_mark.line, exc.context_mark.column
        quote = _line(lines, row)[column:column + 1] or '"'
        advice = _("the quote {quote} opened here is never closed: put {quote} at the end of the text, and write a "
                   "quote inside the text as \u00ab\u00bb", quote=quote)
    elif "duplicate key" in problem:
        key = problem.split('"')[1] if problem.count('"') >= 2 else ""
        advice = _("the key '{key}' is written twice in the same block: keep one", key=key)
    elif ("flow sequence" in context or "flow mapping" in context) and "got ':'" in problem:
        # a text holding «: » inside { } or [ ]: the colon, not a comma, is what the line lacks quotes for
        advice = _("a text inside {{ }} or [ ] holds a colon («: »): put that text in quotes, e.g. "
                   "{{kk: \"Мәжіліс залы: 2-қабат\", ru: \"Зал заседаний: 2 этаж\"}}")
    elif "flow sequence" in context or "flow mapping" in context:
        if exc.context_mark is not None:
            row, column = exc.context_mark.line, exc.context_mark.column
        advice = _("the list or mapping opened here with [ or {{ is not closed, or lacks a comma: write "
                   "the list on one line, as [a, b], or put a text holding commas in quotes")
    elif "cannot start any token" in problem or "alias" in problem or "anchor" in problem or "tag" in problem:
        character = _line(lines, row)[column:column + 1]
        advice = _("a text that begins with {character} must be in quotes: write key: \"{character}...\"",
                   character=character or "?")
    elif "mapping values are not allowed" in problem:
        row, column, advice = _colon_advice(lines, row, column)
    elif "expected <block end>" in problem and "<scalar>" in problem and '"' in _line(lines, row)[:column] + "'":
        advice = _("text after the closing quote: put the whole text inside the quotes")
    elif "expected <block end>" in problem or "expected key" in problem or "expected '-'" in problem:
        advice = _("this line is indented differently from the lines of its block: align it with the key it belongs "
                   "to (the same number of spaces)")
    else:
        advice = _GENERIC
    opened = _unclosed_quote_before(lines, row)
    if opened is not None and "'\\t'" not in problem and "'\t'" not in problem and "duplicate key" not in problem:
        row, column = opened
        quote = _line(lines, row)[column]
        advice = _("the quote {quote} opened here is never closed: put {quote} at the end of the text, and write a "
                   "quote inside the text as \u00ab\u00bb", quote=quote)
    return error(Loc(name, row + 1), advice, excerpt=(_line(lines, row), column))


_OPENS_A_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"-][^:#]*:\s+)?(?P<text>(?P<q>["'])(?:\\.|(?!(?P=q)).)*)$""")


def _unclosed_quote_before(lines: list[str], row: int) -> tuple[int, int] | None:
    """The line and column of a quote opened before `row` and closed on no line of its own, when closing it there
    lets the file be read past `row`: the parser took the lines after it as one text and failed far below.
    """
    for index in range(min(row, len(lines))):
        found = _OPENS_A_QUOTE.match(lines[index])
        if found is None:
            continue
        column = found.start("text")
        mended = [*lines[:index], lines[index] + found.group("q"), *lines[index + 1:]]
        try:
            round_trip_yaml().load("\n".join(mended))
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if mark is None or mark.line <= row:
                continue
        except (YAMLError, ValueError):
            continue
        return index, column
    return None


def _colon_advice(lines: list[str], row: int, column: int) -> tuple[int, int, Message]:
    """'mapping values are not allowed here': a colon inside a text, a key indented too far, or a line before with no colon."""
    line = _line(lines, row)
    before = line[:column]
    if ": " in before or before.rstrip().endswith(":") or before.lstrip().startswith("- ") and ":" in before[:-1]:
        return row, column, _QUOTE_IT
    previous = row - 1
    while previous >= 0 and not _line(lines, previous).strip():
        previous -= 1
    indent = len(line) - len(line.lstrip(" "))
    if previous >= 0:
        above = _line(lines, previous)
        if ":" not in above and not above.lstrip().startswith(("-", "#")):
            return previous, len(above.rstrip()), _("this line has no colon: write key: value (a text that goes on "
                                                    "to the next line must be in quotes)")
        if indent > len(above) - len(above.lstrip(" ")) and not above.rstrip().endswith(":"):
            return row, indent, _("this line is indented further than the line above, which holds no block: align "
                                  "it with the line above, or end the line above with a colon")
    return row, column, _QUOTE_IT


def _quoted(text: str) -> str:
    """`text` as YAML writes it in quotes: double, or single (a ' doubled) when it holds a double quote."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


def _line(lines: list[str], row: int) -> str:
    return lines[row] if 0 <= row < len(lines) else ""


def _unreadable_character(exc: ReaderError, text: str, name: str) -> Finding:
    """A raw control character YAML itself refuses, as file:line and the character's code (never a traceback)."""
    position = exc.position if isinstance(exc.position, int) else 0
    code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or b"\0")
    return _control_character(text, position, name, code)


def _control_character(text: str, position: int, name: str, code: int | None = None) -> Finding:
    """A control character at `position` of the text as file:line and its code, U+0085."""
    line = text.count("\n", 0, max(0, min(position, len(text)))) + 1
    code = ord(text[position]) if code is None else code
    return error(Loc(name, line), _("the file holds the character {code}, which neither YAML nor a document can "
                                    "contain (an invisible control character, often pasted from another program); "
                                    "delete it and retype the text around it", code=code_point(chr(code))))


def line_at(tree: Any, path: tuple, *, key_line: bool = True) -> int:
    """1-based line of the node at `path` (keys and list indexes) in a ruamel tree.

    Path elements that do not exist in the tree (pydantic's union branch names,
    a missing key) are skipped, so the answer is the deepest node that exists:
    a missing key is reported at the mapping that should hold it.
    """
    node = tree
    line = _own_line(tree)
    for step in path:
        if isinstance(node, CommentedMap) and isinstance(step, str) and step in node:
            pos = node.lc.key(step) if key_line or node[step] is None else node.lc.value(step)
            line = pos[0] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lc.item(step)[0] + 1
            node = node[step]
    return line


def _own_line(node: Any) -> int:
    if isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
        return node.lc.line + 1
    return 1
