"""Stage 4, render: a docxtpl template and a context become the bytes of a DOCX.

Always `autoescape=True` in a sandboxed, strict Jinja environment: the
secretary's texts are data ('&', '<', '{{ }}' print as typed) and a template
that names a value its context lacks fails loudly instead of printing a gap.
The zip is rewritten with fixed dates and a fixed order, so the same inputs
give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES = Path(__file__).resolve().parent.parent / "templates_docx"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def template_path(document: str, lang: str) -> Path:
    return TEMPLATES / f"{document}.{lang}.docx"


def jinja_environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def render_docx(template: Path, context: dict) -> bytes:
    """Render one document; the result is reproducible to the byte."""
    doc = DocxTemplate(str(template))
    context = {key: _placed(doc, value) for key, value in context.items()}
    doc.render(context, jinja_env=jinja_environment(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


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
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
