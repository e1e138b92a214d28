"""Where the project is: the folder whose inputs/, outputs/ and records/ a run works on.

The secretary's commands run in the project's folder: `make` runs there, and
`python -m pipeline` reads `inputs/` of the folder it is started in (docs/regulation/contract.md:
`--inputs inputs`, `--outputs outputs`). The launchers (`./shtab`, `shtab.bat`,
`shtab.ps1`) know their own folder, which is the project's, and pass it as
SHTAB_PROJECT: then the default folders are the project's wherever she is, and
a folder she names on the command line is still read from where she is.

Started elsewhere without the launcher and without `--inputs`, the program does
not guess: a folder without inputs/ could be any folder, and a run writes
outputs/. It refuses, naming the project it was installed from (the folder
above `pipeline/`, when it holds inputs/) and the `cd` that goes there.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..locale.messages import _
from .errors import ShtabError

PROJECT_ENV = "SHTAB_PROJECT"
INPUTS, OUTPUTS = "inputs", "outputs"


def project_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder of the default inputs/ and outputs/: SHTAB_PROJECT when set (by a launcher), else here.

    Run in the project itself, the launcher's run is `python -m pipeline`'s: the
    same relative paths in every message (inputs/meetings/2026-03.yaml:12).
    """
    named = environ.get(PROJECT_ENV, "").strip()
    if not named:
        return Path()
    try:
        if Path(named).resolve() == Path.cwd().resolve():
            return Path()
    except OSError:      # the current folder was removed under her
        pass
    return Path(named)


def default_inputs(environ: Mapping[str, str] = os.environ) -> Path:
    return project_folder(environ) / INPUTS


def default_outputs(environ: Mapping[str, str] = os.environ) -> Path:
    return project_folder(environ) / OUTPUTS


def program_project() -> Path | None:
    """The project this program runs from (the folder above pipeline/), when it holds inputs/.

    The virtual environment installs the program in editable mode, so for the
    secretary this is her project; an installed copy elsewhere has none.
    """
    root = Path(__file__).resolve().parents[2]
    return root if (root / INPUTS).is_dir() else None


def launcher_name() -> str:
    return "shtab.bat" if os.name == "nt" else "shtab"


def not_a_project(inputs: Path, project: Path | None, here: Path | None = None) -> ShtabError:
    """No --inputs was given and the default inputs folder is missing: say where the project is, how to go there.

    `project` is the one the program runs from (`program_project()`, None when
    unknown), `here` the folder she is in (the current one unless a test says).
    """
    here = (here or Path.cwd()).resolve()
    if project is None or project.resolve() == here:
        return ShtabError(_(
            "{here}: there is no {inputs} folder here, so this is not the project's folder. Go to the project's "
            "folder (the one with inputs/ and shtab) and run the command again:\n"
            "  cd \"FOLDER OF THE PROJECT\"\n"
            "or name the inputs folder: --inputs FOLDER", here=here, inputs=inputs))
    return ShtabError(_(
        "{here}: there is no {inputs} folder here, so this is not the project's folder. The project is in "
        "{project}: go there and run the command again:\n"
        "  cd \"{project}\"\n"
        "or run it from any folder with the project's launcher: \"{launcher}\"",
        here=here, inputs=inputs, project=project, launcher=project / launcher_name()))
