"""The speed machinery, kept in one place so that the stages read as plain code.

A real Штаб holds about five meetings a year; everything here exists for the
large cases and the secretary's edit-and-look loop (README "Benchmark"), and
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
  template's XML once per process (the key is the template's own XML, never
  the secretary's text).
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
tests/test_speed.py fails loudly when the internals change.
"""

from __future__ import annotations

import copy
import gc
import io
import os
import sys
import zipfile
from collections import deque
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Union

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

if TYPE_CHECKING:
    from concurrent.futures import Future

EPOCH = (1980, 1, 1, 0, 0, 0)   # the date of every zip entry: same inputs, same bytes

# ---------------------------------------------------------------- the internals reuse relies on

# docxtpl: attributes of a DocxTemplate after `init_docx`, and the methods it overrides or calls.
DOCXTPL_INTERNALS = ("docx", "is_rendered", "pics_to_replace", "crc_to_new_media", "crc_to_new_embedded",
                     "zipname_to_replace")
DOCXTPL_METHODS = ("init_docx", "patch_xml", "render", "save")
# python-docx: the package writer's steps, and a relationship's target field.
PACKAGE_WRITER_STEPS = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")


def internals_missing() -> list[str]:
    """The private fields and methods of docxtpl and python-docx that reuse needs and this installation lacks."""
    missing = [f"DocxTemplate.{name}" for name in DOCXTPL_METHODS if not callable(getattr(DocxTemplate, name, None))]
    try:
        from docx.opc.pkgwriter import PackageWriter
        from docx.opc.rel import _Relationship
    except ImportError as exc:
        return missing + [f"docx.opc: {exc}"]
    missing += [f"PackageWriter.{name}" for name in PACKAGE_WRITER_STEPS if not hasattr(PackageWriter, name)]
    if "_target" not in getattr(_Relationship.__init__, "__code__", None).co_names:
        missing.append("_Relationship._target")
    return missing


def _missing_on(doc: DocxTemplate) -> list[str]:
    return [f"DocxTemplate().{name}" for name in DOCXTPL_INTERNALS if not hasattr(doc, name)]


@lru_cache(maxsize=1)
def reuse_enabled() -> bool:
    """Whether templates are reused (every internal present); otherwise the plain road, the same bytes."""
    return not internals_missing()


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


# ---------------------------------------------------------------- compiled once, prepared once


class _CompiledOnceEnvironment(SandboxedEnvironment):
    """A sandboxed environment that compiles each template source once.

    docxtpl hands the template's (patched) XML to `from_string` on every
    render; the source is the same for every document made from one template,
    so its compiled form is kept. The context is never part of the source.
    """

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


@lru_cache(maxsize=1)
def jinja_environment() -> SandboxedEnvironment:
    """The shared strict, autoescaping sandbox; it keeps each template's compiled form."""
    return _CompiledOnceEnvironment(undefined=StrictUndefined, autoescape=True)


class _PreparedOnceTemplate(DocxTemplate):
    """docxtpl's template with its XML clean-up done once per template XML, not once per document.

    `patch_xml` (a dozen regular expressions that mend Jinja tags Word split
    across runs) is a pure function of the template's own XML and was a quarter
    of each render (pyinstrument); its result is kept, keyed by that XML.
    """

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            patched = self._patched[src_xml] = super().patch_xml(src_xml)
        return patched


class _ReusableTemplate(_PreparedOnceTemplate):
    """A template opened once and put back as it was after each render (a large one is dropped instead).

    Opening the package (unzip, parse every part) was a quarter of each render
    (pyinstrument). docxtpl's render changes three things: it replaces the body,
    points the header and footer relationships at new parts, and rewrites the
    core properties; `restore` undoes all three. A render that changed anything
    else (added a picture or any other relationship or part) makes the object
    unfit for reuse, and the next document opens the template afresh.
    """

    CORE = ("author", "comments", "identifier", "language", "subject", "title")
    RESTORE_AT_MOST = 20_000   # elements in the rendered body; a protocol has ~1,000

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self.init_docx()
        part = self.docx.part
        self._body = copy.deepcopy(self.docx.element.body)
        self._targets = {r_id: rel._target for r_id, rel in part.rels.items()}
        self._parts = len(list(part.package.iter_parts()))
        self._core = {name: getattr(self.docx.core_properties, name) for name in self.CORE}

    def restore(self) -> None:
        """Back to the template as opened, right after a document is saved, so no rendered tree is kept."""
        root = self.docx.element
        root.replace(root.body, copy.deepcopy(self._body))
        for r_id, target in self._targets.items():
            self.docx.part.rels[r_id]._target = target
        for name, value in self._core.items():
            setattr(self.docx.core_properties, name, value)
        self.is_rendered = False

    def small_enough_to_restore(self) -> bool:
        """Whether putting the template back is cheaper than dropping it and opening it afresh next time.

        Detaching a rendered body from its document costs lxml far more than
        freeing the whole document (a register of 1,200 rows: 8.8 s against
        0.2 s, measured), so a large document is dropped whole instead.
        """
        return sum(1 for _ in self.docx.element.body.iter()) <= self.RESTORE_AT_MOST

    def reusable(self) -> bool:
        part = self.docx.part
        return (set(part.rels) == set(self._targets) and not self.pics_to_replace and not self.crc_to_new_media
                and not self.crc_to_new_embedded and not self.zipname_to_replace
                and len(list(part.package.iter_parts())) == self._parts)


