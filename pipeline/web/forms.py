"""The forms: what the browser sends, applied to the YAML tree of one file.

Each form field is named for where it lives in the file (`place.kk`,
`items.0.decisions.1.due`), and the form also sends what it showed (`shown`
is recomputed here from the same tree), so a field the secretary did not touch
is never written: an untouched `<<...>>` placeholder stays, a date typed as
`2026-03-12` stays as typed. The rules are not here: a wrong value is written
as given and the live findings (the same `check` as the command line) say what
is wrong, with its §.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..models import ControlEntry, Meeting, Model, Plan
from . import yamledit as ye


def _model_orders(*models: type[Model]) -> list[list[str]]:
    """Every model's keys in declaration order, recursively: where `yamledit` puts a new key."""
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


def _types_in(annotation: Any) -> Iterable[Any]:
    yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _types_in(arg)


ye.KEY_ORDER[:] = _model_orders(Meeting)


class Form:
    """The submitted fields, with the helpers that read them as the form meant them."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self.values: dict[str, list[str]] = {}
        for key, value in items:
            self.values.setdefault(key, []).append(value)

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


def apply_date(node: CommentedMap, key: str, form: Form, name: str) -> None:
    if not form.has(name):
        return
    submitted = (form.get(name) or "").strip()
    if submitted == shown_date(node.get(key)):
        return
    ye.set_date(node, key, parse_date(submitted))


def apply_text(node: CommentedMap, key: str, form: Form, name: str) -> None:
    if not (form.has(f"{name}.kk") or form.has(f"{name}.ru")):
        return
    shown = ye.text_value(node.get(key))
    kk, ru = form.get(f"{name}.kk", shown["kk"]), form.get(f"{name}.ru", shown["ru"])
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


def responsible_lines(node: Any) -> dict[str, str]:
    """A decision's responsible bodies as two textareas, one body per line."""
    out = {"kk": [], "ru": []}
    for entry in node or []:
        value = ye.text_value(entry)
        out["kk"].append(value["kk"])
        out["ru"].append(value["ru"])
    return {lang: "\n".join(lines) for lang, lines in out.items()}


# ---------------------------------------------------------------- the meeting form


@dataclass
class Roster:
    """The members the attendance table and the pickers offer: in force on the meeting's date, in roster order."""

    order: list[str]
    voting: list[str]


def apply_meeting(tree: CommentedMap, form: Form, roster: Roster) -> None:
    """The meeting form onto the meeting's tree: only the fields that differ from what the form showed."""
    if form.has("number"):
        number = (form.get("number") or "").strip()
        if number != str(tree.get("number", "")):
            ye.set_scalar(tree, "number", int(number) if number.isdigit() else number, drop_empty=False)
    apply_date(tree, "date", form, "date")
    if form.has("time") and (form.get("time") or "") != str(tree.get("time") or ""):
        ye.set_time(tree, "time", (form.get("time") or "").strip())
    apply_text(tree, "place", form, "place")
    apply_choice(tree, "kind", form, "kind", default="regular")
    apply_flag(tree, "urgent", form, "urgent")
    apply_choice(tree, "chair", form, "chair")
    if form.has("initiated_by.shown"):
        ye.set_ids(tree, "initiated_by", form.all("initiated_by"), roster.order)
    if form.has("agenda_approved.by"):
        approval = tree.get("agenda_approved")
        approval = approval if isinstance(approval, CommentedMap) else CommentedMap()
        apply_choice(approval, "by", form, "agenda_approved.by")
        apply_date(approval, "date", form, "agenda_approved.date")
        if approval and "agenda_approved" not in tree:
            ye._put(tree, "agenda_approved", approval)
        ye.drop_if_empty(tree, "agenda_approved")
    apply_date(tree, "documents_sent", form, "documents_sent")
    _apply_attendance(tree, form, roster)
    _apply_items(tree, form, roster)
    if form.has("protocol.signed_by"):
        protocol = tree.get("protocol")
        protocol = protocol if isinstance(protocol, CommentedMap) else CommentedMap()
        apply_date(protocol, "drawn_up", form, "protocol.drawn_up")
        apply_choice(protocol, "signed_by", form, "protocol.signed_by")
        apply_flag(protocol, "signed", form, "protocol.signed")
        if protocol and "protocol" not in tree:
            ye._put(tree, "protocol", protocol)
        ye.drop_if_empty(tree, "protocol")


def attendance_of(tree: CommentedMap) -> dict[str, str]:
    """member id → present | absent, as the file says (a member in neither list is shown absent; saving lists her)."""
    out = {member: "present" for member in tree.get("present") or [] if isinstance(member, str)}
    for entry in tree.get("absent") or []:
        if isinstance(entry, dict) and isinstance(entry.get("member"), str):
            out.setdefault(entry["member"], "absent")
    return out


