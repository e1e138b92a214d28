"""A save refused because the file changed meanwhile: her changes field by field, and the merge she chooses.

Three trees: the file as the form was opened (`base`), the same with her form applied
(`mine`), and the file on disk now (`theirs`). Each leaf field (a date, a text with its two
languages, a list of member ids) that she changed is one `Change`, shown in the form's
words (fieldnames.py) with her value and the file's; for each she keeps hers or takes the
file's. The merge starts from the file on disk, so every change made there and not by her
stays, and puts in her value only where she kept it: the ruamel round-trip keeps the rest
of the file's bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import yamledit as ye

Value = tuple | None


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return "" if value is None else str(value)


def fields(tree: Any) -> dict[tuple, tuple]:
    """path → the leaf's value: a text {kk, ru}, a list of plain values, or one value."""
    out: dict[tuple, tuple] = {}

    def walk(node: Any, path: tuple) -> None:
        if isinstance(node, dict):
            if node and set(node) <= {"kk", "ru"} and not any(isinstance(v, (dict, list)) for v in node.values()):
                out[path] = ("text", _scalar(node.get("kk")), _scalar(node.get("ru")))
                return
            for key in node:
                walk(node[key], path + (str(key),))
        elif isinstance(node, list):
            if all(not isinstance(v, (dict, list)) for v in node):
                out[path] = ("list", tuple(_scalar(v) for v in node))
                return
            for index, value in enumerate(node):
                walk(value, path + (index,))
        else:
            out[path] = ("value", _scalar(node))
    walk(tree, ())
    return out


def shown(value: Value) -> str:
    """A leaf as the conflict table writes it."""
    if value is None:
        return "—"
    if value[0] == "text":
        kk, ru = value[1], value[2]
        return kk if kk == ru else f"{kk} / {ru}" if kk and ru else kk or ru
    if value[0] == "list":
        return ", ".join(value[1]) or "—"
    return value[1] or "—"


@dataclass
class Change:
    path: tuple
    mine: Value
    theirs: Value
    clash: bool            # the file changed this field too, to something else

    @property
    def key(self) -> str:
        return ".".join(str(step) for step in self.path)


def changes(base: Any, mine: Any, theirs: Any) -> tuple[list[Change], int]:
    """Her changes (mine against base) with what the file holds now; and how many changes the file has that
    she did not touch (kept as they are)."""
    b, m, t = fields(base), fields(mine), fields(theirs)
    out = []
    for path in list(m) + [p for p in b if p not in m]:
        if m.get(path) == b.get(path) or m.get(path) == t.get(path):
            continue
        clash = t.get(path) != b.get(path)
        out.append(Change(path, m.get(path), t.get(path), clash))
    mine_paths = {c.path for c in out}
    others = sum(1 for p in set(t) | set(b) if t.get(p) != b.get(p) and p not in mine_paths and m.get(p) != t.get(p))
    return out, others


def _node_at(tree: Any, path: tuple) -> Any:
    node = tree
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return None
            node = node[step]
        else:
            if not isinstance(node, dict) or step not in node:
                return None
            node = node[step]
    return node


def _copy(node: Any) -> Any:
    """A leaf of her tree for the file's tree: a text or a list keeps its flow or block style."""
    if isinstance(node, CommentedMap):
        copy = CommentedMap((k, v) for k, v in node.items())
        if node.fa.flow_style():
            copy.fa.set_flow_style()
        return copy
    if isinstance(node, CommentedSeq):
        copy = CommentedSeq(list(node))
        if node.fa.flow_style():
            copy.fa.set_flow_style()
        return copy
    return node


def _parent(tree: Any, path: tuple) -> Any:
    """The container of `path`'s last step in the file's tree, made where missing (a key, or the next entry)."""
    node = tree
    for step, following in zip(path[:-1], path[1:]):
        fresh = CommentedSeq() if isinstance(following, int) else CommentedMap()
        if isinstance(step, int):
            if not isinstance(node, list) or step > len(node):
                return None
            if step == len(node):
                node.append(fresh)
            node = node[step]
        else:
            if not isinstance(node, dict):
                return None
            if step not in node:
                ye.put_key(node, step, fresh)
            node = node[step]
    return node


def merge(theirs: Any, mine: Any, chosen: list[Change]) -> list[Change]:
    """Her value of each chosen change put into the file's tree; the changes that found no place are returned."""
    lost = []
    for change in chosen:
        parent = _parent(theirs, change.path)
        last = change.path[-1]
        if parent is None:
            lost.append(change)
            continue
        value = _node_at(mine, change.path)
        if change.mine is None:
            if isinstance(last, int) and isinstance(parent, list) and last < len(parent):
                del parent[last]
            elif isinstance(parent, dict):
                parent.pop(last, None)
            continue
        if isinstance(last, int):
            if not isinstance(parent, list) or last > len(parent):
                lost.append(change)
            elif last == len(parent):
                parent.append(_copy(value))
            else:
                parent[last] = _copy(value)
        elif isinstance(parent, dict):
            ye.put_key(parent, last, _copy(value))
        else:
            lost.append(change)
    return lost
