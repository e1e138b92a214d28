"""The speed machinery (pipeline/render/many.py) changes no byte, and its ground does not move unnoticed.

Template reuse reads private fields of docxtpl and python-docx: the pins in
pyproject.toml hold them to the tested minor versions, and the first tests here
fail loudly, naming what changed, when a new version moves them. Speed itself is
measured in `make bench`, never asserted here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from pipeline import stages
from pipeline.context.chart import Bar, Chart
from pipeline.core.cache import sealed, unsealed
from pipeline.render import docx as render
from pipeline.render import many, pictures
from pipeline.render import templates as speed_templates
from tests.support.inputs import RUN_DATE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"


def sample_items():
    assessment = stages.prepare(SAMPLE, RUN_DATE)
    built, _ = stages.build_contexts(stages.jobs_for(assessment, list(stages.DOCUMENTS)))
    return [(render.template_path(job.template, job.lang), context) for job, context in built]


# ---------------------------------------------------------------- the ground reuse stands on


def test_the_private_fields_reuse_relies_on_exist():
    """When this fails, docxtpl or python-docx changed what render/templates.py reads: the documents are still right
    (reuse switches itself off), but slower. Read its _ReusableTemplate, adapt it, then move the pin."""
    assert speed_templates.internals_missing() == [], (
        f"docxtpl {version('docxtpl')} / python-docx {version('python-docx')} lack what template reuse reads: "
        f"{speed_templates.internals_missing()}")
    template = speed_templates.open_template(render.template_path("protocol", "ru"))
    assert speed_templates._missing_on(template) == []
    assert speed_templates.reuse_enabled()


def test_docxtpl_still_hands_the_template_xml_to_the_environment_and_to_patch_xml():
    """The compile-once and prepare-once caches work only while docxtpl's render calls `jinja_env.from_string`
    and `patch_xml` with the template's XML; a docxtpl that stopped would silently lose both."""
    environment = speed_templates.jinja_environment()
    environment._compiled.clear()
    speed_templates._PreparedOnceTemplate._patched.clear()
    speed_templates.forget_templates()
    template, context = sample_items()[0]
    render.render_docx(template, context)
    assert environment._compiled, "docxtpl no longer compiles through jinja_env.from_string"
    assert speed_templates._PreparedOnceTemplate._patched, "docxtpl no longer calls patch_xml"


