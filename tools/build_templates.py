"""Lay out the docxtpl templates of templates_docx/ (developers' tool).

    python tools/build_templates.py            # writes the templates that do not exist yet
    python tools/build_templates.py --force    # rewrites them all (loses edits made in Word)

The .docx files are the source the secretary edits; this script made their
first layout and keeps the wording of both languages side by side for review.
Each document is one function, each language a column of wording.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

import templates_between  # noqa: E402  (the notice, extract, reminder and status report)
import templates_region  # noqa: E402  (the oblast's regional report)
from docx.oxml import OxmlElement  # noqa: E402
from docx.shared import Cm  # noqa: E402
from docxbuild import (  # noqa: E402
    CENTER,
    JUSTIFY,
    LEFT,
    LIST_END,
    RIGHT,
    first_cell_paragraph,
    keep_whole,
    keep_with_next,
    loop_rows,
    new_document,
    para,
    row,
    runs,
    save_template,
    set_language,
    table,
    tag,
)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates_docx"

# ---------------------------------------------------------------- wording, side by side

W = {
    "kk": {
        "approve": "БЕКІТЕМІН",
        "when": "Өткізілетін күні мен уақыты:",
        "at_time": "сағат",
        "where": "Өткізілетін орны:",
        "speakers": "{% if q.speakers|length > 1 %}Баяндамашылар:{% else %}Баяндамашы:{% endif %}",
        "invited": "Отырысқа шақырылғандар:",
        "number_sign": "№",
        "time": "Уақыты:",
        "place": "Өткізілген орны:",
        "chair": "Төрағалық еткен:",
        "chair_acting": "(Штаб басшысы болмаған кезде оның міндетін атқарушы, Ереженің 25-тармағының 3) тармақшасы)",
        "present": "Қатысқан Штаб мүшелері:",
        "secretary": "Штаб хатшысы:",
        "absent": "Қатыспаған Штаб мүшелері:",
        "stand_ins": "Штаб мүшелерінің орнына қатысқандар (кворумға есептелмейді, дауыс бермейді, Ереженің 20-тармағы):",
        "guests": "Шақырылғандар:",
        "agenda": "КҮН ТӘРТІБІ:",
        "urgent": "Отырыс{% if urgent_by_head %} Штаб басшысының тапсырмасы бойынша{% endif %} шұғыл түрде "
                  "өткізілді (Ереженің 22-тармағы).",
        "heard": "ТЫҢДАЛДЫ:",
        "decided": "ШЕШТІ:",
        "responsible": "{% if d.responsible_many %}Жауаптылар:{% else %}Жауапты:{% endif %}",
        "due": "Мерзімі:",
        "draft_not_adopted": "Шешім жобасы (қабылданбады): ",
        "dissent_ref": "Ерекше пікір жазбаша баяндалып, хаттамаға қоса берілді ({{ n }}-қосымша, Ереженің "
                       "14-тармағы).",
        "appendix": "Штаб отырысының {{ date_of }}",
        "appendix_of": "№ {{ number }} хаттамасына {{ a.number }}-қосымша",
        "dissent_title": "ЕРЕКШЕ ПІКІР",
        "dissent_sub": "күн тәртібінің {{ a.item_number }}-мәселесі бойынша",
        "date_label": "Күні:",
        "signature": "(қолы)",
        "composition_appendix": "{{ akimat_genitive }}",
        "composition_annex": "қаулысына 1-қосымша",
        "composition_title": "құрамы",
        "head_role": "Штаб басшысы",
        "deputy_role": "Штаб басшысының орынбасары",
        "secretary_role": "Штаб хатшысы",
        "members_heading": "Штаб мүшелері:",
        # the half-year work plan (§16-18)
        "plan_title": "{{ body_name_genitive }} {{ period }} арналған",
        "plan_title_2": "ЖҰМЫС ЖОСПАРЫ",
        "plan_columns": ["№", "Қаралатын мәселе", "Жауаптылар", "Қарау мерзімі", "Ұсыныс енгізген"],
        "plan_postponed": "({{ r.postponed_to }} ауыстырылды)",
        "plan_excluded": "(жоспардан алынып тасталды)",
        "plan_added": "(жоспарға {{ r.added_on }} енгізілді)",
        "changes_heading": "Жоспарға енгізілген өзгерістер (Ереженің 18-тармағы)",
        "changes_columns": ["№", "Өзгеріс", "Негіздеме-анықтама", "Штаб басшысының шешімі"],
        "change_exclude": "{{ c.item_no }}-мәселе «{{ c.title }}» жоспардан алынып тасталды.",
        "change_postpone": "{{ c.item_no }}-мәселе «{{ c.title }}» {{ c.target }} ауыстырылды.",
        "change_add": "Жоспарға {{ c.item_no }}-мәселе енгізілді: «{{ c.title }}».",
        "change_add_details": "{% if c.responsible %}Жауаптылар: {{ c.responsible }}. {% endif %}"
                              "{% if c.when %}Қарау мерзімі: {{ c.when }}.{% endif %}",
        "working_body_note": "(Штабтың жұмыс органы)",
        "no_changes": "Жоспарға өзгерістер енгізілген жоқ.",
        "plan_sent": "Жоспар Штаб мүшелеріне {{ sent_on }} жіберілді (Ереженің 17-тармағы).",
    },
    "ru": {
        "approve": "УТВЕРЖДАЮ",
        "when": "Дата и время проведения:",
        "at_time": "в",
        "where": "Место проведения:",
        "speakers": "{% if q.speakers|length > 1 %}Докладчики:{% else %}Докладчик:{% endif %}",
        "invited": "Приглашенные на заседание:",
        "number_sign": "№",
        "time": "Время:",
        "place": "Место проведения:",
        "chair": "Председательствовал:",
        "chair_acting": "(исполняющий обязанности руководителя штаба в его отсутствие, подпункт 3) пункта 25 Положения)",
        "present": "Присутствовали члены штаба:",
        "secretary": "Секретарь штаба:",
        "absent": "Отсутствовали члены штаба:",
        "stand_ins": "Присутствовали вместо членов штаба (в кворуме не учитываются, в голосовании не участвуют, пункт 20 Положения):",
        "guests": "Приглашенные:",
        "agenda": "ПОВЕСТКА ДНЯ:",
        "urgent": "Заседание проведено в срочном порядке{% if urgent_by_head %} по поручению руководителя "
                  "штаба{% endif %} (пункт 22 Положения).",
        "heard": "СЛУШАЛИ:",
        "decided": "РЕШИЛИ:",
        "responsible": "{% if d.responsible_many %}Ответственные:{% else %}Ответственный:{% endif %}",
        "due": "Срок:",
        "draft_not_adopted": "Проект решения (не принят): ",
        "dissent_ref": "Особое мнение изложено в письменном виде и приложено к протоколу (приложение {{ n }}, пункт 14 Положения).",
        "appendix": "Приложение {{ a.number }}",
        "appendix_of": "к протоколу заседания штаба {{ date_of }} № {{ number }}",
        "dissent_title": "ОСОБОЕ МНЕНИЕ",
        "dissent_sub": "по {{ a.item_number }}-му вопросу повестки дня",
        "date_label": "Дата:",
        "signature": "(подпись)",
        "composition_annex": "Приложение 1",
        "composition_title": "Состав",
        "head_role": "руководитель штаба",
        "deputy_role": "заместитель руководителя штаба",
        "secretary_role": "секретарь штаба",
        "members_heading": "Члены штаба:",
        # the half-year work plan (§16-18)
        "plan_title": "ПЛАН РАБОТЫ",
        "plan_title_2": "{{ body_name_genitive }} {{ period }}",
        "plan_columns": ["№ п/п", "Рассматриваемый вопрос", "Ответственные", "Срок рассмотрения",
                         "Кем внесено предложение"],
        "plan_postponed": "(перенесен {{ r.postponed_to }})",
        "plan_excluded": "(исключен из плана)",
        "plan_added": "(включен в план {{ r.added_on }})",
        "changes_heading": "Изменения, внесенные в план (пункт 18 Положения)",
        "changes_columns": ["№ п/п", "Изменение", "Обоснование-справка", "Решение руководителя штаба"],
        "change_exclude": "Вопрос № {{ c.item_no }} «{{ c.title }}» исключен из плана.",
        "change_postpone": "Вопрос № {{ c.item_no }} «{{ c.title }}» перенесен {{ c.target }}.",
        "change_add": "В план включен вопрос № {{ c.item_no }} «{{ c.title }}».",
        "change_add_details": "{% if c.responsible %}Ответственные: {{ c.responsible }}. {% endif %}"
                              "{% if c.when %}Срок рассмотрения: {{ c.when }}.{% endif %}",
        "working_body_note": "(рабочий орган штаба)",
        "no_changes": "Изменения в план не вносились.",
        "plan_sent": "План направлен членам штаба {{ sent_on }} (пункт 17 Положения).",
    },
}


# ---------------------------------------------------------------- shared blocks


def approval_block(doc, w, who: str = "approver", date: str = "approved_on"):
    """БЕКІТЕМІН / УТВЕРЖДАЮ at the right: title, position, signature line with name, date."""
    tbl = table(doc, [7.5, 9.0], borders=False)
    cells = tbl.add_row().cells
    right = cells[1]
    first_cell_paragraph(right, w["approve"], bold=True)
    for text in (f"{{{{ {who}.title }}}},", f"{{{{ {who}.position }}}}"):
        right.add_paragraph(text)
    right.add_paragraph(f"_______________ {{{{ {who}.name }}}}")
    right.add_paragraph(f"{{{{ {date} }}}}")
    return tbl


def signer_row(tbl, who: str, line: str = "_______________"):
    """One signature row: the signer's title (bold) and position at the left, line and name at the right."""
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{{ " + who + ".title }}", bold=True)
    cells[0].add_paragraph("{{ " + who + ".position }}")
    first_cell_paragraph(cells[1], "")
    cells[1].add_paragraph(line + " {{ " + who + ".name }}").alignment = RIGHT


