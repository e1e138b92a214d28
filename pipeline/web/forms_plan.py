"""The plan and control forms applied to plans/<id>.yaml and control/<year>.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import yamledit as ye
from .forms_base import (
    Form,
    _blank,
    apply_choice,
    apply_date,
    apply_list,
    apply_responsible,
    apply_text,
)


def apply_control(tree: CommentedSeq, form: Form) -> None:
    """The control form onto control/<year>.yaml: one entry per assignment whose status, dates or note were set.

    Each row sends its assignment id (`a.N.id`); an id that is no assignment is
    written as given and reported by the §24 rule, like a typing mistake in the file.
    """
    by_id = {e.get("assignment"): e for e in tree if isinstance(e, CommentedMap)}
    for index in form.indexes("a"):
        name = f"a.{index}"
        assignment = (form.get(f"{name}.id") or "").strip()
        if not assignment or not form.has(f"{name}.status"):
            continue
        entry = by_id.get(assignment)
        status = form.get(f"{name}.status") or ""
        if entry is None:
            if status in ("", "in_progress") and _blank(form, f"{name}.note") and not form.get(f"{name}.date"):
                continue
            entry = CommentedMap([("assignment", assignment)])
            tree.append(entry)
            by_id[assignment] = entry
        apply_choice(entry, "status", form, f"{name}.status", default="in_progress")
        apply_date(entry, "date", form, f"{name}.date")
        apply_date(entry, "new_due", form, f"{name}.new_due")
        apply_text(entry, "note", form, f"{name}.note")



def plan_when(entry: Any) -> str:
    """A question's time as one field: the quarter (1-4) or the month (2026-03)."""
    if entry.get("month") is not None:
        month = entry["month"]
        return month.strftime("%Y-%m") if isinstance(month, dt.date) else str(month)
    quarter = entry.get("quarter")
    return str(quarter) if quarter is not None and not ye.is_placeholder(str(quarter)) else ""


def apply_when(entry: CommentedMap, form: Form, name: str) -> None:
    """A quarter number goes to `quarter`, a YYYY-MM to `month`; the other key leaves."""
    if not form.has(name):
        return
    typed = (form.get(name) or "").strip()
    if typed == plan_when(entry):
        return
    if typed.isdigit():
        ye.set_scalar(entry, "quarter", int(typed))
        ye.set_scalar(entry, "month", None)
    else:
        ye.set_scalar(entry, "month", typed or None)
        ye.set_scalar(entry, "quarter", None)


def _no_key(entry: CommentedMap) -> Any:
    """The key `no`, quoted as the sample files write it: a YAML 1.1 reader takes a bare no for false."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString
    return next((key for key in entry if key == "no"), DoubleQuotedScalarString("no"))


def apply_number(entry: CommentedMap, form: Form, name: str) -> None:
    if not form.has(name):
        return
    typed = (form.get(name) or "").strip()
    key = _no_key(entry)
    if typed == str(entry.get("no", "")):
        return
    if key not in entry and typed:
        entry.insert(0, key, int(typed) if typed.isdigit() else typed)
        return
    ye.set_scalar(entry, key, int(typed) if typed.isdigit() else typed or None)


def _apply_map(entry: CommentedMap, key: str, form: Form, name: str, apply_inner) -> None:
    """A nested mapping (approved, basis, decided): created when something is typed, dropped when emptied."""
    inner = entry.get(key)
    inner = inner if isinstance(inner, CommentedMap) else CommentedMap()
    apply_inner(inner, form, name)
    if inner and key not in entry:
        ye.put_key(entry, key, inner)
    ye.drop_if_empty(entry, key)


def _apply_approval(node: CommentedMap, form: Form, name: str) -> None:
    apply_choice(node, "by", form, f"{name}.by")
    apply_date(node, "date", form, f"{name}.date")


def _apply_basis(node: CommentedMap, form: Form, name: str) -> None:
    _apply_approval(node, form, name)
    apply_text(node, "text", form, f"{name}.text")


def apply_plan_item(entry: CommentedMap, form: Form, name: str) -> None:
    apply_number(entry, form, f"{name}.no")
    apply_text(entry, "title", form, f"{name}.title")
    apply_responsible(entry, form, f"{name}.responsible")
    apply_choice(entry, "proposed_by", form, f"{name}.proposed_by")
    apply_when(entry, form, f"{name}.when")


def apply_plan_change(entry: CommentedMap, form: Form, name: str) -> None:
    if form.has(f"{name}.item"):
        typed = (form.get(f"{name}.item") or "").strip()
        if typed != str(entry.get("item", "")):
            ye.set_scalar(entry, "item", int(typed) if typed.isdigit() else typed or None)
    apply_choice(entry, "action", form, f"{name}.action")
    apply_choice(entry, "to", form, f"{name}.to")
    if (form.get(f"{name}.action") or entry.get("action")) == "add":
        apply_number(entry, form, f"{name}.no")
        apply_text(entry, "title", form, f"{name}.title")
        apply_responsible(entry, form, f"{name}.responsible")
        apply_when(entry, form, f"{name}.when")
    _apply_map(entry, "basis", form, f"{name}.basis", _apply_basis)
    _apply_map(entry, "decided", form, f"{name}.decided", _apply_approval)


def apply_plan(tree: CommentedMap, form: Form) -> None:
    """The plan form onto plans/<id>.yaml: approval, sending, questions, changes; only what differs."""
    if form.has("approved.by"):
        _apply_map(tree, "approved", form, "approved", _apply_approval)
    apply_date(tree, "sent_to_members", form, "sent_to_members")
    apply_list(tree, "items", form, "items", apply_plan_item)
    apply_list(tree, "changes", form, "changes", apply_plan_change)
