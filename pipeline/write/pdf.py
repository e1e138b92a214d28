"""PDF copies of the documents: one LibreOffice run converts every DOCX that changed.

LibreOffice takes over a second to start and a fraction of that per file, so
all the files go to ONE headless `soffice` process (measured: 1.37 s for one
file alone, 1.79 s for eight together). It writes into one folder, so the
files are converted into a temporary folder and each PDF is moved beside its
DOCX. A DOCX whose PDF is newer is skipped: `write.py` leaves unchanged DOCX
untouched, so an unchanged document keeps its PDF.

A private LibreOffice profile (a temporary folder) lets the conversion run
while the secretary has LibreOffice open, and keeps it from reading or
changing her settings.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ShtabError
from ..locale.messages import _, os_problem
from .files import write_atomic

INSTALL_HINTS = {
    "linux": _("sudo apt-get install -y libreoffice-writer-nogui   (or install LibreOffice from libreoffice.org)"),
    "win32": _("download it from https://www.libreoffice.org/download/ and install it into the folder it proposes"),
    "darwin": _("download it from https://www.libreoffice.org/download/ and move it into Applications"),
}
PROGRAMS = ("soffice", "libreoffice")
ENV_SOFFICE = "SHTAB_SOFFICE"
TIMEOUT_S = 600


@dataclass(frozen=True)
class Converted:
    docx: Path
    pdf: Path
    changed: bool
    sealed: bool = False      # the PDF/A copy sealed with a signed protocol (records/), copied as it is


def find_soffice(environ=None, platform: str | None = None) -> str:
    """The LibreOffice program, or a ShtabError that names every place it looked and says how to install it.

    SHTAB_SOFFICE first when it is set (the secretary's or the IT department's
    explicit choice: a wrong one is reported, never passed over), then `soffice`
    and `libreoffice` on PATH, then the folders LibreOffice's installers use on
    Windows and macOS, where it is not on PATH.
    """
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    configured = environ.get(ENV_SOFFICE, "").strip().strip('"')
    if configured:
        found = shutil.which(configured, path=environ.get("PATH"))
        if found:
            return found
        raise ShtabError(_("{variable}={path}: there is no LibreOffice program there; set it to the full path of "
                           "soffice, or remove it to let the program look in the usual places",
                           variable=ENV_SOFFICE, path=configured))
    for name in PROGRAMS:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return found
    places = install_places(environ, platform)
    for place in places:
        if os.path.isfile(place):
            return str(place)
    looked = [f"PATH ({', '.join(PROGRAMS)})", *map(str, places)]
    raise ShtabError(_("LibreOffice is not installed, or not where it was looked for; PDFs need it.\n"
                       "Looked in: {places}; {variable} (not set).\nInstall it: {hint}\n"
                       "Installed elsewhere? Set {variable} to the full path of soffice.",
                       places="; ".join(looked), variable=ENV_SOFFICE,
                       hint=INSTALL_HINTS.get(_family(platform), INSTALL_HINTS["linux"])))


def install_places(environ, platform: str) -> list:
    """Where LibreOffice's own installers put soffice on this system (none on Linux: there it is on PATH).

    Windows: Program Files of both bitnesses (as the system names them, else
    their usual names) and a per-user install; macOS: Applications, the
    system's and the user's. Paths are written as the system writes them.
    """
    family = _family(platform)
    if family == "win32":
        from pathlib import PureWindowsPath
        bases = [environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        bases += [r"C:\Program Files", r"C:\Program Files (x86)"]
        places = [PureWindowsPath(base, "LibreOffice", "program", "soffice.exe") for base in bases if base]
        if environ.get("LOCALAPPDATA"):
            places.append(PureWindowsPath(environ["LOCALAPPDATA"], "Programs", "LibreOffice", "program", "soffice.exe"))
        return [Path(place) if sys.platform == "win32" else place for place in dict.fromkeys(places)]
    if family == "darwin":
        app = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
        return [Path("/Applications") / app, Path(environ.get("HOME", "~")).expanduser() / "Applications" / app]
    return []


def _family(platform: str) -> str:
    return "win32" if platform.startswith(("win", "cygwin")) else "darwin" if platform == "darwin" else "linux"


def pdf_of(docx: Path) -> Path:
    return docx.with_suffix(".pdf")


def stale(docx: Path) -> bool:
    """True when the DOCX has no PDF or changed after its PDF was made."""
    pdf = pdf_of(docx)
    return not pdf.is_file() or pdf.stat().st_mtime_ns < docx.stat().st_mtime_ns


def documents_in(outputs: Path) -> list[Path]:
    """Every DOCX under outputs/, in a stable order (LibreOffice's lock files excluded)."""
    return sorted(p for p in outputs.rglob("*.docx") if not p.name.startswith((".", "~$")))


def convert_outputs(outputs: Path, sealed: dict[Path, bytes] | None = None) -> list[Converted]:
    """A PDF beside every DOCX under `outputs` that lacks an up-to-date one; one LibreOffice run.

    `sealed`: PDF path → the PDF/A copy sealed with that signed protocol (sealing.sealed_pdfs); those are
    copied as sealed, not converted again (§15).
    """
    if not outputs.is_dir():
        raise ShtabError(_("{path}: no outputs folder yet; write the documents first (shtab all)",
                           path=outputs))
    sealed = sealed or {}
    documents = documents_in(outputs)
    copied = {d: write_atomic(pdf_of(d), sealed[pdf_of(d)]).changed for d in documents if pdf_of(d) in sealed}
    todo = [d for d in documents if d not in copied and stale(d)]
    if todo:
        convert_batch(todo)
    return [Converted(d, pdf_of(d), d in todo or copied.get(d, False), d in copied) for d in documents]


def convert_batch(documents: list[Path]) -> None:
    """Convert these DOCX to PDF beside them in one `soffice --headless` process.

    Files of different folders may share a name (agenda.kk.docx of every
    meeting), and LibreOffice writes all PDFs into one folder: each file is
    linked into the temporary folder under a unique name first.
    """
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="shtab-pdf-") as temporary:
        work = Path(temporary)
        sources, profile, out = work / "in", work / "profile", work / "out"
        sources.mkdir()
        staged = {}
        for index, docx in enumerate(documents):
            name = f"{index:05d}.docx"
            _link_or_copy(docx, sources / name)
            staged[docx] = out / f"{index:05d}.pdf"
        _run_soffice(soffice, profile, out, [sources / p.name for p in sorted(sources.iterdir())])
        missing = [str(docx) for docx, pdf in staged.items() if not pdf.is_file()]
        if missing:
            raise _not_converted(missing)
        for docx, pdf in staged.items():
            os.replace(pdf, pdf_of(docx)) if _same_device(pdf, docx) else shutil.move(str(pdf), pdf_of(docx))


