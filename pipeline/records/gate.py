"""The gate before sealing (§23 Reading): a signed protocol that contradicts itself is not sealed.

Sealing makes a protocol permanent (§15). A meeting marked `signed: true`
whose protocol has any finding below is refused: the run exits 1 with the
list of what to fix, nothing is sealed and no document is written. `--force`
does not open the gate: it seals a new version of a changed protocol, never
a protocol that contradicts itself. One function per paragraph:

- §20 attendance: every member in force is present or absent; a member who
  speaks, votes or states a dissenting opinion is present (a speaker may be
  represented by a recorded stand-in);
- §15 names: the one who chairs, the one who signs, the one who approved the
  agenda and the secretary have a name in body.yaml (a post alone is no
  signature);
- §23 placeholders: no `<<...>>` mark of a scaffold is left in the meeting's
  file or in body.yaml;
- §24 deadlines: no assignment is due before the meeting that gave it.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Finding, Loc, error
from ..load.models import Body, Meeting
from ..load.models.base import PLACEHOLDER
from ..locale.messages import _
from ..rules.meeting_dates import deadlines_before_the_meeting  # §24: the one rule, also run by check
from ..rules.membership import acting_head, total_membership

PROTOCOL = "protocol"


def attendance_contradictions(meeting: Meeting, body: Body) -> list[Finding]:
    """§20 (with §13, §14): the protocol's attendance agrees with itself.

    A member in force on the day is listed as present or as absent; a member
    who speaks is present or has a recorded stand-in; a member who votes
    (for, against, abstained) or states a dissenting opinion is present.
    """
    present = set(meeting.present)
    listed = present | {a.member for a in meeting.absent}
    stood_in = {s.for_ for s in meeting.stand_ins}
    findings = [error(meeting.loc_of("absent") if meeting.absent else meeting.loc_of("present"),
                      _("'{member}' is listed neither under present nor under absent: add the id to one of them",
                        member=m.id), "§20", PROTOCOL)
                for m in total_membership(body, meeting.date) if m.id not in listed]
    for number, item in enumerate(meeting.items, start=1):
        for index, speaker in enumerate(item.speakers):
            if isinstance(speaker, str) and speaker not in present and speaker not in stood_in:
                findings.append(error(item.loc_of_item("speakers", index), _(
                    "'{member}' speaks on question {number} but is absent and no stand-in is recorded: list the "
                    "speaker as present, or record the stand-in who spoke (stand_ins)", member=speaker,
                    number=number), "§20", PROTOCOL))
        votes = [(item.vote, item.loc_of("vote"))] + [(d.vote, d.loc_of("vote")) for d in item.decisions if d.vote]
        for vote, loc in votes:
            if isinstance(vote, str):
                continue
            for side in ("for_", "against", "abstained"):
                for member_id in getattr(vote, side) or []:
                    if member_id not in present:
                        findings.append(error(loc, _(
                            "'{member}' votes on question {number} but is not present: a member votes in person "
                            "only; remove the id from the vote or list the member as present", member=member_id,
                            number=number), "§20", PROTOCOL))
        for dissent in item.dissent:
            if dissent.member not in present:
                findings.append(error(dissent.loc_of("member"), _(
                    "'{member}' states a dissenting opinion on question {number} but is not present: only a member "
                    "who attended and voted may state one", member=dissent.member, number=number), "§14", PROTOCOL))
    return findings


def unnamed_signatories(meeting: Meeting, body: Body) -> list[Finding]:
    """§15: who chairs, who signs, who approved the agenda and the secretary each have a name in body.yaml."""
    chair_id = meeting.chair or (lambda m: m.id if m else None)(acting_head(body, set(meeting.present), meeting.date))
    roles = [(chair_id, meeting.loc_of("chair") if meeting.chair else meeting.loc_of("present"),
              _("chairs the meeting")),
             (meeting.protocol.signed_by or chair_id, meeting.protocol.loc_of("signed_by"), _("signs the protocol")),
             (meeting.agenda_approved.by if meeting.agenda_approved else None,
              meeting.agenda_approved.loc_of("by") if meeting.agenda_approved else meeting.loc,
              _("approved the agenda")),
             (body.secretary.id if body.secretary else None, meeting.protocol.loc_of("signed"),
              _("signs the protocol as the secretary"))]
    findings, seen = [], set()
    for member_id, loc, what in roles:
        member = body.member(member_id) if member_id else None
        if member is None or member.name or (member_id, what.key) in seen:
            continue
        seen.add((member_id, what.key))
        findings.append(error(loc, _("'{member}' {what} but has no name in body.yaml: add name: (initials and "
                                     "surname) to this member", member=member_id, what=what), "§15", PROTOCOL))
    return findings


def unfilled_placeholders(files: list[tuple[str, str]]) -> list[Finding]:
    """§23: no `<<...>>` mark of a scaffold is left in the files the protocol is made from.

    `files` holds (the path as shown, the file's text). A comment (from `#` at
    the start of a line) is not read.
    """
    findings = []
    for shown, text in files:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue
            mark = PLACEHOLDER.search(line)
            if mark:
                findings.append(error(Loc(shown, number), _("not filled in: replace {placeholder} with the real "
                                                            "value", placeholder=mark.group()), "§23", PROTOCOL))
    return findings


def before_sealing(meeting: Meeting, body: Body, files: list[tuple[str, Path]]) -> list[Finding]:
    """§23: every finding that keeps this signed protocol from being sealed (empty: it may be sealed)."""
    texts = []
    for shown, path in files:
        try:
            texts.append((shown, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue            # the loader has reported the file; the gate judges what could be read
    return (attendance_contradictions(meeting, body) + unnamed_signatories(meeting, body)
            + unfilled_placeholders(texts) + deadlines_before_the_meeting(meeting))
