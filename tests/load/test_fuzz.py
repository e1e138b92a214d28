"""Fuzzing: whatever the secretary types, the answer is a document that opens or file:line messages.

Hypothesis mutates a valid project (wrong types, missing and extra keys, odd
unicode, raw bytes in the YAML text, boundary counts for quorum and votes)
and runs the command line on it. Every run must end in one of two ways:
exit 0 with documents python-docx can open, or exit 1 with every stderr line
shaped `path:line: message` (or the summary line). Never a traceback, never a
temporary file, never a changed input. Derandomized: CI runs the same examples.
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import docx
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli.main import cli
from tests.support.docx_reading import snapshot, stderr_is_findings_only, temporary_files
from tests.support.inputs import BASE_MEETING, ROOT, VOTING, ProjectDir, meeting

# SHTAB_FUZZ_EXAMPLES=2000 hunts longer, with fresh random examples (CI: 60, always the same ones).
_HUNT = int(os.environ.get("SHTAB_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_HUNT or 60, deadline=None, derandomize=not _HUNT, print_blob=True,
                database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SPECIAL_TEXTS = ["", " ", "\t", "\n", "x\x07y", "\ud800", "\udfff", "\ufffe", "\x85", "\u2028", "\u202e",
                 "\ufeff", "{{ 7*7 }}", "{% raw %}", "<w:p>", "]]>", "&amp;", "😀", "й" * 5000, "2026-02-30",
                 "2026-13-01", "0001-01-01", "unanimous", "akim", "ghost", "secretary", "kk", "ru", "10:00",
                 "25:61", "2026-H1/1", "null", "~", "yes", "- a", "a: b", "'", '"', "\\", "%", "@", "*", "&a"]
IDS = st.sampled_from(VOTING + ["secretary", "ghost", "AKIM", ""])
ODD_TEXT = st.one_of(st.sampled_from(SPECIAL_TEXTS), st.text(max_size=12),
                     st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF,
                                                    exclude_categories=()), max_size=6))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 40), st.integers(), st.floats(), ODD_TEXT, IDS,
                    st.dates().map(str))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(["kk", "ru", "en", "for", "against", "abstained", "name",
                                               "position", "member", "date", "text", "by"]), ODD_TEXT),
                    inner, max_size=3)), max_leaves=8)


def node_paths(tree: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a YAML tree: keys of mappings and indexes of lists."""
    paths = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            paths += node_paths(value, prefix + (key,))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            paths += node_paths(value, prefix + (index,))
    return paths


def parent_and_key(tree: Any, path: tuple) -> tuple[Any, Any]:
    node = tree
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


def mutate(data: st.DataObject, tree: Any) -> Any:
    """One edit a hurried secretary could make: delete, replace, add a key or a list entry, duplicate."""
    tree = copy.deepcopy(tree)
    path = data.draw(st.sampled_from(node_paths(tree)[1:]), label="path")
    parent, key = parent_and_key(tree, path)
    operation = data.draw(st.sampled_from(["delete", "replace", "replace", "add_key", "grow_list"]), label="edit")
    if operation == "delete":
        del parent[key]
    elif operation == "replace":
        parent[key] = data.draw(VALUES, label="value")
    elif operation == "add_key":
        new_key = data.draw(st.one_of(st.sampled_from(["numbr", "plase", "dissent", "vote", "for", "signed"]),
                                      st.text(min_size=1, max_size=8)), label="key")
        if isinstance(parent, dict):
            parent[new_key] = data.draw(VALUES)
        elif isinstance(parent[key], dict):
            parent[key][new_key] = data.draw(VALUES)
        else:
            parent[key] = {new_key: data.draw(VALUES)}
    elif isinstance(parent, list):
        parent.insert(key, data.draw(st.one_of(VALUES, st.just(copy.deepcopy(parent[key])))))
    else:
        parent[key] = [parent[key], data.draw(VALUES)]
    return tree


def dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def assert_answer_is_clean(project: ProjectDir, *args: str):
    """The one property: a document that opens, or file:line messages; nothing else, ever."""
    inputs_before = snapshot(project.inputs)
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    if result.exit_code == 0:
        for path in project.outputs.rglob("*.docx"):
            docx.Document(str(path))  # opens: the XML is well formed and the package whole
    else:
        assert stderr_is_findings_only(result.stderr), result.stderr
    assert not temporary_files(project.outputs)
    assert snapshot(project.inputs) == inputs_before
    return result


def fresh_project(root: str) -> ProjectDir:
    return ProjectDir(Path(root))