def signature_table(doc, w):
    """The protocol's signatures (§15): the one who chaired, then the secretary."""
    tbl = table(doc, [8.5, 8.0], borders=False)
    signer_row(tbl, "signer")
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{% if secretary_signature %}{{ secretary_signature.title }}{% endif %}", bold=True)
    first_cell_paragraph(cells[1], "{% if secretary_signature %}_______________ {{ secretary_signature.name }}{% endif %}",
                         align=RIGHT)
    for cell in tbl.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(24)
    keep_whole(tbl)


def person_list(doc, collection: str):
    tag(doc, f"{{%p for p in {collection} %}}")
    para(doc, "– {{ p.position }}{% if p.name %} {{ p.name }}{% endif %}" + LIST_END, align=LEFT, left=0.5)
    tag(doc, "{%p endfor %}")


# ---------------------------------------------------------------- documents


def agenda(lang: str):
    w = W[lang]
    doc = new_document(title="agenda")
    approval_block(doc, w)
    if lang == "kk":
        para(doc, "{{ body_name }}", bold=True, align=CENTER, before=18)
        para(doc, "{% if extraordinary %}кезектен тыс {% endif %}отырысының", bold=True, align=CENTER)
        para(doc, "КҮН ТӘРТІБІ", bold=True, align=CENTER, after=12, size=16)
    else:
        para(doc, "ПОВЕСТКА ДНЯ", bold=True, align=CENTER, before=18, size=16)
        para(doc, "{% if extraordinary %}внеочередного {% endif %}заседания {{ body_name_genitive }}", bold=True,
             align=CENTER, after=12)
    runs(doc, [(w["when"] + " ", True), ("{{ date_long }}{% if time %}, " + (
        "сағат {{ time }}" if lang == "kk" else "в {{ time }}") + "{% endif %}", False)])
    runs(doc, [(w["where"] + " ", True), ("{{ place }}", False)], after=12)
    tag(doc, "{%p for q in questions %}")
    para(doc, "{{ q.number }}. {{ q.title }}", bold=True, align=JUSTIFY, first_line=1.25, before=6, keep_next=True)
    tag(doc, "{%p if q.speakers %}")
    runs(doc, [(w["speakers"] + " ", False), ("{{ q.speakers|join('; ') }}.", False)], first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if invited %}")
    para(doc, w["invited"], bold=True, before=12, keep_next=True)
    person_list(doc, "invited")
    tag(doc, "{%p endif %}")
    return doc


