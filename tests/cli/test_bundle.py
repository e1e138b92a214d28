"""make bundle: the Windows zip for an akimat PC with no internet has a wheel of every dependency (win_amd64 or
pure Python, for CPython 3.12) and an install script that installs only from them.

Built once (tools/bundle.py, which `make bundle` runs): it downloads the Windows wheels from the package index;
SHTAB_NO_NETWORK=1 skips it, saying why. The Linux offline install of the same kind (a wheelhouse installed with
--no-index --find-links) runs in tests/cli/test_install.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from tests.support.inputs import ROOT

pytestmark = pytest.mark.skipif(bool(os.environ.get("SHTAB_NO_NETWORK")),
                                reason="downloads the Windows wheels from the package index (SHTAB_NO_NETWORK is set)")

WINDOWS_312 = {**default_environment(), "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
               "platform_machine": "AMD64", "python_version": "3.12", "python_full_version": "3.12.8",
               "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), "--out", str(out)], cwd=ROOT,
                           capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stderr[-3000:]
    version = re.search(r'^version\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.MULTILINE).group(1)
    zipped = out / f"shtab-{version}-windows.zip"
    assert zipped.is_file() and built.stdout.strip() == str(zipped)
    return zipped


def test_every_dependency_has_a_windows_or_pure_wheel(bundle):
    archive = zipfile.ZipFile(bundle)
    wheels = {name: parse_wheel_filename(name.split("/", 1)[1]) for name in archive.namelist()
              if name.startswith("wheels/") and name.endswith(".whl")}
    have = {parsed[0] for parsed in wheels.values()}
    assert canonicalize_name("shtab") in have
    for name, (_project, _version, _build, tags) in wheels.items():
        assert any(tag.platform in ("win_amd64", "any") and tag.interpreter in ("cp312", "py3", "py2.py3", "abi3",
                                                                               "cp3", "py312")
                   or tag.platform == "win_amd64" and tag.abi == "abi3" for tag in tags), name
    missing = []
    for name in wheels:
        metadata = next(n for n in zipfile.ZipFile(archive.open(name)).namelist() if n.endswith(".dist-info/METADATA"))
        headers = Parser().parsestr(zipfile.ZipFile(archive.open(name)).read(metadata).decode("utf-8"))
        for line in headers.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(WINDOWS_312):
                if canonicalize_name(requirement.name) not in have:
                    missing.append(f"{name}: {line}")
    assert missing == []


def test_the_install_script_installs_offline_into_a_virtual_environment(bundle):
    archive = zipfile.ZipFile(bundle)
    script = archive.read("install.bat").decode("utf-8")
    assert "\r\n" in script and "\n" not in script.replace("\r\n", "")
    assert "-m venv" in script and '--no-index --find-links "%HERE%wheels" shtab' in script
    assert "WindowsApps\\shtab.cmd" in script                         # `shtab` in every Command Prompt
    assert {"ПРОЧТИ.txt", "ОҚЫҢЫЗ.txt"} <= set(archive.namelist())
