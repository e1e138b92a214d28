"""The composition form applied to body.yaml's members: who leaves, who joins, a name or a post changed on a day.

A member is never deleted because she left: `until` says the last day of her membership
and the old protocols keep naming her (§8, Reading of N). A new person in a post from a day
is a new entry after the old one: the old gets `until` (the day before), the new one
`from` that day, with the old entry's role and the new name or post. A name or a post
corrected in place changes every document that names the member (a typing slip, not a
change). A short name (id) that is not a slug, or that another member has, is never written.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..load.models import SLUG
from ..locale.messages import _
from . import yamledit as ye
from .forms_base import Form, apply_date, apply_flag, apply_text, parse_date

ROLES = ("head", "deputy_head", "secretary", "member")
# what a successor takes over from the entry before it (the post stays the post)
INHERITED = ("position", "position_genitive", "position_accusative", "position_dative", "role", "phone", "by_agreement", "voting")


def _typed(form: Form, name: str) -> str:
    return (form.get(name) or "").strip()


def apply_name(entry: CommentedMap, form: Form, name: str) -> None:
    """A member's name: one plain string (the same in both languages, as body.yaml writes it)."""
    if not form.has(name):
        return
    typed = _typed(form, name)
    if typed != str(entry.get("name") or ""):
        ye.set_scalar(entry, "name", typed or None)


def apply_member(entry: CommentedMap, form: Form, name: str) -> None:
    apply_name(entry, form, f"{name}.name")
    apply_text(entry, "position", form, f"{name}.position")
    if form.has(f"{name}.role") and _typed(form, f"{name}.role") in ROLES:
        if entry.get("role") != _typed(form, f"{name}.role"):
            ye.set_scalar(entry, "role", _typed(form, f"{name}.role"))
    apply_flag(entry, "by_agreement", form, f"{name}.by_agreement")
    apply_date(entry, "from", form, f"{name}.since")
    apply_date(entry, "until", form, f"{name}.until")


def _free_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def _new_id(form: Form, name: str, taken: set[str], suggested: str) -> str | None:
    """The short name typed for a new entry, or `suggested` (made free) when none is typed; None when refused."""
    typed = _typed(form, f"{name}.id")
    if not typed:
        if suggested:
            return _free_id(suggested, taken)
        form.problem(f"{name}.id", _("a new member needs a short name (id), e.g. police_2: nothing was written. "
                                     "Type it in small Latin letters."))
        return None
    if not SLUG.match(typed):
        form.problem(f"{name}.id", _("«{id}» cannot be a short name: use small Latin letters, digits, _ and - "
                                     "(e.g. police_2); nothing was written.", id=typed))
        return None
    if typed in taken:
        form.problem(f"{name}.id", _("the short name «{id}» is another member's already: choose another; nothing "
                                     "was written.", id=typed))
        return None
    return typed


def _successor(entry: CommentedMap, form: Form, name: str, taken: set[str]) -> CommentedMap | None:
    """«Replaced from a date»: the new entry that takes the post from that day, the old one closed the day before.

    Nothing happens until a day and a new name or post are typed; a day that does not exist, or
    one on or before the member's own first day, is refused (nothing is written).
    """
    field = f"{name}.successor"
    person = _typed(form, f"{field}.name")
    post = {lang: _typed(form, f"{field}.position.{lang}") for lang in ("kk", "ru")}
    typed_day = _typed(form, f"{field}.date")
    if not (person or post["kk"] or post["ru"] or typed_day or f"{field}.date" in form.invalid):
        return None
    day = parse_date(typed_day)
    if f"{field}.date" in form.invalid or day is None:
        form.problem(f"{field}.date", _("the day the replacement takes effect is missing or does not exist: "
                                        "nothing was written. Choose the day."))
        return None
    if not (person or post["kk"] or post["ru"]):
        form.problem(f"{field}.name", _("type the new name or the new post (or both) of the replacement: "
                                        "nothing was written."))
        return None
    since = parse_date(str(entry.get("from") or ""))
    if since is not None and day <= since:
        form.problem(f"{field}.date", _("the replacement must begin after {day}, the day this member's "
                                        "membership began: nothing was written.", day=since.strftime("%d.%m.%Y")))
        return None
    new_id = _new_id(form, field, taken, f"{entry.get('id')}-{day.year}")
    if new_id is None:
        return None
    new = CommentedMap([("id", new_id)])
    name_value = person or entry.get("name")
    if name_value:
        new["name"] = name_value
    for key in INHERITED:
        if key in entry and not (key.startswith("position_") and (post["kk"] or post["ru"])):
            new[key] = copy.deepcopy(entry[key])
    if post["kk"] or post["ru"]:
        old = ye.text_value(entry.get("position"))
        ye.set_text(new, "position", post["kk"] or old["kk"], post["ru"] or old["ru"])
    ye.put_key(new, "from", day)
    ye.set_date(entry, "until", day - dt.timedelta(days=1))
    return new


def _blank_new(form: Form, name: str) -> bool:
    return not any(_typed(form, f"{name}.{key}") for key in ("id", "name", "position.kk", "position.ru"))


def apply_body(tree: Any, form: Form) -> None:
    """The composition form onto body.yaml: each member's fields, a replacement from a day, new members, and the
    removal of a mistaken entry (the page offers it only for a member no file names)."""
    members = tree.get("members") if isinstance(tree, CommentedMap) else None
    if not isinstance(members, CommentedSeq):
        return
    length = len(members)
    taken = {str(m.get("id")) for m in members if isinstance(m, CommentedMap)}
    changes: list[tuple[int, str, CommentedMap | None]] = []     # (index, "after" or "remove", entry)
    for index in form.indexes("members"):
        name = f"members.{index}"
        if index < length:
            entry = members[index]
            if not isinstance(entry, CommentedMap):
                continue
            if form.get(f"{name}.remove") == "on":
                changes.append((index, "remove", None))
                continue
            apply_member(entry, form, name)
            new = _successor(entry, form, name, taken)
            if new is not None:
                taken.add(str(new["id"]))
                changes.append((index, "after", new))
        elif not _blank_new(form, name):
            new_id = _new_id(form, name, taken, "")
            if new_id is None:
                continue
            entry = CommentedMap([("id", new_id)])
            apply_member(entry, form, name)
            if "role" not in entry:
                ye.put_key(entry, "role", "member")
            taken.add(new_id)
            changes.append((length + index, "append", entry))
    for index, what, entry in sorted(changes, key=lambda c: c[0], reverse=True):
        if what == "remove":
            del members[index]
        elif what == "after":
            members.insert(index + 1, entry)
    for _index, what, entry in sorted(changes, key=lambda c: c[0]):
        if what == "append":
            members.append(entry)
