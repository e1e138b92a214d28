"""What runs keep between them (pipeline/core/cache.py) changes no byte, and a damaged or stale cache is ignored.

The templates' cleaned XML and compiled code, the Russian inflections, the days
off and the month names are kept in the user's cache folder (here the session's,
tests/support/inputs.py) so that the next run loads neither Jinja's compiler nor
pymorphy3 nor `holidays` nor Babel for them.
Speed itself is measured in `make bench`, never asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from pipeline.core import cache as speed_kept
from pipeline.grammar import ru
from pipeline.rules import workdays

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"


def shtab(cache: str, outputs: Path, *args: str, modules: bool = False) -> set[str]:
    """Run the command line in a fresh interpreter with SHTAB_CACHE=`cache`; with `modules`, the top-level
    packages it imported."""
    code = ("import sys\nfrom pipeline.cli.main import cli\n"
            f"try:\n    cli.main({['-q', '--outputs', str(outputs), *args]!r}, prog_name='shtab')\n"
            "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, speed_kept.ENV: cache})
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split()) if modules else set()


def documents(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*.docx"))}


@pytest.fixture
def kept_here(tmp_path, monkeypatch):
    """This process keeps its values in a fresh folder (the tables are read once per process: forgotten here)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(speed_kept.ENV, str(folder))
    for cached in (ru._kept, workdays._kept, workdays._days_off):
        cached.cache_clear()
    yield folder
    for cached in (ru._kept, workdays._kept, workdays._days_off):
        cached.cache_clear()


# ---------------------------------------------------------------- pay only for what is used


def test_check_imports_no_renderer_nor_lock_and_its_second_run_no_analyser_calendar_or_slugs(tmp_path):
    cache = str(tmp_path / "cache")
    first = shtab(cache, tmp_path / "out", "check", modules=True)
    assert not first & {"docxtpl", "docx", "jinja2", "matplotlib", "filelock"}, "check renders and writes nothing"
    assert {"pymorphy3", "holidays", "slugify"} <= first, "the first run computes the forms, days off and slugs"
    second = shtab(cache, tmp_path / "out", "check", modules=True)
    assert not second & {"docxtpl", "docx", "jinja2", "matplotlib", "filelock", "pymorphy3", "holidays",
                         "slugify"}, second


def test_an_unsigned_protocol_run_loads_no_analyser_once_its_forms_are_kept(tmp_path):
    cache = str(tmp_path / "cache")
    assert "pymorphy3" in shtab(cache, tmp_path / "first", "protocol", "2026-05", modules=True)
    second = shtab(cache, tmp_path / "second", "protocol", "2026-05", modules=True)
    assert "pymorphy3" not in second and "matplotlib" not in second
    assert documents(tmp_path / "second") == documents(tmp_path / "first")
    assert list(Path(cache).glob("jinja/*.code")), "the compiled templates are kept"


# ---------------------------------------------------------------- same bytes, whatever the cache holds


