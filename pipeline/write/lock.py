"""One run at a time writes a project's outputs/ and records/: the run lock.

Two runs started at once (the secretary's `make all` while `watch` or the
browser workspace rebuilds, or two terminals) would interleave their writes:
one could stage a protocol while the other seals it, and SHA256SUMS would list
what the other removed. Every command that writes takes this lock first; the
second run waits for the first to finish, saying so, and refuses clearly when
it has waited too long. Reading commands (`check`) do not take it.

The lock is `filelock.FileLock` on `<project>/.shtab.lock` (the folder that holds
inputs/ and records/): an OS lock (fcntl on Linux and macOS, msvcrt on Windows),
released by the operating system when the holder dies, even by kill -9, so a
crashed run never leaves the project locked. Beside it, `.shtab.run` names the
holder (process id, command, start time) for the message of the second run.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from ..core.errors import ShtabError
from ..locale.messages import Message, _

OWNER_NAME = ".shtab.run"
WAIT_ENV = "SHTAB_LOCK_WAIT"
DEFAULT_WAIT_S = 300.0     # the largest run measured (1,000 meetings, `all`) takes under a minute


@lru_cache(maxsize=1)
def _filelock():
    """filelock's (FileLock, SoftFileLock, Timeout), imported when a run first writes: `check`, which takes no
    lock, never loads filelock and the logging it brings (~15 ms of every run, measured: tools/bench.py)."""
    with warnings.catch_warnings():
        # Where the OS has neither fcntl nor msvcrt (only the tests' simulated Windows), filelock warns on import and
        # falls back to a lock file's mere existence; the secretary must not see a Python warning for it.
        warnings.simplefilter("ignore")
        from filelock import FileLock, SoftFileLock, Timeout
    return FileLock, SoftFileLock, Timeout


def soft() -> bool:
    """Whether this system has no OS lock: filelock's fallback holds the lock by the file's mere existence, so it
    has a name of its own (an OS lock's file stays after release), and a file left by a killed holder is taken
    back (`_stale`)."""
    file_lock, soft_file_lock, _timeout = _filelock()
    return file_lock is soft_file_lock


def lock_name() -> str:
    return ".shtab.softlock" if soft() else ".shtab.lock"


class ProjectBusy(ShtabError):
    """Another run held the lock for longer than this run would wait: exit 1, nothing written."""


def project_root(inputs: Path) -> Path:
    """The folder that holds inputs/ and records/ (docs/regulation/contract.md: records/ is in the parent of --inputs)."""
    return inputs.parent


def wait_limit() -> float:
    """Seconds the second run waits (SHTAB_LOCK_WAIT; 0 refuses at once)."""
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, DEFAULT_WAIT_S)))
    except ValueError:
        return DEFAULT_WAIT_S


@contextmanager
def run_lock(root: Path, command: str, wait: float | None = None,
             on_wait: Callable[[Message], None] | None = None) -> Iterator[None]:
    """Hold the project's run lock while the block runs; wait for another holder, then refuse.

    `on_wait` receives the message "another run ... is writing; waiting" once, when
    the lock is busy (the command line prints it to stderr).
    """
    file_lock, _soft_file_lock, Timeout = _filelock()   # noqa: N806 - filelock's class
    root.mkdir(parents=True, exist_ok=True)
    lock = file_lock(str(root / lock_name()))
    limit = wait_limit() if wait is None else wait
    if soft() and _stale(root):
        (root / lock_name()).unlink(missing_ok=True)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _holder(root)
        if on_wait is not None and limit > 0:
            on_wait(_("another run is writing the documents: {holder}; waiting for it to finish (at most {seconds} s)",
                      holder=holder, seconds=int(limit)))
        try:
            lock.acquire(timeout=limit, poll_interval=0.1)
        except Timeout:
            raise ProjectBusy(_("another run is still writing the documents in {root}: {holder}; nothing was "
                                "written. Run the command again when it has finished (waited {seconds} s; "
                                "SHTAB_LOCK_WAIT sets how long)", holder=holder, root=root,
                                seconds=int(limit))) from None
    try:
        _write_holder(root, command)
        yield
    finally:
        lock.release()


def _stale(root: Path) -> bool:
    """A lock file whose holder is gone (killed): only for the soft fallback, on POSIX, where asking is harmless."""
    if os.name != "posix" or not (root / lock_name()).exists():
        return False
    try:
        pid = int((root / OWNER_NAME).read_text(encoding="utf-8").split("\t")[0])
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, ValueError):
        return False
    return False


def _write_holder(root: Path, command: str) -> None:
    started = dt.datetime.now(dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")   # the holder's note, not a rule's clock
    try:
        (root / OWNER_NAME).write_text(f"{os.getpid()}\t{command}\t{started}\n", encoding="utf-8")
    except OSError:
        pass  # only the second run's message loses the holder's name


def _holder(root: Path) -> Message:
    """'pid 1234, `shtab protocol`, since 2026-03-12 10:00:03', or a plain phrase when unknown."""
    try:
        pid, command, started = (root / OWNER_NAME).read_text(encoding="utf-8").rstrip("\n").split("\t")
    except (OSError, ValueError):
        return _("another process")
    return _("process {pid} ({command}, since {started})", pid=pid, command=command, started=started)


def command_line() -> str:
    """How this run was started, for the second run's message."""
    return "shtab " + " ".join(sys.argv[1:])
