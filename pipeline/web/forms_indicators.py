"""The annual indicators form (§29) applied to indicators/<year>.yaml: the figures, the lists, `previous:`.

Each field is named by its place in the file (`dispensary.women`, `actions.2.participants`,
`previous.ngos`). A figure that is not a whole number of zero or more (a percentage: not a
number from 0 to 100) is never written: the field keeps what the file holds and the form
says why (`Form.problems`), as a date that does not exist is refused.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..locale.messages import _
from . import yamledit as ye
from .forms_base import Form, apply_date, apply_list, apply_text

# the figures of each indicator, in the order of §29: a key alone is a count; a key with parts is a group
FIGURES: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "sports_sections", ()),
    (2, "campaigns", ()),
    (3, "actions", ()),
    (4, "first_identified", ()),
    (5, "dispensary", ("total", "women", "minors")),
    (6, "ngos", ()),
    (7, "destroyed", ("labs", "criminal_groups")),
    (8, "legal_circulation_offences", ()),
    (9, "propaganda", ("sites_blocked", "graffiti_removed", "criminal_cases", "ai_systems")),
    (10, "survey", ("respondents", "satisfied_percent")),
    (11, "schools", ("with_programmes", "total")),
    (12, "specialists_trained", ()),
)
LISTED = ("campaigns", "actions")      # listed one by one in the year's file; in `previous:` a count will do
PERCENT = "satisfied_percent"


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def shown_figure(value: Any) -> str:
    """A figure as its field shows it: the number, or empty for nothing (or for what is no number)."""
    if _is_count(value):
        return str(value)
    if isinstance(value, float):
        return format(Decimal(str(value)).normalize(), "f")
    return ""


def _kept(value: Any) -> str:
    return shown_figure(value) or "—"


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def apply_figure(node: CommentedMap, key: str, form: Form, name: str) -> None:
    """A count (a whole number ≥ 0) or the percentage of satisfied (0 to 100); empty removes the figure."""
    if not form.has(name):
        return
    typed = (form.get(name) or "").strip()
    current = node.get(key)
    if name not in form.invalid and typed == shown_figure(current):
        return                               # untouched (a value the field cannot show included)
    number = _number(typed) if typed else None
    if key == PERCENT:
        if name in form.invalid or (typed and (number is None or not 0 <= number <= 100)):
            form.problem(name, _("this is not a percentage from 0 to 100, so nothing was written: the file keeps "
                                 "{kept}. Type the number, e.g. 71.5.", kept=_kept(current)))
            return
    elif name in form.invalid or (typed and (number is None or number < 0 or number != number.to_integral_value())):
        form.problem(name, _("this is not a whole number of zero or more, so nothing was written: the file keeps "
                             "{kept}. Type the number in digits.", kept=_kept(current)))
        return
    if number is None:
        ye.set_scalar(node, key, None)
        return
    if (_is_count(current) or isinstance(current, float)) and Decimal(str(current)) == number:
        return                               # 71.50 typed for 71.5: the file's writing stays
    value: int | float = int(number) if number == number.to_integral_value() else float(number)
    ye.set_scalar(node, key, value)


def _apply_group(node: CommentedMap, key: str, parts: tuple[str, ...], form: Form, name: str) -> None:
    """An indicator of several figures (dispensary, destroyed...): made when a figure is typed, gone when emptied."""
    if not any(form.has(f"{name}.{part}") for part in parts):
        return
    inner = node.get(key)
    inner = inner if isinstance(inner, CommentedMap) else CommentedMap()
    for part in parts:
        apply_figure(inner, part, form, f"{name}.{part}")
    if key == "destroyed" and form.get(f"{name}.plant_hotbeds.remove") == "on":
        inner.pop("plant_hotbeds", None)         # the old key (§29.7): deleted when she asks, never moved
    if inner and key not in node:
        ye.put_key(node, key, inner)
    ye.drop_if_empty(node, key)


def apply_campaign(entry: CommentedMap, form: Form, name: str) -> None:
    apply_text(entry, "title", form, f"{name}.title")
    apply_text(entry, "audience", form, f"{name}.audience")
    apply_date(entry, "date", form, f"{name}.date")


def apply_action(entry: CommentedMap, form: Form, name: str) -> None:
    apply_text(entry, "title", form, f"{name}.title")
    apply_date(entry, "date", form, f"{name}.date")
    apply_figure(entry, "participants", form, f"{name}.participants")


def apply_values(node: CommentedMap, form: Form, prefix: str = "", *, listed: bool = True) -> None:
    """The twelve indicators onto `node` (the year's file, or its `previous:`).

    `listed`: campaigns and actions are lists of entries (the year's file) unless the file gives a count
    there; in `previous:` they are counts, unless the file lists them there, and then the form leaves them.
    """
    for _number_, key, parts in FIGURES:
        name = prefix + key
        if parts:
            _apply_group(node, key, parts, form, name)
        elif key in LISTED and form.has(name):      # a count where the file gives one (`previous:`, or a year's)
            if not isinstance(node.get(key), list):
                apply_figure(node, key, form, name)
        elif key in LISTED:
            if listed:
                apply_list(node, key, form, name, apply_campaign if key == "campaigns" else apply_action)
        else:
            apply_figure(node, key, form, name)


def _apply_outgoing(tree: CommentedMap, form: Form) -> None:
    if not (form.has("outgoing.number") or form.has("outgoing.date")):
        return
    inner = tree.get("outgoing")
    inner = inner if isinstance(inner, CommentedMap) else CommentedMap()
    if form.has("outgoing.number"):
        typed = (form.get("outgoing.number") or "").strip()
        if typed != str(inner.get("number") or ""):
            ye.set_scalar(inner, "number", typed or None)
    apply_date(inner, "date", form, "outgoing.date")
    if inner and "outgoing" not in tree:
        ye.put_key(tree, "outgoing", inner)
    ye.drop_if_empty(tree, "outgoing")


def apply_indicators(tree: CommentedMap, form: Form) -> None:
    """The indicators form onto indicators/<year>.yaml: only what differs is written."""
    _apply_outgoing(tree, form)
    apply_values(tree, form)
    if any(key.startswith("previous.") for key in form.values):
        inner = tree.get("previous")
        inner = inner if isinstance(inner, CommentedMap) else CommentedMap()
        apply_values(inner, form, "previous.", listed=False)
        if inner and "previous" not in tree:
            ye.put_key(tree, "previous", inner)
        ye.drop_if_empty(tree, "previous")
