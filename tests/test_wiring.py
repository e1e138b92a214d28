"""The wiring: one list of kinds, no import cycle, the same answer whatever is imported first, one clock."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import stages, wiring
from pipeline.cli.commands import common as cli_module
from pipeline.cli.main import cli
from pipeline.core.project import resolve
from tests.support.inputs import BASE_MEETING, RUN_DATE, SAMPLE

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"

# What the public API answers on the sample inputs, computed in a fresh interpreter after importing `first`.
PROBE = """
import datetime as dt, importlib, json, sys
from pathlib import Path
importlib.import_module(sys.argv[1])
from pipeline import stages
project = stages.load_project(Path(sys.argv[2]))
assessment = stages.prepare(Path(sys.argv[2]), dt.date(2026, 12, 31))
jobs = stages.jobs_for(assessment, list(stages.DOCUMENTS))
print(json.dumps({
    "kinds": {"meetings": len(project.meetings), "plans": sorted(project.plans), "control": sorted(project.control),
              "indicators": sorted(project.indicators)},
    "findings": sorted(str(f) for f in assessment.findings),
    "jobs": [str(job.output) for job in jobs],
}))
"""


def modules() -> list[str]:
    """Every module of the package, as its dotted name."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


# The modules that used to fill a registry, the ones that read one, and the two entry points.
FIRST_IMPORTS = ["pipeline.load.loader", "pipeline.load.models", "pipeline.rules.plan", "pipeline.documents.yearly",
                 "pipeline.editing.schema", "pipeline.cli.main", "pipeline.stages"]


def probe(first: str) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, first, str(SAMPLE)], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_public_api_answers_the_same_whatever_is_imported_first():
    """`load_project` once dropped control/ and indicators/ unless pipeline.main was imported first."""
    answers = {first: probe(first) for first in FIRST_IMPORTS}
    expected = answers["pipeline.stages"]
    assert expected["kinds"] == {"meetings": 5, "plans": ["2026-H1", "2026-H2"], "control": [2026],
                                 "indicators": [2025, 2026]}
    assert any(job.endswith("annual-report.kk.docx") for job in expected["jobs"])
    for first, answer in answers.items():
        assert answer == expected, first


def imports_of(module: str) -> set[str]:
    """The package's modules that `module` imports, at its top or inside a function, resolved to dotted names."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    known = set(modules())
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            stem = f"{base}.{node.module}" if node.level and node.module else (node.module if not node.level else base)
            names = [stem] + [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in known and name != module}
    return found


def test_no_module_imports_a_module_that_imports_it_back():
    """The import graph of pipeline/ has no cycle: each module sits above everything it imports."""
    graph = {module: imports_of(module) for module in modules()}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for other in sorted(graph[module]):
            if state.get(other) == "open":
                pytest.fail("import cycle: " + " → ".join(path[path.index(other):] + [other]))
            if other not in state:
                visit(other, path + [other])
        state[module] = "done"

    for module in graph:
        if module not in state:
            visit(module, [module])


def test_the_stages_run_from_a_plain_script_without_the_command_line(tmp_path):
    """docs/dev/architecture.md, "The run's one clock": load, rules and documents from Python; neither the command line nor Click loaded."""
    script = f"""
import datetime as dt, sys
from pathlib import Path
from pipeline import stages
assessment = stages.prepare(Path({str(SAMPLE)!r}), as_of=dt.date(2026, 12, 31))
jobs = stages.jobs_for(assessment, ["protocol"], ["2026-01"])
written = stages.run_documents(assessment, jobs, Path({str(tmp_path / "out")!r}))
assert "pipeline.cli.main" not in sys.modules and "click" not in sys.modules
print(len(written))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"
    assert (tmp_path / "out" / "meetings" / "2026-01" / "protocol.kk.docx").exists()


def test_every_document_kind_has_its_template_in_both_languages():
    for kind in wiring.DOCUMENTS.values():
        for lang in ("kk", "ru"):
            assert (ROOT / "templates_docx" / f"{kind.template}.{lang}.docx").exists(), (kind.name, lang)