def protocol(lang: str):
    w = W[lang]
    doc = new_document(title="protocol")
    if lang == "kk":
        para(doc, "{{ body_name }}", bold=True, align=CENTER)
        para(doc, "{% if extraordinary %}кезектен тыс {% endif %}отырысының", bold=True, align=CENTER)
        para(doc, "ХАТТАМАСЫ", bold=True, align=CENTER, after=12, size=16)
    else:
        para(doc, "ПРОТОКОЛ", bold=True, align=CENTER, size=16)
        para(doc, "{% if extraordinary %}внеочередного {% endif %}заседания {{ body_name_genitive }}", bold=True,
             align=CENTER, after=12)
    tbl = table(doc, [8.0, 8.5], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{{ seat }}")
    first_cell_paragraph(cells[1], "{{ date_long }} № {{ number }}", align=RIGHT)
    runs(doc, [(w["time"] + " ", True), ("{{ time }}", False)], before=12)
    runs(doc, [(w["place"] + " ", True), ("{{ place }}", False)], after=6)
    para(doc, w["chair"], bold=True, before=6, keep_next=True)
    para(doc, "{{ chair.position }}{% if chair.name %} {{ chair.name }}{% endif %}", align=LEFT, left=0.5)
    tag(doc, "{%p if chair_is_deputy %}")
    para(doc, w["chair_acting"], italic=True, align=JUSTIFY, left=0.5)
    tag(doc, "{%p endif %}")
    para(doc, w["present"], bold=True, before=6, keep_next=True)
    person_list(doc, "present")
    tag(doc, "{%p if secretary %}")
    runs(doc, [(w["secretary"] + " ", True),
               ("{{ secretary.position }}{% if secretary.name %} {{ secretary.name }}{% endif %}.", False)],
         before=6, align=JUSTIFY)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if absent %}")
    para(doc, w["absent"], bold=True, before=6, keep_next=True)
    tag(doc, "{%p for a in absent %}")
    para(doc, "– {{ a.person.position }}{% if a.person.name %} {{ a.person.name }}{% endif %} – {{ a.reason }}"
         + LIST_END,
         align=LEFT, left=0.5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if stand_ins %}")
    para(doc, w["stand_ins"], bold=True, before=6, keep_next=True)
    tag(doc, "{%p for s in stand_ins %}")
    para(doc, "– {{ s }}" + LIST_END, align=LEFT, left=0.5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if invited %}")
    para(doc, w["guests"], bold=True, before=6, keep_next=True)
    person_list(doc, "invited")
    tag(doc, "{%p endif %}")
    para(doc, "{{ quorum }}.", bold=True, align=JUSTIFY, first_line=1.25, before=12)
    tag(doc, "{%p if called_by %}")
    para(doc, "{{ called_by }}.", align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if urgent %}")
    para(doc, w["urgent"], align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    para(doc, w["agenda"], bold=True, align=CENTER, before=12, after=6, keep_next=True)
    tag(doc, "{%p for q in questions %}")
    para(doc, "{{ q.number }}. {{ q.title }}", align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for q in questions %}")
    para(doc, "{{ q.number }}. {{ q.title }}", bold=True, align=JUSTIFY, first_line=1.25, before=12, keep_next=True)
    tag(doc, "{%p if q.speakers or q.heard %}")
    para(doc, w["heard"], bold=True, before=6, keep_next=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if q.speakers %}")
    para(doc, "{{ q.speakers|join('; ') }}.", italic=True, align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if q.heard %}")
    para(doc, "{{ q.heard }}", align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    para(doc, w["decided"], bold=True, before=6, keep_next=True)
    tag(doc, "{%p for d in q.decisions %}")
    # §13, §24: a decision not adopted is no assignment: printed as the draft that was not adopted, with no
    # responsible body and no deadline (the context leaves both empty)
    para(doc, "{{ d.number }}. {% if not d.adopted %}" + w["draft_not_adopted"] + "{% endif %}{{ d.text }}",
         align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p if d.responsible or d.due %}")
    para(doc, "{% if d.responsible %}" + w["responsible"] + " {{ d.responsible }}.{% endif %}"
         "{% if d.responsible and d.due %} {% endif %}"
         "{% if d.due %}" + w["due"] + " {{ d.due }}.{% endif %}", italic=True, align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if d.vote %}")
    keep_with_next(para(doc, "{{ d.vote }}. {{ d.outcome }}.", align=JUSTIFY, first_line=1.25))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if q.vote %}")
    # the vote and the outcome stay together, and the last question's with the signatures (never alone on a page)
    keep_with_next(para(doc, "{{ q.vote }}.", align=JUSTIFY, first_line=1.25, before=6),
                   para(doc, "{{ q.outcome }}.", bold=True, align=JUSTIFY, first_line=1.25))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for n in q.dissent_appendices %}")
    keep_with_next(para(doc, w["dissent_ref"], italic=True, align=JUSTIFY, first_line=1.25))
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    keep_with_next(para(doc, "", before=18))
    signature_table(doc, w)
    tag(doc, "{%p for a in appendices %}")
    # The appendix starts a page by its own first paragraph, not by a paragraph holding a break: when the
    # signatures end at the foot of a page, that paragraph fell onto the next one and left it blank.
    para(doc, w["appendix"], align=RIGHT).paragraph_format.page_break_before = True
    para(doc, w["appendix_of"], align=RIGHT, after=18)
    para(doc, w["dissent_title"], bold=True, align=CENTER)
    para(doc, w["dissent_sub"], align=CENTER, after=12)
    para(doc, "{{ a.author.heading }}{% if a.author.name %} {{ a.author.name }}{% endif %}", bold=True,
         align=JUSTIFY, after=12)
    para(doc, "{{ a.text }}", align=JUSTIFY, first_line=1.25)
    tbl = table(doc, [8.0, 8.5], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], w["date_label"] + " {{ a.date }}")
    first_cell_paragraph(cells[1], "_______________ {{ a.author.name }}", align=RIGHT)
    cells[0].paragraphs[0].paragraph_format.space_before = Pt(18)
    cells[1].paragraphs[0].paragraph_format.space_before = Pt(18)
    tag(doc, "{%p endfor %}")
    return doc


