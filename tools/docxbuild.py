"""Helpers that lay out a docxtpl template with python-docx (developers' tool, not used at run time).

The templates in templates_docx/ are the source the secretary may edit in Word
or LibreOffice; `tools/build_templates.py` made their first layout with these
helpers. Every Jinja tag sits whole in one run, so docxtpl sees it intact.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
SIZE = 14

CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

# the end of a list item inside a {%p for %} loop: items end with «;», the last with a full stop
LIST_END = "{% if loop.last %}.{% else %};{% endif %}"


def new_document(landscape: bool = False, title: str = ""):
    """A4, official margins, Times New Roman 14 for every script (Kazakh letters included)."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = Cm(21.0), Cm(29.7)
    section.top_margin = Cm(2)
    section.bottom_margin = Cm(2)
    section.left_margin = Cm(3) if not landscape else Cm(2)
    section.right_margin = Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(SIZE)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    core = doc.core_properties
    core.author = ""
    core.last_modified_by = ""
    core.title = title
    core.comments = ""
    core.keywords = ""
    core.revision = 1
    import datetime as dt
    core.created = dt.datetime(2026, 1, 1)
    core.modified = dt.datetime(2026, 1, 1)
    _page_numbers(section)
    drop_legacy_parts(doc)
    return doc


# Parts of python-docx's default template that no reader needs and one that misleads:
# stylesWithEffects.xml is Word 2010's copy of styles.xml; ours differs from styles.xml
# (the Normal font set above), which the Open XML validator reports as a file Word
# would repair. thumbnail.jpeg shows an empty page in file browsers.
LEGACY_RELATIONSHIPS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)


