"""Stage 1 for an oblast Штаб: the districts' annual packages as received, under inputs/districts/<year>/.

Each file is read with its lines (the same reader as every YAML input: JSON is YAML), checked against the
package model, and its checksum recomputed from the file's own JSON. A file that cannot be read gives its
own finding and is left out; `check` (pipeline/region/checks.py) judges the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import Loc, error
from ..load.loader import Project, parse_tree
from ..load.models.package import AnnualPackage
from ..load.source import display_path, read_yaml
from ..locale.messages import _
from .package import content_checksum

FOLDER = "districts"


@dataclass(frozen=True)
class ReceivedPackage:
    """One district's package: where it lies, the year of its folder, what it says, whether its checksum holds."""

    file: str
    folder_year: int | None
    package: AnnualPackage
    checksum_holds: bool

    @property
    def loc(self) -> Loc:
        return Loc(self.file, 1)


def _folder_year(path: Path) -> int | None:
    name = path.parent.name
    return int(name) if name.isdigit() and len(name) == 4 else None


def _checksum_holds(path: Path, stated: str) -> bool:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return False
    return isinstance(content, dict) and content_checksum(content) == stated


def read_package(path: Path, project: Project) -> ReceivedPackage | None:
    name = display_path(path)
    tree, findings = read_yaml(path)
    project.findings += [f for f in findings if f.is_error]
    if tree is None:
        return None
    package, findings = parse_tree(tree, AnnualPackage, name)
    project.findings += findings
    if package is None:
        return None
    return ReceivedPackage(name, _folder_year(path), package, _checksum_holds(path, package.content_sha256))


def load_districts(project: Project) -> None:
    """inputs/districts/<year>/*.json: the packages an oblast Штаб received; a district Штаб has none."""
    folder = project.inputs / FOLDER
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*/*")):
        if path.is_dir():
            continue
        if path.suffix != ".json":
            project.findings.append(error(Loc(display_path(path)), _(
                "a district's annual package is a .json file written by its annual-report; move this file out "
                "of {folder}", folder=f"{FOLDER}/")))
            continue
        received = read_package(path, project)
        if received is not None:
            project.districts.append(received)
