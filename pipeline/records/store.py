"""The sealed records of signed protocols (§15, §24): records/ beside inputs/, never cleaned, committed.

The first time a protocol is written while its meeting says `protocol.signed:
true`, it is sealed: its DOCX in every language of the meeting, a PDF/A-2b copy
of each where LibreOffice is installed, and the fingerprint of the inputs it
was made from (fingerprint.py) go into `records/meetings/<meeting>/`, and their
SHA-256 into `records/SHA256SUMS` (the format `sha256sum -c` reads, paths from
the project folder). From then on the record is the source of truth: a run
copies it into outputs/ whatever the templates say now; an edit of the
meeting's inputs refuses the run naming the key and line (rules/signed.py);
`--force` seals a new version beside the old one.

A sealed file never changes and is never removed. Version 1 is
`protocol.<lang>.docx`, `protocol.<lang>.pdf`, `fingerprint.json`; version n > 1
is `protocol.<lang>.<n>.docx`, `protocol.<lang>.<n>.pdf`, `fingerprint.<n>.json`,
whose fingerprint also says who sealed it, when, and what had changed.

So sealing only ever adds files, and SHA256SUMS is the commit point: the new
files are written (each to a temporary name, flushed, then renamed), and only
then is SHA256SUMS replaced in one rename. A run killed at any moment leaves
either the old list with some new files it does not name yet, or the new list
with every file it names. The journal `records/.sealing` names the files being
added; the next run (or `verify`), under the run lock, removes those the list
does not name, so the interrupted sealing is as if it never began.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import Finding, Loc, error
from ..locale.messages import _
from ..write.files import sync_folder, write_durably
from .fingerprint import Fingerprint

RECORDS = "records"
SUMS = "SHA256SUMS"
JOURNAL = ".sealing"
PDF_ENV = "SHTAB_SEAL_PDF"            # "0": seal without the PDF/A copy (tests; a machine whose LibreOffice fails)

# A line of SHA256SUMS as `sha256sum` writes it: 64 hex digits, two spaces (or " *" for binary mode), the path.
_SUMS_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")
# records/meetings/<meeting>/fingerprint.json or fingerprint.<n>.json: one per sealed version
_FINGERPRINT = re.compile(r"^records/meetings/([a-z0-9-]+)/fingerprint(?:\.([0-9]+))?\.json$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_name(kind: str, version: int, lang: str | None = None) -> str:
    """'protocol.kk.docx' (version 1), 'protocol.kk.2.docx', 'fingerprint.json', 'fingerprint.3.json'."""
    stem = f"protocol.{lang}" if kind in ("docx", "pdf") else "fingerprint"
    ext = "json" if kind == "fingerprint" else kind
    return f"{stem}.{ext}" if version == 1 else f"{stem}.{version}.{ext}"


@dataclass(frozen=True)
class Sealed:
    """One sealed version of a meeting's protocol, as SHA256SUMS lists it."""

    meeting: str
    version: int
    docx: dict[str, str]            # lang → listed path ("records/meetings/<id>/protocol.kk.docx")
    pdf: dict[str, str]
    fingerprint: str                # listed path of its fingerprint


