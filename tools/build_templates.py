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

from docxbuild import (CENTER, JUSTIFY, LEFT, RIGHT, first_cell_paragraph, new_document, page_break,  # noqa: E402
                       para, runs, table, tag)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates_docx"

# ---------------------------------------------------------------- wording, side by side

W = {
    "kk": {
        "approve": "БЕКІТЕМІН",
        "when": "Өткізілетін күні мен уақыты:",
        "at_time": "сағат",
        "where": "Өткізілетін орны:",
        "speakers": "Баяндамашылар:",
        "invited": "Отырысқа шақырылғандар:",
        "number_sign": "№",
        "time": "Уақыты:",
        "place": "Өткізілген орны:",
        "chair": "Төрағалық еткен:",
        "chair_acting": "(Штаб басшысы болмаған кезде оның міндеттерін атқарушы, Ереженің 25-тармағының 3) тармақшасы)",
        "present": "Қатысқан Штаб мүшелері:",
        "secretary": "Штаб хатшысы:",
        "absent": "Қатыспаған Штаб мүшелері:",
        "stand_ins": "Штаб мүшелерінің орнына қатысқандар (кворумға есептелмейді, дауыс бермейді, Ереженің 20-тармағы):",
        "guests": "Шақырылғандар:",
        "agenda": "КҮН ТӘРТІБІ:",
        "urgent": "Отырыс Штаб басшысының тапсырмасы бойынша шұғыл түрде өткізілді (Ереженің 22-тармағы).",
        "heard": "ТЫҢДАЛДЫ:",
        "decided": "ШЕШТІ:",
        "responsible": "Жауаптылар:",
        "due": "Мерзімі:",
        "dissent_ref": "Ерекше пікір жазбаша баяндалып, хаттамаға {{ n }}-қосымшада берілді (Ереженің 14-тармағы).",
        "appendix": "Хаттамаға {{ a.number }}-қосымша",
        "appendix_of": "{{ date_of }} № {{ number }} хаттамаға",
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
    },
    "ru": {
        "approve": "УТВЕРЖДАЮ",
        "when": "Дата и время проведения:",
        "at_time": "в",
        "where": "Место проведения:",
        "speakers": "Докладчики:",
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
        "urgent": "Заседание проведено в срочном порядке по поручению руководителя штаба (пункт 22 Положения).",
        "heard": "СЛУШАЛИ:",
        "decided": "РЕШИЛИ:",
        "responsible": "Ответственные:",
        "due": "Срок:",
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


def body_heading(doc, caption: str):
    para(doc, "{{ body_name }}", bold=True, align=CENTER, before=12)
    para(doc, caption, bold=True, align=CENTER, after=12)


def signature_table(doc, w):
    tbl = table(doc, [8.5, 8.0], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{{ signer.title }}", bold=True)
    cells[0].add_paragraph("{{ signer.position }}")
    first_cell_paragraph(cells[1], "")
    cells[1].add_paragraph("_______________ {{ signer.name }}").alignment = RIGHT
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{% if secretary_signature %}{{ secretary_signature.title }}{% endif %}", bold=True)
    first_cell_paragraph(cells[1], "{% if secretary_signature %}_______________ {{ secretary_signature.name }}{% endif %}",
                         align=RIGHT)
    for cell in tbl.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(24)


def person_list(doc, collection: str, extra: str = ""):
    tag(doc, f"{{%p for p in {collection} %}}")
    para(doc, "– {{ p.position }}{% if p.name %} {{ p.name }}{% endif %}" + extra, align=LEFT, left=0.5)
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
    para(doc, w["invited"], bold=True, before=12)
    person_list(doc, "invited", ";")
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
    para(doc, w["chair"], bold=True, before=6)
    para(doc, "{{ chair.position }}{% if chair.name %} {{ chair.name }}{% endif %}", align=LEFT, left=0.5)
    tag(doc, "{%p if chair_is_deputy %}")
    para(doc, w["chair_acting"], italic=True, align=JUSTIFY, left=0.5)
    tag(doc, "{%p endif %}")
    para(doc, w["present"], bold=True, before=6)
    person_list(doc, "present", ";")
    tag(doc, "{%p if secretary %}")
    runs(doc, [(w["secretary"] + " ", True),
               ("{{ secretary.position }}{% if secretary.name %} {{ secretary.name }}{% endif %}.", False)],
         before=6, align=JUSTIFY)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if absent %}")
    para(doc, w["absent"], bold=True, before=6)
    tag(doc, "{%p for a in absent %}")
    para(doc, "– {{ a.person.position }}{% if a.person.name %} {{ a.person.name }}{% endif %} — {{ a.reason }};",
         align=LEFT, left=0.5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if stand_ins %}")
    para(doc, w["stand_ins"], bold=True, before=6)
    tag(doc, "{%p for s in stand_ins %}")
    para(doc, "– {{ s }};", align=LEFT, left=0.5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if invited %}")
    para(doc, w["guests"], bold=True, before=6)
    person_list(doc, "invited", ";")
    tag(doc, "{%p endif %}")
    para(doc, "{{ quorum }}.", bold=True, align=JUSTIFY, first_line=1.25, before=12)
    tag(doc, "{%p if urgent %}")
    para(doc, w["urgent"], align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    para(doc, w["agenda"], bold=True, align=CENTER, before=12, after=6)
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
    para(doc, "{{ d.number }}. {{ d.text }}", align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p if d.responsible or d.due %}")
    para(doc, "{% if d.responsible %}" + w["responsible"] + " {{ d.responsible }}.{% endif %}"
         "{% if d.responsible and d.due %} {% endif %}"
         "{% if d.due %}" + w["due"] + " {{ d.due }}.{% endif %}", italic=True, align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if d.vote %}")
    para(doc, "{{ d.vote }}. {{ d.outcome }}.", align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if q.vote %}")
    para(doc, "{{ q.vote }}.", align=JUSTIFY, first_line=1.25, before=6)
    para(doc, "{{ q.outcome }}.", bold=True, align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for n in q.dissent_appendices %}")
    para(doc, w["dissent_ref"], italic=True, align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, "", before=18)
    signature_table(doc, w)
    tag(doc, "{%p for a in appendices %}")
    page_break(doc)
    para(doc, w["appendix"], align=RIGHT)
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
    para(doc, w["members_heading"], bold=True, align=LEFT, first_line=1.25, before=6, after=6)
    tag(doc, "{%p for p in members %}")
    para(doc, "{{ p.position }}{% if p.note %} {{ p.note }}{% endif %}{% if p.last %}.{% else %};{% endif %}",
         align=JUSTIFY, first_line=1.25, after=6)
    tag(doc, "{%p endfor %}")
    return doc


DOCUMENTS = {"agenda": agenda, "protocol": protocol, "composition": composition}


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
            DOCUMENTS[name](lang).save(path)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