# PDF/A-2b, for the sealed records (records.py): the PDF export filter's SelectPdfVersion 2, in the JSON form of
# filter options LibreOffice reads since 7.4. It embeds every font and writes the XMP pdfaid mark.
PDFA_2B = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def convert_to_pdfa(documents: dict[str, bytes]) -> dict[str, bytes]:
    """DOCX bytes by name → PDF/A-2b bytes by the same name, in one LibreOffice run in a temporary folder."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="shtab-pdfa-") as temporary:
        work = Path(temporary)
        sources, profile, out = work / "in", work / "profile", work / "out"
        sources.mkdir()
        names = {}
        for index, (name, data) in enumerate(documents.items()):
            (sources / f"{index:05d}.docx").write_bytes(data)
            names[name] = out / f"{index:05d}.pdf"
        _run_soffice(soffice, profile, out, sorted(sources.iterdir()), PDFA_2B)
        missing = [name for name, pdf in names.items() if not pdf.is_file()]
        if missing:
            raise _not_converted(missing)
        return {name: pdf.read_bytes() for name, pdf in names.items()}


def _not_converted(missing: list[str]) -> ShtabError:
    """LibreOffice ended without error but wrote no PDF of these files: what failed and how to go on."""
    return ShtabError(_("LibreOffice made no PDF of {files}: close every LibreOffice window and run the command "
                        "again; if it fails again, open the file in LibreOffice to see whether it opens",
                        files=", ".join(missing)))


def _run_soffice(soffice: str, profile: Path, out: Path, files: list[Path], target: str = "pdf") -> None:
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out), *map(str, files)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ShtabError(_("LibreOffice did not finish within {seconds} s; close LibreOffice and try again",
                           seconds=TIMEOUT_S)) from None
    except OSError as exc:
        raise ShtabError(_("cannot start LibreOffice ({program}): {problem}", program=soffice,
                           problem=os_problem(exc))) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise ShtabError(_("LibreOffice failed (exit {code}): {detail}", code=result.returncode,
                           detail=" / ".join(detail)))


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.parent.stat().st_dev
