"""make bundle: dist/shtab-<version>-windows.zip, the program for an akimat PC with no internet.

The zip holds wheels/ (the project's wheel and a wheel of every dependency for CPython 3.12 on win_amd64,
as `pip download --platform win_amd64 --only-binary=:all:` resolves them: each one either built for
win_amd64 or pure Python), install.bat (an offline install of those wheels into a virtual environment, and
a `shtab` command for every Command Prompt) and ПРОЧТИ.txt / ОҚЫҢЫЗ.txt (the three steps, in Russian and
Kazakh). Run on any machine with the package index; the PC that installs needs only Python 3.12.

    python tools/bundle.py [--out dist]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON_VERSION = "3.12"

# The offline install on the akimat PC (CRLF line ends, written below). The environment lives in the user's own
# %LOCALAPPDATA%\shtab\venv; the command `shtab` is a one-line shtab.cmd in %LOCALAPPDATA%\Microsoft\WindowsApps,
# a folder Windows 10 and 11 keep on every user's PATH: after the install, `shtab init`, `shtab check` ... work in
# any Command Prompt, in any folder (the project is the folder she is in, or --project).
INSTALL_BAT = r"""@echo off
rem shtab: offline install from the wheels beside this file (no internet needed). Python 3.12 must be installed.
setlocal
chcp 65001 >nul
set "HERE=%~dp0"
set "HOME_DIR=%LOCALAPPDATA%\shtab"
set "VENV=%HOME_DIR%\venv"
set "PY="
where py >nul 2>nul && set "PY=py -3.12"
if not defined PY where python >nul 2>nul && set "PY=python"
if not defined PY goto nopython
%PY% -m venv "%VENV%"
if errorlevel 1 goto failed
"%VENV%\Scripts\python.exe" -m pip install --quiet --no-index --find-links "%HERE%wheels" shtab
if errorlevel 1 goto failed
if not exist "%LOCALAPPDATA%\Microsoft\WindowsApps" mkdir "%LOCALAPPDATA%\Microsoft\WindowsApps"
> "%LOCALAPPDATA%\Microsoft\WindowsApps\shtab.cmd" echo @"%VENV%\Scripts\shtab.exe" %%*
echo Бағдарлама орнатылды. Жаңа пәрмен жолы терезесінде: shtab init ҚАЛТА, содан кейін shtab check.
echo Программа установлена. В новом окне командной строки: shtab init ПАПКА, затем shtab check.
goto end
:nopython
echo Python 3.12 табылмады: оны орнатыңыз ("py launcher" белгісін қалдырыңыз), содан кейін install.bat қайта іске қосыңыз.
echo Python 3.12 не найден: установите его (оставьте отметку "py launcher") и запустите install.bat снова.
goto end
:failed
echo Орнату мүмкін болмады: жоғарыдағы хабарламаны қараңыз.
echo Установить не удалось: см. сообщение выше.
:end
endlocal
"""

README_RU = """shtab — делопроизводство межведомственного штаба

1. Установите Python 3.12 (python.org, отметьте "py launcher").
2. Запустите install.bat двойным щелчком: программа ставится без интернета.
3. Откройте новое окно командной строки:
     shtab init D:\\Штаб
     cd /d D:\\Штаб
     shtab check
Дальше — руководство, раздел «Новый штаб с нуля».
"""

README_KK = """shtab — ведомствоаралық штабтың іс жүргізуі

1. Python 3.12 орнатыңыз (python.org, "py launcher" белгісін қалдырыңыз).
2. install.bat файлын екі рет басып іске қосыңыз: бағдарлама интернетсіз орнатылады.
3. Жаңа пәрмен жолы терезесін ашыңыз:
     shtab init D:\\Штаб
     cd /d D:\\Штаб
     shtab check
Әрі қарай — нұсқаулықтың «Жаңа штаб нөлден» бөлімі.
"""


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE).group(1)


def dependencies() -> list[str]:
    """The [project] dependencies of pyproject.toml, as written (the bundle installs what the program needs)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies\s*=\s*\[(.*?)^\]", text, re.MULTILINE | re.DOTALL).group(1)
    return re.findall(r'^\s*"([^"]+)"', block, re.MULTILINE)


WINDOWS_312 = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
               "python_version": PYTHON_VERSION, "python_full_version": PYTHON_VERSION + ".0",
               "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}


def missing(wheels: Path) -> list[str]:
    """The requirements of the wheels, for CPython 3.12 on Windows, that no wheel in the folder meets by name."""
    from email.parser import Parser

    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename

    environment = {**default_environment(), **WINDOWS_312}
    have = {parse_wheel_filename(wheel.name)[0] for wheel in wheels.glob("*.whl")}
    wanted = []
    for wheel in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            metadata = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
            headers = Parser().parsestr(archive.read(metadata).decode("utf-8"))
        for line in headers.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if (requirement.marker is None or requirement.marker.evaluate(environment)) \
                    and canonicalize_name(requirement.name) not in have:
                wanted.append(f"{requirement.name}{requirement.specifier}")
    return sorted(set(wanted))


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"], check=True)


def build(out: Path) -> Path:
    target = out / f"shtab-{version()}-windows.zip"
    with tempfile.TemporaryDirectory() as temporary:
        wheels = Path(temporary) / "wheels"
        pip("wheel", "--no-deps", "-w", str(wheels), str(ROOT))
        wanted = dependencies()
        for _round in range(5):   # pip evaluates some markers for the Python it runs on: download what they hid
            pip("download", "--only-binary=:all:", "--platform", "win_amd64", "--python-version", PYTHON_VERSION,
                "--implementation", "cp", "-d", str(wheels), *wanted)
            wanted = missing(wheels)
            if not wanted:
                break
        else:
            raise SystemExit(f"the Windows wheels still lack: {', '.join(wanted)}")
        out.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for wheel in sorted(wheels.glob("*.whl")):
                archive.write(wheel, f"wheels/{wheel.name}")
            archive.writestr("install.bat", INSTALL_BAT.replace("\n", "\r\n").encode("utf-8"))
            archive.writestr("ПРОЧТИ.txt", README_RU.replace("\n", "\r\n").encode("utf-8"))
            archive.writestr("ОҚЫҢЫЗ.txt", README_KK.replace("\n", "\r\n").encode("utf-8"))
        shutil.move(partial, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    print(build(parser.parse_args().out))


if __name__ == "__main__":
    main()
