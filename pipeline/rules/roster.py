"""The roster of body.yaml (Appendix 1, §8): who can be named in the records at all."""

from __future__ import annotations

import difflib
from typing import Iterable

from ..core.errors import Finding, error, warning
from ..load.models import Body
from ..locale.messages import Message, _


def unknown_member(member_id: str, known: Iterable[str]) -> Message:
    """An id that is no member of body.yaml, with the closest id there when one is near (a typing slip)."""
    hint = difflib.get_close_matches(member_id, sorted(known), n=1)
    if hint:
        return _("unknown member id '{member}' (not in body.yaml): did you mean '{hint}'?", member=member_id,
                 hint=hint[0])
    return _("unknown member id '{member}' (not in body.yaml): write the id of a member as body.yaml gives it "
             "(id: ...)", member=member_id)


def check_roster(body: Body) -> list[Finding]:
    """§8, Appendix 1: one head (the akim), at most one secretary, each member id once, from ≤ until."""
    findings: list[Finding] = []
    seen: set[str] = set()
    for member in body.members:
        if member.id in seen:
            findings.append(error(member.loc_of("id"), _("member id '{member}' is used twice: give each member an id "
                                                         "of its own", member=member.id), "§8"))
        seen.add(member.id)
        if member.from_ and member.until and member.until < member.from_:
            findings.append(error(member.loc_of("until"), _("'{member}': membership ends before it begins: until is "
                                                            "on or after from", member=member.id), "§11"))
    heads = [m for m in body.members if m.role == "head"]
    if len(heads) != 1:
        findings.append(error(body.loc_of("members"), _("the roster names {count} heads; the Штаб has one head: "
                                                        "give role: head to exactly one member", count=len(heads)),
                              "§8"))
    secretaries = [m for m in body.members if m.role == "secretary"]
    if len(secretaries) > 1:
        findings.append(error(secretaries[1].loc_of("role"), _("the roster names more than one secretary: give "
                                                               "role: secretary to one member only"), "§8"))
    return findings


def unnamed_signers(body: Body) -> list[Finding]:
    """§15, §16, §22: the head signs protocols and approves agendas and plans; the secretary signs the protocol
    after him. A signature line without a name is sent back by a records office: each of them without a
    `name` is a warning at the member's entry (the documents are still written, with the post alone)."""
    findings = []
    for member in body.members:
        if member.name or member.role not in ("head", "secretary"):
            continue
        role = _("the head") if member.role == "head" else _("the secretary")
        findings.append(warning(member.loc, _("{role} '{member}' signs the documents but has no name in body.yaml: "
                                              "add name: (initials and surname, e.g. name: О. Нургалиев)",
                                              role=role, member=member.id), "§15"))
    return findings