def test_every_input_kind_is_loaded_from_its_files():
    """Each kind's glob matches the files its loader reads (the editor schema points at the same files)."""
    project = stages.load_project(SAMPLE)
    counts = {"body": project.body is not None, "meeting": len(project.meetings), "plan": len(project.plans),
              "control": len(project.control), "indicators": len(project.indicators),
              "annual-package": len(project.districts)}
    for kind in wiring.INPUTS:
        assert len(sorted(SAMPLE.glob(kind.files))) == int(counts[kind.name]), kind.name


# ---------------------------------------------------------------- one clock


def write_first_quarter_only(project) -> None:
    """A Штаб that met once, in March, and planned a second question for the second quarter."""
    project.meeting()
    plan_item = dict(BASE_MEETING["items"][0])
    project.plan(items=[{"no": 1, "title": plan_item["title"], "proposed_by": "police", "quarter": 1},
                        {"no": 2, "title": plan_item["title"], "proposed_by": "police", "quarter": 2}])


@pytest.mark.parametrize("as_of, rules", [
    (None, set()),                                  # the run's day (SHTAB_AS_OF: 2026-03-20): nothing is over
    ("2026-06-29", set()),
    ("2026-06-30", {"§12"}),                        # §12 counts a quarter on its last day; §18 a half-year after it
    ("2026-07-01", {"§12", "§18"}),                 # quarter II and H1 are over
    ("2026-12-31", {"§12", "§18"}),                 # the finished year
])
def test_check_as_of_judges_quarters_and_half_years_on_that_day(project, as_of, rules):
    write_first_quarter_only(project)
    args = ["--inputs", str(project.inputs), "check"] + (["--as-of", as_of] if as_of else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    found = {rule for rule in ("§12", "§18") if f"({rule})" in result.output}
    assert found == rules, result.output


def test_check_as_of_of_a_finished_year_names_every_missed_quarter_and_question(project):
    write_first_quarter_only(project)
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "check", "--as-of", "2026-12-31"])
    assert "no regular meeting in quarter 2 of 2026" in result.output
    assert "no regular meeting in quarter 4 of 2026" in result.output
    assert "2026-H1/2 was not heard in the first half of 2026" in result.output


def test_register_as_of_reaches_the_plan_rules(project):
    """`register --as-of D`: the command's date is the run's one clock, so §18 judges as of D too."""
    write_first_quarter_only(project)
    options = cli_module.Options(resolve(inputs=project.inputs, outputs=project.outputs), None, quiet=True, as_of=RUN_DATE)
    options.ask_as_of(dt.datetime(2026, 7, 1))
    assessment = options.assessment()
    assert assessment.plans.as_of == dt.date(2026, 7, 1) and assessment.as_of_asked
    assert any(f.rule == "§18" and "2026-H1/2" in str(f.message) for f in assessment.findings)
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                      "register", "2026", "--as-of", "2026-07-01"])
    assert result.exit_code == 0, result.output


# The places a run starts, where the clock may be read once and passed on: the command line and its
# commands, the watch loop (once per round), the browser workspace (once per request).
CLOCK_READERS = ("pipeline/cli/main.py", "pipeline/cli/commands/", "pipeline/editing/watch.py", "pipeline/web/")


def test_no_rule_or_stage_reads_the_clock():
    """One clock: below the command line the day is a value passed in (`as_of`), never read."""
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(CLOCK_READERS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("today", "now", "utcnow") and not node.args:
                readers.append(f"{relative}:{node.lineno}")
    assert readers == []


def test_no_test_patches_a_clock():
    """Tests fix the day through the run's own clock (SHTAB_AS_OF, --as-of, `as_of=`), never by patching."""
    clock = re.compile(r"setattr\(.*[\"'](today|now)[\"']")
    patched = [f"{path.name}:{number}" for path in sorted((ROOT / "tests").glob("*.py")) if path.name != "test_wiring.py"
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
               if clock.search(line)]
    assert patched == []
