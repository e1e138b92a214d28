"""`pdf`: one LibreOffice process for every DOCX that lacks an up-to-date PDF.

A stand-in `soffice` (SHTAB_SOFFICE) records each call and writes a PDF per
file, so the batching, the skipping of up-to-date files and the placing of each
PDF beside its DOCX are tested without LibreOffice; tests/load/test_readers.py
converts with the real one.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.core.errors import ShtabError
from pipeline.write.pdf import convert_outputs

FAKE_SOFFICE = """#!{python}
import sys, pathlib
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
files = [a for a in args if a.endswith(".docx")]
assert any(a.startswith("-env:UserInstallation=file://") for a in args), "no private profile"
with open({log!r}, "a") as log:
    log.write(" ".join(pathlib.Path(f).name for f in files) + "\\n")
for f in files:
    (out / (pathlib.Path(f).stem + ".pdf")).write_bytes(b"%PDF-1.4 " + pathlib.Path(f).read_bytes())
"""


@pytest.fixture
def soffice(tmp_path, monkeypatch) -> Path:
    """A stand-in soffice; returns the log of its calls, one line per process."""
    log = tmp_path / "calls.log"
    program = tmp_path / "soffice"
    program.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log)))
    program.chmod(0o755)
    monkeypatch.setenv("SHTAB_SOFFICE", str(program))
    return log


def outputs_with(tmp_path: Path, *names: str) -> Path:
    outputs = tmp_path / "outputs"
    for name in names:
        path = outputs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PK docx " + name.encode())
    return outputs


def calls(log: Path) -> list[list[str]]:
    return [line.split() for line in log.read_text().splitlines()] if log.exists() else []


def test_every_docx_in_one_batch_pdf_beside_it(tmp_path, soffice):
    outputs = outputs_with(tmp_path, "composition.kk.docx", "meetings/2026-01/agenda.kk.docx",
                           "meetings/2026-02/agenda.kk.docx")
    converted = convert_outputs(outputs)
    assert len(calls(soffice)) == 1 and len(calls(soffice)[0]) == 3
    assert all(c.changed and c.pdf == c.docx.with_suffix(".pdf") and c.pdf.is_file() for c in converted)
    # files of the same name in different folders keep their own content
    first = (outputs / "meetings/2026-01/agenda.kk.pdf").read_bytes()
    assert first != (outputs / "meetings/2026-02/agenda.kk.pdf").read_bytes()


def test_only_docx_newer_than_their_pdf_are_converted(tmp_path, soffice):
    outputs = outputs_with(tmp_path, "composition.kk.docx", "composition.ru.docx")
    convert_outputs(outputs)
    assert [c.changed for c in convert_outputs(outputs)] == [False, False]
    changed = outputs / "composition.ru.docx"
    later = time.time() + 5
    os.utime(changed, (later, later))
    result = convert_outputs(outputs)
    assert [(c.docx.name, c.changed) for c in result] == [("composition.kk.docx", False), ("composition.ru.docx", True)]
    assert calls(soffice)[-1] == ["00000.docx"] and len(calls(soffice)) == 2


def test_missing_libreoffice_is_a_clear_message_exit_1(tmp_path, monkeypatch):
    outputs_with(tmp_path, "composition.kk.docx")
    monkeypatch.delenv("SHTAB_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    result = CliRunner().invoke(cli, ["--outputs", str(tmp_path / "outputs"), "pdf"])
    assert result.exit_code == 1
    assert "LibreOffice is not installed" in result.output and "apt-get install -y libreoffice-writer-nogui" in result.output


def test_no_outputs_folder_is_a_message_not_a_traceback(tmp_path):
    with pytest.raises(ShtabError, match="no outputs folder"):
        convert_outputs(tmp_path / "missing")


def test_pdf_command_lists_what_it_did(tmp_path, soffice):
    outputs_with(tmp_path, "composition.kk.docx")
    result = CliRunner().invoke(cli, ["--outputs", str(tmp_path / "outputs"), "pdf"])
    assert result.exit_code == 0, result.output
    assert "1 PDF(s), 1 converted, 0 up to date" in result.output


@pytest.mark.parametrize("lang,says", [
    ("ru", ["LibreOffice не создал PDF из файлов:", "composition.kk.docx", "Закройте все окна LibreOffice"]),
    ("kk", ["LibreOffice мына файлдардан PDF жасамады:", "composition.kk.docx", "барлық терезелерін жабыңыз"]),
])
def test_a_pdf_libreoffice_did_not_write_is_named_in_her_language_with_what_to_do(tmp_path, monkeypatch, lang, says):
    """LibreOffice ends without an error but writes no PDF: which file, and how to go on, in Kazakh or Russian."""
    program = tmp_path / "soffice"
    program.write_text(f"#!{sys.executable}\nimport sys\n")     # exits 0, converts nothing
    program.chmod(0o755)
    monkeypatch.setenv("SHTAB_SOFFICE", str(program))
    outputs_with(tmp_path, "composition.kk.docx")
    result = CliRunner().invoke(cli, ["--ui-lang", lang, "--outputs", str(tmp_path / "outputs"), "pdf"])
    assert result.exit_code == 1, result.output
    assert all(part in result.output for part in says), result.output
    assert "Traceback" not in result.output and "did not convert" not in result.output
