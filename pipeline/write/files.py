"""Stage 5, write: documents land whole or not at all, and unchanged ones are not touched.

Writing has two phases. First every document is written to a temporary file
in its own folder (a full disk or a read-only folder fails here, before any
output has changed); then each is renamed into place. A failed run (an error,
Ctrl-C, a full disk) therefore leaves every earlier output as it was and no
temporary files. A file whose bytes would not change is not rewritten: its
modification time stays.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..core.errors import ShtabError
from ..locale.messages import _, os_problem


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool
    sealed: bool = False      # a signed protocol, as sealed in records/ (§15)


@dataclass(frozen=True)
class Staged:
    """A document written in full beside its place, waiting to be renamed into it."""

    path: Path
    temporary: Path | None    # None: the file already holds these bytes


class WriteFailed(ShtabError):
    """An output could not be written (full disk, no permission): exit 1, earlier outputs kept."""


def unchanged(path: Path, data: bytes) -> bool:
    return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data


def umask() -> int:
    """The process's umask (Linux: read from /proc/self/status, without changing it; else set and restored)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return int(next(line for line in status if line.startswith("Umask:")).split()[1], 8)
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
        return mask


def default_mode(path: Path) -> int:
    """The mode a file written at `path` gets: the one it has, else what the umask leaves of 0666 (0644 under 022)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~umask()


def stage(path: Path, data: bytes, sync: bool = True, mode: int | None = None) -> Staged:
    """Write `data` to a temporary file in `path`'s folder (flushed to disk unless `sync` is False); nothing is
    left behind if that fails.

    The file gets `mode`, else `default_mode` (mkstemp's 0600 would hide a document from the other users of
    a shared folder, whatever their umask says).
    """
    if unchanged(path, data):
        return Staged(path, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, default_mode(path) if mode is None else mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Staged(path, Path(temporary))


def write_durably(path: Path, data: bytes, mode: int | None = None, sync: bool = True) -> None:
    """One file replaced whole, for the writers outside a run's two phases: the sealed records, a form's save,
    what runs keep (core/cache.py, `sync=False`: a lost cache file is computed again).

    Staged beside `path` and flushed to disk, given `mode` (default: `default_mode`), then renamed into
    place: a reader sees the old file or the new one, never half of one. Unchanged bytes are not rewritten.
    """
    staged = stage(path, data, sync, mode)
    if staged.temporary is None:
        return
    try:
        os.replace(staged.temporary, path)
    except BaseException:
        staged.temporary.unlink(missing_ok=True)
        raise
    if sync:
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to flush, and needs none."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def commit(staged: Staged) -> Written:
    if staged.temporary is None:
        return Written(staged.path, False)
    os.replace(staged.temporary, staged.path)
    return Written(staged.path, True)


def write_atomic(path: Path, data: bytes) -> Written:
    """Write one document atomically; skip the write when the file already holds these bytes."""
    return write_all([(path, data)])[0]


def write_all(documents: Iterable[tuple[Path, bytes]], before_commit: Callable[[], None] | None = None) -> list[Written]:
    """Write every rendered document: all staged first, then all renamed; no temporary file survives.

    `documents` may be a generator that renders as it goes (`stages.run_documents`): each document is
    staged as it comes, so only one document's bytes are held at a time (1,000 meetings: 4,000
    documents). Whatever the generator raises (a failed render, a refusal) removes what was staged
    and propagates; nothing is renamed until every document is staged. `before_commit` runs then,
    between staging and renaming (the sealing of signed protocols, records.py): if it fails, nothing
    is renamed either.
    """
    staged: list[Staged] = []
    try:
        for path, data in documents:
            try:
                staged.append(_stage_or_refuse(path, data))
            except OSError as exc:
                raise WriteFailed(_("{path}: cannot write the documents ({problem}); no document was changed",
                                    path=exc.filename or "outputs", problem=os_problem(exc))) from exc
        if before_commit is not None:
            before_commit()
    except BaseException:
        _remove_temporaries(staged)
        raise
    try:
        return [commit(item) for item in staged]
    except OSError as exc:
        raise WriteFailed(_("{path}: cannot put the document in place ({problem}); documents already put in place "
                            "are whole, the others unchanged", path=exc.filename or "outputs",
                            problem=os_problem(exc))) from exc
    finally:
        _remove_temporaries(staged)


def remove_leftovers(paths: Iterable[Path]) -> list[Path]:
    """Remove what a run killed while staging left beside these documents: their hidden temporary files.

    Ctrl-C and errors clean up after themselves; kill -9 and a power cut cannot.
    Call it only under the run lock (lock.py): another run's staged files look the same.
    """
    removed = []
    for path in paths:
        if path.parent.is_dir():
            for leftover in path.parent.glob(f".{path.name}.*.tmp"):
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
    return removed


def _remove_temporaries(staged: list[Staged]) -> None:
    for item in staged:
        if item.temporary is not None:
            item.temporary.unlink(missing_ok=True)


def _stage_or_refuse(path: Path, data: bytes) -> Staged:
    try:
        return stage(path, data)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise
