"""The oblast's view (§26.7, §29): each district's annual package, the oblast's check of what it received,
and the regional report whose totals are the sums of the districts' own annual reports, read back as DOCX."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli.main import cli
from pipeline.region.package import canonical, content_checksum
from tests.support.inputs import SAMPLE

# three districts: their id, names, and how much their figures differ from the sample's
DISTRICTS = [("aulie", "Әулиекөл ауданы", "Аулиекольский район", 1),
             ("denisov", "Денисов ауданы", "Денисовский район", 5),
             ("kostanay", "Қостанай ауданы", "Костанайский район", 11)]
COUNTS = ("sports_sections", "first_identified", "ngos", "specialists_trained")


def run(*args: str):
    result = CliRunner().invoke(cli, ["--ui-lang", "en", *args], catch_exceptions=False)
    return result


def cells(document) -> list[list[str]]:
    return [[c.text for c in row.cells] for table in document.tables for row in table.rows]


def district_project(root: Path, district_id: str, kk: str, ru: str, shift: int) -> Path:
    """A district's year: the sample's meetings and plans, its own name and its own indicator figures."""
    inputs = root / district_id / "inputs"
    shutil.copytree(SAMPLE, inputs)
    body = inputs / "body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace(
        "established:", f"district: {{id: {district_id}, name: {{kk: {kk}, ru: {ru}}}}}\nestablished:", 1),
        encoding="utf-8")
    indicators = inputs / "indicators" / "2026.yaml"
    text = indicators.read_text(encoding="utf-8")
    for key in COUNTS:
        text = re.sub(rf"^({key}): (\d+)", lambda m: f"{m.group(1)}: {int(m.group(2)) + shift}", text, count=1,
                      flags=re.M)
    indicators.write_text(text, encoding="utf-8")
    return inputs


def oblast_project(root: Path, districts: list[tuple[str, str, str]]) -> Path:
    inputs = root / "oblast" / "inputs"
    inputs.mkdir(parents=True)
    listed = "\n".join(f"  - {{id: {i}, name: {{kk: {kk}, ru: {ru}}}}}" for i, kk, ru in districts)
    text = (SAMPLE / "body.yaml").read_text(encoding="utf-8").replace(
        "established:", f"level: oblast\ndistricts:\n{listed}\nestablished:", 1)
    (inputs / "body.yaml").write_text(text, encoding="utf-8")
    return inputs


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """Three districts' 2026 annual reports and packages, and an oblast project holding the packages."""
    root = tmp_path_factory.mktemp("region")
    reports = {}
    oblast = oblast_project(root, [d[:3] for d in DISTRICTS])
    received = oblast / "districts" / "2026"
    received.mkdir(parents=True)
    for district_id, kk, ru, shift in DISTRICTS:
        inputs = district_project(root, district_id, kk, ru, shift)
        outputs = inputs.parent / "outputs"
        result = run("--inputs", str(inputs), "--outputs", str(outputs), "-q", "annual-report", "2026")
        assert result.exit_code == 0, result.output
        folder = outputs / "reports" / "2026"
        reports[district_id] = folder
        shutil.copy(folder / "annual-package.json", received / f"{district_id}.json")
    result = run("--inputs", str(oblast), "--outputs", str(oblast.parent / "outputs"), "-q", "region-report", "2026")
    assert result.exit_code == 0, result.output
    return {"root": root, "reports": reports, "oblast": oblast,
            "region": oblast.parent / "outputs" / "reports" / "2026"}


# ---------------------------------------------------------------- the district's package (§26.7)


def test_the_package_names_the_report_it_goes_with_by_its_checksum_s26_7(year):
    folder = year["reports"]["aulie"]
    package = json.loads((folder / "annual-package.json").read_text(encoding="utf-8"))
    assert {r["file"]: r["sha256"] for r in package["report"]} == {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
        for name in ("annual-report.kk.docx", "annual-report.ru.docx")}
    assert package["district"] == {"id": "aulie", "kk": "Әулиекөл ауданы", "ru": "Аулиекольский район"}
    assert package["content_sha256"] == content_checksum(package)


