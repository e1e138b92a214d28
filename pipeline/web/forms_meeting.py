"""The meeting form applied to a meeting's YAML tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import yamledit as ye
from .forms_base import (
    Form,
    _blank,
    _removed,
    apply_choice,
    apply_date,
    apply_flag,
    apply_list,
    apply_responsible,
    apply_text,
    parse_date,
    shown_date,
)


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
    apply_date(tree, "date", form, "date", required=True)
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
            ye.put_key(tree, "agenda_approved", approval)
        ye.drop_if_empty(tree, "agenda_approved")
    apply_date(tree, "documents_sent", form, "documents_sent")
    _apply_attendance(tree, form, roster)
    apply_list(tree, "invited", form, "invited", apply_person)
    _apply_items(tree, form, roster)
    if form.has("protocol.signed_by"):
        protocol = tree.get("protocol")
        protocol = protocol if isinstance(protocol, CommentedMap) else CommentedMap()
        apply_date(protocol, "drawn_up", form, "protocol.drawn_up")
        apply_choice(protocol, "signed_by", form, "protocol.signed_by")
        apply_flag(protocol, "signed", form, "protocol.signed")
        if protocol and "protocol" not in tree:
            ye.put_key(tree, "protocol", protocol)
        ye.drop_if_empty(tree, "protocol")


def attendance_of(tree: CommentedMap) -> dict[str, str]:
    """member id → present | absent, as the file says (a member in neither list is in neither: `check` names her)."""
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
    # a member in neither list stays so until she chooses (check names her, §20); a reason typed means absent
    state = {m: form.get(f"att.{m}", listed.get(m)) or ("absent" if _reason_typed(form, m) else None)
             for m in members}
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


def _reason_typed(form: Form, member: str) -> bool:
    return any((form.get(f"absent.{member}.reason.{lang}") or "").strip() for lang in ("kk", "ru"))


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


def _apply_items(tree: CommentedMap, form: Form, roster: Roster) -> None:
    present = [m for m in tree.get("present") or [] if m in roster.voting]   # who may vote (§13), as just edited

    def apply_item(item: CommentedMap, form: Form, name: str) -> None:
        apply_choice(item, "plan", form, f"{name}.plan")
        apply_text(item, "title", form, f"{name}.title")
        if form.has(f"{name}.speakers.shown"):
            ye.set_ids(item, "speakers", form.all(f"{name}.speakers"), roster.order)
        _apply_outside(item, form, name)
        apply_list(item, "materials", form, f"{name}.materials", apply_material)
        apply_text(item, "heard", form, f"{name}.heard")
        apply_list(item, "decisions", form, f"{name}.decisions", apply_decision)
        _apply_vote(item, form, name, present)
        apply_list(item, "dissent", form, f"{name}.dissent", apply_dissent)

    apply_list(tree, "items", form, "items", apply_item)


def apply_person(entry: CommentedMap, form: Form, name: str) -> None:
    """An invited person or an outside speaker (§21): a name and a position, each in both languages."""
    apply_text(entry, "name", form, f"{name}.name")
    apply_text(entry, "position", form, f"{name}.position")


def _apply_outside(item: CommentedMap, form: Form, name: str) -> None:
    """The speakers who are no members ({name, position} entries of `speakers`), numbered among themselves;
    the members among the speakers are the checkboxes (ids), which this leaves as they are."""
    prefix = f"{name}.outside"
    indexes = form.indexes(prefix)
    if not indexes:
        return
    speakers = item.get("speakers")
    persons = [entry for entry in speakers or [] if isinstance(entry, dict)]
    for index in indexes:
        field = f"{prefix}.{index}"
        if index < len(persons):
            if _removed(form, field):
                position = next(i for i, entry in enumerate(speakers) if entry is persons[index])
                del speakers[position]
            else:
                apply_person(persons[index], form, field)
        elif not _blank(form, field) and not _removed(form, field):
            entry = CommentedMap()
            apply_person(entry, form, field)
            if entry:
                ye.ensure_seq(item, "speakers").append(entry)
                speakers = item["speakers"]
    ye.drop_if_empty(item, "speakers")


def apply_material(entry: CommentedMap, form: Form, name: str) -> None:
    apply_text(entry, "from", form, f"{name}.from")
    apply_date(entry, "submitted", form, f"{name}.submitted")


def apply_decision(entry: CommentedMap, form: Form, name: str) -> None:
    apply_text(entry, "text", form, f"{name}.text")
    apply_responsible(entry, form, f"{name}.responsible")
    apply_text(entry, "due", form, f"{name}.due")          # a deadline written in words, per language (§24)
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


def stray_ballots(vote: Any, voters: list[str]) -> dict[str, str]:
    """member → ballot of the file's vote for someone who is no voter now (marked absent since): the form
    shows them apart and a save removes them, instead of leaving a vote the table cannot show."""
    if not isinstance(vote, dict):
        return {}
    out = {}
    for key in ("for", "against", "abstained"):
        for member in vote.get(key) or []:
            if isinstance(member, str) and member not in voters:
                out.setdefault(member, key)
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
    if isinstance(current, dict) and ballots == ballots_of(current, voters) and not stray_ballots(current, voters):
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
        ye.put_key(item, "vote", vote)
