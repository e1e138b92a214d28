"""Stage 5, write: documents land whole or not at all, and unchanged ones are not touched.

Each file is written to a temporary file in its own folder and renamed into
place only when complete, so a failed run (an error, Ctrl-C, a full disk)
leaves every earlier output as it was and no temporary files. A file whose
bytes would not change is not rewritten: its modification time stays.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool


def write_atomic(path: Path, data: bytes) -> Written:
    """Write `data` to `path` atomically; skip the write when the file already holds these bytes."""
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return Written(path, False)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Written(path, True)


def write_all(documents: list[tuple[Path, bytes]]) -> list[Written]:
    """Write every rendered document; called only after all of them rendered without error."""
    return [write_atomic(path, data) for path, data in documents]
