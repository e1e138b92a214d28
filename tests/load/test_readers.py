"""Independent readers accept every document the program writes.

The documents leave the program: Word or LibreOffice at the akimat, the
e-document system, the authorized body. Every DOCX that `python -m pipeline all`
writes from the sample inputs (every kind, every language: new kinds are covered
as soon as they are registered in `stages.DOCUMENTS`) is

  (a) converted to PDF by LibreOffice headless, all in ONE soffice process
      (through `pipeline.write.pdf`, the code behind `make pdf`), and its text read
      back with pdftotext: every word of the DOCX is on the pages, titles and
      the protocol's quorum sentence (§20) included;
  (b) validated against the OOXML schema by openxml-audit, a port of the Open
      XML SDK validator: no schema finding, and no semantic one either.

Where LibreOffice, pdftotext or the validator is absent the test skips and
says which; .ci/run installs all three.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import docx
import pytest

from pipeline import stages
from pipeline.context import phrases as i18n
from tests.support.inputs import RUN_DATE

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "inputs"
TITLES = {"protocol": {"kk": "ХАТТАМА", "ru": "ПРОТОКОЛ"},
          "agenda": {"kk": "КҮН ТӘРТІБІ", "ru": "ПОВЕСТКА ДНЯ"}}


# ---------------------------------------------------------------- the documents, written once


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """`python -m pipeline all` on the sample inputs, as the secretary runs it."""
    outputs = tmp_path_factory.mktemp("readers") / "outputs"
    result = subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(SAMPLE), "--outputs", str(outputs),
                             "-q", "all"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return outputs


@pytest.fixture(scope="module")
def jobs() -> list[stages.Job]:
    assessment = stages.prepare(SAMPLE, RUN_DATE)
    return stages.jobs_for(assessment, list(stages.DOCUMENTS))


@pytest.fixture(scope="module")
def documents(written: Path, jobs) -> dict[Path, stages.Job]:
    return {written / job.output: job for job in jobs}


def test_the_samples_hold_every_kind_of_document_in_both_languages(written, jobs, documents):
    """The readers below see every kind registered in DOCUMENTS, in kk and ru, and nothing is missed."""
    kinds = {(job.document, job.lang) for job in jobs}
    assert kinds >= {(kind, lang) for kind in stages.DOCUMENTS for lang in ("kk", "ru")}
    assert set(written.rglob("*.docx")) == set(documents)


# ---------------------------------------------------------------- (a) LibreOffice and pdftotext


def _need(program: str) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils)")


@pytest.fixture(scope="module")
def pdf_texts(written: Path, documents) -> dict[Path, str]:
    """Every DOCX converted in one LibreOffice batch by pipeline.write.pdf; the text of each PDF."""
    _need("soffice")
    _need("pdftotext")
    from pipeline.write.pdf import convert_outputs
    converted = convert_outputs(written)
    assert {c.docx for c in converted} == set(documents) and all(c.changed for c in converted)
    texts = {}
    for item in converted:  # -layout keeps a hyphen at a line end (the default joins іс-\nқимыл to ісқимыл)
        result = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(item.pdf), "-"], capture_output=True, text=True)
        assert result.returncode == 0, f"{item.pdf}: {result.stderr}"
        texts[item.docx] = result.stdout
    return texts


def docx_words(path: Path) -> Counter:
    """Every word a reader of the DOCX sees in its body and tables (headers hold only page numbers)."""
    document = docx.Document(str(path))
    words: Counter = Counter()

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    yield cell

    def collect(paragraphs, tables):
        for paragraph in paragraphs:
            words.update(words_of(paragraph.text))
        seen = set()
        for cell in cells(tables):
            if id(cell._tc) in seen:      # a merged cell repeats in every row and column it spans
                continue
            seen.add(id(cell._tc))
            collect(cell.paragraphs, cell.tables)

    collect(document.paragraphs, document.tables)
    return words


def words_of(text: str) -> list[str]:
    """Words, split at hyphens too: LibreOffice may break a line after the hyphen of іс-қимыл."""
    return [w for w in re.split(r"[\s\-\u2011]+", text.casefold()) if w]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def test_libreoffice_shows_every_word_of_every_document(pdf_texts, documents):
    """Nothing the DOCX holds is lost on the way to paper: each word appears on the PDF pages (as often)."""
    problems = []
    for path, job in documents.items():
        text = pdf_texts[path]
        assert text.strip(), f"{path}: the PDF has no text"
        missing = docx_words(path) - Counter(words_of(text))
        if missing:
            problems.append(f"{job.output}: {sorted(missing)[:8]}")
    assert not problems, "words of the DOCX missing from the PDF:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", sorted(TITLES))
def test_titles_read_in_the_pdf(pdf_texts, documents, kind):
    """The titles of agendas and protocols in each language (ХАТТАМА / ПРОТОКОЛ ...)."""
    for path, job in documents.items():
        if job.document == kind:
            assert squeezed(TITLES[kind][job.lang]) in squeezed(pdf_texts[path]), job.output


def test_protocol_pdf_states_the_quorum(pdf_texts, documents):
    """§20: each protocol says how many members were present of how many, and that there was a quorum."""
    assessment = stages.prepare(SAMPLE, RUN_DATE)
    protocols = [(path, job) for path, job in documents.items() if job.document == "protocol"]
    assert protocols
    for path, job in protocols:
        meeting_id = job.output.parent.name
        quorum = assessment.meetings[meeting_id].quorum
        sentence = i18n.phrase(job.lang, "quorum.reached", present=quorum.present, total=quorum.total)
        assert squeezed(sentence) in squeezed(pdf_texts[path]), job.output


# ---------------------------------------------------------------- (b) the Open XML schema


def test_every_document_passes_the_open_xml_validator(written, documents):
    """openxml-audit (the Open XML SDK's checks in Python): no schema finding, no semantic finding.

    The only semantic findings it ever had here came from python-docx's default
    template (a stale stylesWithEffects.xml, which Word would repair); the
    templates no longer carry that part (tools/docxbuild.py).
    """
    pytest.importorskip("openxml_audit", reason="openxml-audit is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "openxml_audit", "--output", "json", "--max-errors", "0",
                             "--recursive", str(written)], capture_output=True, text=True)
    reports = json.loads(result.stdout)
    assert {Path(r["file"]) for r in reports} == set(documents)
    findings = [f"{Path(r['file']).relative_to(written)}: {e['type']}: {e['description']} ({e.get('part_uri')})"
                for r in reports for e in r["errors"]]
    schema = [f for f in findings if ": schema: " in f]
    assert not schema, "schema findings:\n" + "\n".join(schema)
    assert not findings, "semantic findings:\n" + "\n".join(findings)
    assert all(r["valid"] for r in reports)
