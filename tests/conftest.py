"""Shared fixtures: the plain environment of every test, a fixed run date, a project folder (tests/support/inputs.py)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.locale.messages import set_ui_lang
from tests.support.inputs import RUN_DATE, ProjectDir

# The tests read the program's messages in English, its developers' language; the tests of the secretary's
# languages (tests/cli/test_messages.py) set the language, or the locale, themselves. Set here for what runs at
# collection, and again for every test by `plain_environment`.
os.environ["SHTAB_LANG"] = "en"

# What runs keep between them (pipeline/core/cache.py: inflections, days off, compiled templates) goes to a folder
# of this test session, not to the developer's own cache; removed when the session ends.
os.environ["SHTAB_CACHE"] = tempfile.mkdtemp(prefix="shtab-test-cache-")
atexit.register(shutil.rmtree, os.environ["SHTAB_CACHE"], True)

# Under CI=true a test skipped for want of LibreOffice fails (tests/support/ci_skips.py).
pytest_plugins = ["tests.support.ci_skips"]

# Hypothesis: the same examples on every run of `make test` (derandomized, no example database); `make fuzz`
# (SHTAB_FUZZ_EXAMPLES) hunts with fresh random ones.
settings.register_profile("derandomized", derandomize=True, database=None)
settings.register_profile("fuzz", derandomize=False)
settings.load_profile("fuzz" if os.environ.get("SHTAB_FUZZ_EXAMPLES") else "derandomized")
@pytest.fixture
def project(tmp_path: Path) -> ProjectDir:
    return ProjectDir(tmp_path)


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    """Whatever the developer's shell exports: messages in English (SHTAB_LANG) and a neutral locale.

    A test of the secretary's languages sets SHTAB_LANG or LANG itself (monkeypatch), after this.
    """
    set_ui_lang("en")   # and the language a previous test's command chose (--ui-lang kk) is not carried over;
    # first, because it sets LANGUAGE for Click's gettext, which the lines below then take away
    monkeypatch.setenv("SHTAB_LANG", "en")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("SHTAB_PROJECT", raising=False)   # set by the launchers: the folders of the test instead


@pytest.fixture(autouse=True)
def fixed_run_date(monkeypatch):
    """The date of the run, fixed through the command line's own clock (SHTAB_AS_OF, the default of --as-of).

    §12 checks past quarters, §18 past half-years and the register's as-of date defaults to the
    run's day. 2026-03-20 is inside the first quarter of the sample year, so a project of one
    meeting on 2026-03-12 has no quarter behind it to miss. Tests that need another day set
    SHTAB_AS_OF again, pass --as-of, or give `stages.prepare` their own date.
    """
    monkeypatch.setenv("SHTAB_AS_OF", RUN_DATE.isoformat())


@pytest.fixture(autouse=True)
def seal_without_pdf(monkeypatch):
    """Sealing a signed protocol (records.py) makes PDF/A copies with LibreOffice, a few seconds a run:
    tests seal DOCX only, and the tests of the PDF/A copies (tests/records/test_records_pdfa.py) turn it back on."""
    monkeypatch.setenv("SHTAB_SEAL_PDF", "0")
