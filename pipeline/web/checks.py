"""Live findings: the project checked as if the form were saved, without touching her file.

The same stages as `check` (load → rules → every document's texts), run on a
copy of inputs/ in which the edited file holds the form's text. Findings
name the real file, so they read exactly as `check` would print them after a
save. One check at a time runs in a worker thread (Starlette's thread pool), so
the server keeps answering while it works.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import tempfile
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from .. import stages
from ..core.errors import Finding, Loc
from ..load.source import MAX_BYTES, display_path

_LOCK = threading.Lock()
_LATEST: dict[str, int] = {}     # file → the number of the newest check asked for it


def ticket(file: Path) -> int:
    """Number a check of `file`: a check that is no longer the newest when its turn comes is skipped.

    The browser aborts a check when she changes another field before it answers
    (htmx `hx-sync="this:replace"`), but the server would still work through each
    one in turn; the newest is the only answer anybody will read.
    """
    with _LOCK_TICKETS:
        number = _LATEST.get(str(file), 0) + 1
        _LATEST[str(file)] = number
        return number


_LOCK_TICKETS = threading.Lock()


@dataclass
class Checked:
    findings: list[Finding]
    assessment: stages.Assessment


def check_inputs(inputs: Path, as_of: dt.date) -> Checked:
    """The project as it is on disk: every finding, as `check` finds them (put into words by the page)."""
    with _LOCK:
        assessment = stages.prepare(inputs, as_of)
        return Checked(stages.check_project(assessment), assessment)


def check_with(inputs: Path, edited: Path, text: str, as_of: dt.date, number: int | None = None) -> Checked | None:
    """The project with `edited` (a file under `inputs`) holding `text`; findings name the real files.

    None when `number` (from `ticket`) is no longer the newest check of that file.
    """
    relative = edited.resolve().relative_to(inputs.resolve())
    with _LOCK, tempfile.TemporaryDirectory(prefix="shtab-check-") as scratch:
        if number is not None and _LATEST.get(str(edited)) != number:
            return None
        shadow = Path(scratch) / "inputs"
        shutil.copytree(inputs, shadow, ignore=shutil.ignore_patterns(".*"), copy_function=_copy_input)
        (shadow / relative).parent.mkdir(parents=True, exist_ok=True)
        (shadow / relative).write_text(text, encoding="utf-8")
        assessment = stages.prepare(shadow, as_of)
        findings = stages.check_project(assessment)
        return Checked([_renamed(f, display_path(shadow), display_path(inputs)) for f in findings], assessment)


def _copy_input(source: str, target: str) -> None:
    """copytree's copy: a regular file of at most 5 MB is copied; anything else (a link to /dev/zero, a pipe, a
    6 MB or unreadable file) is linked, so that reading it in the copy refuses it as `check` does, at once."""
    try:
        info = os.stat(source)
        if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
            shutil.copy2(source, target)
            return
    except OSError:
        pass
    try:
        os.symlink(os.path.abspath(source), target)
    except OSError:       # no links here (Windows without the right): the copy lacks it, and says it is missing
        pass


def _renamed(finding: Finding, shadow: str, real: str) -> Finding:
    if not finding.loc.file.startswith(shadow):
        return finding
    return replace(finding, loc=Loc(real + finding.loc.file[len(shadow):], finding.loc.line))


def findings_of(findings: list[Finding], file: Path) -> list[Finding]:
    name = display_path(file)
    return [f for f in findings if f.loc.file == name]
