"""The reliability suite: the attacks once made on the program, kept as tests (tests/reliability/).

`make test` runs its quick share; the tests marked `stress` (every damage of the records against `all` as well
as `protocol`, every hostile file as body.yaml as well as a meeting, a full disk under `all`) run only with
SHTAB_STRESS=1, which `make stress` sets, together with the random kills of tests/records/test_records_kill.py.
"""

from __future__ import annotations

import os

STRESS = "SHTAB_STRESS"


def pytest_collection_modifyitems(config, items):
    if os.environ.get(STRESS) == "1":
        return
    kept, left = [], []
    for item in items:
        (left if item.get_closest_marker("stress") else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
