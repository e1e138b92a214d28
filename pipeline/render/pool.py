"""The worker processes behind `many.render_many`.

`render_many` (pipeline/render/many.py) decides how many workers and which start
method; this module runs the documents: in this process, or in worker
processes that receive each chunk's contexts pickled, a window ahead: forked
by a small server process (forkserver, Linux and macOS) or spawned (Windows),
so that they share nothing of this process's inputs, or (method "fork")
forked from this process, inheriting its prepared templates.
"""

from __future__ import annotations

import gc
import sys
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Union

if TYPE_CHECKING:
    from concurrent.futures import Future

WINDOW = 4           # chunks in flight per worker: enough to keep them busy, few enough to bound memory
ALONE_BELOW = 8      # documents of one template: fewer are rendered one at a time, before the others
# what a forkserver imports once, so that its workers share it instead of each importing it again
PRELOAD = ["pipeline.render.docx", "pipeline.wiring"]

Context = Union[dict, Callable[[], dict]]   # a context, or a function that makes it
Item = tuple[Path, Context]
_INHERITED_RENDER: Callable[[Path, dict], bytes] | None = None


def _context(value: Context, made: Callable[[dict], dict]) -> dict:
    return made(value() if callable(value) else value)


def in_this_process(items: list[Item], render, consume: bool, made) -> Iterator[bytes]:
    for index, (template, context) in enumerate(items):
        if consume:
            items[index] = None
        yield render(template, _context(context, made))


def _chunks(indices: list[int], workers: int) -> list[list[int]]:
    size = max(1, min(8, len(indices) // (workers * 4)))
    return [indices[start:start + size] for start in range(0, len(indices), size)]


def _pool(workers: int, method: str):
    """A pool of worker processes (imported here: a run of few documents never starts one)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(workers, mp_context=context)


def _windowed(pool, chunks: list, submit: Callable[[list], Future], workers: int):
    """The chunks' results in order, with at most WINDOW chunks per worker submitted ahead."""
    pending: deque[Future] = deque()
    queue = deque(chunks)
    while queue or pending:
        while queue and len(pending) < workers * WINDOW:
            pending.append(submit(queue.popleft()))
        yield from pending.popleft().result()


def forked(items: list[Item], render, consume: bool, made, workers: int) -> Iterator[bytes]:
    """Workers forked after the first document of each template is rendered here, so they inherit it prepared.

    Each chunk's contexts are made here and sent pickled, a window ahead, as to spawned workers: a worker
    that made its own would read the inputs' models it inherited, and every object it reads is copied
    into its own memory (CPython writes reference counts into the object), so each worker grew towards a
    second copy of the parent's heap (1,000 meetings: +55 MB each, measured).
    """
    global _INHERITED_RENDER
    first = {template: index for index, (template, _) in reversed(list(enumerate(items)))}
    done = {}
    for index in sorted(first.values()):
        gc.collect()
        return_free_memory()   # before each: what the last left behind (a year's register: ~130 MB) goes back
        done[index] = render(items[index][0], _context(items[index][1], made))
        items[index] = (items[index][0], None)
    rest = [index for index in range(len(items)) if index not in done]
    gc.collect()
    return_free_memory()
    _INHERITED_RENDER = render

    def submit(chunk: list[int]) -> Future:
        work = [(items[index][0], _context(items[index][1], made)) for index in chunk]
        if consume:
            for index in chunk:
                items[index] = None
        return pool.submit(_render_with_inherited, work)

    try:
        with _pool(workers, "fork") as pool:
            for future in [pool.submit(_ping) for _ in range(workers)]:   # fork every worker now
                future.result()
            results = _windowed(pool, _chunks(rest, workers), submit, workers)
            for index in range(len(items)):
                yield done.pop(index) if index in done else next(results)
    finally:
        _INHERITED_RENDER = None


def sent(items: list[Item], render, consume: bool, made, workers: int, method: str) -> Iterator[bytes]:
    """Workers that share nothing with this process (forkserver, spawn): each chunk's contexts travel pickled.

    The documents of a template with few of them (the composition, the plans, the register, the annual
    report: one per language) are rendered first, one at a time, by one worker that then ends: they may
    be large (a year's register of 5,800 rows), two of them must not render at once, and what they leave
    behind (rendered here, ~45 MB stayed in this process for the rest of the run) goes with the worker.
    """
    counts: dict[Path, int] = {}
    for template, _ in items:
        counts[template] = counts.get(template, 0) + 1
    few = [index for index, (template, _) in enumerate(items) if counts[template] < ALONE_BELOW]
    done = {}
    try:
        with _pool(1, method) as pool:
            for index in few:
                done[index] = pool.submit(_render_sent, render, [(items[index][0], _context(items[index][1], made))]
                                          ).result()[0]
                items[index] = None if consume else (items[index][0], None)
        rest = [index for index in range(len(items)) if index not in done]

        def submit(chunk: list[int]) -> Future:
            work = [(items[index][0], _context(items[index][1], made)) for index in chunk]
            if consume:
                for index in chunk:
                    items[index] = None
            return pool.submit(_render_sent, render, work)

        with _pool(workers, method) as pool:
            results = _windowed(pool, _chunks(rest, workers), submit, workers)
            for index in range(len(done) + len(rest)):
                yield done.pop(index) if index in done else next(results)
    finally:
        if method == "forkserver":
            _stop_forkserver()


def _stop_forkserver() -> None:
    """The forkserver ends with the rendering: its memory goes back, and the CPU time of its workers counts
    as this process's children's (os.wait4: the benchmark's CPU column). The next large render starts another."""
    from multiprocessing import forkserver
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


def _ping() -> None:
    """Nothing: submitted once per worker so that each is forked now, while the prepared templates are fresh."""


def _render_with_inherited(work: list[Item]) -> list[bytes]:
    """In a forked worker: render each sent (template, context) with the render function it inherited."""
    return [_INHERITED_RENDER(template, context) for template, context in work]


def _render_sent(render, work: list[Item]) -> list[bytes]:
    return [render(template, context) for template, context in work]


def return_free_memory() -> None:
    """Give the C heap's free pages back to the system before forking (glibc only; elsewhere nothing).

    Rendering the year's register (4,000 rows) frees ~140 MB of strings and XML
    trees that glibc keeps mapped; workers forked afterwards would each count it
    in their resident memory (measured: the peak of 1,000 meetings, docs/dev/speed.md).
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # pragma: no cover - Linux without glibc (musl)
        pass
