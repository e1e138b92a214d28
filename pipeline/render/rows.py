"""A long table rendered in chunks of rows, to the same bytes as rendered whole.

docxtpl renders a document as one Jinja string, parses it into one lxml tree,
and python-docx serialises that tree. The register of a Штаб of 1,000 meetings
(5,800 rows) has an 11 MB document.xml whose tree alone took ~100 MB while it
rendered (measured). Here the rows of the template's one `{%tr for r in KEY %}`
loop are rendered CHUNK_ROWS at a time, each chunk inside the whole document;
each chunk's document.xml is serialised as python-docx serialises it, with two
XML comments marking where the loop's rows begin and end, and the document.xml
written is the part before the rows, every chunk's rows in order, and the part
after them. That is the whole rendering's serialisation to the byte, because
lxml writes each element the same way whatever its siblings are.

It is used only when it is sure to give those bytes, else the document is
rendered whole: the template loops over KEY once (`{%tr for`, its rows holding
no table) and names KEY nowhere else; every chunk gives the same part before
and after the rows (so nothing outside the loop depends on them); no text lies
between the rows; the rows hold no drawing (docxtpl numbers drawings across the
document); no picture is placed. tests/render/test_speed_rows.py compares chunked and
whole renders of a large synthetic year.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

CHUNK_ROWS = 200          # rows rendered at a time (1,000 meetings: +40-50 MB while the register renders, against +125 MB whole)
MARK = "shtab-rows"         # the comment around a chunk's rows while it is serialised
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LOOP = re.compile(r"\{%tr\s+for\s+\w+\s+in\s+(\w+)\s*%\}")


@lru_cache(maxsize=None)
def _loop_of(template: Path, key: str) -> tuple[int, int, int, int] | None:
    """Where the template loops over `key` with {%tr for: (table index, rows before the loop, rows per item,
    rows after the loop), or None when the loop is not the one simple use of `key` that chunking can cut."""
    from .templates import open_template, put_back
    doc = open_template(template)
    try:
        body = doc.docx.element.body
        xml = doc.get_xml()
        parts = [xml] + [doc.get_part_xml(part) for uri in (doc.HEADER_URI, doc.FOOTER_URI)
                         for _, part in doc.get_headers_footers(uri)]
    finally:
        put_back(template, doc)
    texts = [re.sub(r"<[^>]+>", "", part) for part in parts]   # a tag Word split across runs, whole again
    tags = [tag for text in texts for tag in re.findall(r"\{[{%].*?[%}]\}", text, re.DOTALL)]
    if [_LOOP.fullmatch(tag.strip()) is not None for tag in tags if re.search(rf"\b{key}\b", tag)] != [True]:
        return None
    for index, table in enumerate(body.iter(f"{_W}tbl")):
        rows = table.findall(f"{_W}tr")
        texts = ["".join(row.itertext()) for row in rows]
        starts = [i for i, text in enumerate(texts) if _LOOP.search(text) and _LOOP.search(text)[1] == key]
        if not starts:
            continue
        start = starts[0]
        ends = [i for i, text in enumerate(texts) if i > start and re.search(r"\{%tr\s+endfor\s*%\}", text)]
        if not ends or any(row.find(f".//{_W}tbl") is not None for row in rows[start:ends[0]]):
            return None
        return index, start, ends[0] - start - 1, len(rows) - ends[0] - 1
    return None


def chunked_key(template: Path, context: dict) -> str | None:
    """The context's list to render in chunks, if it is long and the template loops over it simply."""
    for key, value in context.items():
        if isinstance(value, list) and len(value) > CHUNK_ROWS and _loop_of(template, key) is not None:
            return key
    return None


def render_in_chunks(template: Path, context: dict, key: str, render_into: Callable,
                     zipped: Callable) -> bytes | None:
    """The document rendered CHUNK_ROWS rows of `context[key]` at a time; None if it cannot be to the same bytes.

    `render_into(doc, context)` renders a context into an opened template; `zipped(doc, document_xml)` zips
    the rendered package with its main part's bytes replaced (None when it cannot).
    """
    from .templates import put_back
    rows = context[key]
    frame: tuple[bytes, bytes] | None = None
    pieces: list[bytes] = []
    doc = None
    for start in range(0, len(rows), CHUNK_ROWS):
        if doc is not None:
            put_back(template, doc)   # reused by the next chunk (a chunk's body is small enough to detach)
        doc = None
        made = _chunk(template, {**context, key: rows[start:start + CHUNK_ROWS]}, key, render_into)
        if made is None or (frame is not None and made[1] != frame):
            return None
        doc, frame, piece = made
        pieces.append(piece)
    data = zipped(doc, frame[0] + b"".join(pieces) + frame[1])   # the last chunk's package, its main part replaced
    put_back(template, doc)
    return data


def _chunk(template: Path, context: dict, key: str, render_into: Callable):
    """One chunk rendered inside the whole document: (the document, (what comes before its rows, after them),
    its rows as serialised), or None when its rows cannot be cut out cleanly."""
    from docx.opc.oxml import serialize_part_xml
    from lxml import etree

    from .templates import open_template
    table_index, before, per_item, after = _loop_of(template, key)
    doc = open_template(template)
    render_into(doc, context)
    found = list(doc.docx.element.body.iter(f"{_W}tbl"))[table_index].findall(f"{_W}tr")
    count = len(context[key]) * per_item
    if len(found) != before + count + after:
        return None
    loop = found[before:before + count]
    previous = loop[0].getprevious()
    if (any(row.tail for row in loop) or (previous is not None and previous.tail) or
            any(row.find(".//{*}docPr") is not None for row in loop)):
        return None
    loop[0].addprevious(etree.Comment(MARK))
    loop[-1].addnext(etree.Comment(MARK))
    split = serialize_part_xml(doc.docx.part._element).split(f"<!--{MARK}-->".encode())
    if len(split) != 3:
        return None
    return doc, (split[0], split[2]), split[1]
