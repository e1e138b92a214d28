"""Live findings: the project checked as if the form were saved, without touching her file.

The same stages as `check` (load → rules → every document's texts), run on a
copy of inputs/ in which the edited file holds the form's text. Findings
name the real file, so they read exactly as `check` would print them after a
save. One check at a time runs in a worker thread (Starlette's thread pool), so
the server keeps answering while it works.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from .. import stages
from ..errors import Finding, Loc
from ..messages import set_ui_lang
from ..source import display_path

_LOCK = threading.Lock()


@dataclass
class Checked:
    findings: list[Finding]
    assessment: stages.Assessment


def check_inputs(inputs: Path, lang: str) -> Checked:
    """The project as it is on disk: every finding, as `check` prints them, in `lang`."""
    with _LOCK:
        set_ui_lang(lang)
        assessment = stages.prepare(inputs)
        return Checked(stages.check_project(assessment), assessment)


def check_with(inputs: Path, edited: Path, text: str, lang: str) -> Checked:
    """The project with `edited` (a file under `inputs`) holding `text`; findings name the real files."""
    relative = edited.resolve().relative_to(inputs.resolve())
    with _LOCK, tempfile.TemporaryDirectory(prefix="shtab-check-") as scratch:
        set_ui_lang(lang)
        shadow = Path(scratch) / "inputs"
        shutil.copytree(inputs, shadow, ignore=shutil.ignore_patterns(".*"))
        (shadow / relative).parent.mkdir(parents=True, exist_ok=True)
        (shadow / relative).write_text(text, encoding="utf-8")
        assessment = stages.prepare(shadow)
        findings = stages.check_project(assessment)
        return Checked([_renamed(f, display_path(shadow), display_path(inputs)) for f in findings], assessment)


def _renamed(finding: Finding, shadow: str, real: str) -> Finding:
    if not finding.loc.file.startswith(shadow):
        return finding
    return replace(finding, loc=Loc(real + finding.loc.file[len(shadow):], finding.loc.line))


def findings_of(findings: list[Finding], file: Path) -> list[Finding]:
    name = display_path(file)
    return [f for f in findings if f.loc.file == name]
