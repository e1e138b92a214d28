"""Editing the secretary's YAML so that only what changed changes.

The files under inputs/ are hers: she edits them in a text editor too, keeps
them in git, and reads the diffs. A form must therefore never rewrite a file
wholesale. ruamel.yaml's round-trip mode keeps comments, key order, quoting and
flow or block style; what it cannot see is the indentation a file was written
with, so `load` tries the usual styles and keeps the one that gives the file's
own bytes back (a file in none of them is still edited, with ruamel's guess).

The setters below (`set_scalar`, `set_text`, `set_ids`, ...) touch a node only
when the new value differs from the old one, so an unchanged field keeps its
quotes, its folded lines and its comments.

A file that changed on disk since the form was opened (an editor, `git pull`)
is never overwritten: `save` compares the digest the form was opened with and
raises `ChangedOnDisk` with both versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from ..core.errors import Finding
from ..load.models import Body, ControlEntry, Indicators, Meeting, Model, Plan
from ..load.source import display_path, parse_text, read_text
from ..write.files import write_durably

# (mapping, sequence, offset): "  - x" under a key is (2, 4, 2); "- x" at the key's column is (2, 2, 0)
STYLES: tuple[tuple[int, int, int], ...] = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 4, 0), (2, 3, 1), (4, 6, 4))
WIDTH = 4096   # never fold a long line the secretary typed on one line


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Document:
    """One YAML file as loaded for editing: its tree, its bytes when opened, and how to write it back."""

    path: Path
    tree: Any
    original: bytes
    style: tuple[int, int, int]

    @property
    def digest(self) -> str:
        return digest(self.original)

    def text(self) -> str:
        """The tree as YAML text in the file's own style."""
        out = io.StringIO()
        _yaml(self.style).dump(self.tree, out)
        return out.getvalue()

    def changed(self) -> bool:
        return self.text().encode("utf-8") != self.original


class Unreadable(Exception):
    """The file cannot be opened in a form (not a text file, too large, a bomb, a typing error): why, at file:line."""

    def __init__(self, path: Path, findings: list[Finding]) -> None:
        super().__init__(str(path))
        self.path, self.findings = path, findings


class ChangedOnDisk(Exception):
    """The file is no longer what the form was opened with: both versions, nothing written."""

    def __init__(self, path: Path, on_disk: str, ours: str) -> None:
        super().__init__(str(path))
        self.path, self.on_disk, self.ours = path, on_disk, ours


_STYLE_OF: dict[str, tuple[int, int, int]] = {}   # digest → style found: each live check reloads the same file


def parse(text: str, path: Path = Path("?"), style: tuple[int, int, int] | None = None) -> Document:
    """A YAML text as an editable tree, in the indentation style that reproduces it (or in `style`)."""
    data = text.encode("utf-8")
    known = style or _STYLE_OF.get(digest(data))
    if known is not None:
        return Document(path, _yaml(known).load(text), data, known)
    for style in STYLES:
        yaml = _yaml(style)
        tree = yaml.load(text)
        out = io.StringIO()
        yaml.dump(tree, out)
        if out.getvalue() == text:
            _STYLE_OF[digest(data)] = style
            return Document(path, tree, data, style)
    _, sequence, offset = load_yaml_guess_indent(text)
    style = (2, sequence or 2, offset or 0)
    return Document(path, _yaml(style).load(text), data, style)


_PARSED: dict[str, tuple[str, bytes, tuple[int, int, int]]] = {}   # file → (digest, pickled tree, style)
_OPENED: dict[str, bytes] = {}    # digest → bytes a form was opened with: a conflict compares her changes to them
_OPENED_KEPT = 64


def opened(version: str) -> bytes | None:
    """The bytes a form was opened with (by their digest), if this server still holds them."""
    return _OPENED.get(version)


def _remember(data: bytes) -> None:
    _OPENED[digest(data)] = data
    while len(_OPENED) > _OPENED_KEPT:
        _OPENED.pop(next(iter(_OPENED)))


def load(path: Path) -> Document:
    """The file as an editable tree of its own: unpickled from the parse of these very bytes.

    Every live check reloads the file its form edits; ruamel's pure-Python parser
    takes tens of milliseconds for a meeting, unpickling the tree parsed before
    about one. Each load gets an independent tree (a deep copy would share
    ruamel's comment tokens and lose a comment before a list's first entry).
    The pickle is kept only when its tree was seen to write the file's bytes.
    A file `check` cannot read raises `Unreadable` with its findings: the page shows them.
    """
    text, findings = read_text(path)          # a regular file of at most 5 MB, UTF-8: as `check` reads it
    if text is None:
        raise Unreadable(path, findings)
    data = text.encode("utf-8")
    _remember(data)
    key, version = str(path.resolve()), digest(data)
    cached = _PARSED.get(key)
    if cached is not None and cached[0] == version:
        return Document(path, pickle.loads(cached[1]), data, cached[2])
    tree, findings = parse_text(text, display_path(path))   # a bomb, a deep nest or a typing error: refused first
    if tree is None:
        raise Unreadable(path, findings)
    document = parse(text, path)
    blob = pickle.dumps(document.tree)
    copy = Document(path, pickle.loads(blob), data, document.style)
    if copy.text().encode("utf-8") == data:
        _PARSED[key] = (version, blob, document.style)
    else:
        _PARSED.pop(key, None)
    return document


