"""Stage 4, render: a docxtpl template and a context become the bytes of a DOCX.

Always `autoescape=True` in a sandboxed, strict Jinja environment: the
secretary's texts are data ('&', '<', '{{ }}' print as typed) and a template
that names a value its context lacks fails loudly instead of printing a gap.

Same inputs, same bytes: the package is written with every zip entry dated
1980-01-01, in python-docx's fixed part order, with fixed permissions; the
templates carry fixed core properties and docxtpl renumbers drawing ids from a
fixed start.

What makes it fast lives beside it, each in its module: templates opened,
cleaned and compiled once per process and the package zipped once
(`templates.py`), a long table rendered in chunks of rows (`rows.py`), workers
for many documents (`many.py`, `pool.py`); this module calls them where a plain
render would open, render and save.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Iterator

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..core.project import active, program_templates
from . import many, rows
from .pool import Context
from .templates import fixed_entry, open_template, put_back, zipped_once
from .templates import jinja_environment as compiled_once

TEMPLATES = program_templates()           # the program's own; a project's templates_docx/ overrides each file


def template_path(template: str, lang: str, folder: Path | None = None) -> Path:
    """The template in `folder` when named; else the run's project's own (templates_docx/ of her folder) when
    she has it, else the program's (core/project.py)."""
    if folder is not None:
        return folder / f"{template}.{lang}.docx"
    return active().template(template, lang)


def jinja_environment() -> SandboxedEnvironment:
    """A fresh strict, autoescaping sandbox (for callers that want no shared state)."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def render_docx(template: Path, context: dict) -> bytes:
    """Render one document; the result is reproducible to the byte.

    A long table (a year's register) is rendered in chunks of rows, to the same bytes (rows.py).
    """
    key = None if any(map(_is_picture, context.values())) else rows.chunked_key(template, context)
    if key is not None:
        data = rows.render_in_chunks(template, context, key, _render_into, zipped_once)
        if data is not None:
            return data
    doc = open_template(template)
    _render_into(doc, context)
    data = save_deterministic(doc)
    put_back(template, doc)
    return data


def _render_into(doc: DocxTemplate, context: dict) -> None:
    context = {key: _placed(doc, value) for key, value in context.items()}
    doc.render(context, jinja_env=compiled_once(), autoescape=True)


def render_many(items: list[tuple[Path, Context]], render=None, consume: bool = False,
                made=None) -> Iterator[bytes]:
    """Every (template, context), rendered in order; on several processes when there are many (many.py).

    A context may be a function that makes it (a large run builds each again as it renders). `render`
    replaces render_docx (tests use it to simulate a failure). `consume`: the caller hands `items` over,
    and each is dropped once its document is rendered. `made` is applied to each context made here.
    """
    return many.render_many(items, render or render_docx, consume, made)


def save_deterministic(doc: DocxTemplate) -> bytes:
    """The rendered package as zip bytes with fixed dates: zipped once when it can be, else saved and rewritten."""
    data = zipped_once(doc)
    if data is None:
        buffer = io.BytesIO()
        doc.save(buffer)
        data = deterministic_zip(buffer.getvalue())
    return data


def _is_picture(value) -> bool:
    """A value docxtpl prints as a picture: its `png` bytes at `width_mm`."""
    return hasattr(value, "png") and hasattr(value, "width_mm")


def _placed(doc: DocxTemplate, value):
    """A picture of the context (anything with `png` bytes and `width_mm`) becomes docxtpl's InlineImage."""
    if _is_picture(value):
        return InlineImage(doc, io.BytesIO(value.png), width=Mm(value.width_mm))
    return value


def deterministic_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 and stored in its original order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(fixed_entry(info.filename), source.read(info.filename))
    return out.getvalue()
