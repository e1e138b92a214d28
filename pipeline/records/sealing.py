"""What a run does with signed protocols: copy the sealed ones, seal the new ones, refuse changed inputs (§15).

`plan` runs before anything is rendered. For each protocol the run would write:
- its meeting is sealed (records.py) and its inputs are as sealed: the sealed
  DOCX is copied to outputs/ as it is, nothing is rendered;
- sealed, but its inputs changed: the run refuses, naming each changed key and
  its line (rules/signed.py); with --force, a new version is sealed;
- not sealed, signed: it is rendered in every language of the meeting (those
  the run did not ask for too) and sealed when the run writes;
- neither: an ordinary document.
A meeting whose folder in records/ holds a file SHA256SUMS does not list is
neither copied nor sealed, and no run seals anything while SHA256SUMS is not
the list of records/ (missing, unreadable, a line that is not "hash  path", a
file it lacks): the files are the record, and `verify --rebuild` (`rebuild`)
makes the list again from those whose fingerprint matches the inputs.
`Plan.seal` runs after every document is rendered and staged, before any is
renamed into outputs/: the PDF/A copies (one LibreOffice run), then one
sealing of every new version (records.Store.seal).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..core.errors import Finding, Loc, ShtabError, error, warning
from ..core.kinds import PROTOCOL
from ..locale.messages import Message, _, os_problem
from ..write.files import write_durably
from . import fingerprint, gate, signed
from .signed import sealed_inputs_changed, unsigned_after_seal
from .store import (
    PDF_ENV,
    RECORDS,
    SUMS,
    UNREADABLE,
    Altered,
    FileProblem,
    Sealer,
    Store,
    file_finding,
    file_name,
    fingerprint_file,
    fingerprint_json,
    record_file,
    sha256,
    sums_text,
)

if TYPE_CHECKING:
    from ..documents.kind import DocumentKind, Job
    from ..rules.assessment import Assessment


@dataclass
class Task:
    """One meeting whose protocol this run seals: a first version, or a new one with --force."""

    meeting_id: str
    version: int
    langs: list[str]
    digests: fingerprint.Fingerprint
    changed: list[str] = field(default_factory=list)        # what changed since the previous version
    documents: dict[str, bytes] = field(default_factory=dict)

    def folder(self) -> str:
        return f"{RECORDS}/meetings/{self.meeting_id}"


@dataclass
class Sealing:
    """What the run sealed, for the summary: '<folder> (version n): files'."""

    folder: str
    version: int
    files: list[str]


@dataclass
class Plan:
    store: Store
    copies: dict[Path, bytes] = field(default_factory=dict)     # job.output → the sealed bytes, copied as they are
    tasks: dict[str, Task] = field(default_factory=dict)        # meeting id → what to seal
    extra: list = field(default_factory=list)                   # jobs rendered for the record only
    findings: list[Finding] = field(default_factory=list)
    sealed_outputs: set[Path] = field(default_factory=set)      # job.output of every sealed protocol
    sealer: Sealer | None = None
    done: list[Sealing] = field(default_factory=list)
    gate: list[Finding] = field(default_factory=list)          # why a signed protocol may not be sealed (§23)
    manifest: bool = False                                      # refused: SHA256SUMS is not the list of records/

    def keep(self, job: "Job", data: bytes) -> None:
        """A rendered document: a protocol being sealed keeps its bytes for the record."""
        task = self.tasks.get(job.meeting_id or "") if job.kind.sealed else None
        if task is not None:
            task.documents[job.lang] = data

    def seal(self, pdf: Callable[[dict[str, bytes]], dict[str, bytes]] | None) -> None:
        """Write the new versions: DOCX, PDF/A copies (when `pdf` is given), fingerprints; SHA256SUMS last."""
        if not self.tasks:
            return
        files: dict[str, bytes] = {}
        for task in self.tasks.values():
            for lang in task.langs:
                files[f"{task.folder()}/{file_name('docx', task.version, lang)}"] = task.documents[lang]
        if pdf is not None:
            docx = {listed: data for listed, data in files.items()}
            for listed, data in pdf(docx).items():
                files[listed[:-len(".docx")] + ".pdf"] = data
        for task in self.tasks.values():
            sealer = self.sealer if task.version > 1 else None
            files[f"{task.folder()}/{file_name('fingerprint', task.version)}"] = fingerprint_file(
                task.meeting_id, task.version, task.langs, task.digests, sealer, task.changed)
        self.store.seal(files)
        for task in self.tasks.values():
            names = sorted(listed.rsplit("/", 1)[1] for listed in files if listed.startswith(task.folder() + "/"))
            self.done.append(Sealing(task.folder(), task.version, names))


def plan(assessment: "Assessment", jobs: list["Job"], store: Store, force: bool,
         sealer: Callable[[], Sealer], sealable: list["Job"], renew: bool = False) -> Plan:
    """Decide, before rendering, which protocols are copied from the records, sealed now, or refused (§15).

    The jobs' kinds say which are sealed (the protocol) and which are made from a sealed protocol's data (the
    extracts, §23). `sealable` holds the sealed kind's jobs of the run's meetings in all their languages (a
    record holds every language, whatever --lang asked for): those the run did not ask for are rendered for
    the record only (`Plan.extra`). `renew` (--force with --reason) seals a new version of each protocol the
    run asks for even when its inputs are as sealed: the document itself was wrong (a layout fix), and the
    reason is recorded in the new version's fingerprint.
    """
    result = Plan(store)
    by_meeting: dict[str, list[Job]] = {}
    derived: set[str] = set()
    for job in jobs:
        if job.meeting_id is None or job.meeting_id not in assessment.meetings:
            continue
        if job.kind.sealed:
            by_meeting.setdefault(job.meeting_id, []).append(job)
        elif job.kind.from_sealed_protocol:
            derived.add(job.meeting_id)
    every_language: dict[str, list[Job]] = {}
    for job in sealable:
        every_language.setdefault(job.meeting_id, []).append(job)
    for meeting_id, asked in by_meeting.items():
        _plan_meeting(result, assessment, meeting_id, asked, force, sealer, every_language.get(meeting_id, []),
                      renew)
    unlisted = _unlisted_by_meeting(store)
    for meeting_id in sorted(derived - set(by_meeting)):
        # extracts without the protocol in this run: made from the sealed protocol's data, so from inputs
        # that are as sealed (else refused, §15); with --force the new version is sealed first
        if (store.latest(meeting_id) is not None or meeting_id in unlisted):
            _plan_meeting(result, assessment, meeting_id, [], force, sealer, every_language.get(meeting_id, []))
    if result.tasks or any(meeting_id in unlisted for meeting_id in by_meeting):
        # nothing is sealed, nor a sealed file copied, while the list is not the list of the files
        for problem in store.manifest_problems():
            found = file_finding(problem, store.root, _display)
            result.manifest = True
            if found not in result.findings:
                result.findings.append(found)
    return result


def _unlisted_by_meeting(store: Store) -> dict[str, list[str]]:
    """The files in records/meetings/<meeting>/ that SHA256SUMS does not list, by meeting."""
    by_meeting: dict[str, list[str]] = {}
    for listed in store.unlisted():
        parts = listed.split("/")
        if len(parts) > 2 and parts[1] == "meetings":
            by_meeting.setdefault(parts[2], []).append(listed)
    return by_meeting


def _plan_meeting(result: Plan, assessment: "Assessment", meeting_id: str, asked: list["Job"], force: bool,
                  sealer: Callable[[], Sealer], every_language: list["Job"], renew: bool = False) -> None:
    meeting = assessment.meetings[meeting_id].meeting
    project = assessment.project
    unlisted = [listed for listed in result.store.unlisted() if listed.startswith(_folder(meeting_id))]
    if unlisted:
        # its record is on the disk but not in the list: the files are the record, so it is neither copied
        # nor sealed over; plan() adds the manifest's findings
        return
    latest = result.store.latest(meeting_id)
    if latest is None and not meeting.protocol.signed:
        return
    current = fingerprint.of_meeting(project.inputs, meeting, project.body)
    langs = meeting.langs(project.body)
    if latest is None:
        if not _passes_gate(result, assessment, meeting):
            return
        _add_task(result, asked, every_language, meeting_id, 1, langs, current.digests)
        return
    try:
        sealed = result.store.fingerprint(latest)
    except (Altered, ValueError) as exc:
        how = exc.how if isinstance(exc, Altered) else "altered"
        result.findings.append(file_finding(FileProblem(latest.fingerprint, how), result.store.root, _display))
        return
    changes = fingerprint.changes(sealed.get("inputs", {}), current)
    if not changes and not (renew and asked and meeting.protocol.signed):
        _copy(result, asked, latest)
        return
    file_of = lambda relative: project.file_of(*relative.split("/"))  # noqa: E731
    if not force:
        result.findings += sealed_inputs_changed(meeting_id, changes, file_of, _folder(meeting_id))
        return
    if not meeting.protocol.signed:
        result.findings.append(unsigned_after_seal(meeting))
        return
    if not _passes_gate(result, assessment, meeting):      # --force seals a new version, never a contradiction
        return
    result.sealer = result.sealer or sealer()
    described = [f"{change.file}: {change.key} {change.kind}" for change in changes]
    _add_task(result, asked, every_language, meeting_id, latest.version + 1, langs, current.digests, described)
    if not changes:
        result.findings.append(warning(meeting.protocol.loc_of("signed"), _(
            "meeting {meeting}: its inputs are as sealed; version {version} is sealed because of --force by {who} "
            "on {when}, for the reason: {reason}; version {previous} stays in {folder}", meeting=meeting_id,
            version=latest.version + 1, who=result.sealer.who, when=result.sealer.as_json()["at"],
            reason=result.sealer.reason, previous=latest.version, folder=_folder(meeting_id)), "§15", PROTOCOL))
        return
    result.findings.append(warning(
        meeting.protocol.loc_of("signed"),
        _("meeting {meeting}: the inputs changed since the signed protocol was sealed ({changes}); version "
          "{version} is sealed because of --force by {who} on {when}; version {previous} stays in {folder}",
          meeting=meeting_id, changes=_short([signed.described(c) for c in changes]), version=latest.version + 1,
          who=result.sealer.who,
          when=result.sealer.as_json()["at"], previous=latest.version, folder=_folder(meeting_id)),
        "§15", PROTOCOL))


def _passes_gate(result: Plan, assessment: "Assessment", meeting) -> bool:
    """§23: a signed protocol that contradicts itself is not sealed; its findings refuse the run (gate.py)."""
    project = assessment.project
    files = [(project.file_of("meetings", f"{meeting.id}.yaml"), project.inputs / "meetings" / f"{meeting.id}.yaml"),
             (project.file_of("body.yaml"), project.inputs / "body.yaml")]
    found = gate.before_sealing(meeting, project.body, files)
    result.gate += found
    result.findings += found
    return not found


def _add_task(result: Plan, asked: list["Job"], every_language: list["Job"], meeting_id: str, version: int,
              langs: list[str],
              digests: fingerprint.Fingerprint, changed: list[str] | None = None) -> None:
    result.tasks[meeting_id] = Task(meeting_id, version, langs, digests, changed or [])
    asked_langs = {job.lang for job in asked}
    result.extra += [job for job in every_language if job.lang not in asked_langs and job.lang in langs]
    result.sealed_outputs |= {job.output for job in asked}


def _copy(result: Plan, asked: list["Job"], latest) -> None:
    for job in asked:
        listed = latest.docx.get(job.lang)
        if listed is None:   # the fingerprint's languages match the meeting's, so SHA256SUMS lost a line
            listed = f"{RECORDS}/meetings/{latest.meeting}/{file_name('docx', latest.version, job.lang)}"
            result.findings.append(file_finding(FileProblem(listed, "missing"), result.store.root, _display))
            continue
        try:
            result.copies[job.output] = result.store.read(listed)
        except Altered as exc:
            result.findings.append(file_finding(FileProblem(listed, exc.how), result.store.root, _display))
            continue
        result.sealed_outputs.add(job.output)


def _folder(meeting_id: str) -> str:
    return f"{RECORDS}/meetings/{meeting_id}/"


def _short(described: list, limit: int = 3) -> tuple:
    """The first changes, and how many more: a value of a message, rendered in her language when printed."""
    more = len(described) - limit
    return tuple(described[:limit]) + ((f"… +{more}",) if more > 0 else ())


def _display(path: Path) -> str:
    from ..load.source import display_path
    return display_path(path)


def pdf_enabled() -> bool:
    return os.environ.get(PDF_ENV, "1") != "0"


def verify(store: Store, assessment: "Assessment") -> tuple[list[Finding], int, int]:
    """`verify`: every sealed file as sealed (SHA256SUMS), every sealed meeting's inputs as fingerprinted (§15).

    Returns the findings (errors for every difference; a warning for a signed
    protocol not sealed yet), the number of listed files and of sealed meetings.
    """
    from .store import check_files
    findings = [file_finding(problem, store.root, _display) for problem in check_files(store)]
    project = assessment.project
    file_of = lambda relative: project.file_of(*relative.split("/"))  # noqa: E731
    sealed_ids = store.meetings()
    for meeting_id in sealed_ids:
        latest = store.latest(meeting_id)
        result = assessment.meetings.get(meeting_id)
        if result is None or project.body is None:
            findings.append(_unreadable_meeting(assessment, meeting_id, file_of))
            continue
        try:
            sealed = store.fingerprint(latest)
        except (Altered, ValueError):
            continue                      # already named by check_files
        changes = fingerprint.changes(sealed.get("inputs", {}),
                                      fingerprint.of_meeting(project.inputs, result.meeting, project.body))
        findings += sealed_inputs_changed(meeting_id, changes, file_of, _folder(meeting_id))
    on_disk = {listed.split("/")[2] for listed in store.on_disk() if listed.startswith(f"{RECORDS}/meetings/")}
    for meeting_id, result in assessment.meetings.items():
        if result.meeting.protocol.signed and meeting_id not in sealed_ids and meeting_id not in on_disk:
            findings.append(warning(result.meeting.protocol.loc_of("signed"),
                                    _("meeting {meeting}: the protocol is signed but not sealed yet; "
                                      "`shtab protocol` seals it", meeting=meeting_id),
                                    "§15", PROTOCOL))
    return findings, len(store.sums), len(sealed_ids)


def rebuild(store: Store, assessment: "Assessment") -> tuple[list[str], list[int], list[Finding]]:
    """`verify --rebuild`: list again in SHA256SUMS the files in records/ it lacks, when their fingerprint matches.

    A file is listed again only when it is a record (store.RECORD_KINDS) of a
    version whose fingerprint (listed and as sealed, or unlisted too) parses and
    matches the meeting's inputs now: then the inputs are those it was sealed
    from. Every other file is named with the reason and stays unlisted; lines
    for files that are gone stay, for `verify` to name; lines that are not
    "hash  path" are left out. Returns the paths listed again, the line numbers
    left out, and the findings for the rest.
    """
    if store.state == UNREADABLE:
        return [], [], [file_finding(FileProblem(f"{RECORDS}/{SUMS}", UNREADABLE, store.problem), store.root,
                                     _display)]
    findings: list[Finding] = []
    versions: dict[tuple[str, int], list[str]] = {}
    for listed in store.unlisted():
        record = record_file(listed)
        if record is None:
            findings.append(_not_listed(store, listed, _("the program seals no file of this name here; remove it, "
                                                         "or restore records/ from the repository")))
        else:
            versions.setdefault((record.meeting, record.version), []).append(listed)
    added: dict[str, str] = {}
    for (meeting_id, version), files in sorted(versions.items()):
        reason = _not_matching(store, assessment, meeting_id, version, files)
        if reason is not None:
            findings += [_not_listed(store, listed, reason) for listed in files]
            continue
        for listed in files:
            try:
                added[listed] = sha256(store.path(listed).read_bytes())
            except OSError as exc:
                findings.append(_not_listed(store, listed, _("the file cannot be read ({problem})",
                                                             problem=os_problem(exc))))
    if added or store.malformed:
        sums = {**store.sums, **added}
        try:
            write_durably(store.sums_path, sums_text(sums).encode("utf-8"))
        except OSError as exc:
            raise ShtabError(_("{path}: cannot write the list of the sealed files ({problem}); it is unchanged",
                               path=_display(store.sums_path), problem=os_problem(exc))) from exc
    dropped = list(store.malformed)
    store.reload()
    return sorted(added), dropped, findings


def _not_matching(store: Store, assessment: "Assessment", meeting_id: str, version: int,
                  files: list[str]) -> Message | None:
    """Why the unlisted files of one sealed version may not be listed again; None when its fingerprint matches."""
    listed = f"{_folder(meeting_id)}{file_name('fingerprint', version)}"
    try:
        if listed in store.sums:
            data = store.read(listed)
        elif listed in files:
            data = store.path(listed).read_bytes()
        else:
            return _("its version has no fingerprint ({fingerprint}) to compare with the inputs; restore records/ "
                     "from the repository (git checkout -- records/)", fingerprint=listed)
        sealed = fingerprint_json(data)
    except (Altered, OSError, ValueError):
        return _("the fingerprint of its version ({fingerprint}) cannot be read or was changed; restore records/ "
                 "from the repository (git checkout -- records/)", fingerprint=listed)
    result = assessment.meetings.get(meeting_id)
    project = assessment.project
    if result is None or project.body is None or sealed.get("meeting") != meeting_id:
        return _("its meeting's inputs cannot be read, so its fingerprint cannot be compared with them; correct "
                 "the errors check names in {file}, then run {command} again",
                 file=project.file_of("meetings", f"{meeting_id}.yaml"), command="shtab verify --rebuild")
    changes = fingerprint.changes(sealed["inputs"], fingerprint.of_meeting(project.inputs, result.meeting,
                                                                            project.body))
    if changes:
        file_of = lambda relative: project.file_of(*relative.split("/"))  # noqa: E731
        return _("its fingerprint ({fingerprint}) does not match the inputs now ({changes}): undo the change and run "
                 "{command} again, or restore records/SHA256SUMS from the repository (git checkout -- "
                 "records/SHA256SUMS)", fingerprint=listed,
                 changes=_short([signed.described(change, file_of) for change in changes]),
                 command="shtab verify --rebuild")
    return None


def _not_listed(store: Store, listed: str, reason) -> Finding:
    return error(Loc(_display(store.path(listed))), _("not listed again in records/SHA256SUMS: {reason}",
                                                      reason=reason), "§15, §24")


def _unreadable_meeting(assessment: "Assessment", meeting_id: str, file_of) -> Finding:
    file = file_of(f"meetings/{meeting_id}.yaml")
    own = [f for f in assessment.project.findings if f.loc.file == file and f.is_error]
    if own:
        return own[0]
    return error(Loc(file), _("meeting {meeting}: its protocol is sealed in {folder}, but this file is missing: "
                              "restore it (git checkout -- inputs/)", meeting=meeting_id,
                              folder=_folder(meeting_id)), "§15", PROTOCOL)


def sealed_pdfs(store: Store, outputs: Path, sealed: "DocumentKind") -> dict[Path, bytes]:
    """`pdf`: the sealed PDF/A copy of each protocol in outputs/ that is its latest sealed version (§15).

    `sealed` is the kind kept in the records (the protocol): its file under outputs/ is the kind's own.

    A protocol in outputs/ that differs from its record (not written since sealing) is left to LibreOffice.
    """
    from ..core.errors import InputRefused
    from ..documents.kind import Subject
    copies, findings = {}, []
    for meeting_id in store.meetings():
        latest = store.latest(meeting_id)
        for lang, listed in sorted(latest.pdf.items()):
            docx = outputs / sealed.output_of(Subject(meeting=meeting_id), lang)
            try:
                if docx.is_file() and lang in latest.docx and docx.read_bytes() == store.read(latest.docx[lang]):
                    copies[docx.with_suffix(".pdf")] = store.read(listed)
            except Altered as exc:
                findings.append(file_finding(FileProblem(exc.listed, exc.how), store.root, _display))
    if findings:
        raise InputRefused(findings, "a sealed record is not as sealed (§15, §24)")
    return copies