def _apply_attendance(tree: CommentedMap, form: Form, roster: Roster) -> None:
    if not form.has("attendance.shown"):
        return
    listed = attendance_of(tree)
    members = list(dict.fromkeys(roster.order + list(listed)))
    state = {m: form.get(f"att.{m}", listed.get(m, "absent")) for m in members}
    present = [m for m in members if state[m] == "present"]
    if present != [m for m in tree.get("present") or [] if isinstance(m, str)]:
        ye.set_ids(tree, "present", present, roster.order, drop_empty=False)
    absent_seq = tree.get("absent")
    entries = {e.get("member"): e for e in absent_seq or [] if isinstance(e, dict)}
    for member in members:
        reason_fields = f"absent.{member}.reason"
        entry = entries.get(member)
        if state[member] != "absent":
            if entry is not None:
                absent_seq.remove(entry)
            continue
        shown = ye.text_value(entry.get("reason") if entry is not None else None)
        kk, ru = form.get(reason_fields + ".kk", shown["kk"]), form.get(reason_fields + ".ru", shown["ru"])
        if entry is None:           # every member in force is listed, present or absent (§20)
            absent_seq = ye.ensure_seq(tree, "absent")
            entry = CommentedMap([("member", member)])
            absent_seq.append(entry)
        if entry is not None:
            ye.set_text(entry, "reason", kk, ru)
        _apply_stand_in(tree, form, member)
    for member in members:
        if state[member] != "absent":
            _drop_stand_in(tree, member)
    ye.drop_if_empty(tree, "absent")
    ye.drop_if_empty(tree, "stand_ins")


def _stand_in_entry(tree: CommentedMap, member: str) -> CommentedMap | None:
    return next((e for e in tree.get("stand_ins") or [] if isinstance(e, dict) and e.get("for") == member), None)


def _apply_stand_in(tree: CommentedMap, form: Form, member: str) -> None:
    name = f"standin.{member}"
    if not form.has(f"{name}.name"):
        return
    entry = _stand_in_entry(tree, member)
    typed = (form.get(f"{name}.name") or "").strip()
    if not typed:
        if entry is not None:
            tree["stand_ins"].remove(entry)
        return
    if entry is None:
        entry = CommentedMap([("for", member)])
        ye.ensure_seq(tree, "stand_ins").append(entry)
    if ye.text_value(entry.get("name"))["kk"] != typed:
        ye.set_scalar(entry, "name", typed)
    apply_text(entry, "position", form, f"{name}.position")


def _drop_stand_in(tree: CommentedMap, member: str) -> None:
    entry = _stand_in_entry(tree, member)
    if entry is not None:
        tree["stand_ins"].remove(entry)


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


def _apply_list(node: CommentedMap, key: str, form: Form, name: str, apply_one) -> None:
    """Entries of a list, each by its index; new ones (past the end) only when something was typed."""
    indexes = form.indexes(name)
    if not indexes:
        return
    existing = node.get(key)
    length = len(existing) if isinstance(existing, CommentedSeq) else 0
    removed = []
    for index in indexes:
        field = f"{name}.{index}"
        if index >= length and _blank(form, field):
            continue
        if _removed(form, field):
            removed.append(index)
            continue
        seq = ye.ensure_seq(node, key)
        apply_one(_entry(seq, index), form, field)
    seq = node.get(key)
    for index in sorted(removed, reverse=True):
        if isinstance(seq, CommentedSeq) and index < len(seq):
            del seq[index]
    if isinstance(seq, CommentedSeq):
        for index in reversed(range(len(seq))):   # entries added past a gap and left empty
            if seq[index] == {} and index >= length:
                del seq[index]


def _apply_items(tree: CommentedMap, form: Form, roster: Roster) -> None:
    present = [m for m in tree.get("present") or [] if m in roster.voting]   # who may vote (§13), as just edited

    def apply_item(item: CommentedMap, form: Form, name: str) -> None:
        apply_choice(item, "plan", form, f"{name}.plan")
        apply_text(item, "title", form, f"{name}.title")
        if form.has(f"{name}.speakers.shown"):
            ye.set_ids(item, "speakers", form.all(f"{name}.speakers"), roster.order)
        _apply_list(item, "materials", form, f"{name}.materials", apply_material)
        apply_text(item, "heard", form, f"{name}.heard")
        _apply_list(item, "decisions", form, f"{name}.decisions", apply_decision)
        _apply_vote(item, form, name, present)
        _apply_list(item, "dissent", form, f"{name}.dissent", apply_dissent)

    _apply_list(tree, "items", form, "items", apply_item)


