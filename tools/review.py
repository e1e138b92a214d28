"""A review copy for people: the whole year side by side, kk | ru, page by page (`make review`).

    python tools/review.py                          # the sample inputs/, into outputs/review/
    python tools/review.py --inputs DIR --outputs DIR --as-of 2026-12-31

Every document `python -m pipeline all` writes is converted to PDF by one
LibreOffice run (pipeline.write.pdf, the code behind `make pdf`); then, for each kind
of document (composition, agenda, protocol, plan, register, annual-report), one
PDF holds every document of that kind: each sheet shows a Kazakh page on the
left and the same page of the Russian document on the right. A native speaker
reads the whole year in one sitting and compares the two languages line by line;
the bookmarks name each document. Where one language runs a page longer, the
other side of that sheet is left blank.

A developer tool: the secretary's documents are those under outputs/.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.write import pdf  # noqa: E402

GAP_PT = 18        # white space between the two pages of a sheet
LANGS = ("kk", "ru")


@dataclass(frozen=True)
class Pair:
    """One document in both languages: its title in the bookmarks, and the two PDFs."""

    title: str
    kk: Path
    ru: Path


def kind_of(relative: Path) -> str:
    """The kind of a document from where `all` writes it: plans/2026-H1.kk.pdf → plan, .../protocol.kk.pdf → protocol."""
    if relative.parent.name == "plans":
        return "plan"
    if relative.parent.name == "extracts":     # meetings/<id>/extracts/01-<body>.kk.pdf: one kind, every body
        return "extracts"
    if relative.parts[0] == "reminders":       # reminders/<as-of>/01-<body>.kk.pdf
        return "reminders"
    name = relative.name.split(".")[0]
    return "status" if name.startswith("status-") else name


def pairs_by_kind(folder: Path) -> dict[str, list[Pair]]:
    """Every kk PDF under `folder` with its ru twin, grouped by kind, in path order (meetings by date)."""
    kinds: dict[str, list[Pair]] = {}
    for kk in sorted(folder.rglob("*.kk.pdf")):
        ru = kk.with_name(kk.name.replace(".kk.pdf", ".ru.pdf"))
        if not ru.is_file():
            continue
        relative = kk.relative_to(folder)
        title = str(relative).replace(".kk.pdf", "")
        kinds.setdefault(kind_of(relative), []).append(Pair(title, kk, ru))
    return kinds


def sheet(left: PageObject | None, right: PageObject | None) -> PageObject:
    """One landscape sheet: `left` at the left, `right` beside it, tops aligned; a missing page stays blank."""
    def size(page):
        return (float(page.mediabox.width), float(page.mediabox.height)) if page is not None else (0.0, 0.0)

    (lw, lh), (rw, rh) = size(left), size(right)
    lw = lw or rw
    height = max(lh, rh)
    page = PageObject.create_blank_page(width=lw + GAP_PT + (rw or lw), height=height)
    if left is not None:
        page.merge_transformed_page(left, Transformation().translate(0, height - lh))
    if right is not None:
        page.merge_transformed_page(right, Transformation().translate(lw + GAP_PT, height - rh))
    return page


def side_by_side(pairs: list[Pair], target: Path) -> int:
    """Write one PDF of sheets kk | ru for these documents; returns the number of sheets."""
    writer = PdfWriter()
    for pair in pairs:
        left, right = PdfReader(pair.kk).pages, PdfReader(pair.ru).pages
        first = len(writer.pages)
        for index in range(max(len(left), len(right))):
            writer.add_page(sheet(left[index] if index < len(left) else None,
                                  right[index] if index < len(right) else None))
        writer.add_outline_item(title=pair.title, page_number=first)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        writer.write(stream)
    return len(writer.pages)


def review(inputs: Path, outputs: Path, as_of: str | None = None) -> list[Path]:
    """Write every document, convert all to PDF in one LibreOffice run, then one kk | ru PDF per kind."""
    documents = outputs / "documents"
    clock = ["--as-of", as_of] if as_of else []
    result = subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(inputs), "--outputs", str(documents),
                             *clock, "-q", "all"], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(result.returncode)
    pdf.convert_outputs(documents)
    written = []
    for kind, pairs in sorted(pairs_by_kind(documents).items()):
        target = outputs / f"{kind}.kk-ru.pdf"
        sheets = side_by_side(pairs, target)
        print(f"{target}: {len(pairs)} document(s), {sheets} sheet(s)")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs")
    parser.add_argument("--outputs", type=Path, default=ROOT / "outputs" / "review")
    parser.add_argument("--as-of", dest="as_of", help="the run's date, YYYY-MM-DD (default today): e.g. the year's "
                                                       "31 December to review a whole year")
    args = parser.parse_args(argv)
    try:
        review(args.inputs, args.outputs, args.as_of)
    except pdf.ShtabError as exc:
        print(f"review: {exc.format_message()}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
