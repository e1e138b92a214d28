"""The last checks before anything is written: where each document goes, and whether it may change.

Both run after every document has been rendered in memory and before the
first byte is written, so a refusal leaves outputs/ exactly as it was.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import Iterable

from .errors import Finding, Loc, error
from .rules.signed import signed_protocol_change
from .source import display_path

# Every part of an output path: ids and document names only (no "..", no hidden files, no separators).
_SAFE_PART = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")


def outside_outputs(outputs: Path, relatives: Iterable[PurePath]) -> list[Finding]:
    """Refuse an output path that would land outside --outputs: an id with '..' or '/', or a link out.

    Ids are checked where they are read (meeting ids: `MEETING_ID`); this is
    the second lock, on the path itself, that also catches a folder inside
    outputs/ that is a symbolic link to somewhere else.
    """
    root = outputs.resolve()
    findings = []
    for relative in relatives:
        target = outputs / relative
        if relative.is_absolute() or not all(_SAFE_PART.match(part) for part in relative.parts):
            findings.append(error(Loc(display_path(target)), f"'{relative}' is not a safe file name for a "
                                  "document: ids may hold only a-z, 0-9 and '-'; nothing was written"))
        elif not _inside(target.resolve(), root):
            findings.append(error(Loc(display_path(target)), "the document would be written outside the outputs "
                                  f"folder {display_path(outputs)} (a folder there is a link to elsewhere); "
                                  "nothing was written"))
    return findings


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def frozen_protocols(meetings_of, rendered: Iterable[tuple[object, Path, bytes]], force: bool) -> list[Finding]:
    """§15 for every rendered document: `meetings_of(job)` gives the meeting of a protocol job, else None."""
    findings = []
    for job, path, data in rendered:
        meeting = meetings_of(job)
        if meeting is not None:
            finding = signed_protocol_change(meeting, path, data, force)
            if finding is not None:
                findings.append(finding)
    return findings