def damage(folder: Path, how: str) -> int:
    """Damage every kept file: cut in half, or its contents replaced by a well-sealed wrong payload."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    for path in files:
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 2] if how == "cut" else speed_kept.sealed(b"j2" + data[40:80]))
    return len(files)


def test_no_cache_a_cold_a_warm_and_a_damaged_cache_give_the_same_documents(tmp_path):
    """Every sample document, with nothing kept, then kept (first and second run), then with every kept file cut
    in half, then sealed over other bytes: the same bytes each time, and the damaged files are written again."""
    cache = tmp_path / "cache"
    shtab("off", tmp_path / "off", "all")
    expected = documents(tmp_path / "off")
    assert expected
    for name in ("cold", "warm"):
        shtab(str(cache), tmp_path / name, "all")
        assert documents(tmp_path / name) == expected, name
    for how in ("cut", "resealed"):
        assert damage(cache, how) >= 4
        shtab(str(cache), tmp_path / how, "all")
        assert documents(tmp_path / how) == expected, how
    for path in (path for path in cache.rglob("*") if path.is_file()):   # each damaged file written again, whole
        payload = speed_kept.unsealed(path.read_bytes())
        assert payload is not None, path
        assert path.relative_to(cache).parts[0].split("-")[0].split(".")[0] in speed_kept.KEPT \
            or path.name.split(".")[0] in speed_kept.KEPT, path
        if path.suffix == ".png":
            assert payload.startswith(b"\x89PNG"), path
        elif path.suffix == ".json":
            assert json.loads(payload)["values"], path
        elif path.suffix == ".txt":
            assert path.name.endswith(payload[:32].hex() + ".txt"), path
        else:
            assert payload.startswith(bc_magic), path


# ---------------------------------------------------------------- the kept tables


def test_only_what_the_registry_lists_is_kept(kept_here):
    """core/cache.py KEPT is the whole list of what runs keep: a table or a folder of another name is refused."""
    with pytest.raises(ValueError, match="KEPT"):
        speed_kept.KeptValues("table", "stamp")
    with pytest.raises(ValueError, match="KEPT"):
        speed_kept.place("outputs")
    assert speed_kept.place("pictures") == kept_here / "pictures"


def test_a_kept_value_is_read_back_by_the_next_run(kept_here):
    speed_kept.KeptValues("months", "stamp 1").put("key", ["value", True])
    assert speed_kept.KeptValues("months", "stamp 1").get("key") == ["value", True]


def test_a_table_of_another_stamp_is_not_read(kept_here):
    """A new pymorphy3, dictionary, `holidays` or version of our code: nothing kept before is used."""
    speed_kept.KeptValues("months", "stamp 1").put("key", "old")
    assert speed_kept.KeptValues("months", "stamp 2").get("key") is None


@pytest.mark.parametrize("content", [b"", b"{}", b"not sealed at all", b"\0" * 40,
                                     speed_kept.sealed(b"[1, 2]"), speed_kept.sealed(b"{not json")])
def test_a_damaged_table_is_ignored_and_written_again(kept_here, content):
    kept_here.mkdir()
    (kept_here / "months.json").write_bytes(content)
    table = speed_kept.KeptValues("months", "stamp")
    assert table.get("key") is None
    table.put("key", "value")
    assert speed_kept.KeptValues("months", "stamp").get("key") == "value"


def test_a_kept_inflection_of_the_wrong_shape_is_inflected_again(kept_here):
    phrase = "Межведомственный штаб по координации деятельности"
    expected = ru._by_analyser(phrase, "gent", ru._tokens(phrase))
    for wrong in ("a form", ["form"], [1, True, ""], ["form", "yes", ""], ["form", True, ["key"]],
                  ["form", False, [1, []]], ["form", False, ["key", [["word", {"a": 1}]]]]):
        ru._kept().put(f"gent {phrase}", wrong)
        assert ru.inflect_ru(phrase, "gent") == expected
        assert ru._from_kept(ru._kept().get(f"gent {phrase}")) == expected, "written again"


def test_an_uncertain_inflection_keeps_its_reason(kept_here):
    """A kept unsure form still warns, with the same reason, in any language (a Message, not words)."""
    phrase = "Кракозябрик района"
    fresh = ru.inflect_ru(phrase, "gent")
    ru._kept.cache_clear()
    kept = ru.inflect_ru(phrase, "gent")
    assert kept == fresh and not kept.sure and kept.reason.render("ru") == fresh.reason.render("ru")


def test_kept_days_off_are_the_calendars(kept_here):
    """Nauryz (21-25 March 2026 with its moved day), weekends, an ordinary Friday: kept and read back."""
    import datetime as dt
    days = [dt.date(2026, 3, day) for day in range(18, 31)]
    fresh = [workdays.is_working_day(day) for day in days]
    workdays._kept.cache_clear()
    workdays._days_off.cache_clear()
    assert [workdays.is_working_day(day) for day in days] == fresh
    assert fresh == [workdays._calendar().is_working_day(day) for day in days]
    assert workdays._kept().get("2026"), "kept"


# ---------------------------------------------------------------- where it is kept


def test_switched_off_nothing_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(speed_kept.ENV, "off")
    assert speed_kept.folder() is None
    table = speed_kept.KeptValues("months", "stamp")
    table.put("key", "value")
    assert table.get("key") == "value"   # this run still has it


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owner bits")
@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch, mode):
    """Compiled code is read back from the folder: one that another user could write in is not used at all."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(mode)
    monkeypatch.setenv(speed_kept.ENV, str(folder))
    assert speed_kept.folder() is None
    speed_kept.KeptValues("months", "stamp").put("key", "value")
    assert not list(folder.iterdir())
    folder.chmod(0o700)
    assert speed_kept.folder() == folder


def test_the_folder_is_made_for_this_user_alone(tmp_path, monkeypatch):
    monkeypatch.setenv(speed_kept.ENV, str(tmp_path / "new" / "cache"))
    folder = speed_kept.folder()
    assert folder == tmp_path / "new" / "cache" and folder.is_dir()
    if hasattr(os, "getuid"):
        assert folder.stat().st_mode & 0o077 == 0


# ---------------------------------------------------------------- compiled templates


@pytest.mark.parametrize("payload", [b"", b"j2", b"j2\x80\x02K\x05.garbage", b"garbage" * 10])
def test_a_damaged_compiled_template_is_compiled_again(tmp_path, monkeypatch, payload):
    from jinja2 import StrictUndefined

    from pipeline.render.templates import KeptCode, _CompiledOnceEnvironment
    monkeypatch.setenv(speed_kept.ENV, str(tmp_path))
    source = "<w:t>{{ name }} &amp; {{ items|length }}</w:t>"
    first = _CompiledOnceEnvironment(undefined=StrictUndefined, autoescape=True)
    expected = first.from_string(source).render(name="A & B", items=[1, 2])
    kept = list(tmp_path.glob("jinja/*.code"))
    assert len(kept) == 1
    kept[0].write_bytes(speed_kept.sealed(payload))
    again = _CompiledOnceEnvironment(undefined=StrictUndefined, autoescape=True)
    assert again.from_string(source).render(name="A & B", items=[1, 2]) == expected == "<w:t>A &amp; B &amp; 2</w:t>"
    assert KeptCode.of(again).code_for(source) is not None
