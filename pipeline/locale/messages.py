"""The program's own words, in the secretary's language: one gettext catalogue managed with Babel.

Everything the command line says (findings, refusals, summaries, progress,
help, Click's own usage errors) is a msgid in `pipeline/locale/<lang>/LC_MESSAGES/shtab.po`.
The msgid is the English text with `{named}` placeholders: it is the message's
key, and the English a developer reads. A translator edits the .po files in any
PO editor; `make messages` extracts the msgids from the code and updates them.

A message is made with `_("text {value}", value=...)`, which returns a
`Message`: the key and its values, not yet words. It becomes words only when it
is printed (`str()` or `render(lang)`), in the language chosen once per run by
`choose_ui_lang` (--ui-lang, else SHTAB_LANG, else the system locale, else the
first language of body.yaml). So a finding made by a rule carries no language,
and the same finding can be shown in Kazakh and in Russian. The command line
sets that language once per process (`set_ui_lang`, one run, one thread); the
workspace never changes it: every page renders in its request's language,
passed as a parameter (`render(lang)`, `translate`, `editing.scaffold.Words`).

The compiled catalogues (.mo) are not in git: in a checkout `compiled()` builds
one from its .po with Babel the first time it is needed, or again when the .po
is newer, so a fresh clone works with no extra step; a wheel ships the .mo
alone, compiled at build time (setup.py), and nothing is written into an
installed package. Document phrases (what goes into the
DOCX) are elsewhere (`pipeline/context/phrases.py` and the templates): this table is only
what the program says to the secretary.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UI_LANGS: tuple[str, ...] = ("kk", "ru", "en")
ENV_VAR = "SHTAB_LANG"
DOMAIN = "shtab"
LOCALE_DIR = Path(__file__).resolve().parent
DEFAULT_LANG = "kk"  # the state language, when nothing else says which

_current = "en"


@dataclass(frozen=True)
class Message:
    """A message key (the English msgid) and its values: words only when rendered.

    Values may be Messages themselves (a phrase inside a phrase, such as "the
    number 12"); they are rendered in the same language, and so is an InLangs (a
    name that has words of its own in each language).
    """

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str | None = None) -> str:
        lang = lang or _current
        template = translations(lang).gettext(self.key)
        return template.format(**{name: render_value(value, lang) for name, value in self.values})

    def __str__(self) -> str:
        return self.render()

    def __add__(self, other: object) -> str:  # "message" + " more": rendered now, as a str would be
        return self.render() + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + self.render()


@dataclass(frozen=True)
class InLangs:
    """A value that has its own words in Kazakh and in Russian (a district's name): the words of the message's
    language, the Russian ones in an English message."""

    kk: str
    ru: str

    def render(self, lang: str | None = None) -> str:
        return self.kk if (lang or _current) == "kk" else self.ru

    def __str__(self) -> str:
        return self.render()


def _(key: str, /, **values: Any) -> Message:
    """The message `key` (English text with {named} placeholders) with its values; rendered when printed."""
    return Message(key, tuple((name, _frozen(value)) for name, value in values.items()))


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def render_value(value: Any, lang: str | None = None) -> str:
    """A value in a message, in `lang`: a Message is translated, an InLangs gives its words of `lang`, a tuple or
    list is joined with commas, the rest as is."""
    if isinstance(value, (Message, InLangs)):
        return value.render(lang)
    if isinstance(value, (tuple, list)):
        return ", ".join(render_value(v, lang) for v in value)
    return str(value)


def msg(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The message `key` rendered now, in `lang` or the chosen language (for text that is not printed later)."""
    return _(key, **values).render(lang)


def both(message: Message) -> str:
    """The kk and ru forms together, for the scaffolds read by secretaries of either language."""
    return f"{message.render('kk')} / {message.render('ru')}"


# ---------------------------------------------------------------- the catalogues


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled(lang: str) -> bytes | None:
    """The .mo of `lang`: the file beside the .po when it is up to date, else compiled from the .po now.

    The compiled file is written beside the .po when that folder is writable
    (atomically, so parallel runs never read half a file); otherwise the
    catalogue is compiled in memory for this run. An installed program has the
    .mo alone, compiled when its wheel was built (setup.py): it is read as it is.
    """
    po = po_path(lang)
    mo = po.with_suffix(".mo")
    if not po.exists():
        return mo.read_bytes() if mo.is_file() else None
    try:
        if mo.stat().st_mtime >= po.stat().st_mtime:
            return mo.read_bytes()
    except OSError:
        pass
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    data = buffer.getvalue()
    try:
        fd, temp = tempfile.mkstemp(dir=mo.parent, prefix=".shtab-", suffix=".mo")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, mo)
    except OSError:
        pass
    return data


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`; English (the msgids themselves) when there is none."""
    data = compiled(lang) if lang != "en" else None
    if data is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


# ---------------------------------------------------------------- the language of the run


def set_ui_lang(lang: str | None) -> str:
    """Choose the language of the program's messages, Click's own texts included; unknown means English.

    Click asks Python's `gettext` for its texts (usage, "No such option", ...):
    our catalogue holds them too, and the domain and the LANGUAGE variable
    point `gettext` at it.
    """
    global _current
    _current = lang if lang in UI_LANGS else "en"
    if _current != "en":
        compiled(_current)  # the .mo must exist before Click's gettext looks for it
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = _current
    return _current


def ui_lang() -> str:
    return _current


_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
_BODY_LANGS = re.compile(r"^languages:\s*(?:\[\s*|\n\s*-\s*)[\"']?(kk|ru)\b", re.MULTILINE)


def choose_ui_lang(option: str | None, environ: dict[str, str] | os._Environ = os.environ,
                   inputs: Path | None = None) -> str:
    """The secretary's language, not the developer's: --ui-lang, else SHTAB_LANG, else the locale, else body.yaml.

    The system locale counts when it is Kazakh or Russian (LANG=ru_KZ.UTF-8 → ru,
    kk_KZ → kk), read the POSIX way: LC_ALL, then LC_MESSAGES, then LANG, "C"
    and "POSIX" meaning no choice. Then the first language of body.yaml, then
    Kazakh, the state language. English only when asked for.
    """
    for asked in (option, environ.get(ENV_VAR)):
        asked = (asked or "").strip().lower()
        if asked in UI_LANGS:
            return asked
    for name in _LOCALE_VARS:
        value = environ.get(name, "").strip()
        if not value or value.split(".")[0] in ("C", "POSIX"):
            continue
        code = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
        if code in ("kk", "ru"):
            return code
        break
    return body_language(inputs) or DEFAULT_LANG


def body_language(inputs: Path | None) -> str | None:
    """The first of `languages:` in body.yaml, read as text (the file may be broken; this must not fail)."""
    try:
        text = ((inputs or Path("inputs")) / "body.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = _BODY_LANGS.search(text)
    return found.group(1) if found else None


def os_problem(exc: OSError) -> Message | str:
    """What the operating system said, in her words for the usual cases (a full disk, no permission...).

    Python gives the C library's English text (`strerror`); the common causes are
    named here so that a refusal to write reads in her language too.
    """
    import errno

    known = {
        errno.ENOSPC: _("the disk is full"),
        errno.EACCES: _("no permission"),
        errno.EPERM: _("no permission"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENOENT: _("no such file or folder"),
        errno.EISDIR: _("it is a folder, not a file"),
        errno.ENOTDIR: _("a part of the path is a file, not a folder"),
        errno.EEXIST: _("it already exists"),
        errno.EBUSY: _("the file is in use by another program"),
    }
    return known.get(exc.errno or 0, exc.strerror or str(exc))


def code_point(character: str) -> str:
    """A character as its code, U+0007: how a message names a character that cannot be shown."""
    return f"U+{ord(character):04X}"


# ---------------------------------------------------------------- texts Click needs as str (help, metavars)


def N_(text: str) -> str:
    """Mark a text for the catalogue where a str is needed at import time (Click's help, metavars).

    It is translated when shown, with `translate` (the command line localizes
    its help before Click prints it).
    """
    return text


def translate(text: str, lang: str | None = None) -> str:
    """A marked text (N_) in `lang` or the run's language; itself when the catalogue lacks it."""
    return translations(lang or _current).gettext(text) if text else text
