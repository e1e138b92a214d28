"""The phrase table of the documents in Kazakh and Russian, and the numbers as each language writes them.

Grammar (date forms, Kazakh suffixes) is `pipeline.grammar`; this module holds
the wording the code hands to several templates, defined once in `PHRASES`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, format_percent

from .grammar.kk import kk_possessive_number

# Phrases the code hands to several templates. Wording that belongs to one
# document lives in that document's template.
PHRASES: dict[str, dict[str, str]] = {
    "kk": {
        "outcome.majority": "Шешім Штаб мүшелерінің жалпы санының көпшілік даусымен қабылданды (Ереженің 13-тармағы)",
        "outcome.casting_vote": "Дауыстар тең болды; төрағалық етуші жақтап дауыс бергендіктен, шешім қабылданды (Ереженің 13-тармағы)",
        "outcome.not_adopted": "Шешім қабылданбады: Штаб мүшелерінің жалпы санының көпшілігі жақтамады (Ереженің 13-тармағы)",
        "quorum.reached": "Отырысқа Штабтың {present} мүшесі қатысты (Штаб мүшелерінің жалпы саны – {total}), кворум бар",
        "by_agreement": "(келісім бойынша)",
        "stand_in": "{position} {name} ({member_genitive} орнына)",
        "stand_in_no_position": "{name} ({member_genitive} орнына)",
        "absent_no_reason": "себебі көрсетілмеген",
        "quarter": "{roman} тоқсан",
        "half_year.1": "бірінші жартыжылдық",
        "half_year.2": "екінші жартыжылдық",
        "plan.to_half": "{year} жылғы {half_dative}",
        "plan.to_month": "{year} жылғы {month_dative}",
        "vote.line": "Дауыс берді: «жақтап» – {for_}, «қарсы» – {against}, «қалыс қалды» – {abstained}",
        "vote.unanimous": "Дауыс берді: бірауыздан («жақтап» – {for_})",
        "head_title": "Штаб басшысы",
        "acting_head_title": "Штаб басшысының міндетін атқарушы",
        "secretary_title": "Штаб хатшысы",
        "status.done": "орындалды, {date}",
        "status.in_progress": "орындалуда",
        "status.extended": "мерзімі {until} ұзартылды",
        "status.removed": "бақылаудан алынды, {date}",
        "overdue": "мерзімі өтті",
        "verdict.better": "жақсарды",
        "verdict.worse": "нашарлады",
        "verdict.same": "өзгеріссіз",
        "direction.up": "өсу",
        "direction.down": "азаю",
        "points": "п.т.",
        "assignment_ref": "{date_of} № {number} хаттаманың {point}-тармағы",
        "indicator.1": "Ауданның аумағындағы тегін спорт секциялары мен шығармашылық үйірмелердің саны",
        "indicator.2": "Есірткіге қарсы ақпараттық кампаниялардың саны",
        "indicator.3": "Есірткіге қарсы профилактикалық акциялардың саны (кемінде 250 адамның қатысуымен)",
        "indicator.4": "Есірткіні медициналық емес мақсатта тұтынатын бірінші рет анықталған адамдардың саны",
        "indicator.5": "Диспансерлік байқаудан өткен, есепте тұрған есірткіге тәуелді адамдардың саны",
        "indicator.6": "Нашақорлықтың профилактикасына белсенді қатысатын есірткіге қарсы бағыттағы үкіметтік емес ұйымдардың саны",
        "indicator.7": "Жойылған есірткі зертханаларының және ҰҚТ (ұйымдасқан қылмыстық топтардың) саны",
        "indicator.8": "Есірткі, психотроптық заттар мен прекурсорлардың заңды айналымы саласында анықталған құқық бұзушылықтардың саны",
        "indicator.9": "Есірткіні насихаттау мен жарнамалауға, оның ішінде Интернетте, қарсы іс-қимылдың сандық көрсеткіштері",
        "indicator.10": "Халықтың есірткіге қарсы жұмысқа қанағаттануы (әлеуметтік зерттеу), %",
        "indicator.11": "Нашақорлықтың және мінез-құлықтық бұзылулардың алдын алу бағдарламаларын іске асыратын жалпы білім беретін мектептер",
        "indicator.12": "Біліктілігін арттыру және қайта даярлау курстарынан өткен мамандардың саны",
        "chart.1": "1. Спорт секциялары мен үйірмелер",
        "chart.2": "2. Ақпараттық кампаниялар",
        "chart.3": "3. Акциялар (≥ 250 қатысушы)",
        "chart.4": "4. Бірінші рет анықталғандар",
        "chart.5": "5. Диспансерлік есепте тұрғандар",
        "chart.6": "6. ҮЕҰ",
        "chart.7": "7. Жойылған зертханалар мен ҰҚТ",
        "chart.8": "8. Заңды айналымдағы құқық бұзушылықтар",
        "chart.9": "9. Бұғатталған сайттар",
        "chart.10": "10. Қанағаттанғандар үлесі",
        "chart.11": "11. Бағдарламасы бар мектептер үлесі",
        "chart.12": "12. Оқытылған мамандар",
        "chart.axis": "{previous} жылмен салыстырғандағы өзгеріс, %",
        "chart.legend_better": "жақсарды",
        "chart.legend_worse": "нашарлады",
        "chart.legend_same": "өзгеріссіз",
        "measure.actions_held": "барлығы өткізілді",
        "measure.actions_short": "250 қатысушыдан аз (есептелмейді)",
        "measure.women": "әйелдер үлесі",
        "measure.minors": "кәмелетке толмағандар үлесі",
        "measure.labs": "зертханалар",
        "measure.criminal_groups": "ұйымдасқан қылмыстық топтар",
        "measure.sites_blocked": "бұғатталған сайттар",
        "measure.graffiti_removed": "жойылған граффити",
        "measure.criminal_cases": "қылмыстық істер",
        "measure.ai_systems": "ЖИ негізіндегі ақпараттық жүйелер",
        "measure.respondents": "респонденттер",
    },
    "ru": {
        "outcome.majority": "Решение принято большинством голосов от общего числа членов штаба (пункт 13 Положения)",
        "outcome.casting_vote": "Голоса разделились поровну; решение принято, так как за него проголосовал председательствующий (пункт 13 Положения)",
        "outcome.not_adopted": "Решение не принято: за него не проголосовало большинство от общего числа членов штаба (пункт 13 Положения)",
        "quorum.reached": "На заседании присутствовали {present} из {total} членов штаба, кворум имеется",
        "by_agreement": "(по согласованию)",
        "stand_in": "{position} {name} (вместо {member_genitive})",
        "stand_in_no_position": "{name} (вместо {member_genitive})",
        "absent_no_reason": "причина не указана",
        "quarter": "{roman} квартал",
        "half_year.1": "первое полугодие",
        "half_year.2": "второе полугодие",
        "plan.to_half": "на {half} {year} года",
        "plan.to_month": "на {month} {year} года",
        "vote.line": "Голосовали: «за» – {for_}, «против» – {against}, «воздержались» – {abstained}",
        "vote.unanimous": "Голосовали: единогласно («за» – {for_})",
        "head_title": "Руководитель штаба",
        "acting_head_title": "Исполняющий обязанности руководителя штаба",
        "secretary_title": "Секретарь штаба",
        "status.done": "исполнено {date}",
        "status.in_progress": "на исполнении",
        "status.extended": "срок продлен {until}",
        "status.removed": "снято с контроля {date}",
        "overdue": "просрочено",
        "verdict.better": "улучшение",
        "verdict.worse": "ухудшение",
        "verdict.same": "без изменений",
        "direction.up": "рост",
        "direction.down": "снижение",
        "points": "п.\u00a0п.",
        "assignment_ref": "пункт {point} протокола № {number} {date_of}",
        "indicator.1": "Количество бесплатных спортивных секций и творческих кружков на территории района",
        "indicator.2": "Количество антинаркотических информационных кампаний",
        "indicator.3": "Количество антинаркотических профилактических акций (с участием не менее 250 человек)",
        "indicator.4": "Количество впервые выявленных лиц, употребляющих наркотики в немедицинских целях",
        "indicator.5": "Количество наркозависимых лиц, состоящих на учете и прошедших диспансерное наблюдение",
        "indicator.6": "Количество неправительственных организаций антинаркотической направленности, активно участвующих в профилактике наркомании",
        "indicator.7": "Количество ликвидированных нарколабораторий и ОПГ",
        "indicator.8": "Количество правонарушений, выявленных в сфере легального оборота наркотиков, психотропных веществ и прекурсоров",
        "indicator.9": "Количественные показатели противодействия пропаганде и рекламе наркотиков, в том числе в сети Интернет",
        "indicator.10": "Удовлетворенность населения антинаркотической работой (социологическое исследование), %",
        "indicator.11": "Общеобразовательные школы, реализующие программы профилактики наркомании и поведенческих расстройств",
        "indicator.12": "Количество специалистов, прошедших курсы повышения квалификации и переподготовки",
        "chart.1": "1. Спортивные секции и кружки",
        "chart.2": "2. Информационные кампании",
        "chart.3": "3. Акции (≥ 250 участников)",
        "chart.4": "4. Впервые выявленные лица",
        "chart.5": "5. Состоящие на диспансерном учете",
        "chart.6": "6. НПО",
        "chart.7": "7. Ликвидированные нарколаборатории и ОПГ",
        "chart.8": "8. Правонарушения в легальном обороте",
        "chart.9": "9. Заблокированные сайты",
        "chart.10": "10. Доля удовлетворенных",
        "chart.11": "11. Доля школ с программами",
        "chart.12": "12. Обученные специалисты",
        "chart.axis": "Изменение к {previous} году, %",
        "chart.legend_better": "улучшение",
        "chart.legend_worse": "ухудшение",
        "chart.legend_same": "без изменений",
        "measure.actions_held": "проведено всего",
        "measure.actions_short": "менее 250 участников (не учтены)",
        "measure.women": "доля женщин",
        "measure.minors": "доля несовершеннолетних",
        "measure.labs": "нарколаборатории",
        "measure.criminal_groups": "организованные преступные группы (ОПГ)",
        "measure.sites_blocked": "заблокировано сайтов",
        "measure.graffiti_removed": "удалено граффити",
        "measure.criminal_cases": "уголовные дела",
        "measure.ai_systems": "информационные системы на основе ИИ",
        "measure.respondents": "респонденты",
    },
}


def phrase(lang: str, key: str, **values: object) -> str:
    return PHRASES[lang][key].format(**values)


# ---------------------------------------------------------------- numbers (the register and the annual report)
#
# Figures follow the language's CLDR conventions through Babel: a decimal comma
# and a non-breaking space between thousands in both languages; the percent sign
# close up in Kazakh ("97,4%") and after a space in Russian ("97,4 %").

MINUS = "\u2212"


def number(value, lang: str) -> str:
    """A count or a one-decimal figure: "2 140", "73,4"; None prints as the dash of an unknown value."""
    if value is None:
        return "—"
    pattern = "#,##0" if isinstance(value, int) else "#,##0.0"
    return format_decimal(value, pattern, locale=lang)


def percent(value, lang: str) -> str:
    """A percentage given in percent (97.4 → "97,4%" / "97,4 %"), one decimal, the locale's pattern."""
    if value is None:
        return "—"
    pattern = re.sub(r"0(\s*%)", r"0.0\1", Locale.parse(lang).percent_formats[None].pattern)
    return format_percent(Decimal(str(value)) / 100, pattern, locale=lang)


def signed(value, lang: str, unit: str = "") -> str:
    """A change with its sign: "+4", "−1", "0", "+4,5 п. п."; the true minus sign, not a hyphen."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else (MINUS if value < 0 else "")
    text = sign + number(abs(value), lang)
    return f"{text}\u00a0{unit}" if unit else text


def ru_of_schools(whole: int) -> str:
    """"из 38 школ", "из 21 школы": after "из" the noun agrees with the last word of the numeral."""
    noun = "школы" if whole % 10 == 1 and whole % 100 != 11 else "школ"
    return f"из {whole} {noun}"


def schools_of(part: int, whole: int, lang: str) -> str:
    """§29.11 in words: "38 мектептің 37-сі" / "37 из 38 школ"."""
    if lang == "kk":
        return f"{whole} мектептің {kk_possessive_number(part)}"
    return f"{part} {ru_of_schools(whole)}"
