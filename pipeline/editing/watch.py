"""`watch`: after each save, check again and rewrite the documents whose inputs changed.

The secretary's loop is edit, save, look. `watch` keeps one process running
(so nothing is imported or opened twice), waits for a change under `inputs/`
or `templates_docx/` (watchfiles: the system's own change notices, on Linux,
Windows and macOS), and then runs the same stages as the commands:

1. load and check everything again (one clock: `as_of` is read once per round);
2. build every document's context, and pick the documents whose context or
   template changed since they were last written, or whose file is gone;
3. write those through `stages.run_documents`, with every rule of the
   commands: errors in a document's inputs refuse it, a signed protocol (§15)
   stays as it is unless --force, nothing is renamed into place half-done.

A round that fails (a file saved half-typed, a YAML error, a refused
protocol) reports its findings and waits for the next save: nothing stops the
watch but Ctrl-C. A document refused in one round is tried again in the next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .. import stages
from ..core.errors import Finding, InputRefused, ShtabError, sorted_findings
from ..core.project import active
from ..locale.messages import _
from ..render.docx import template_path
from ..render.templates import forget_templates
from ..write.files import Written
from ..write.lock import project_root, run_lock

INPUT_SUFFIXES = (".yaml", ".yml")


@dataclass
class Round:
    """What one round did: the files that changed, every finding, what was written, why anything was refused."""

    changed: list[str]
    findings: list[Finding] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    refused: list[Finding] = field(default_factory=list)
    failure: str = ""          # a problem that is not a finding (e.g. the inputs folder is gone), in words


class Watcher:
    """The state between rounds: what each document was last written from."""

    def __init__(self, inputs: Path, outputs: Path, langs: list[str] | None = None, force: bool = False,
                 as_of: dt.date | None = None) -> None:
        self.inputs, self.outputs, self.langs, self.force = inputs, outputs, langs, force
        self.as_of = as_of   # a day asked for (--as-of) holds for every round; None: each round's own day
        self._written_from: dict[Path, tuple[Path, dict]] = {}   # output → (template, context) last written

    def round(self, changed: Iterable[str] = ()) -> Round:
        """Check everything and rewrite what changed; never raises for a problem of the inputs."""
        changed = sorted(changed)
        result = Round(changed)
        if any(Path(path).suffix == ".docx" for path in changed):
            forget_templates()   # a template was edited: open it afresh
        try:
            if not self.inputs.is_dir():
                raise ShtabError(_("{path}: the inputs folder does not exist", path=self.inputs))
            assessment = stages.prepare(self.inputs, self.as_of or dt.date.today(), self.as_of is not None)
            watched = [kind for kind in stages.KINDS.values() if kind.by_watch]
            jobs = stages.jobs_for(assessment, watched, langs=self.langs)
            built, missing = stages.build_contexts(jobs)
            withheld = stages.withheld(assessment, watched)
            result.findings = sorted_findings(assessment.findings + missing + withheld)
            due = [(job, context) for job, context in built if self._due(job, context, changed)]
            blocked = {id(job) for job, _ in due if stages.blocking(assessment, job)}
            result.refused = sorted_findings({f for job, _ in due for f in stages.blocking(assessment, job)})
            todo = [(job, context) for job, context in due if id(job) not in blocked]
            if todo:
                with run_lock(project_root(self.inputs), "shtab watch"):   # one writer at a time (lock.py)
                    result.written = stages.run_documents(assessment, [job for job, _ in todo], self.outputs,
                                                          force=self.force)
                for job, context in todo:
                    self._written_from[job.output] = (template_path(job.template, job.lang), context)
                result.findings = sorted_findings(set(result.findings) | set(assessment.findings))
        except InputRefused as refusal:
            result.refused = sorted_findings(set(result.refused) | set(refusal.findings))
        except ShtabError as problem:
            result.failure = str(problem)
        return result

    def _due(self, job: stages.Job, context: dict, changed: list[str]) -> bool:
        """Whether this document must be written: new, its file gone, its context or its template changed."""
        template = template_path(job.template, job.lang)
        before = self._written_from.get(job.output)
        if before is None or not (self.outputs / job.output).is_file() or before[1] != context:
            return True
        return any(Path(path).resolve() == template.resolve() for path in changed)


def relevant(path: str) -> bool:
    """An input file (YAML) or a template (DOCX), not an editor's lock or backup file."""
    name = Path(path).name
    if name.startswith((".", "~")) or name.endswith("~"):
        return False
    return name.endswith(INPUT_SUFFIXES) or name.endswith(".docx")


def changes(inputs: Path, stop_event=None) -> Iterable[list[str]]:
    """Each batch of saved files under `inputs` and the templates folder, as they come (watchfiles).

    An empty batch comes every WAKE_MS while nothing changes: the first one
    says the watcher is listening (a save before it could be missed).
    """
    from watchfiles import watch

    folders = [folder for folder in (inputs, *active().templates) if folder.is_dir()]
    for batch in watch(*folders, watch_filter=lambda _change, path: relevant(path), stop_event=stop_event,
                       debounce=400, step=30, rust_timeout=WAKE_MS, yield_on_timeout=True):
        yield sorted({path for _change, path in batch})


WAKE_MS = 500


def watch(watcher: Watcher, report: Callable[[Round], None], stop_event=None,
          listening: Callable[[], None] | None = None) -> None:
    """The first round at once (bringing every document up to date), then one round after each save.

    `listening` is called once the watcher is listening; Ctrl-C (or `stop_event`) ends the watch.
    """
    report(watcher.round())
    for changed in changes(watcher.inputs, stop_event):
        if listening:
            listening()
            listening = None
        if changed:
            report(watcher.round(changed))
