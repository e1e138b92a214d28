"""No-break spaces (U+00A0) where a line must not break, in every document, both languages (§19).

A records office sends back a letter whose date is torn across two lines («30» at the end of one, «июня 2026 года»
on the next), «№» left alone at the end of a line, or a figure parted from its unit. One rule sets them
(pipeline/grammar/typography.py: `no_break_spaces`), the dates get theirs where they are formed
(pipeline/grammar/dates.py), the templates' own wording («№ {{ number }}», «{{ year }} г.») by the same rule when
they are built (tools/docxbuild.py). These tests read the text exactly as it is: `·` below stands for U+00A0.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.grammar import dates
from pipeline.grammar.typography import as_printed, no_break_spaces
from tests.support.docx_text import paragraphs, text
from tests.support.inputs import BASE_MEETING, ROOT, SAMPLE


def nb(written: str) -> str:
    """A case as written below, `·` standing for the no-break space."""
    return written.replace("·", "\u00a0")


def run(inputs, outputs, *args):
    return CliRunner().invoke(cli, ["--inputs", str(inputs), "--outputs", str(outputs), *args])


# ---------------------------------------------------------------- the dates the program forms (grammar/dates.py)

DAY = dt.date(2027, 6, 30)


@pytest.mark.parametrize("form,lang,printed", [
    # kk: the year with «жылғы», the day with its month; a line may break between «жылғы» and the day
    (dates.date_long, "kk", "2027·жылғы 30·маусым"),
    (dates.date_of, "kk", "2027·жылғы 30·маусымдағы"),
    (dates.date_on, "kk", "2027·жылғы 30·маусымда"),
    (dates.date_governed_by_until, "kk", "2027·жылғы 30·маусымға"),
    (dates.date_until, "kk", "2027·жылғы 30·маусымға дейін"),
    # ru: the day with its month, the year with «года», «от»/«до» with the day; a break only before the year
    (dates.date_long, "ru", "30·июня 2027·года"),
    (dates.date_of, "ru", "от·30·июня 2027·года"),
    (dates.date_on, "ru", "30·июня 2027·года"),
    (dates.date_until, "ru", "до·30·июня 2027·года"),
])
def test_a_date_keeps_its_day_month_and_year_word_together_s19(form, lang, printed):
    assert form(DAY, lang) == nb(printed)


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_of_a_date_has_its_no_break_spaces_s19(month):
    """One place a line may break inside a date (ru: before the year; kk: before the day), and «дейін» after it."""
    day = dt.date(2026, month, 1)
    for lang in ("kk", "ru"):
        for form in (dates.date_long, dates.date_of, dates.date_on, dates.date_until):
            printed = form(day, lang)
            breaks = 2 if (lang, form) == ("kk", dates.date_until) else 1
            assert not re.search(r"\d ", printed) and printed.count(" ") == breaks, (lang, printed)


def test_the_numeric_date_has_no_space_to_break_s19():
    assert dates.date_numeric(DAY) == "30.06.2027"


# ---------------------------------------------------------------- the one rule (grammar/typography.py)


@pytest.mark.parametrize("typed,printed", [
    # «№» and its number
    ("протокол № 1", "протокол №·1"),
    ("школа № 12 и № 3", "школа №·12 и №·3"),
    ("№ __________", "№·__________"),                      # the registry's blank for the number
    ("№ п/п", "№ п/п"),                                    # a column's heading: «№» over «п/п» in 1.2 cm
    ("№ {{ number }}", "№·{{ number }}"),                  # a template's number
    ("Мәселе №", "Мәселе №"),                              # nothing after it: nothing to join
    ("№1", "№1"),                                          # typed without a space: as typed
    # a number and its unit or magnitude
    ("1,5 млн тенге", "1,5·млн тенге"),
    ("2 млрд теңге", "2·млрд теңге"),
    ("12 тыс. человек", "12·тыс. человек"),
    ("12 мың адам", "12·мың адам"),
    ("97,4 %", "97,4·%"),
    ("+6,2 п. п.", "+6,2·п.·п."),
    ("+4,5 п.т.", "+4,5·п.т."),
    ("в 2027 году", "в 2027·году"),
    ("за 2026 год", "за 2026·год"),
    ("2027 г.", "2027·г."),
    ("2027 ж.", "2027·ж."),
    ("{{ year }} г.", "{{ year }}·г."),                    # a template's year
    ("2027 жылы", "2027·жылы"),
    ("≥ 250 участников", "≥·250 участников"),
    # a date typed in the secretary's text
    ("до 31 мая 2026 года", "до·31·мая 2026·года"),
    ("2026 жылғы 31 мамырға дейін", "2026·жылғы 31·мамырға дейін"),
    ("с 1 июля по 30 сентября", "с 1·июля по 30·сентября"),
    ("от 12 марта", "от·12·марта"),
    # boundaries: what is no unit, no date, or a template's tag, keeps its space
    ("5 гаражей", "5 гаражей"),
    ("15 членов", "15 членов"),
    ("до начала", "до начала"),
    ("Сидоров 2027 годовой", "Сидоров 2027 годовой"),
    ("{% if n|length > 1 %}", "{% if n|length > 1 %}"),
    ("{% if x %}1 %}", "{% if x %}1 %}"),
    ("т. е. так", "т.·е. так"),
    ("", ""),
])
def test_the_one_rule_of_no_break_spaces_s19(typed, printed):
    assert no_break_spaces(typed) == nb(printed)


def test_a_text_as_typed_stays_literal_but_a_plain_one_is_typeset_s19():
    """The secretary's texts: «№ 3» and «1,5 млн» joined; a text with template syntax keeps every character."""
    assert as_printed('школа № 3, "Жастар", 1,5 млн тенге') == nb("школа №·3, «Жастар», 1,5·млн тенге")
    assert as_printed("Итог {{ 7*7 }} № 3") == "Итог {{ 7*7 }} № 3"


