"""The roster of body.yaml (Appendix 1, §8): who can be named in the records at all."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Iterable

from ..core.errors import Finding, error, warning
from ..load.models import LETTER_KINDS, SIGNER_ROLES, Body, Member
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
                                              "add name: (initials and surname)",
                                              role=role, member=member.id), "§15"))
    return findings


# ---------------------------------------------------------------- letters: who signs, who is the executor

# The kinds of letter of `letters_signed_by` and the document each one is.
LETTER_DOCUMENTS = {"notices": "notice", "reminders": "reminders", "annual_report": "annual-report"}
# The letters that carry the executor line «Исп.: …» / «Орынд.: …» at their foot.
EXECUTOR_LETTERS = ("notice", "extracts", "reminders", "annual-report")


def letter_signer(body: Body, kind: str, day: dt.date | None) -> Member | None:
    """§27.1, §22, §26.7: who signs a letter of `kind` (notices, reminders, annual_report) dated `day`.

    `letters_signed_by` in body.yaml names a role (head, deputy_head, secretary: the first member of that
    role whose membership is in force on the day) or a member id; unset, the head signs: a reminder or a
    request for information goes from the Штаб to the heads of state bodies. None when nobody fits.
    """
    chosen = getattr(body.letters_signed_by, kind, None) if body.letters_signed_by is not None else None
    who = chosen or "head"
    if who in SIGNER_ROLES:
        holders = [m for m in body.members if m.role == who]
        in_force = [m for m in holders if day is None or m.in_force_on(day)]
        return (in_force or holders or [None])[0]
    return body.member(who)


def check_letters(body: Body) -> list[Finding]:
    """Letters (§22, §23, §27.1, §26.7): each `letters_signed_by` names a role or a member; the executor line.

    An unknown signer is an error for that kind of letter. A letter goes out with the executor line
    «Исп.: <secretary's name>, тел. <phone>»: a secretary without a name or a phone is a warning (the
    letters are still written, the line as complete as body.yaml makes it).
    """
    findings: list[Finding] = []
    signed_by = body.letters_signed_by
    for kind in LETTER_KINDS:
        who = getattr(signed_by, kind, None) if signed_by is not None else None
        if who is None or who in SIGNER_ROLES or body.member(who) is not None:
            continue
        known = [m.id for m in body.members] + list(SIGNER_ROLES)
        findings.append(error(signed_by.loc_of(kind), _(
            "{unknown}; letters_signed_by.{kind} names the signer of these letters: a role ({roles}) or a member id",
            unknown=unknown_member(who, known), kind=kind, roles=", ".join(SIGNER_ROLES)), "§27.1",
            LETTER_DOCUMENTS[kind]))
    secretary = body.secretary
    if secretary is None:
        findings.append(warning(body.loc_of("members"), _(
            "no member has role: secretary: the notice, extracts, reminders and the annual report go out without "
            "the executor line (Исп. / Орынд.); add the secretary with name: and phone:"), "§27.1"))
    elif not secretary.phone:
        findings.append(warning(secretary.loc, _(
            "the secretary '{member}' has no phone in body.yaml: the executor line of letters (Исп. / Орынд.) "
            "gives no telephone; add phone: to the secretary, with the office telephone as letters print it",
            member=secretary.id), "§27.1"))
    return findings