def composition(lang: str):
    w = W[lang]
    doc = new_document(title="composition")
    tbl = table(doc, [8.0, 8.5], borders=False)
    cells = tbl.add_row().cells
    right = cells[1]
    if lang == "kk":
        first_cell_paragraph(right, "{{ akimat_genitive }}", align=CENTER)
        right.add_paragraph("{{ resolution_date_of }}").alignment = CENTER
        right.add_paragraph("№ {{ resolution_number }} қаулысына").alignment = CENTER
        right.add_paragraph("1-қосымша").alignment = CENTER
    else:
        first_cell_paragraph(right, "Приложение 1", align=CENTER)
        right.add_paragraph("к постановлению {{ akimat_genitive }}").alignment = CENTER
        right.add_paragraph("{{ resolution_date_of }} № {{ resolution_number }}").alignment = CENTER
    if lang == "kk":
        para(doc, "{{ body_name_genitive }} құрамы", bold=True, align=CENTER, before=24, after=18)
    else:
        para(doc, "Состав", bold=True, align=CENTER, before=24)
        para(doc, "{{ body_name_genitive }}", bold=True, align=CENTER, after=18)
    for group, role in (("head", "head_role"), ("deputies", "deputy_role"), ("secretary", "secretary_role")):
        tag(doc, f"{{%p for p in {group} %}}")
        para(doc, "{{ p.position }}, " + w[role] + "{% if p.note %} {{ p.note }}{% endif %};", align=JUSTIFY,
             first_line=1.25, after=6)
        tag(doc, "{%p endfor %}")
    para(doc, w["members_heading"], bold=True, align=LEFT, first_line=1.25, before=6, after=6, keep_next=True)
    tag(doc, "{%p for p in members %}")
    para(doc, "{{ p.position }}{% if p.note %} {{ p.note }}{% endif %}{% if p.last %}.{% else %};{% endif %}",
         align=JUSTIFY, first_line=1.25, after=6)
    tag(doc, "{%p endfor %}")
    return doc


