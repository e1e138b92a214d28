"""The docs stay as they were laid out: a README of one screen, docs by audience whose links all lead somewhere,
a benchmark page only `make bench` writes, and a repository that stands alone (no reference to folders outside
it, no history of the work in the code and docs: that belongs in git)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README_LINES = 150
OUTSIDE = "../" + "shared"                                    # written so that this file does not name it itself
HISTORY = re.compile(r"\bissues? \d+", re.IGNORECASE)         # the word and a number after it
LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")             # [text](path#anchor), a markdown link


def tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def texts() -> list[tuple[Path, str]]:
    found = []
    for path in tracked_files():
        data = path.read_bytes()
        if b"\0" in data:                                     # a picture, a template: no text to read
            continue
        found.append((path, data.decode("utf-8", errors="replace")))
    return found


def test_the_readme_is_one_screen():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_LINES, f"README.md has {len(lines)} lines; move the detail into docs/"


@pytest.mark.parametrize("pattern, what", [
    (re.compile(re.escape(OUTSIDE)), "a folder outside the repository"),
    (re.compile(r"\b(RULES|CONTRACT)\.md\b"), "a file outside the repository (docs/regulation/ holds them in its words)"),
    (HISTORY, "an issue by its number (history belongs in git)"),
], ids=["outside", "outside-files", "issues"])
def test_no_tracked_file_names(pattern, what):
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}"
             for path, text in texts() if path != Path(__file__)     # this file shows the pattern's examples
             for number, line in enumerate(text.splitlines(), 1) if pattern.search(line)]
    assert found == [], f"{what}:\n" + "\n".join(found)


@pytest.mark.parametrize("line, named", [
    ("see issue 12, item 4", True), ("(issues 14, 15)", True), ("Issue 16: the Kazakh", True),
    ("the issue asks", False), ("tissue 5", False), ("issue12", False),
])
def test_what_counts_as_naming_an_issue(line, named):
    assert bool(HISTORY.search(line)) is named


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


@pytest.mark.parametrize("page", markdown_files(), ids=lambda page: str(page.relative_to(ROOT)))
def test_every_link_of_the_docs_leads_to_a_file(page):
    text = page.read_text(encoding="utf-8")
    missing = [target for target in LINK.findall(text)
               if not target.startswith(("http://", "https://", "mailto:")) and not (page.parent / target).exists()]
    assert missing == [], f"{page.relative_to(ROOT)} links to what does not exist: {missing}"


def test_the_docs_are_by_audience():
    for folder, pages in {"user": ["guide.kk.md", "guide.ru.md", "reference.md"],
                          "dev": ["architecture.md", "recipes.md", "speed.md", "benchmark.md"],
                          "regulation": ["readings.md", "contract.md", "documentation-rules.md"]}.items():
        for name in pages:
            assert (ROOT / "docs" / folder / name).is_file(), f"docs/{folder}/{name}"


def _bench():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return bench


def test_the_benchmark_page_is_the_one_make_bench_writes():
    bench = _bench()
    written = bench.page(["| figure | measured |", "| --- | --- |"], ["--reps", "1"])
    assert written.startswith("# Benchmark\n") and "`python tools/bench.py --reps 1`" in written
    assert bench.BENCHMARK == ROOT / "docs" / "dev" / "benchmark.md"
    committed = bench.BENCHMARK.read_text(encoding="utf-8")
    assert committed.startswith("# Benchmark\n\n" + bench.GENERATED + " (`python tools/bench.py"), \
        "docs/dev/benchmark.md is written by `make bench`, not by hand"
    assert "| figure | measured |" in committed


def test_the_rooms_of_a_walk_are_counted_from_the_code_that_ran(monkeypatch, tmp_path):
    """tools/rooms.py, which counts the walk of docs/dev/architecture.md: `check` runs the loader and the rules,
    and renders nothing, so no function of render/docx.py or render/templates.py runs."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import rooms
    finally:
        sys.path.remove(str(ROOT / "tools"))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.chdir(tmp_path)
    modules, status = rooms.walk(["--inputs", str(ROOT / "inputs"), "--outputs", str(tmp_path / "out"), "-q", "check"])
    assert status == 0
    assert {"load/loader.py", "rules/assessment.py", "stages.py", "cli/main.py"} <= set(modules)
    assert not {"render/docx.py", "render/templates.py"} & set(modules)
