"""The Kazakh of the documents as a Kazakh records editor writes it, and the Russian to match.

Each correction of the editor's table is read back from the documents that
`python -m pipeline all` writes from the sample year (or from a small project
where the sample year has no such case). The last test scans every Kazakh
document of the sample year for the forms the editor struck out (LEFT_COLUMN).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline import stages
from pipeline.cli.main import cli
from pipeline.context import phrases as i18n
from tests.support.docx_reading import paragraphs
from tests.support.docx_text import seen
from tests.support.inputs import BASE_MEETING, VOTING

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"
YEAR_END = dt.date(2026, 12, 31)   # the sample year as a whole: every meeting held, every control entry made


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> Path:
    """The sample year's documents, written once as the secretary writes them."""
    outputs = tmp_path_factory.mktemp("kk-year") / "outputs"
    result = subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(SAMPLE), "--outputs", str(outputs),
                             "--as-of", YEAR_END.isoformat(), "-q", "all"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return outputs


def read(year: Path, relative: str) -> list[str]:
    return paragraphs(year / relative)


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


BY_AGREEMENT = {"kk": "(келісім бойынша)", "ru": "(по согласованию)"}


def roster_posts(lang: str) -> list[str]:
    """The posts of the roster's members who joined "by agreement", as body.yaml types them."""
    body = yaml.safe_load((SAMPLE / "body.yaml").read_text(encoding="utf-8"))
    return [m["position"][lang] for m in body["members"] if m.get("by_agreement")]


# ---------------------------------------------------------------- deadlines: a long date in the dative


def test_deadline_is_a_long_date_before_deiin(year):
    kk = read(year, "meetings/2026-01/protocol.kk.docx")
    ru = read(year, "meetings/2026-01/protocol.ru.docx")
    assert "Жауаптылар: Қостанай ауданының білім бөлімі (келісім бойынша). Мерзімі: 2026 жылғы 1 қыркүйекке дейін." in kk
    assert "Ответственные: Отдел образования Костанайского района (по согласованию). Срок: до 1 сентября 2026 года." \
        in ru


def test_extended_status_names_the_new_deadline_in_the_dative(year):
    kk = seen(read(year, "reports/2026/register.kk.docx"))
    ru = seen(read(year, "reports/2026/register.ru.docx"))
    # with the date of the decision that extended it: «мерзімі 17.09.2026 шешімімен … ұзартылды»
    assert any(p.startswith("мерзімі ") and p.endswith("шешімімен 2026 жылғы 31 желтоқсанға дейін ұзартылды")
               for p in kk)
    assert any(p.startswith("срок продлен до 31 декабря 2026 года решением от ") for p in ru)
    assert "2026 жылғы 1 қыркүйекке дейін" in kk                 # the deadline column too


# ---------------------------------------------------------------- posts: the note only in the roster's lists


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_titles_and_signatures_name_the_post_without_the_note(year, lang):
    """«(келісім бойынша)» records how a member joined: the composition and the attendance lists only."""
    note = BY_AGREEMENT[lang]
    posts = roster_posts(lang)
    for path in sorted(year.rglob(f"*.{lang}.docx")):
        if path.name.startswith("composition"):
            continue
        for paragraph in paragraphs(path):
            if paragraph.startswith("– "):              # attendance lists (present, absent)
                continue
            for post in posts:
                assert f"{post} {note}" not in paragraph, f"{path.relative_to(year)}: {paragraph[:120]}"


def test_speakers_chair_dissent_author_and_proposer_by_post(year):
    protocol = read(year, "meetings/2026-01/protocol.kk.docx")
    speakers = protocol[protocol.index("ТЫҢДАЛДЫ:") + 1]
    assert speakers.startswith('Қостанай облысы әкімдігі білім басқармасының «Қостанай ауданының білім бөлімі» '
                               'ММ басшысы Л.\u00a0Савченко; ')
    assert "Қостанай ауданының прокуроры Д.\u00a0Ермеков" in protocol          # the dissent's author
    assert "– Қостанай ауданының прокуроры (келісім бойынша) Д.\u00a0Ермеков;" in protocol  # the attendance list keeps the note
    plan = read(year, "plans/2026-H1.kk.docx")
    assert 'Қостанай облысы әкімдігі білім басқармасының «Қостанай ауданының білім бөлімі» ММ басшысы Л.\u00a0Савченко' in plan
    composition = read(year, "composition.kk.docx")
    assert "Қостанай ауданының прокуроры (келісім бойынша);" in composition


# ---------------------------------------------------------------- the akimat as the resolution names it


def test_sample_akimat_is_named_as_the_resolution_names_it():
    body = yaml.safe_load((SAMPLE / "body.yaml").read_text(encoding="utf-8"))
    assert body["akimat"]["kk"] == "Қостанай ауданы әкімдігі"


def test_derived_genitive_of_the_akimat(project):
    """Without akimat_genitive typed, the composition's heading derives «Қостанай ауданы әкімдігінің»."""
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    body.pop("akimat_genitive", None)
    project.write("body.yaml", body)
    assert run(project, "composition").exit_code == 0
    kk = paragraphs(project.outputs / "composition.kk.docx")
    assert "Қостанай ауданы әкімдігінің" in kk


