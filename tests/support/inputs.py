"""The sample project and meetings written as data: what the tests build their inputs from.

Fixtures that use them (`project`, the plain environment, the fixed run date) are in tests/conftest.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
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
