"""Benchmark (make bench): the pipeline against bare docxtpl, a large Штаб, and PDF batching.

    python tools/bench.py                       # everything; about two minutes on 2 cores
    python tools/bench.py --sizes 100,300 --reps 5 --pdf-single 3
    python tools/bench.py --no-pdf

Measures, in one run:
  (a) bare docxtpl: the project's own templates rendered with the same
      contexts as `all` builds (DocxTemplate → render(autoescape=True) → save;
      the annual report's chart as an InlineImage of the PNG drawn beforehand),
      in this process, best of --reps: ms per document;
  (b) `python -m pipeline all` on the sample inputs as a whole process
      (start-up, reading, checking, rendering, writing), best of --reps:
      ms per document and the ratio to (a); also with SHTAB_WORKERS=1;
  (c) a synthetic Штаб of 100, 300 and 1,000 meetings (copies of the sample
      meetings under new ids and numbers, in a temporary folder): wall time,
      time per meeting (flat = linear cost) and peak memory (the largest
      resident set of the process and its workers, from wait4's rusage);
  (d) PDF: LibreOffice once per file against one batch for all files;
  (e) the browser workspace (`serve`): start-up after imports (the app made,
      uvicorn listening, the first page answered) and the server time of one
      live check of the meeting form (best of --reps).

Prints a table and writes it to bench-results/ (kept out of git). Timings on
a shared machine vary from run to run: each figure is the best of several runs
where the run is short enough to repeat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "inputs"
RESULTS = ROOT / "bench-results"
TARGET_RATIO = 1.3
TARGET_LARGE_S = 60.0
TARGET_LARGE_MB = 300.0
TARGET_PDF_S = 0.25

from pipeline.render import PARALLEL_FROM  # noqa: E402


@dataclass
class Run:
    seconds: float
    peak_mb: float
    documents: int


def run_pipeline(inputs: Path, outputs: Path, *args: str, env: dict | None = None) -> Run:
    """`python -m pipeline all` as the secretary runs it: wall time and the peak memory of its process tree."""
    if outputs.exists():
        shutil.rmtree(outputs)
    command = [sys.executable, "-m", "pipeline", "-q", "--inputs", str(inputs), "--outputs", str(outputs), *args]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors,
                                 env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"pipeline failed ({child.returncode}):\n{errors.read().decode()[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, len(list(outputs.rglob("*.docx"))))


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


# ---------------------------------------------------------------- (a) bare docxtpl


def bare_docxtpl_ms(reps: int) -> tuple[float, int]:
    """Plain docxtpl with the project's templates and the contexts of `all`: best ms per document."""
    from docxtpl import DocxTemplate

    from pipeline import stages
    from pipeline.render import template_path
    assessment = stages.prepare(SAMPLE, dt.date(2026, 12, 31))
    built, _ = stages.build_contexts(stages.jobs_for(assessment, list(stages.DOCUMENTS)))
    from docx.shared import Mm
    from docxtpl import InlineImage
    items = [(str(template_path(job.template_name, job.lang)), context) for job, context in built]
    pictures = {id(v): v.png for _, c in items for v in c.values() if hasattr(v, "png")}  # drawn beforehand: input
    timings = []
    for _ in range(reps):
        start = time.perf_counter()
        for template, context in items:
            document = DocxTemplate(template)
            context = {k: InlineImage(document, io.BytesIO(pictures[id(v)]), width=Mm(v.width_mm))
                       if id(v) in pictures else v for k, v in context.items()}
            document.render(context, autoescape=True)
            document.save(io.BytesIO())
        timings.append(time.perf_counter() - start)
    return min(timings) * 1000 / len(items), len(items)


# ---------------------------------------------------------------- (c) a synthetic Штаб


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


# ---------------------------------------------------------------- (d) PDF


def pdf_timings(outputs: Path, singles: int) -> tuple[float, float, int]:
    """Seconds per file converting `singles` files one LibreOffice process each, and per file in one batch."""
    from pipeline.pdf import convert_batch, documents_in
    documents = documents_in(outputs)
    start = time.perf_counter()
    for docx in documents[:singles]:
        convert_batch([docx])
    single = (time.perf_counter() - start) / max(1, min(singles, len(documents)))
    for pdf in outputs.rglob("*.pdf"):
        pdf.unlink()
    start = time.perf_counter()
    convert_batch(documents)
    batch = (time.perf_counter() - start) / len(documents)
    return single, batch, len(documents)


# ---------------------------------------------------------------- the table


TARGET_SERVE_START_S = 0.5
TARGET_LIVE_CHECK_MS = 150.0


