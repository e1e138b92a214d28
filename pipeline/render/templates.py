"""Templates opened, prepared and compiled once per process (imported only by what renders: a command that
renders nothing, `check`, never imports docxtpl, python-docx or Jinja).

- `open_template(path)` / `put_back(path, doc)`: a template opened once per
  process and put back as it was after each document;
- `jinja_environment()`: the strict, autoescaping sandbox that compiles each
  template's XML once per process, and keeps the compiled code between runs
  (core/cache.py: the key is the template's own XML, never the secretary's text);
- `zipped_once(doc)`: the rendered package zipped once, with fixed dates;
- `internals_missing()` / `reuse_enabled()`: the private fields all this reads.
"""

from __future__ import annotations

import copy
import hashlib
import io
import zipfile
from functools import lru_cache
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..core import cache as speed_kept

EPOCH = (1980, 1, 1, 0, 0, 0)   # the date of every zip entry: same inputs, same bytes

# ---------------------------------------------------------------- fixed dates


def fixed_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry dated 1980-01-01 with fixed permissions: the same on every machine and day."""
    entry = zipfile.ZipInfo(name, date_time=EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16
    entry.create_system = 0
    return entry


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


# ---------------------------------------------------------------- compiled once, prepared once


class _CompiledOnceEnvironment(SandboxedEnvironment):
    """A sandboxed environment that compiles each template source once, and keeps the code between runs.

    docxtpl hands the template's (patched) XML to `from_string` on every
    render; the source is the same for every document made from one template,
    so its compiled form is kept for the process. Compiling the two templates of
    a protocol took ~0.07 s CPU of each run (pyinstrument), so the compiled code
    is also kept on disk (`KeptCode`), under a hash of the source: the
    template's own XML, never the secretary's text, which only ever reaches
    Jinja as the context.
    """

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            code = KeptCode.of(self).code_for(source)
            compiled = self._compiled[source] = self.template_class.from_code(self, code, self.make_globals(None))
        return compiled


class KeptCode:
    """Jinja's compiled code of each template source, kept between runs in the cache's "jinja" folder.

    Jinja's own bytecode cache (a `Bucket` per source: Jinja's format version,
    Python's, the source's checksum, then the marshalled code) in files named by
    a hash of the source, this environment's options and Jinja's version, each
    file sealed with its SHA-256 (speed_kept.sealed): a file that is damaged, of
    another Jinja or Python, or unreadable is ignored and the source compiled
    as before. No safe folder (speed_kept.folder): compiled in every run.
    """

    def __init__(self, environment: SandboxedEnvironment, where: Path | None) -> None:
        self.environment, self.where = environment, where

    @classmethod
    def of(cls, environment: SandboxedEnvironment) -> KeptCode:
        kept = getattr(environment, "_kept_code", None)
        if kept is None:
            kept = environment._kept_code = cls(environment, speed_kept.place("jinja"))
        return kept

    def name(self, source: str) -> str:
        """What the code depends on besides Jinja's own format: Jinja's version, the options, the source."""
        import jinja2
        env = self.environment
        options = (jinja2.__version__, type(env).__qualname__, env.autoescape, env.undefined.__qualname__,
                   env.block_start_string, env.variable_start_string, env.comment_start_string,
                   env.line_statement_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                   env.keep_trailing_newline, sorted(env.extensions), env.optimized)
        return hashlib.sha256(repr(options).encode("utf-8") + source.encode("utf-8")).hexdigest()

    def code_for(self, source: str):
        """The compiled code of `source`: kept from an earlier run, else compiled now (and kept)."""
        if self.where is None:
            return self.environment.compile(source)
        from jinja2.bccache import Bucket, BytecodeCache
        cache = BytecodeCache()
        bucket = Bucket(self.environment, cache.get_cache_key(self.name(source)), cache.get_source_checksum(source))
        path = self.where / f"{bucket.key}.code"
        try:
            payload = speed_kept.unsealed(path.read_bytes())
            if payload is not None:
                bucket.bytecode_from_string(payload)
        except Exception:   # noqa: BLE001 - a damaged file of any kind: compile as if it were not there
            bucket.reset()
        if bucket.code is not None:
            return bucket.code
        bucket.code = self.environment.compile(source)
        try:
            speed_kept.write_whole(path, speed_kept.sealed(bucket.bytecode_to_string()))
        except OSError:
            pass   # a full disk or a read-only folder: compiled again next run
        return bucket.code


@lru_cache(maxsize=1)
def jinja_environment() -> SandboxedEnvironment:
    """The shared strict, autoescaping sandbox; it keeps each template's compiled form."""
    return _CompiledOnceEnvironment(undefined=StrictUndefined, autoescape=True)


class _PreparedOnceTemplate(DocxTemplate):
    """docxtpl's template with its XML clean-up done once per template XML, not once per document.

    `patch_xml` (a dozen regular expressions that mend Jinja tags Word split
    across runs) is a pure function of the template's own XML and was a quarter
    of each render (pyinstrument); its result is kept, keyed by that XML, for
    the process and between runs (speed_kept.kept_text, stamped by docxtpl's version).
    """

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            stamp = f"docxtpl {speed_kept.version('docxtpl')}"   # kept between runs too: ~10 ms a template
            patched = speed_kept.kept_text("patched", stamp, src_xml, lambda: DocxTemplate.patch_xml(self, src_xml))
            self._patched[src_xml] = patched
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


def zipped_once(doc: DocxTemplate, main: bytes | None = None) -> bytes | None:
    """The rendered package zipped once with fixed dates, or None when it must take docxtpl's own `save`.

    python-docx's save followed by a rewrite with fixed dates zipped every
    document twice (a quarter of a render); here python-docx's own writer steps
    write straight into a zip with fixed dates. A document with replaced media
    or zip entries (docxtpl does those in its `save`) returns None. `main`:
    the main part's bytes, made elsewhere (a long table rendered in chunks of
    rows, rows.py).
    """
    if (not reuse_enabled() or doc.crc_to_new_media or doc.crc_to_new_embedded or doc.zipname_to_replace
            or doc.pics_to_replace):
        return None
    from docx.opc.pkgwriter import PackageWriter
    package = doc.docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _FixedDateZipWriter({} if main is None else {doc.docx.part.partname: main})
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    return writer.close()


class _FixedDateZipWriter:
    """python-docx's physical package writer interface (write, close), with fixed entry dates."""

    def __init__(self, replaced: dict | None = None) -> None:
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED)
        self._replaced = replaced or {}

    def write(self, pack_uri, blob: bytes) -> None:
        self._zip.writestr(fixed_entry(pack_uri.membername), self._replaced.get(pack_uri, blob))

    def close(self) -> bytes:
        self._zip.close()
        return self._buffer.getvalue()