_OPEN: dict[Path, _ReusableTemplate] = {}


@lru_cache(maxsize=None)
def _template_bytes(template: Path) -> bytes:
    return template.read_bytes()


def open_template(template: Path) -> DocxTemplate:
    """The template, as fresh as if just opened: the one kept from the last document, else opened now."""
    if not reuse_enabled():
        return DocxTemplate(template)
    return _OPEN.pop(template, None) or _ReusableTemplate(_template_bytes(template))


def put_back(template: Path, doc: DocxTemplate) -> None:
    """After the document is saved: keep the template for the next document when that is safe and cheaper."""
    if isinstance(doc, _ReusableTemplate) and doc.reusable() and doc.small_enough_to_restore():
        doc.restore()   # now, not before the next document: a kept rendered document holds its whole tree
        _OPEN[template] = doc


def forget_templates() -> None:
    """Drop every kept template (a test compares reused renders with fresh ones; `watch` after a template edit)."""
    _OPEN.clear()
    _template_bytes.cache_clear()


# ---------------------------------------------------------------- zipped once


def zipped_once(doc: DocxTemplate) -> bytes | None:
    """The rendered package zipped once with fixed dates, or None when it must take docxtpl's own `save`.

    python-docx's save followed by a rewrite with fixed dates zipped every
    document twice (a quarter of a render); here python-docx's own writer steps
    write straight into a zip with fixed dates. A document with replaced media
    or zip entries (docxtpl does those in its `save`) returns None.
    """
    if (not reuse_enabled() or doc.crc_to_new_media or doc.crc_to_new_embedded or doc.zipname_to_replace
            or doc.pics_to_replace):
        return None
    from docx.opc.pkgwriter import PackageWriter
    package = doc.docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _FixedDateZipWriter()
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    return writer.close()


def fixed_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry dated 1980-01-01 with fixed permissions: the same on every machine and day."""
    entry = zipfile.ZipInfo(name, date_time=EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16
    entry.create_system = 0
    return entry


class _FixedDateZipWriter:
    """python-docx's physical package writer interface (write, close), with fixed entry dates."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri, blob: bytes) -> None:
        self._zip.writestr(fixed_entry(pack_uri.membername), blob)

    def close(self) -> bytes:
        self._zip.close()
        return self._buffer.getvalue()


# ---------------------------------------------------------------- pictures drawn once per data

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DRAWN: dict[str, bytes] = {}   # this process's pictures by key (`watch` redraws only a changed year)


def _is_picture(value) -> bool:
    """A value with a `key` naming what it shows and a `png` drawn on first use (asked of its class: no drawing)."""
    return hasattr(type(value), "key") and hasattr(type(value), "png")