def workspace_timings(reps: int) -> tuple[float, float]:
    """`serve` after its imports: seconds to a listening server that answered its first page; ms of a live check.

    The server runs on a free port of 127.0.0.1 over a copy of the sample inputs;
    the live check posts the unchanged form of the one unsigned sample meeting.
    """
    import socket
    import threading
    import urllib.request
    from urllib.parse import urlencode

    import uvicorn

    from pipeline.web import yamledit
    from pipeline.web.app import Workspace, create_app
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


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=5, help="repetitions of the short measurements (best is kept)")
    parser.add_argument("--sizes", default="100,300,1000", help="meetings of the synthetic Штаб")
    parser.add_argument("--pdf-single", type=int, default=4, help="files converted one process each in (d)")
    parser.add_argument("--no-pdf", action="store_true", help="skip (d)")
    args = parser.parse_args(argv)
    lines: list[str] = []
    results: dict = {"cpus": os.cpu_count(), "load_before": os.getloadavg()}

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    with tempfile.TemporaryDirectory(prefix="shtab-bench-") as temporary:
        work = Path(temporary)
        bare, count = bare_docxtpl_ms(args.reps)
        default_runs, serial_runs = [], []
        for _ in range(args.reps):          # interleaved, so a burst of load elsewhere hits both alike
            default_runs.append(run_pipeline(SAMPLE, work / "out", "all"))
            serial_runs.append(run_pipeline(SAMPLE, work / "out", "all", env={"SHTAB_WORKERS": "1"}))
        parallel, serial = best(default_runs), best(serial_runs)
        per_doc = parallel.seconds * 1000 / parallel.documents
        ratio = per_doc / bare
        results.update(bare_ms=bare, all_ms=per_doc, all_serial_ms=serial.seconds * 1000 / serial.documents,
                       ratio=ratio, documents=parallel.documents)
        say(f"shtab benchmark — {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, best of {args.reps}")
        say("")
        say("| measurement | result | target |")
        say("| --- | --- | --- |")
        say(f"| (a) bare docxtpl, {count} documents | {bare:.1f} ms/doc | |")
        say(f"| (b) `all` as a process, {parallel.documents} documents | {per_doc:.1f} ms/doc "
            f"({parallel.seconds:.2f} s, {parallel.peak_mb:.0f} MB) | |")
        say(f"| (b) the same, SHTAB_WORKERS=1 (identical below {PARALLEL_FROM} documents) | {serial.seconds * 1000 / serial.documents:.1f} ms/doc "
            f"({serial.seconds:.2f} s) | |")
        say(f"| (b) ratio `all` / bare docxtpl | {ratio:.2f} | ≤ {TARGET_RATIO} {verdict(ratio <= TARGET_RATIO)} |")
        large = []
        for size in [int(s) for s in args.sizes.split(",") if s]:
            inputs = synthetic_inputs(work, size)
            run = run_pipeline(inputs, work / f"out-{size}", "all")
            shutil.rmtree(work / f"out-{size}")
            large.append((size, run))
            target = ""
            if size == 1000:
                ok = run.seconds < TARGET_LARGE_S and run.peak_mb < TARGET_LARGE_MB
                target = f"< {TARGET_LARGE_S:.0f} s, < {TARGET_LARGE_MB:.0f} MB {verdict(ok)}"
            say(f"| (c) {size} meetings, {run.documents} documents | {run.seconds:.1f} s, "
                f"{run.seconds * 1000 / size:.1f} ms/meeting, peak {run.peak_mb:.0f} MB | {target} |")
        results["large"] = [{"meetings": s, "seconds": r.seconds, "peak_mb": r.peak_mb, "documents": r.documents}
                            for s, r in large]
        if not args.no_pdf:
            if shutil.which("soffice") is None and not os.environ.get("SHTAB_SOFFICE"):
                say("| (d) PDF | skipped: LibreOffice is not installed | |")
            else:
                run_pipeline(SAMPLE, work / "out", "all")
                single, batch, documents = pdf_timings(work / "out", args.pdf_single)
                results.update(pdf_single_s=single, pdf_batch_s=batch)
                say(f"| (d) PDF, one LibreOffice per file ({args.pdf_single} files) | {single:.2f} s/doc | |")
                say(f"| (d) PDF, one batch of {documents} | {batch:.2f} s/doc | ≤ {TARGET_PDF_S} "
                    f"{verdict(batch <= TARGET_PDF_S)} |")
        startup, check_ms = workspace_timings(args.reps)
        results.update(serve_startup_s=startup, live_check_ms=check_ms)
        say(f"| (e) `serve` start-up after imports, first page answered | {startup:.2f} s | ≤ {TARGET_SERVE_START_S} "
            f"{verdict(startup <= TARGET_SERVE_START_S)} |")
        say(f"| (e) one live check of the meeting form (server time, sample inputs) | {check_ms:.0f} ms | ≈ "
            f"{TARGET_LIVE_CHECK_MS:.0f} {verdict(check_ms <= TARGET_LIVE_CHECK_MS)} |")
    results["load_after"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nwritten: {(RESULTS / f'bench-{stamp}.md').relative_to(ROOT)} (not in git)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
