"""Same inputs, same bytes: on every run, in every process, on every machine.

A document is sent, signed and archived; a rerun that changed bytes would look
like a changed document. render.py writes every zip entry with a fixed date in
a fixed order; the templates carry fixed core properties; docxtpl numbers
drawing ids from a fixed start. And a file whose bytes would not change is not
rewritten, so its modification time stays and `make pdf` skips it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from pipeline import stages
from pipeline.grammar import dates
from tests.support.inputs import RUN_DATE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"


def run_all(outputs: Path, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(SAMPLE), "--outputs", str(outputs),
                             "all"], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    return result


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_runs_give_identical_bytes(tmp_path):
    """Two runs of `all` into two folders, seconds apart: every file is the same to the byte.

    (Both are processes of the same day and time zone: the register's as-of date is, by the contract,
    the day of the run.)"""
    first, second = tmp_path / "first", tmp_path / "second"
    run_all(first, SHTAB_WORKERS="1")
    run_all(second)
    a, b = tree(first), tree(second)
    assert a and a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_rendering_in_parallel_gives_the_same_bytes_in_the_same_order(monkeypatch):
    """Worker processes render the same bytes as one process, returned in the order of the jobs:
    forked from a forkserver (Linux, macOS), from this process, and spawned (Windows has no fork); the
    workers receive the contexts pickled."""
    from pipeline.render import docx as render
    from pipeline.render import many
    assessment = stages.prepare(SAMPLE, RUN_DATE)
    built, _ = stages.build_contexts(stages.jobs_for(assessment, list(stages.DOCUMENTS)))
    items = [(render.template_path(job.template, job.lang), context) for job, context in built]
    monkeypatch.setenv("SHTAB_WORKERS", "1")
    serial = list(render.render_many(items))
    monkeypatch.setenv("SHTAB_WORKERS", "2")
    monkeypatch.setattr(many, "PARALLEL_FROM", 2)
    assert many.worker_count(len(items)) == 2
    assert list(many.render_many(list(items), render.render_docx, method="fork")) == serial
    assert list(many.render_many(list(items), render.render_docx, consume=True, method="spawn")) == serial
    assert list(many.render_many(list(items), render.render_docx, consume=True, method="forkserver")) == serial


def clock_forms(day: dt.date) -> set[str]:
    """How the machine's date could show if it leaked into a document: a timestamp, and, unless the inputs
    themselves name that day (a deadline may fall on it), every form a document prints a date in."""
    forms = {f"{day.isoformat()}T"}
    if day.isoformat() not in "".join(p.read_text(encoding="utf-8") for p in SAMPLE.rglob("*.yaml")):
        forms |= {day.isoformat(), dates.date_numeric(day), dates.date_long(day, "kk"), dates.date_long(day, "ru"),
                  dates.date_on(day, "kk"), dates.date_of(day, "ru")}
    return forms


def test_no_run_dependent_stamps_inside_the_documents(tmp_path):
    """Zip entries dated 1980-01-01; core properties fixed; the machine's date nowhere in any part, in any form.

    The run is as of a fixed day (SHTAB_AS_OF, the run's one clock), so the machine's own date can come
    only from a clock read where none should be."""
    run_all(tmp_path)
    forms = clock_forms(dt.date.today())
    for path in tmp_path.rglob("*.docx"):
        with zipfile.ZipFile(path) as package:
            assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}, path
            core = package.read("docProps/core.xml").decode()
            assert "2026-01-01T00:00:00Z" in core, path
            for name in package.namelist():
                part = package.read(name).decode("utf-8", errors="replace")
                assert not [form for form in forms if form in part], (path, name)


def test_unchanged_documents_are_not_rewritten(tmp_path):
    """A second run changes nothing on disk: same bytes and same modification time for every file."""
    run_all(tmp_path)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*.docx")}
    result = run_all(tmp_path)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*.docx")}
    assert before == after
    assert f"{len(before)} document(s), 0 written, {len(before)} unchanged" in result.stdout


def test_a_reused_template_renders_as_a_fresh_one():
    """render/templates.py opens each template once and puts it back before each document: the bytes are those of a
    template opened afresh, whatever was rendered from it before (kinds and languages interleaved)."""
    from pipeline.render import docx as render
    from pipeline.render import templates
    assessment = stages.prepare(SAMPLE, RUN_DATE)
    built, _ = stages.build_contexts(stages.jobs_for(assessment, list(stages.DOCUMENTS)))
    items = [(render.template_path(job.template, job.lang), context) for job, context in built]
    reused = [render.render_docx(template, context) for template, context in items + items[::-1]]
    fresh = []
    for template, context in items + items[::-1]:
        templates.forget_templates()
        fresh.append(render.render_docx(template, context))
    assert reused == fresh
