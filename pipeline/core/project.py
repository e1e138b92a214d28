"""Where the project is: one `ProjectPaths` (inputs, outputs, records, cache, templates), built once per run.

A project is a folder of one Штаб's data, apart from the program: `inputs/`
(what the secretary writes), `outputs/` (the documents), `records/` (the sealed
protocols) and, when she wants her own wording, `templates_docx/` (whole
templates or `phrases.yaml`, each overriding the program's own). The program
may be a git checkout (whose own folder is the sample project) or an installed
package (`pip install`, the Windows bundle): it never takes its own folder for
hers.

The project folder is, in this order (`resolve`):
1. `--project DIR`;
2. `SHTAB_PROJECT` (for a shortcut or a script that runs from anywhere);
3. the current folder, when it holds `inputs/`.
Otherwise a command that reads the inputs refuses in her language and names
`shtab init` (`not_a_project`); `--inputs FOLDER` alone still works as in
docs/regulation/contract.md (records/ in the parent of --inputs). The refusal comes before
anything is read or written.

`cli()` builds the paths once and passes them in `Options`; the rendering layer
reads the templates of the active paths (`activate`, `active`), which default to
the program's own templates when no project is active (tools, tests).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..locale.messages import _
from .errors import ShtabError

PROJECT_ENV = "SHTAB_PROJECT"
INPUTS, OUTPUTS, RECORDS, TEMPLATES = "inputs", "outputs", "records", "templates_docx"
PHRASES = "phrases.yaml"

_PACKAGE = Path(__file__).resolve().parents[1]            # pipeline/


def program_templates() -> Path:
    """The program's own templates: inside the package when installed (the wheel ships them as
    pipeline/templates_docx, setup.py), else templates_docx/ of the checkout beside pipeline/."""
    packaged = _PACKAGE / TEMPLATES
    return packaged if packaged.is_dir() else _PACKAGE.parent / TEMPLATES


@dataclass(frozen=True)
class ProjectPaths:
    """The folders of one run. `root` is None when no project was found (only --inputs, or nothing at all)."""

    root: Path | None
    inputs: Path
    outputs: Path
    records: Path
    cache: Path | None = None                      # SHTAB_CACHE when set, else the user's cache (core/cache.py)
    templates: tuple[Path, ...] = field(default_factory=lambda: (program_templates(),))

    @property
    def found(self) -> bool:
        return self.inputs.is_dir()

    @property
    def own_templates(self) -> Path | None:
        """The project's own templates_docx/, when it holds one apart from the program's."""
        return self.templates[0] if len(self.templates) > 1 else None

    def template(self, document: str, lang: str) -> Path:
        """`document.lang.docx` of the project's templates_docx/ when she has one there, else the program's."""
        name = f"{document}.{lang}.docx"
        return next((folder / name for folder in self.templates[:-1] if (folder / name).is_file()),
                    self.templates[-1] / name)

    @cached_property
    def phrase_files(self) -> tuple[Path, ...]:
        """The phrase tables, program's first: a phrase of her own phrases.yaml replaces the program's."""
        return tuple(folder / PHRASES for folder in reversed(self.templates) if (folder / PHRASES).is_file()) \
            or (self.templates[-1] / PHRASES,)


def templates_of(root: Path | None) -> tuple[Path, ...]:
    program = program_templates()
    own = root / TEMPLATES if root is not None else None
    if own is not None and own.is_dir() and _same(own, program) is False:
        return (own, program)
    return (program,)


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _relative_if_here(folder: Path) -> Path:
    """A project that is the current folder is `.`: every message then reads inputs/meetings/2026-03.yaml:12."""
    try:
        if folder.resolve() == Path.cwd().resolve():
            return Path()
    except OSError:      # the current folder was removed under her
        pass
    return folder


def project_root(project: Path | None = None, environ: Mapping[str, str] = os.environ,
                 here: Path | None = None) -> Path | None:
    """The project folder: --project, else SHTAB_PROJECT, else here when it holds inputs/, else None."""
    if project is not None:
        return _relative_if_here(project)
    named = environ.get(PROJECT_ENV, "").strip()
    if named:
        return _relative_if_here(Path(named))
    here = here or Path()
    return here if (here / INPUTS).is_dir() else None


def resolve(project: Path | None = None, inputs: Path | None = None, outputs: Path | None = None,
            environ: Mapping[str, str] = os.environ) -> ProjectPaths:
    """The run's paths. An --inputs or --outputs she names is read from where she is; records/ is in the
    parent of the inputs folder (docs/regulation/contract.md)."""
    root = project_root(project, environ)
    base = root if root is not None else Path()
    inputs = inputs if inputs is not None else base / INPUTS
    outputs = outputs if outputs is not None else base / OUTPUTS
    cache = environ.get("SHTAB_CACHE", "").strip()
    return ProjectPaths(root, inputs, outputs, inputs.parent / RECORDS, Path(cache) if cache else None,
                        templates_of(root if root is not None else inputs.parent))


_active: ProjectPaths | None = None
_program_only: ProjectPaths | None = None


def activate(paths: ProjectPaths | None) -> None:
    """The paths of this run, for the layers that look up templates and phrases (render, context.phrases)."""
    global _active
    _active = paths


def active() -> ProjectPaths:
    """The active run's paths; with none, the program's own templates (tools and tests render the sample)."""
    global _program_only
    if _active is not None:
        return _active
    if _program_only is None:
        _program_only = ProjectPaths(None, Path(INPUTS), Path(OUTPUTS), Path(RECORDS))
    return _program_only


def launcher_name() -> str:
    return "shtab.bat" if os.name == "nt" else "shtab"


def not_a_project(inputs: Path, named: Path | None = None, here: Path | None = None) -> ShtabError:
    """No project folder: say how to go to hers, how to name it, how to start one (`shtab init`).

    `named` is the folder --project or SHTAB_PROJECT named (which has no inputs/),
    `here` the folder she is in (the current one unless a test says).
    """
    if named is not None:
        return ShtabError(_(
            "{folder}: this folder has no {inputs} folder, so it is not a Штаб's project. Name the folder that holds "
            "inputs/ (--project FOLDER or SHTAB_PROJECT), or start a new Штаб there:\n"
            "  shtab init \"{folder}\"", folder=named, inputs=INPUTS))
    here = (here or Path.cwd()).resolve()
    return ShtabError(_(
        "{here}: there is no {inputs} folder here, so this is not a Штаб's project folder. Go to the project's "
        "folder (the one with inputs/) and run the command again:\n"
        "  cd \"FOLDER OF THE PROJECT\"\n"
        "or name it: --project FOLDER. To start a new Штаб in a folder of its own:\n"
        "  shtab init FOLDER", here=here, inputs=inputs))
