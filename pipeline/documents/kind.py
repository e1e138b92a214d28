"""A kind of document (`DocumentKind`), one document to produce (`Job`), and what a run asks for (`Asked`).

A `DocumentKind` is everything the program knows about a kind of document: its
id, its name in the secretary's words, the pattern of its file under outputs/,
what each document is about (its subject: a meeting, a plan, a year, an as-of
date, an addressee), whether `all` and `watch` make it, whether it is sealed
with the signed protocol or made from a sealed protocol's data, its template
and its own rules. `pipeline/wiring.py` holds one line per kind; every other
module reads the kind (or, below `documents/`, its id from `core/kinds.py`).

A `Job` is made by the kind (`DocumentKind.job`): it carries its subject as
data, and its file is the kind's pattern filled with that subject, so that no
one reads a meeting id back from a path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Iterable

from ..context.common import Localizer
from ..core.errors import Finding
from ..locale.messages import Message
from ..rules.assessment import Assessment

Rule = Callable[[Assessment], None]


@dataclass(frozen=True)
class Subject:
    """What one document is about; a kind fills the fields its file pattern names (`DocumentKind.about`)."""

    meeting: str | None = None          # a meeting id: 2026-03
    plan: str | None = None             # a plan id: 2026-H1
    year: int | None = None
    as_of: dt.date | None = None        # the day a dated document judges as of (its file says it: 2026-11-27)
    addressee: str | None = None        # a letter's addressee in a file name: 01-police


SUBJECT_FIELDS = tuple(f.name for f in fields(Subject))


@dataclass(frozen=True)
class Asked:
    """What the command asked for: the subjects selected (none: every one), the languages (None: every language
    of the Штаб or the meeting), --force (extracts of an unsigned protocol, §23) and --within (reminders)."""

    selected: tuple[str, ...] = ()
    langs: list[str] | None = None
    force: bool = False
    within: int | None = None


# (the kind, the assessment, what was asked) → the jobs of that kind
JobBuilder = Callable[["DocumentKind", "Assessment", Asked], "list[Job]"]
# (the assessment, what was asked) → why a subject the run asked for gives no document of the kind (warnings)
Withheld = Callable[["Assessment", Asked], "list[Finding]"]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: everything about it, in one `pipeline/wiring.py` line."""

    id: str                            # the command's word and the findings' `document`
    words: Message                     # its name in her words (kk/ru from the catalogue): messages, the workspace
    output: str                        # its file under outputs/, a pattern of the subject's fields and {lang}
    jobs: JobBuilder
    template: str                      # templates_docx/<template>.<lang>.docx
    rules: tuple[Rule, ...] = ()       # rules about this document only, run after every input kind's
    by_all: bool = True                # `all` (and so `check`, the golden list) makes it
    by_watch: bool = True              # `watch` makes it again on each change
    sealed: bool = False               # a signed one is kept in records/ and copied from there (§15)
    from_sealed_protocol: bool = False  # made from a signed protocol's data: its inputs must be as sealed (§15)
    withheld: Withheld | None = None

    @property
    def about(self) -> tuple[str, ...]:
        """The subject's fields its file names, in the order of the pattern."""
        return tuple(name for name in SUBJECT_FIELDS if "{" + name in self.output)

    def output_of(self, subject: Subject, lang: str) -> Path:
        values = {name: getattr(subject, name) for name in SUBJECT_FIELDS}
        missing = [name for name in self.about if values[name] is None]
        if missing:
            raise ValueError(f"{self.id}: the subject has no {', '.join(missing)}")
        return Path(self.output.format(lang=lang, **values))

    def localizer(self, lang: str) -> Localizer:
        """The texts of one document of this kind in `lang`; a missing one is a finding naming the kind."""
        return Localizer(lang, self.id, self.words)

    def job(self, lang: str, subject: Subject, sources: frozenset[str],
            build: Callable[[], tuple[object, Localizer]]) -> Job:
        return Job(self, lang, subject, sources, build)

    def make(self, assessment: Assessment, asked: Asked) -> list[Job]:
        return self.jobs(self, assessment, asked)


@dataclass
class Job:
    """One document to produce: of which kind, about what, in which language, from which inputs."""

    kind: DocumentKind
    lang: str
    subject: Subject
    sources: frozenset[str]           # input files whose errors make it impossible
    build: Callable[[], tuple[object, Localizer]]
    output: Path = field(init=False)  # relative to the outputs folder: the kind's pattern, filled

    def __post_init__(self) -> None:
        self.output = self.kind.output_of(self.subject, self.lang)

    @property
    def document(self) -> str:
        return self.kind.id

    @property
    def template(self) -> str:
        return self.kind.template

    @property
    def meeting_id(self) -> str | None:
        return self.subject.meeting


def languages(wanted: list[str] | None, available: Iterable[str]) -> list[str]:
    return [lang for lang in available if wanted is None or lang in wanted]
