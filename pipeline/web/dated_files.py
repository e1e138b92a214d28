"""The files of the kinds made for a date (the reminders, the status report), found by their kinds' own file
patterns under outputs/: the documents page serves them for download, the page of a day lists them."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .. import stages
from ..core.kinds import REMINDERS, STATUS
from ..documents.kind import DocumentKind
from .forms_base import parse_date

# the kinds made for a date, as the page names and lists them
DATED = (REMINDERS, STATUS)
# each field of their file patterns as the job builders fill it (a letter's addressee: "03-<body>", execution.py)
_FIELD = {"as_of": r"\d{4}-\d{2}-\d{2}", "year": r"\d{4}", "lang": r"(?:kk|ru)", "addressee": r"\d{2}-[a-z0-9_-]+"}


@dataclass(frozen=True)
class DatedFile:
    """A file a dated kind wrote: its kind, its day, its place; `key` names it in a download's address."""

    kind: DocumentKind
    as_of: dt.date
    path: Path
    relative: str

    @property
    def key(self) -> str:
        return file_key(self.relative)


def file_key(relative: str) -> str:
    """A download's key: a digest of the file's place under outputs/, as the documents page makes them."""
    return hashlib.sha256(relative.encode()).hexdigest()[:16]


def _pattern(kind: DocumentKind, suffix: str) -> re.Pattern:
    """The kind's file pattern as a regular expression (its DOCX or the PDF beside it), the day captured."""
    text = re.escape(kind.output.removesuffix(".docx") + suffix)
    for name in ("as_of", "year", "lang", "addressee"):
        field = re.escape("{" + name + "}")
        if name == "as_of":
            text = text.replace(field, f"(?P<as_of>{_FIELD['as_of']})", 1).replace(field, "(?P=as_of)")
        else:
            text = text.replace(field, _FIELD[name])
    return re.compile(text + r"\Z")


def dated_files(outputs: Path) -> list[DatedFile]:
    """Every file of the dated kinds under `outputs`, found by their own patterns: regular files only, newest
    day first. A request names one of them by its key, never by a path."""
    found: list[DatedFile] = []
    if not outputs.is_dir():
        return found
    for kind_id in DATED:
        kind = stages.KINDS[kind_id]
        glob = re.sub(r"\{[a-z_]+\}", "*", kind.output.removesuffix(".docx"))
        for suffix in (".docx", ".pdf"):
            pattern = _pattern(kind, suffix)
            for path in outputs.glob(glob + suffix):
                relative = path.relative_to(outputs).as_posix()
                matched = pattern.match(relative)
                day = parse_date(matched.group("as_of")) if matched else None
                if day is not None and path.is_file() and not path.is_symlink():
                    found.append(DatedFile(kind, day, path, relative))
    return sorted(found, key=lambda f: (-f.as_of.toordinal(), DATED.index(f.kind.id), f.relative))


def dated_file(outputs: Path, key: str) -> Path | None:
    for item in dated_files(outputs):
        if item.key == key:
            return item.path
    return None
