"""The register and the status report say how each signed protocol was signed (§15, §24, §28).

«подписан ЭЦП: Т. Тестов, 12.03.2026» once the head's ЭЦП is stored beside the sealed PDF; «подписан на
бумаге» for `signed: true` without one (paper signing stays allowed); nothing for an unsigned protocol.
"""

from __future__ import annotations

import pytest
from docx import Document

from tests.records.signature.test_import import SIGNED, folder, run, write
from tests.support.ecp import Pki
from tests.support.inputs import BASE_MEETING

# the meeting's one decision assigns something (a responsible body and a deadline, §24): the register lists it
ASSIGNED = [{**BASE_MEETING["items"][0], "decisions": [{
    "text": {"kk": "Профилактикалық рейдтер өткізілсін.", "ru": "Провести профилактические рейды."},
    "responsible": ["police"], "due": "2026-06-30"}]}]


@pytest.fixture(scope="module")
def pki():
    return Pki("rsa")


def references(path) -> list[str]:
    return [cell.text for table in Document(str(path)).tables for row in table.rows for cell in row.cells
            if "протокола №" in cell.text or "хаттаманың" in cell.text]


@pytest.fixture
def sealed(project, pki, seal_with_pdf):
    project.meeting("2026-01", protocol=SIGNED, items=ASSIGNED)
    assert run(project, "protocol").exit_code == 0
    (project.root / "trust").mkdir()
    (project.root / "trust" / "test.pem").write_bytes(pki.anchors_pem())
    return project


def register(project, lang: str) -> list[str]:
    assert run(project, "--as-of", "2026-11-27", "register", "2026").exit_code == 0
    return references(project.outputs / "reports" / "2026" / f"register.{lang}.docx")


def test_a_signed_protocol_without_an_ecp_is_shown_signed_on_paper_s15(sealed):
    rows = register(sealed, "ru")
    assert rows and all(row.endswith("(подписан на бумаге)") for row in rows)
    assert all(row.endswith("(қағазда қол қойылған)") for row in register(sealed, "kk"))


def test_a_stored_ecp_names_the_signer_and_the_day_in_the_register_and_the_status_report_s15_s28(sealed, pki):
    pdf = (folder(sealed) / "protocol.kk.pdf").read_bytes()
    assert run(sealed, "signature", "import", "2026-01", write(sealed, "s.cms", pki.cms(pdf))).exit_code == 0
    assert all(row.endswith("(подписан ЭЦП: Т. Тестов, 12.03.2026)") for row in register(sealed, "ru"))
    assert all(row.endswith("(ЭЦҚ-мен қол қойылған: Т. Тестов, 12.03.2026)") for row in register(sealed, "kk"))
    import datetime as dt

    from pipeline import stages
    from pipeline.context.reports import assignment_reference
    from pipeline.documents.yearly import protocol_signing
    from pipeline.wiring import KINDS
    assessment = stages.prepare(sealed.inputs, dt.date(2026, 11, 27), True)
    signing = protocol_signing(assessment)          # what status_jobs gives the status report, as register_jobs
    lines = [assignment_reference(KINDS["status"].localizer("ru"), a, signing) for a in assessment.assignments]
    assert lines and all(line.endswith("(подписан ЭЦП: Т. Тестов, 12.03.2026)") for line in lines)


def test_an_unsigned_protocol_says_nothing_of_signing_s15(project):
    project.meeting("2026-01", items=ASSIGNED)
    assert run(project, "--as-of", "2026-11-27", "register", "2026").exit_code == 0
    rows = references(project.outputs / "reports" / "2026" / "register.ru.docx")
    assert rows and not any("подписан" in row for row in rows)