def save(document: Document, opened_digest: str | None = None) -> bool:
    """Write the edited tree if it changed; refuse when the file changed on disk since it was opened.

    `opened_digest` is the digest of the bytes the form showed (a hidden field);
    None means "as loaded in this request". Returns whether the file was written.
    The new bytes go to a temporary file beside it, renamed into place, so a
    crash never leaves half a file.
    """
    expected = opened_digest or document.digest
    on_disk = document.path.read_bytes() if document.path.exists() else b""
    new = document.text()
    if digest(on_disk) != expected:
        raise ChangedOnDisk(document.path, on_disk.decode("utf-8", "replace"), new)
    if new.encode("utf-8") == on_disk:
        return False
    target = Path(os.path.realpath(document.path))     # a link is kept: its target is written, as an editor does
    target.parent.mkdir(parents=True, exist_ok=True)
    write_durably(target, new.encode("utf-8"))         # the mode it has (a new file: the umask's)
    document.original = new.encode("utf-8")
    _remember(document.original)
    return True



# ---------------------------------------------------------------- setters that change only what differs


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (dt.date, dt.datetime)) or isinstance(new, (dt.date, dt.datetime)):
        return str(old) == str(new)
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new or (isinstance(old, bool) and isinstance(new, bool) and old == new)
    return type(old) is type(new) and old == new or (isinstance(old, str) and isinstance(new, str) and old == new)


def set_scalar(node: CommentedMap, key: str, value: Any, *, drop_empty: bool = True) -> None:
    """node[key] = value unless equal; an empty value removes an optional key."""
    if value in (None, "") and drop_empty:
        if key in node:
            del node[key]
        return
    if key in node and _same(node[key], value):
        return
    if isinstance(value, str) and isinstance(node.get(key), str) and type(node.get(key)) is not str:
        value = type(node[key])(value)       # keep the quoting the secretary chose
    put_key(node, key, value)


def put_key(node: CommentedMap, key: str, value: Any) -> None:
    """A new key goes where the model lists it: after the last present key that the model lists before it.

    `KEY_ORDER` is every model's keys in their order (from the pydantic
    models), so a `documents_sent` typed in the form lands beside
    `agenda_approved`, as new-meeting writes it, not at the end of the file.
    """
    if key in node:
        node[key] = value
        return
    order = next((keys for keys in KEY_ORDER if key in keys and set(node) <= set(keys)), None)
    if order is None:
        node[key] = value
        return
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(node):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    node.insert(position, key, value)




def model_orders(*models: type[Model]) -> list[list[str]]:
    """Every model's keys in declaration order, recursively: where `put_key` puts a new key."""
    seen: list[list[str]] = []
    stack = list(models)
    while stack:
        model = stack.pop()
        keys = [info.alias or name for name, info in model.model_fields.items()]
        if keys not in seen:
            seen.append(keys)
        for info in model.model_fields.values():
            for arg in _types_in(info.annotation):
                if isinstance(arg, type) and issubclass(arg, Model) and arg not in models:
                    stack.append(arg)
    return seen


def _types_in(annotation: Any):
    yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _types_in(arg)


# each model's keys in order: the meeting (with its items, decisions, votes...), a control entry, a plan,
# the year's indicators, body.yaml and its members
KEY_ORDER: list[list[str]] = model_orders(Meeting) + model_orders(ControlEntry) + model_orders(Plan) + \
    model_orders(Indicators) + model_orders(Body)


def set_date(node: CommentedMap, key: str, value: dt.date | None) -> None:
    """Dates are written as dates (2026-03-12, unquoted), as the secretary types them."""
    set_scalar(node, key, value)


def set_time(node: CommentedMap, key: str, value: str) -> None:
    """A time stays quoted ("10:00"): a YAML 1.1 reader would take 10:00 for the number 600."""
    if value and not (key in node and node[key] == value):
        value = DoubleQuotedScalarString(value)
    set_scalar(node, key, value)


def text_value(node: Any) -> dict[str, str]:
    """The kk and ru of a text as the form shows them: a plain string is the same in both."""
    if node is None:
        return {"kk": "", "ru": ""}
    if isinstance(node, dict):
        return {"kk": str(node.get("kk") or ""), "ru": str(node.get("ru") or "")}
    return {"kk": str(node), "ru": str(node)}


