"""The message catalogue: every message the program can print exists in Kazakh and Russian, placeholders kept.

The msgids are extracted the way `make messages` extracts them (Babel, babel.cfg:
every _("...") of pipeline/ and Click's own texts), so a message added to the
code without its translations fails here, naming it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.core.errors import Loc, error, warning
from pipeline.locale import messages
from pipeline.locale.messages import Message, _, choose_ui_lang

ROOT = Path(__file__).resolve().parents[2]


def extracted() -> dict[str, str]:
    """msgid -> where it is, for every message of pipeline/ and of the installed Click, mapped as `make messages`
    maps them (babel.cfg: the _() calls, the help of the commands, the workspace's pages)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str, str] = {}
    for folder in (ROOT / "pipeline", Path(click.__file__).parent):
        for filename, lineno, message, _comments, _context in extract_from_dir(
                str(folder), method_map=method_map, options_map=options_map):
            key = message[0] if isinstance(message, tuple) else message
            found.setdefault(key, f"{folder.name}/{filename}:{lineno}")
    return found


def catalogue(lang: str):
    with messages.po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


FIELD = re.compile(r"\{(\w*)(?:![rsa])?(?::[^{}]*)?\}|%\((\w+)\)[sdr]")


def fields(text: str) -> set[str]:
    """The placeholders of a text: {name}, {name!r}, %(name)s; doubled braces are literal."""
    text = text.replace("{{", "").replace("}}", "")
    return {a or b for a, b in FIELD.findall(text)}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_of_the_program_and_of_click_is_translated(lang):
    entries = {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalogue(lang) if m.id}
    missing = [f"{where}: {key!r}" for key, where in extracted().items()
               if key not in entries or not all(entries[key].string if isinstance(entries[key].string, tuple)
                                                else [entries[key].string]) or entries[key].fuzzy]
    assert missing == [], (f"no {lang} translation (run `make messages`, then fill msgstr in "
                           f"{messages.po_path(lang).relative_to(ROOT)}):\n" + "\n".join(missing))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_translation_keeps_every_placeholder_and_adds_none(lang):
    wrong = []
    for entry in catalogue(lang):
        if not entry.id or not entry.string:
            continue
        if isinstance(entry.id, tuple):  # plural forms: each form may use the fields of either English form
            allowed = fields(entry.id[0]) | fields(entry.id[1])
            needed = fields(entry.id[0]) & fields(entry.id[1])
            wrong += [f"{entry.id[0]!r} → {form!r}" for form in entry.string
                      if not needed <= fields(form) <= allowed]
        elif fields(entry.string) != fields(entry.id):
            wrong.append(f"{entry.id!r} → {entry.string!r}")
    assert wrong == [], f"{lang}: placeholders differ from the English:\n" + "\n".join(wrong)


def test_the_placeholder_check_sees_a_dropped_or_renamed_field():
    assert fields("no quorum: {present} of {total}") == {"present", "total"}
    assert fields("кворум жоқ: {present}") != fields("no quorum: {present} of {total}")
    assert fields("No such option {name!r}.") == {"name"} == fields("%(name)s")
    assert fields("give {{kk: ..., ru: ...}}") == set()


def test_a_finding_is_a_key_with_values_and_takes_its_words_when_printed():
    finding = error(Loc("inputs/meetings/2026-03.yaml", 14),
                    _("no quorum: {present} of {total} members present, at least {needed} needed",
                      present=10, total=16, needed=11), "§20")
    assert finding.key.startswith("no quorum")
    assert finding.render("en") == ("inputs/meetings/2026-03.yaml:14: no quorum: 10 of 16 members present, "
                                    "at least 11 needed (§20)")
    assert finding.render("ru").startswith("inputs/meetings/2026-03.yaml:14: нет кворума: присутствовали 10 из 16")
    assert finding.render("kk").startswith("inputs/meetings/2026-03.yaml:14: кворум жоқ")
    assert warning(Loc("f.yaml", 2), _("the file is empty")).render("ru").startswith("f.yaml:2: предупреждение: ")


def test_a_message_inside_a_message_is_rendered_in_the_same_language():
    inner = _(" of '{key}'", key="items[2].heard")
    outer = _("the {lang} text{where} is missing: the {document} in {lang} needs it",
              lang="ru", where=inner, document="protocol")
    assert "('items[2].heard')" in outer.render("kk") and " of 'items[2].heard'" in outer.render("en")


def test_an_old_finding_with_a_plain_text_still_prints():
    assert str(error(Loc("a.yaml", 3), "as typed", "§8")) == "a.yaml:3: as typed (§8)"


@pytest.mark.parametrize("option,environ,body,expected", [
    ("ru", {"SHTAB_LANG": "kk", "LANG": "kk_KZ.UTF-8"}, "kk", "ru"),     # --ui-lang first
    (None, {"SHTAB_LANG": "kk", "LANG": "ru_RU.UTF-8"}, "ru", "kk"),     # then SHTAB_LANG
    (None, {"SHTAB_LANG": "en"}, "kk", "en"),                            # English only when asked
    (None, {"LANG": "ru_KZ.UTF-8"}, "kk", "ru"),                         # then the locale
    (None, {"LANG": "kk_KZ.UTF-8"}, "ru", "kk"),
    (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "kk_KZ.UTF-8"}, None, "ru"),  # LC_ALL before LANG
    (None, {"LC_MESSAGES": "kk_KZ", "LANG": "ru_RU.UTF-8"}, None, "kk"),
    (None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, None, "ru"),      # C means no choice
    (None, {"LANG": "en_US.UTF-8"}, "ru", "ru"),                         # not kk/ru: body.yaml's first
    (None, {}, "ru", "ru"),
    (None, {}, None, "kk"),                                              # nothing at all: the state language
    (None, {"SHTAB_LANG": "de"}, None, "kk"),                            # an unknown choice is no choice
])
def test_the_language_is_chosen_for_the_secretary(tmp_path, option, environ, body, expected):
    if body:
        (tmp_path / "body.yaml").write_text(f"name: x\nlanguages: [{body}, kk]\n", encoding="utf-8")
    assert choose_ui_lang(option, environ, tmp_path) == expected


