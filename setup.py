"""The build of the wheel: the program's data that lives outside pipeline/ goes into the package.

The project's metadata is pyproject.toml; this file only adds one build step. The Word templates
(templates_docx/) and the editors' schemas (schemas/) stay at the top of the checkout, where the sample
project and the guides name them, and the wheel carries them as pipeline/templates_docx and
pipeline/schemas (pipeline/core/project.py and pipeline/editing/schema.py look there first). The message
catalogues are compiled here, .po to .mo, so that an installed program reads them as they are and never
writes into its own folder; the .po stay in the checkout. An editable install (./shtab, make) reads the
checkout itself and takes none of this.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = {"templates_docx": ("*.docx", "phrases.yaml"), "schemas": ("*.schema.json",)}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        package = Path(self.build_lib) / "pipeline"
        for folder, patterns in DATA.items():
            target = package / folder
            target.mkdir(parents=True, exist_ok=True)
            for pattern in patterns:
                for source in sorted((HERE / folder).glob(pattern)):
                    if not source.name.startswith("~$"):
                        shutil.copy2(source, target / source.name)
        compile_catalogues(HERE / "pipeline" / "locale", package / "locale")


def compile_catalogues(source: Path, target: Path) -> None:
    """Each pipeline/locale/<lang>/LC_MESSAGES/shtab.po as shtab.mo in the built package (Babel, no fuzzy)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(source.glob("*/LC_MESSAGES/shtab.po")):
        lang = po.parent.parent.name
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain="shtab")
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        mo = target / lang / "LC_MESSAGES" / "shtab.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(buffer.getvalue())
        stale = mo.with_suffix(".po")
        if stale.exists():
            stale.unlink()


setup(cmdclass={"build_py": BuildWithData})
