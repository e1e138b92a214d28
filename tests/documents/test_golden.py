"""Every sample document against its committed checksum (tests/golden.sha256, made by `make golden`).

A change of any document's bytes fails here, naming the documents: if the change is deliberate, run
`make golden` and commit the new list with the reason, so that review sees which documents changed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("golden", ROOT / "tools" / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def test_the_sample_documents_are_those_of_the_checksum_list(tmp_path):
    expected = golden.read()
    actual = golden.sample_documents(tmp_path / "outputs")
    assert sorted(actual) == sorted(expected), "documents added or gone: run make golden and say why"
    changed = [path for path in sorted(actual) if actual[path] != expected[path]]
    assert not changed, ("these documents changed: " + ", ".join(changed)
                         + "; if deliberate, run make golden and say why in the commit")


def test_every_kind_that_all_makes_has_documents_in_the_checksum_list():
    """The list holds what `all` writes: each kind with `by_all` (pipeline/wiring.py), found by its file pattern."""
    import re

    from pipeline.wiring import DOCUMENTS, KINDS
    listed = sorted(golden.read())
    for kind in KINDS.values():
        pattern = re.compile(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(kind.output)) + "$")
        found = [path for path in listed if pattern.match(path)]
        assert bool(found) == (kind.id in DOCUMENTS), kind.id