def test_body_languages_written_as_a_block_list_count_too(tmp_path):
    (tmp_path / "body.yaml").write_text("languages:\n  - ru\n  - kk\n", encoding="utf-8")
    assert messages.body_language(tmp_path) == "ru"


LOCALE_ONLY = {"SHTAB_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None}


def test_clicks_own_words_come_in_the_language_of_the_locale():
    runner = CliRunner()
    ru = runner.invoke(cli, ["--no-such-thing", "check"], env={**LOCALE_ONLY, "LANG": "ru_RU.UTF-8"})
    assert ru.exit_code == 2
    assert "Использование:" in ru.output and "Нет такого параметра" in ru.output and "Usage" not in ru.output
    kk = runner.invoke(cli, ["--lang", "de", "check"], env={**LOCALE_ONLY, "LANG": "kk_KZ.UTF-8"})
    assert kk.exit_code == 2 and "Қолданылуы:" in kk.output and "мәні қате" in kk.output


def test_a_fresh_clone_compiles_the_catalogue_on_first_use(tmp_path, monkeypatch):
    copy = tmp_path / "locale"
    shutil.copytree(messages.LOCALE_DIR, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(messages, "LOCALE_DIR", copy)
    messages.translations.cache_clear()
    try:
        assert _("Usage:").render("ru") == "Использование:"
        assert (copy / "ru" / "LC_MESSAGES" / "shtab.mo").exists()
        def read_only(*args, **kwargs):
            raise PermissionError("read-only installation")
        monkeypatch.setattr(messages.tempfile, "mkstemp", read_only)  # cannot write: compiled in memory
        assert _("Usage:").render("kk") == "Қолданылуы:"
        assert not (copy / "kk" / "LC_MESSAGES" / "shtab.mo").exists()
    finally:
        messages.translations.cache_clear()


def test_message_values_that_are_messages_are_hashable_findings():
    first = error(Loc("a.yaml", 1), _("{what}", what=_("the file is empty")))
    assert first == error(Loc("a.yaml", 1), _("{what}", what=_("the file is empty")))
    assert len({first, first}) == 1 and isinstance(first.message, Message)


@pytest.mark.parametrize("argv,expected", [
    (["check", "--ui-lang", "ru"], ["--ui-lang", "ru", "check"]),
    (["protocol", "2026-01", "--force"], ["--force", "protocol", "2026-01"]),
    (["--inputs", "x", "register", "2026", "--as-of", "2026-10-01", "--lang=ru", "-q"],
     ["--inputs", "x", "--lang=ru", "-q", "register", "2026", "--as-of", "2026-10-01"]),
    (["templates", "--dir", "d", "--outputs", "o"], ["--outputs", "o", "templates", "--dir", "d"]),
    (["protocol", "--", "--force"], ["protocol", "--", "--force"]),                # after -- nothing moves
    (["--ui-lang", "kk"], ["--ui-lang", "kk"]),
])
def test_global_options_are_accepted_after_the_command(argv, expected):
    assert cli.hoist_global_options(argv) == expected


def test_make_style_options_after_the_command_work(project):
    project.meeting(present=["akim", "police"])
    result = CliRunner().invoke(cli, ["check", "--inputs", str(project.inputs), "--ui-lang", "ru"])
    assert result.exit_code == 1 and "нет кворума" in result.output
