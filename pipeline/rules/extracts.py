"""§23, §24: who receives which decisions of a protocol, for execution.

§23: the protocol, once signed by the head, goes to the members for execution.
Each body responsible for a decision receives an extract: only its own
decisions, and only decisions that were adopted (§13) at a meeting with a
quorum (§20) — a decision that was not adopted orders nothing. The same body
typed the same way in every language is one addressee; a member id of
body.yaml (`responsible: [education]`) addresses that member's post.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import Finding, error, warning
from ..core.kinds import EXTRACTS
from ..load.models import Body, MemberRef, Text
from ..locale.messages import _
from .control import is_assignment
from .meeting import DecisionResult, ItemResult, MeetingResult

AddresseeKey = tuple


def addressee_key(body: Text) -> AddresseeKey:
    """One addressee per body: a member id names its member, a text is the same body when typed the same."""
    if isinstance(body, MemberRef):
        return ("member", body.member_id)
    return ("text",) + tuple(sorted(body.values.items()))


@dataclass(frozen=True)
class Addressee:
    """A responsible body as the letters address it: its key, and its name as first typed."""

    key: AddresseeKey
    name: Text

    @property
    def member_id(self) -> str | None:
        return self.key[1] if self.key[0] == "member" else None


@dataclass
class ExtractQuestion:
    """A question of the protocol and the decisions on it that fall to one addressee."""

    item: ItemResult
    decisions: list[DecisionResult] = field(default_factory=list)


@dataclass
class Extract:
    """One extract from a protocol (§23): its addressee and its questions, in protocol order."""

    number: int                      # 1, 2, ... in order of first mention in the protocol
    addressee: Addressee
    questions: list[ExtractQuestion] = field(default_factory=list)


# ---------------------------------------------------------------- §24: responsible bodies named by member id


def bind_responsible(result: MeetingResult, body: Body) -> list[Finding]:
    """§24: a responsible member id (the addressee of extracts and reminders) must name a member of body.yaml;
    bound, it prints as the member's post; else an error naming the nearest id."""
    refs = [ref for item in result.meeting.items for decision in item.decisions for ref in decision.responsible]
    return bind_member_ids(refs, body, "§24")


def bind_member_ids(refs, body: Body, section: str) -> list[Finding]:
    """Wherever a document prints a body (a plan's responsible, a material's `from`), a member id prints as the
    member's post; a value that looks like an id but names no member is an error naming the nearest id."""
    from .roster import unknown_member
    findings = []
    for ref in refs:
        if not isinstance(ref, MemberRef):
            continue
        ref.member = body.member(ref.member_id)
        if ref.member is None:
            findings.append(error(ref.loc, _("{problem}; or type the body's name as {example}", problem=unknown_member(
                ref.member_id, [m.id for m in body.members]), example="{kk: ..., ru: ...}"), section))
    return findings


# ---------------------------------------------------------------- §23: extracts


def unsigned_protocol(result: MeetingResult) -> Finding | None:
    """§23: extracts go out after the head signs the protocol; an unsigned one gives none (unless forced)."""
    meeting = result.meeting
    if meeting.protocol.signed:
        return None
    return warning(meeting.loc_of("protocol"), _(
        "the protocol of meeting {meeting} is not signed (protocol: signed: false): extracts go out for execution "
        "only once the head has signed it; write signed: true after signing, or use --force", meeting=meeting.id),
        "§23", EXTRACTS)


def decisions_for_execution(result: MeetingResult) -> list[tuple[ItemResult, DecisionResult]]:
    """§13, §20, §24: the decisions that order something: the assignments (`control.is_assignment`)."""
    return [(item, decision) for item in result.items for decision in item.decisions
            if is_assignment(result, decision)]


def extracts_of(result: MeetingResult) -> list[Extract]:
    """§23: one extract per responsible body, numbered in order of first mention; only its adopted decisions."""
    extracts: dict[AddresseeKey, Extract] = {}
    for item, decision in decisions_for_execution(result):
        for responsible in decision.decision.responsible:
            key = addressee_key(responsible)
            extract = extracts.get(key)
            if extract is None:
                extract = extracts[key] = Extract(len(extracts) + 1, Addressee(key, responsible))
            if not extract.questions or extract.questions[-1].item is not item:
                extract.questions.append(ExtractQuestion(item))
            if decision not in extract.questions[-1].decisions:
                extract.questions[-1].decisions.append(decision)
    return list(extracts.values())