def cell_lines(cell, lines: list[str], *, size: float = 12, align=None, bold: bool = False):
    """Paragraphs of one table cell, each one run (a {%p %} tag keeps a paragraph of its own)."""
    for index, text in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold or None
        if align is not None:
            paragraph.alignment = align


def loop_row(tbl, tag_text: str):
    """A table row that holds only a docxtpl {%tr ... %} tag; docxtpl removes the row when rendering."""
    cells = tbl.add_row().cells
    cells[0].paragraphs[0].add_run(tag_text)


def plan(lang: str):
    """The half-year work plan (§16-18), landscape for its five columns: approval, title, questions, changes."""
    w = W[lang]
    doc = new_document(landscape=True, title="plan")
    block = approval_block(doc, w)
    block.columns[0].width = Cm(16.2)   # landscape: the block keeps to the right
    block.rows[0].cells[0].width = Cm(16.2)
    para(doc, w["plan_title"], bold=True, align=CENTER, before=18)
    para(doc, w["plan_title_2"], bold=True, align=CENTER, after=12)
    widths = [1.1, 8.6, 6.2, 4.3, 6.0]
    tbl = table(doc, widths)
    header = tbl.add_row().cells
    for cell, text in zip(header, w["plan_columns"]):
        cell_lines(cell, [text], bold=True, align=CENTER)
    mark_header(tbl)
    loop_row(tbl, "{%tr for r in rows %}")
    cells = tbl.add_row().cells
    cell_lines(cells[0], ["{{ r.number }}"], align=CENTER)
    cell_lines(cells[1], ["{{ r.title }}"])
    cell_lines(cells[2], ["{{ r.responsible }}"])
    cell_lines(cells[3], ["{{ r.when }}",
                          "{%p if r.postponed_to %}", w["plan_postponed"], "{%p endif %}",
                          "{%p if r.excluded %}", w["plan_excluded"], "{%p endif %}",
                          "{%p if r.added_on %}", w["plan_added"], "{%p endif %}"], align=CENTER)
    cell_lines(cells[4], ["{{ r.proposed_by }}"])
    tbl.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))   # a question stays on one page
    loop_row(tbl, "{%tr endfor %}")
    para(doc, w["changes_heading"], bold=True, align=CENTER, before=18, after=6, keep_next=True)
    tag(doc, "{%p if changes %}")
    tbl = table(doc, [1.1, 8.1, 10.5, 6.5])
    header = tbl.add_row().cells
    for cell, text in zip(header, w["changes_columns"]):
        cell_lines(cell, [text], bold=True, align=CENTER)
    mark_header(tbl)
    loop_row(tbl, "{%tr for c in changes %}")
    cells = tbl.add_row().cells
    cell_lines(cells[0], ["{{ c.number }}"], align=CENTER)
    cell_lines(cells[1], ["{%p if c.action == 'exclude' %}", w["change_exclude"],
                          "{%p elif c.action == 'postpone' %}", w["change_postpone"],
                          "{%p else %}", w["change_add"], w["change_add_details"], "{%p endif %}"])
    cell_lines(cells[2], ["{{ c.basis_by }}{% if c.basis_working_body %} " + w["working_body_note"] + "{% endif %},"
                          " {{ c.basis_date }}",
                          "{%p if c.basis_text %}", "{{ c.basis_text }}", "{%p endif %}"])
    cell_lines(cells[3], ["{{ c.decided_by }}", "{{ c.decided_on }}"])
    loop_row(tbl, "{%tr endfor %}")
    tag(doc, "{%p else %}")
    keep_with_next(para(doc, w["no_changes"], align=CENTER))      # the line saying it was sent, on its page
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if sent_on %}")
    para(doc, w["plan_sent"], italic=True, align=JUSTIFY, before=12)
    tag(doc, "{%p endif %}")
    return doc


def mark_header(tbl):
    """The first row repeats at the top of every page the table runs over."""
    tr_pr = tbl.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


# ---------------------------------------------------------------- the yearly documents (§24, §28, §9.5, §26.7, §29)