def test_no_suffix_is_attached_after_a_closing_quote(project):
    """A name ending in » gets no derived ending: the secretary is asked to type the genitive."""
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    body.pop("akimat_genitive", None)
    body["akimat"] = {"kk": "«Қостанай ауданы әкімдігі»", "ru": body["akimat"]["ru"]}
    project.write("body.yaml", body)
    result = run(project, "composition")
    assert result.exit_code == 1
    assert "akimat_genitive" in result.output and "»ның" not in result.output
    assert not (project.outputs / "composition.kk.docx").exists()


# ---------------------------------------------------------------- §13 outcomes


def test_not_adopted_in_the_words_of_s13(year):
    kk = read(year, "meetings/2026-03/protocol.kk.docx")
    ru = read(year, "meetings/2026-03/protocol.ru.docx")
    assert ("Шешім қабылданбады: Штаб мүшелерінің жалпы санының көпшілігі жақтамады (Ереженің 13-тармағы)."
            in kk)
    assert ("Решение не принято: за него не проголосовало большинство от общего числа членов штаба "
            "(пункт 13 Положения)." in ru)


def test_casting_vote_in_the_words_of_s13(project):
    item = dict(BASE_MEETING["items"][0], vote={"for": VOTING[:6], "against": VOTING[6:12]})
    project.meeting(items=[item])
    assert run(project, "protocol").exit_code == 0
    kk = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert ("Дауыстар тең болды; төрағалық етуші жақтап дауыс бергендіктен, шешім қабылданды "
            "(Ереженің 13-тармағы).") in kk


# ---------------------------------------------------------------- plan, register, report


def test_plan_column_names_who_proposed_not_a_member(year):
    kk = read(year, "plans/2026-H1.kk.docx")
    assert "Ұсыныс енгізген" in kk
    assert "Кем внесено предложение" in read(year, "plans/2026-H1.ru.docx")


def test_register_title_and_totals(year):
    kk = seen(read(year, "reports/2026/register.kk.docx"))
    assert ("Штаб отырыстарының 2026 жылғы хаттамаларында берілген тапсырмалардың орындалуын бақылау тізілімі"
            in kk)
    assert "Жиыны" in kk and "Итого" in read(year, "reports/2026/register.ru.docx")


def test_report_title_and_the_regulation_defined_once(year):
    kk = seen(read(year, "reports/2026/annual-report.kk.docx"))
    ru = seen(read(year, "reports/2026/annual-report.ru.docx"))
    assert "Штабтың 2026 жылғы қызметі туралы ақпарат" in kk
    for text, full_name, definition, term in (
            ("\n".join(kk), "Штаб туралы ереженің", "(бұдан әрі – Ереже)", "Ереже"),
            ("\n".join(ru), "Положения о штабе", "(далее – Положение)", "Положени")):
        rest = text.replace(full_name, "", 1)
        assert rest.index(term) == rest.index(definition) + definition.index(term), \
            f"«{term}» is used before {definition} defines it"


def test_assignments_are_cited_by_protocol_point_number_and_date(year):
    register_kk = seen(read(year, "reports/2026/register.kk.docx"))
    register_ru = seen(read(year, "reports/2026/register.ru.docx"))
    # the point, then how the protocol was signed («(қағазда қол қойылған)», or by ЭЦП)
    assert any(p.startswith("2026 жылғы 12 наурыздағы № 1 хаттаманың 1.1-тармағы (") for p in register_kk)
    assert any(p.startswith("пункт 1.1 протокола № 1 от 12 марта 2026 года (") for p in register_ru)
    report_kk = seen("\n".join(read(year, "reports/2026/annual-report.kk.docx")))
    report_ru = seen("\n".join(read(year, "reports/2026/annual-report.ru.docx")))
    assert "– 2026 жылғы 12 наурыздағы № 1 хаттаманың 3.2-тармағы: " in report_kk
    assert "– пункт 3.2 протокола № 1 от 12 марта 2026 года: " in report_ru
    for text in (report_kk, report_ru, "\n".join(register_kk), "\n".join(register_ru)):
        assert not re.search(r"\d{4}-\d{2}/\d+\.\d+", text)


def test_report_points_and_direction_column(year):
    kk = read(year, "reports/2026/annual-report.kk.docx")
    assert "+4,5\u00a0п.т." in kk and not any("п.п." in p for p in kk)
    assert "Оң динамика" in kk and not any("Жақсы динамика" in p for p in kk)


def test_chart_label_of_indicator_5():
    """The chart's labels are drawn into the PNG: read back the labels the chart of the report is drawn with."""
    assessment = stages.prepare(SAMPLE, YEAR_END)
    job = next(j for j in stages.jobs_for(assessment, ["annual-report"]) if j.lang == "kk")
    context, _ = job.build()
    assert "5. Диспансерлік есепте тұрғандар" in [bar.label for bar in context.chart.bars]


# ---------------------------------------------------------------- stand-ins, the acting chair, dashes


