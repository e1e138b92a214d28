"""The last checks before anything is written: what a document holds and where it goes.

Whether a signed protocol may change is the records' business (sealing.py, §15).

All run before the first byte is written, so a refusal leaves outputs/
exactly as it was.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path, PurePath
from typing import Any, Iterable

from ..core.errors import Finding, Loc, error
from ..load.source import display_path
from ..locale.messages import _

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
            findings.append(error(Loc(display_path(target)), _("'{name}' is not a safe file name for a document: "
                                                               "ids may hold only a-z, 0-9 and '-'; rename the input "
                                                               "file; nothing was written", name=str(relative))))
        elif not _inside(target.resolve(), root):
            findings.append(error(Loc(display_path(target)), _("the document would be written outside the outputs "
                                                               "folder {folder} (a folder there is a link to "
                                                               "elsewhere); nothing was written",
                                                               folder=display_path(outputs))))
    return findings


# What XML cannot hold. "\a" and "\f" are allowed: docxtpl turns them into a new paragraph and a page break
# (`Localizer.paragraphs` uses "\a"); the input models refuse them in what the secretary types.
_XML_FORBIDDEN = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class UnprintableText(RuntimeError):
    """A context holds a character XML cannot hold: an input model lacks its check. A bug, never written."""


def refuse_unprintable(context: Any, document: str) -> None:
    """The second lock behind the models' character check: docxtpl's XML parser would silently cut the
    text at such a character, so a document would lose words without a sign. Raise instead (exit 3)."""
    for text in _strings(context):
        bad = _XML_FORBIDDEN.search(text)
        if bad:
            raise UnprintableText(f"the {document} would lose text at the character U+{ord(bad.group()):04X}, "
                                  "which the input check should have refused")


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