RW = {
    "kk": {
        "register_title": "Штаб отырыстарының {{ year }} жылғы хаттамаларында берілген тапсырмалардың "
                          "орындалуын бақылау тізілімі",
        "register_as_of": "{{ as_of_of }} жағдай бойынша",
        "register_head": ["№ р/с", "Хаттаманың тармағы", "Тапсырманың мазмұны", "Жауапты орындаушылар",
                          "Орындау мерзімі", "Орындалу барысы", "Мерзімі өтті"],
        "totals_heading": "Жиыны",
        "totals": ["Тапсырмалардың барлығы", "Мерзімінде орындалды", "Мерзімі бұзылып орындалды",
                   "Мерзімі ұзартылды", "Орындалуда", "Мерзімі өткен", "Бақылаудан алынды",
                   "Хаттамаға қол қойылмаған"],
        "report_title": "Штабтың {{ year }} жылғы қызметі туралы ақпарат",
        "report_intro": "{{ body_name }} (бұдан әрі – Штаб) Штаб туралы ереженің (бұдан әрі – Ереже) "
                        "9-тармағының 5) тармақшасына және 26-тармағының 7) тармақшасына сәйкес {{ year }} жылғы "
                        "қызметі туралы ақпаратты ұсынады.",
        "s1": "1. Штаб отырыстары",
        "s1_text": "{{ year }} жылы Штабтың {{ summary.meetings }} отырысы өткізілді, олардың тоқсандар бойынша бөлінуі:",
        "quarter_head": ["Тоқсан", "Кезекті", "Кезектен тыс", "Барлығы"],
        "quarter_total": "Жыл бойынша барлығы",
        "s12_ok": "Ереженің 12-тармағына сәйкес кезекті отырыстар әр тоқсанда өткізілді.",
        "s12_missing": "Ереженің 12-тармағының талабына қарамастан, мына тоқсандарда кезекті отырыс өткізілмеді: "
                       "{{ missing_quarters }}.",
        "s2": "2. Қаралған мәселелер мен қабылданған шешімдер",
        "s2_rows": [("Отырыстарда қаралған мәселелер", "summary.questions"),
                    ("Қабылданған шешімдер (Ереженің 13-тармағы)", "summary.adopted"),
                    ("Қабылданбаған шешімдер", "summary.not_adopted"),
                    ("Штаб мүшелерінің ерекше пікірлері (Ереженің 14-тармағы)", "summary.dissents")],
        "s3": "3. Хаттамалық тапсырмалардың орындалуын бақылау (Ереженің 24, 28-тармақтары)",
        "s3_text": "{{ as_of_of }} жағдай бойынша:",
        "overdue_heading": "Мерзімі өткен тапсырмалар:",
        "overdue_line": "– {{ o.reference }}: {{ o.text }} {% if o.responsible_many %}Жауаптылар{% else %}Жауапты{% endif %}: "
                        "{{ o.responsible }}. Мерзімі: {{ o.deadline }}.",
        "s_plans": "4. Жұмыс жоспарларының орындалуы (Ереженің 16–18-тармақтары)",
        "plans_rows": [("Жартыжылдық жұмыс жоспарларына енгізілген мәселелер", "plans.planned"),
                       ("Штаб басшысының шешімімен жоспарларға қосылған мәселелер", "plans.added"),
                       ("Осы мәселелердің ішінде: отырыстарда қаралғаны", "plans.heard"),
                       ("келесі жылға ауыстырылғаны", "plans.postponed"),
                       ("жоспарлардан алып тасталғаны", "plans.excluded"),
                       ("ауыстыру немесе алып тастау туралы шешімсіз қаралмағаны", "plans.not_heard"),
                       ("Өткен жылдардың жоспарларынан осы жылға ауыстырылып, қаралған мәселелер",
                        "plans.heard_earlier"),
                       ("Кезекті отырыстарда жоспардан тыс қаралған мәселелер", "plans.unplanned")],
        "s4": "5. Штаб қызметін бағалау көрсеткіштері (Ереженің 29-тармағы)",
        "s4_text": "Көрсеткіштер {{ previous_year }} жылмен салыстырылып берілді; «Оң динамика» бағанында әр "
                   "көрсеткіштің қай өзгерісі жақсару деп есептелетіні көрсетілген.",
        "indicator_head": ["№", "Көрсеткіш", "{{ year }} ж.", "{{ previous_year }} ж.", "Өзгеріс", "Оң динамика",
                           "Бағалау"],
        "chart_caption": "Сурет. Көрсеткіштердің {{ previous_year }} жылмен салыстырғандағы өзгерісі",
    },
    "ru": {
        "register_title": "Реестр контроля исполнения поручений, данных в протоколах заседаний штаба, за {{ year }} год",
        "register_as_of": "по состоянию на {{ as_of_long }}",
        "register_head": ["№ п/п", "Пункт протокола", "Содержание поручения", "Ответственные исполнители",
                          "Срок исполнения", "Ход исполнения", "Просрочено"],
        "totals_heading": "Итого",
        "totals": ["Всего поручений", "Исполнено в срок", "Исполнено с нарушением срока", "Срок продлен",
                   "На исполнении", "Просрочено", "Снято с контроля", "Протокол не подписан"],
        "report_title": "Информация о деятельности штаба за {{ year }} год",
        "report_intro": "В соответствии с подпунктом 5) пункта 9 и подпунктом 7) пункта 26 Положения о штабе (далее – "
                        "Положение) представляется информация о деятельности {{ body_name_genitive }} (далее – штаб) "
                        "за {{ year }} год.",
        "s1": "1. Заседания штаба",
        "s1_text": "В {{ year }} году проведено заседаний штаба: {{ summary.meetings }}, в том числе по кварталам:",
        "quarter_head": ["Квартал", "Очередные", "Внеочередные", "Всего"],
        "quarter_total": "Итого за год",
        "s12_ok": "Очередные заседания проведены в каждом квартале, как того требует пункт 12 Положения.",
        "s12_missing": "Вопреки требованию пункта 12 Положения очередное заседание не проведено в следующих "
                       "кварталах: {{ missing_quarters }}.",
        "s2": "2. Рассмотренные вопросы и принятые решения",
        "s2_rows": [("Рассмотрено вопросов на заседаниях", "summary.questions"),
                    ("Принято решений (пункт 13 Положения)", "summary.adopted"),
                    ("Не принято решений", "summary.not_adopted"),
                    ("Особые мнения членов штаба (пункт 14 Положения)", "summary.dissents")],
        "s3": "3. Контроль исполнения протокольных поручений (пункты 24, 28 Положения)",
        "s3_text": "По состоянию на {{ as_of_long }}:",
        "overdue_heading": "Просроченные поручения:",
        "overdue_line": "– {{ o.reference }}: {{ o.text }} {% if o.responsible_many %}Ответственные{% else %}Ответственный{% endif %}: "
                        "{{ o.responsible }}. Срок: {{ o.deadline }}.",
        "s_plans": "4. Исполнение планов работы (пункты 16–18 Положения)",
        "plans_rows": [("Включено вопросов в полугодовые планы работы", "plans.planned"),
                       ("Добавлено вопросов в планы решением руководителя штаба", "plans.added"),
                       ("Из этих вопросов: рассмотрено на заседаниях", "plans.heard"),
                       ("перенесено на следующий год", "plans.postponed"),
                       ("исключено из планов", "plans.excluded"),
                       ("не рассмотрено без решения о переносе или исключении", "plans.not_heard"),
                       ("Рассмотрено вопросов планов прошлых лет, перенесенных на этот год",
                        "plans.heard_earlier"),
                       ("Рассмотрено вопросов вне плана на очередных заседаниях", "plans.unplanned")],
        "s4": "5. Показатели оценки деятельности штаба (пункт 29 Положения)",
        "s4_text": "Показатели приведены в сравнении с {{ previous_year }} годом; в графе «Лучшая динамика» указано, "
                   "какое изменение показателя считается улучшением.",
        "indicator_head": ["№", "Показатель", "{{ year }} г.", "{{ previous_year }} г.", "Изменение",
                           "Лучшая динамика", "Оценка"],
        "chart_caption": "Рисунок. Изменение показателей по сравнению с {{ previous_year }} годом",
    },
}
TOTAL_FIELDS = ["total", "done_on_time", "done_late", "extended", "in_progress", "overdue", "removed", "not_signed"]