@dataclass
class Store:
    """The records/ folder of one project, read through its SHA256SUMS.

    `root` is the project folder (the parent of inputs/); every listed path is
    relative to it, so `sha256sum -c records/SHA256SUMS` works from there.
    """

    root: Path
    sums: dict[str, str] = field(default_factory=dict)       # listed path → SHA-256
    malformed: list[int] = field(default_factory=list)       # lines of SHA256SUMS that are not "hash  path"

    @classmethod
    def open(cls, root: Path) -> "Store":
        store = cls(root)
        store.reload()
        return store

    @property
    def folder(self) -> Path:
        return self.root / RECORDS

    @property
    def sums_path(self) -> Path:
        return self.folder / SUMS

    def path(self, listed: str) -> Path:
        return self.root / listed

    def reload(self) -> None:
        self.sums, self.malformed = {}, []
        try:
            text = self.sums_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        for number, line in enumerate(text.splitlines(), 1):
            match = _SUMS_LINE.match(line)
            if match and not match.group(2).startswith("/") and ".." not in match.group(2).split("/"):
                self.sums[match.group(2)] = match.group(1)
            elif line.strip():
                self.malformed.append(number)

    # ------------------------------------------------------------ what is sealed

    def versions(self, meeting_id: str) -> list[Sealed]:
        """Every sealed version of a meeting's protocol, oldest first."""
        found = []
        for listed in self.sums:
            match = _FINGERPRINT.match(listed)
            if match and match.group(1) == meeting_id:
                found.append(self._version(meeting_id, int(match.group(2) or 1)))
        return sorted(found, key=lambda sealed: sealed.version)

    def latest(self, meeting_id: str) -> Sealed | None:
        versions = self.versions(meeting_id)
        return versions[-1] if versions else None

    def meetings(self) -> list[str]:
        return sorted({m.group(1) for m in map(_FINGERPRINT.match, self.sums) if m})

    def _version(self, meeting_id: str, version: int) -> Sealed:
        folder = f"{RECORDS}/meetings/{meeting_id}/"
        docx, pdf = {}, {}
        for listed in self.sums:
            if not listed.startswith(folder):
                continue
            name = listed[len(folder):]
            for lang in _langs_named(name):
                if name == file_name("docx", version, lang):
                    docx[lang] = listed
                elif name == file_name("pdf", version, lang):
                    pdf[lang] = listed
        return Sealed(meeting_id, version, docx, pdf, folder + file_name("fingerprint", version))

    def read(self, listed: str) -> bytes:
        """The bytes of a listed file, checked against SHA256SUMS; `Altered` when they differ or it is gone."""
        try:
            data = self.path(listed).read_bytes()
        except FileNotFoundError:
            raise Altered(listed, "missing") from None
        if sha256(data) != self.sums.get(listed):
            raise Altered(listed, "altered")
        return data

    def fingerprint(self, sealed: Sealed) -> dict:
        return json.loads(self.read(sealed.fingerprint).decode("utf-8"))

    # ------------------------------------------------------------ sealing: adding files, SHA256SUMS last

    def seal(self, files: dict[str, bytes]) -> None:
        """Add these files (listed path → bytes) to the records; SHA256SUMS is replaced last, in one rename.

        Every path must be new: a sealed file is never replaced. The journal names
        the files first, so an interrupted sealing is rolled back by `recover`.
        """
        clash = [listed for listed in files if listed in self.sums]
        if clash:
            raise ValueError(f"already sealed: {', '.join(clash)}")
        self.folder.mkdir(parents=True, exist_ok=True)
        write_durably(self.folder / JOURNAL, json.dumps(sorted(files)).encode("utf-8"))
        for listed, data in sorted(files.items()):
            write_durably(self.path(listed), data)
        sums = dict(self.sums)
        sums.update({listed: sha256(data) for listed, data in files.items()})
        write_durably(self.sums_path, sums_text(sums).encode("utf-8"))
        self.sums = sums
        (self.folder / JOURNAL).unlink(missing_ok=True)
        sync_folder(self.folder)

    def recover(self) -> list[str]:
        """Undo a sealing that was interrupted (kill -9, power cut): remove what SHA256SUMS does not name.

        Only the files the journal names and the hidden temporary files of a write
        are removed; a listed file is never touched. Returns the paths removed.
        """
        removed = []
        journal = self.folder / JOURNAL
        if journal.is_file():
            try:
                pending = json.loads(journal.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pending = []      # written in one rename, so never torn; an unreadable one names nothing
            for listed in pending:
                if isinstance(listed, str) and listed not in self.sums and self.path(listed).is_file():
                    self.path(listed).unlink()
                    removed.append(listed)
            journal.unlink()
        if self.folder.is_dir():
            for temporary in self.folder.rglob(".*.tmp"):
                temporary.unlink(missing_ok=True)
                removed.append(temporary.relative_to(self.root).as_posix())
        return removed


class Altered(Exception):
    """A listed file is not as sealed: `how` is "altered" or "missing"."""

    def __init__(self, listed: str, how: str) -> None:
        super().__init__(f"{listed}: {how}")
        self.listed, self.how = listed, how


def sums_text(sums: dict[str, str]) -> str:
    """SHA256SUMS as `sha256sum` writes it: "<hash>  <path>", sorted by path."""
    return "".join(f"{digest}  {listed}\n" for listed, digest in sorted(sums.items()))


def _langs_named(name: str) -> list[str]:
    match = re.match(r"^protocol\.([a-z]{2})\.", name)
    return [match.group(1)] if match else []


# ---------------------------------------------------------------- who seals, and when


@dataclass(frozen=True)
class Sealer:
    """Who seals a new version and when: written into its fingerprint and said on the terminal."""

    who: str
    when: dt.datetime

    def as_json(self) -> dict:
        return {"by": self.who, "at": self.when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}


def who_seals(root: Path) -> str:
    """The person running the program: git's user.name <user.email> in the project, else the login name."""
    name, email = _git_config(root, "user.name"), _git_config(root, "user.email")
    if name:
        return f"{name} <{email}>" if email else name
    for variable in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(variable):
            return os.environ[variable]
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this machine
        return "unknown"


def _git_config(root: Path, key: str) -> str:
    git = shutil.which("git")
    if git is None:
        return ""
    try:
        result = subprocess.run([git, "config", "--get", key], cwd=root if root.is_dir() else None,
                                capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


# ---------------------------------------------------------------- the fingerprint file


def fingerprint_file(meeting_id: str, version: int, langs: list[str], digests: Fingerprint,
                     sealer: Sealer | None = None, changes: list[str] | None = None) -> bytes:
    """The fingerprint of one version: the inputs' digests; for a version after the first, who, when, why."""
    data: dict = {"meeting": meeting_id, "version": version, "languages": langs}
    if sealer is not None:
        data["sealed"] = {**sealer.as_json(), "with": "--force", "changed": changes or []}
    data["inputs"] = digests
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------- verify


@dataclass(frozen=True)
class FileProblem:
    listed: str
    how: str            # "altered" | "missing" | "unlisted" | "malformed"


def check_files(store: Store) -> list[FileProblem]:
    """Every listed file against its SHA-256, and every file under records/ that SHA256SUMS does not list."""
    problems = [FileProblem(f"{RECORDS}/{SUMS}:{line}", "malformed") for line in store.malformed]
    for listed in sorted(store.sums):
        try:
            store.read(listed)
        except Altered as exc:
            problems.append(FileProblem(listed, exc.how))
    if store.folder.is_dir():
        for path in sorted(store.folder.rglob("*")):
            listed = path.relative_to(store.root).as_posix()
            if path.is_file() and listed not in store.sums and path.name not in (SUMS, JOURNAL):
                problems.append(FileProblem(listed, "unlisted"))
    return problems


def file_finding(problem: FileProblem, root: Path, display) -> Finding:
    """A record's problem as the secretary reads it (§15: a signed protocol may not change; §24: the akimat keeps it)."""
    what = {
        "altered": _("this sealed file was changed after sealing: its SHA-256 is not the one in records/SHA256SUMS;"
                     " restore it from the repository (git checkout -- records/)"),
        "missing": _("this sealed file is missing; restore it from the repository (git checkout -- records/)"),
        "unlisted": _("this file is in records/ but records/SHA256SUMS does not list it: it was not sealed by the"
                      " program; remove it, or restore records/ from the repository"),
        "malformed": _("this line of records/SHA256SUMS is not '<SHA-256>  <file>'; restore the file from the"
                       " repository"),
    }[problem.how]
    if problem.how == "malformed":
        listed, line = problem.listed.rsplit(":", 1)
        return error(Loc(display(root / listed), int(line)), what, "§15, §24")
    return error(Loc(display(root / problem.listed)), what, "§15, §24")
