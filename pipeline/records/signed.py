"""§15: a signed protocol is a fixed record.

Once the chair has signed a protocol (`protocol.signed: true`) it is sealed in
records/ (records.py) with the fingerprint of the inputs it was made from. The
inputs of that meeting may then no longer change: the record and the inputs
would tell two stories. Each changed key is an error at its line; `--force`
seals a new version and keeps the old one. A template edit changes nothing:
the sealed copy is what every later run puts in outputs/.
"""

from __future__ import annotations

import re
from typing import Callable

from ..core.errors import Finding, Loc, error
from ..core.kinds import PROTOCOL
from ..load.loader import readable
from ..load.models import Meeting
from ..locale.messages import Message, _
from .fingerprint import Change

SHOWN = 10   # changes named one by one per meeting; the rest are counted

_STEP = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


def readable_key(key: str) -> tuple:
    """A fingerprint's key in her words: 'items[2].heard.ru' → ("question 2", "heard.ru").

    The fingerprint counts list entries from 1 and names a plan question by its number ('items[no 3]'); the
    keys stay so in the records (they are sealed), and only what is shown to her is put in words.
    """
    path: list = []
    for index, name in _STEP.findall(key):
        if not index:
            path.append(name)
        elif index.isdigit() or index.startswith("no ") and index[3:].isdigit():
            path.append(int(index.removeprefix("no ")) - 1)   # readable() counts from 0 and says it from 1
        else:
            path.append(index)
    return readable(tuple(path))


def described(change: Change, file_of: Callable[[str], str] = str) -> Message:
    """One change of a sealed meeting's inputs in her words: the file, the key as she reads it, what happened."""
    return _("{file}: '{key}' {kind}", file=file_of(change.file), key=readable_key(change.key),
             kind=_kind(change.kind))


def _kind(kind: str) -> Message:
    return {"changed": _("was changed"), "added": _("was added"), "removed": _("was removed")}[kind]


def sealed_inputs_changed(meeting_id: str, changes: list[Change], file_of: Callable[[str], str],
                          folder: str) -> list[Finding]:
    """§15: one error per key of a sealed meeting's inputs that differs from the seal, at its current line."""
    findings = []
    for change in changes[:SHOWN]:
        findings.append(error(
            Loc(file_of(change.file), change.line),
            _("meeting {meeting}: the protocol is signed and sealed in {folder}, so its inputs may no longer "
              "change, but '{key}' {kind} since; undo the change, or seal a new version knowingly with --force",
              meeting=meeting_id, folder=folder, key=readable_key(change.key), kind=_kind(change.kind)), "§15",
            PROTOCOL))
    if len(changes) > SHOWN:
        last = changes[SHOWN]
        findings.append(error(Loc(file_of(last.file), last.line),
                              _("meeting {meeting}: and {count} more change(s) since the protocol was sealed",
                                meeting=meeting_id, count=len(changes) - SHOWN), "§15", PROTOCOL))
    return findings


def unsigned_after_seal(meeting: Meeting) -> Finding:
    """§15: a signature cannot be taken back; --force seals new versions of a signed protocol only."""
    return error(meeting.protocol.loc_of("signed"),
                 _("meeting {meeting}: the protocol was signed and sealed; 'signed: false' cannot undo that, and "
                   "--force seals only a signed protocol: set 'signed: true' again", meeting=meeting.id),
                 "§15", PROTOCOL)
