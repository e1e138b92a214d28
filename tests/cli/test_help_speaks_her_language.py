"""`--help` of every command, and of the program, in her language.

The commands are taken from `pipeline/cli/main.py` COMMANDS, so a command added there is covered at once. The
language comes from the locale alone (LANG=ru_RU.UTF-8 or kk_KZ.UTF-8; no SHTAB_LANG, no --ui-lang), and
every line must pass the checker of tests/support/her_language.py: her words, with ids, keys, file names, options,
commands and the product names of its short list (LibreOffice, DOCX, PDF, YAML...) left as they are typed.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pipeline.cli.main import COMMANDS, cli
from tests.support.her_language import foreign_words, not_in_her_language

LOCALES = {"ru": "ru_RU.UTF-8", "kk": "kk_KZ.UTF-8"}
ONLY_THE_LOCALE = {"SHTAB_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None}
HELPS = [()] + [(command.name,) for command in COMMANDS] + [
    (command.name, sub) for command in COMMANDS for sub in getattr(command, "commands", {})]   # signature import
SUBCOMMANDS = {sub for command in COMMANDS for sub in getattr(command, "commands", {})}


def help_of(command: tuple[str, ...], lang: str) -> str:
    result = CliRunner().invoke(cli, [*command, "--help"], env={**ONLY_THE_LOCALE, "LANG": LOCALES[lang]},
                                prog_name="shtab", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("command", HELPS, ids=["shtab"] + [" ".join(command) for command in HELPS[1:]])
def test_every_help_is_in_her_language(command, lang):
    shown = help_of(command, lang)
    # her words for this command: its name and the commands its examples run are hers to type
    wrong = not_in_her_language(shown, lang, {c.name for c in COMMANDS} | SUBCOMMANDS)
    assert wrong == [], f"`{' '.join(command)} --help` is not all in {lang}:\n" + "\n".join(wrong) + "\n\n" + shown


def test_every_command_is_covered():
    assert {command[0] for command in HELPS[1:]} == set(cli.commands)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_translation_of_the_catalogue_is_in_her_language(lang):
    """Every message the program can print, not only those the wrong inputs above provoke: each msgstr passes the
    same checker, its {placeholders} (values filled in when printed) left out."""
    from babel.messages.pofile import read_po

    from pipeline.locale.messages import po_path

    with po_path(lang).open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    wrong = []
    for entry in catalogue:
        if not entry.id or not entry.string:
            continue
        texts = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in texts:
            bare = re.sub(r"\{\w*(?:![rsa])?\}|%\(\w+\)[sdr]|%[sd]", " ", text)
            wrong += [f"{entry.id!r} → {line!r}: {', '.join(words)}" for line in bare.splitlines()
                      if (words := foreign_words(line, {c.name for c in COMMANDS}))]
    assert wrong == [], f"{lang}: translations with words she cannot read:\n" + "\n".join(wrong)


def test_the_help_follows_the_language_of_each_run_in_one_process():
    """Click keeps a command's --help option once made: asked first in English, it must not stay English."""
    english = CliRunner().invoke(cli, ["check", "--help"], env={"SHTAB_LANG": "en"}, prog_name="shtab").output
    assert "Show this message and exit." in english
    assert "Показать эту справку и выйти." in help_of(("check",), "ru")