def figures_table(doc, rows: list[tuple[str, str]]):
    """A two-column table of labelled counts (wording in the template, the counts from the context)."""
    tbl = table(doc, [13.0, 3.5], size=12)
    for label, value in rows:
        row(tbl, [label, "{{ " + value + " }}"])
        tbl.rows[-1].cells[1].paragraphs[0].alignment = CENTER
    return tbl


def signer_block(doc, who: str, executor: bool = False):
    tbl = table(doc, [9.5, 7.0], borders=False)
    signer_row(tbl, who, "____________")
    if executor:   # the letter's executor line, in the same block
        templates_between.executor_row(tbl)
    return keep_whole(tbl)


def register(lang: str):
    """The control register (§24, §28): a landscape table of every assignment, totals at the end."""
    w = RW[lang]
    doc = new_document(landscape=True, title="register")
    para(doc, "{{ body_name }}", bold=True, align=CENTER)
    para(doc, w["register_title"], bold=True, align=CENTER, before=6)
    para(doc, w["register_as_of"], italic=True, align=CENTER, after=12)
    # 11 pt at least; «№ п/п» on one line; a date's day and month, which never part (grammar/dates.py), fit the
    # reference and deadline columns in the longest case: «30 желтоқсандағы», «31 желтоқсанға»
    tbl = table(doc, [1.2, 3.7, 6.3, 4.6, 3.2, 4.3, 2.9], size=11)
    row(tbl, w["register_head"], bold=True, align=CENTER, header=True)
    loop_rows(tbl, "for r in rows", ["{{ r.number }}", "{{ r.reference }}", "{{ r.text }}",
                                     "{{ r.responsible }}", "{{ r.due }}", "{{ r.status }}", "{{ r.overdue }}"])
    status_cell = tbl.rows[-2].cells[5]
    note = status_cell.add_paragraph()
    run = note.add_run("{% if r.note %}{{ r.note }}{% endif %}")
    run.italic = True
    run.font.size = Pt(11)
    para(doc, w["totals_heading"], bold=True, before=12, after=6, keep_next=True)
    totals = table(doc, [10.0, 3.0], size=12)
    totals.alignment = 0
    for label, key in zip(w["totals"], TOTAL_FIELDS):
        row(totals, [label, "{{ totals." + key + " }}"])
        totals.rows[-1].cells[1].paragraphs[0].alignment = CENTER
    keep_whole(totals, with_next=True)           # «Итого» on one page, and with the signature below it
    keep_with_next(para(doc, "", before=18))
    tag(doc, "{%p if secretary %}")
    signer_block(doc, "secretary")
    tag(doc, "{%p endif %}")
    return doc


