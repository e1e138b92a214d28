"""Templates of the documents between meetings: notice, extract, reminder, status report.

Laid out by `tools/build_templates.py` like the others; each document is one
function, the wording of both languages side by side in `BW`.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.shared import Pt
from docxbuild import (
    CENTER,
    JUSTIFY,
    LEFT,
    LIST_END,
    RIGHT,
    first_cell_paragraph,
    keep_whole,
    keep_with_next,
    new_document,
    para,
    row,
    runs,
    table,
    tag,
)

BW = {
    "kk": {
        "to_members": "Штаб мүшелеріне,",
        "to_invited": "отырысқа шақырылғандарға",
        "notice_title": "ХАБАРЛАМА",
        "notice_text": "{{ body_name_genitive }} {% if extraordinary %}кезектен тыс {% endif %}отырысы төменде "
                       "көрсетілген күні, уақытында және орнында өтетінін хабарлаймыз.",
        "when": "Өткізілетін күні мен уақыты:",
        "at_time": "{% if time %}, сағат {{ time }}{% endif %}",
        "where": "Өткізілетін орны:",
        "agenda": "КҮН ТӘРТІБІ:",
        "speakers": "{% if q.speakers|length > 1 %}Баяндамашылар:{% else %}Баяндамашы:{% endif %}",
        "materials": "Отырыс материалдары (Ереженің 22-тармағы):",
        "materials_head": ["Мәселе №", "Материалды енгізген", "Күні", "Тілі"],
        "lang_kk": "мемлекеттік",
        "lang_ru": "орыс",
        "materials_attached": "Материалдар осы хабарламаға қоса беріледі (Ереженің 22, 26-тармақтары).",
        "urgent": "{% if urgent_by_head %}Отырыс Штаб басшысының тапсырмасы бойынша шұғыл түрде өткізіледі: "
                  "материалдар отырыс қатысушыларына тікелей отырыста беріледі (Ереженің 22-тармағы)."
                  "{% else %}Отырыс шұғыл түрде өткізіледі (Ереженің 22-тармағы).{% endif %}",
        "invited": "Отырысқа шақырылғандар:",
        "confirm": "Отырысқа қатысуыңызды {% if confirm_by %}{{ confirm_by }}{% else %}дереу{% endif %} Штаб "
                   "хатшысына растауды сұраймыз. Штаб "
                   "мүшелері отырыстарға ауыстыру құқығынсыз қатысады (Ереженің 20-тармағы); қатыса алмаған "
                   "жағдайда себебін алдын ала хабарлаңыз.",
        "extract_title": "ҮЗІНДІ",
        "extract_of": "{{ body_name_genitive }} {% if extraordinary %}кезектен тыс {% endif %}отырысының "
                      "{{ date_of }} № {{ number }} хаттамасынан",
        "decided": "ШЕШТІ:",
        "responsible": "{% if d.responsible_many %}Жауаптылар:{% else %}Жауапты:{% endif %}",
        "due": "Мерзімі:",
        "extract_note": "Үзінді орындау үшін жіберіледі (Ереженің 23-тармағы). Орындалуы туралы ақпаратты "
                        "Штабтың жұмыс органына ({{ working_body }}) мына мерзімде ұсынуды сұраймыз: {{ reply }} "
                        "(Ереженің 24-тармағы).",
        "certified": "Дұрыс:",
        "reminder_title": "Хаттамалық тапсырмалардың орындалу барысы туралы",
        "reminder_text": "Штаб туралы ереженің 24, 28-тармақтарына және 27-тармағының 1) тармақшасына сәйкес "
                         "{{ body_name_genitive }} хаттамаларымен {% if plural_addressee %}Сіздерге{% else %}Сізге{% endif %} берілген, {{ as_of_of }} жағдай бойынша "
                         "орындалмаған, мерзімі өтіп кеткен немесе {{ window_end }} (қоса алғанда) келетін "
                         "тапсырмалардың орындалу барысы туралы ақпаратты {{ reply_by }} Штабтың жұмыс органына "
                         "({{ working_body }}) ұсынуды сұраймыз.",
        "reminder_head": ["№", "Тапсырма", "Тапсырманың мазмұны", "Орындау мерзімі"],
        "overdue_mark": "мерзімі өтіп кеткен",
        "extended_mark": "(ұзартылған мерзім)",
        "periodic": "Мерзімді (тұрақты) орындалатын тапсырмалар:",
        "periodic_reply": "Мерзімді тапсырмалар бойынша ақпаратты {{ periodic_reply }} ұсынуды сұраймыз.",
        "overdue_note": "{% if overdue > 1 %}Мерзімі өтіп кеткен {{ overdue }} тапсырма бойынша орындалмау "
                        "себептерін және оларды орындаудың нақты мерзімін көрсетуді сұраймыз.{% elif overdue %}Мерзімі "
                        "өтіп кеткен тапсырма бойынша орындалмау себебін және оны орындаудың нақты мерзімін "
                        "көрсетуді сұраймыз.{% endif %}",
        "status_title": "Штаб отырыстары хаттамаларының тапсырмаларын орындау туралы",
        "status_title_2": "АНЫҚТАМА",
        "status_as_of": "{{ as_of_of }} жағдай бойынша (Ереженің 24, 28-тармақтары)",
        "status_totals": "Барлық тапсырмалар",
        "status_body": "Жауапты орган",
        "status_head": ["Мерзімінде орындалды", "Мерзімі бұзылып орындалды", "Мерзімі ұзартылды", "Орындалуда",
                        "Мерзімі өткен", "Бақылаудан алынды", "Хаттамаға қол қойылмаған", "Барлығы"],
        "status_details": "Жауапты органдар бойынша тапсырмалар",
        "status_lines_head": ["Тапсырма", "Тапсырманың мазмұны", "Орындау мерзімі", "Жай-күйі"],
        "status_none": "Осы күнге дейін хаттамалық тапсырмалар берілмеген.",
    },
    "ru": {
        "to_members": "Членам штаба,",
        "to_invited": "приглашенным на заседание",
        "notice_title": "ИЗВЕЩЕНИЕ",
        "notice_text": "Сообщаем, что {% if extraordinary %}внеочередное {% endif %}заседание "
                       "{{ body_name_genitive }} состоится в день, время и месте, указанных ниже.",
        "when": "Дата и время проведения:",
        "at_time": "{% if time %}, в {{ time }}{% endif %}",
        "where": "Место проведения:",
        "agenda": "ПОВЕСТКА ДНЯ:",
        "speakers": "{% if q.speakers|length > 1 %}Докладчики:{% else %}Докладчик:{% endif %}",
        "materials": "Материалы к заседанию (пункт 22 Положения):",
        "materials_head": ["Вопрос №", "Кем представлены", "Дата", "Язык"],
        "lang_kk": "государственный",
        "lang_ru": "русский",
        "materials_attached": "Материалы прилагаются к настоящему извещению (пункты 22, 26 Положения).",
        "urgent": "{% if urgent_by_head %}Заседание проводится в срочном порядке по поручению руководителя штаба: "
                  "материалы будут вручены участникам непосредственно на заседании (пункт 22 Положения)."
                  "{% else %}Заседание проводится в срочном порядке (пункт 22 Положения).{% endif %}",
        "invited": "Приглашенные на заседание:",
        "confirm": "Просим {% if not confirm_by %}незамедлительно {% endif %}подтвердить участие в заседании "
                   "секретарю штаба{% if confirm_by %} {{ confirm_by }}{% endif %}. Члены штаба "
                   "участвуют в заседаниях без права замены (пункт 20 Положения); о невозможности участия "
                   "просим сообщить заранее с указанием причины.",
        "extract_title": "ВЫПИСКА ИЗ ПРОТОКОЛА",
        "extract_of": "{% if extraordinary %}внеочередного {% endif %}заседания {{ body_name_genitive }}",
        "decided": "РЕШИЛИ:",
        "responsible": "{% if d.responsible_many %}Ответственные:{% else %}Ответственный:{% endif %}",
        "due": "Срок:",
        "extract_note": "Выписка направляется для исполнения (пункт 23 Положения). Информацию об "
                        "исполнении просим представить в рабочий орган штаба ({{ working_body }}) в срок: "
                        "{{ reply }} (пункт 24 Положения).",
        "certified": "Верно:",
        "reminder_title": "О ходе исполнения протокольных поручений",
        "reminder_text": "В соответствии с пунктами 24, 28 и подпунктом 1) пункта 27 Положения о штабе просим "
                         "представить в рабочий орган штаба ({{ working_body }}) {{ reply_by }} информацию о ходе "
                         "исполнения "
                         "поручений, данных Вам протоколами {{ body_name_genitive }}, не исполненных по состоянию "
                         "на {{ as_of_long }}, срок которых истек или наступает {{ window_end }} включительно.",
        "reminder_head": ["№", "Поручение", "Содержание поручения", "Срок исполнения"],
        "overdue_mark": "просрочено",
        "extended_mark": "(продленный срок)",
        "periodic": "Поручения с периодическим (постоянным) сроком исполнения:",
        "periodic_reply": "Информацию по поручениям с периодическим сроком исполнения просим представлять "
                          "{{ periodic_reply }}.",
        "overdue_note": "{% if overdue > 1 %}По просроченным поручениям ({{ overdue }}) просим указать причины "
                        "неисполнения и конкретный срок их исполнения.{% elif overdue %}По просроченному поручению "
                        "просим указать причины неисполнения и конкретный срок его исполнения.{% endif %}",
        "status_title": "об исполнении поручений, данных в протоколах заседаний штаба",
        "status_title_2": "СПРАВКА",
        "status_as_of": "по состоянию на {{ as_of_long }} (пункты 24, 28 Положения)",
        "status_totals": "Всего поручений",
        "status_body": "Ответственный орган",
        "status_head": ["Исполнено в срок", "Исполнено с нарушением срока", "Срок продлен", "На исполнении",
                        "Просрочено", "Снято с контроля", "Протокол не подписан", "Всего"],
        "status_details": "Поручения по ответственным органам",
        "status_lines_head": ["Поручение", "Содержание поручения", "Срок исполнения", "Состояние"],
        "status_none": "На эту дату поручения протоколами не давались.",
    },
}


def letterhead(doc, addressee_lines: list[str]):
    """The sender at the left (the Штаб at the akimat, its seat, the outgoing date and number), the addressee at right.

    The outgoing number is given by the akimat's registry when it registers the letter, so its place is
    left as a line to fill in (as on the annual report without `outgoing`); the date is the day it is sent.
    """
    tbl = table(doc, [8.0, 8.5], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{{ sender.akimat }}", bold=True, size=12)
    for text in ("{{ sender.body_name }}", "{{ sender.seat }}", "{% if sender.date %}{{ sender.date|replace(' ', '\u00a0') }}{% else %}__________{% endif %}\u00a0№\u00a0__________"):
        paragraph = cells[0].add_paragraph()
        paragraph.add_run(text).font.size = Pt(11 if text == "{{ sender.body_name }}" else 12)
    first_cell_paragraph(cells[1], addressee_lines[0], bold=True)
    for text in addressee_lines[1:]:
        cells[1].add_paragraph().add_run(text).bold = True
    return tbl


def executor_row(tbl, date: str = ""):
    """The executor line at the foot of a letter, «Исп.: Г. Абенова, тел. …» / «Орынд.: …» (body.yaml secretary),
    as the last row of its signature block, so that the block and the line stay on one page; `date` (an extract's
    certification date) goes in a row of its own above it, at the right."""
    if date:
        cells = tbl.add_row().cells
        first_cell_paragraph(cells[1], date, align=RIGHT)
    cells = tbl.add_row().cells
    paragraph = first_cell_paragraph(cells[0], "{{ executor }}", size=11)
    paragraph.paragraph_format.space_before = Pt(24)


def signature(doc, who: str, *, label: str = "", before: float = 18, with_next: bool = False,
              executor: bool = False, date: str = ""):
    """A signature row: the title and position at the left, the line and name at the right; `executor`: with the
    letter's executor line (and the `date` of a certification) as rows of the same block."""
    tbl = table(doc, [9.5, 7.0], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], (label + " " if label else "") + "{{ " + who + ".title }}", bold=True)
    cells[0].add_paragraph("{{ " + who + ".position }}")
    first_cell_paragraph(cells[1], "")
    cells[1].add_paragraph("_______________ {{ " + who + ".name }}").alignment = RIGHT
    for cell in tbl.rows[0].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(before)
    if executor:
        executor_row(tbl, date)
    return keep_whole(tbl, with_next=with_next)


