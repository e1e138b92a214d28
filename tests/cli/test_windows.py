"""It runs on the secretary's Windows PC, as far as Linux can tell.

We cannot run Windows here. The program is made portable by construction, and
these tests run it in a simulated Windows: a subprocess whose `sitecustomize`
(tests/windows_sim/) removes `os.fork` and makes `import fcntl`, `import
resource` and `import termios` fail. In it `all` renders in spawned workers,
`check`, `pdf` (LibreOffice found through SHTAB_SOFFICE) and `watch` work, and
the documents have the bytes of a normal run. Files saved by Notepad (CRLF line
ends, a UTF-8 byte order mark) give the same findings on the same lines. What
this does not prove (a real Windows run) is said in docs/dev/architecture.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from pipeline.core.errors import ShtabError
from pipeline.locale.messages import render_value
from pipeline.write.pdf import find_soffice, install_places
from tests.editing.test_watch import run_the_secretarys_loop, watch_session
from tests.support.inputs import ROOT

SIMULATION = ROOT / "tests" / "windows_sim"
sys.path.insert(0, str(ROOT / "tools"))
from bench import synthetic_inputs  # noqa: E402  (the benchmark's synthetic Штаб, numbered by date)


def windows(**extra: str) -> dict[str, str]:
    """The environment of a simulated-Windows subprocess (and of every worker it spawns)."""
    return {**os.environ, "PYTHONPATH": str(SIMULATION), "SHTAB_LANG": "en", **extra}


def linux(**extra: str) -> dict[str, str]:
    return {**os.environ, "SHTAB_LANG": "en", **extra}


def shtab(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- the simulation itself


def test_the_simulation_has_no_fork_and_no_posix_only_modules():
    probe = """
import os, importlib
from pipeline.render import many
assert not hasattr(os, "fork"), "os.fork is still there"
for name in ("fcntl", "resource", "termios"):
    try:
        importlib.import_module(name)
    except ImportError:
        continue
    raise AssertionError(name + " can be imported")
