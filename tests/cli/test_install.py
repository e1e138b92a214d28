"""The program as an akimat's IT person installs it: a wheel, installed (not editable) into a fresh environment
from a wheelhouse with no index (the offline install of the Windows bundle, on Linux), then used by a secretary
of another district in a folder of her own, outside the checkout.

One wheelhouse is built per test session (`pip wheel .`: the project's wheel and a wheel of every dependency;
pip's cache makes the second build quick), and one environment is installed from it with `--no-index`; the
tests below share both. Building them needs the package index once (as `make test` does to install the test
tools); SHTAB_NO_NETWORK=1 skips them, saying why.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.support.docx_text import text as docx_text
from tests.support.inputs import ROOT

pytestmark = pytest.mark.skipif(bool(os.environ.get("SHTAB_NO_NETWORK")),
                                reason="builds a wheelhouse from the package index (SHTAB_NO_NETWORK is set)")


def _run(command: list, cwd: Path, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("SHTAB_", "PIP_", "VIRTUAL_ENV", "PYTHON")) and name not in {"LANGUAGE", "LC_ALL"}}
    env.update(LANG="C.UTF-8", **extra)
    return env


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory) -> Path:
    """The project's wheel (built from a copy of the checkout, as `pip install .` builds it) and every dependency's."""
    house = tmp_path_factory.mktemp("wheelhouse")
    built = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "-w", house,
                  ROOT], ROOT, _clean_env(), timeout=1800)
    assert built.returncode == 0, built.stderr[-3000:]
    return house


@pytest.fixture(scope="session")
def installed(wheelhouse, tmp_path_factory) -> Path:
    """A fresh virtual environment with shtab installed from the wheelhouse alone: no index, not editable."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    made = _run([sys.executable, "-m", "venv", venv], venv.parent, _clean_env())
    assert made.returncode == 0, made.stderr
    done = _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--no-index", "--find-links", wheelhouse, "shtab"], venv.parent, _clean_env(), timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv


def test_the_wheel_carries_the_programs_data_and_no_source_catalogue(wheelhouse):
    wheel = next(wheelhouse.glob("shtab-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates_docx").glob("*.docx"):
        assert f"pipeline/templates_docx/{template.name}" in names
    assert "pipeline/templates_docx/phrases.yaml" in names
    assert {"pipeline/locale/kk/LC_MESSAGES/shtab.mo", "pipeline/locale/ru/LC_MESSAGES/shtab.mo"} <= names
    assert not any(name.endswith(".po") for name in names)            # compiled at build time, not at run time
    assert "pipeline/web/static/htmx.min.js" in names and "pipeline/schemas/body.schema.json" in names


def test_the_wheelhouse_installs_offline_and_is_not_editable(installed):
    site = next((installed / "lib").glob("python3*/site-packages"))
    assert (site / "pipeline" / "templates_docx" / "protocol.kk.docx").is_file()
    assert not list(site.glob("__editable__*"))
    assert not [pth for pth in site.glob("*.pth") if str(ROOT) in pth.read_text(errors="replace")]
    assert str(ROOT) not in "".join(p.read_text(errors="replace") for p in site.glob("shtab-*.dist-info/*"))


# ---------------------------------------------------------------- another district, in a folder of its own

BODY = """\
name:
  kk: Әулиекөл ауданы әкімдігі жанындағы нашақорлықтың алдын алу және есірткі қылмысына қарсы іс-қимыл жөніндегі мемлекеттік органдардың қызметін үйлестіру жөніндегі ведомствоаралық штаб
  ru: Межведомственный штаб по координации деятельности государственных органов по профилактике наркомании и противодействию наркопреступности при акимате Аулиекольского района
akimat: {kk: Әулиекөл ауданы әкімдігі, ru: Акимат Аулиекольского района}
seat: {kk: Әулиекөл ауылы, ru: село Аулиеколь}
established: {number: "412", date: 2025-12-01}
working_body:
  kk: '"Әулиекөл ауданы әкімінің аппараты" мемлекеттік мекемесі'
  ru: 'государственное учреждение «Аппарат акима Аулиекольского района»'
authorized_body:
  kk: Қазақстан Республикасы Ішкі істер министрлігі
  ru: Министерство внутренних дел Республики Казахстан
languages: [kk, ru]
members:
  - {id: akim, name: Б. Сапаров, role: head, position: {kk: Әулиекөл ауданының әкімі, ru: аким Аулиекольского района}}
  - id: deputy_akim
    name: Г. Жумабаева
    role: deputy_head
    position: {kk: Әулиекөл ауданы әкімінің орынбасары, ru: заместитель акима Аулиекольского района}
  - id: secretary
    name: А. Ким
    role: secretary
    position: {kk: Әулиекөл ауданы әкімі аппаратының бас маманы, ru: главный специалист аппарата акима Аулиекольского района}
  - id: police
    name: Е. Нурланов
    role: member
    by_agreement: true
    position: {kk: Әулиекөл ауданының полиция бөлімінің бастығы, ru: начальник отдела полиции Аулиекольского района}
  - id: education
    name: С. Оспанова
    role: member
    position: {kk: Әулиекөл ауданының білім бөлімінің басшысы, ru: руководитель отдела образования Аулиекольского района}
  - id: health
    name: Т. Ли
    role: member
    by_agreement: true
    position: {kk: Әулиекөл аудандық ауруханасының бас дәрігері, ru: главный врач Аулиекольской районной больницы}
"""

PLAN = """\
approved: {by: akim, date: 2025-12-26}
sent_to_members: 2025-12-29
items:
  - no: 1
    title: {kk: Мектептердегі профилактика туралы, ru: О профилактике в школах}
    responsible: [{kk: Әулиекөл ауданының білім бөлімі, ru: Отдел образования Аулиекольского района}]
    proposed_by: education
    quarter: 1
changes: []
"""

MEETING = """\
number: 1
date: 2026-03-12
time: "10:00"
place: {kk: Әулиекөл ауданы әкімдігінің мәжіліс залы, ru: зал заседаний акимата Аулиекольского района}
kind: regular
agenda_approved: {by: akim, date: 2026-03-05}
documents_sent: 2026-03-06
present: [akim, deputy_akim, police, education, health, secretary]
items:
  - plan: 2026-H1/1
    title: {kk: Мектептердегі профилактика туралы, ru: О профилактике в школах}
    speakers: [education]
    heard: {kk: Білім бөлімі ақпарат берді., ru: Отдел образования проинформировал.}
    decisions:
      - text: {kk: Мектептерде сынып сағаттары өткізілсін., ru: Провести классные часы в школах.}
        responsible: [education, police]
        due: 2026-05-29
    vote: unanimous
protocol: {drawn_up: 2026-03-13, signed_by: akim}
"""

IDS = ("akim", "deputy_akim", "secretary", "police", "education", "health")


@pytest.fixture(scope="session")
def district(installed, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A Штаб of another district started with `shtab init` outside the checkout, then filled in."""
    home = tmp_path_factory.mktemp("home")
    env = _clean_env(HOME=str(home), SHTAB_AS_OF="2026-03-20", SHTAB_SEAL_PDF="0", SHTAB_LANG="ru",
                     SHTAB_CACHE=str(home / "cache"))
    started = _run([installed / "bin" / "shtab", "init", "auliekol", "--lang", "ru"], home, env)
    assert started.returncode == 0, started.stderr
    assert "shtab check" in started.stdout and "Дальше:" in started.stdout
    project = home / "auliekol"
    assert ROOT.resolve() not in project.resolve().parents
    (project / "inputs" / "body.yaml").write_text(BODY, encoding="utf-8")
    (project / "inputs" / "plans" / "2026-H1.yaml").write_text(PLAN, encoding="utf-8")
    (project / "inputs" / "meetings" / "2026-01.yaml").write_text(MEETING, encoding="utf-8")
    return project, env


def test_a_new_district_checks_and_writes_every_document_with_the_installed_program(installed, district):
    project, env = district
    shtab = installed / "bin" / "shtab"
    site = next((installed / "lib").glob("python3*/site-packages")) / "pipeline"
    before = _package_data(site)
    checked = _run([shtab, "check"], project, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    written = _run([shtab, "all"], project, env)
    assert written.returncode == 0, written.stdout + written.stderr
    documents = sorted((project / "outputs").rglob("*.docx"))
    kinds = {path.name.split(".")[0] for path in documents}
    assert {"composition", "agenda", "protocol", "register", "2026-H1"} <= kinds, kinds
    # no member id in any document: each prints as the member's post (and name)
    for path in documents:
        words = set(re.findall(r"[a-z_]+", docx_text(path)))
        assert not words & set(IDS), f"{path.relative_to(project)}: {words & set(IDS)}"
    assert "Аулиекольского" in docx_text(project / "outputs" / "meetings" / "2026-01" / "protocol.ru.docx")
    # the installed package was not written into (the catalogues compiled at build time, nothing at run time)
    assert _package_data(site) == before


def _package_data(site: Path) -> dict[Path, tuple[int, int]]:
    """Each catalogue, template and phrase table of the installed package, with its size and time of change."""
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in site.rglob("*")
            if p.is_file() and p.suffix in {".mo", ".docx", ".yaml"}}


def test_the_installed_workspace_starts_and_stops(installed, district):
    project, env = district
    server = subprocess.Popen([str(installed / "bin" / "shtab"), "serve", "--no-browser", "--port", "0"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, said = time.monotonic() + 60, ""
        while time.monotonic() < deadline and "http://127.0.0.1" not in said:
            line = server.stdout.readline()
            if not line:
                break
            said += line
        assert "http://127.0.0.1" in said, said
    finally:
        server.send_signal(signal.SIGINT)
        try:
            rest, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            rest, _ = server.communicate()
    assert "Traceback" not in said + rest


def test_the_installed_program_outside_a_project_refuses_and_writes_nothing(installed, tmp_path):
    env = _clean_env(HOME=str(tmp_path), SHTAB_LANG="kk", SHTAB_CACHE=str(tmp_path / "cache"))
    refused = _run([installed / "bin" / "shtab", "all"], tmp_path, env)
    assert refused.returncode == 1 and "shtab init" in refused.stderr, refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert shutil.which("shtab", path=str(installed / "bin"))
