"""What an akimat's records office reads in each kind of document, read back with python-docx (§N cited)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import paragraphs, text


def run(project, *args):
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])
    return result


def body_with(project, change) -> None:
    """body.yaml of the project, changed by `change(body_dict)`."""
    path = project.inputs / "body.yaml"
    body = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(body)
    project.write("body.yaml", body)


def member(body: dict, member_id: str) -> dict:
    return next(m for m in body["members"] if m["id"] == member_id)


# ---------------------------------------------------------------- the composition (Appendix 1, §8)


@pytest.mark.parametrize("as_of,listed", [
    ("2026-03-20", {"prosecutor", "knb"}),      # knb's membership ends ahead: still a member
    ("2026-06-30", {"prosecutor", "knb"}),      # the last day of knb's membership (inclusive)
    ("2026-07-01", {"prosecutor"}),             # the day after: knb has left
    ("2026-01-31", {"knb"}),                    # before the prosecutor's membership begins
])
def test_the_composition_lists_every_member_in_force_on_its_date_s8(project, as_of, listed):
    def change(body):
        member(body, "knb")["until"] = dt.date(2026, 6, 30)
        member(body, "prosecutor")["from"] = dt.date(2026, 2, 1)
    body_with(project, change)
    result = run(project, "composition", "--as-of", as_of)
    assert result.exit_code == 0, result.output
    ru = text(project.outputs / "composition.ru.docx")
    kk = text(project.outputs / "composition.kk.docx")
    assert ("Комитета национальной безопасности" in ru) == ("knb" in listed)
    assert ("Ұлттық қауіпсіздік комитетінің" in kk) == ("knb" in listed)
    assert ("Прокурор Костанайского района" in ru) == ("prosecutor" in listed)


# ---------------------------------------------------------------- the protocol: §13 outcomes, §24 assignments

PRESENT = ["akim", "deputy_akim", "police", "prosecutor", "knb", "apparatus", "sport", "employment", "culture",
           "internal_policy", "economy", "youth"]
RAIDS = {"text": {"kk": "Рейдтер өткізу қамтамасыз етілсін.", "ru": "Обеспечить проведение рейдов."},
         "responsible": [{"kk": "Полиция бөлімі", "ru": "Отдел полиции"}], "due": "2026-06-30"}


def tie_item(chair_side: str) -> dict:
    """Six for and six against; the chair (akim) among those against, or abstaining with one of the twelve."""
    if chair_side == "against":
        vote = {"for": PRESENT[6:], "against": PRESENT[:6], "abstained": []}
    else:
        vote = {"for": PRESENT[6:11], "against": PRESENT[1:6], "abstained": ["akim", "youth"]}
    return {"plan": "2026-H1/1", "title": {"kk": "Рейдтер туралы", "ru": "О рейдах"}, "speakers": ["police"],
            "heard": {"kk": "Полиция бөлімі ақпарат берді.", "ru": "Отдел полиции проинформировал."},
            "decisions": [RAIDS], "vote": vote}


@pytest.mark.parametrize("chair_side,ru_case,kk_case", [
    ("against", "Голоса разделились поровну; председательствующий голосовал против, решение не принято",
     "Дауыстар тең бөлінді; төрағалық етуші қарсы дауыс берді, шешім қабылданбады"),
    ("abstained", "Голоса разделились поровну; председательствующий не голосовал «за», решение не принято",
     "Дауыстар тең бөлінді; төрағалық етуші жақтап дауыс бермеді, шешім қабылданбады"),
])
def test_a_tie_the_chair_did_not_decide_says_which_case_applied_s13(project, chair_side, ru_case, kk_case):
    project.meeting(items=[tie_item(chair_side)])
    result = run(project, "protocol")
    assert result.exit_code == 0, result.output
    ru = text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    kk = text(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert ru_case in ru and "не проголосовало большинство" not in ru
    assert kk_case in kk and "көпшілігі жақтамады" not in kk


def test_a_decision_not_adopted_is_a_draft_without_responsible_or_deadline_s13_s24(project):
    project.meeting(items=[tie_item("against")])
    assert run(project, "protocol").exit_code == 0
    ru = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    kk = paragraphs(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert "1.1. Проект решения (не принят): Обеспечить проведение рейдов." in ru
    assert "1.1. Шешім жобасы (қабылданбады): Рейдтер өткізу қамтамасыз етілсін." in kk
    assert not any(p.startswith(("Ответственн", "Срок:")) or "Срок: до 30" in p for p in ru)
    assert not any(p.startswith(("Жауапты", "Мерзімі:")) for p in kk)


# ---------------------------------------------------------------- §12 who called an extraordinary meeting


def extraordinary(project, initiated_by, urgent=True):
    """An extraordinary meeting the head did not attend: the deputy akim chairs and signs (§25.3)."""
    present = ["deputy_akim", "police", "prosecutor", "knb", "apparatus", "sport", "employment", "culture",
               "internal_policy", "economy", "youth", "education", "secretary"]
    project.meeting(kind="extraordinary", initiated_by=initiated_by, urgent=urgent, present=present,
                    absent=[{"member": m} for m in ("akim", "college", "hospital", "mental_health")],
                    chair="deputy_akim", agenda_approved={"by": "deputy_akim", "date": "2026-03-05"},
                    protocol={"drawn_up": "2026-03-13", "signed_by": "deputy_akim"})


@pytest.mark.parametrize("document", ["notice", "protocol"])
def test_an_extraordinary_meeting_called_by_members_says_so_with_the_count_s12(project, document):
    extraordinary(project, ["deputy_akim", "police", "prosecutor", "knb", "apparatus", "sport", "employment",
                            "culture", "internal_policy"])
    result = run(project, document, "2026-01")
    assert result.exit_code == 0, result.output
    ru = text(project.outputs / "meetings" / "2026-01" / f"{document}.ru.docx")
    kk = text(project.outputs / "meetings" / "2026-01" / f"{document}.kk.docx")
    assert "Внеочередное заседание созвано по инициативе 9 из 16 членов штаба (пункт 12 Положения)." in ru
    assert ("Кезектен тыс отырыс Штабтың 9 мүшесінің бастамасы бойынша шақырылды (Штаб мүшелерінің жалпы саны – "
            "16; Ереженің 12-тармағы).") in kk
    # urgent, but not on the order of the head, who was absent (§22 is a separate fact)
    assert "по поручению руководителя" not in ru and "басшысының тапсырмасы" not in kk
    assert "в срочном порядке" in ru and "шұғыл түрде" in kk


def test_an_extraordinary_meeting_called_by_the_head_says_so_s12(project):
    extraordinary(project, ["akim"])
    assert run(project, "protocol", "2026-01").exit_code == 0
    ru = text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "Внеочередное заседание созвано руководителем штаба (пункт 12 Положения)." in ru
    assert "в срочном порядке по поручению руководителя штаба" in ru


def test_a_regular_meeting_says_nothing_of_who_called_it_s12(project):
    project.meeting()
    assert run(project, "notice", "2026-01").exit_code == 0
    assert "созвано" not in text(project.outputs / "meetings" / "2026-01" / "notice.ru.docx")


# ---------------------------------------------------------------- §22 the notice's own date and its deadline


@pytest.mark.parametrize("sent,ru_ask,kk_ask", [
    # the meeting is on Thursday 12 March 2026; the last working day before it is Wednesday 11 March
    ("2026-03-06", "Просим подтвердить участие в заседании секретарю штаба до 11 марта 2026 года.",
     "Отырысқа қатысуыңызды 2026 жылғы 11 наурызға дейін Штаб хатшысына растауды сұраймыз."),
    ("2026-03-10", "Просим подтвердить участие в заседании секретарю штаба до 11 марта 2026 года.",
     "Отырысқа қатысуыңызды 2026 жылғы 11 наурызға дейін Штаб хатшысына растауды сұраймыз."),
    ("2026-03-11", "Просим незамедлительно подтвердить участие в заседании секретарю штаба.",   # the same day
     "Отырысқа қатысуыңызды дереу Штаб хатшысына растауды сұраймыз."),
    ("2026-03-12", "Просим незамедлительно подтвердить участие в заседании секретарю штаба.",   # the meeting day
     "Отырысқа қатысуыңызды дереу Штаб хатшысына растауды сұраймыз."),
])
def test_a_notice_asks_for_no_confirmation_by_a_day_not_after_its_own_date_s22(project, sent, ru_ask, kk_ask):
    project.meeting(documents_sent=sent, urgent=sent >= "2026-03-11")
    result = run(project, "notice", "2026-01")
    assert result.exit_code == 0, result.output
    ru = text(project.outputs / "meetings" / "2026-01" / "notice.ru.docx")
    kk = text(project.outputs / "meetings" / "2026-01" / "notice.kk.docx")
    assert ru_ask in ru and kk_ask in kk


# ---------------------------------------------------------------- wording of the notice, the extract, the protocol


def test_the_notice_wording_s22(project):
    project.meeting()
    assert run(project, "notice", "2026-01").exit_code == 0
    ru = text(project.outputs / "meetings" / "2026-01" / "notice.ru.docx")
    kk = text(project.outputs / "meetings" / "2026-01" / "notice.kk.docx")
    assert "состоится в день, время и месте, указанных ниже." in ru
    assert "отырысы төменде көрсетілген күні, уақытында және орнында өтетінін хабарлаймыз." in kk


def test_the_kazakh_protocol_attaches_a_dissent_as_an_appendix_s14(project):
    item = {"plan": "2026-H1/1", "title": {"kk": "Рейдтер туралы", "ru": "О рейдах"}, "speakers": ["police"],
            "decisions": [RAIDS], "vote": {"against": ["knb"]},
            "dissent": [{"member": "knb", "date": "2026-03-12", "text": {"kk": "Келіспеймін.", "ru": "Не согласен."}}]}
    project.meeting(items=[item])
    assert run(project, "protocol").exit_code == 0
    kk = text(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert "Ерекше пікір жазбаша баяндалып, хаттамаға қоса берілді (1-қосымша, Ереженің 14-тармағы)." in kk
