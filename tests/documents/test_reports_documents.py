"""The register (§24, §28) and the annual report (§9.5, §26.7, §29, §12) read back as a reader sees them."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli.main import cli
from pipeline.context.chart import Bar, indicator_chart
from pipeline.stages import check_project, jobs_for, prepare, run_documents
from tests.support.docx_text import seen
from tests.support.inputs import BASE_MEETING, RUN_DATE, SAMPLE

ITEM = BASE_MEETING["items"][0]


def cells_text(document) -> list[list[str]]:
    return [[c.text for c in row.cells] for table in document.tables for row in table.rows]


def text_of(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += ["\t".join(row) for row in cells_text(document)]
    return "\n".join(parts)


@pytest.fixture
def sample(tmp_path):
    """The sample inputs of the repository, copied: the 2026 year with its control and indicators files."""
    shutil.copytree(SAMPLE, tmp_path / "inputs")
    return tmp_path


def write(inputs, outputs, documents, selected=None, as_of=None, langs=None, run_date=RUN_DATE):
    """The documents as the command line writes them; `as_of` as if given by --as-of."""
    assessment = prepare(inputs, as_of or run_date, as_of_asked=as_of is not None)
    return run_documents(assessment, jobs_for(assessment, documents, selected, langs), outputs)


# ---------------------------------------------------------------- the annual report on the sample year


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The 2026 report of the sample, written once for the tests that read it."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(SAMPLE, root / "inputs")
    write(root / "inputs", root / "outputs", ["annual-report"], ["2026"])
    folder = root / "outputs" / "reports" / "2026"
    return {lang: Document(str(folder / f"annual-report.{lang}.docx")) for lang in ("kk", "ru")}


def indicator_rows(document):
    return [row for row in cells_text(document) if len(row) == 7 and row[0] in {str(n) for n in range(1, 13)}]


def test_annual_report_has_the_twelve_indicators_s29(reports):
    for document in reports.values():
        rows = indicator_rows(document)
        assert [row[0] for row in rows] == [str(n) for n in range(1, 13)]


def test_annual_report_indicator_figures_ru_s29(reports):
    rows = {row[0]: row for row in indicator_rows(reports["ru"])}
    assert rows["1"][2:] == ["48", "44", "+4 (+9,1\u00a0%)", "рост", "улучшение"]
    assert rows["3"][2:4] == ["4", "3"]                       # 340, 420, 290, 510 of 7 actions reach 250
    assert rows["5"][2:] == ["104", "112", "\u22128 (\u22127,1\u00a0%)", "снижение", "улучшение"]
    assert rows["11"][2] == "37 из 38 школ (97,4\u00a0%)"
    table = cells_text(reports["ru"])
    assert ["", "– менее 250 участников (не учтены)", "3", "3", "0", "", ""] in table
    assert ["", "– доля женщин", "15 (14,4\u00a0%)", "17 (15,2\u00a0%)", "\u22120,8\u00a0п.\u00a0п.", "снижение",
            "улучшение"] in table


def test_annual_report_indicator_figures_kk_s29(reports):
    rows = {row[0]: row for row in indicator_rows(reports["kk"])}
    assert rows["11"][2] == "38 мектептің 37-сі (97,4\u00a0%)"
    assert rows["4"][5:] == ["өсу", "жақсарды"]


def test_annual_report_meetings_and_decisions_s9_5(reports):
    table = cells_text(reports["ru"])
    assert ["Итого за год", "4", "1", "5"] in table            # four regular, one extraordinary (2026-02)
    assert ["II квартал", "1", "1", "2"] in table
    text = seen(text_of(reports["ru"]))
    assert "В 2026 году проведено заседаний штаба: 5" in text
    assert "Очередные заседания проведены в каждом квартале" in text
    assert ["Не принято решений", "1"] in table                # 2026-03/2.1 failed the majority of N


def test_annual_report_counts_plan_execution_s18(reports):
    table = cells_text(reports["ru"])
    assert ["Включено вопросов в полугодовые планы работы", "10"] in table
    assert ["Добавлено вопросов в планы решением руководителя штаба", "1"] in table
    assert ["Из этих вопросов: рассмотрено на заседаниях", "10"] in table
    assert ["перенесено на следующий год", "0"] in table       # 2026-H1/5 went to H2 and was heard there
    assert ["исключено из планов", "1"] in table
    assert ["не рассмотрено без решения о переносе или исключении", "0"] in table
    assert "4. Жұмыс жоспарларының орындалуы (Ереженің 16–18-тармақтары)" in text_of(reports["kk"])


def test_annual_report_is_addressed_and_signed_s26_7(reports):
    kk, ru = text_of(reports["kk"]), text_of(reports["ru"])
    assert "Қазақстан Республикасы Ішкі істер министрлігіне" in kk
    assert "Штабтың 2026 жылғы қызметі туралы ақпарат" in seen(kk)
    assert "Информация о деятельности штаба за 2026 год" in seen(ru)
    assert "Министерству внутренних дел Республики Казахстан" in ru  # the addressee in the dative
    assert "Руководитель штаба" in ru and "О.\u00a0Нургалиев" in ru


def test_annual_report_counts_assignments_as_of_31_december_s24(reports):
    assert "По состоянию на 31 декабря 2026 года:" in seen(text_of(reports["ru"]))
    assert "2026 жылғы 31 желтоқсандағы жағдай бойынша:" in seen(text_of(reports["kk"]))


def test_annual_report_holds_the_chart(reports):
    for document in reports.values():
        assert len(document.inline_shapes) == 1
        assert document.inline_shapes[0].width.mm == pytest.approx(160, abs=0.5)


def test_annual_report_is_reproducible_to_the_byte(sample):
    first, second = sample / "one", sample / "two"
    write(sample / "inputs", first, ["annual-report", "register"], as_of=dt.date(2026, 11, 1), langs=["kk"])
    write(sample / "inputs", second, ["annual-report", "register"], as_of=dt.date(2026, 11, 1), langs=["kk"])
    for path in (first / "reports" / "2026").iterdir():
        assert path.read_bytes() == (second / "reports" / "2026" / path.name).read_bytes()


def test_chart_bytes_are_deterministic():
    bars = [Bar("1. Спорт секциялары", None, None, "—"), Bar("5. Диспансер", -7, "better", "−7,1 %")]
    png = indicator_chart(bars, "өзгеріс, %", {"better": "жақсарды"})
    assert png.startswith(b"\x89PNG") and png == indicator_chart(bars, "өзгеріс, %", {"better": "жақсарды"})
    assert b"Software" not in png


# ---------------------------------------------------------------- the register


def control_project(project, signed: bool = True):
    """One meeting (2026-03-12) with three assignments due 2026-06-30; one done, one extended, one untouched."""
    item = dict(ITEM, decisions=[{"text": {"kk": f"Тапсырма {n}.", "ru": f"Поручение {n}."},
                                  "responsible": [{"kk": "Полиция", "ru": "Полиция"}], "due": "2026-06-30"}
                                 for n in (1, 2, 3)])
    project.meeting(items=[item], protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": signed})
    project.write("control/2026.yaml", [
        {"assignment": "2026-01/1.1", "status": "done", "date": "2026-06-10"},
        {"assignment": "2026-01/1.2", "status": "extended", "date": "2026-06-20", "new_due": "2026-09-30"},
    ])


@pytest.mark.parametrize("as_of,overdue", [
    (dt.date(2026, 6, 30), []),                                    # due today: not overdue
    (dt.date(2026, 7, 1), ["2026-01/1.3"]),
    (dt.date(2026, 10, 1), ["2026-01/1.2", "2026-01/1.3"]),        # the extension has run out too
])
def test_register_marks_overdue_rows_s24(project, as_of, overdue):
    control_project(project)
    write(project.inputs, project.outputs, ["register"], ["2026"], as_of)
    document = Document(str(project.outputs / "reports" / "2026" / "register.ru.docx"))
    rows = [seen(row) for row in cells_text(document) if len(row) == 7 and row[1].startswith("пункт ")]
    points = {"пункт 1.1 протокола № 1 от 12 марта 2026 года": "2026-01/1.1",
              "пункт 1.2 протокола № 1 от 12 марта 2026 года": "2026-01/1.2",
              "пункт 1.3 протокола № 1 от 12 марта 2026 года": "2026-01/1.3"}
    # each point, then how its protocol was signed: «(подписан на бумаге)» here, no signature being stored
    assert [row[1] for row in rows] == [f"{point} (подписан на бумаге)" for point in points]
    assert [points[row[1].removesuffix(" (подписан на бумаге)")] for row in rows if row[6] == "просрочено"] == overdue
    assert rows[0][5].startswith("исполнено в срок 10.06.2026")
    assert "срок продлен до 30 сентября 2026 года решением от 20.06.2026" in rows[1][5]
    assert rows[2][4] == "до 30 июня 2026 года"
    assert ["Всего поручений", "3"] in cells_text(document)
    assert ["Просрочено", str(len(overdue))] in cells_text(document)


STATES = ["Исполнено в срок", "Исполнено с нарушением срока", "Срок продлен", "На исполнении", "Просрочено",
          "Снято с контроля", "Протокол не подписан"]


@pytest.mark.parametrize("signed,as_of,counts", [
    (True, dt.date(2026, 6, 30), [1, 0, 1, 1, 0, 0, 0]),
    (True, dt.date(2026, 10, 1), [1, 0, 0, 0, 2, 0, 0]),
    (False, dt.date(2026, 10, 1), [0, 0, 0, 0, 0, 0, 3]),      # never overdue, whatever the control file says
])
def test_register_totals_are_one_state_each_and_an_unsigned_protocol_is_never_overdue_s23_s24(
        project, signed, as_of, counts):
    control_project(project, signed)
    write(project.inputs, project.outputs, ["register"], ["2026"], as_of)
    document = Document(str(project.outputs / "reports" / "2026" / "register.ru.docx"))
    cells = cells_text(document)
    assert [int(next(row[1] for row in cells if row[0] == label)) for label in STATES] == counts
    assert sum(counts) == int(next(row[1] for row in cells if row[0] == "Всего поручений"))
    rows = [row for row in cells if len(row) == 7 and row[1].startswith("пункт ")]
    if not signed:
        assert {row[5].strip() for row in rows} == {"протокол не подписан"} and {row[6] for row in rows} == {""}


def test_register_command_line(project):
    control_project(project)
    runner = CliRunner()
    args = ["--inputs", str(project.inputs), "--outputs", str(project.outputs)]
    result = runner.invoke(cli, args + ["register", "2026", "--as-of", "2026-07-01"])
    assert result.exit_code == 0, result.output
    assert (project.outputs / "reports" / "2026" / "register.kk.docx").is_file()
    assert runner.invoke(cli, args + ["register", "1999"]).exit_code == 2
    assert runner.invoke(cli, args + ["register", "--as-of", "July"]).exit_code == 2


def test_register_is_refused_on_an_unknown_assignment_s24(project):
    control_project(project)
    project.write("control/2026.yaml", [{"assignment": "2026-01/9.9", "status": "in_progress"}])
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                      "register", "2026"])
    assert result.exit_code == 1 and "unknown assignment '2026-01/9.9'" in result.output
    assert not (project.outputs / "reports").exists()


# ---------------------------------------------------------------- §12 a regular meeting every quarter


def test_check_finds_a_past_quarter_without_regular_meeting_s12(project):
    project.meeting("2026-01")                                          # 12 March: quarter I
    project.meeting("2026-02", number=2, date="2026-08-20", documents_sent="2026-08-10",
                    agenda_approved={"by": "akim", "date": "2026-08-10"},
                    protocol={"drawn_up": "2026-08-20"})                 # 20 August: quarter III
    run_date = dt.date(2026, 10, 15)
    found = [str(f) for f in check_project(prepare(project.inputs, run_date)) if f.rule == "§12"]
    assert found == [f"{project.inputs / 'meetings' / '2026-01.yaml'}:1: warning: no regular meeting in quarter 2 "
                     "of 2026 (2026-04-01 – 2026-06-30): regular meetings are held at least once a quarter; if one "
                     "was held, check kind: regular and the date in its file (§12)"]
    write(project.inputs, project.outputs, ["annual-report"], ["2026"], langs=["ru"], run_date=run_date)
    ru = text_of(Document(str(project.outputs / "reports" / "2026" / "annual-report.ru.docx")))
    assert "очередное заседание не проведено в следующих кварталах: II, IV." in ru


def test_an_extraordinary_meeting_does_not_fill_the_quarter_s12(project):
    project.meeting("2026-01", kind="extraordinary", initiated_by=["akim"])
    run_date = dt.date(2026, 4, 1)
    assert [f.rule for f in check_project(prepare(project.inputs, run_date))] == ["§12"]


def test_quarter_findings_follow_the_control_file_of_the_year_s12(project):
    project.meeting("2026-01", date="2026-05-12", documents_sent="2026-05-08",
                    agenda_approved={"by": "akim", "date": "2026-05-05"}, protocol={"drawn_up": "2026-05-12"})
    path = project.write("control/2026.yaml", [{"assignment": "2026-01/1.1", "status": "in_progress"}])
    run_date = dt.date(2026, 7, 1)
    found = [f for f in check_project(prepare(project.inputs, run_date)) if f.rule == "§12"]
    assert [str(f.loc) for f in found] == [f"{path}:1"] and not found[0].is_error


@pytest.mark.parametrize("entry,finding", [
    ({"by_meeting": "2026-01", "date": "2026-03-12"}, None),
    ({"by_meeting": "2026-07", "date": "2026-03-12"}, "by_meeting: there is no meeting '2026-07' in inputs/meetings/"),
    ({"by_meeting": "2026-01", "date": "2026-03-13"}, "the extension is dated 2026-03-13, but meeting 2026-01"),
], ids=["the meeting held that day", "no such meeting", "another day"])
def test_an_extension_names_the_protocol_that_decided_it_s24(project, entry, finding):
    control_project(project)
    project.write("control/2026.yaml", [{"assignment": "2026-01/1.2", "status": "extended", "new_due": "2026-09-30",
                                         **entry}])
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs),
                                      "register", "2026", "--as-of", "2026-07-01"])
    if finding:
        assert result.exit_code == 1 and finding in result.output and "(§24)" in result.output
        return
    assert result.exit_code == 0, result.output
    ru = seen([row for row in cells_text(Document(str(project.outputs / "reports" / "2026" / "register.ru.docx")))
               if len(row) == 7 and row[1].startswith("пункт 1.2")][0][5])
    assert ru.startswith("срок продлен до 30 сентября 2026 года протоколом заседания штаба № 1 от 12 марта 2026 года")
    kk = seen(text_of(Document(str(project.outputs / "reports" / "2026" / "register.kk.docx"))))
    assert "мерзімі Штаб отырысының 2026 жылғы 12 наурыздағы № 1 хаттамасымен 2026 жылғы 30 қыркүйекке дейін " \
           "ұзартылды" in kk
