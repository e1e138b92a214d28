"""Shared fixtures: a project folder built from the real roster and meetings written as data."""

from __future__ import annotations

import atexit
import copy
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

from pipeline.messages import set_ui_lang

ROOT = Path(__file__).resolve().parent.parent

# The tests read the program's messages in English, its developers' language; the tests of the secretary's
# languages (tests/test_messages.py) set the language, or the locale, themselves. Set here for what runs at
# collection, and again for every test by `plain_environment`.
os.environ["SHTAB_LANG"] = "en"

# What runs keep between them (pipeline/speed_kept.py: inflections, days off, compiled templates) goes to a folder
# of this test session, not to the developer's own cache; removed when the session ends.
os.environ["SHTAB_CACHE"] = tempfile.mkdtemp(prefix="shtab-test-cache-")
atexit.register(shutil.rmtree, os.environ["SHTAB_CACHE"], True)

# Under CI=true a test skipped for want of LibreOffice fails (tests/ci_skips.py).
pytest_plugins = ["tests.ci_skips"]

# Hypothesis: the same examples on every run of `make test` (derandomized, no example database); `make fuzz`
# (SHTAB_FUZZ_EXAMPLES) hunts with fresh random ones.
settings.register_profile("derandomized", derandomize=True, database=None)
settings.register_profile("fuzz", derandomize=False)
settings.load_profile("fuzz" if os.environ.get("SHTAB_FUZZ_EXAMPLES") else "derandomized")
SAMPLE = ROOT / "inputs"
RUN_DATE = dt.date(2026, 3, 20)   # the day every test runs "as of", unless it says otherwise

# All 16 voting members of the real roster (Appendix 1) and the secretary.
VOTING = ["akim", "deputy_akim", "police", "prosecutor", "knb", "apparatus", "sport", "employment", "culture",
          "internal_policy", "economy", "youth", "education", "college", "hospital", "mental_health"]

BASE_MEETING = {
    "number": 1,
    "date": "2026-03-12",
    "time": "10:00",
    "place": {"kk": "Қостанай ауданы әкімдігінің мәжіліс залы", "ru": "зал заседаний акимата Костанайского района"},
    "kind": "regular",
    "agenda_approved": {"by": "akim", "date": "2026-03-05"},
    "documents_sent": "2026-03-08",
    "present": VOTING[:12] + ["secretary"],
    "items": [{
        "plan": "2026-H1/1",
        "title": {"kk": "Жастар арасындағы профилактика туралы", "ru": "О профилактике среди молодежи"},
        "speakers": ["police"],
        "heard": {"kk": "Полиция бөлімі ақпарат берді.", "ru": "Отдел полиции проинформировал."},
        "decisions": [{"text": {"kk": "Ақпарат назарға алынсын.", "ru": "Информацию принять к сведению."}}],
        "vote": "unanimous",
    }],
    "protocol": {"drawn_up": "2026-03-13", "signed_by": "akim"},
}


# The plan of the base meeting's half-year (§16-18): its one question is heard at the base meeting.
BASE_PLAN = {
    "approved": {"by": "akim", "date": "2025-12-26"},
    "sent_to_members": "2025-12-29",
    "items": [{
        "no": 1,
        "title": {"kk": "Жастар арасындағы профилактика туралы", "ru": "О профилактике среди молодежи"},
        "responsible": [{"kk": "Қостанай ауданының полиция бөлімі", "ru": "Отдел полиции Костанайского района"}],
        "proposed_by": "police",
        "quarter": 1,
    }],
}


def _changed(base: dict, changes: dict) -> dict:
    """A copy of `base` with some keys changed; None deletes a key."""
    data = copy.deepcopy(base)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def plan(**changes) -> dict:
    """The base plan with some keys changed."""
    return _changed(BASE_PLAN, changes)


def meeting(**changes) -> dict:
    """A valid meeting (12 of 16 present) with some keys changed.

    Unless `absent` is given, every voting member not present is listed as absent (§20: each member in
    force is either present or absent).
    """
    data = _changed(BASE_MEETING, changes)
    if "absent" not in changes and isinstance(data.get("present"), list):
        data["absent"] = [{"member": member_id} for member_id in VOTING if member_id not in data["present"]]
    return data


class ProjectDir:
    """An inputs folder in a temporary directory, written from dicts."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs = root / "inputs"
        self.outputs = root / "outputs"
        self.inputs.mkdir()
        shutil.copy(SAMPLE / "body.yaml", self.inputs / "body.yaml")
        self.plan()

    def write(self, relative: str, data) -> Path:
        path = self.inputs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    def plan(self, plan_id: str = "2026-H1", **changes) -> Path:
        return self.write(f"plans/{plan_id}.yaml", plan(**changes))

    def meeting(self, meeting_id: str = "2026-01", **changes) -> Path:
        return self.write(f"meetings/{meeting_id}.yaml", meeting(**changes))


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
    tests seal DOCX only, and the tests of the PDF/A copies (tests/test_records_pdfa.py) turn it back on."""
    monkeypatch.setenv("SHTAB_SEAL_PDF", "0")
