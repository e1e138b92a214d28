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
    text: str = ""

    @property
    def loc(self) -> Loc:
        return Loc(self.file, 1)

    def loc_of(self, key: str) -> Loc:
        """The line of the first `"key":` of the file (a package is written one key a line), else the file."""
        marker = f'"{key}"'
        for number, line in enumerate(self.text.splitlines(), start=1):
            if marker in line:
                return Loc(self.file, number)
        return self.loc


def _folder_year(path: Path) -> int | None:
    name = path.parent.name
    return int(name) if name.isdigit() and len(name) == 4 else None


def _quick(path: Path, name: str) -> ReceivedPackage | None:
    """A package as its district's program wrote it: JSON read and checked at once (an oblast holds hundreds).
    None when anything is wrong with it: the careful reading below then says where."""
    try:
        text = path.read_text(encoding="utf-8")
        content = json.loads(text)
        package = AnnualPackage.model_validate(content)
    except (OSError, UnicodeDecodeError, ValueError):   # pydantic's ValidationError is a ValueError
        return None
    holds = isinstance(content, dict) and content_checksum(content) == package.content_sha256
    return ReceivedPackage(name, _folder_year(path), package, holds, text)


def read_package(path: Path, project: Project) -> ReceivedPackage | None:
    name = display_path(path)
    quick = _quick(path, name)
    if quick is not None:
        return quick
    tree, findings = read_yaml(path)     # the way every input is read: each problem at its line
    project.findings += [f for f in findings if f.is_error]
    if tree is None:
        return None
    package, findings = parse_tree(tree, AnnualPackage, name)
    project.findings += findings
    if package is None:
        return None
    return ReceivedPackage(name, _folder_year(path), package, False, path.read_text(encoding="utf-8"))


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
