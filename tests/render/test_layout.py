"""Signature blocks on rendered pages: every document of a year, as LibreOffice lays it out (§15, §23).

A records office sends back a document whose signature stands alone on a page,
or starts on one page and ends on the next. So the check is made on pages, not
on XML: every document of the sample year and of a second year (another
district, tests/data/another-year, written from the input contract alone) is
rendered to PDF in one LibreOffice run per year, and each page's text (poppler's
pdftotext) is read:

- no signature block spans two pages: its title line and its signature line
  («_____ И. Фамилия») are on the same page;
- no page holds only a signature block: at least two lines of the document's
  text stand above it on its page (the page number not counted);
- no page is blank, nor holds only the last line of the page before (a row cut);
- a heading that ends a page (the last line) is not followed on the next page
  by its own content: checked for the status report's and annual report's
  headings of overdue assignments and the register's «Итого» table, which stays
  whole on one page.

Needs LibreOffice and poppler (CI installs both); about a minute for both years.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.write.pdf import convert_batch
from tests.support.inputs import ROOT, SAMPLE

ANOTHER_YEAR = ROOT / "tests" / "data" / "another-year" / "inputs"

# the first line of every signature block: the signer's title, kk and ru (phrases.yaml, the templates)
TITLES = ("Руководитель штаба", "Исполняющий обязанности", "Секретарь штаба", "Заместитель руководителя штаба",
          "Штаб басшысы", "Штаб басшысының", "Штаб хатшысы", "Председательствующий", "Төрағалық етуші",
          "Верно:", "Дұрыс:")
SIGNATURE = re.compile(r"_{6,}")
APPROVAL = ("УТВЕРЖДАЮ", "БЕКІТЕМІН")
# the documents that end with a signature (agendas and plans carry the head's approval at the top instead)
SIGNED_KINDS = ("protocol", "notice", "extracts", "reminders", "status", "register", "annual-report")


def run(inputs: Path, outputs: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--inputs", str(inputs), "--outputs", str(outputs), *args])
    assert result.exit_code == 0, result.output


def write_year(source: Path, folder: Path, year: int, meetings: list[str], reminders: str) -> Path:
    """Every document of the year into folder/outputs: all, the extracts of the signed meetings, reminders,
    status and register as of dates inside the year."""
    shutil.copytree(source, folder / "inputs")
    records = source.parent / "records"
    if records.is_dir():
        shutil.copytree(records, folder / "records")
    inputs, outputs = folder / "inputs", folder / "outputs"
    year_end = dt.date(year, 12, 31).isoformat()
    run(inputs, outputs, "--as-of", year_end, "all")
    for meeting in meetings:
        run(inputs, outputs, "extracts", meeting)
    run(inputs, outputs, "reminders", "--as-of", reminders, "--within", "60")
    run(inputs, outputs, "status", "--as-of", year_end)
    run(inputs, outputs, "register", str(year), "--as-of", year_end)
    return outputs


def pages_of(pdf: Path) -> list[list[str]]:
    """The non-empty lines of each page, as poppler lays them out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]


def is_page_number(line: str) -> bool:
    return line.isdigit()


def is_title(line: str) -> bool:
    """The first line of a signature block: a title alone on its line, or followed by the signature's column."""
    for title in TITLES:
        if line.startswith(title):
            rest = line[len(title):]
            return not rest.strip(" ,") or rest.startswith("  ") or bool(SIGNATURE.search(rest)) or \
                title.endswith(":") or (title in ("Исполняющий обязанности", "Штаб басшысының") and ":" not in rest)
    return False


def pages_with_pictures(pdf: Path) -> set[int]:
    """The pages (from 1) that hold a picture (the annual report's chart): content that pdftotext cannot read."""
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {int(line.split()[0]) for line in listed.splitlines()[2:] if line.split()}


def signature_problems(pages: list[list[str]], pictures: set[int] = frozenset()) -> list[str]:
    """Where a signature block spans two pages or stands alone on one (a picture above it counts as content);
    an empty list when none does."""
    problems = []
    for number, lines in enumerate(pages, start=1):
        text = [line for line in lines if not is_page_number(line)]
        if not text:
            problems.append(f"page {number} is blank")
            continue
        for index, line in enumerate(text):
            if not is_title(line) or any(a in " ".join(text[max(0, index - 3):index + 1])
                                                  for a in APPROVAL):
                continue
            rest = text[index:index + 6]
            if not any(SIGNATURE.search(after) for after in rest):
                if not (index + 1 < len(text) and SIGNATURE.search(" ".join(text[index:]))):
                    problems.append(f"page {number}: the signature block of «{line}» goes on to the next page")
            before = [t for t in text[:index] if not SIGNATURE.search(t) and not is_title(t)]
            if len(before) < 2 and not (number in pictures and before):
                problems.append(f"page {number}: the signature block of «{line}» stands alone on its page")
        signatures = [i for i, t in enumerate(text) if SIGNATURE.search(t)]
        titles = [i for i, t in enumerate(text) if is_title(t)]
        if number > 1 and signatures and signatures[0] <= 1 and (not titles or signatures[0] < titles[0]):
            problems.append(f"page {number}: begins with the end of a signature block from the page before")
        elif number > 1 and len(text) < 2 and number not in pictures and not titles:
            problems.append(f"page {number} holds only the end of the page before: «{text[0]}»")
    return problems


