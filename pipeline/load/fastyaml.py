"""The same YAML tree as ruamel's round-trip loader, parsed by libyaml (C) when the file is plain.

Why: profiling `all` (pyinstrument) showed reading the YAML as the largest
cost after rendering: ruamel's round-trip parser is pure Python, about 5 µs a
byte (0.15 s for one 33 KB meeting file); a Штаб of 1,000 meetings spent most
of its time there. libyaml composes the same file in 4 ms.

What: `load(text)` composes the node tree with PyYAML's C parser and builds
exactly what `ruamel.yaml` (typ="rt", YAML 1.2, dates kept as text) builds:
CommentedMap / CommentedSeq with the line and column of every key, value and
item, str / int / bool / None scalars, ruamel's own objects for block scalars
and for every other scalar form (floats, hex, octal...). Anything unusual —
tags, anchors and aliases, merge keys, duplicate keys, empty values, more than one document,
any syntax error — returns None, and the caller parses with ruamel, which then
reports its own message with its own line. tests/load/test_fastyaml.py checks the
two trees are identical, types and positions included, on every sample input.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.nodes import ScalarNode as RuamelScalar
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from .yamlrt import round_trip_yaml

try:
    import yaml as _pyyaml
    _LOADER = _pyyaml.CBaseLoader if _pyyaml.__with_libyaml__ else None
except ImportError:  # pragma: no cover - PyYAML absent: ruamel alone
    _pyyaml, _LOADER = None, None

_UNUSUAL = re.compile(r"(^|[\s\[{,:-])[!&*]|^<<|\s<<\s*:|^%", re.M)   # tags, anchors, aliases, merge keys, directives
_DECIMAL = re.compile(r"[-+]?[1-9][0-9]*")   # ruamel makes "0" a ScalarInt
_set_new = ordereddict.__setitem__
_RESOLVER = VersionedResolver(version=(1, 2))
_STR, _NULL, _BOOL, _INT, _TIMESTAMP = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int", "timestamp"))


class _Unusual(Exception):
    """The file uses something this loader leaves to ruamel."""


# No input of the contract nests more than a few levels (a meeting's question's decision's text in kk); a file that
# does is refused at the line where it passes this depth, before any reader recurses that deep.
MAX_DEPTH = 50
# Aliases (*name) repeat what an anchor (&name) marked; the contract needs none. Each alias counts the values it
# repeats, nested aliases included; past this many in all the file is refused («billion laughs» would be 10⁹).
MAX_REPEATED = 10_000


class Refused(Exception):
    """The file nests too deep or repeats too much through aliases: `what` is "depth" or "aliases", at `line`."""

    def __init__(self, what: str, line: int, column: int = 0) -> None:
        super().__init__(what, line)
        self.what, self.line, self.column = what, line, column


def available() -> bool:
    return _LOADER is not None


def plain_scalar_ends(text: str) -> list[tuple[str, int, int]]:
    """Each unquoted (plain) scalar of `text` as (value, line, column of its end), both 0-based, by libyaml's
    scanner; [] without libyaml or when the text does not scan (the parser then reports the error)."""
    if _LOADER is None:
        return []
    try:
        return [(token.value, token.end_mark.line, token.end_mark.column)
                for token in _pyyaml.scan(text, Loader=_LOADER)
                if isinstance(token, _pyyaml.ScalarToken) and token.plain]
    except _pyyaml.YAMLError:
        return []


def load(text: str) -> Any | None:
    """The ruamel round-trip tree of `text`, or None when ruamel must parse it (see the module doc).

    `Refused` when the tree nests deeper than MAX_DEPTH (ruamel is never asked then).
    """
    if _LOADER is None or (any(mark in text for mark in "!&*<%") and _UNUSUAL.search(text)):
        return None
    try:
        node = _pyyaml.compose(text, Loader=_LOADER)
        if node is None:
            return None
        return _build(node, set(), 0)
    except (_pyyaml.YAMLError, _Unusual, RecursionError, ValueError):
        return None


def refuse_shape(text: str) -> None:
    """`Refused` when `text` nests deeper than MAX_DEPTH or its aliases repeat more than MAX_REPEATED values.

    Read as a stream of events (libyaml's C parser, else ruamel's), never as a tree: nothing is expanded or
    recursed into, so a bomb or 10,000 nested brackets are refused in milliseconds. A text that is not YAML
    passes: the parser then reports it with its own line.
    """
    events = _pyyaml.parse(text, Loader=_LOADER) if _LOADER is not None else round_trip_yaml().parse(text)
    sizes: dict[str, int] = {}              # anchor → how many values it stands for, its aliases expanded
    open_: list[list] = []                  # the collections entered: [anchor, values so far]
    repeated = 0
    try:
        for event in events:
            name = type(event).__name__
            if name in ("MappingStartEvent", "SequenceStartEvent"):
                if len(open_) >= MAX_DEPTH:
                    raise Refused("depth", event.start_mark.line + 1, event.start_mark.column)
                open_.append([event.anchor, 1])
            elif name in ("MappingEndEvent", "SequenceEndEvent"):
                anchor, size = open_.pop()
                if anchor is not None:
                    sizes[anchor] = size
                if open_:
                    open_[-1][1] += size
            elif name in ("ScalarEvent", "AliasEvent"):
                size = sizes.get(event.anchor, 1) if name == "AliasEvent" else 1
                if name == "AliasEvent":
                    repeated += size
                    if repeated > MAX_REPEATED:
                        raise Refused("aliases", event.start_mark.line + 1, event.start_mark.column)
                elif event.anchor is not None:
                    sizes[event.anchor] = 1
                if open_:
                    open_[-1][1] += size
    except Refused:
        raise
    except Exception as exc:  # noqa: BLE001 - a syntax error: the parser says it with its line
        if "nesting depth" in str(exc):      # libyaml's own limit (1,000 levels), far past ours
            mark = getattr(exc, "problem_mark", None)
            raise Refused("depth", getattr(mark, "line", 0) + 1, getattr(mark, "column", 0)) from None


def _build(node, seen: set[int], depth: int) -> Any:
    if id(node) in seen:            # an alias: ruamel shares the object; leave it to ruamel
        raise _Unusual
    seen.add(id(node))
    if isinstance(node, _pyyaml.MappingNode):
        if depth >= MAX_DEPTH:
            raise Refused("depth", node.start_mark.line + 1, node.start_mark.column)
        return _mapping(node, seen, depth + 1)
    if isinstance(node, _pyyaml.SequenceNode):
        if depth >= MAX_DEPTH:
            raise Refused("depth", node.start_mark.line + 1, node.start_mark.column)
        return _sequence(node, seen, depth + 1)
    return _scalar(node)


def _mapping(node, seen: set[int], depth: int) -> CommentedMap:
    result = CommentedMap()
    result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for key_node, value_node in node.value:
        if not isinstance(key_node, _pyyaml.ScalarNode) or key_node.value == "<<":
            raise _Unusual
        key = _scalar(key_node)
        if key in result._ok:
            raise _Unusual            # ruamel refuses duplicate keys with its message
        _set_new(result, key, _build(value_node, seen, depth))      # what CommentedMap.__setitem__ does for a new key
        result._ok.add(key)
        result._yaml_set_kv_line_col(key, [key_node.start_mark.line, key_node.start_mark.column,
                                           value_node.start_mark.line, value_node.start_mark.column])
    return result


def _sequence(node, seen: set[int], depth: int) -> CommentedSeq:
    result = CommentedSeq()
    result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for index, child in enumerate(node.value):
        result.append(_build(child, seen, depth))
        result._yaml_set_idx_line_col(index, [child.start_mark.line, child.start_mark.column])
    return result


def _scalar(node) -> Any:
    if node.tag != _STR:
        raise _Unusual
    value, style = node.value, node.style
    if style == "|":
        return LiteralScalarString(value)
    if style == ">":
        return FoldedScalarString(value)
    if style in ("'", '"'):
        return value
    if value == "":
        raise _Unusual                # an empty value: libyaml and ruamel place it on different lines
    return _plain(value)


@lru_cache(maxsize=4096)
def _plain(value: str) -> Any:
    """A plain scalar as ruamel's YAML 1.2 resolver types it (member ids and dates repeat: kept)."""
    tag = _RESOLVER.resolve(RuamelScalar, value, (True, False))
    if tag in (_STR, _TIMESTAMP):
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _INT and _DECIMAL.fullmatch(value):
        return int(value)
    return _ruamel_scalar(value)


@lru_cache(maxsize=1024)
def _ruamel_scalar(value: str) -> Any:
    """A float, a hex or octal number...: made by ruamel itself, so its type and value are ruamel's."""
    return round_trip_yaml().load(f"v: {value}\n")["v"]
