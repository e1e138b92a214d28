"""The ways in: the launcher ./shtab, make without echo, `make setup`, a run from another folder.

The launcher's first install is tested with a stand-in for python3 that logs
what it is asked and makes what venv and pip would make (no network, no
minutes of pip): so the pip command of the secretary's install is read as it
is run. The launcher's runs of the real program use a copy of the project
whose .venv is this test run's environment under another name (its own
python and console script, the same site-packages), which the launcher finds
ready, as after its first install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.core.project import PROJECT_ENV, not_a_project, project_root, resolve
from tests.support.inputs import ROOT

LAUNCHER = ROOT / "shtab"


def environment(**extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in (PROJECT_ENV, "MAKEFLAGS", "MAKELEVEL")}
    return {**env, **extra}


def run(command: list, cwd: Path, env: dict[str, str] | None = None, **options) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env or environment(), capture_output=True,
                          text=True, encoding="utf-8", **options)


def project_copy(tmp_path: Path, name: str = "shtab-copy") -> Path:
    """The secretary's files of the project, elsewhere: launcher, Makefile, pyproject.toml, inputs/, records/."""
    copy = tmp_path / name
    copy.mkdir()
    for file in ("shtab", "Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / file, copy / file)
    for folder in ("inputs", "records"):
        shutil.copytree(ROOT / folder, copy / folder)
    return copy


def clone_environment(project: Path) -> None:
    """`project`/.venv as this run's environment: python and console script of its own, site-packages shared."""
    venv = Path(sys.prefix)
    assert venv != Path(sys.base_prefix), "the tests run in the project's .venv (make test)"
    clone = project / ".venv"
    (clone / "bin").mkdir(parents=True)
    shutil.copy2(venv / "pyvenv.cfg", clone / "pyvenv.cfg")
    (clone / "lib").symlink_to(venv / "lib", target_is_directory=True)
    (clone / "bin" / "python").symlink_to(os.path.realpath(sys.executable))
    script = (venv / "bin" / "shtab").read_text(encoding="utf-8").split("\n", 1)[1]
    (clone / "bin" / "shtab").write_text(f"#!{clone / 'bin' / 'python'}\n{script}", encoding="utf-8")
    (clone / "bin" / "shtab").chmod(0o755)
    shutil.copy2(project / "pyproject.toml", clone / "installed-pyproject.toml")
    # the test tools are in the shared site-packages already: make's stamp says so, or a target that needs them
    # (make bundle, golden, ...) would `pip install -e` the copy into this run's own environment
    (clone / "test-tools").touch()


def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    return folder


# ---------------------------------------------------------------- the launcher runs the program


def test_the_launcher_is_committed_executable():
    assert os.access(LAUNCHER, os.X_OK)
    assert LAUNCHER.read_bytes().startswith(b"#!/bin/sh\n")
    listed = run(["git", "ls-files", "--stage", "shtab"], ROOT)
    if listed.returncode == 0 and listed.stdout:        # a git checkout (CI's clone is one)
        assert listed.stdout.startswith("100755 "), listed.stdout


def test_the_launcher_runs_a_command_in_the_project_she_is_in(tmp_path):
    copy = project_copy(tmp_path)
    clone_environment(copy)
    written = run([copy / "shtab", "protocol", "2026-01", "-q"], copy)
    assert written.returncode == 0, written.stderr
    assert (copy / "outputs" / "meetings" / "2026-01" / "protocol.kk.docx").is_file()
    assert written.stderr == ""                      # ready: nothing installed, nothing said

    (copy / "inputs" / "meetings" / "2026-06.yaml").write_text("number: [\n", encoding="utf-8")
    inside = run([copy / "shtab", "check", "--ui-lang", "en"], copy)
    assert inside.returncode == 1 and "inputs/meetings/2026-06.yaml:" in inside.stdout + inside.stderr
    assert str(copy) not in inside.stdout + inside.stderr
    # a project named from elsewhere: its paths as named
    named = run([copy / "shtab", "--project", copy, "check", "--ui-lang", "en"], elsewhere(tmp_path))
    assert named.returncode == 1
    assert f"{copy / 'inputs' / 'meetings' / '2026-06.yaml'}:" in named.stdout + named.stderr


def snapshot(*folders: Path) -> dict[str, float]:
    return {str(path): path.stat().st_mtime for folder in folders for path in [folder, *folder.rglob("*")]}


@pytest.mark.parametrize("command", [["check"], ["all"], ["protocol", "2026-01"], ["pdf"], ["serve", "--no-browser"],
                                     ["watch"], ["schema"], ["new-meeting"], ["verify"]])
def test_the_launcher_run_from_a_folder_without_inputs_refuses_and_writes_nothing_anywhere(tmp_path, command):
    """Never the program's own folder: the sample is not her project (the launcher passes no project)."""
    copy = project_copy(tmp_path)
    clone_environment(copy)
    here, cache = elsewhere(tmp_path), tmp_path / "cache"
    cache.mkdir()
    before = snapshot(copy, here, cache)
    refused = run([copy / "shtab", *command], here, environment(SHTAB_CACHE=str(cache), SHTAB_LANG="ru"))
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "shtab init" in refused.stderr and "здесь нет папки inputs" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr
    assert snapshot(copy, here, cache) == before


def test_an_option_the_secretary_names_is_read_from_where_she_is(tmp_path):
    copy = project_copy(tmp_path)
    clone_environment(copy)
    here = elsewhere(tmp_path)
    shutil.copytree(ROOT / "inputs", here / "mine")
    result = run([copy / "shtab", "--inputs", "mine", "--outputs", "out", "composition", "-q", "--lang", "ru"], here)
    assert result.returncode == 0, result.stderr
    assert (here / "out" / "composition.ru.docx").is_file()
    assert not (copy / "outputs").exists()


# ---------------------------------------------------------------- its first install, with a stand-in python3

FAKE_PYTHON = r"""#!/bin/sh
# python3 and the environment's python, as far as the launcher can tell: each call logged, venv and pip faked
case "$1" in */bin/shtab) exec /bin/sh "$@" ;; esac     # the console script, started through its #! line
echo "$0 $*" >> "$FAKE_LOG"
case "$1 $2" in
    "-m venv")
        eval "venv=\${$#}"
        mkdir -p "$venv/bin" && cp "$0" "$venv/bin/python" ;;
    "-m pip")
        case " $* " in *" -e "*)
            # the console script pip writes: it names its python; it shows its arguments one by one and its project
            printf '#!%s\nfor a in "$@"; do printf "[%%s]" "$a"; done; echo; echo "project=$SHTAB_PROJECT"\nexit ${FAKE_STATUS:-7}\n' \
                "$(dirname "$0")/python" > "$(dirname "$0")/shtab"
            chmod 755 "$(dirname "$0")/shtab" ;;
        esac ;;
esac
exit 0
"""


@pytest.fixture
def fake_python(tmp_path):
    """A folder with a stand-in python3 first on PATH, and the file where it logs its calls."""
    bin_folder = tmp_path / "fakebin"
    bin_folder.mkdir()
    (bin_folder / "python3").write_text(FAKE_PYTHON, encoding="utf-8")
    (bin_folder / "python3").chmod(0o755)
    log = tmp_path / "calls.log"
    log.write_text("", encoding="utf-8")

    def env(**extra: str) -> dict[str, str]:
        return environment(PATH=f"{bin_folder}{os.pathsep}{os.environ['PATH']}", FAKE_LOG=str(log), **extra)
    return env, log


def calls(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines()


def test_first_use_makes_the_secretarys_environment_quietly_then_reuses_it(tmp_path, fake_python):
    env, log = fake_python
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy2(LAUNCHER, copy / "shtab")
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")

    first = run([copy / "shtab", "check", "--ui-lang", "ru", "a b", ""], elsewhere(tmp_path), env())
    assert first.returncode == 7                                   # the program's own exit status
    assert first.stdout.splitlines() == ["[check][--ui-lang][ru][a b][]", "project="]       # the launcher names no project: the program finds it
    assert first.stderr.splitlines() == ["Бағдарлама ортасы бір рет жасалады (.venv), бір-екі минут күтіңіз...",
                                         "Окружение программы создаётся один раз (.venv), подождите минуту-две..."]
    venv_python = f"{copy}/.venv/bin/python"
    python3 = tmp_path / "fakebin" / "python3"
    made = calls(log)
    assert made == [f"{python3} -c import sys; sys.exit(sys.version_info < (3, 10))",
                    f"{python3} -m venv {copy}/.venv",
                    f"{venv_python} -m pip install --quiet --upgrade pip",
                    f"{venv_python} -m pip install --quiet -e {copy}"]
    assert not any("[test]" in call for call in made), "the secretary's install has no test tools"
    assert (copy / ".venv" / "installed-pyproject.toml").read_bytes() == (copy / "pyproject.toml").read_bytes()

    again = run([copy / "shtab", "--help"], copy, env(FAKE_STATUS="0"))
    assert again.returncode == 0 and again.stderr == "" and again.stdout.startswith("[--help]")
    assert calls(log) == made                                      # reused: nothing made again

    with (copy / "pyproject.toml").open("a", encoding="utf-8") as project:
        project.write("# a new dependency\n")
    updated = run([copy / "shtab", "check"], copy, env())
    assert "pyproject.toml изменился" in updated.stderr
    assert calls(log)[len(made):] == [f"{venv_python} -m pip install --quiet --upgrade pip",
                                      f"{venv_python} -m pip install --quiet -e {copy}"]


def test_a_moved_project_gets_a_new_environment(tmp_path, fake_python):
    env, log = fake_python
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy2(LAUNCHER, old / "shtab")
    shutil.copy2(ROOT / "pyproject.toml", old / "pyproject.toml")
    assert run([old / "shtab", "check"], old, env()).returncode == 7
    new = tmp_path / "new"
    old.rename(new)                                    # its .venv's scripts still name the old folder
    log.write_text("", encoding="utf-8")
    moved = run([new / "shtab", "check"], new, env())
    assert moved.returncode == 7 and "[check]" in moved.stdout
    assert any(f"-m venv {new}/.venv" in call for call in calls(log))


def test_without_python_the_launcher_says_so_in_kazakh_and_russian(tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy2(LAUNCHER, copy / "shtab")
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    result = run([copy / "shtab", "check"], copy, environment(SHTAB_PYTHON="no-such-python3"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("Python 3 табылмады")
    assert result.stderr.splitlines()[1].startswith("Python 3 не найден")
    assert not (copy / ".venv").exists()


# ---------------------------------------------------------------- make: setup, and refusals the ordinary way


def test_make_setup_is_the_secretarys_install_without_test_tools(tmp_path, fake_python):
    env, log = fake_python
    copy = tmp_path / "project"
    copy.mkdir()
    for file in ("shtab", "Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / file, copy / file)
    result = run(["make", "setup"], copy, env(FAKE_STATUS="0"))
    assert result.returncode == 0, result.stderr
    installs = [call for call in calls(log) if " -m pip install" in call]
    assert installs[-1].endswith(f"-m pip install --quiet -e {copy}")
    assert not any("[test]" in call for call in calls(log))
    assert result.stdout == ""                           # no echo of the commands
    # the test tools come only with the developer's targets, through the `test` extra
    dry = run(["make", "-n", "test"], copy, env())
    assert "-e '.[test]'" in dry.stdout


def make_refusal(tmp_path, fake_python, target: str, **options) -> subprocess.CompletedProcess:
    env, _log = fake_python
    copy = tmp_path / "project"
    copy.mkdir()
    for file in ("shtab", "Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / file, copy / file)
    assert run(["make", "setup"], copy, env(FAKE_STATUS="0")).returncode == 0
    return run(["make", target, "ARGS=2026-01 --force"], copy, env(FAKE_STATUS="1"), **options)


def test_a_refusal_through_make_fails_make_the_ordinary_way(tmp_path, fake_python):
    result = make_refusal(tmp_path, fake_python, "protocol")
    assert result.returncode == 2                        # make's own status for a failed recipe
    assert result.stdout.splitlines()[0] == "[protocol][2026-01][--force]"   # ARGS passed as typed
    assert result.stderr.rstrip().splitlines()[-1].endswith("protocol] Error 1"), result.stderr
    assert "./shtab" not in result.stdout + result.stderr   # no echo of the commands


def test_a_refusal_through_make_fails_where_sigpipe_is_ignored_too(tmp_path, fake_python):
    """make inherits an ignored SIGPIPE (restore_signals=False keeps Python's): nothing in the Makefile depends on it."""
    result = make_refusal(tmp_path, fake_python, "check", restore_signals=False)
    assert result.returncode == 2
    assert "check] Error 1" in result.stderr


def test_make_check_on_broken_inputs_prints_the_findings_then_makes_error_line(tmp_path):
    copy = project_copy(tmp_path)
    clone_environment(copy)
    (copy / "inputs" / "meetings" / "2026-06.yaml").write_text("number: [\n", encoding="utf-8")
    result = run(["make", "check", "ARGS=--ui-lang ru"], copy)
    assert result.returncode == 2
    assert "inputs/meetings/2026-06.yaml:" in result.stdout + result.stderr
    last = result.stderr.rstrip().splitlines()[-1]       # the program's words first, make's line after them
    assert last.startswith("make: ***") and last.endswith("check] Error 1"), result.stderr
    assert "./shtab" not in result.stdout + result.stderr
    done = run(["make", "composition", "ARGS=-q --lang kk"], copy)
    assert done.returncode == 0 and done.stdout + done.stderr == ""
    assert (copy / "outputs" / "composition.kk.docx").is_file()


# ---------------------------------------------------------------- the program run from another folder


@pytest.mark.parametrize("locale, words", [
    ("ru_RU.UTF-8", ["здесь нет папки inputs, значит, это не папка проекта штаба", "shtab init"]),
    ("kk_KZ.UTF-8", ["мұнда inputs қалтасы жоқ, демек бұл штаб жобасының қалтасы емес", "shtab init"]),
])
def test_run_outside_a_project_it_refuses_in_her_language_and_names_init(tmp_path, locale, words):
    env = environment(LANG=locale)
    env.pop("SHTAB_LANG")
    result = run([sys.executable, "-m", "pipeline", "check"], tmp_path, env)
    assert result.returncode == 1
    for phrase in words:
        assert phrase in result.stderr, result.stderr
    assert str(ROOT) not in result.stderr                 # never the program's own folder
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "outputs").exists()
    # help needs no project
    assert run([sys.executable, "-m", "pipeline", "check", "--help"], tmp_path, env).returncode == 0


@pytest.mark.parametrize("lang, words", [("ru", "ПАПКА ПРОЕКТА"), ("kk", "ЖОБА ҚАЛТАСЫ")])
def test_with_no_project_known_it_says_how_to_find_one(tmp_path, lang, words):
    message = not_a_project(Path("inputs"), None, here=tmp_path).message.render(lang)
    assert message.startswith(f"{tmp_path.resolve()}:") and words in message and "--project" in message
    assert "shtab init" in message


def test_a_named_project_without_inputs_is_refused_naming_init(tmp_path):
    result = run([sys.executable, "-m", "pipeline", "--project", tmp_path / "nowhere", "check"], tmp_path)
    assert result.returncode == 1 and f'shtab init "{tmp_path / "nowhere"}"' in result.stderr, result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_named_inputs_folder_that_is_missing_is_said_plainly(tmp_path):
    result = run([sys.executable, "-m", "pipeline", "--inputs", "nowhere", "check"], tmp_path)
    assert result.returncode == 1 and "nowhere: the inputs folder does not exist" in result.stderr


@pytest.mark.parametrize("option, variable, inputs_here, expected", [
    ("named", "env", True, "named"),            # --project first
    (None, "env", True, "env"),                 # then SHTAB_PROJECT
    (None, None, True, "here"),                 # then the current folder, when it holds inputs/
    (None, None, False, None),                  # else none: refused by the command (never the program's folder)
    ("here", None, False, "here"),              # named and she is in it: relative paths, as make prints
])
def test_the_project_folder_is_project_then_shtab_project_then_here(tmp_path, monkeypatch, option, variable,
                                                                     inputs_here, expected):
    here, named, env = tmp_path / "here", tmp_path / "named", tmp_path / "env"
    for folder in (here, named, env):
        folder.mkdir()
    if inputs_here:
        (here / "inputs").mkdir()
    monkeypatch.chdir(here)
    folders = {"named": named, "env": env, "here": Path(), None: None}
    found = project_root(here if option == "here" else folders[option], {PROJECT_ENV: str(env)} if variable else {})
    assert found == folders[expected]
    paths = resolve(here if option == "here" else folders[option], environ={PROJECT_ENV: str(env)} if variable else {})
    assert paths.inputs == (folders[expected] or Path()) / "inputs"
    assert paths.records == (folders[expected] or Path()) / "records"


# ---------------------------------------------------------------- the install prints no packaging warning


def test_the_editable_install_prints_no_warning(tmp_path):
    """What pip runs for `pip install -e .` (PEP 660 build_editable), with the setuptools [build-system] asks for."""
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "pipeline").symlink_to(ROOT / "pipeline", target_is_directory=True)
    build = run([sys.executable, "-c", "import setuptools.build_meta as backend; print(backend.build_editable('dist'))"],
                tmp_path)
    assert build.returncode == 0, build.stderr[-2000:]
    assert "!!" not in build.stderr and "Warning" not in build.stderr, build.stderr[-2000:]
    wheel = tmp_path / "dist" / build.stdout.split()[-1]
    with zipfile.ZipFile(wheel) as archive:
        pth = [name for name in archive.namelist() if name.endswith(".pth")]
        assert [archive.read(name).decode().strip() for name in pth] == [str(tmp_path)]


def test_the_readme_and_the_guides_name_the_launcher():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("./shtab check", "./shtab protocol 2026-01 --force", "./shtab --help", "make setup",
                    'make check ARGS="--ui-lang ru"', "SHTAB_PROJECT"):
        assert command in readme, command
    for guide in ("docs/user/guide.kk.md", "docs/user/guide.ru.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        assert "./shtab check" in text, guide


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2, 0.4])
def test_ctrl_c_while_the_program_starts_is_a_stop_not_a_traceback(tmp_path, delay):
    """Whatever moment Ctrl-C falls on (the launcher, Python's start-up, the imports, the command), no traceback."""
    copy = project_copy(tmp_path)
    clone_environment(copy)
    process = subprocess.Popen([str(copy / "shtab"), "check"], cwd=copy, env=environment(), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode in (0, 1, -signal.SIGINT), (out, err)   # stopped, or done if it fell before Python ran
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
