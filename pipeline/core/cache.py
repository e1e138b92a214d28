"""What is kept between runs: values that cost a library load (or a drawing) to compute and never change.

The secretary's loop is one process per command, so what a process computed
once was computed again by the next: the Russian forms of the Штаб's name
(pymorphy3 loads its dictionaries for them: a tenth of a second), Kazakhstan's
working days (the `holidays` package builds the year's calendar), the month
names (Babel's locale data), the bodies' names in Latin letters for file names
(python-slugify), each template's cleaned XML and compiled Jinja code
(render/templates.py) and the annual report's chart (render/pictures.py). `KEPT`
below is the list of all of it; each is kept in one place, the user's own
cache folder (`SHTAB_CACHE`, else the system's place for it: ~/.cache/shtab on
Linux, %LOCALAPPDATA%\\shtab\\Cache on Windows), never in outputs/ nor in the
installed program's folder.

None of it changes a byte of a document:
- each value is a pure function of its key and of a stamp naming everything
  else it depends on (the library's and its data's versions, the digest of our
  own code that computes it); a different stamp is a different table;
- each file carries the digest of its contents: a damaged, truncated or stale
  file is ignored (the value is computed as before) and written again;
- the folder is used only when this user alone can write it (on POSIX: owned
  by the user, not writable by group or others), since compiled code is read
  back from it; otherwise nothing is kept and every run computes as before;
- `SHTAB_CACHE=off` keeps nothing (the benchmark's first-run figure, tests).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

ENV = "SHTAB_CACHE"
OFF = ("0", "off", "no", "false")

# Everything kept between runs, by the name of its table (a file `<name>.json`), its files (`<name>-*`) or its
# folder (`<name>/`) in the cache folder: what it is and who keeps it. A name not listed here is refused.
KEPT: dict[str, str] = {
    "inflections-ru": "the Russian forms of the Штаб's names (pymorphy3): grammar/ru.py",
    "months": "the month names in Kazakh and Russian (Babel): grammar/dates.py",
    "days-off-kz": "Kazakhstan's days off of each year (holidays): rules/workdays.py",
    "slugs": "the bodies' names in Latin letters, for file names (python-slugify): documents/between.py",
    "patched": "each template's XML as docxtpl cleans it: render/templates.py",
    "jinja": "each template's compiled Jinja code: render/templates.py",
    "pictures": "the annual report's chart, a PNG by the hash of what it shows (matplotlib): render/pictures.py",
}


def kept(name: str) -> str:
    """`name`, once it is known to be in `KEPT` (a new kind of kept value is listed there first)."""
    if name not in KEPT:
        raise ValueError(f"{name!r} is not in core/cache.py KEPT: list what it keeps there")
    return name


def place(name: str) -> Path | None:
    """The folder of one kind of kept files (`KEPT`), inside the cache folder; None when nothing is kept."""
    where = folder()
    return where / kept(name) if where is not None else None


def folder() -> Path | None:
    """The cache folder, created for this user alone, or None when it is switched off or not safe to use."""
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in OFF:
        return None
    if setting:
        path = Path(setting)
    else:
        import platformdirs  # here: only a run that computes something worth keeping asks where to keep it
        path = Path(platformdirs.user_cache_dir("shtab", appauthor=False))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return path if only_ours(path) else None
    except OSError:
        return None


def only_ours(path: Path) -> bool:
    """Whether only this user can write in `path`: compiled code read back from it must be our own.

    On POSIX: a folder (not a link) owned by this user, writable by no group and
    no other user. Windows has no owner bits here; the default folder there is in
    the user's own profile.
    """
    if not hasattr(os, "getuid"):
        return path.is_dir()
    info = path.lstat()
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022


def write_whole(path: Path, data: bytes) -> None:
    """`data` into `path` whole or not at all (write/files.py, the one durable write; a cache needs no flush): a
    parallel run reads the old file or the new one, never half; readable by this user alone."""
    from ..write.files import write_durably
    write_durably(path, data, mode=0o600, sync=False)


def sealed(payload: bytes) -> bytes:
    """`payload` preceded by its SHA-256, so that a damaged file is recognised when read back."""
    return hashlib.sha256(payload).digest() + payload


def unsealed(data: bytes) -> bytes | None:
    """The payload of `sealed` data, or None when the digest does not match (damaged, truncated)."""
    digest, payload = data[:32], data[32:]
    return payload if len(digest) == 32 and hashlib.sha256(payload).digest() == digest else None


@lru_cache(maxsize=None)
def version(distribution: str) -> str:
    """The installed version of a library (read from its metadata, without importing it)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed
    try:
        return installed(distribution)
    except PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=None)
def code_digest(path: str) -> str:
    """The digest of one of our own source files: kept values of an older version of the code are not used."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


class KeptValues:
    """A small table of JSON values kept between runs: `get(key)` or None, `put(key, value)`.

    The values must be a pure function of their key and of `stamp`. The table is
    read on the first `get` and written whole on each `put` (the misses of a
    first run: a dozen phrases); two runs writing at once lose one's entries, which
    are computed again next time.
    """

    def __init__(self, name: str, stamp: str) -> None:
        self.name, self.stamp = kept(name), stamp
        self._values: dict[str, Any] | None = None
        self._path: Path | None = None

    def _table(self) -> dict[str, Any]:
        if self._values is None:
            self._values = {}
            where = folder()
            self._path = where / f"{self.name}.json" if where else None
            if self._path is not None:
                self._values = self._read(self._path)
        return self._values

    def _read(self, path: Path) -> dict[str, Any]:
        """The kept values, or none when the file is missing, damaged or of another stamp."""
        try:
            payload = unsealed(path.read_bytes())
            data = json.loads(payload) if payload is not None else None
        except (OSError, ValueError):
            return {}
        if isinstance(data, dict) and data.get("stamp") == self.stamp and isinstance(data.get("values"), dict):
            return data["values"]
        return {}

    def get(self, key: str) -> Any:
        return self._table().get(key)

    def put(self, key: str, value: Any) -> None:
        table = self._table()
        table[key] = value
        if self._path is None:
            return
        payload = json.dumps({"stamp": self.stamp, "values": table}, ensure_ascii=False, sort_keys=True)
        try:
            write_whole(self._path, sealed(payload.encode("utf-8")))
        except OSError:
            self._path = None   # a full disk or a read-only folder: this run keeps nothing more


def kept_text(name: str, stamp: str, key: str, make: Callable[[], str]) -> str:
    """A long text that is a pure function of `key` and `stamp` (docxtpl's clean-up of a template's XML), kept in
    a file of its own named by their hash, which the file also holds (another key's file under this name, or
    anything else, is not read): read back when whole, else made by `make` now and kept."""
    kept(name)
    where = folder()
    if where is None:
        return make()
    digest = hashlib.sha256(f"{name}\n{stamp}\n".encode("utf-8") + key.encode("utf-8")).digest()
    path = where / f"{name}-{digest.hex()}.txt"
    try:
        payload = unsealed(path.read_bytes())
        if payload is not None and payload[:32] == digest:
            return payload[32:].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = make()
    try:
        write_whole(path, sealed(digest + text.encode("utf-8")))
    except OSError:
        pass
    return text
