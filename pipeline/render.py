"""Stage 4, render: a docxtpl template and a context become the bytes of a DOCX.

Always `autoescape=True` in a sandboxed, strict Jinja environment: the
secretary's texts are data ('&', '<', '{{ }}' print as typed) and a template
that names a value its context lacks fails loudly instead of printing a gap.

Same inputs, same bytes: the package is written with every zip entry dated
1980-01-01, in python-docx's fixed part order, with fixed permissions; the
templates carry fixed core properties and docxtpl renumbers drawing ids from a
fixed start.

Speed (measured with pyinstrument, see README "Benchmark"): half of a bare
docxtpl render was Jinja compiling the template's XML again for every
document, a quarter zipping it twice (python-docx's save, then the rewrite with
fixed dates), and then a quarter of what was left docxtpl's regex clean-up of
the same template XML. Here each template's XML is cleaned and compiled once
per process (the key is the template's own XML, never the secretary's text),
and the package is zipped once, directly with fixed dates.
"""

from __future__ import annotations

import copy
import gc
import io
import multiprocessing
import os
import zipfile
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES = Path(__file__).resolve().parent.parent / "templates_docx"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def template_path(document: str, lang: str) -> Path:
    return TEMPLATES / f"{document}.{lang}.docx"


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


def jinja_environment() -> SandboxedEnvironment:
    """A fresh strict, autoescaping sandbox (for callers that want no shared state)."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


@lru_cache(maxsize=1)
def _shared_environment() -> SandboxedEnvironment:
    return _CompiledOnceEnvironment(undefined=StrictUndefined, autoescape=True)


@lru_cache(maxsize=None)
def _template_bytes(template: Path) -> bytes:
    return template.read_bytes()


def render_docx(template: Path, context: dict) -> bytes:
    """Render one document; the result is reproducible to the byte."""
    doc = _LOADED.pop(template, None) or _ReusableTemplate(_template_bytes(template))
    context = {key: _placed(doc, value) for key, value in context.items()}
    doc.render(context, jinja_env=_shared_environment(), autoescape=True)
    data = save_deterministic(doc)
    if doc.reusable() and doc.small_enough_to_restore():
        doc.restore()   # now, not before the next document: a kept rendered document holds its whole tree
        _LOADED[template] = doc
    return data


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

    RESTORE_AT_MOST = 20_000   # elements in the rendered body; a protocol has ~1,000

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


_LOADED: dict[Path, _ReusableTemplate] = {}


def save_deterministic(doc: DocxTemplate) -> bytes:
    """The rendered package as zip bytes with fixed dates, zipped once.

    docxtpl's media and zip-name replacements happen in its own `save`; a
    document that uses them takes that road and is rewritten afterwards.
    """
    if doc.crc_to_new_media or doc.crc_to_new_embedded or doc.zipname_to_replace or doc.pics_to_replace:
        buffer = io.BytesIO()
        doc.save(buffer)
        return deterministic_zip(buffer.getvalue())
    try:
        from docx.opc.pkgwriter import PackageWriter
        write_content_types = PackageWriter._write_content_types_stream
        write_package_rels = PackageWriter._write_pkg_rels
        write_parts = PackageWriter._write_parts
    except (ImportError, AttributeError):  # pragma: no cover - another python-docx: the slower, public road
        buffer = io.BytesIO()
        doc.save(buffer)
        return deterministic_zip(buffer.getvalue())
    package = doc.docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _FixedDateZipWriter()
    write_content_types(writer, parts)
    write_package_rels(writer, package.rels)
    write_parts(writer, parts)
    return writer.close()


class _FixedDateZipWriter:
    """python-docx's physical package writer interface (write, close), with fixed entry dates."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri, blob: bytes) -> None:
        self._zip.writestr(_fixed_entry(pack_uri.membername), blob)

    def close(self) -> bytes:
        self._zip.close()
        return self._buffer.getvalue()


def _fixed_entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16
    entry.create_system = 0
    return entry


def _placed(doc: DocxTemplate, value):
    """A picture of the context (anything with `png` bytes and `width_mm`) becomes docxtpl's InlineImage."""
    if hasattr(value, "png") and hasattr(value, "width_mm"):
        return InlineImage(doc, io.BytesIO(value.png), width=Mm(value.width_mm))
    return value


def deterministic_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 and stored in its original order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(_fixed_entry(info.filename), source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- many documents at once

PARALLEL_FROM = 64   # documents; below this, forking workers and warming them costs more than it saves (bench)
_PENDING: list[tuple[Path, dict]] = []   # what forked workers render, inherited, never pickled
_RENDER = None


def render_many(items: list[tuple[Path, dict]], render=None, consume: bool = False) -> Iterator[bytes]:
    """Render every (template, context), in order, on every core when there are many.

    Documents are independent, so a run of a whole year is spread over worker
    processes forked after the contexts are built (they inherit them; only the
    finished bytes travel back). The results come as they are done, in the
    order of `items`, with the same bytes as rendering one by one (so a
    progress bar can follow). SHTAB_WORKERS=1 forces one process. `render`
    replaces render_docx (tests use it to simulate a failure). `consume`: the
    caller hands `items` over, and each context is dropped from it once its
    document is rendered, so a large run frees memory as it goes.
    """
    gc.freeze()   # the inputs and contexts outlive the loop: the collector need not walk them for every document
    try:
        yield from _render_all(items, _worker_count(len(items)), render or render_docx, consume)
    finally:
        gc.unfreeze()


def _render_all(items: list[tuple[Path, dict]], workers: int, render, consume: bool) -> Iterator[bytes]:
    if workers < 2:
        for index, (template, context) in enumerate(items):
            if consume:
                items[index] = None
            yield render(template, context)
        return
    # The first document of each template here, so the workers inherit its prepared, compiled form.
    first = {template: index for index, (template, _) in reversed(list(enumerate(items)))}
    done = {index: render(*items[index]) for index in sorted(first.values())}
    rest = [index for index in range(len(items)) if index not in done]
    _return_free_memory()
    global _PENDING, _RENDER
    _PENDING, _RENDER = items, render
    try:
        chunk = max(1, min(8, len(rest) // (workers * 4)))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = pool.map(_render_pending, rest, chunksize=chunk)   # forks every worker now
            _PENDING = []
            for index in range(len(items)):
                if consume:
                    items[index] = None
                yield done.pop(index) if index in done else next(results)
    finally:
        _PENDING = []


def _return_free_memory() -> None:
    """Give the C heap's free pages back to the system before forking (glibc only; elsewhere nothing).

    Rendering the year's register (4,000 rows) frees ~140 MB of strings and XML
    trees that glibc keeps mapped; workers forked afterwards would each count it
    in their resident memory (measured: the peak of 1,000 meetings, README "Benchmark").
    """
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass


def _render_pending(index: int) -> bytes:
    template, context = _PENDING[index]
    return _RENDER(template, context)


def _worker_count(documents: int) -> int:
    wanted = os.environ.get("SHTAB_WORKERS", "")
    cores = int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
    if documents < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(cores, documents)
