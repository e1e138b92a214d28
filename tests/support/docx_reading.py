"""Reading a generated DOCX back as a reader sees it (shared by the robustness and fuzz tests)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

# Every line a failing command prints on stderr: a finding (file:line: message), or a summary.
FINDING_LINE = re.compile(r"^\S[^\n]*?:\d+: \S.*$")
SUMMARY_LINE = re.compile(r"^(Error: )?\d+ error\(s\)")


def paragraphs(path: Path) -> list[str]:
    """Every paragraph of the body, tables included, in document order; tabs read as \\t, breaks as \\n."""
    document = docx.Document(str(path))
    return [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]


def full_text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def temporary_files(folder: Path) -> list[Path]:
    """What an interrupted write could leave: the write stage's hidden .<name>.*.tmp files."""
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")] \
        if folder.exists() else []


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder`, hidden ones too: bytes and modification time."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def stderr_is_findings_only(stderr: str) -> bool:
    """Every line a finding or the summary; a finding may show the line it points at, indented, with a caret."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    return bool(lines) and all(FINDING_LINE.match(line) or SUMMARY_LINE.match(line) or line.startswith("    ")
                               for line in lines)
