"""Typography and layout a records office expects: quotes, unanimity, list endings, headings."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli.main import cli
from pipeline.grammar.typography import typographic_quotes
from tests.support.docx_text import paragraphs
from tests.support.inputs import BASE_MEETING, VOTING


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


@pytest.mark.parametrize("typed,printed", [
    ('"Қостанай ауданы әкімінің аппараты" ММ', "«Қостанай ауданы әкімінің аппараты» ММ"),
    ('ОФ "Семейный очаг", КГУ "Жастар"', "ОФ «Семейный очаг», КГУ «Жастар»"),
    ('акция ("Мак-2026").', "акция («Мак-2026»)."),
    ("«ёлочки» уже есть", "«ёлочки» уже есть"),
    ('Итог {{ 7*7 }} "кавычки"', 'Итог {{ 7*7 }} "кавычки"'),        # template syntax: literal
    ('<b>жирный</b> "x"', '<b>жирный</b> "x"'),                       # markup: literal
    ('ГУ "Отдел "Жас" центра"', 'ГУ "Отдел "Жас" центра"'),           # quotes that do not pair: as typed
    ('экран 12"', 'экран 12"'),                                       # inches, not a quotation
    ("", ""),
])
def test_straight_quotes_become_guillemets(typed, printed):
    assert typographic_quotes(typed) == printed


def test_quotes_in_a_document(project):
    project.meeting(place={"kk": '"Жастар" орталығы', "ru": 'центр "Жастар"'})
    assert run(project, "protocol").exit_code == 0
    ru = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert any("центр «Жастар»" in p for p in ru) and not any('"Жастар"' in p for p in ru)


def test_a_unanimous_vote_says_so(project):
    split = dict(BASE_MEETING["items"][0], vote={"against": ["knb"]})
    project.meeting(items=[BASE_MEETING["items"][0], split])
    assert run(project, "protocol").exit_code == 0
    ru = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    kk = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert "Голосовали: единогласно («за» – 12)." in ru
    assert "Голосовали: «за» – 11, «против» – 1, «воздержались» – 0." in ru
    assert "Дауыс берді: бірауыздан («жақтап» – 12)." in kk


def test_not_unanimous_when_someone_present_did_not_vote(project):
    item = dict(BASE_MEETING["items"][0], vote={"for": VOTING[:11], "against": [], "abstained": []})
    project.meeting(items=[item])
    assert run(project, "protocol").exit_code == 0
    ru = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "Голосовали: «за» – 11, «против» – 0, «воздержались» – 0." in ru


def test_each_list_ends_with_a_full_stop(project):
    project.meeting(absent=[{"member": m, "reason": {"kk": "іссапарда", "ru": "в командировке"}} for m in VOTING[12:]])
    assert run(project, "protocol").exit_code == 0
    ru = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    for heading, following in (("Присутствовали члены штаба:", "Секретарь штаба:"),
                               ("Отсутствовали члены штаба:", "На заседании присутствовали")):
        start = ru.index(heading) + 1
        items = [p for p in ru[start:] if p.startswith("– ")][:16]
        items = items[:next((i for i, p in enumerate(items) if p.endswith(".")), len(items)) + 1]
        assert all(p.endswith(";") for p in items[:-1]) and items[-1].endswith("."), items


def _paragraph(document, text):
    return next(p for p in document.paragraphs if p.text == text)


def test_headings_stay_with_what_follows_and_table_headers_repeat(project):
    project.meeting()
    assert run(project, "protocol").exit_code == 0 and run(project, "plan").exit_code == 0
    protocol = Document(str(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx"))
    for heading in ("Присутствовали члены штаба:", "Отсутствовали члены штаба:", "Председательствовал:",
                    "ПОВЕСТКА ДНЯ:", "СЛУШАЛИ:", "РЕШИЛИ:"):
        assert _paragraph(protocol, heading).paragraph_format.keep_with_next, heading
    plan = Document(str(project.outputs / "plans" / "2026-H1.ru.docx"))
    table = max(plan.tables, key=lambda t: len(t.rows))
    assert table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") \
        is not None