print(many.start_method())
"""
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=windows(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["spawn"]


# ---------------------------------------------------------------- the commands in the simulation


def test_all_renders_in_spawned_workers_with_the_bytes_of_a_forked_run(tmp_path):
    """A Штаб large enough for workers (278 documents, notices and extracts included): spawned on 'Windows', forked on
    Linux, the same files."""
    inputs = synthetic_inputs(tmp_path, 16)
    on_windows = shtab("-q", "--inputs", str(inputs), "--outputs", str(tmp_path / "windows"), "all",
                       env=windows(SHTAB_WORKERS="2"))
    assert on_windows.returncode == 0, on_windows.stderr
    on_linux = shtab("-q", "--inputs", str(inputs), "--outputs", str(tmp_path / "linux"), "all",
                     env=linux(SHTAB_WORKERS="2"))
    assert on_linux.returncode == 0, on_linux.stderr
    windows_tree, linux_tree = tree(tmp_path / "windows"), tree(tmp_path / "linux")
    assert len([name for name in windows_tree if name.endswith(".docx")]) == 278
    assert windows_tree == linux_tree
    assert on_windows.stderr == on_linux.stderr   # the same warnings


def test_check_says_the_same_on_windows(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    (inputs / "meetings" / "2026-06.yaml").write_text("number: [\n", encoding="utf-8")
    on_windows = shtab("--inputs", str(inputs), "check", env=windows())
    on_linux = shtab("--inputs", str(inputs), "check", env=linux())
    assert on_windows.returncode == on_linux.returncode == 1
    assert (on_windows.stdout, on_windows.stderr) == (on_linux.stdout, on_linux.stderr)
    assert "2026-06.yaml:" in on_windows.stdout


def test_pdf_finds_libreoffice_through_shtab_soffice(tmp_path):
    real = shutil.which("soffice")
    if real is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is missing in CI: .ci/run installs it")
        pytest.skip("LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)")
    log = tmp_path / "soffice.log"
    program = tmp_path / "LibreOffice" / "program" / "soffice"
    program.parent.mkdir(parents=True)
    program.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    outputs = tmp_path / "outputs"
    written = shtab("-q", "--lang", "ru", "--outputs", str(outputs), "protocol", "2026-05", env=windows())
    assert written.returncode == 0, written.stderr
    result = shtab("--outputs", str(outputs), "pdf", env=windows(SHTAB_SOFFICE=str(program)))
    assert result.returncode == 0, result.stderr
    pdf = outputs / "meetings" / "2026-05" / "protocol.ru.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "--convert-to pdf" in log.read_text(encoding="utf-8")


def test_watch_works_on_windows(tmp_path):
    inputs, outputs, process = watch_session(tmp_path, env=windows())
    try:
        run_the_secretarys_loop(inputs, outputs, process)
    finally:
        code = process.stop()
    assert code == 0, process.lines[-5:]


# ---------------------------------------------------------------- files saved by Notepad


def notepad(folder: Path) -> None:
    """Every YAML file as Windows Notepad saves it: CRLF line ends and a UTF-8 byte order mark."""
    for path in folder.rglob("*.yaml"):
        text = path.read_bytes().decode("utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"))


def test_crlf_and_a_byte_order_mark_give_the_same_findings_on_the_same_lines(project, tmp_path):
    project.meeting("2026-01", present=["akim", "police", "knb", "secretary"])          # §20: no quorum
    project.meeting("2026-02", date="2026-03-19", number=2, present=["akim", "police", "ghost"] + [
        "deputy_akim", "prosecutor", "apparatus", "sport", "employment", "culture", "economy", "youth", "knb"])
    project.write("meetings/2026-03.yaml", "number: 3\ndate: 2026-03-26\nnumber: 4\n")   # a duplicate key
    project.write("meetings/2026-04.yaml", "number: 4\ndate: [\n")                        # broken YAML
    before = shtab("--inputs", str(project.inputs), "check", env=linux())
    assert before.returncode == 1 and re.search(r"2026-01\.yaml:\d+:", before.stdout), before.stdout
    notepad(project.inputs)
    assert (project.inputs / "body.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    after = shtab("--inputs", str(project.inputs), "check", env=windows())
    assert after.stdout == before.stdout and after.returncode == 1
    for name in ("2026-01.yaml", "2026-02.yaml", "2026-03.yaml", "2026-04.yaml"):
        assert f"{name}:" in after.stdout, name


def test_documents_from_notepad_files_are_the_same(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    assert shtab("-q", "--inputs", str(inputs), "--outputs", str(tmp_path / "lf"), "all", env=linux()).returncode == 0
    notepad(inputs)
    result = shtab("-q", "--inputs", str(inputs), "--outputs", str(tmp_path / "crlf"), "all", env=windows())
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "crlf") == tree(tmp_path / "lf")


# ---------------------------------------------------------------- where LibreOffice is looked for


def test_shtab_soffice_is_the_secretarys_choice(tmp_path):
    program = tmp_path / "soffice.exe"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    assert find_soffice({"SHTAB_SOFFICE": str(program), "PATH": "/usr/bin:/bin"}, "win32") == str(program)
    with pytest.raises(ShtabError) as refusal:
        find_soffice({"SHTAB_SOFFICE": str(tmp_path / "nowhere" / "soffice.exe"), "PATH": "/usr/bin"}, "win32")
    assert re.search(r"SHTAB_SOFFICE=.*nowhere.*there is no LibreOffice program there",
                     render_value(refusal.value.message, "en"))


def test_soffice_on_path_is_found(tmp_path):
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    assert find_soffice({"PATH": str(tmp_path)}, "linux") == str(program)


def test_the_standard_windows_folders_both_bitnesses():
    environ = {"ProgramFiles": r"C:\Program Files", "ProgramFiles(x86)": r"C:\Program Files (x86)",
               "ProgramW6432": r"C:\Program Files", "LOCALAPPDATA": r"C:\Users\Aigul\AppData\Local"}
    assert [str(place) for place in install_places(environ, "win32")] == [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        r"C:\Users\Aigul\AppData\Local\Programs\LibreOffice\program\soffice.exe"]
    # without the variables, the folders' usual names
    assert [str(place) for place in install_places({}, "win32")] == [
        r"C:\Program Files\LibreOffice\program\soffice.exe", r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]
    assert all(isinstance(place, PureWindowsPath) for place in install_places({}, "win32"))


def test_the_macos_application_folder(tmp_path):
    program = tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    assert str(program) not in [str(p) for p in install_places({"HOME": "/nobody"}, "darwin")]
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    assert find_soffice({"PATH": str(tmp_path / "empty"), "HOME": str(tmp_path)}, "darwin") == str(program)
    assert "/Applications/LibreOffice.app/Contents/MacOS/soffice" in map(str, install_places({}, "darwin"))


@pytest.mark.parametrize("platform, places", [
    ("win32", [r"C:\Program Files\LibreOffice\program\soffice.exe",
               r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]),
    ("darwin", ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]),
    ("linux", []),
])
def test_the_message_names_every_place_it_looked(tmp_path, platform, places):
    with pytest.raises(ShtabError) as refusal:
        find_soffice({"PATH": str(tmp_path / "empty"), "HOME": str(tmp_path)}, platform)
    message = render_value(refusal.value.message, "en")
    assert "PATH (soffice, libreoffice)" in message and "SHTAB_SOFFICE (not set)" in message
    for place in places:
        assert place in message
    assert ("apt-get install" in message) is (platform == "linux")
    assert "libreoffice.org" in message


# ---------------------------------------------------------------- the way in without make


def parse_errors(path: Path, grammar: str) -> list[str]:
    """The places where the launcher does not parse, by its language's tree-sitter grammar."""
    from tree_sitter import Language, Parser
    module = pytest.importorskip(f"tree_sitter_{grammar}", reason="pip install -e '.[test]'")
    source = path.read_bytes()
    tree = Parser(Language(module.language())).parse(source)
    errors, stack = [], [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            errors.append(f"{path.name}:{node.start_point[0] + 1}: {source[node.start_byte:node.end_byte][:60]!r}")
        stack.extend(node.children)
    return errors


@pytest.mark.parametrize("name, grammar", [("shtab.bat", "batch"), ("shtab.ps1", "powershell")])
def test_the_launchers_parse(name, grammar):
    path = ROOT / name
    assert parse_errors(path, grammar) == []
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), f"{name}: every line must end in CRLF"
    text = data.decode("utf-8-sig")
    assert "py -3 -m venv" in text and r"Scripts\shtab.exe" in text and "pip install --quiet -e" in text
    assert ("%*" if grammar == "batch" else "@args") in text, "the arguments are passed on"


