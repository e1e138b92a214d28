"""§20 quorum and §13 votes: who counts, who votes, when a decision is adopted."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..core.errors import Finding, Loc, error
from ..core.kinds import PROTOCOL
from ..load.models import VoteSpec
from ..locale.messages import _
from .roster import unknown_member

# The documents a meeting's findings make impossible (Finding.document).


# ---------------------------------------------------------------- §20 quorum


@dataclass(frozen=True)
class Quorum:
    present: int
    total: int

    @property
    def needed(self) -> int:
        """The least whole number of members that is at least two-thirds of N."""
        return -(-2 * self.total // 3)

    @property
    def reached(self) -> bool:
        return self.present * 3 >= self.total * 2


def quorum(present_voting: int, total: int) -> Quorum:
    """§20: the meeting is valid when at least two-thirds of the members attend (integer arithmetic)."""
    return Quorum(present_voting, total)


# ---------------------------------------------------------------- §13 votes and outcome


class Outcome(enum.Enum):
    MAJORITY = "majority"          # §13, case 1: for × 2 > N
    CASTING_VOTE = "casting_vote"  # §13, case 2: a tie, the chair voted for
    NOT_ADOPTED = "not_adopted"    # §13, case 3
    TIE_CHAIR_AGAINST = "tie_chair_against"   # §13, case 3 reached through a tie: the chair voted against
    TIE_CHAIR_NOT_FOR = "tie_chair_not_for"   # §13, case 3 reached through a tie: the chair abstained

    @property
    def adopted(self) -> bool:
        return self in (Outcome.MAJORITY, Outcome.CASTING_VOTE)


@dataclass(frozen=True)
class Tally:
    for_: tuple[str, ...]
    against: tuple[str, ...]
    abstained: tuple[str, ...]
    voters: int = 0   # the voting members present: every one of them voted for when the vote is unanimous

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.for_), len(self.against), len(self.abstained)

    @property
    def unanimous(self) -> bool:
        """Every voting member present voted for: the protocol says «единогласно» / «бірауыздан»."""
        return bool(self.for_) and len(self.for_) == self.voters and not self.against and not self.abstained


def decide(tally: Tally, total: int, chair_id: str | None) -> Outcome:
    """§13 as docs/regulation/readings.md reads it, in this order: majority of N; the chair's casting vote on a tie; else not adopted.

    A tie (for = against, at least one each) that the chair did not decide for is not adopted, and
    the protocol says so as its own case: the votes were split equally and the chair voted against
    (or, abstaining, did not vote for).
    """
    votes_for, votes_against = tally.counts[:2]
    if votes_for * 2 > total:
        return Outcome.MAJORITY
    if votes_for == votes_against and chair_id is not None and chair_id in tally.for_:
        return Outcome.CASTING_VOTE
    if votes_for == votes_against and votes_for > 0:
        return Outcome.TIE_CHAIR_AGAINST if chair_id in tally.against else Outcome.TIE_CHAIR_NOT_FOR
    return Outcome.NOT_ADOPTED


def count_votes(vote, voters: list[str], loc: Loc, roster: frozenset[str] | None = None
                ) -> tuple[Tally, list[Finding]]:
    """§13, §20: open voting by the present voting members only, each at most once.

    `voters` are the present voting members in roster order. "unanimous" is all
    of them for; {against, abstained} leaves the rest for; with `for` given,
    the three lists are taken as they are. An id that is not in the `roster` at
    all is an unknown member (§8), said so at the id's own line.
    """
    if vote == "unanimous" or vote is None:
        return Tally(tuple(voters), (), (), len(voters)), []
    assert isinstance(vote, VoteSpec)
    findings: list[Finding] = []
    seen: set[str] = set()
    lists = {"against": list(vote.against), "abstained": list(vote.abstained)}
    if vote.for_ is not None:
        lists = {"for": list(vote.for_), **lists}
    for side, ids in lists.items():
        for index, member_id in enumerate(ids):
            where = vote.loc_of_item("for_" if side == "for" else side, index)
            if roster is not None and member_id not in roster:
                findings.append(error(where, unknown_member(member_id, roster), "§8", PROTOCOL))
            elif member_id not in voters:
                findings.append(error(where, _("'{member}' is listed under vote.{side} but is not a voting member "
                                               "present at the meeting (stand-ins, invitees, the secretary and absent "
                                               "members do not vote): remove the id, or add it to present",
                                               member=member_id, side=side), "§20", PROTOCOL))
            elif member_id in seen:
                findings.append(error(where, _("'{member}' votes twice: leave the id in one list of vote only",
                                               member=member_id), "§13", PROTOCOL))
            seen.add(member_id)
    against = tuple(i for i in voters if i in lists["against"])
    abstained = tuple(i for i in voters if i in lists["abstained"] and i not in against)
    undecided = [i for i in voters if i not in against and i not in abstained]
    votes_for = tuple(i for i in undecided if "for" not in lists or i in lists["for"])
    return Tally(votes_for, against, abstained, len(voters)), findings
