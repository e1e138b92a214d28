"""§15: a signed protocol is frozen.

Once the chair has signed a protocol (`protocol.signed: true`), the file in
outputs/ is the record: a later run must not replace it with different bytes,
whatever changed (the meeting file, body.yaml, a template, the program). Only
`--force` replaces it, and the run says so. A protocol never written before is
simply written; the same bytes again are no change.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Finding, error, warning
from ..models import Meeting
from ..source import display_path

PROTOCOL = "protocol"


def signed_protocol_change(meeting: Meeting, path: Path, data: bytes, force: bool) -> Finding | None:
    """§15: refuse (or, with --force, report) a run that would change a signed protocol already in outputs."""
    if not meeting.protocol.signed or not _exists(path) or _same_bytes(path, data):
        return None
    loc = meeting.protocol.loc_of("signed")
    shown = display_path(path)
    if force:
        return warning(loc, f"meeting {meeting.id}: the protocol is signed, yet {shown} was replaced with a "
                            "different one because of --force", "§15", PROTOCOL)
    return error(loc, f"meeting {meeting.id}: the protocol is signed and may no longer change, but this run would "
                      f"change {shown} (the inputs or the templates were edited); undo the change, or replace it "
                      "knowingly with --force", "§15", PROTOCOL)


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _same_bytes(path: Path, data: bytes) -> bool:
    """An unreadable file counts as different: only --force may replace what cannot be compared."""
    try:
        return path.is_file() and path.read_bytes() == data
    except OSError:
        return False