class PictureCache:
    """Pictures of the contexts (the annual report's chart) kept in `folder` under the hash of what they show.

    `fill(context)` gives each picture of a context its PNG: kept from an
    earlier run, else drawn now. `keep()`, called once the run has written its
    documents, stores the newly drawn ones; a run that fails keeps nothing new,
    so the outputs folder is as it was. The key hashes everything the picture
    depends on (chart.Chart.key), so a kept PNG is the one drawing would give,
    to the byte. The cache is an optimisation only: a folder that cannot be
    read or written (or that is a link out of the outputs) just means drawing again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.usable = not folder.is_symlink() and not folder.parent.is_symlink()
        self.drawn: dict[Path, bytes] = {}

    def fill(self, context: dict) -> dict:
        for picture in filter(_is_picture, context.values()):
            if "png" in vars(picture):
                continue
            path = self.folder / f"{picture.key}.png"
            png = _DRAWN.get(picture.key) or (_read_png(path) if self.usable else None)
            if png is None:
                png = self.drawn[path] = picture.png
            elif self.usable and not path.is_file():
                self.drawn[path] = png
            picture.png = _DRAWN[picture.key] = png
        return context

    def keep(self) -> None:
        if self.usable:
            for path, png in self.drawn.items():
                _keep(path, png)
        self.drawn.clear()


def _read_png(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if data.startswith(PNG_SIGNATURE) else None


def _keep(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


# ---------------------------------------------------------------- many documents at once

PARALLEL_FROM = 64   # documents; below this, starting and warming workers costs more than it saves (bench)
KEEP_CONTEXTS_BELOW = PARALLEL_FROM   # documents; from here each context is built again as its document renders
WINDOW = 4           # chunks in flight per worker: enough to keep them busy, few enough to bound memory

Context = Union[dict, Callable[[], dict]]   # a context, or a function that makes it
Item = tuple[Path, Context]
_INHERITED: list[Item | None] = []   # what forked workers render, inherited, never pickled
_INHERITED_RENDER: Callable[[Path, dict], bytes] | None = None


def keep_contexts(documents: int) -> bool:
    """Whether a run of this many documents holds every context until it renders (few: building each once is
    cheaper) or builds each again as its document renders (many: memory stays bounded, ~100 MB less for 1,000
    meetings, and forked workers build their contexts in parallel)."""
    return documents < KEEP_CONTEXTS_BELOW


def start_method() -> str:
    """`fork` where the system has it (workers inherit the prepared templates), else `spawn` (Windows)."""
    import multiprocessing  # here, not on top: a run of few documents never starts a worker
    if hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


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
    Forked workers inherit the items and make their contexts themselves;
    spawned ones (no fork: Windows) receive the contexts made here and pickled,
    a few chunks ahead, and rebuild everything else themselves. `render` must
    be a module-level function for spawn. `made` is applied to each context
    made in this process (PictureCache.fill). `consume`: the caller hands
    `items` over, and each is dropped once its document is rendered, so a large
    run frees memory as it goes. `method` overrides `start_method()` (tests).
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
            yield from _spawned(items, render, consume, made, workers)
    finally:
        gc.unfreeze()


def _context(value: Context, made: Callable[[dict], dict]) -> dict:
    return made(value() if callable(value) else value)


def _in_this_process(items: list[Item], render, consume: bool, made) -> Iterator[bytes]:
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
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))


def _windowed(pool, chunks: list, submit: Callable[[list], Future], workers: int):
    """The chunks' results in order, with at most WINDOW chunks per worker submitted ahead."""
    pending: deque[Future] = deque()
    queue = deque(chunks)
    while queue or pending:
        while queue and len(pending) < workers * WINDOW:
            pending.append(submit(queue.popleft()))
        yield from pending.popleft().result()


def _forked(items: list[Item], render, consume: bool, made, workers: int) -> Iterator[bytes]:
    """Workers forked after the first document of each template is rendered here, so they inherit it prepared."""
    global _INHERITED, _INHERITED_RENDER
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
    _INHERITED, _INHERITED_RENDER = items, render
    try:
        with _pool(workers, "fork") as pool:
            for future in [pool.submit(_ping) for _ in range(workers)]:   # fork every worker now, while inherited
                future.result()
            _INHERITED = []
            results = _windowed(pool, _chunks(rest, workers), lambda chunk: pool.submit(_render_inherited, chunk),
                                workers)
            for index in range(len(items)):
                if consume:
                    items[index] = None
                yield done.pop(index) if index in done else next(results)
    finally:
        _INHERITED, _INHERITED_RENDER = [], None


def _spawned(items: list[Item], render, consume: bool, made, workers: int) -> Iterator[bytes]:
    """Spawned workers (no fork): each chunk's templates and contexts travel pickled, a window ahead."""
    def submit(chunk: list[int]) -> Future:
        work = [(items[index][0], _context(items[index][1], made)) for index in chunk]
        if consume:
            for index in chunk:
                items[index] = None
        return pool.submit(_render_sent, render, work)

    with _pool(workers, "spawn") as pool:
        yield from _windowed(pool, _chunks(list(range(len(items))), workers), submit, workers)


def _ping() -> None:
    """Nothing: submitted once per worker so that each is forked before the inherited items are let go."""


def _render_inherited(chunk: list[int]) -> list[bytes]:
    """In a forked worker: make each context (the worker's own copy of the jobs) and render it."""
    return [_INHERITED_RENDER(_INHERITED[index][0], _context(_INHERITED[index][1], lambda context: context))
            for index in chunk]


def _render_sent(render, work: list[Item]) -> list[bytes]:
    return [render(template, context) for template, context in work]


def return_free_memory() -> None:
    """Give the C heap's free pages back to the system before forking (glibc only; elsewhere nothing).

    Rendering the year's register (4,000 rows) frees ~140 MB of strings and XML
    trees that glibc keeps mapped; workers forked afterwards would each count it
    in their resident memory (measured: the peak of 1,000 meetings, README "Benchmark").
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # pragma: no cover - Linux without glibc (musl)
        pass
