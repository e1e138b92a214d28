"""The `templates` command: every Word template still works after someone edited its wording.

A secretary may open `templates_docx/protocol.ru.docx` in Word to change a
phrase, and Word may split or damage a `{{ ... }}` tag. For each template this
module checks, without writing anything, that

1. its tags parse (a broken one is reported with the template's name, the
   paragraph and the tag as typed, never a stack trace);
2. it uses only the values its document's context provides (docxtpl's
   undeclared variables against the fields of the context built from the
   sample inputs);
3. it renders with the sample inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, meta

from .. import stages
from ..core.errors import Finding, Loc, error, warning
from ..load.source import display_path
from ..locale.messages import _
from ..render.docx import TEMPLATES, jinja_environment, render_docx

_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_TAG = re.compile(r"(\{\{|\{%|\{#)")
_BLOCKS_WITH_END = {"for", "if", "macro", "filter", "with", "call"}


@dataclass
class TemplateSample:
    """One context from the sample inputs for a template (document, lang); None when the sample has none."""

    document: str
    lang: str
    context: dict | None


def sample_contexts(assessment: stages.Assessment) -> dict[tuple[str, str], dict]:
    """The first context of each (template name, language) that the sample inputs give."""
    contexts: dict[tuple[str, str], dict] = {}
    for job in stages.jobs_for(assessment, list(stages.KINDS)):
        key = (job.template, job.lang)
        if key not in contexts:
            built, _missing = stages.build_contexts([job])
            contexts[key] = built[0][1]
    return contexts


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """Every paragraph's text, in order, with where it is: body (tables included), headers, footers."""
    document = Document(str(path))
    out = [(f"paragraph {n}", _text(p)) for n, p in enumerate(document.element.body.iter(qn("w:p")), start=1)]
    for section in document.sections:
        for part_name, part in (("header", section.header), ("footer", section.footer)):
            for n, p in enumerate(part._element.iter(qn("w:p")), start=1):
                out.append((f"{part_name} paragraph {n}", _text(p)))
    return out


def _text(paragraph) -> str:
    return "".join(node.text or "" for node in paragraph.iter(qn("w:t")))


def broken_tags(text: str, env) -> list[str]:
    """The tags of one paragraph that cannot be right: unclosed, or not valid on their own."""
    found = []
    for match in _TAG.finditer(text):
        opener = match.group()
        closer = _OPENERS[opener]
        end = text.find(closer, match.end())
        following = _TAG.search(text, match.end())
        if end < 0 or (following and following.start() < end):
            stop = following.start() if following else len(text)
            found.append(text[match.start():stop].strip())
            continue
        tag = text[match.start():end + 2]
        if opener == "{#" or _parses_alone(tag, env):
            continue
        found.append(tag)
    return found


def _parses_alone(tag: str, env) -> bool:
    """Whether one tag is valid by itself (a block tag gets its end tag; else/end tags are let through)."""
    inner = re.sub(r"^\{%-?[ptrc]?\s*", "", tag)
    inner = re.sub(r"\s*-?%\}$", "", inner)
    if tag.startswith("{{"):
        source = tag
    else:
        keyword = inner.split(" ", 1)[0]
        if keyword not in _BLOCKS_WITH_END:
            return True
        source = "{% " + inner + " %}{% end" + keyword + " %}"
    try:
        env.parse(source)
    except TemplateSyntaxError:
        return False
    return True


def _xml_parts(template: DocxTemplate) -> list[str]:
    """The template's XML as docxtpl compiles it: body, then headers and footers."""
    document = Document(str(template.template_file))
    parts = [template.patch_xml(template.xml_to_string(document._element.body))]
    for rel in document.part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI) and rel.target_part.blob:
            parts.append(template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob))))
    return parts


def check_template(path: Path, contexts: dict[tuple[str, str], dict], documents: set[str]) -> list[Finding]:
    """Every problem of one template file, as findings on the file."""
    loc = Loc(display_path(path))
    document, _dot, lang = path.stem.rpartition(".")
    if document not in documents:
        return [warning(loc, _("no document of the program uses this template (names are <document>.<kk|ru>.docx)"))]
    env = jinja_environment()
    try:
        template = DocxTemplate(str(path))
        parts = _xml_parts(template)
    except Exception as exc:  # a file Word cannot have saved: not a zip, no document.xml
        return [error(loc, _("not a Word document that can be read: {problem}", problem=_problem(exc)))]
    try:
        used = set().union(*(meta.find_undeclared_variables(env.parse(xml)) for xml in parts))
    except TemplateSyntaxError as exc:
        return [error(loc, _("a tag is broken: {problem}; near: {near}",
                             problem=exc.message, near=_near(path, env, exc)))]
    context = contexts.get((document, lang))
    if context is None:
        return [warning(loc, _("not rendered: the sample inputs give no {document} in {lang}",
                               document=document, lang=lang))]
    unknown = sorted(used - set(context))
    if unknown:
        return [error(loc, _("the template uses {names}, which the {document} does not provide (it provides: {known})",
                             names=", ".join(unknown), document=document, known=", ".join(sorted(context))))]
    try:
        render_docx(path, context)
    except Exception as exc:  # the template's own logic failed on real data: say what, not where in Python
        return [error(loc, _("the template cannot be filled in with the sample: {problem}", problem=_problem(exc)))]
    return []


def _problem(exc: Exception) -> str:
    """What a library said, as it said it: the name of the problem and its text."""
    return f"{type(exc).__name__}: {exc}"


def _near(path: Path, env, exc: TemplateSyntaxError) -> str:
    """The paragraph and tag the secretary can find in Word; the XML line only when no tag looks wrong."""
    for where, text in paragraphs(path):
        for tag in broken_tags(text, env):
            return f"{where}: «{tag}»"
    return f"line {exc.lineno} of the document's XML"


def template_files(folder: Path = TEMPLATES) -> list[Path]:
    return sorted(p for p in folder.glob("*.docx") if not p.name.startswith("~$"))


def check_templates(assessment: stages.Assessment, folder: Path = TEMPLATES, progress=None) -> tuple[int, list[Finding]]:
    """Check every template of the folder against the contexts of the sample inputs."""
    contexts = sample_contexts(assessment)
    documents = {kind.template for kind in stages.KINDS.values()} | {name for name, _lang in contexts}
    files = template_files(folder)
    findings: list[Finding] = []
    for path in (progress(files) if progress else files):
        findings += check_template(path, contexts, documents)
    return len(files), findings
