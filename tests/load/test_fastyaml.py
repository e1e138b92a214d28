"""The libyaml fast path builds exactly ruamel's round-trip tree, or steps aside (pipeline/load/fastyaml.py).

Every finding's line comes from that tree, so the two must agree on types,
values and the line and column of every key, value and item.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pipeline.load import fastyaml
from pipeline.load.source import read_yaml
from pipeline.load.yamlrt import round_trip_yaml as _yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not fastyaml.available(), reason="PyYAML without libyaml: ruamel parses alone")


def assert_same(fast, slow, path="") -> None:
    assert type(fast) is type(slow), (path, type(fast), type(slow))
    if isinstance(fast, (CommentedMap, CommentedSeq)):
        assert (fast.lc.line, fast.lc.col) == (slow.lc.line, slow.lc.col), path
        assert (fast.lc.data or {}) == (slow.lc.data or {}), path
        keys = list(fast.keys()) if isinstance(fast, CommentedMap) else list(range(len(fast)))
        assert keys == (list(slow.keys()) if isinstance(slow, CommentedMap) else list(range(len(slow)))), path
        for key in keys:
            assert_same(fast[key], slow[key], f"{path}/{key}")
    else:
        assert fast == slow, path


@pytest.mark.parametrize("path", sorted((ROOT / "inputs").rglob("*.yaml")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_sample_input_gives_ruamels_tree(path):
    text = path.read_text(encoding="utf-8")
    fast = fastyaml.load(text)
    assert fast is not None, "a plain sample file should take the fast path"
    assert_same(fast, _yaml().load(text))


SCALARS = [  # "" (an empty value) is left to ruamel: libyaml places it on another line
"1", "0", "-3", "+1", "010", "0x1F", "0o17", "1_000", "1.5", "71.5", ".inf", "-.inf", "1e3", "true",
           "False", "yes", "no", "on", "null", "~", "2026-03-12", "2026-02-30", "10:00", "3:25", "'quoted'",
           '"double"', "«МАК-2026»", "7-11", "|\n  literal\n  text\n", ">\n  folded\n  text\n", "[a, 1]",
           "{x: 1}"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalar_forms_match_ruamel(scalar):
    text = f"key: {scalar}\nlist:\n  - {scalar}\n" if "\n" not in scalar else f"key: {scalar}"
    fast = fastyaml.load(text)
    assert fast is not None
    assert_same(fast, _yaml().load(text))


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                          # duplicate key: ruamel's message
    "a: &x 1\nb: *x\n",                      # anchors and aliases
    "base: &b {x: 1}\nc:\n  <<: *b\n",       # merge key
    "a: !!str 5\n",                          # explicit tag
    "a: [1, 2\n",                            # malformed
    "--- 1\n--- 2\n",                        # two documents
    "a:\nb: 1\n",                            # an empty value
])
def test_unusual_files_are_left_to_ruamel(text):
    assert fastyaml.load(text) is None


def test_findings_keep_ruamels_messages(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("a: 1\nb:\n  c: 2\na: 3\n", encoding="utf-8")
    tree, findings = read_yaml(path)
    assert tree is None and findings[0].loc.line == 4 and "'a' is written twice" in str(findings[0])


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
leaves = st.one_of(texts, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                   st.floats(allow_nan=False, allow_infinity=False, width=32))
trees = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(texts, inner, max_size=4)), max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(texts, trees, min_size=1, max_size=5), st.booleans())
def test_any_dumped_tree_matches_ruamel(data, flow):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    fast = fastyaml.load(text)
    if fast is not None:
        assert_same(fast, _yaml().load(text))