def test_installed_versions_are_the_pinned_minor_versions():
    """The tests ran against the versions pyproject.toml pins: the pin and the installation agree."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for package in ("docxtpl", "python-docx"):
        pin = re.search(rf'"{package}>=(\d+)\.(\d+),<(\d+)\.(\d+)"', pyproject)
        assert pin, f"{package} is not pinned to a minor version in pyproject.toml"
        low = (int(pin[1]), int(pin[2]))
        installed = tuple(int(part) for part in version(package).split(".")[:2])
        assert installed == low, f"{package} {version(package)} installed, pyproject pins {low[0]}.{low[1]}"


# ---------------------------------------------------------------- same bytes every road


def test_the_plain_road_gives_the_same_bytes(monkeypatch):
    """Without reuse (what happens when the internals change) every document has the same bytes."""
    items = sample_items()
    fast = [render.render_docx(template, context) for template, context in items]
    monkeypatch.setattr(speed_templates, "reuse_enabled", lambda: False)   # where open_template reads it
    speed_templates.forget_templates()
    assert not isinstance(speed_templates.open_template(items[0][0]), speed_templates._ReusableTemplate), "the plain road is taken"
    assert [render.render_docx(template, context) for template, context in items] == fast


def test_spawn_is_chosen_where_fork_is_missing(monkeypatch):
    assert many.start_method() == ("forkserver" if hasattr(os, "fork") else "spawn")
    monkeypatch.delattr(os, "fork", raising=False)
    assert many.start_method() == "spawn"


def test_few_documents_or_one_worker_render_in_this_process(monkeypatch):
    monkeypatch.delenv("SHTAB_WORKERS", raising=False)
    assert many.worker_count(many.PARALLEL_FROM - 1) == 1
    monkeypatch.setenv("SHTAB_WORKERS", "1")
    assert many.worker_count(1000) == 1
    monkeypatch.setenv("SHTAB_WORKERS", "3")
    assert many.worker_count(1000) == 3


# ---------------------------------------------------------------- pay only for what is used


def modules_after(code: str, cache: Path | None = None) -> set[str]:
    """The top-level packages imported by a fresh interpreter after running `code` (in the project folder), with
    its own folder of what runs keep when `cache` is given."""
    script = code + "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    env = {**os.environ, "SHTAB_CACHE": str(cache)} if cache is not None else None
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def cli_run(*args: str) -> str:
    """Python code that runs the command line in-process with these arguments, as `python -m pipeline` would."""
    return ("import sys\nfrom pipeline.cli.main import cli\n"
            f"try:\n    cli.main({list(args)!r}, prog_name='shtab')\nexcept SystemExit as exit:\n"
            "    assert not exit.code, exit.code\n")


def test_importing_the_command_line_imports_no_chart_library():
    assert "matplotlib" not in modules_after("import pipeline.cli.main")


def test_a_protocol_run_imports_no_chart_library_and_no_pdf_helpers(tmp_path):
    loaded = modules_after(cli_run("-q", "--outputs", str(tmp_path), "protocol", "2026-01"))
    assert (tmp_path / "meetings" / "2026-01" / "protocol.kk.docx").is_file()
    assert not loaded & {"matplotlib", "numpy", "PIL", "jsonschema"}


def test_a_protocol_run_imports_no_scaffold_schema_pdf_or_web_module(tmp_path):
    script = cli_run("-q", "--outputs", str(tmp_path), "protocol", "2026-01") + (
        "print(' '.join(m for m in sys.modules if m.startswith('pipeline.')))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert not loaded & {"pipeline.write.pdf", "pipeline.editing.scaffold", "pipeline.editing.schema",
                         "pipeline.editing.template_check", "pipeline.editing.watch", "pipeline.web.app"}, loaded


def test_an_unchanged_chart_is_not_drawn_again(tmp_path):
    """The first annual report draws the chart and keeps it; the second takes it from the user's cache folder
    (core/cache.py: "pictures", never outputs/) without importing matplotlib, and the report has the same bytes."""
    outputs, cache = tmp_path / "outputs", tmp_path / "cache"
    first = modules_after(cli_run("-q", "--outputs", str(outputs), "annual-report"), cache)
    report = outputs / "reports" / "2026" / "annual-report.ru.docx"
    before = report.read_bytes()
    assert "matplotlib" in first and len(list((cache / "pictures").glob("*.png"))) == 2
    assert sorted(path.name for path in outputs.iterdir()) == ["reports"]
    report.unlink()
    assert "matplotlib" not in modules_after(cli_run("-q", "--outputs", str(outputs), "annual-report"), cache)
    assert report.read_bytes() == before


def test_with_nothing_kept_the_chart_is_drawn_and_kept_nowhere(tmp_path):
    chart = Chart([Bar("1. Спорт", None, None, "—")], "изменение, %", {"better": "лучше"}, 160)
    pictures._DRAWN.clear()
    cache = pictures.PictureCache(None)
    cache.fill({"chart": chart})
    cache.keep()
    assert chart.png.startswith(pictures.PNG_SIGNATURE) and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damaged", [b"not a picture", b"", pictures.PNG_SIGNATURE + b"cut short",
                                     sealed(b"sealed, not a picture")])
def test_a_damaged_cache_file_is_drawn_again(tmp_path, damaged):
    chart = Chart([Bar("1. Спорт", None, None, "—")], "изменение, %", {"better": "лучше"}, 160)
    (tmp_path / f"{chart.key}.png").write_bytes(damaged)
    pictures._DRAWN.clear()
    cache = pictures.PictureCache(tmp_path)
    cache.fill({"chart": chart})
    cache.keep()
    assert chart.png.startswith(pictures.PNG_SIGNATURE) and len(chart.png) > 1000
    assert unsealed((tmp_path / f"{chart.key}.png").read_bytes()) == chart.png


@pytest.mark.parametrize("change", [
    lambda bars: [Bar(bars[0].label, bars[0].change + 1, bars[0].verdict, bars[0].text)],
    lambda bars: [Bar(bars[0].label + ".", bars[0].change, bars[0].verdict, bars[0].text)],
])
def test_a_changed_figure_or_label_is_another_chart(change):
    from decimal import Decimal
    bars = [Bar("1. Спорт", Decimal("9.1"), "better", "+9,1 %")]
    assert Chart(bars, "a", {}, 160).key == Chart(list(bars), "a", {}, 160).key
    assert Chart(change(bars), "a", {}, 160).key != Chart(bars, "a", {}, 160).key
    assert Chart(bars, "b", {}, 160).key != Chart(bars, "a", {}, 160).key


def test_a_failed_run_keeps_no_chart(tmp_path):
    """A run that fails (a refused signed protocol, a full disk) leaves the outputs folder as it was: the chart
    is kept only by `keep()`, which run_documents calls once every document is written."""
    chart = Chart([Bar("1. Спорт", None, None, "—")], "өзгеріс, %", {"better": "жақсарды"}, 160)
    pictures._DRAWN.clear()
    pictures.PictureCache(tmp_path / ".cache").fill({"chart": chart})
    assert chart.png.startswith(pictures.PNG_SIGNATURE) and not (tmp_path / ".cache").exists()


def test_contexts_built_again_as_they_render_give_the_same_documents(tmp_path, monkeypatch):
    """A large run drops each context after its findings and builds it again to render (many.keep_contexts):
    the same files as a run that holds them, in this process and in forked workers."""
    import datetime as dt
    assessment = stages.prepare(SAMPLE, dt.date(2026, 12, 31))
    jobs = stages.jobs_for(assessment, list(stages.DOCUMENTS))
    stages.run_documents(assessment, jobs, tmp_path / "held")
    monkeypatch.setattr(many, "KEEP_CONTEXTS_BELOW", 0)
    stages.run_documents(assessment, jobs, tmp_path / "built-again")
    monkeypatch.setattr(many, "PARALLEL_FROM", 2)
    monkeypatch.setenv("SHTAB_WORKERS", "2")
    stages.run_documents(assessment, jobs, tmp_path / "in-workers")
    held = {p.relative_to(tmp_path / "held"): p.read_bytes() for p in (tmp_path / "held").rglob("*.docx")}
    for other in ("built-again", "in-workers"):
        assert {p.relative_to(tmp_path / other): p.read_bytes() for p in (tmp_path / other).rglob("*.docx")} == held


def test_the_workers_have_ended_before_the_signed_protocols_are_sealed(tmp_path, monkeypatch):
    """Sealing comes after the last document is staged; the workers, idle by then, must not live through it
    (1,000 meetings: they held 2 × 167 MB while the parent sealed, the run's peak)."""
    import datetime as dt
    import multiprocessing
    import shutil
    inputs = tmp_path / "project" / "inputs"
    shutil.copytree(SAMPLE, inputs)
    monkeypatch.setenv("SHTAB_SEAL_PDF", "0")
    monkeypatch.setenv("SHTAB_WORKERS", "2")
    monkeypatch.setattr(many, "PARALLEL_FROM", 2)
    monkeypatch.setattr(many, "KEEP_CONTEXTS_BELOW", 0)
    alive_when_sealing = []
    seal = stages._seal
    monkeypatch.setattr(stages, "_seal", lambda seals: (alive_when_sealing.append(multiprocessing.active_children()),
                                                        seal(seals)))
    assessment = stages.prepare(inputs, dt.date(2026, 12, 31))
    sealed = []
    stages.run_documents(assessment, stages.jobs_for(assessment, ["protocol", "agenda"]), tmp_path / "outputs",
                         sealed_now=sealed)
    assert sealed and alive_when_sealing == [[]]


def test_the_forkserver_ends_with_the_rendering(monkeypatch):
    """Its memory goes back and its workers' CPU time is counted as the run's (the benchmark reads os.wait4)."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork: workers are spawned")
    import datetime as dt
    from multiprocessing import forkserver

    from pipeline.render import docx as render
    assessment = stages.prepare(SAMPLE, dt.date(2026, 12, 31))
    built, _ = stages.build_contexts(stages.jobs_for(assessment, ["protocol"]))
    items = [(render.template_path(job.template, job.lang), context) for job, context in built]
    monkeypatch.setenv("SHTAB_WORKERS", "2")
    monkeypatch.setattr(many, "PARALLEL_FROM", 2)
    assert len(list(many.render_many(items, render.render_docx, method="forkserver"))) == len(items)
    assert forkserver._forkserver._forkserver_pid is None
