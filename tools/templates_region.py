"""The template of the oblast's regional report (§26.7, §29), laid out by `tools/build_templates.py`.

One function, the wording of both languages side by side in `GW`; every figure comes from the context
(pipeline/region/report.py). Landscape: the table of districts has a column for each of the 12 indicators.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.shared import Pt
from docxbuild import CENTER, JUSTIFY, RIGHT, first_cell_paragraph, loop_rows, new_document, para, row, table, tag

GW = {
    "kk": {
        "title": "Аудандық Штабтардың {{ year }} жылғы қызметі туралы жиынтық ақпарат",
        "intro": "Жиынтық ақпарат Штаб туралы ереженің (бұдан әрі – Ереже) 26-тармағының 7) тармақшасына сәйкес "
                 "аудандық Штабтар ұсынған жылдық пакеттер (барлығы {{ district_count }}) негізінде жасалды; "
                 "пакеттердің тізбесі бақылау сомаларымен 5-бөлімде келтірілген.",
        "s1": "1. Аудандардың көрсеткіштері (Ереженің 29-тармағы)",
        "district": "Аудан",
        "total": "Облыс бойынша барлығы",
        "legend": "Бағандардың нөмірлері – Ереженің 29-тармағындағы көрсеткіштердің нөмірлері:",
        "s2": "2. Облыс көрсеткіштері {{ previous_year }} жылмен салыстырғанда",
        "s2_text": "Облыс бойынша жиыны былай есептеледі: сандық көрсеткіштер қосылады; үлестер аудандардың "
                   "қосынды деректері бойынша қайта есептеледі; сауалнама бойынша қанағаттанғандардың пайызы "
                   "аудандардың респонденттер санына қарай орташа өлшенген мән ретінде есептеледі. Кемінде бір "
                   "ауданның көрсеткіші белгісіз болса, облыс бойынша жиыны «—» белгісімен көрсетіледі.",
        "indicator_head": ["№", "Көрсеткіш", "{{ year }} ж.", "{{ previous_year }} ж.", "Өзгеріс", "Оң динамика",
                           "Бағалау"],
        "chart_caption": "Сурет. Облыс көрсеткіштерінің {{ previous_year }} жылмен салыстырғандағы өзгерісі",
        "s3": "3. Көрсеткіштер топтары бойынша аудандардың рейтингі",
        "s3_text": "Ауданның орны топтағы {{ previous_year }} жылмен салыстырғанда жақсарған көрсеткіштердің "
                   "санымен анықталады; мұндай көрсеткіштердің саны тең аудандар бір орынды бөліседі.",
        "groups": {"prevention": "Профилактика (1, 2, 3, 6, 10, 11, 12-көрсеткіштер)",
                   "suppression": "Анықтау және жолын кесу (4, 7, 8, 9-көрсеткіштер)",
                   "treatment": "Емдеу және бақылау (5-көрсеткіш)"},
        "rank_head": ["Орны", "Аудан", "Жақсарған көрсеткіштер / топтағы барлығы"],
        "s4": "4. Кезекті отырыс өткізілмеген тоқсандары немесе мерзімі өткен тапсырмалары бар аудандар "
              "(Ереженің 12, 24, 28-тармақтары)",
        "lapse_head": ["Аудан", "Кезекті отырыс өткізілмеген тоқсандар", "Мерзімі өткен тапсырмалар"],
        "no_lapses": "Барлық аудандарда кезекті отырыстар әр тоқсанда өткізілді, мерзімі өткен тапсырмалар жоқ.",
        "s5": "5. Пайдаланылған жылдық пакеттер",
        "package_head": ["Аудан", "Файл", "Бақылау сомасы (SHA-256)"],
    },
    "ru": {
        "title": "Сводная информация о деятельности районных штабов за {{ year }} год",
        "intro": "Сводная информация составлена в соответствии с подпунктом 7) пункта 26 Положения о штабе (далее – "
                 "Положение) на основании годовых пакетов, представленных районными штабами (всего "
                 "{{ district_count }}); перечень пакетов с контрольными суммами приведен в разделе 5.",
        "s1": "1. Показатели районов (пункт 29 Положения)",
        "district": "Район",
        "total": "Итого по области",
        "legend": "Номера граф – номера показателей пункта 29 Положения:",
        "s2": "2. Показатели области в сравнении с {{ previous_year }} годом",
        "s2_text": "Итог по области рассчитывается следующим образом: количественные показатели суммируются; доли "
                   "пересчитываются по суммарным данным районов; процент удовлетворенных по результатам опроса "
                   "рассчитывается как среднее, взвешенное по числу респондентов районов. Если показатель хотя бы "
                   "одного района неизвестен, итог по области обозначается знаком «—».",
        "indicator_head": ["№", "Показатель", "{{ year }} г.", "{{ previous_year }} г.", "Изменение",
                           "Лучшая динамика", "Оценка"],
        "chart_caption": "Рисунок. Изменение показателей области по сравнению с {{ previous_year }} годом",
        "s3": "3. Рейтинг районов по группам показателей",
        "s3_text": "Место района определяется числом показателей группы, изменившихся в лучшую сторону по "
                   "сравнению с {{ previous_year }} годом; районы с равным числом таких показателей занимают одно "
                   "место.",
        "groups": {"prevention": "Профилактика (показатели 1, 2, 3, 6, 10, 11, 12)",
                   "suppression": "Выявление и пресечение (показатели 4, 7, 8, 9)",
                   "treatment": "Лечение и наблюдение (показатель 5)"},
        "rank_head": ["Место", "Район", "Улучшено показателей / всего в группе"],
        "s4": "4. Районы, в которых в каком-либо квартале не проведено очередное заседание или имеются "
              "просроченные поручения "
              "(пункты 12, 24, 28 Положения)",
        "lapse_head": ["Район", "Кварталы без очередного заседания", "Просрочено поручений"],
        "no_lapses": "Во всех районах очередные заседания проведены в каждом квартале, просроченных поручений нет.",
        "s5": "5. Использованные годовые пакеты",
        "package_head": ["Район", "Файл", "Контрольная сумма (SHA-256)"],
    },
}


def _centered(tbl, first: int = 1):
    for table_row in tbl.rows:
        for cell in table_row.cells[first:]:
            cell.paragraphs[0].alignment = CENTER


def region_report(lang: str):
    w = GW[lang]
    doc = new_document(landscape=True, title="region report")
    para(doc, "{{ body_name }}", bold=True, align=CENTER)
    para(doc, w["title"], bold=True, align=CENTER, before=12, after=12)
    para(doc, w["intro"], align=JUSTIFY, first_line=1.25, after=6)

    para(doc, w["s1"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    cross = table(doc, [4.6] + [1.8] * 12, size=11)
    row(cross, [w["district"]] + [str(n) for n in range(1, 13)], bold=True, align=CENTER, header=True)
    loop_rows(cross, "for d in districts", ["{{ d.name }}"] + ["{{ d.values[%d] }}" % i for i in range(12)])
    row(cross, [w["total"]] + ["{{ totals[%d] }}" % i for i in range(12)], bold=True)
    _centered(cross)
    para(doc, w["legend"], italic=True, before=6, keep_next=True)
    tag(doc, "{%p for line in legend %}")
    para(doc, "{{ line }}", italic=True)
    tag(doc, "{%p endfor %}")

    para(doc, w["s2"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    para(doc, w["s2_text"], align=JUSTIFY, first_line=1.25, after=6, keep_next=True)
    indicators = table(doc, [1.0, 9.0, 3.2, 3.2, 3.4, 3.2, 2.6], size=11)
    row(indicators, w["indicator_head"], bold=True, align=CENTER, header=True)
    loop_rows(indicators, "for i in indicators", ["{{ i.number }}", "{{ i.name }}", "{{ i.value }}",
                                                   "{{ i.previous }}", "{{ i.change }}", "{{ i.better }}",
                                                   "{{ i.verdict }}"])
    _centered(indicators, 2)
    para(doc, "{{ chart }}", align=CENTER, before=12, keep_next=True)
    para(doc, w["chart_caption"], italic=True, align=CENTER, after=12)

    para(doc, w["s3"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    para(doc, w["s3_text"], align=JUSTIFY, first_line=1.25, after=6, keep_next=True)
    for group, title in w["groups"].items():
        para(doc, title, italic=True, first_line=1.25, before=6, after=3, keep_next=True)
        ranks = table(doc, [2.5, 9.0, 6.0], size=11)
        row(ranks, w["rank_head"], bold=True, align=CENTER, header=True)
        loop_rows(ranks, f"for r in ranking.{group}", ["{{ r.place }}", "{{ r.name }}", "{{ r.improved }}"])
        for table_row in ranks.rows:
            table_row.cells[0].paragraphs[0].alignment = CENTER
            table_row.cells[2].paragraphs[0].alignment = CENTER

    para(doc, w["s4"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    tag(doc, "{%p if lapses %}")
    lapses = table(doc, [10.0, 6.0, 5.0], size=11)
    row(lapses, w["lapse_head"], bold=True, align=CENTER, header=True)
    loop_rows(lapses, "for l in lapses", ["{{ l.name }}", "{{ l.quarters }}", "{{ l.overdue }}"])
    _centered(lapses)
    tag(doc, "{%p else %}")
    para(doc, w["no_lapses"], align=JUSTIFY, first_line=1.25)
    tag(doc, "{%p endif %}")

    para(doc, w["s5"], bold=True, first_line=1.25, before=12, after=6, keep_next=True)
    packages = table(doc, [6.0, 5.0, 14.5], size=11)
    row(packages, w["package_head"], bold=True, align=CENTER, header=True)
    loop_rows(packages, "for p in packages", ["{{ p.name }}", "{{ p.file }}", "{{ p.sha256 }}"])
    for table_row in (packages.rows[0], packages.rows[-2]):     # the list goes to the signature's page with it
        for cell in table_row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True

    para(doc, "", before=18, keep_next=True)
    signer = table(doc, [13.0, 12.0], borders=False)
    cells = signer.add_row().cells
    first_cell_paragraph(cells[0], "{{ signer.title }}", bold=True)
    cells[0].add_paragraph("{{ signer.position }}")
    first_cell_paragraph(cells[1], "")
    cells[1].add_paragraph("____________ {{ signer.name }}").alignment = RIGHT
    signer.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for paragraph in cells[0].paragraphs:
        paragraph.paragraph_format.keep_with_next = True
        for run in paragraph.runs:
            run.font.size = Pt(14)
    return doc


DOCUMENTS = {"region_report": region_report}