@FUZZ
@given(st.data())
def test_mutated_meetings_give_documents_or_findings(data):
    tree = meeting(invited=[{"name": "Гость", "position": {"kk": "маман", "ru": "специалист"}}],
                   absent=[{"member": "knb", "reason": "командировка"}])
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        tree = mutate(data, tree)
    with tempfile.TemporaryDirectory() as root:
        project = fresh_project(root)
        project.write("meetings/2026-01.yaml", dump(tree))
        assert_answer_is_clean(project, "protocol")


@FUZZ
@given(st.data())
def test_mutated_body_gives_documents_or_findings(data):
    with tempfile.TemporaryDirectory() as root:
        project = fresh_project(root)
        body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
        project.write("body.yaml", dump(mutate(data, body)))
        project.meeting()
        assert_answer_is_clean(project, "all")


@FUZZ
@given(st.data())
def test_raw_edits_of_the_yaml_text_give_documents_or_findings(data):
    """Keystrokes in the file itself: any character (controls, BOMs, tabs, quotes) inserted or text deleted."""
    text = dump(meeting())
    for _ in range(data.draw(st.integers(1, 3), label="keystrokes")):
        position = data.draw(st.integers(0, len(text)), label="position")
        if data.draw(st.booleans(), label="insert"):
            typed = data.draw(st.one_of(st.sampled_from(["\t", "\x07", "\x00", "\ufeff", ":", "- ", "  ", "\n",
                                                         "'", '"', "#", "&x ", "*x", "!!binary ", "{", "]"]),
                                        st.text(max_size=4)), label="typed")
            text = text[:position] + typed + text[position:]
        else:
            text = text[:position] + text[position + data.draw(st.integers(1, 40), label="deleted"):]
    with tempfile.TemporaryDirectory() as root:
        project = fresh_project(root)
        path = project.inputs / "meetings" / "2026-01.yaml"
        path.parent.mkdir(parents=True)
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        assert_answer_is_clean(project, "protocol")


@settings(FUZZ, max_examples=_HUNT or 40)
@given(present=st.integers(0, 16), against=st.integers(0, 16), abstained=st.integers(0, 16),
       stand_ins=st.integers(0, 3), secretary_present=st.booleans())
def test_boundary_counts_of_quorum_and_votes(present, against, abstained, stand_ins, secretary_present):
    """§20 and §13 at their edges: 10, 11, 12 of 16 present; votes around half of N; the answer is clean and
    the protocol is refused exactly when the quorum is missed or a vote names someone who may not vote."""
    members = VOTING[:present] + (["secretary"] if secretary_present else [])
    voters = [m for m in members if m != "secretary"]
    vote = {"against": voters[:against], "abstained": voters[against:against + abstained]}
    tree = meeting(present=members or ["secretary"],
                   absent=[{"member": m} for m in VOTING[present:]],
                   stand_ins=[{"for": m, "name": f"Заместитель {i}"} for i, m in enumerate(VOTING[present:][:stand_ins])],
                   items=[dict(copy.deepcopy(BASE_MEETING["items"][0]), vote=vote)])
    with tempfile.TemporaryDirectory() as root:
        project = fresh_project(root)
        project.write("meetings/2026-01.yaml", dump(tree))
        result = assert_answer_is_clean(project, "protocol")
        quorum = len(voters) * 3 >= 16 * 2
        head_present = "akim" in voters
        assert (result.exit_code == 0) == (quorum and head_present), result.stderr


SAMPLE_FILES = ["plans/2026-H1.yaml", "control/2026.yaml", "indicators/2026.yaml", "meetings/2026-03.yaml"]


@settings(FUZZ, max_examples=_HUNT or 20)
@given(st.data())
def test_mutated_sample_inputs_give_findings_not_tracebacks(data):
    """Plans, the control register and indicators too: one sample file edited, every rule run by `check`."""
    relative = data.draw(st.sampled_from(SAMPLE_FILES), label="file")
    with tempfile.TemporaryDirectory() as root:
        project = fresh_project(root)
        shutil.copytree(ROOT / "inputs", project.inputs, dirs_exist_ok=True)
        tree = yaml.safe_load((project.inputs / relative).read_text(encoding="utf-8"))
        project.write(relative, dump(mutate(data, tree)))
        inputs_before = snapshot(project.inputs)
        result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "check"])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
        if result.exit_code == 1:  # findings on stdout, the summary on stderr
            assert stderr_is_findings_only(result.stdout + result.stderr), result.output
        assert snapshot(project.inputs) == inputs_before
