"""The forms' common ground: the submitted fields, and applying one date, text, choice or flag or a list."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..locale.messages import Message, _
from . import yamledit as ye


class Form:
    """The submitted fields, with the helpers that read them as the form meant them."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self.values: dict[str, list[str]] = {}
        for key, value in items:
            self.values.setdefault(key, []).append(value)
        # fields the browser could not read (an <input type=date> holding 31.02.2026 sends ""): the page
        # names them in `__invalid`, so that an empty value is never taken for a cleared field
        self.invalid = set(self.values.pop("__invalid", []))
        self.problems: dict[str, Message] = {}   # field name → why its value was not written

    def problem(self, name: str, message: Message) -> None:
        self.problems.setdefault(name, message)

    def get(self, key: str, default: str | None = None) -> str | None:
        values = self.values.get(key)
        return values[-1].replace("\r\n", "\n") if values else default

    def all(self, key: str) -> list[str]:
        return [v for v in self.values.get(key, []) if v]

    def has(self, key: str) -> bool:
        return key in self.values

    def indexes(self, prefix: str) -> list[int]:
        """The list indexes the form sent under `prefix.` (items.0..., items.1...), in order."""
        found = set()
        for key in self.values:
            if key.startswith(prefix + "."):
                head = key[len(prefix) + 1:].split(".", 1)[0]
                if head.isdigit():
                    found.add(int(head))
        return sorted(found)


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def shown_date(value: Any) -> str:
    """A date as an <input type=date> shows it: ISO, or empty for a placeholder or a wrong value."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value or "")
    return text if parse_date(text) else ""


def kept_date(value: Any) -> str:
    """What the file holds, as the refusal names it: 12.03.2026, or a dash for nothing."""
    day = parse_date(shown_date(value))
    return day.strftime("%d.%m.%Y") if day else "—"


def apply_date(node: CommentedMap, key: str, form: Form, name: str, *, required: bool = False) -> None:
    """A date field: a day that does not exist (or no day where one is required) is never written.

    The field keeps what the file holds and the form records why (`Form.problems`): the
    page shows it beside the field, and a save with a problem writes nothing.
    """
    if not form.has(name):
        return
    submitted = (form.get(name) or "").strip()
    if name in form.invalid or (submitted and parse_date(submitted) is None):
        form.problem(name, _("this day does not exist, so nothing was written: the file keeps {kept}. "
                             "Choose the day again.", kept=kept_date(node.get(key))))
        return
    if submitted == shown_date(node.get(key)):
        return
    if not submitted and required:
        form.problem(name, _("a date is required here, so nothing was written: the file keeps {kept}. "
                             "Choose the day.", kept=kept_date(node.get(key))))
        return
    ye.set_date(node, key, parse_date(submitted))


def apply_text(node: CommentedMap, key: str, form: Form, name: str) -> None:
    if not (form.has(f"{name}.kk") or form.has(f"{name}.ru")):
        return
    stored, shown = ye.text_value(node.get(key)), ye.shown_text(node.get(key))
    kk, ru = form.get(f"{name}.kk", shown["kk"]), form.get(f"{name}.ru", shown["ru"])
    if (kk.strip(), ru.strip()) == (shown["kk"], shown["ru"]):
        return                                   # untouched, a placeholder shown empty included
    kk = kk if kk.strip() or not ye.is_placeholder(stored["kk"]) else stored["kk"]
    ru = ru if ru.strip() or not ye.is_placeholder(stored["ru"]) else stored["ru"]
    ye.set_text(node, key, kk, ru)


def apply_choice(node: CommentedMap, key: str, form: Form, name: str, *, default: str = "") -> None:
    if not form.has(name):
        return
    value = (form.get(name) or "").strip()
    current = node.get(key, default)
    if value == str(current if current is not None else ""):
        return
    if value == default and key not in node:
        return
    if not value and isinstance(current, str) and ye.is_placeholder(current):
        return                                   # a scaffold's <<...>> stays until a choice is made
    ye.set_scalar(node, key, value or None)


def apply_flag(node: CommentedMap, key: str, form: Form, name: str) -> None:
    """A checkbox sends nothing when unticked: the form sends `name.shown` to say the box was there."""
    if not form.has(f"{name}.shown"):
        return
    value = form.get(name) == "on"
    if bool(node.get(key, False)) is value:
        return
    if not value and key not in node:
        return
    ye.set_scalar(node, key, value, drop_empty=False)


def responsible_lines(node: Any, shown: bool = False) -> dict[str, str]:
    """A decision's responsible bodies as two textareas, one body per line; `shown`: as the form shows them,
    a scaffold's placeholder left out (the field says what to type)."""
    out = {"kk": [], "ru": []}
    for entry in node or []:
        value = ye.shown_text(entry) if shown else ye.text_value(entry)
        out["kk"].append(value["kk"])
        out["ru"].append(value["ru"])
    return {lang: "\n".join(line for line in lines if line or not shown) for lang, lines in out.items()}


