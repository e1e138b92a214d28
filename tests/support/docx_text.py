"""Reading a generated DOCX as a reader sees it: paragraphs and table cells, in order.

`paragraphs` and `text` give the text as it is, no-break spaces (U+00A0) included: the tests of typography
(tests/grammar/test_no_break_spaces.py, the names' initials) assert them exactly. A test of wording compares what
a reader sees, where a no-break space is a space: it reads through `seen` (`seen_paragraphs`, `seen_text`).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

NBSP = "\u00a0"


def paragraphs(path: Path) -> list[str]:
    """Every paragraph of the body, tables included (cell by cell), as text."""
    doc = Document(str(path))
    texts: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for cell_p in child.iter():
                if cell_p.tag.endswith("}p"):
                    texts.append("".join(t.text or "" for t in cell_p.iter() if t.tag.endswith("}t")))
    return texts


def text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def seen(printed):
    """Wording as a reader sees it: each no-break space read as a space (a text, or a list of texts)."""
    if isinstance(printed, str):
        return printed.replace(NBSP, " ")
    return [seen(item) for item in printed]


def seen_paragraphs(path: Path) -> list[str]:
    """`paragraphs` as a reader sees them (no-break spaces as spaces): for tests of wording."""
    return seen(paragraphs(path))


def seen_text(path: Path) -> str:
    """`text` as a reader sees it (no-break spaces as spaces): for tests of wording."""
    return seen(text(path))
