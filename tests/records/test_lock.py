"""Two runs started at once do not interleave: the second waits for the first, or refuses clearly."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from pipeline.records import store as records
from tests.support.docx_reading import snapshot
from tests.support.inputs import ROOT

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}


def _hold_lock(root: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the project's run lock for `seconds`; returns once it holds it."""
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from pipeline.write.lock import run_lock
        with run_lock(Path({str(root)!r}), "shtab all (the other run)"):
            print("held", flush=True)
            time.sleep({seconds})
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def _shtab(project, *args: str, wait: float) -> subprocess.CompletedProcess:
    env = dict(os.environ, SHTAB_LOCK_WAIT=str(wait))
    return subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(project.inputs), "--outputs",
                           str(project.outputs), *args], cwd=ROOT, env=env, capture_output=True, text=True)


def test_the_second_run_refuses_clearly_when_the_first_holds_on(project):
    project.meeting(protocol=SIGNED)
    holder = _hold_lock(project.root, 30)
    try:
        result = _shtab(project, "protocol", wait=0.5)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert "another run is still writing the documents" in result.stderr
    assert "shtab all (the other run)" in result.stderr and "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not project.outputs.exists() and not (project.root / "records").exists()


def test_the_second_run_waits_for_the_first_and_then_runs(project):
    project.meeting(protocol=SIGNED)
    holder = _hold_lock(project.root, 60)
    env = dict(os.environ, SHTAB_LOCK_WAIT="120")
    second = subprocess.Popen([sys.executable, "-m", "pipeline", "--inputs", str(project.inputs), "--outputs",
                               str(project.outputs), "--ui-lang", "ru", "protocol"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    waiting = second.stderr.readline()           # it says so while it waits
    holder.terminate()                           # the first run ends
    holder.wait()
    out, err = second.communicate(timeout=120)
    assert "документы записывает другой запуск" in waiting and "ждём его завершения" in waiting, waiting + err
    assert "shtab all (the other run)" in waiting
    assert second.returncode == 0, err
    assert (project.outputs / "meetings" / "2026-01" / "protocol.ru.docx").is_file()


def test_two_runs_at_once_seal_once_and_agree(project):
    project.meeting(protocol=SIGNED)
    env = dict(os.environ, SHTAB_LOCK_WAIT="120")
    command = [sys.executable, "-m", "pipeline", "--inputs", str(project.inputs), "--outputs", str(project.outputs),
               "protocol"]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    store = records.Store.open(project.root)
    assert [v.version for v in store.versions("2026-01")] == [1] and records.check_files(store) == []
    assert sum("sealed records/meetings/2026-01/ (version 1)" in out for out, _ in results) == 1


def test_a_killed_holder_leaves_no_lock_behind(project):
    project.meeting()
    holder = _hold_lock(project.root, 60)
    holder.kill()                               # SIGKILL: the operating system releases its lock
    holder.wait()
    before = snapshot(project.inputs)
    result = _shtab(project, "protocol", wait=0)
    assert result.returncode == 0, result.stderr
    assert snapshot(project.inputs) == before