def drop_legacy_parts(doc) -> None:
    """Remove stylesWithEffects.xml and the thumbnail: parts are saved only while related."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in LEGACY_RELATIONSHIPS]:
            del rels[r_id]


def prune_styles(doc) -> None:
    """Keep only the styles the template uses (and the defaults and what they are based on).

    python-docx's default styles.xml is 350 KB, mostly table styles no official
    document uses; parsing it was half of every render (pyinstrument), and it
    made every DOCX 15 KB larger. Call it on a finished template: a style named
    later only by the program (not in the template's XML) would be dropped.
    """
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    used = {s_id for s_id, s in by_id.items() if s.get(qn("w:default")) == "1"}
    parts = [doc.part] + [rel.target_part for rel in doc.part.rels.values()
                          if not rel.is_external and rel.target_part.content_type.endswith("+xml")]
    for part in parts:
        element = getattr(part, "element", None)
        if element is None or element is styles:
            continue
        for tag_name in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink"):
            used |= {e.get(qn("w:val")) for e in element.iter(qn(tag_name))}
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        if style is None:
            continue
        for link in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(link))
            if ref is not None and ref.get(qn("w:val")) not in used:
                used.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for s_id, style in by_id.items():
        if s_id not in used:
            styles.remove(style)


LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}


def set_language(doc, lang: str) -> None:
    """The document's language (kk-KZ, ru-RU) in the default run properties, every style, every run and the core
    properties: Word and LibreOffice spell-check and hyphenate the text in its own language, not as English."""
    tag_ = LANGUAGE_TAGS[lang]

    def mark(rpr) -> None:
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            rpr.append(lang_el)
        for attr in ("w:val", "w:eastAsia"):
            lang_el.set(qn(attr), tag_)
        lang_el.set(qn("w:bidi"), "ar-SA")

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            mark(rpr)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            rpr = style.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                style.append(rpr)
            mark(rpr)
    parts = [doc.element] + [section.header._element for section in doc.sections] + \
            [section.first_page_header._element for section in doc.sections]
    for part in parts:
        for run in part.iter(qn("w:r")):
            mark(run.get_or_add_rPr())
    doc.core_properties.language = tag_


def set_no_break_spaces(doc) -> None:
    """The templates' own wording typeset by the documents' one rule (pipeline/grammar/typography.py): «№ {{ n }}»,
    «{{ year }} г.», «№ п/п» get their no-break spaces here, not typed into each text. A Jinja tag stays as written."""
    import re

    from pipeline.grammar.typography import no_break_spaces
    tags = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
    parts = [doc.element] + [section.header._element for section in doc.sections] + \
            [section.first_page_header._element for section in doc.sections]
    for part in parts:
        for text in part.iter(qn("w:t")):
            typeset = no_break_spaces(text.text or "")
            if tags.findall(typeset) != tags.findall(text.text or ""):
                raise ValueError(f"a no-break space would change a Jinja tag: {text.text!r}")
            text.text = typeset


def save_template(doc, path) -> None:
    """Save with no-break spaces set, unused styles pruned and fixed zip dates (rebuilding an unchanged template
    changes no byte)."""
    import io
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from pipeline.render.docx import deterministic_zip
    set_no_break_spaces(doc)
    prune_styles(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    Path(path).write_bytes(deterministic_zip(buffer.getvalue()))


def _page_numbers(section) -> None:
    """Page numbers at the top centre from the second page on, as official documents carry them."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    run.font.size = Pt(12)


def para(container, text: str = "", *, bold: bool = False, italic: bool = False, align=None,
         size: float | None = None, first_line: float | None = None, left: float | None = None,
         before: float = 0, after: float = 0, keep_next: bool = False, caps: bool = False):
    """One paragraph of one run (so a Jinja tag inside stays whole)."""
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        run.font.all_caps = caps or None
        if size:
            run.font.size = Pt(size)
    fmt = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    if first_line is not None:
        fmt.first_line_indent = Cm(first_line)
    if left is not None:
        fmt.left_indent = Cm(left)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def runs(container, parts: list[tuple[str, bool]], *, align=None, first_line: float | None = None,
         left: float | None = None, before: float = 0, after: float = 0, keep_next: bool = False):
    """A paragraph of several runs: (text, bold) pairs, e.g. a bold label and its value."""
    paragraph = para(container, align=align, first_line=first_line, left=left, before=before, after=after,
                     keep_next=keep_next)
    for text, bold in parts:
        run = paragraph.add_run(text)
        run.bold = bold or None
    return paragraph


def tag(container, text: str):
    """A paragraph that holds only a docxtpl {%p ... %} tag; docxtpl removes it when rendering."""
    return para(container, text)


def first_cell_paragraph(cell, text: str = "", **kwargs):
    """Use the paragraph a new cell already has for the first text."""
    paragraph = cell.paragraphs[0]
    if text:
        run = paragraph.add_run(text)
        run.bold = kwargs.get("bold") or None
        if kwargs.get("size"):
            run.font.size = Pt(kwargs["size"])
    if kwargs.get("align") is not None:
        paragraph.alignment = kwargs["align"]
    return paragraph


def table(container, columns: list[float], *, borders: bool = True, size: float | None = None):
    """A table with fixed column widths (cm); borderless for layout blocks (approval, signatures)."""
    tbl = container.add_table(rows=0, cols=len(columns))
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    if borders:
        tbl.style = "Table Grid"
    for index, width in enumerate(columns):
        tbl.columns[index].width = Cm(width)
    tbl._size = size
    tbl._widths = columns
    return tbl


def row(tbl, texts: list[str], *, bold: bool = False, align=None, header: bool = False):
    cells = tbl.add_row().cells
    for index, text in enumerate(texts):
        cells[index].width = Cm(tbl._widths[index])
        paragraph = cells[index].paragraphs[0]
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if tbl._size:
                run.font.size = Pt(tbl._size)
        if align is not None:
            paragraph.alignment = align
    if header:
        tr_pr = tbl.rows[-1]._tr.get_or_add_trPr()
        element = OxmlElement("w:tblHeader")
        tr_pr.append(element)
    return cells


def keep_whole(tbl, *, with_next: bool = False):
    """A block that is never split across pages (a signature, a short table of totals): no row breaks
    (cantSplit) and every paragraph but those of the last row kept with the next (Word and LibreOffice keep
    the rows together so); `with_next` keeps the last row with what follows too."""
    for index, table_row in enumerate(tbl.rows):
        table_row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if index < len(tbl.rows) - 1 or with_next:
            for cell in table_row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    return tbl


def keep_with_next(*paragraphs):
    """The lines before a signature block stay on its page with it (the block never stands alone)."""
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.widow_control = True
    return paragraphs[-1] if paragraphs else None


def loop_rows(tbl, loop: str, cells: list[str]):
    """A docxtpl row loop: {%tr for %} row, the row repeated for each element, {%tr endfor %} row."""
    row(tbl, ["{%tr " + loop + " %}"] + [""] * (len(cells) - 1))
    row(tbl, cells)
    tbl.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    row(tbl, ["{%tr endfor %}"] + [""] * (len(cells) - 1))