def heading_problems(pages: list[list[str]], headings: tuple[str, ...]) -> list[str]:
    """A heading that is the last line of a page (its content on the next) is sent back."""
    return [f"page {number}: «{lines[-1]}» ends the page" for number, lines in enumerate(pages, start=1)
            if lines and any(lines[-1].startswith(h) for h in headings)
            or (len(lines) > 1 and is_page_number(lines[-1]) and any(lines[-2].startswith(h) for h in headings))]


HEADINGS = ("Просроченные поручения", "Мерзімі өткен тапсырмалар", "Итого", "Жиыны",
            "Поручения по ответственным органам", "Жауапты органдар бойынша тапсырмалар")


def totals_problems(pdf: Path, pages: list[list[str]]) -> list[str]:
    """The register's «Итого» / «Жиыны» table on one page: its first and last rows together."""
    if not pdf.name.endswith(("register.ru.pdf", "register.kk.pdf")):
        return []
    first, last = ("Всего поручений", "Протокол не подписан") if ".ru." in pdf.name else \
        ("Тапсырмалардың барлығы", "Хаттамаға қол қойылмаған")
    where = {label: [n for n, lines in enumerate(pages) if any(line.startswith(label) for line in lines)]
             for label in (first, last)}
    if where[first] and where[last] and where[first][-1] != where[last][-1]:
        return [f"the totals table starts on page {where[first][-1] + 1} and ends on page {where[last][-1] + 1}"]
    return []


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    if not shutil.which("soffice") and not shutil.which("libreoffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    if not shutil.which("pdftotext") or not shutil.which("pdfimages"):
        pytest.skip("poppler's pdftotext and pdfimages are not installed")
    years = {
        "sample 2026": write_year(SAMPLE, tmp_path_factory.mktemp("sample"), 2026,
                                  ["2026-01", "2026-02", "2026-03", "2026-04"], "2026-11-27"),
        "another year 2027": write_year(ANOTHER_YEAR, tmp_path_factory.mktemp("another"), 2027,
                                        ["2027-01", "2027-02", "2027-03", "2027-04"], "2027-12-15"),
    }
    for outputs in years.values():
        documents = sorted(outputs.rglob("*.docx"))
        convert_batch(documents)                                 # one LibreOffice run per year
        assert all(docx.with_suffix(".pdf").stat().st_size > 0 for docx in documents)
    return {f"{year}: {pdf.relative_to(outputs)}": pdf
            for year, outputs in years.items() for pdf in sorted(outputs.rglob("*.pdf"))}


def test_every_document_of_both_years_was_rendered(rendered):
    for year in ("sample 2026", "another year 2027"):
        names = [name for name in rendered if name.startswith(year)]
        for kind in SIGNED_KINDS + ("agenda", "plans", "composition"):
            assert any(kind in name for name in names), (year, kind)


def test_no_signature_block_is_split_or_alone_on_a_page_s15(rendered):
    problems, signed = [], 0
    for name, pdf in rendered.items():
        pages = pages_of(pdf)
        found = signature_problems(pages, pages_with_pictures(pdf))
        problems += [f"{name}: {p}" for p in found]
        if any(kind in name for kind in SIGNED_KINDS):
            signed += 1
            assert any(is_title(line) for page in pages for line in page), f"{name}: no signature found in {pages}"
    assert signed > 50
    assert problems == []


def test_no_heading_ends_a_page_and_the_register_totals_stay_whole(rendered):
    problems = []
    for name, pdf in rendered.items():
        pages = pages_of(pdf)
        problems += [f"{name}: {p}" for p in heading_problems(pages, HEADINGS) + totals_problems(pdf, pages)]
    assert problems == []


@pytest.mark.parametrize("pages,expected", [
    ([["Текст.", "Еще строка.", "Руководитель штаба   _______ О. Нургалиев"]], []),
    ([["Текст.", "Еще строка."], ["2", "Руководитель штаба   _______ О. Нургалиев"]],
     ["page 2: the signature block of «Руководитель штаба   _______ О. Нургалиев» stands alone on its page"]),
    ([["Текст.", "Еще строка.", "Руководитель штаба"], ["2", "_______ О. Нургалиев"]],
     ["page 1: the signature block of «Руководитель штаба» goes on to the next page",
      "page 2: begins with the end of a signature block from the page before"]),
    ([["УТВЕРЖДАЮ", "Руководитель штаба,", "_______ О. Нургалиев", "ПОВЕСТКА ДНЯ"]], []),
    ([["Текст."], []], ["page 2 is blank"]),
    ([["Текст.", "Еще строка.", "Руководитель штаба   _______ О. Нургалиев", "аким Костанайского"],
      ["района»"]], ["page 2 holds only the end of the page before: «района»»"]),
    ([["Текст."], ["Рисунок. Изменение показателей", "Руководитель штаба   _______ О. Нургалиев"]], []),
], ids=["whole", "alone", "split", "approval at the top", "blank page", "a row split", "a chart above"])
def test_the_page_reader_itself(pages, expected):
    chart = {2} if pages[-1] and pages[-1][0].startswith("Рисунок") else set()
    assert signature_problems(pages, pictures=chart) == expected
