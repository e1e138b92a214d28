"""A long table rendered in chunks of rows gives the bytes of the whole rendering (pipeline/render/rows.py).

The register of a large Штаб is rendered CHUNK_ROWS rows at a time to bound the
memory of one render; nothing of any document may change.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from pipeline import stages
from pipeline.context.common import as_context
from pipeline.render import docx as render
from pipeline.render import rows as speed_rows
from pipeline.render import templates as speed_templates

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"
sys.path.insert(0, str(ROOT / "tools"))
from bench import synthetic_inputs  # noqa: E402  (the benchmark's synthetic Штаб, numbered by date)

YEAR_END = dt.date(2026, 12, 31)


def rendered(jobs, chunk_rows: int, monkeypatch) -> dict[str, bytes]:
    monkeypatch.setattr(speed_rows, "CHUNK_ROWS", chunk_rows)
    speed_templates.forget_templates()
    return {str(job.output): render.render_docx(render.template_path(job.template, job.lang),
                                                as_context(job.build()[0])) for job in jobs}


def test_a_large_years_register_in_chunks_is_the_whole_register_to_the_byte(tmp_path, monkeypatch):
    assessment = stages.prepare(synthetic_inputs(tmp_path, 40), YEAR_END)
    jobs = stages.jobs_for(assessment, ["register"])
    rows = len(as_context(jobs[0].build()[0])["rows"])
    assert rows > 200
    chunked = []
    monkeypatch.setattr(speed_rows, "render_in_chunks", lambda *args, real=speed_rows.render_in_chunks:
                        chunked.append(args[2]) or real(*args))
    whole = rendered(jobs, rows + 1, monkeypatch)
    assert chunked == []
    in_chunks = rendered(jobs, 37, monkeypatch)            # several chunks, the last one shorter
    assert chunked == ["rows"] * len(jobs) and len(jobs) == 2
    assert in_chunks == whole


def test_every_sample_document_gives_its_bytes_whatever_may_be_chunked(tmp_path, monkeypatch):
    """With chunks of one row, every list any template loops over simply is cut: no document changes."""
    assessment = stages.prepare(SAMPLE, YEAR_END)
    jobs = stages.jobs_for(assessment, list(stages.DOCUMENTS))
    whole = rendered(jobs, 10**9, monkeypatch)
    assert rendered(jobs, 1, monkeypatch) == whole


@pytest.mark.parametrize("template, key", [("protocol", "items"), ("register", "totals"), ("register", "nothing")])
def test_a_list_the_template_does_not_loop_over_by_table_rows_is_never_chunked(template, key):
    assert speed_rows._loop_of(render.template_path(template, "kk"), key) is None


def test_the_registers_row_loop_is_found():
    table, before, per_item, after = speed_rows._loop_of(render.template_path("register", "ru"), "rows")
    assert per_item == 1 and before >= 1
