"""One document to produce (`Job`), and the signature every kind's job builder has (`JobBuilder`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..context.common import Localizer
from ..rules.assessment import Assessment


@dataclass
class Job:
    """One document to produce: which, in which language, where, from which inputs."""

    document: str
    lang: str
    output: Path                      # relative to the outputs folder
    sources: frozenset[str]           # input files whose errors make it impossible
    build: Callable[[], tuple[object, Localizer]]
    template: str = ""

    @property
    def template_name(self) -> str:
        return self.template or self.document


# (assessment, the ids the command line selected — none: every one —, the languages asked for — None: every
# language of the Штаб or the meeting) → the jobs of one kind of document.
JobBuilder = Callable[[Assessment, list[str], "list[str] | None"], list[Job]]


def languages(wanted: list[str] | None, available: Iterable[str]) -> list[str]:
    return [lang for lang in available if wanted is None or lang in wanted]
