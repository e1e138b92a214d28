"""A run killed at any moment (kill -9) leaves every document whole, old or new, and records/ consistent.

A child process runs `--force protocol` on a project whose signed meeting
changes between runs (so each run seals a new version in records/ and rewrites
outputs/), and is killed with SIGKILL at a random moment. After each kill:
- every DOCX in outputs/ is a whole file: the protocol of the signed meeting is
  one of its sealed versions, the unsigned one is the old or the new render;
- SHA256SUMS is whole, and every file it lists is there with its SHA-256 (a
  killed sealing can only leave files it does not list yet);
- after the next run's recovery, nothing unlisted is left, and every version is
  complete (both languages and its fingerprint), numbered 1, 2, 3... without gaps.

`make test` kills 20 runs; `make stress` (SHTAB_KILLS=200) at least 200. The
count is printed. The child is forked from the test process, so each run is a
fraction of a second and the kills land in loading, rendering, sealing and
writing alike.
"""

from __future__ import annotations

import os
import random
import signal
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from pipeline.records import store as records
from tests.support.inputs import ProjectDir

KILLS = int(os.environ.get("SHTAB_KILLS", "20"))
TEXTS = ["Отдел полиции проинформировал.", "Отдел полиции проинформировал повторно.",
         "Отдел полиции дополнил информацию."]


def _variant(project: ProjectDir, index: int) -> None:
    """The signed meeting and the unsigned one with the report text number `index`."""
    signed = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}
    for meeting_id, number, day, protocol in (("2026-01", 1, "2026-03-12", signed),
                                              ("2026-02", 2, "2026-03-19", {"drawn_up": "2026-03-19",
                                                                            "signed_by": "akim"})):
        data = yaml.safe_load(yaml.safe_dump(_meeting(number, day, protocol)))
        data["items"][0]["heard"] = {"kk": "Полиция бөлімі ақпарат берді.", "ru": TEXTS[index]}
        project.write(f"meetings/{meeting_id}.yaml", data)


def _meeting(number, day, protocol):
    from tests.support.inputs import meeting
    return meeting(number=number, date=day, documents_sent="2026-03-08" if number == 1 else "2026-03-15",
                   protocol=protocol)


def _run_child(project: ProjectDir) -> int:
    """Fork a run of `--force protocol`; returns its pid."""
    pid = os.fork()
    if pid == 0:  # the child: the program as the secretary runs it, output discarded
        code = 3
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            from pipeline.cli.main import cli
            cli.main(["--inputs", str(project.inputs), "--outputs", str(project.outputs), "--force", "protocol"],
                     standalone_mode=False)
            code = 0
        except BaseException:  # noqa: BLE001 - the exit code is all the parent looks at
            code = 1
        finally:
            os._exit(code)
    return pid


def _finish(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _whole(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None
    except zipfile.BadZipFile:
        return False


def _check(project: ProjectDir, unsigned_renders: set[bytes]) -> tuple[bool, bool]:
    """The state after a run (killed or not); returns whether it left a half sealing, and staged documents."""
    store = records.Store.open(project.root)
    assert store.malformed == [], "SHA256SUMS is torn"
    before = records.check_files(store)
    assert all(problem.how in ("unlisted", "incomplete", "absent") for problem in before), before   # listed files are all as sealed
    half_sealed = bool(before) or (store.folder / records.JOURNAL).exists()
    staged = any(project.outputs.rglob(".*.tmp"))
    sealed = {store.path(listed).read_bytes() for listed in store.sums if listed.endswith(".docx")}
    for docx in project.outputs.rglob("*.docx"):
        assert _whole(docx), f"torn: {docx}"
        if docx.parent.name == "2026-01":
            assert docx.read_bytes() in sealed, f"{docx} is no sealed version"
        else:
            assert docx.read_bytes() in unsigned_renders, f"{docx} is neither the old nor the new document"
    store.recover()                                  # what the next run does first, under the run lock
    store.reload()
    assert records.check_files(store) == []
    versions = store.versions("2026-01")
    assert [v.version for v in versions] == list(range(1, len(versions) + 1))
    for version in versions:
        assert sorted(version.docx) == ["kk", "ru"] and version.fingerprint in store.sums
    return half_sealed, staged


def _unsigned_renders(tmp_path: Path) -> set[bytes]:
    """Every form the unsigned meeting's protocol takes, rendered by complete runs in a scratch project."""
    (tmp_path / "scratch").mkdir()
    scratch = ProjectDir(tmp_path / "scratch")
    renders = set()
    for index in range(len(TEXTS)):
        _variant(scratch, index)
        assert _finish(_run_child(scratch)) == 0
        renders |= {p.read_bytes() for p in (scratch.outputs / "meetings" / "2026-02").glob("*.docx")}
    return renders


def test_random_kills_leave_whole_documents_and_consistent_records(tmp_path, capsys):
    root = tmp_path / "project"
    root.mkdir()
    project = ProjectDir(root)
    renders = _unsigned_renders(tmp_path)
    _variant(project, 0)
    started = time.monotonic()
    assert _finish(_run_child(project)) == 0
    duration = time.monotonic() - started
    chance = random.Random(int(os.environ.get("SHTAB_KILL_SEED", "13")))
    killed = completed = half_sealed = staged = 0
    # A kill that comes after its run finished is no kill; when other work on the machine stops, runs get
    # faster than the first one measured, so there are enough attempts for KILLS kills at any load.
    for attempt in range(KILLS * 8):
        if killed >= KILLS:
            break
        _variant(project, (attempt + 1) % len(TEXTS))
        pid = _run_child(project)
        # Half the kills anywhere in a run, half in its last part, where it seals and writes.
        time.sleep(chance.uniform(0, duration) if attempt % 2 else chance.uniform(0.6 * duration, 1.1 * duration))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        code = _finish(pid)
        if code == -signal.SIGKILL:
            killed += 1
        else:
            assert code == 0, f"a run that was not killed failed (exit {code})"
            completed += 1
        sealing, writing = _check(project, renders)
        half_sealed += sealing
        staged += writing
    assert _finish(_run_child(project)) == 0          # the next run cleans what kill -9 left
    assert not any(project.outputs.rglob(".*.tmp")) and not any(project.root.joinpath("records").rglob(".*"))
    with capsys.disabled():
        print(f"\nrandom kills: {killed} runs killed with SIGKILL at random moments ({half_sealed} in the middle of "
              f"sealing, {staged} while staging documents), {completed} finished first; "
              f"{len(records.Store.open(root).versions('2026-01'))} versions sealed; no torn file, SHA256SUMS "
              "consistent")
    assert killed >= KILLS


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX only")
def test_the_check_sees_a_torn_document(tmp_path):
    """The check can fail: a document cut short is not whole."""
    path = tmp_path / "torn.docx"
    (tmp_path / "p").mkdir()
    whole = ProjectDir(tmp_path / "p")
    _variant(whole, 0)
    assert _finish(_run_child(whole)) == 0
    data = next((whole.outputs / "meetings" / "2026-02").glob("*.docx")).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert not _whole(path)