def apply_material(entry: CommentedMap, form: Form, name: str) -> None:
    apply_text(entry, "from", form, f"{name}.from")
    apply_date(entry, "submitted", form, f"{name}.submitted")


def apply_decision(entry: CommentedMap, form: Form, name: str) -> None:
    apply_text(entry, "text", form, f"{name}.text")
    if form.has(f"{name}.responsible.kk"):
        shown = responsible_lines(entry.get("responsible"))
        kk = [line.strip() for line in (form.get(f"{name}.responsible.kk") or "").splitlines() if line.strip()]
        ru = [line.strip() for line in (form.get(f"{name}.responsible.ru") or "").splitlines() if line.strip()]
        if ["\n".join(kk), "\n".join(ru)] != [shown["kk"], shown["ru"]]:
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
    if form.has(f"{name}.due"):
        submitted = (form.get(f"{name}.due") or "").strip()
        current = entry.get("due")
        if submitted != (shown_date(current) or str(current or "")):
            ye.set_scalar(entry, "due", parse_date(submitted) or submitted or None)


def apply_dissent(entry: CommentedMap, form: Form, name: str) -> None:
    apply_choice(entry, "member", form, f"{name}.member")
    apply_date(entry, "date", form, f"{name}.date")
    apply_text(entry, "text", form, f"{name}.text")


def ballots_of(vote: Any, voters: list[str]) -> dict[str, str]:
    """member → for | against | abstained as the file's vote says (without `for`, every other voter was for)."""
    if not isinstance(vote, dict):
        return {m: "for" for m in voters}
    against = set(vote.get("against") or [])
    abstained = set(vote.get("abstained") or [])
    explicit_for = vote.get("for")
    out = {}
    for member in voters:
        if member in against:
            out[member] = "against"
        elif member in abstained:
            out[member] = "abstained"
        elif explicit_for is None or member in explicit_for:
            out[member] = "for"
        else:
            out[member] = ""
    return out


def _apply_vote(item: CommentedMap, form: Form, name: str, voters: list[str]) -> None:
    mode = form.get(f"{name}.vote")
    if mode is None:
        return
    current = item.get("vote", "unanimous")
    if mode == "unanimous":
        if current != "unanimous":
            ye.set_scalar(item, "vote", "unanimous")
        return
    ballots = {m: form.get(f"{name}.ballot.{m}", "for") for m in voters}
    if isinstance(current, dict) and ballots == ballots_of(current, voters):
        return
    vote = current if isinstance(current, CommentedMap) else CommentedMap()
    if not isinstance(current, CommentedMap):
        vote.fa.set_flow_style()
    if "for" in vote:
        ye.set_ids(vote, "for", [m for m in voters if ballots[m] == "for"], voters, drop_empty=False)
    for key in ("against", "abstained"):
        ye.set_ids(vote, key, [m for m in voters if ballots[m] == key], voters)
    if not vote:
        vote["against"] = CommentedSeq()
        vote["against"].fa.set_flow_style()
    if vote is not current:
        ye._put(item, "vote", vote)


# ---------------------------------------------------------------- the control of assignments (§24)


ye.KEY_ORDER.extend(_model_orders(ControlEntry))


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


# ---------------------------------------------------------------- the half-year plans and their changes (§16-18)


ye.KEY_ORDER.extend(_model_orders(Plan))


def plan_when(entry: Any) -> str:
    """A question's time as one field: the quarter (1-4) or the month (2026-03)."""
    if entry.get("month") is not None:
        month = entry["month"]
        return month.strftime("%Y-%m") if isinstance(month, dt.date) else str(month)
    quarter = entry.get("quarter")
    return str(quarter) if quarter is not None else ""


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


def apply_responsible(entry: CommentedMap, form: Form, name: str) -> None:
    """Responsible bodies as two textareas (kk, ru), one body per line."""
    if not form.has(f"{name}.kk"):
        return
    shown = responsible_lines(entry.get("responsible"))
    kk = [line.strip() for line in (form.get(f"{name}.kk") or "").splitlines() if line.strip()]
    ru = [line.strip() for line in (form.get(f"{name}.ru") or "").splitlines() if line.strip()]
    if ["\n".join(kk), "\n".join(ru)] == [shown["kk"], shown["ru"]]:
        return
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


def _apply_map(entry: CommentedMap, key: str, form: Form, name: str, apply_inner) -> None:
    """A nested mapping (approved, basis, decided): created when something is typed, dropped when emptied."""
    inner = entry.get(key)
    inner = inner if isinstance(inner, CommentedMap) else CommentedMap()
    apply_inner(inner, form, name)
    if inner and key not in entry:
        ye._put(entry, key, inner)
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
    _apply_list(tree, "items", form, "items", apply_plan_item)
    _apply_list(tree, "changes", form, "changes", apply_plan_change)
