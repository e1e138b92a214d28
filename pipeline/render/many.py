"""The speed machinery, kept in one place so that the stages read as plain code.

A real Штаб holds about five meetings a year; everything here exists for the
large cases and the secretary's edit-and-look loop (docs/dev/speed.md), and
none of it changes a byte of any document. The stages use exactly this:

- `long_lived()`: a context manager around building what lives until the end
  of the run (inputs, findings, contexts): the cyclic garbage collector runs
  less often meanwhile.
- `render_many(items, render, consume, made)`: render (template, context)
  pairs in order, in worker processes when there are many: forked where
  `os.fork` exists, spawned elsewhere (Windows); `SHTAB_WORKERS=1` turns
  workers off. A context may be given as a function that makes it.
- `open_template(path)` / `put_back(path, doc)`: a template opened once per
  process and put back as it was after each document, so the next document
  skips unzipping and parsing the package.
- `jinja_environment()`: the strict, autoescaping sandbox that compiles each
  template's XML once, and keeps the compiled code between runs in the user's
  cache folder (speed_kept.py; the key is the template's own XML, never the
  secretary's text).
- `zipped_once(doc)`: the rendered package zipped once, directly with fixed
  dates (None when this python-docx lacks what that needs: the caller then
  takes the public road).
- `PictureCache(folder)`: each picture of the contexts (the annual report's
  chart) taken from `folder` (`outputs/.cache/`) when the same one was drawn
  before, else drawn now and kept there once the run has written its documents.
- `keep_contexts(documents)`: whether a run holds every context until its
  document is rendered (few documents), or builds each again as it renders
  (many: a Штаб of 1,000 meetings held ~100 MB of contexts at once).

Reuse reads private fields of docxtpl and python-docx. `internals_missing()`
lists those this installation lacks; when any is missing, reuse is switched
off and every document is rendered the plain way (slower, the same bytes).
pyproject.toml pins both libraries to the tested minor versions, and
tests/render/test_speed.py fails loudly when the internals change.

Split by job: the worker processes live in
pipeline/render/pool.py, the picture cache in pipeline/render/pictures.py, the
templates opened, prepared and compiled once in pipeline/render/templates.py
(imported on first use: `check` renders nothing and never loads docxtpl), and
what is kept between runs (compiled templates, Russian inflections, the
holiday calendar) in pipeline/core/cache.py; every name is re-exported here,
so import from `pipeline.render.many` as before.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .pictures import _DRAWN as _DRAWN
from .pictures import PNG_SIGNATURE as PNG_SIGNATURE
from .pictures import PictureCache as PictureCache
from .pictures import _is_picture as _is_picture
from .pictures import _keep as _keep
from .pictures import _read_png as _read_png
from .pool import ALONE_BELOW as ALONE_BELOW
from .pool import PRELOAD as PRELOAD
from .pool import WINDOW as WINDOW
from .pool import Context as Context
from .pool import Item as Item
from .pool import _chunks as _chunks
from .pool import _context as _context
from .pool import _forked as _forked
from .pool import _in_this_process as _in_this_process
from .pool import _ping as _ping
from .pool import _pool as _pool
from .pool import _render_sent as _render_sent
from .pool import _render_with_inherited as _render_with_inherited
from .pool import _sent as _sent
from .pool import _windowed as _windowed
from .pool import return_free_memory as return_free_memory
from .rows import CHUNK_ROWS as CHUNK_ROWS
from .rows import chunked_key as chunked_key
from .rows import render_in_chunks as render_in_chunks

# What lives in pipeline/render/templates.py (docxtpl, python-docx and Jinja behind it) is imported on first
# use of one of these names, so that `check`, which renders nothing, never loads those libraries.
_TEMPLATE_NAMES = frozenset({
    "DOCXTPL_INTERNALS", "DOCXTPL_METHODS", "PACKAGE_WRITER_STEPS", "internals_missing", "_missing_on",
    "reuse_enabled", "jinja_environment", "_CompiledOnceEnvironment", "_PreparedOnceTemplate", "_ReusableTemplate",
    "open_template", "put_back", "forget_templates", "zipped_once", "_FixedDateZipWriter", "_OPEN", "EPOCH",
    "fixed_entry"})


def __getattr__(name: str):
    if name in _TEMPLATE_NAMES:
        from . import templates as speed_templates
        value = globals()[name] = getattr(speed_templates, name)   # found directly from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")



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

    A forkserver is a small process that imported the program's modules (speed_pool.PRELOAD) and forks
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
            yield from _in_this_process(items, render, consume, made)
        elif (method or start_method()) == "fork":
            yield from _forked(items, render, consume, made, workers)
        else:
            yield from _sent(items, render, consume, made, workers, method or start_method())
    finally:
        gc.unfreeze()