def test_the_package_and_the_report_give_the_same_figures_s26_7(year):
    """The figures of the package are those the annual report prints: meetings, decisions, plans, assignments."""
    folder = year["reports"]["aulie"]
    package = json.loads((folder / "annual-package.json").read_text(encoding="utf-8"))
    table = cells(Document(str(folder / "annual-report.ru.docx")))
    by_label = {row[0]: row[-1] for row in table if len(row) == 2}
    quarters = [row for row in table if len(row) == 4 and row[0].endswith("квартал")]
    assert [(int(r[1]), int(r[2])) for r in quarters] == [(q["regular"], q["extraordinary"])
                                                          for q in package["meetings"]["by_quarter"]]
    assert int(by_label["Рассмотрено вопросов на заседаниях"]) == package["meetings"]["questions"]
    assert int(by_label["Принято решений (пункт 13 Положения)"]) == package["meetings"]["adopted"]
    assert int(by_label["Включено вопросов в полугодовые планы работы"]) == package["plans"]["planned"]
    assert int(by_label["Всего поручений"]) == package["assignments"]["total"]
    assert int(by_label["Просрочено"]) == package["assignments"]["overdue"]
    indicator_1 = next(r for r in table if len(r) == 7 and r[0] == "1")
    assert int(indicator_1[2]) == package["indicators"][0]["measures"][0]["value"]


def test_the_same_inputs_give_the_same_package(year, tmp_path):
    inputs = district_project(tmp_path, "aulie", "Әулиекөл ауданы", "Аулиекольский район", 1)
    outputs = tmp_path / "outputs"
    assert run("--inputs", str(inputs), "--outputs", str(outputs), "-q", "annual-report", "2026").exit_code == 0
    again = (outputs / "reports" / "2026" / "annual-package.json").read_bytes()
    assert again == (year["reports"]["aulie"] / "annual-package.json").read_bytes()


def test_a_changed_figure_no_longer_matches_the_checksum_s26_7():
    content = {"year": 2026, "meetings": {"questions": 12}}
    stated = content_checksum(content)
    changed = dict(content, meetings={"questions": 13})
    assert content_checksum(changed) != stated
    assert canonical(dict(content, content_sha256=stated)) == canonical(content)


# ---------------------------------------------------------------- the regional report


def region_cells(year, lang="ru") -> list[list[str]]:
    return cells(Document(str(year["region"] / f"region-report.{lang}.docx")))


def test_the_regional_totals_are_the_sums_of_the_districts_annual_reports_s29(year):
    """Indicator by indicator, the oblast's total equals the sum of the figures the districts' reports print."""
    totals_row = next(r for r in region_cells(year) if r[0] == "Итого по области")
    for number in (1, 4, 6, 12):      # the counts that differ between the districts
        printed = [next(r for r in cells(Document(str(folder / "annual-report.ru.docx")))
                        if len(r) == 7 and r[0] == str(number))[2] for folder in year["reports"].values()]
        assert int(totals_row[number].replace("\u00a0", "")) == sum(int(v.replace("\u00a0", "")) for v in printed)


def test_the_regional_report_lists_every_district_and_its_package_s26_7(year):
    table = region_cells(year)
    for district_id, _kk, ru, _shift in DISTRICTS:
        package = json.loads((year["oblast"] / "districts" / "2026" / f"{district_id}.json").read_text("utf-8"))
        assert [ru, f"{district_id}.json", package["content_sha256"]] in table
    kk_text = "\n".join("\t".join(r) for r in region_cells(year, "kk"))
    assert "Әулиекөл ауданы" in kk_text and "Облыс бойынша барлығы" in kk_text


def test_the_ranking_counts_the_indicators_that_changed_the_better_way_s29(year):
    ranks = [r for r in region_cells(year) if len(r) == 3 and r[0].isdigit()]
    assert ranks and all(re.fullmatch(r"\d+ / \d+", r[2]) for r in ranks)


# ---------------------------------------------------------------- what the oblast's secretary gets wrong (check)


def oblast_copy(year, tmp_path) -> Path:
    inputs = tmp_path / "inputs"
    shutil.copytree(year["oblast"], inputs)
    return inputs


def check(inputs: Path):
    return run("--inputs", str(inputs), "check")