def test_stand_in_line_puts_the_post_first(year):
    kk = read(year, "meetings/2026-01/protocol.kk.docx")
    ru = read(year, "meetings/2026-01/protocol.ru.docx")
    assert any(p.startswith("– Қостанай ауданы әкімдігінің «Мәдениет және тілдерді дамыту бөлімі» ММ басшысының "
                            "орынбасары А.\u00a0Смагулова (") and p.endswith("басшысының орнына).") for p in kk)
    assert any(p.startswith("– заместитель руководителя ГУ «Отдел культуры и развития языков» акимата Костанайского "
                            "района А.\u00a0Смагулова (вместо руководителя ГУ ") for p in ru)


def test_acting_chair_in_one_form(year):
    kk = "\n".join(read(year, "meetings/2026-03/protocol.kk.docx") + read(year, "meetings/2026-03/agenda.kk.docx"))
    assert "міндетін атқарушы" in kk and "міндеттерін атқарушы" not in kk


def test_one_dash_in_the_programs_own_lines(year):
    for lang in ("kk", "ru"):
        protocol = read(year, f"meetings/2026-01/protocol.{lang}.docx")
        quorum = next(p for p in protocol if "16" in p and ("кворум" in p))
        vote = next(p for p in protocol if p.startswith(("Дауыс берді:", "Голосовали:")))
        absent = [p for p in protocol if p.endswith(("іссапарда;", "в командировке;"))]
        for line in [vote, *absent] + ([quorum] if lang == "kk" else []):
            assert " – " in line and "—" not in line, line
    phrases = [v for table in i18n.PHRASES.values() for v in table.values()]
    assert not [p for p in phrases if " — " in p]


# ---------------------------------------------------------------- done when: none of the struck-out forms


LEFT_COLUMN = [
    (r"\d{2}\.\d{2}\.\d{4} дейін", "a numeric date before «дейін»"),
    (r"Қостанай ауданының әкімдігі", "the akimat with an inner genitive"),
    (r"көпшілігі жинақталмады", "a calque of «не набрано»"),
    (r"төрағалық етушінің дауысы шешуші", "§13's casting vote not in §13's words"),
    (r"Ұсыныс енгізген Штаб мүшесі", "the working body proposes too"),
    (r"хаттамаларының тапсырмаларын орындауды бақылау", "the register's title"),
    (r"^Қорытынды$", "«Итого» of a table is «Жиыны»"),
    (r"\d{4} жылғы Штаб қызметі туралы ақпарат", "the report's word order"),
    (r"ереженің \d+-тармағының", "«Ереже» used before it is defined"),
    (r"\d{4}-\d{2}/\d+\.\d+", "an internal id as a reference"),
    (r"п\.п\.", "a Russian abbreviation"),
    (r"Жақсы динамика", "a calque"),
    (r"^– [А-ЯӘҒҚҢӨҰҮҺІ]\. \S+ — ", "a stand-in named before the post"),
    (r"міндеттерін атқарушы", "two forms of «acting»"),
    (r"есептегілер", "colloquial"),
    (r"[»)](ның|нің|дың|дің|тың|тің|на|не|ға|ге|қа|ке|да|де|та|те)\b", "a suffix after a closing quote or bracket"),
]


def test_none_of_the_struck_out_forms_in_any_kazakh_document_of_the_year(year):
    documents = sorted(year.rglob("*.kk.docx"))
    assert len(documents) >= 15
    found = []
    for path in documents:
        for paragraph in paragraphs(path):
            for pattern, why in LEFT_COLUMN:
                if re.search(pattern, paragraph):
                    found.append(f"{path.relative_to(year)}: {why}: {paragraph[:100]}")
    assert found == []


def test_the_addressee_gets_no_dative_after_a_closing_quote(project):
    """The report's addressee «...» in the dative cannot be derived: the secretary is asked to type it."""
    project.meeting()
    body = yaml.safe_load((project.inputs / "body.yaml").read_text(encoding="utf-8"))
    body["authorized_body"] = {"kk": "«Қазақстан Республикасы Ішкі істер министрлігі»", "ru": "МВД"}
    body.pop("authorized_body_dative", None)
    project.write("body.yaml", body)
    result = run(project, "annual-report")
    assert result.exit_code == 1, result.output
    assert "authorized_body_dative" in result.output and "»не" not in result.output


RUSSIAN_LEFT_COLUMN = [
    (r"до \d{2}\.\d{2}\.\d{4}", "a numeric deadline where the Kazakh has the long date"),
    (r"\d{4}-\d{2}/\d+\.\d+", "an internal id as a reference"),
    (r"не набрано", "§13's outcome as the Kazakh now words it"),
    (r"^– [А-ЯЁ]\. \S+ — ", "a stand-in named before the post"),
]


def test_none_of_the_replaced_forms_in_any_russian_document_of_the_year(year):
    found = [f"{path.relative_to(year)}: {why}: {paragraph[:100]}"
             for path in sorted(year.rglob("*.ru.docx")) for paragraph in paragraphs(path)
             for pattern, why in RUSSIAN_LEFT_COLUMN if re.search(pattern, paragraph)]
    assert found == []
