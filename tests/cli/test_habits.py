"""The habits that keep the project clean: the lint gate, CI's skips, a plain environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.locale.messages import ui_lang

ROOT = Path(__file__).resolve().parents[2]

SKIPPING = """
import pytest

def test_needs_libreoffice():
    pytest.skip("soffice is not installed (apt-get install -y libreoffice-writer-nogui)")

def test_needs_something_else():
    pytest.skip("not on this platform")
"""


@pytest.mark.parametrize("ci, code, outcome", [
    ("true", 1, "1 failed, 1 skipped"),     # CI installs LibreOffice: a skip there hides that the readers never ran
    ("", 0, "2 skipped"),                   # a developer's machine without LibreOffice: a skip
])
def test_a_libreoffice_skip_fails_under_ci(tmp_path, ci, code, outcome):
    (tmp_path / "test_skipping.py").write_text(SKIPPING, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.support.ci_skips", "-p", "no:cacheprovider",
                             "-q", str(tmp_path / "test_skipping.py")], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "CI": ci})
    assert result.returncode == code, result.stdout
    assert outcome in result.stdout


def test_the_environment_of_a_test_is_plain():
    """conftest.py: whatever the developer exports (SHTAB_LANG=ru, a Russian locale), tests see English and C."""
    assert os.environ["SHTAB_LANG"] == "en" and os.environ["LANG"] == "C.UTF-8"
    assert not {"LC_ALL", "LC_MESSAGES"} & set(os.environ)
    assert os.environ.get("LANGUAGE", "en") == "en"   # set_ui_lang keeps gettext's LANGUAGE on the UI language
    assert ui_lang() == "en"


def test_ruff_finds_nothing():
    """The lint gate of `make test` also as a test, so that `pytest` alone keeps the code clean."""
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = subprocess.run([str(ruff), "check", "--quiet", "."], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
