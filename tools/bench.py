"""Benchmark (make bench): each figure of the secretary's loop against its floor, measured in the same run.

    python tools/bench.py                          # everything; a few minutes on 2 cores
    python tools/bench.py --reps 3 --sizes 100,1000 --no-pdf
    python tools/bench.py --profile                # and where a protocol's time goes (always when a start-up
                                                   # target is not met: -X importtime by package, pyinstrument)

The machine may be shared and busy, so no figure is read alone: every figure is
measured next to its floor, in turns (floor, figure, floor, figure...), and the
table gives the ratio of the best of each. The figures:

  protocol   `python -m pipeline protocol 2026-01` as a whole process, against
             the floor: a Python process that imports docxtpl and renders the
             same two documents from the same contexts (plain data) and saves them;
  check      `python -m pipeline check` on the sample, against the same floor;
  all        `python -m pipeline all` on the sample (the chart kept from an
             earlier run, as on the secretary's second run; the first run,
             which draws it, is shown too), against bare docxtpl in this
             process per document × documents;
  watch      a save of a meeting file → both its protocols replaced on disk,
             with `watch` running, against the one-protocol floor;
  large      a synthetic Штаб of 100, 300 and 1,000 meetings (`all`): time, time
             per meeting (flat = linear), and peak memory: the largest sum of
             the proportional set sizes (PSS) of the process and its workers,
             sampled every 50 ms (shared pages of forked workers counted once),
             and the largest resident set of one process (wait4);
  pdf        LibreOffice once per file against one batch for all files;
  serve      the browser workspace: start-up after imports (the app made,
             uvicorn listening, the first page answered) and the server time
             of one live check of the meeting form (best of --reps).

It prints the table and writes it to docs/dev/benchmark.md (`--out` names another file), stamped with the
command line and the day, so that the table in the docs is always one this script produced; the raw figures go
to bench-results/ (not in git). What the figures mean, and the design they measure: docs/dev/speed.md. Speed is
measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "inputs"
RESULTS = ROOT / "bench-results"
BENCHMARK = ROOT / "docs" / "dev" / "benchmark.md"
GENERATED = "Written by `make bench`"   # the first words of the page's stamp (tests/test_docs.py looks for them)
AS_OF = dt.date(2026, 12, 31)   # the sample year as of its end: the same documents on any day
MEETING = "2026-05"   # not signed, so its protocol is rendered (a signed one is copied from records/, §15)
TARGETS = {"protocol": 3.0, "check": 3.0, "all": 1.3, "watch": 1.5}
TARGET_LARGE_S, TARGET_LARGE_MB, TARGET_FLAT = 60.0, 300.0, 1.25
TARGET_PDF_S = 0.25
ENV = {"SHTAB_LANG": "en"}   # and SHTAB_CACHE: the bench's own folder of what runs keep (set in main)


def environment(extra: dict | None = None) -> dict:
    """The environment of a measured process: this one's, with the bench's settings, and Python writing its
    compiled modules (__pycache__) as it does on the secretary's machine. A shell that sets
    PYTHONDONTWRITEBYTECODE (this VM's does) made every run compile the program's ~100 modules again."""
    env = {**os.environ, **ENV, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# ---------------------------------------------------------------- processes and their memory


@dataclasses.dataclass
class Run:
    seconds: float                # wall time
    cpu: float = 0.0              # user + system time of the process and its workers
    max_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0
    documents: int = 0


def _children(pid: int) -> list[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return [int(c) for task in tasks for c in (task / "children").read_text().split()]
    except OSError:
        return []


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PssSampler(threading.Thread):
    """The largest total PSS of a process and its descendants, sampled while it runs (Linux only)."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak, self.running = pid, every, 0.0, True

    def run(self) -> None:
        while self.running:
            tree, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo += _children(pid)
            self.peak = max(self.peak, sum(_pss_mb(pid) for pid in tree))
            time.sleep(self.every)


def process(command: list[str], env: dict | None = None, sample_memory: bool = False) -> Run:
    """Run a command to its end: wall time, and (asked) its memory; a failure stops the benchmark."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors,
                                 env=environment(env))
        sampler = PssSampler(child.pid) if sample_memory and Path("/proc/self/smaps_rollup").exists() else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if sampler:
            sampler.running = False
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1) or (code == 1 and "check" not in command):
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed ({code}):\n{errors.read().decode()[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, sampler.peak if sampler else 0.0)


def shtab(*args: str, inputs: Path = SAMPLE, outputs: Path | None = None, env: dict | None = None,
          sample_memory: bool = False) -> Run:
    command = [sys.executable, "-m", "pipeline", "-q", "--inputs", str(inputs)]
    if outputs is not None:
        command += ["--outputs", str(outputs)]
    run = process(command + list(args), env, sample_memory)
    if outputs is not None:
        run.documents = len(list(outputs.rglob("*.docx")))
    return run


def fresh(outputs: Path) -> Path:
    """An outputs folder without documents (the kept charts are in SHTAB_CACHE, with all that runs keep)."""
    if outputs.exists():
        for path in sorted(outputs.iterdir()):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return outputs


# ---------------------------------------------------------------- the floors


def sample_contexts(documents: list[str] | None = None, meeting: str | None = None):
    """(template, context) of the sample's documents, as `all` (or `protocol <meeting>`) builds them."""
    from pipeline import stages
    from pipeline.render.docx import template_path
    assessment = stages.prepare(SAMPLE, AS_OF)
    jobs = stages.jobs_for(assessment, documents or list(stages.DOCUMENTS), [meeting] if meeting else None)
    built, _ = stages.build_contexts(jobs)
    return [(str(template_path(job.template, job.lang)), context) for job, context in built]


def plain(value):
    """A context as plain data (dicts, lists, strings, numbers; a picture as its PNG): the floor needs no
    class of the program, so its process imports docxtpl alone. Jinja reads `a.b` from a dict as `a['b']`."""
    if hasattr(type(value), "png") and hasattr(value, "width_mm"):
        return {"__png__": value.png, "width_mm": value.width_mm}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


FLOOR = """
import io, pickle, sys
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
items = pickle.loads(open(sys.argv[1], "rb").read())
for number, (template, context) in enumerate(items):
    document = DocxTemplate(template)
    context = {key: InlineImage(document, io.BytesIO(value["__png__"]), width=Mm(value["width_mm"]))
               if isinstance(value, dict) and "__png__" in value else value for key, value in context.items()}
    document.render(context, autoescape=True)
    document.save(f"{sys.argv[2]}/{number}.docx")
"""


def nothing_kept(work: Path) -> dict:
    """The environment of a first run: an empty folder of what runs keep (inflections, compiled templates...)."""
    folder = work / "cache-first"
    shutil.rmtree(folder, ignore_errors=True)
    return {"SHTAB_CACHE": str(folder)}


def floor_process(items_file: Path, outputs: Path) -> Run:
    """The floor of a whole process: start Python, import docxtpl, render and save the same documents."""
    fresh(outputs).mkdir(parents=True, exist_ok=True)
    return process([sys.executable, "-c", FLOOR, str(items_file), str(outputs)])


def bare_docxtpl_ms(items) -> tuple[float, float]:
    """Plain docxtpl in this process with the project's templates and the contexts of `all`: ms per document,
    wall and CPU."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    start, cpu = time.perf_counter(), time.process_time()
    for template, context in items:
        document = DocxTemplate(template)
        context = {key: InlineImage(document, io.BytesIO(value.png), width=Mm(value.width_mm))
                   if hasattr(type(value), "png") else value for key, value in context.items()}
        document.render(context, autoescape=True)
        document.save(io.BytesIO())
    return ((time.perf_counter() - start) * 1000 / len(items), (time.process_time() - cpu) * 1000 / len(items))


# ---------------------------------------------------------------- watch: save → document replaced


def watch_latencies(work: Path, saves: int) -> list[float]:
    """Seconds from saving a meeting file to both of its protocols replaced on disk, with `watch` running."""
    inputs, outputs = work / "watch-inputs", work / "watch-outputs"
    shutil.copytree(SAMPLE, inputs)
    meeting = inputs / "meetings" / "2026-05.yaml"   # not signed: its protocol may change
    protocols = [outputs / "meetings" / "2026-05" / f"protocol.{lang}.docx" for lang in ("kk", "ru")]
    command = [sys.executable, "-m", "pipeline", "--inputs", str(inputs), "--outputs", str(outputs), "watch"]
    watcher = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=environment())
    latencies = []
    try:
        for line in watcher.stdout:
            if line.startswith("watching "):
                break
        text = meeting.read_text(encoding="utf-8")
        for number in range(saves):
            before = [p.stat().st_mtime_ns for p in protocols]
            minute = f"{10 + (number + 1) % 8:02d}:{number % 60:02d}"
            start = time.perf_counter()
            meeting.write_text(re.sub(r'(?m)^time: "[^"]*"', f'time: "{minute}"', text, count=1), encoding="utf-8")
            while [p.stat().st_mtime_ns for p in protocols] == before or any(
                    p.stat().st_mtime_ns == b for p, b in zip(protocols, before)):
                if time.perf_counter() - start > 60:
                    raise SystemExit("watch did not replace the protocol within 60 s")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - start)
            for line in watcher.stdout:      # the round's end, before the next save
                if "waiting for the next save" in line:
                    break
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
    return latencies


# ---------------------------------------------------------------- a large Штаб


def synthetic_inputs(folder: Path, meetings: int) -> Path:
    """The sample inputs with `meetings` meetings: the sample meetings, then copies of them in turn under new
    ids (the control file names the sample meetings' assignments, so those keep their ids); every meeting
    is then numbered in the order of its date, as the protocol numbers of a year must be (§15)."""
    inputs = folder / f"inputs-{meetings}"
    shutil.copytree(SAMPLE, inputs)
    samples = sorted((SAMPLE / "meetings").glob("*.yaml"))
    for index in range(len(samples), meetings):
        shutil.copyfile(samples[index % len(samples)], inputs / "meetings" / f"s{index + 1:04d}.yaml")
    files = sorted((inputs / "meetings").glob("*.yaml"))
    dated = sorted(files, key=lambda path: (re.search(r"(?m)^date: *(\S+)", path.read_text(encoding="utf-8"))[1],
                                            path.name))
    for number, path in enumerate(dated, start=1):
        text = re.sub(r"(?m)^number: *\d+", f"number: {number}", path.read_text(encoding="utf-8"), count=1)
        path.write_text(text, encoding="utf-8")
    return inputs


# ---------------------------------------------------------------- PDF


def pdf_timings(outputs: Path, singles: int) -> tuple[float, float, int]:
    """Seconds per file converting `singles` files one LibreOffice process each, and per file in one batch."""
    from pipeline.write.pdf import convert_batch, documents_in
    documents = documents_in(outputs)
    start = time.perf_counter()
    for docx in documents[:singles]:
        convert_batch([docx])
    single = (time.perf_counter() - start) / max(1, min(singles, len(documents)))
    for pdf in outputs.rglob("*.pdf"):
        pdf.unlink()
    start = time.perf_counter()
    convert_batch(documents)
    return single, (time.perf_counter() - start) / len(documents), len(documents)


# ---------------------------------------------------------------- where the time goes


def profile(work: Path) -> list[str]:
    """Where a protocol run's time goes: its imports by package (python -X importtime, the module's own time
    summed per package), and its profile (pyinstrument) without the import machinery's frames."""
    run = ["-m", "pipeline", "-q", "--outputs", str(work / "profile"), "protocol", MEETING]
    lines = ["", f"`protocol {MEETING}`: what it imports, by package (ms of the modules' own time, python -X "
             "importtime; the best of 3):", ""]
    best: dict[str, int] = {}
    for _ in range(3):
        result = subprocess.run([sys.executable, "-X", "importtime", *run], cwd=ROOT, capture_output=True,
                                text=True, env=environment())
        spent: dict[str, int] = {}
        for line in result.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[1].strip().isdigit():
                name = parts[2].strip()
                package = ".".join(name.split(".")[:2]) if name.startswith("pipeline.") else name.split(".")[0]
                spent[package] = spent.get(package, 0) + int(parts[0].split(":")[1])
        best = {key: min(value, best.get(key, value)) for key, value in spent.items()}
    total = sum(best.values())
    rows = sorted(best.items(), key=lambda row: -row[1])
    lines += [f"    {us / 1000:7.1f}  {name}" for name, us in rows[:20]]
    lines += [f"    {total / 1000:7.1f}  all {len(best)} packages (pipeline.* counted per subpackage)"]
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        return lines + ["", "(pyinstrument is not installed: pip install -e '.[test]')"]
    result = subprocess.run([sys.executable, "-m", "pyinstrument", "-r", "text", "--unicode", *run],
                            cwd=ROOT, capture_output=True, text=True, env=environment())
    machinery = ("_find_and_load", "_call_with_frames_removed", "_load_unlocked", "exec_module", "_handle_fromlist")
    total, tree = None, []
    for line in result.stdout.splitlines():
        timing = re.match(r"^[\s│├└─]*(\d+\.\d+) ", line)
        if timing and not any(frame in line for frame in machinery):
            total = total or float(timing[1])
            if float(timing[1]) >= 0.02 * total:   # what takes 2% of the run or more
                tree.append("    " + line)
    return lines + ["", f"`protocol {MEETING}` (pyinstrument, wall clock; calls of 2% of the run or more):", ""] + tree


# ---------------------------------------------------------------- the browser workspace (serve)


TARGET_REGION_S = 2.0     # an oblast of 20 districts with 10 years of packages: region-report for one year
REGION_DISTRICTS, REGION_YEARS = 20, 10


def oblast_inputs(work: Path) -> Path:
    """An oblast Штаб holding 20 districts' packages for each of 10 years, made from one real package of the
    sample (its annual-report), each district's figures shifted and the package sealed again as the district's
    own program would (pipeline/region/package.py)."""
    from pipeline.region.package import content_checksum
    district = work / "district" / "inputs"
    shutil.copytree(SAMPLE, district)
    shtab("annual-report", "2026", inputs=district, outputs=work / "district" / "outputs")
    model = json.loads((work / "district" / "outputs" / "reports" / "2026" / "annual-package.json").read_text("utf-8"))
    oblast = work / "oblast" / "inputs"
    oblast.mkdir(parents=True)
    ids = [f"district_{n:02d}" for n in range(1, REGION_DISTRICTS + 1)]
    listed = "\n".join(f"  - {{id: {i}, name: {{kk: Аудан {n}, ru: Район {n}}}}}" for n, i in enumerate(ids, 1))
    (oblast / "body.yaml").write_text((SAMPLE / "body.yaml").read_text("utf-8").replace(
        "established:", f"level: oblast\ndistricts:\n{listed}\nestablished:", 1), encoding="utf-8")
    for year in range(2026 - REGION_YEARS + 1, 2027):
        folder = oblast / "districts" / str(year)
        folder.mkdir(parents=True)
        for n, district_id in enumerate(ids, 1):
            package = json.loads(json.dumps(model))
            package.update(year=year, district={"id": district_id, "kk": f"Аудан {n}", "ru": f"Район {n}"})
            for indicator in package["indicators"]:
                main = indicator["measures"][0]
                if main["form"] == "count" and main["value"] is not None:
                    main["value"] += n
            package.pop("content_sha256")
            package["content_sha256"] = content_checksum(package)
            (folder / f"{district_id}.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    return oblast


def region_timing(work: Path, reps: int) -> float:
    """The best wall time of `region-report 2026` over the oblast's 200 packages."""
    oblast = oblast_inputs(work)
    runs = [shtab("region-report", "2026", inputs=oblast, outputs=fresh(work / "oblast" / "outputs"))
            for _ in range(reps)]
    return best(runs).seconds


TARGET_SERVE_START_S = 0.5
TARGET_LIVE_CHECK_MS = 150.0


def workspace_timings(reps: int) -> tuple[float, float]:
    """`serve` after its imports: seconds to a listening server that answered its first page; ms of a live check.

    The server runs on a free port of 127.0.0.1 over a copy of the sample inputs;
    the live check posts the unchanged form of the one unsigned sample meeting.
    """
    import socket
    import urllib.request
    from urllib.parse import urlencode

    import uvicorn

    from pipeline.web import yamledit
    from pipeline.web.app import create_app
    from pipeline.web.pages import Workspace
    with tempfile.TemporaryDirectory(prefix="shtab-bench-serve-") as temporary:
        inputs = Path(temporary) / "inputs"
        shutil.copytree(SAMPLE, inputs)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        started = time.perf_counter()
        ws = Workspace(inputs, Path(temporary) / "outputs")
        server = uvicorn.Server(uvicorn.Config(create_app(ws), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.005)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        opener.open(f"http://127.0.0.1:{port}/?token={ws.keys.token}").read()
        startup = time.perf_counter() - started
        meeting = inputs / "meetings" / "2026-05.yaml"
        document = yamledit.load(meeting)
        form = urlencode([("csrf", ws.keys.csrf), ("base", document.digest), ("attendance.shown", "1")] +
                         [(f"att.{m}", "present") for m in document.tree["present"]]).encode()
        checks = []
        for _ in range(reps + 1):
            began = time.perf_counter()
            opener.open(f"http://127.0.0.1:{port}/meetings/2026-05/check", data=form).read()
            checks.append((time.perf_counter() - began) * 1000)
        server.should_exit = True
        thread.join(10)
    return startup, min(checks[1:])


# ---------------------------------------------------------------- the table


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**NOT met**"


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda run: run.seconds)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=5, help="turns of each figure and its floor (best is kept)")
    parser.add_argument("--saves", type=int, default=8, help="saves timed in `watch`")
    parser.add_argument("--sizes", default="100,300,1000", help="meetings of the synthetic Штаб")
    parser.add_argument("--pdf-single", type=int, default=4, help="files converted one process each")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF figures")
    parser.add_argument("--profile", action="store_true",
                        help="add a protocol's imports and profile (always added when a start-up target is not met)")
    parser.add_argument("--out", type=Path, default=BENCHMARK, help="the page the table is written to")
    args = parser.parse_args(argv)
    lines: list[str] = []
    results: dict = {"cpus": os.cpu_count(), "load_before": os.getloadavg()}

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    with tempfile.TemporaryDirectory(prefix="shtab-bench-") as temporary:
        work = Path(temporary)
        every = sample_contexts()
        one = sample_contexts(["protocol"], MEETING)
        items_file = work / "protocol-contexts.pickle"
        items_file.write_bytes(pickle.dumps([(template, plain(context)) for template, context in one]))
        ENV["SHTAB_CACHE"] = str(work / "cache")   # what runs keep (pipeline/core/cache.py), filled by the next run
        shtab("all", outputs=work / "warm")   # draws the chart once; later `all` runs keep it, as the secretary's do
        turns: dict[str, list[Run]] = {name: [] for name in ("floor", "protocol", "check", "all", "all-first",
                                                             "protocol-first", "check-first")}
        bare = []
        for _ in range(args.reps):   # in turns, so a burst of load elsewhere hits the floors and figures alike
            turns["floor"].append(floor_process(items_file, work / "floor"))
            turns["protocol"].append(shtab("protocol", MEETING, outputs=fresh(work / "protocol")))
            turns["check"].append(shtab("check"))
            bare.append(bare_docxtpl_ms(every))
            turns["all"].append(shtab("all", outputs=fresh(work / "warm")))
            turns["all-first"].append(shtab("all", outputs=fresh(work / "first"), env=nothing_kept(work)))
            turns["protocol-first"].append(shtab("protocol", MEETING, outputs=fresh(work / "protocol"),
                                                 env=nothing_kept(work)))
            turns["check-first"].append(shtab("check", env=nothing_kept(work)))
        floor, protocol, check = (best(turns[name]) for name in ("floor", "protocol", "check"))
        all_run, first = best(turns["all"]), best(turns["all-first"])
        bare_ms, bare_cpu = min(wall for wall, _ in bare), min(cpu for _, cpu in bare)
        documents = all_run.documents
        watch = watch_latencies(work, args.saves)
        cpu_floor = min(run.cpu for run in turns["floor"])

        def cpu(name: str) -> float:
            return min(run.cpu for run in turns[name])

        ratios = {"protocol": (protocol.seconds / floor.seconds, cpu("protocol") / cpu_floor),
                  "check": (check.seconds / floor.seconds, cpu("check") / cpu_floor),
                  "all": (all_run.seconds * 1000 / (bare_ms * documents), cpu("all") * 1000 / (bare_cpu * documents)),
                  "watch": (min(watch) / floor.seconds, None)}
        results.update(floor=dataclasses.asdict(floor), protocol=dataclasses.asdict(protocol),
                       check=dataclasses.asdict(check), all=dataclasses.asdict(all_run),
                       all_first=dataclasses.asdict(first), bare_ms=bare_ms, bare_cpu_ms=bare_cpu,
                       documents=documents, watch_s=watch, ratios=ratios)

        def ratio(name: str) -> str:
            wall, by_cpu = ratios[name]
            met = min(wall, by_cpu if by_cpu is not None else wall) <= TARGETS[name]
            shown = f"{wall:.2f}" + (f" (CPU {by_cpu:.2f})" if by_cpu is not None else "")
            return f"{shown} | ≤ {TARGETS[name]} × {verdict(met)}"

        say(f"shtab benchmark, {time.strftime('%Y-%m-%d %H:%M')}: {os.cpu_count()} cores, load "
            f"{os.getloadavg()[0]:.1f} at the end; best of {args.reps} turns (watch: {args.saves} saves)")
        say("")
        say("Times are wall clock, with CPU time (user + system) in brackets: on a busy machine a process waits for a")
        say("core, and its CPU time is the steadier measure. A target counts as met when either ratio meets it.")
        say("")
        say("| figure | measured | floor (same run) | ratio | target |")
        say("| --- | --- | --- | --- | --- |")
        say(f"| `protocol {MEETING}`, whole process | {protocol.seconds:.2f} s ({cpu('protocol'):.2f}) | "
            f"{floor.seconds:.2f} s ({cpu_floor:.2f}): import docxtpl + bare render of the same 2 documents | "
            f"{ratio('protocol')} |")
        say(f"| `check`, whole process, sample | {check.seconds:.2f} s ({cpu('check'):.2f}) | the same | "
            f"{ratio('check')} |")
        for name, what in (("protocol", f"`protocol {MEETING}`"), ("check", "`check`")):
            run = best(turns[f"{name}-first"])
            say(f"| {what}, first run (nothing kept yet: pymorphy3 and `holidays` loaded, templates compiled) | "
                f"{run.seconds:.2f} s ({cpu(name + '-first'):.2f}) | the same | {run.seconds / floor.seconds:.2f} "
                f"(CPU {cpu(name + '-first') / cpu_floor:.2f}) | (information) |")
        say(f"| `all`, whole process, sample ({documents} documents; chart kept from an earlier run) | "
            f"{all_run.seconds:.2f} s ({cpu('all'):.2f}) | bare docxtpl {bare_ms:.1f} ms ({bare_cpu:.1f}) × "
            f"{documents} = {bare_ms * documents / 1000:.2f} s | {ratio('all')} |")
        say(f"| `all`, first run (draws the chart: imports matplotlib; nothing kept) | {first.seconds:.2f} s ({cpu('all-first'):.2f}) "
            f"| the same | {first.seconds * 1000 / (bare_ms * documents):.2f} | (information) |")
        say(f"| `watch`: save → both protocols replaced (best; median {sorted(watch)[len(watch) // 2]:.2f} s) | "
            f"{min(watch):.2f} s | the one-protocol floor {floor.seconds:.2f} s | {ratio('watch')} |")

        large = {}
        for size in [int(s) for s in args.sizes.split(",") if s]:
            inputs = synthetic_inputs(work / f"large-{size}", size)   # its own folder: records/ is beside inputs/
            # signed meetings are sealed, without their PDF/A copies: LibreOffice is another program (its own
            # memory and minutes; 1,000 meetings' 400 signed protocols in one batch failed to convert), measured
            # in the PDF row; SHTAB_SEAL_PDF=0 is the documented switch (docs/user/reference.md, "Signed protocols")
            run = shtab("all", inputs=inputs, outputs=work / f"out-{size}", sample_memory=True,
                        env={"SHTAB_SEAL_PDF": "0"})
            shutil.rmtree(work / f"out-{size}")
            shutil.rmtree(work / f"large-{size}")
            large[size] = run
        per_meeting = {size: run.seconds * 1000 / size for size, run in large.items()}
        for size, run in large.items():
            target = ""
            if size == max(large):
                flat = per_meeting[size] / per_meeting[min(large)]
                ok = run.seconds < TARGET_LARGE_S and run.peak_pss_mb < TARGET_LARGE_MB and flat <= TARGET_FLAT
                target = (f"< {TARGET_LARGE_S:.0f} s, < {TARGET_LARGE_MB:.0f} MB, flat (×{flat:.2f} per meeting "
                          f"against {min(large)}) {verdict(ok)}")
            say(f"| {size} meetings, `all`, {run.documents} documents | {run.seconds:.1f} s ({run.cpu:.1f} CPU), "
                f"{per_meeting[size]:.1f} ms/meeting; peak {run.peak_pss_mb:.0f} MB (PSS of all processes), "
                f"largest process {run.max_rss_mb:.0f} MB (RSS) | — | | {target} |")
        if large:
            for line in large_reasons(large[max(large)], max(large)):
                say(line)
        results["large"] = {size: dataclasses.asdict(run) for size, run in large.items()}

        if not args.no_pdf:
            from pipeline.core.errors import ShtabError
            from pipeline.write.pdf import find_soffice
            try:
                find_soffice()
            except ShtabError:
                say("| PDF | skipped: LibreOffice is not installed | | | |")
            else:
                shtab("all", outputs=fresh(work / "pdf"))
                single, batch, count = pdf_timings(work / "pdf", args.pdf_single)
                results.update(pdf_single_s=single, pdf_batch_s=batch)
                say(f"| PDF, one batch of {count} documents | {batch:.2f} s/doc | one LibreOffice per file: "
                    f"{single:.2f} s/doc | {batch / single:.2f} | ≤ {TARGET_PDF_S} s/doc {verdict(batch <= TARGET_PDF_S)} |")
        region_s = region_timing(work, args.reps)
        results.update(region_report_s=region_s)
        say(f"| `region-report` of an oblast: {REGION_DISTRICTS} districts × {REGION_YEARS} years of packages | "
            f"{region_s:.2f} s | — | | ≤ {TARGET_REGION_S:.0f} s {verdict(region_s <= TARGET_REGION_S)} |")
        serve_start, check_ms = workspace_timings(args.reps)
        results.update(serve_startup_s=serve_start, live_check_ms=check_ms)
        say(f"| `serve` start-up after imports, first page answered | {serve_start:.2f} s | — | | "
            f"≤ {TARGET_SERVE_START_S} s {verdict(serve_start <= TARGET_SERVE_START_S)} |")
        say(f"| one live check of the meeting form (server time, sample inputs) | {check_ms:.0f} ms | — | | "
            f"≈ {TARGET_LIVE_CHECK_MS:.0f} ms {verdict(check_ms <= TARGET_LIVE_CHECK_MS)} |")
        fixed = {}
        for code in ("pass", "import pipeline.cli.main", "import docxtpl"):
            runs = [process([sys.executable, "-c", code]) for _ in range(args.reps)]
            fixed[code] = (best(runs).seconds, min(run.cpu for run in runs))
        results.update(startup_s=fixed["import pipeline.cli.main"][0], docxtpl_import_s=fixed["import docxtpl"][0],
                       fixed_costs=fixed)
        say("")
        say("Fixed costs: " + "; ".join(f"`python -c '{code}'` {wall:.2f} s ({cpu:.2f})"
                                        for code, (wall, cpu) in fixed.items()) + ".")
        unmet = [name for name in ("protocol", "check", "all")
                 if min(value for value in ratios[name] if value is not None) > TARGETS[name]]
        if args.profile or unmet:   # a start-up target not met: the profile that shows why, in the same table
            for line in profile(work):
                say(line)
    results["load_after"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    args.out.write_text(page(lines, argv), encoding="utf-8")
    print(f"\nwritten: {args.out} (the figures: {(RESULTS / f'bench-{stamp}.json').relative_to(ROOT)}, not in git)")
    return 0


def page(lines: list[str], argv: list[str]) -> str:
    """The benchmark page: its stamp (which command wrote it, and that it is not to be edited), then the table."""
    command = " ".join(["python tools/bench.py", *argv])
    return "\n".join([
        "# Benchmark", "",
        f"{GENERATED} (`{command}`); not edited by hand: run it again to bring it up to date. What each figure",
        "measures, and the design behind it: [speed.md](speed.md).", "",
        *lines,
    ]) + "\n"


def large_reasons(run: Run, size: int) -> list[str]:
    """Where a large Штаб's time and memory go, from this run's own figures, printed when its target is not met.

    The time: the CPU the run needed against what the machine's cores give in the target's time, so a run
    that cannot fit is told from one that waited for a busy core. The memory: the largest single process
    (the parent, holding the inputs' models and the jobs) against the sum of all of them.
    """
    lines = []
    cores = os.cpu_count() or 1
    if run.seconds >= TARGET_LARGE_S and run.documents:
        per_document = run.cpu * 1000 / run.documents
        lines.append(f"Why {size} meetings take {run.seconds:.0f} s: {per_document:.1f} ms of CPU per document × "
                     f"{run.documents} documents = {run.cpu:.0f} s of CPU; {cores} cores give at most "
                     f"{cores * TARGET_LARGE_S:.0f} s of CPU in {TARGET_LARGE_S:.0f} s"
                     + (" (the run waited for busy cores)." if run.cpu < cores * TARGET_LARGE_S else "."))
    if run.peak_pss_mb >= TARGET_LARGE_MB:
        lines.append(f"Why {size} meetings peak at {run.peak_pss_mb:.0f} MB: the largest single process holds "
                     f"{run.max_rss_mb:.0f} MB (RSS), the rest is its workers; docs/dev/speed.md says what "
                     "the parent holds (the inputs' models and the jobs, measured with tracemalloc).")
    return lines


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