def apply_responsible(entry: CommentedMap, form: Form, name: str) -> None:
    """Responsible bodies as two textareas (kk, ru), one body per line."""
    if not form.has(f"{name}.kk"):
        return
    stored, shown = responsible_lines(entry.get("responsible")), responsible_lines(entry.get("responsible"), True)
    kk = [line.strip() for line in (form.get(f"{name}.kk") or "").splitlines() if line.strip()]
    ru = [line.strip() for line in (form.get(f"{name}.ru") or "").splitlines() if line.strip()]
    if ["\n".join(kk), "\n".join(ru)] == [shown["kk"], shown["ru"]]:
        return                                   # untouched, a placeholder shown empty included
    kk = kk or ([] if shown["kk"] else stored["kk"].splitlines())     # a placeholder stays until typed over
    ru = ru or ([] if shown["ru"] else stored["ru"].splitlines())
    seq = ye.ensure_seq(entry, "responsible")
    for index in range(max(len(kk), len(ru))):
        holder = CommentedMap([("v", seq[index] if index < len(seq) else None)])
        ye.set_text(holder, "v", kk[index] if index < len(kk) else "", ru[index] if index < len(ru) else "")
        if index < len(seq):
            seq[index] = holder["v"]
        else:
            seq.append(holder["v"])
    del seq[max(len(kk), len(ru)):]
    ye.drop_if_empty(entry, "responsible")



def _entry(seq: CommentedSeq, index: int) -> CommentedMap:
    while len(seq) <= index:
        seq.append(CommentedMap())
    return seq[index]


def _removed(form: Form, name: str) -> bool:
    return form.get(f"{name}.remove") == "on"


def _blank(form: Form, name: str) -> bool:
    """Every field of a new entry is empty: the entry is not created."""
    prefix = name + "."
    return all(not v.strip() for key, values in form.values.items() if key.startswith(prefix)
               and not key.endswith(".shown") for v in values)


def apply_list(node: CommentedMap, key: str, form: Form, name: str, apply_one) -> None:
    """Entries of a list, each by its index; new ones (past the end) only when something was typed."""
    indexes = form.indexes(name)
    if not indexes:
        return
    existing = node.get(key)
    length = len(existing) if isinstance(existing, CommentedSeq) else 0
    # an index past the file's entries is a new entry: appended in the order sent, whatever its number
    # (items.8000000 is the next entry, not the 8,000,001st after 7,999,999 empty ones)
    new = {index: length + rank for rank, index in enumerate(i for i in indexes if i >= length)}
    removed = []
    for index in indexes:
        field = f"{name}.{index}"
        if index >= length and _blank(form, field):
            continue
        if _removed(form, field):
            removed.append(index)
            continue
        seq = ye.ensure_seq(node, key)
        apply_one(_entry(seq, new.get(index, index)), form, field)
    seq = node.get(key)
    for index in sorted(removed, reverse=True):
        if isinstance(seq, CommentedSeq) and index < len(seq):
            del seq[index]
    if isinstance(seq, CommentedSeq):
        for index in reversed(range(len(seq))):   # entries added past a gap and left empty
            if seq[index] == {} and index >= length:
                del seq[index]