def notice(lang: str):
    """The notice of a meeting (§22, §26.4): to the members and the invited, signed by the secretary."""
    w = BW[lang]
    doc = new_document(title="notice")
    letterhead(doc, [w["to_members"], w["to_invited"]])
    para(doc, w["notice_title"], bold=True, align=CENTER, before=18, size=16)
    para(doc, w["notice_text"], align=JUSTIFY, first_line=1.25, before=12, after=6)
    tag(doc, "{%p if called_by %}")
    para(doc, "{{ called_by }}.", align=JUSTIFY, first_line=1.25, after=6)
    tag(doc, "{%p endif %}")
    runs(doc, [(w["when"] + " ", True), ("{{ date_long }}" + w["at_time"], False)], first_line=1.25)
    runs(doc, [(w["where"] + " ", True), ("{{ place }}", False)], first_line=1.25, align=JUSTIFY, after=6)
    para(doc, w["agenda"], bold=True, align=CENTER, before=6, after=6, keep_next=True)
    tag(doc, "{%p for q in questions %}")
    para(doc, "{{ q.number }}. {{ q.title }}", bold=True, align=JUSTIFY, first_line=1.25, before=6, keep_next=True)
    tag(doc, "{%p if q.speakers %}")
    runs(doc, [(w["speakers"] + " ", False), ("{{ q.speakers|join('; ') }}.", False)], align=JUSTIFY,
         first_line=1.25)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if materials %}")
    para(doc, w["materials"], bold=True, before=12, after=6, keep_next=True)
    tbl = table(doc, [1.9, 7.6, 2.8, 4.2], size=12)
    row(tbl, w["materials_head"], bold=True, align=CENTER, header=True)
    row(tbl, ["{%tr for m in materials %}", "", "", ""])
    row(tbl, ["{{ m.question }}", "{{ m.source }}", "{{ m.submitted }}",
              "{% if m.kk %}" + w["lang_kk"] + "{% endif %}{% if m.kk and m.ru %}, {% endif %}"
              "{% if m.ru %}" + w["lang_ru"] + "{% endif %}"])
    for index in (0, 2):
        tbl.rows[-1].cells[index].paragraphs[0].alignment = CENTER
    tbl.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    row(tbl, ["{%tr endfor %}", "", "", ""])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if urgent %}")
    para(doc, w["urgent"], align=JUSTIFY, first_line=1.25, before=6)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if materials and not urgent_by_head %}")
    para(doc, w["materials_attached"], align=JUSTIFY, first_line=1.25, before=6)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if invited %}")
    para(doc, w["invited"], bold=True, before=12, keep_next=True)
    tag(doc, "{%p for p in invited %}")
    para(doc, "– {{ p.position }}{% if p.name %} {{ p.name }}{% endif %}" + LIST_END, align=LEFT, left=0.5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    keep_with_next(para(doc, w["confirm"], align=JUSTIFY, first_line=1.25, before=12))
    tag(doc, "{%p if signer %}")
    signature(doc, "signer", executor=True)
    tag(doc, "{%p endif %}")
    return doc


def extract(lang: str):
    """An extract from a protocol (§23): one body's decisions, the signer, the secretary's certification."""
    w = BW[lang]
    doc = new_document(title="extract")
    letterhead(doc, ["{{ addressee }}"])
    if lang == "kk":   # «… отырысының 2027 жылғы 11 наурыздағы № 1 хаттамасынан ҮЗІНДІ»: «хаттама» once
        para(doc, w["extract_of"], bold=True, align=CENTER, before=18)
        para(doc, w["extract_title"], bold=True, align=CENTER, after=6, size=16)
    else:
        para(doc, w["extract_title"], bold=True, align=CENTER, before=18, size=16)
        para(doc, w["extract_of"], bold=True, align=CENTER, after=6)
    tbl = table(doc, [8.0, 8.5], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{{ sender.seat }}")
    first_cell_paragraph(cells[1], "{{ date_long }} № {{ number }}", align=RIGHT)
    tag(doc, "{%p for q in questions %}")
    para(doc, "{{ q.number }}. {{ q.title }}", bold=True, align=JUSTIFY, first_line=1.25, before=12, keep_next=True)
    para(doc, w["decided"], bold=True, before=6, keep_next=True)
    tag(doc, "{%p for d in q.decisions %}")
    para(doc, "{{ d.number }}. {{ d.text }}", align=JUSTIFY, first_line=1.25)
    para(doc, "{% if d.responsible %}" + w["responsible"] + " {{ d.responsible }}.{% endif %}"
         "{% if d.responsible and d.due %} {% endif %}"
         "{% if d.due %}" + w["due"] + " {{ d.due }}.{% endif %}", italic=True, align=JUSTIFY, first_line=1.25,
         after=6)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    keep_with_next(para(doc, w["extract_note"], italic=True, align=JUSTIFY, first_line=1.25, before=6))
    tbl = table(doc, [9.5, 7.0], borders=False)
    cells = tbl.add_row().cells
    first_cell_paragraph(cells[0], "{{ signer.title }}", bold=True)
    cells[0].add_paragraph("{{ signer.position }}")
    first_cell_paragraph(cells[1], "")
    cells[1].add_paragraph("{{ signer.name }}").alignment = RIGHT
    for cell in tbl.rows[0].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(18)
    keep_whole(tbl, with_next=True)                   # the signer and the certification («Верно») together
    tag(doc, "{%p if certifier %}")
    signature(doc, "certifier", label=w["certified"], executor=True, date="{{ certified_on }}")
    tag(doc, "{%p endif %}")
    return doc


def last_row_kept_with_next(tbl, loop: str, add_row):
    """A docxtpl row loop whose last row is kept with what follows (a signature never alone on a page): the row
    `add_row(tbl)` makes, twice, under {%tr if loop.last %} with every paragraph kept with the next, and plain."""
    width = len(tbl.columns)
    row(tbl, ["{%tr " + loop + " %}"] + [""] * (width - 1))
    row(tbl, ["{%tr if loop.last %}"] + [""] * (width - 1))
    add_row(tbl)
    for cell in tbl.rows[-1].cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
    row(tbl, ["{%tr else %}"] + [""] * (width - 1))
    add_row(tbl)
    row(tbl, ["{%tr endif %}"] + [""] * (width - 1))
    row(tbl, ["{%tr endfor %}"] + [""] * (width - 1))
    return tbl


def assignment_rows(doc, w, collection: str):
    """The table of a reminder's assignments: number, id, protocol, text, deadline with its marks."""
    tbl = table(doc, [0.9, 4.2, 8.0, 3.4], size=11)
    row(tbl, w["reminder_head"], bold=True, align=CENTER, header=True)

    def assignment(tbl):
        cells = row(tbl, ["{{ r.number }}", "{{ r.reference }}", "{{ r.text }}", "{{ r.due }}"])
        tbl.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        extra = cells[3].add_paragraph()
        extra.add_run("{% if r.extended %}" + w["extended_mark"] + "{% endif %}").font.size = Pt(11)
        mark = cells[3].add_paragraph()
        run = mark.add_run("{% if r.overdue %}" + w["overdue_mark"] + "{% endif %}")
        run.bold = True
        run.font.size = Pt(11)
        for index in (0, 3):
            for paragraph in cells[index].paragraphs:
                paragraph.alignment = CENTER

    return last_row_kept_with_next(tbl, "for r in " + collection, assignment)


def reminder(lang: str):
    """A reminder (§24, §27.1): to one body, its open assignments due within the window, the reply date."""
    w = BW[lang]
    doc = new_document(title="reminder")
    letterhead(doc, ["{{ addressee }}"])
    para(doc, w["reminder_title"], bold=True, align=CENTER, before=18, after=12)
    para(doc, w["reminder_text"], align=JUSTIFY, first_line=1.25, after=6)
    assignment_rows(doc, w, "dated")
    tag(doc, "{%p if periodic %}")
    para(doc, w["periodic"], bold=True, before=12, after=6, keep_next=True)
    assignment_rows(doc, w, "periodic")
    keep_with_next(para(doc, w["periodic_reply"], align=JUSTIFY, first_line=1.25, before=6))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if overdue %}")
    keep_with_next(para(doc, w["overdue_note"], align=JUSTIFY, first_line=1.25, before=12))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if signer %}")
    signature(doc, "signer", before=24, executor=True)
    tag(doc, "{%p endif %}")
    return doc


