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

Split by job (issue 14: no module over ~400 lines): the worker processes live in
pipeline/speed_pool.py and the picture cache in pipeline/speed_pictures.py;
every name is re-exported here, so import from `pipeline.speed` as before.
"""

from __future__ import annotations

import copy
import gc
import io
import os
import zipfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from .speed_pictures import _DRAWN as _DRAWN
from .speed_pictures import PNG_SIGNATURE as PNG_SIGNATURE
from .speed_pictures import PictureCache as PictureCache
from .speed_pictures import _is_picture as _is_picture
from .speed_pictures import _keep as _keep
from .speed_pictures import _read_png as _read_png
from .speed_pool import WINDOW as WINDOW
from .speed_pool import Context as Context
from .speed_pool import Item as Item
from .speed_pool import _chunks as _chunks
from .speed_pool import _context as _context
from .speed_pool import _forked as _forked
from .speed_pool import _in_this_process as _in_this_process
from .speed_pool import _ping as _ping
from .speed_pool import _pool as _pool
from .speed_pool import _render_inherited as _render_inherited
from .speed_pool import _render_sent as _render_sent
from .speed_pool import _spawned as _spawned
from .speed_pool import _windowed as _windowed
from .speed_pool import return_free_memory as return_free_memory

if TYPE_CHECKING:
    pass

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


# ---------------------------------------------------------------- many documents at once

PARALLEL_FROM = 64   # documents; below this, starting and warming workers costs more than it saves (bench)
KEEP_CONTEXTS_BELOW = PARALLEL_FROM   # documents; from here each context is built again as its document renders


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
