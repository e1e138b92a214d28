"""A meeting re-dated into another year takes an id of that year, as a new meeting of that year would.

The id of a meeting is its file's stem (the contract); the new-meeting scaffold names a meeting of a year
YYYY-NN, the NN after the highest of that year (`editing.scaffold.next_meeting_id`). A meeting whose date
moves to another year keeps no id of the old year: its file is renamed to the next id of its new year,
its protocol number becomes the next of that year unless she changed it in the same save
(`scaffold.next_protocol_number`), and the control files' references to it (`assignment: <id>/1.2`,
`by_meeting: <id>`) follow. A meeting with a sealed record keeps its id: its records are filed under it (§15).
An id that is not of the form YYYY-NN (any slug is allowed) is hers and never changed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..editing.scaffold import next_meeting_id, next_protocol_number
from ..load.loader import yaml_files
from ..locale.messages import Message, _
from ..records.store import Store
from ..write.files import write_durably
from ..write.lock import project_root
from . import yamledit
from .forms_base import parse_date, shown_date

_YEAR_ID = re.compile(r"(\d{4})-\d+")


def year_of_id(meeting_id: str) -> int | None:
    """The year an id as the new-meeting scaffold names them (YYYY-NN) holds; None for any other slug."""
    found = _YEAR_ID.fullmatch(meeting_id)
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class Moved:
    old: str
    new: str
    number: int | str | None
    references: int            # control entries that now name the new id


def move_to_its_year(inputs: Path, path: Path, number_typed: bool) -> Moved | Message | None:
    """Rename the meeting `path` to an id of the year of its date, when that year is not its id's.

    None: nothing to move. A Message: why it stays (a sealed record is filed under its id, §15).
    `number_typed`: she changed the protocol number in the same save, so it stays as she typed it.
    """
    old = path.stem
    year = year_of_id(old)
    document = yamledit.load(path)
    tree = document.tree
    day = parse_date(shown_date(tree.get("date"))) if isinstance(tree, dict) else None
    if year is None or day is None or day.year == year:
        return None
    if Store.open(project_root(inputs)).latest(old) is not None:
        return _("meeting {meeting} is dated in {year}, but keeps its id: its signed protocol is sealed under it "
                 "(§15)", meeting=old, year=day.year)
    from .. import stages
    folder = path.parent
    new = next_meeting_id(folder, day.year)
    if not number_typed:
        meetings = stages.load_project(inputs).meetings
        yamledit.set_scalar(tree, "number", next_protocol_number([m for m in meetings if m.id != old], day.year),
                            drop_empty=False)
    target = folder / f"{new}.yaml"
    with target.open("x", encoding="utf-8"):        # never over a file that is there: the id is taken
        pass
    try:
        write_durably(target, document.text().encode("utf-8"))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    references = _rename_references(inputs, old, new)
    os.unlink(path)
    return Moved(old, new, tree.get("number"), references)


def _rename_references(inputs: Path, old: str, new: str) -> int:
    """Every control entry naming the meeting (its assignments, or the meeting that extended one) renamed."""
    count = 0
    for path in yaml_files(inputs / "control"):
        try:
            document = yamledit.load(path)
        except yamledit.Unreadable:       # a control file that cannot be read: `check` names it; left as it is
            continue
        if not isinstance(document.tree, list):
            continue
        for entry in document.tree:
            if not isinstance(entry, dict):
                continue
            assignment = entry.get("assignment")
            if isinstance(assignment, str) and assignment.startswith(old + "/"):
                yamledit.set_scalar(entry, "assignment", new + assignment[len(old):])
                count += 1
            if entry.get("by_meeting") == old:
                yamledit.set_scalar(entry, "by_meeting", new)
                count += 1
        yamledit.save(document)
    return count
