"""Findings and the one exception family of the program.

Every problem the program finds is a value, a `Finding`, that carries where it
is (file and line), which paragraph of the regulation it enforces (§N), how
serious it is, and its message as a key with values (`messages._`): the words
are chosen when the finding is printed, in the secretary's language. Rules return findings; they never raise. Commands gather them
all and then refuse once, with `ShtabError`: the command line (pipeline/cli/main.py)
shows it and exits 1, and no traceback reaches the secretary. Nothing here needs
Click, so the stages run from a plain script (docs/dev/architecture.md).
"""

from __future__ import annotations

import enum
import re
import sys
from dataclasses import dataclass
from typing import Iterable

from ..locale.messages import Message, _, render_value


class Severity(enum.Enum):
    """An error makes a document impossible; a warning is reported and allowed."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Loc:
    """A place in an input file: its path as the secretary typed it and a 1-based line."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Finding:
    """One problem: place, message, paragraph of the regulation, severity.

    `document` narrows which document the problem makes impossible ("agenda",
    "protocol", ...); None means every document built from that file.
    """

    loc: Loc
    message: Message | str  # a plain str is shown as it is, untranslated: only for text that is not words
    rule: str = ""
    severity: Severity = Severity.ERROR
    document: str | None = None
    excerpt: tuple[str, int] | None = None  # the line as typed and the column to point at, shown under the message

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, lang: str | None = None) -> str:
        """`file:line: message (§N)` in `lang` (default: the language chosen for this run)."""
        text = render_value(self.message, lang)
        if not self.is_error:
            text = _("warning: {message}", message=text).render(lang)
        rule = f" ({self.rule})" if self.rule else ""
        shown = printable(f"{self.loc}: {text}{rule}")
        if self.excerpt is None:
            return shown
        line, column = self.excerpt
        visible = printable(line.replace("\t", "→"))  # a tab shown as one arrow keeps the caret under its place
        return f"{shown}\n    {visible}\n    {' ' * min(column, len(visible))}^"

    def __str__(self) -> str:
        return self.render()

    @property
    def key(self) -> str:
        """The message's key (its English msgid), for tests and sorting: the same in every language."""
        return self.message.key if isinstance(self.message, Message) else self.message

    def sort_key(self) -> tuple:
        return (self.loc.file, self.loc.line, self.rule, self.key, str(self.message))


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """One line a terminal shows as typed: control characters and lone surrogates become \\uXXXX.

    A finding quotes what the secretary typed (an unknown key, a wrong value);
    a newline there would break the one-finding-per-line shape, and a lone
    surrogate could not even be printed.
    """
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def error(loc: Loc, message: Message | str, rule: str = "", document: str | None = None,
          excerpt: tuple[str, int] | None = None) -> Finding:
    return Finding(loc, message, rule, Severity.ERROR, document, excerpt)


def warning(loc: Loc, message: Message | str, rule: str = "", document: str | None = None,
            excerpt: tuple[str, int] | None = None) -> Finding:
    return Finding(loc, message, rule, Severity.WARNING, document, excerpt)


def errors_in(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in file and line order, each once."""
    unique = {(f.render("en"), f.document): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


class ShtabError(Exception):
    """Root of every error the secretary can see: the command line shows it and exits with `exit_code`."""

    exit_code = 1

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message = message  # rendered when shown, in the run's language

    def format_message(self) -> str:
        return render_value(self.message)

    def __str__(self) -> str:
        return self.format_message()

    def show(self, file=None) -> None:  # "Error: ", in the secretary's language
        print(_("Error: {message}", message=self.format_message()), file=file or sys.stderr)


class Summary(ShtabError):
    """A refusal whose lines above already say what is wrong (check's findings): its one summary line is
    shown as it is, without "Error:" before it ("Ошибка: ошибок: 2" read twice the same word)."""

    def show(self, file=None) -> None:
        print(self.format_message(), file=file or sys.stderr)


class InputRefused(ShtabError):
    """The inputs break a rule that makes the requested documents impossible."""

    def __init__(self, findings: Iterable[Finding], what: Message | str = "") -> None:
        self.findings = sorted_findings(findings)
        self.what = what
        super().__init__("")

    def format_message(self) -> str:  # Click prefixes "Error: "; our lines carry their own place
        lines = [str(f) for f in self.findings]
        count = len(errors_in(self.findings))
        summary = _("{count} error(s): nothing was written", count=count).render()
        if self.what:
            summary += f" ({render_value(self.what)})"
        return "\n".join(lines + [summary])

    def show(self, file=None) -> None:
        print(self.format_message(), file=file or sys.stderr)
