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

The files in records/ are the record; SHA256SUMS only lists them. A file that
exists there is never written over, whatever the list says, and a list that is
missing, unreadable, or lacks a line for a file that exists (a merge conflict
resolved badly, a restore from an old commit) is a finding: `verify` names it,
every run that would seal refuses, and `verify --rebuild` lists again the
files whose fingerprint matches the inputs (`rebuild`), naming the rest.

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

from ..core.errors import Finding, Loc, ShtabError, error
from ..locale.messages import Message, _, os_problem
from ..write.files import sync_folder, umask, write_durably
from .fingerprint import Fingerprint

RECORDS = "records"
SUMS = "SHA256SUMS"
JOURNAL = ".sealing"
SEALED_MODE = 0o444                 # a sealed file is read-only for everyone (and the umask may take more)
PDF_ENV = "SHTAB_SEAL_PDF"            # "0": seal without the PDF/A copy (tests; a machine whose LibreOffice fails)

# A line of SHA256SUMS as `sha256sum` writes it: 64 hex digits, two spaces (or " *" for binary mode), the path.
_SUMS_LINE = re.compile(r"^([0-9a-f]{64}) [ *](records/.+)$")
# records/meetings/<meeting>/fingerprint.json or fingerprint.<n>.json: one per sealed version
_FINGERPRINT = re.compile(r"^records/meetings/([a-z0-9-]+)/fingerprint(?:\.([0-9]+))?\.json$")
_MEETING_FILE = re.compile(r"^records/meetings/(?P<meeting>[a-z0-9-]+)/(?P<name>[^/]+)$")
_VERSION = r"(?:\.(?P<version>[2-9]|[1-9][0-9]+))?"      # none for version 1

# The kinds of file one sealed version of a meeting holds, by the shape of their names (`file_name`): the
# language, where the kind has one, and the version. The manifest's checks, `verify` and `verify --rebuild`
# know a record by this table: another kind of record (a signature beside each protocol) is one more line.
RECORD_KINDS: dict[str, re.Pattern] = {
    "docx": re.compile(rf"protocol\.(?P<lang>[a-z]{{2}}){_VERSION}\.docx"),
    "pdf": re.compile(rf"protocol\.(?P<lang>[a-z]{{2}}){_VERSION}\.pdf"),
    "fingerprint": re.compile(rf"fingerprint{_VERSION}\.json"),
    # the head's ЭЦП over a sealed PDF (records/signature/), and the stored result of its check
    "signature": re.compile(rf"protocol\.(?P<lang>[a-z]{{2}}){_VERSION}\.pdf(?:\.[0-9]+)?\.cms"),
    "signature-check": re.compile(rf"protocol\.(?P<lang>[a-z]{{2}}){_VERSION}\.pdf(?:\.[0-9]+)?\.cms\.json"),
}

# What SHA256SUMS is: read, missing, or present but unreadable (no permission, a folder).
LISTED, ABSENT, UNREADABLE = "listed", "absent", "unreadable"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_name(kind: str, version: int, lang: str | None = None) -> str:
    """'protocol.kk.docx' (version 1), 'protocol.kk.2.docx', 'fingerprint.json', 'fingerprint.3.json'."""
    stem = f"protocol.{lang}" if kind in ("docx", "pdf") else "fingerprint"
    ext = "json" if kind == "fingerprint" else kind
    return f"{stem}.{ext}" if version == 1 else f"{stem}.{version}.{ext}"


@dataclass(frozen=True)
class RecordFile:
    """What a path under records/ is, by its name (RECORD_KINDS): which meeting, version, kind and language."""

    meeting: str
    version: int
    kind: str
    lang: str | None