def rewrite(path: Path, change) -> None:
    content = json.loads(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")


def resealed(change):
    def both(content):
        change(content)
        content["content_sha256"] = content_checksum(content)
    return both


def test_a_received_year_checks_clean(year, tmp_path):
    result = check(oblast_copy(year, tmp_path))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case, expected", [
    ("missing", "there is no package of Денисовский район for 2026"),
    ("twice", "Аулиекольский район (aulie) has a second package for 2026"),
    ("another_year", "reports on 2025, but lies in the folder districts/2026/"),
    ("unknown_version", "has schema version 2, this program reads version 1"),
    ("changed", "Костанайский район (kostanay) was changed after the district wrote it"),
    ("out_of_range", "a percentage cannot exceed 100"),
    ("negative", "a count cannot be negative"),
    ("not_listed", "is not among the districts of body.yaml"),
])
def test_what_the_oblast_secretary_gets_wrong_is_found_by_check_s26_7(year, tmp_path, case, expected):
    inputs = oblast_copy(year, tmp_path)
    folder = inputs / "districts" / "2026"
    if case == "missing":
        (folder / "denisov.json").unlink()
    elif case == "twice":
        shutil.copy(folder / "aulie.json", folder / "aulie-again.json")
    elif case == "another_year":
        rewrite(folder / "denisov.json", resealed(lambda c: c.update(year=2025)))
    elif case == "unknown_version":
        rewrite(folder / "denisov.json", resealed(lambda c: c.update(schema_version=2)))
    elif case == "changed":
        rewrite(folder / "kostanay.json", lambda c: c["meetings"].update(questions=c["meetings"]["questions"] + 1))
    elif case == "out_of_range":
        rewrite(folder / "aulie.json", resealed(lambda c: c["indicators"][9]["measures"][0].update(value=180.0)))
    elif case == "negative":
        rewrite(folder / "aulie.json", resealed(lambda c: c["meetings"].update(dissents=-1)))
    elif case == "not_listed":
        rewrite(folder / "aulie.json", resealed(lambda c: c["district"].update(id="auliekol")))
    result = check(inputs)
    assert result.exit_code == 1
    line = next((line for line in result.output.splitlines() if expected in line), None)
    assert line is not None, result.output
    assert "districts/2026" in line          # the file, whose name is the district's id, or the year's folder


def test_a_region_report_is_refused_while_a_package_is_wrong_s26_7(year, tmp_path):
    inputs = oblast_copy(year, tmp_path)
    (inputs / "districts" / "2026" / "denisov.json").unlink()
    result = run("--inputs", str(inputs), "--outputs", str(tmp_path / "outputs"), "region-report", "2026")
    assert result.exit_code == 1
    assert not (tmp_path / "outputs" / "reports" / "2026" / "region-report.ru.docx").exists()


def test_a_district_project_refuses_the_regional_report(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "inputs")
    result = run("--inputs", str(tmp_path / "inputs"), "--outputs", str(tmp_path / "outputs"), "region-report")
    assert result.exit_code == 2
    assert "level: oblast" in result.output


@pytest.mark.parametrize("lang, case, expected", [
    ("kk", "missing", "Денисов ауданы жіберуге тиіс 2026 жылғы пакет жоқ"),
    ("ru", "missing", "нет пакета за 2026 год, который должен прислать Денисовский район"),
    ("kk", "twice", "Әулиекөл ауданы (aulie) 2026 жылға екінші пакет жіберген"),
    ("ru", "twice", "Аулиекольский район (aulie) прислал второй пакет за 2026 год"),
])
def test_a_finding_names_the_district_in_the_secretary_s_language_s26_7(year, tmp_path, lang, case, expected):
    """The Kazakh message names the district in Kazakh, the Russian one in Russian: never the other's name."""
    inputs = oblast_copy(year, tmp_path)
    folder = inputs / "districts" / "2026"
    if case == "missing":
        (folder / "denisov.json").unlink()
    else:
        shutil.copy(folder / "aulie.json", folder / "aulie-again.json")
    result = CliRunner().invoke(cli, ["--ui-lang", lang, "--inputs", str(inputs), "check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert expected in result.output, result.output
    other = {"kk": ("Денисовский", "Аулиекольский"), "ru": ("Денисов ауданы", "Әулиекөл")}[lang]
    assert not any(name in result.output for name in other), result.output


@pytest.mark.parametrize("name, kk, ru", [
    ({"kk": "Денисов ауданы", "ru": "Денисовский район"}, "Денисов ауданы", "Денисовский район"),
    ({"kk": "Денисов ауданы"}, "Денисов ауданы", "Денисов ауданы"),          # typed in one language only
    ({"ru": "Денисовский район"}, "Денисовский район", "Денисовский район"),
])
def test_a_listed_district_is_named_in_the_language_it_has_s26_7(name, kk, ru):
    from types import SimpleNamespace

    from pipeline.region.checks import _listed_name
    named = _listed_name(SimpleNamespace(name=name))
    assert (named.render("kk"), named.render("ru"), named.render("en")) == (kk, ru, ru)


def test_an_unreadable_package_is_one_error_not_also_a_missing_district_s26_7(year, tmp_path):
    inputs = oblast_copy(year, tmp_path)
    package = inputs / "districts" / "2026" / "aulie.json"
    package.write_text(package.read_text(encoding="utf-8") + "\tx: 1\n", encoding="utf-8")
    result = check(inputs)
    assert result.exit_code == 1
    assert "aulie.json:" in result.output
    assert "there is no package of" not in result.output