def test_every_template_sets_its_own_no_break_spaces_s19():
    """templates_docx/*.docx as built: no «№ » with an ordinary space, no «{{ year }} г.» parted."""
    for path in sorted((ROOT / "templates_docx").glob("*.docx")):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
        assert not [r for r in runs if re.search(r"№ [\d{_]", r)], path.name
        assert not [r for r in runs if re.search(r"\}\} (?:г\.|ж\.|год|жыл)", r)], path.name


# ---------------------------------------------------------------- the documents


DECISION = {
    "text": {"kk": "№ 3 мектепке 1,5 млн теңге бөлінсін, 2026 жылғы 31 мамырға дейін.",
             "ru": "Выделить школе № 3 1,5 млн тенге до 31 мая 2026 года."},
    "responsible": [{"kk": "Полиция бөлімі", "ru": "Отдел полиции"}],
    "due": "2026-06-30",
}


@pytest.fixture(scope="module")
def meeting_documents(tmp_path_factory):
    """A meeting's protocol, agenda, notice and extracts, and the register, in both languages."""
    from tests.support.inputs import ProjectDir
    project = ProjectDir(tmp_path_factory.mktemp("nbsp"))
    project.meeting(items=[dict(BASE_MEETING["items"][0], decisions=[DECISION])],
                    protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    for command in (["protocol", "2026-01"], ["agenda", "2026-01"], ["notice", "2026-01"], ["extracts", "2026-01"],
                    ["register", "2026"], ["composition"]):
        result = run(project.inputs, project.outputs, *command)
        assert result.exit_code == 0, result.output
    return project.outputs


@pytest.mark.parametrize("document,lang,printed", [
    # the protocol's date and number (§23), its deadline (§24), the secretary's own text
    ("meetings/2026-01/protocol", "ru", "12·марта 2026·года №·1"),
    ("meetings/2026-01/protocol", "kk", "2026·жылғы 12·наурыз №·1"),
    ("meetings/2026-01/protocol", "ru", "Ответственный: Отдел полиции. Срок: до·30·июня 2026·года."),
    ("meetings/2026-01/protocol", "kk", "Жауапты: Полиция бөлімі. Мерзімі: 2026·жылғы 30·маусымға дейін."),
    ("meetings/2026-01/protocol", "ru", "1.1. Выделить школе №·3 1,5·млн тенге до·31·мая 2026·года."),
    ("meetings/2026-01/protocol", "kk", "1.1. №·3 мектепке 1,5·млн теңге бөлінсін, 2026·жылғы 31·мамырға дейін."),
    # the agenda's approval date (§22)
    ("meetings/2026-01/agenda", "ru", "5·марта 2026·года"),
    ("meetings/2026-01/agenda", "kk", "2026·жылғы 5·наурыз"),
    # the notice (§22): the meeting's date, the reply date
    ("meetings/2026-01/notice", "ru", "Дата и время проведения: 12·марта 2026·года, в 10:00"),
    ("meetings/2026-01/notice", "kk", "Өткізілетін күні мен уақыты: 2026·жылғы 12·наурыз, сағат 10:00"),
    # the extract (§23): the protocol it is taken from
    ("meetings/2026-01/extracts/01-otdel-politsii", "ru", "12·марта 2026·года №·1"),
    ("meetings/2026-01/extracts/01-otdel-politsii", "kk", "2026·жылғы 12·наурыздағы №·1 хаттамасынан"),
    ("meetings/2026-01/extracts/01-otdel-politsii", "ru", "_______________ Г.·Абенова"),   # who certifies it
    ("meetings/2026-01/extracts/01-otdel-politsii", "kk", "_______________ Г.·Абенова"),
    # the register (§24): the protocol cited, the year in the title
    ("reports/2026/register", "ru", "пункт 1.1 протокола №·1 от·12·марта 2026·года"),
    ("reports/2026/register", "ru", "за 2026·год"),
    ("reports/2026/register", "kk", "2026·жылғы 12·наурыздағы №·1 хаттаманың 1.1-тармағы"),
    # the composition (§8): the resolution it is appended to
    ("composition", "ru", "от·11·ноября 2025·года №·663"),
    ("composition", "kk", "№·663 қаулысына"),
])
def test_the_meeting_documents_print_their_no_break_spaces_s19(meeting_documents, document, lang, printed):
    [path] = meeting_documents.glob(f"{document}*.{lang}.docx")
    assert nb(printed) in text(path), path.name


@pytest.fixture(scope="module")
def annual_report(tmp_path_factory):
    """The sample year's annual report (§9.5, §26.7): its figures, shares and years."""
    root = tmp_path_factory.mktemp("nbsp-report")
    shutil.copytree(SAMPLE, root / "inputs")
    result = run(root / "inputs", root / "outputs", "annual-report", "2026", "--as-of", "2026-12-31")
    assert result.exit_code == 0, result.output
    return {lang: paragraphs(root / "outputs" / "reports" / "2026" / f"annual-report.{lang}.docx")
            for lang in ("kk", "ru")}


@pytest.mark.parametrize("lang,printed", [
    ("ru", "Информация о деятельности штаба за 2026·год"),
    ("kk", "Штабтың 2026·жылғы қызметі туралы ақпарат"),
    ("ru", "2026·г."), ("ru", "2025·г."),                  # the columns of the indicators' table
    ("kk", "2026·ж."), ("kk", "2025·ж."),
    ("ru", "+4,5·п.·п."),                                  # a share's change in points
    ("kk", "+4,5·п.т."),
    ("ru", "+4 (+9,1·%)"),                                 # a count's change and its percent
    ("kk", "+4 (+9,1·%)"),
    ("ru", "37 из 38 школ (97,4·%)"),
])
def test_the_annual_report_keeps_figures_with_their_units_s26_7(annual_report, lang, printed):
    assert nb(printed) in annual_report[lang], [p for p in annual_report[lang] if p.startswith(printed[:4])][:3]


def test_no_document_of_a_meeting_breaks_a_date_a_number_sign_or_a_unit_s19(meeting_documents):
    """Every paragraph of every document written: no ordinary space after «№», inside a date, before a unit."""
    months = "|".join(dates.month_name(m, lang) for m in range(1, 13) for lang in ("kk", "ru"))
    torn = re.compile(rf"№ [\d_]|\d (?:{months})|\d (?:года|году|год|жылғы|г\.|ж\.|%|млн|п\. п\.)|\b(?:от|до) \d")
    documents = sorted(meeting_documents.rglob("*.docx"))
    assert len(documents) >= 10
    for path in documents:
        for paragraph in paragraphs(path):
            assert not torn.search(paragraph), (path.name, paragraph)


# ---------------------------------------------------------------- no odd wraps: what never breaks fits its column

FONT_FILES = {bold: next(iter(sorted(Path("/usr/share/fonts").rglob(f"LiberationSerif-{style}.ttf"))), None)
              for bold, style in ((False, "Regular"), (True, "Bold"))}
CELL_MARGINS_CM = 2 * 0.19          # Word's and LibreOffice's default left and right cell margins


@pytest.fixture(scope="module")
def sample_year(tmp_path_factory) -> Path:
    """Every document of the sample year as the secretary writes them at the year's end."""
    outputs = tmp_path_factory.mktemp("nbsp-year") / "outputs"
    result = run(SAMPLE, outputs, "--as-of", "2026-12-31", "-q", "all")
    assert result.exit_code == 0, result.output
    return outputs


@pytest.mark.skipif(None in FONT_FILES.values(), reason="Liberation Serif (fonts-liberation2) is not installed")
def test_nothing_that_never_breaks_is_wider_than_its_table_column_s19(sample_year):
    """A date's day and month, «№ 1», a figure and its unit are one unbreakable word: where such a word is wider than
    its column, Word and LibreOffice tear it mid-word («31 желтоқсанғ|а»). Every word of every table cell of the
    sample year, measured in the templates' Times New Roman (Liberation Serif has its metrics), fits its column."""
    import docx
    from docx.oxml.ns import qn
    from PIL import ImageFont

    fonts: dict[tuple[bool, float], ImageFont.FreeTypeFont] = {}

    def width_cm(word: str, size: float, bold: bool) -> float:
        font = fonts.setdefault((bold, size), ImageFont.truetype(str(FONT_FILES[bold]), int(size * 100)))
        return font.getlength(word) / 100 * 2.54 / 72

    sealed = {p.relative_to(ROOT / "records").as_posix() for p in (ROOT / "records").rglob("*.docx")}
    torn = []
    documents = [p for p in sorted(sample_year.rglob("*.docx")) if p.relative_to(sample_year).as_posix() not in sealed]
    assert len(documents) > 50
    for path in documents:
        for table in docx.Document(str(path)).tables:
            grid = [int(col.get(qn("w:w"))) / 567 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
            for row in table.rows:
                for index, cell in enumerate(row.cells):
                    room = (cell.width.cm if cell.width else grid[index]) - CELL_MARGINS_CM
                    for run_ in (r for p in cell.paragraphs for r in p.runs):
                        size = run_.font.size.pt if run_.font.size else 14
                        torn += [(path.name, word, round(room, 2)) for word in re.split(r"[ \t\n-]", run_.text)
                                 if word and width_cm(word, size, bool(run_.bold)) > room]
    assert not torn, sorted(set(torn))
