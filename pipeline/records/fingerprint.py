"""The fingerprint of the inputs a protocol was made from: one digest per key, so a change names its key.

A sealed protocol (records.py) keeps beside it the fingerprint of what it was
made from: the meeting file whole; from body.yaml the names of the Штаб and
the members in force on the meeting day (the protocol counts and lists them);
from the plans the questions the meeting heard. Each value the secretary typed
is one entry, its key written the way she reads the file
(`items[1].heard.ru`, `members[akim].position.kk`, `items[no 3].title.ru`),
with a digest of the value. Comparing two fingerprints then says which key of
which file changed, and the current file gives its line (§15).

Comments and formatting are not values: the secretary may add a comment to a
signed meeting. Other members, other plan questions and the parts of
body.yaml no protocol prints (the authorized body) may change freely.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..load.models import Body, Meeting
from ..load.source import read_yaml

# The keys of body.yaml a protocol prints or decides by (its heading, languages). The members are keyed by id.
PROTOCOL_BODY_KEYS = ("name", "name_genitive", "akimat", "akimat_genitive", "seat", "established",
                      "working_body", "languages")

# The keys of a member that no protocol prints: the telephone of the executor line of letters.
UNPRINTED_MEMBER_KEYS = ("phone",)

# Fingerprint as stored: input file (relative to inputs/, with '/') → key → digest of its value.
Fingerprint = dict[str, dict[str, str]]


@dataclass
class Current:
    """The fingerprint of the inputs as they are now, with the line of every key (and of every enclosing key)."""

    digests: Fingerprint = field(default_factory=dict)
    lines: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, file: str, key: str, node: Any, line: int) -> None:
        self.lines.setdefault(file, {}).setdefault("", 1)     # a key gone from the top: the file's first line
        _flatten(node, key, line, self.digests.setdefault(file, {}), self.lines.setdefault(file, {}))

    def line_of(self, file: str, key: str) -> int:
        """The line of `key`, or of the nearest enclosing key that still exists (0: the file has none)."""
        lines = self.lines.get(file, {})
        while key not in lines:
            if not key:
                return 0
            key = _parent(key)
        return lines[key]


def of_meeting(inputs: Path, meeting: Meeting, body: Body) -> Current:
    """The fingerprint of what the protocol of `meeting` is made from, read from the files under `inputs`."""
    current = Current()
    tree = _tree(inputs / "meetings" / f"{meeting.id}.yaml")
    if tree is not None:
        current.add(f"meetings/{meeting.id}.yaml", "", tree, 1)
    body_tree = _tree(inputs / "body.yaml")
    if isinstance(body_tree, CommentedMap):
        for key in PROTOCOL_BODY_KEYS:
            if key in body_tree:
                current.add("body.yaml", key, body_tree[key], _key_line(body_tree, key))
        in_force = {m.id for m in body.members if m.in_force_on(meeting.date)}
        members = body_tree.get("members")
        for index, entry in enumerate(members if isinstance(members, CommentedSeq) else []):
            if isinstance(entry, CommentedMap) and entry.get("id") in in_force:
                current.add("body.yaml", f"members[{entry['id']}]", entry, members.lc.item(index)[0] + 1)
                for unprinted in UNPRINTED_MEMBER_KEYS:   # a letter's phone may change under a signed protocol
                    current.digests["body.yaml"].pop(f"members[{entry['id']}].{unprinted}", None)
    for plan_id, numbers in _plan_questions(meeting).items():
        plan_tree = _tree(inputs / "plans" / f"{plan_id}.yaml")
        if isinstance(plan_tree, CommentedMap):
            _add_plan_questions(current, f"plans/{plan_id}.yaml", plan_tree, numbers)
    return current


def _plan_questions(meeting: Meeting) -> dict[str, set[int]]:
    """The plan questions the meeting heard, by plan: `plan: 2026-H1/3` → {'2026-H1': {3}}."""
    questions: dict[str, set[int]] = {}
    for item in meeting.items:
        plan_id, _, number = (item.plan or "").partition("/")
        if plan_id and number.isdigit():
            questions.setdefault(plan_id, set()).add(int(number))
    return questions


def _add_plan_questions(current: Current, file: str, tree: CommentedMap, numbers: set[int]) -> None:
    """A question is its entry in `items` or the `add` change that created it (§18)."""
    for list_key, prefix in (("items", "items[no {}]"), ("changes", "changes[add {}]")):
        entries = tree.get(list_key)
        for index, entry in enumerate(entries if isinstance(entries, CommentedSeq) else []):
            if not isinstance(entry, CommentedMap) or entry.get("no") not in numbers:
                continue
            if list_key == "changes" and entry.get("action") != "add":
                continue
            current.add(file, prefix.format(entry["no"]), entry, entries.lc.item(index)[0] + 1)


def _tree(path: Path) -> Any:
    tree, _ = read_yaml(path) if path.is_file() else (None, [])
    return tree


def _key_line(node: CommentedMap, key: str) -> int:
    return node.lc.key(key)[0] + 1


def _flatten(node: Any, key: str, line: int, digests: dict[str, str], lines: dict[str, int]) -> None:
    """Every value under `node` as key → digest; containers give their line to the keys inside them."""
    if key:
        lines[key] = line
    if isinstance(node, dict) and node:
        for name, value in node.items():
            line_of = _key_line(node, name) if isinstance(node, CommentedMap) else line
            _flatten(value, f"{key}.{name}" if key else str(name), line_of, digests, lines)
    elif isinstance(node, list) and node:
        for index, value in enumerate(node):
            line_of = node.lc.item(index)[0] + 1 if isinstance(node, CommentedSeq) else line
            _flatten(value, f"{key}[{index + 1}]", line_of, digests, lines)
    else:
        # one string per distinct key and digest: a run that seals many meetings holds every fingerprint until
        # it seals, and their keys (items[1].heard.ru) and many values (a member id, true) recur in every meeting
        digests[sys.intern(key)] = sys.intern(digest(node))


def digest(value: Any) -> str:
    """A short digest of one typed value; its type counts ("1" and 1 differ, as they do to the program)."""
    text = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dict):
        return {}
    if isinstance(value, list):
        return []
    return str(value)


def _parent(key: str) -> str:
    """'items[1].heard.ru' → 'items[1].heard' → 'items[1]' → 'items' → ''."""
    if key.endswith("]"):
        return key[:key.rindex("[")]
    return key.rpartition(".")[0]


@dataclass(frozen=True)
class Change:
    """One key whose value differs from the sealed fingerprint: changed, added or removed."""

    file: str
    key: str
    kind: str          # "changed" | "added" | "removed"
    line: int


def changes(sealed: Fingerprint, current: Current) -> list[Change]:
    """Every key that differs between the sealed fingerprint and the inputs now, in file and line order."""
    found = []
    for file in sorted(set(sealed) | set(current.digests)):
        before, now = sealed.get(file, {}), current.digests.get(file, {})
        for key in sorted(set(before) | set(now)):
            if key not in now:
                found.append(Change(file, key, "removed", current.line_of(file, key)))
            elif key not in before:
                found.append(Change(file, key, "added", current.line_of(file, key)))
            elif before[key] != now[key]:
                found.append(Change(file, key, "changed", current.line_of(file, key)))
    return sorted(found, key=lambda c: (c.file, c.line, c.key))