def test_the_batch_launcher_jumps_only_to_its_labels():
    text = (ROOT / "shtab.bat").read_text(encoding="utf-8")
    labels = set(re.findall(r"(?m)^:(\w+)", text))
    assert set(re.findall(r"goto (\w+)", text)) <= labels


def test_the_powershell_launcher_is_read_as_utf8_by_windows_powershell():
    assert (ROOT / "shtab.ps1").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_reference_lists_the_launchers_commands():
    reference = (ROOT / "docs" / "user" / "reference.md").read_text(encoding="utf-8")
    for command in ("shtab.bat check", "shtab.bat protocol", "shtab.bat watch", r".\shtab.ps1"):
        assert command in reference, command



def test_the_run_lock_works_on_windows(tmp_path):
    """One writer at a time (pipeline/write/lock.py, filelock) without fcntl: a second `all` refuses while a first holds
    the lock (SHTAB_LOCK_WAIT=0), and runs once it is released."""
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\nfrom pipeline.write.lock import run_lock\n"
         f"with run_lock(Path({str(tmp_path)!r}), 'shtab all'):\n    print('held', flush=True)\n"
         "    sys.stdin.readline()\n"],
        cwd=ROOT, env=windows(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        busy = shtab("-q", "--inputs", str(inputs), "--outputs", str(tmp_path / "outputs"), "all",
                     env=windows(SHTAB_LOCK_WAIT="0"))
        assert busy.returncode == 1 and "another run is still writing" in busy.stderr, busy.stderr
        assert not list((tmp_path / "outputs").rglob("*.docx"))
    finally:
        holder.communicate("\n", timeout=30)
    done = shtab("-q", "--inputs", str(inputs), "--outputs", str(tmp_path / "outputs"), "all",
                 env=windows(SHTAB_LOCK_WAIT="0"))
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "outputs").rglob("*.docx"))