def is_placeholder(text: str) -> bool:
    """A scaffold's `<<...>>`, left to be typed over: in Kazakh in the kk field, in Russian in the ru one."""
    text = text.strip()
    return text.startswith("<<") and text.endswith(">>")


def shown_text(node: Any) -> dict[str, str]:
    """A text as the form shows it: a scaffold's placeholder is an empty field (the page says what to type)."""
    value = text_value(node)
    return {lang: "" if is_placeholder(text) else text for lang, text in value.items()}


def _styled(old: Any, new: str) -> str:
    """A new string in the style of the old one: a folded text stays folded, a multi-line one literal."""
    new = new.replace("\r\n", "\n").strip()
    if "\n" in new:
        return LiteralScalarString(new)
    if isinstance(old, FoldedScalarString):
        return FoldedScalarString(new)
    if isinstance(old, str) and type(old) is not str and not isinstance(old, LiteralScalarString):
        return type(old)(new)
    return new


def set_text(node: CommentedMap, key: str, kk: str, ru: str) -> None:
    """A text {kk, ru}: a plain string stays plain while both languages say the same; empty removes it."""
    kk, ru = kk.replace("\r\n", "\n").strip(), ru.replace("\r\n", "\n").strip()
    old = node.get(key)
    if not kk and not ru:
        if key in node:
            del node[key]
        return
    if text_value(old) == {"kk": kk, "ru": ru}:
        return
    if isinstance(old, str) and kk == ru:
        node[key] = _styled(old, kk)
        return
    if isinstance(old, CommentedMap):
        for lang, value in (("kk", kk), ("ru", ru)):
            if not value:
                old.pop(lang, None)
            elif old.get(lang) != value:
                old[lang] = _styled(old.get(lang), value)
        return
    new = CommentedMap()
    for lang, value in (("kk", kk), ("ru", ru)):
        if value:
            new[lang] = _styled(None, value)
    put_key(node, key, new)


def set_ids(node: CommentedMap, key: str, ids: list[str], order: list[str], *, drop_empty: bool = True) -> None:
    """A list of member ids, edited in place: removed ids leave, new ones enter at their roster place.

    The list keeps its flow or block style and the order the secretary gave it;
    `order` (the roster) says where a new id goes.
    """
    wanted = list(dict.fromkeys(ids))
    old = node.get(key)
    if not wanted and drop_empty:
        if key in node:
            del node[key]
        return
    if not isinstance(old, CommentedSeq):
        seq = CommentedSeq(wanted)
        if len(wanted) <= 6:
            seq.fa.set_flow_style()
        put_key(node, key, seq)
        return
    plain = [v for v in old if isinstance(v, str)]
    if plain == wanted:
        return
    for index in reversed(range(len(old))):
        if isinstance(old[index], str) and old[index] not in wanted:
            del old[index]
    rank = {member: index for index, member in enumerate(order)}
    for member in wanted:
        if member in old:
            continue
        position = len(old)
        for index, present in enumerate(old):
            if isinstance(present, str) and rank.get(present, 10**6) > rank.get(member, 10**6):
                position = index
                break
        old.insert(position, member)


def ensure_map(node: CommentedMap, key: str) -> CommentedMap:
    value = node.get(key)
    if not isinstance(value, CommentedMap):
        value = CommentedMap()
        put_key(node, key, value)
    return value


def ensure_seq(node: CommentedMap, key: str) -> CommentedSeq:
    value = node.get(key)
    if not isinstance(value, CommentedSeq):
        value = CommentedSeq()
        put_key(node, key, value)
    return value


def drop_if_empty(node: CommentedMap, key: str) -> None:
    if key in node and isinstance(node[key], (CommentedMap, CommentedSeq)) and not node[key]:
        del node[key]


# ---------------------------------------------------------------- where each line of a file is


def paths_by_line(tree: Any) -> dict[int, tuple]:
    """1-based line → the outermost path (keys and list indexes) that starts on it: findings find their field.

    `place: {kk: ..., ru: ...}` is one line and one field, `place`; `- assignment: ...` is the
    whole entry. A finding is cited at a line (file:line), so this is how it finds its field.
    """
    out: dict[int, tuple] = {}

    def walk(node: Any, path: tuple) -> None:
        if isinstance(node, CommentedMap):
            for key in node:
                line = node.lc.key(key)[0] + 1
                out.setdefault(line, path + (key,))
                walk(node[key], path + (key,))
        elif isinstance(node, CommentedSeq):
            for index, item in enumerate(node):
                line = node.lc.item(index)[0] + 1
                out.setdefault(line, path + (index,))
                walk(item, path + (index,))
    walk(tree, ())
    return out