COUNT_FIELDS = ["done_on_time", "done_late", "extended", "in_progress", "overdue", "removed", "not_signed", "total"]


def summary_table(doc, w):
    """One row per responsible body with its counts in each state, and the totals (each assignment once)."""
    tbl = table(doc, [0.9, 6.2] + [2.4] * 8, size=11)   # table text never below 11 pt
    row(tbl, ["№", w["status_body"]] + w["status_head"], bold=True, align=CENTER, header=True)
    row(tbl, ["{%tr for b in bodies %}"] + [""] * 9)
    cells = row(tbl, ["{{ b.number }}", "{{ b.name }}"] + ["{{ b.counts." + key + " }}" for key in COUNT_FIELDS])
    for index, cell in enumerate(cells):
        if index != 1:
            cell.paragraphs[0].alignment = CENTER
    tbl.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    row(tbl, ["{%tr endfor %}"] + [""] * 9)
    cells = row(tbl, ["", w["status_totals"]] + ["{{ counts." + key + " }}" for key in COUNT_FIELDS], bold=True)
    for cell in cells[2:]:
        cell.paragraphs[0].alignment = CENTER
    return tbl


def status(lang: str):
    """The status report (§24, §25.3, §28): counts by body and in total, then each body's assignments."""
    w = BW[lang]
    doc = new_document(landscape=True, title="status")
    para(doc, "{{ body_name }}", bold=True, align=CENTER)
    para(doc, w["status_title_2"], bold=True, align=CENTER, before=12, size=16)
    para(doc, w["status_title"], bold=True, align=CENTER)
    para(doc, w["status_as_of"], italic=True, align=CENTER, after=12)
    tag(doc, "{%p if bodies %}")
    summary_table(doc, w)
    para(doc, w["status_details"], bold=True, align=CENTER, before=18, after=6, keep_next=True)
    tag(doc, "{%p for b in bodies %}")
    para(doc, "{{ b.number }}. {{ b.name }}", bold=True, align=JUSTIFY, before=12, after=6, keep_next=True)
    tbl = table(doc, [5.2, 12.0, 3.6, 4.9], size=11)
    row(tbl, w["status_lines_head"], bold=True, align=CENTER, header=True)

    def line(tbl):
        row(tbl, ["{{ l.reference }}", "{{ l.text }}", "{{ l.due }}", "{{ l.state }}"])
        tbl.rows[-1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    last_row_kept_with_next(tbl, "for l in b.lines", line)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, w["status_none"], align=CENTER, before=12)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if signer %}")
    signature(doc, "signer", before=24)
    tag(doc, "{%p endif %}")
    return doc


DOCUMENTS = {"notice": notice, "extract": extract, "reminder": reminder, "status": status}
