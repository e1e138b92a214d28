"""Reading a generated DOCX as a reader sees it: paragraphs and table cells, in order."""

from __future__ import annotations

from pathlib import Path

from docx import Document


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
