"""Reading a YAML input file into a tree that still knows its line numbers.

ruamel.yaml's round-trip loader keeps the line of every key and list item,
refuses duplicate keys, and lets us keep dates as the text the secretary typed,
so that an impossible date (2026-02-30) is reported with its line by the model
layer instead of crashing the YAML parser without one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from . import fastyaml
from .errors import Finding, Loc, error
from .yamlrt import round_trip_yaml


def display_path(path: Path) -> str:
    """The path as the secretary knows it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path) -> tuple[Any, list[Finding]]:
    """Parse one file. Returns (tree, findings); the tree is None when unreadable."""
    name = display_path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [error(Loc(name, line), f"the file is not UTF-8 text ({exc.reason} at byte {exc.start + 1});"
                                             " save it again as UTF-8")]
    except OSError as exc:
        return None, [error(Loc(name), f"cannot read the file: {exc.strerror}")]
    try:
        tree = fastyaml.load(text)          # libyaml when the file is plain: same tree, 30x faster
        if tree is None:
            tree = round_trip_yaml().load(text)
    except ReaderError as exc:
        return None, [_unreadable_character(exc, text, name)]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = (exc.problem or exc.context or "malformed YAML").strip()
        if "duplicate key" in problem:
            problem = problem.split(" with value")[0]
        return None, [error(Loc(name, line), f"malformed YAML: {problem}")]
    except (YAMLError, ValueError) as exc:
        return None, [error(Loc(name, 1), f"malformed YAML: {exc}")]
    if tree is None:
        return None, [error(Loc(name, 1), "the file is empty")]
    return tree, []


def _unreadable_character(exc: ReaderError, text: str, name: str) -> Finding:
    """A raw control character YAML itself refuses, as file:line and the character's code (never a traceback)."""
    position = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, max(0, min(position, len(text)))) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or b"\0")
    return error(Loc(name, line), f"the file holds the character U+{code:04X}, which neither YAML nor a document"
                                  " can contain (an invisible control character, often pasted from another"
                                  " program); delete it and retype the text around it")


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
