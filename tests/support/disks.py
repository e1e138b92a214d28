"""Failing disks for the reliability tests: a folder made read-only, or a tiny full filesystem, for real.

CI runs as root, and root writes through `chmod a-w`: a folder is made
read-only by a read-only bind mount of itself, and a disk full by a small
tmpfs mounted on the folder, where the machine permits mounting (root with
CAP_SYS_ADMIN). Elsewhere, a user other than root gets `chmod`, and a full disk
becomes `ulimit -f` (RLIMIT_FSIZE: a write past the limit fails with EFBIG, as
Python ignores SIGXFSZ). When none is possible the test is skipped with the
reason (a reason that names no office suite, so tests/support/ci_skips.py
leaves it a skip).
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    if os.name != "posix" or shutil.which("mount") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def read_only(folder: Path):
    """`folder` (which exists) cannot be written while inside: a read-only bind mount, else chmod for a user."""
    if _mount("--bind", str(folder), str(folder)):
        try:
            if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True).returncode:
                pytest.skip("the machine refused to remount a folder read-only")
            yield "mount"
        finally:
            _umount(folder)
        return
    if os.name == "posix" and os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")] if path.is_dir()}
        for path in modes:
            path.chmod(0o555)
        try:
            yield "chmod"
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    pytest.skip("a read-only folder needs a read-only mount, which this machine does not permit, and root writes "
                "through chmod")


@contextlib.contextmanager
def full(folder: Path, keep: bool = True, fill: bool = True):
    """`folder` on a disk with no room left: a small tmpfs (its files copied in when `keep`; the rest of its room
    taken by a file `.filler` when `fill`, else 8 KB, less than any document), else `ulimit -f`."""
    saved, size = None, 0
    if keep and folder.exists():
        saved = Path(tempfile.mkdtemp(prefix="shtab-full-")) / "saved"
        shutil.copytree(folder, saved, symlinks=True)
        size = sum(path.stat().st_size for path in saved.rglob("*") if path.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    room = f"{(size // 1024 + 64) if fill else 8}k"
    if _mount("-t", "tmpfs", "-o", f"size={room},nr_inodes=256", "tmpfs", str(folder)):
        try:
            if saved is not None:
                shutil.copytree(saved, folder, symlinks=True, dirs_exist_ok=True)
            if fill:
                _fill(folder)
            yield "tmpfs"
        finally:
            _umount(folder)
            if saved is not None:
                shutil.rmtree(saved.parent, ignore_errors=True)
        return
    if saved is not None:
        shutil.rmtree(saved.parent, ignore_errors=True)
    if os.name != "posix":
        pytest.skip("a full disk needs a small tmpfs or ulimit -f, neither of which this system has")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    except (ValueError, OSError):
        pytest.skip("a full disk needs a small tmpfs or ulimit -f, and this machine permits neither")
    try:
        yield "ulimit"
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _fill(folder: Path) -> None:
    """Take what room the tmpfs has left, so that the next write fails with ENOSPC."""
    try:
        with open(folder / ".filler", "ab") as stream:
            while True:
                stream.write(b"\0" * 1024)
                stream.flush()
    except OSError:
        pass