def annual_report(lang: str):
    """The annual report to the authorized body (§9.5, §26.7): meetings, decisions, assignments, §29 indicators."""
    w = RW[lang]
    doc = new_document(title="annual report")
    tbl = table(doc, [8.0, 8.5], borders=False)
    cells = tbl.add_row().cells
    # the sender's requisites (the akimat, its seat, the outgoing number and date), the addressee in the dative
    first_cell_paragraph(cells[0], "{{ sender }}", bold=True, align=CENTER)
    cells[0].add_paragraph("{{ seat }}").alignment = CENTER
    cells[0].add_paragraph("{% if outgoing_number %}{{ outgoing_date|replace(' ', '\u00a0') }}\u00a0№\u00a0{{ outgoing_number }}"
                           "{% else %}______________\u00a0№\u00a0______________{% endif %}").alignment = CENTER
    cells[0].paragraphs[-1].paragraph_format.space_before = Pt(12)
    first_cell_paragraph(cells[1], "{{ addressee }}", bold=True, align=CENTER)
    para(doc, w["report_title"], bold=True, align=CENTER, before=24, after=12)
    para(doc, w["report_intro"], align=JUSTIFY, first_line=1.25, after=6)
    para(doc, w["s1"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    para(doc, w["s1_text"], align=JUSTIFY, first_line=1.25, after=6, keep_next=True)
    quarters = table(doc, [5.5, 3.5, 3.5, 3.5], size=12)
    row(quarters, w["quarter_head"], bold=True, align=CENTER, header=True)
    loop_rows(quarters, "for q in quarters", ["{{ q.name }}", "{{ q.regular }}", "{{ q.extraordinary }}",
                                              "{{ q.total }}"])
    row(quarters, [w["quarter_total"], "{{ quarters_total.regular }}", "{{ quarters_total.extraordinary }}",
                   "{{ quarters_total.total }}"], bold=True)
    for table_row in quarters.rows[2:]:
        for cell in table_row.cells[1:]:
            cell.paragraphs[0].alignment = CENTER
    tag(doc, "{%p if missing_quarters %}")
    para(doc, w["s12_missing"], bold=True, align=JUSTIFY, first_line=1.25, before=6)
    tag(doc, "{%p else %}")
    para(doc, w["s12_ok"], align=JUSTIFY, first_line=1.25, before=6)
    tag(doc, "{%p endif %}")
    para(doc, w["s2"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    figures_table(doc, w["s2_rows"])
    para(doc, w["s3"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    para(doc, w["s3_text"], align=JUSTIFY, first_line=1.25, after=6, keep_next=True)
    figures_table(doc, [(label, "assignments." + key) for label, key in zip(RW[lang]["totals"], TOTAL_FIELDS)])
    tag(doc, "{%p if overdue %}")
    para(doc, w["overdue_heading"], bold=True, first_line=1.25, before=6, keep_next=True)
    tag(doc, "{%p for o in overdue %}")
    para(doc, w["overdue_line"], align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(doc, w["s_plans"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    figures_table(doc, w["plans_rows"])
    para(doc, w["s4"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    para(doc, w["s4_text"], align=JUSTIFY, first_line=1.25, after=6)
    # at 11 pt the verdict («жақсарды», «нашарлады», «ухудшение») needs 2.6 cm to stay one word, a figure 2.1
    # («38 мектептің»), the change 2.4 («−0,8 п. п.», «Изменение»); «Оң динамика» takes two lines in 2.2
    indicators = table(doc, [0.8, 4.3, 2.1, 2.1, 2.4, 2.2, 2.6], size=11)
    row(indicators, w["indicator_head"], bold=True, align=CENTER, header=True)
    loop_rows(indicators, "for i in indicators", ["{{ i.number }}", "{{ i.name }}", "{{ i.value }}",
                                                  "{{ i.previous }}", "{{ i.change }}", "{{ i.better }}",
                                                  "{{ i.verdict }}"])
    for cell in indicators.rows[-2].cells[2:]:
        cell.paragraphs[0].alignment = CENTER
    para(doc, "{{ chart }}", align=CENTER, before=12, keep_next=True)
    keep_with_next(para(doc, w["chart_caption"], italic=True, align=CENTER, after=12), para(doc, "", before=12))
    signer_block(doc, "signer", executor=True)
    return doc


DOCUMENTS = {"agenda": agenda, "protocol": protocol, "composition": composition, "plan": plan,
             "register": register, "annual_report": annual_report, **templates_between.DOCUMENTS,
             **templates_region.DOCUMENTS}


def main(argv: list[str]) -> int:
    force = "--force" in argv
    names = [a for a in argv if not a.startswith("--")] or list(DOCUMENTS)
    TEMPLATES.mkdir(exist_ok=True)
    for name in names:
        for lang in ("kk", "ru"):
            path = TEMPLATES / f"{name}.{lang}.docx"
            if path.exists() and not force:
                print(f"kept {path.relative_to(ROOT)} (use --force to rewrite it)")
                continue
            doc = DOCUMENTS[name](lang)
            set_language(doc, lang)
            save_template(doc, path)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