def record_file(listed: str) -> RecordFile | None:
    """'records/meetings/2026-01/protocol.kk.2.docx' → (2026-01, 2, docx, kk); None for a name no record has."""
    match = _MEETING_FILE.match(listed)
    if match is None:
        return None
    for kind, pattern in RECORD_KINDS.items():
        named = pattern.fullmatch(match.group("name"))
        if named is not None:
            groups = named.groupdict()
            return RecordFile(match.group("meeting"), int(groups.get("version") or 1), kind, groups.get("lang"))
    return None


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
    state: str = LISTED                                      # LISTED, ABSENT or UNREADABLE
    problem: Message | str = ""                              # why SHA256SUMS is UNREADABLE

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
        """Read SHA256SUMS: its lines, the numbers of the lines that are not "hash  path", or why it cannot be."""
        self.sums, self.malformed, self.state, self.problem = {}, [], LISTED, ""
        try:
            raw = self.sums_path.read_bytes()
        except FileNotFoundError:
            self.state = ABSENT
            return
        except OSError as exc:
            self.state, self.problem = UNREADABLE, os_problem(exc)
            return
        for number, line in enumerate(raw.split(b"\n"), 1):
            try:
                text = line.decode("utf-8").removesuffix("\r")
            except UnicodeDecodeError:
                text = "\0"
            match = _SUMS_LINE.match(text)
            listed = match.group(2) if match else ""
            if match and ".." not in listed.split("/") and self.sums.get(listed, match.group(1)) == match.group(1):
                self.sums[listed] = match.group(1)
            elif text.strip():
                self.malformed.append(number)

    # ------------------------------------------------------------ the manifest against the files

    def on_disk(self) -> list[str]:
        """Every file under records/, as SHA256SUMS lists it: but the list itself, the journal, temporary files."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.rglob("*"):
            if path.is_dir() and not path.is_symlink():
                continue
            listed = path.relative_to(self.root).as_posix()
            if listed in (f"{RECORDS}/{SUMS}", f"{RECORDS}/{JOURNAL}") or _temporary(path.name):
                continue
            found.append(listed)
        return sorted(found)

    def unlisted(self) -> list[str]:
        """The files under records/ that SHA256SUMS does not list."""
        return [listed for listed in self.on_disk() if listed not in self.sums]

    def manifest_problems(self) -> list["FileProblem"]:
        """What makes SHA256SUMS no longer the list of the records: missing or unreadable while records/ holds
        files, a line that is not "hash  path", a file it lacks. Sealing waits until none is left."""
        listed_path = f"{RECORDS}/{SUMS}"
        if self.state == UNREADABLE:
            return [FileProblem(listed_path, "unreadable", self.problem)]
        unlisted = self.unlisted()
        if self.state == ABSENT:
            return [FileProblem(listed_path, "absent", len(unlisted))] if unlisted else []
        problems = ([FileProblem(f"{listed_path}:{line}", "malformed") for line in self.malformed] +
                    [FileProblem(listed, "unlisted") for listed in unlisted])
        return [FileProblem(listed_path, "incomplete", len(problems))] + problems if problems else []

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
        return fingerprint_json(self.read(sealed.fingerprint))

    # ------------------------------------------------------------ sealing: adding files, SHA256SUMS last

    def seal(self, files: dict[str, bytes]) -> None:
        """Add these files (listed path → bytes) to the records; SHA256SUMS is replaced last, in one rename.

        Every path must be new, in the list and on the disk: a sealed file is never
        replaced, whatever SHA256SUMS says. Nor is anything sealed while the list is
        not the list of the files (`manifest_problems`): rewriting it would drop the
        lines it cannot read. The journal names the files first, so an interrupted
        sealing is rolled back by `recover`.
        """
        clash = [listed for listed in sorted(files) if listed in self.sums or os.path.lexists(self.path(listed))]
        if clash:
            raise NotSealed(_("{path}: this file is already in records/, and a sealed file is never replaced; "
                              "nothing was sealed: `shtab verify` says what is wrong with records/",
                              path=clash[0]))
        if self.manifest_problems():
            raise NotSealed(_("records/SHA256SUMS is not the list of the files in records/; nothing was sealed: "
                              "`shtab verify` says what is wrong, `shtab verify --rebuild` "
                              "lists the files again"))
        self.folder.mkdir(parents=True, exist_ok=True)
        write_durably(self.folder / JOURNAL, json.dumps(sorted(files)).encode("utf-8"))
        for listed, data in sorted(files.items()):
            write_durably(self.path(listed), data, mode=SEALED_MODE & ~umask())     # read-only: never written again
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
        Without a readable list nothing the journal names is removed, but for a
        first sealing killed before its list was written: every file in records/
        is then one the journal names. A list that cannot be read, or files the
        journal does not name, are left for `verify` to report.
        """
        removed = []
        journal = self.folder / JOURNAL
        if journal.is_file() and self.state != UNREADABLE:
            try:
                pending = json.loads(journal.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pending = []      # written in one rename, so never torn; an unreadable one names nothing
            pending = [listed for listed in pending if isinstance(listed, str)] if isinstance(pending, list) else []
            first = self.state == ABSENT and set(self.on_disk()) <= set(pending)
            if self.state == LISTED or first:
                for listed in pending:
                    record = self.path(listed)
                    if listed not in self.sums and record_file(listed) is not None and record.is_file():
                        _remove(record)
                        removed.append(listed)
                journal.unlink()
        if self.folder.is_dir():
            for temporary in self.folder.rglob(".*.tmp"):
                temporary.unlink(missing_ok=True)
                removed.append(temporary.relative_to(self.root).as_posix())
        return removed


class NotSealed(ShtabError):
    """Sealing refused: a file to seal is already in records/, or SHA256SUMS is not the list of records/ (exit 1)."""


def _temporary(name: str) -> bool:
    """A write's hidden temporary file (files.stage): '.protocol.kk.docx.x1y2.tmp'."""
    return name.startswith(".") and name.endswith(".tmp")


def _remove(path: Path) -> None:
    """Remove a file of an interrupted sealing; a sealed file is read-only, which Windows refuses to remove."""
    try:
        path.unlink()
    except PermissionError:
        os.chmod(path, 0o600)
        path.unlink()


def fingerprint_json(data: bytes) -> dict:
    """A fingerprint file read: a mapping whose `inputs` maps each file to its keys' digests; else ValueError."""
    parsed = json.loads(data.decode("utf-8"))
    inputs = parsed.get("inputs") if isinstance(parsed, dict) else None
    if not isinstance(inputs, dict) or not all(
            isinstance(keys, dict) and all(isinstance(value, str) for value in keys.values())
            for keys in inputs.values()):
        raise ValueError("not a fingerprint")
    return parsed


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
    reason: str | None = None       # --reason: why this version is sealed, in her words

    def as_json(self) -> dict:
        data = {"by": self.who, "at": self.when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        return {**data, "reason": self.reason} if self.reason else data


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
    how: str            # "altered" | "missing" | "unlisted" | "malformed" | "absent" | "unreadable" | "incomplete"
    detail: object = None   # "absent": how many files records/ holds; "unreadable": why; "incomplete": how many


def check_files(store: Store) -> list[FileProblem]:
    """The manifest against the files (`manifest_problems`), and every listed file against its SHA-256."""
    problems = store.manifest_problems()
    for listed in sorted(store.sums):
        try:
            store.read(listed)
        except Altered as exc:
            problems.append(FileProblem(listed, exc.how))
    return problems


_REBUILD = "shtab verify --rebuild"


def file_finding(problem: FileProblem, root: Path, display) -> Finding:
    """A record's problem as the secretary reads it (§15: a signed protocol may not change; §24: the akimat keeps it)."""
    if problem.how == "absent":
        return error(Loc(display(root / problem.listed)), _(
            "this list of the sealed files is missing, but records/ holds {count} file(s) sealed before: nothing is sealed until the list is whole again; restore it from the repository (git checkout "
            "-- records/SHA256SUMS), or make it again from the files: {command}", count=problem.detail,
            command=_REBUILD), "§15, §24")
    if problem.how == "unreadable":
        return error(Loc(display(root / problem.listed)), _(
            "this list of the sealed files cannot be read ({problem}): nothing is sealed until "
            "it can; restore it from the repository (git checkout -- records/SHA256SUMS), or make it again from the "
            "files: {command}", problem=problem.detail, command=_REBUILD), "§15, §24")
    if problem.how == "incomplete":
        return error(Loc(display(root / problem.listed)), _(
            "this list of the sealed files is not whole ({count} place(s), each named with its file): nothing is "
            "sealed until it is; restore it from the repository (git checkout -- records/SHA256SUMS), or make it "
            "again from the files: {command}", count=problem.detail, command=_REBUILD), "§15, §24")
    what = {
        "altered": _("this sealed file was changed after sealing: its SHA-256 is not the one in records/SHA256SUMS;"
                     " restore it from the repository (git checkout -- records/)"),
        "missing": _("this sealed file is missing; restore it from the repository (git checkout -- records/)"),
        "unlisted": _("this file is in records/ but records/SHA256SUMS does not list it; it is kept as it is (a file "
                      "the program did not seal: remove it)"),
        "malformed": _("this line of records/SHA256SUMS is not '<SHA-256>  <file>'"),
    }[problem.how]
    if problem.how == "malformed":
        listed, line = problem.listed.rsplit(":", 1)
        return error(Loc(display(root / listed), int(line)), what, "§15, §24")
    return error(Loc(display(root / problem.listed)), what, "§15, §24")
