"""Many documents at once: how many workers, started how, and the garbage collector meanwhile.

A real Штаб holds about five meetings a year; what is here exists for the large
cases (docs/dev/speed.md), and none of it changes a byte of any document:

- `long_lived()`: a context manager around building what lives until the end
  of the run (inputs, findings, contexts): the cyclic garbage collector runs
  less often meanwhile.
- `render_many(items, render, consume, made)`: render (template, context)
  pairs in order, in worker processes when there are many (pool.py): from a
  forkserver where the system has one, spawned elsewhere (Windows);
  `SHTAB_WORKERS=1` turns workers off. A context may be given as a function
  that makes it.
- `keep_contexts(documents)`: whether a run holds every context until its
  document is rendered (few documents), or builds each again as it renders
  (many: a Штаб of 1,000 meetings held ~100 MB of contexts at once).

Its neighbours, each named by its job: the worker processes (`pool.py`), the
templates opened, prepared and compiled once (`templates.py`, imported on first
use: `check` renders nothing and never loads docxtpl), a long table in chunks of
rows (`rows.py`), the pictures drawn once per data (`pictures.py`), and one
document (`docx.py`).
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .pool import Item, forked, in_this_process, sent

# ---------------------------------------------------------------- garbage collection


@contextmanager
def long_lived():
    """Collect cyclic garbage less often while building what lives until the end of the run.

    Loading, checking and building contexts make many objects and free few; with
    the default thresholds the collector walked them again and again — 40% of
    loading a Штаб of 1,000 meetings (measured: tools/bench.py).
    """
    previous = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


# ---------------------------------------------------------------- many documents at once

PARALLEL_FROM = 64   # documents; below this, starting and warming workers costs more than it saves (bench)
KEEP_CONTEXTS_BELOW = PARALLEL_FROM   # documents; from here each context is built again as its document renders


def keep_contexts(documents: int) -> bool:
    """Whether a run of this many documents holds every context until it renders (few: building each once is
    cheaper) or builds each again just before it is sent to render (many: memory stays bounded, ~100 MB less
    for 1,000 meetings)."""
    return documents < KEEP_CONTEXTS_BELOW


def start_method() -> str:
    """How workers start: `forkserver` where the system has it, else `fork`, else `spawn` (Windows).

    A forkserver is a small process that imported the program's modules (pool.PRELOAD) and forks
    each worker from itself: the workers share its pages, and none of this process's inputs. Workers
    forked from this process instead held a copy of every page of the inputs' models that either side
    touched after the fork (CPython writes a reference count into each object it reads): 1,000 meetings
    peaked at 480 MB against ~305 MB with the forkserver (measured, docs/dev/speed.md).
    """
    import multiprocessing  # here, not on top: a run of few documents never starts a worker
    if not hasattr(os, "fork"):
        return "spawn"
    methods = multiprocessing.get_all_start_methods()
    return next((method for method in ("forkserver", "fork") if method in methods), "spawn")


def worker_count(documents: int) -> int:
    """How many processes render `documents` documents: 1 below PARALLEL_FROM or with SHTAB_WORKERS=1."""
    wanted = os.environ.get("SHTAB_WORKERS", "")
    cores = int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
    if documents < PARALLEL_FROM:
        return 1
    return min(cores, documents)


def render_many(items: list[Item], render: Callable[[Path, dict], bytes], consume: bool = False,
                made: Callable[[dict], dict] | None = None, method: str | None = None) -> Iterator[bytes]:
    """Render every (template, context), in order, on every core when there are many.

    Documents are independent, so many are spread over worker processes; only
    finished bytes travel back, in the order of `items` and with the same bytes
    as rendering one by one (so a progress bar can follow). A context may be a
    function that makes it, called just before its document is rendered.
    Workers receive the contexts made here and pickled, a few chunks ahead,
    and share nothing of this process (`start_method`: forkserver, or spawn on
    Windows); `render` must then be a module-level function. The documents of
    a template with few of them (the yearly ones, perhaps large) are rendered
    first, one at a time, by a worker of their own. Method "fork" forks the workers from this
    process after the first document of each template is rendered here, so
    they inherit it prepared, and they render with the `render` they
    inherited. `made` is applied to each context made in this process
    (PictureCache.fill). `consume`: the caller hands `items` over, and each is
    dropped once its document is rendered, so a large run frees memory as it
    goes. `method` overrides `start_method()` (tests).
    """
    gc.freeze()   # the inputs and contexts outlive the loop: the collector need not walk them for every document
    made = made or (lambda context: context)
    try:
        workers = worker_count(len(items))
        if workers < 2:
            yield from in_this_process(items, render, consume, made)
        elif (method or start_method()) == "fork":
            yield from forked(items, render, consume, made, workers)
        else:
            yield from sent(items, render, consume, made, workers, method or start_method())
    finally:
        gc.unfreeze()
