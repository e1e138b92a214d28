"""What an akimat's records office reads in each kind of document, read back with python-docx (§N cited)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.support.docx_text import paragraphs, seen_text, text
from tests.support.inputs import BASE_PLAN


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
    ru = seen_text(project.outputs / "meetings" / "2026-01" / "notice.ru.docx")
    kk = seen_text(project.outputs / "meetings" / "2026-01" / "notice.kk.docx")
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


# ---------------------------------------------------------------- the document's language (§19)

TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}


def languages_in(path) -> set[str]:
    """Every language a DOCX declares: default run properties, styles, runs, the core properties."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as package:
        xml = "".join(package.read(name).decode("utf-8") for name in package.namelist()
                      if name.startswith(("word/", "docProps/core")) and name.endswith(".xml"))
    found = set(re.findall(r'<w:lang [^>]*?w:val="([^"]+)"', xml))
    found |= set(re.findall(r"<dc:language>([^<]+)</dc:language>", xml))
    return found


def test_every_template_says_its_language_kk_kz_or_ru_ru_s19():
    from tests.support.inputs import ROOT
    templates = sorted((ROOT / "templates_docx").glob("*.docx"))
    assert templates
    for path in templates:
        assert languages_in(path) == {TAGS[path.suffixes[-2].strip(".")]}, path.name


def test_every_document_says_its_language_not_en_us_s19(project):
    project.meeting(protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    for command in (["all"], ["notice", "2026-01"], ["extracts", "2026-01"]):
        result = run(project, *command)
        assert result.exit_code == 0, result.output
    documents = sorted(project.outputs.rglob("*.docx"))
    assert len(documents) > 8
    for path in documents:
        assert languages_in(path) == {TAGS[path.suffixes[-2].strip(".")]}, path


# ---------------------------------------------------------------- letters: executor, signer, where and by when


LETTER_ITEM = {
    "plan": "2026-H1/1", "title": {"kk": "Рейдтер туралы", "ru": "О рейдах"}, "speakers": ["police"],
    "decisions": [
        dict(RAIDS),
        {"text": {"kk": "Тоқсан сайын ақпарат берілсін.", "ru": "Ежеквартально информировать."},
         "responsible": [{"kk": "Полиция бөлімі", "ru": "Отдел полиции"}],
         "due": {"kk": "тоқсан сайын", "ru": "ежеквартально"}},
    ],
    "vote": "unanimous"}


def letters(project, *commands) -> dict[str, dict[str, str]]:
    """The texts of a signed meeting's letters: notice, extract, reminder, annual report, by language."""
    project.meeting(items=[LETTER_ITEM], protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    for command in commands or (["notice", "2026-01"], ["extracts", "2026-01"],
                                ["reminders", "--as-of", "2026-06-20", "--within", "14"], ["annual-report", "2026"]):
        result = run(project, *command)
        assert result.exit_code == 0, result.output
    found = {"notice": project.outputs / "meetings" / "2026-01" / "notice.{}.docx",
             "extract": next((project.outputs / "meetings" / "2026-01" / "extracts").glob("*.ru.docx")),
             "reminder": next((project.outputs / "reminders" / "2026-06-20").glob("*.ru.docx")),
             "annual": project.outputs / "reports" / "2026" / "annual-report.{}.docx"}
    out = {}
    for kind, path in found.items():
        path = str(path).replace(".ru.docx", ".{}.docx")
        out[kind] = {lang: seen_text(path.format(lang)) for lang in ("kk", "ru")}
    return out


def test_every_letter_carries_the_executor_line_s27_1(project):
    for kind, texts in letters(project).items():
        assert "Исп.: Г. Абенова, тел. 8 (71455) 2-15-40" in texts["ru"], kind
        assert "Орынд.: Г. Абенова, тел. 8 (71455) 2-15-40" in texts["kk"], kind


def test_check_warns_of_a_letter_without_the_executors_phone_s27_1(project):
    from pipeline.stages import check_project, prepare
    from tests.support.inputs import RUN_DATE
    body_with(project, lambda body: member(body, "secretary").pop("phone"))
    project.meeting()
    found = [f for f in check_project(prepare(project.inputs, RUN_DATE)) if "phone" in f.render("en")]
    assert [(f.rule, f.is_error, f.loc.file.endswith("body.yaml")) for f in found] == [("§27.1", False, True)]


@pytest.mark.parametrize("signed_by,title,name", [
    (None, "Руководитель штаба", "О. Нургалиев"),                         # the default: the head (§27.1)
    ({"reminders": "deputy_head"}, "Заместитель руководителя штаба", "А. Сейтказинов"),
    ({"reminders": "police"}, "Заместитель руководителя штаба", "Е. Жаксылыков"),   # a member id
    ({"reminders": "secretary", "notices": "head"}, "Секретарь штаба", "Г. Абенова"),
])
def test_the_reminder_is_signed_as_body_yaml_says_by_default_the_head_s27_1(project, signed_by, title, name):
    if signed_by:
        body_with(project, lambda body: body.update(letters_signed_by=signed_by))
    reminder = letters(project, ["reminders", "--as-of", "2026-06-20", "--within", "14"],
                       ["notice", "2026-01"], ["extracts", "2026-01"], ["annual-report", "2026"])["reminder"]["ru"]
    signature = reminder[reminder.index("Исп.:") - 400:reminder.index("Исп.:")]
    assert title in signature and name in signature
    assert ("главный специалист" in signature.lower()) == (title == "Секретарь штаба")


def test_an_unknown_signer_of_letters_is_an_error_at_its_line_s27_1(project):
    from pipeline.stages import check_project, prepare
    from tests.support.inputs import RUN_DATE
    body_with(project, lambda body: body.update(letters_signed_by={"reminders": "deputy"}))
    project.meeting()
    found = [f for f in check_project(prepare(project.inputs, RUN_DATE)) if "letters_signed_by" in f.render("en")]
    assert [(f.is_error, f.document) for f in found] == [(True, "reminders")]
    assert "deputy_head" in found[0].render("en")


def test_extract_and_reminder_name_the_working_body_and_a_concrete_reply_date_s24(project):
    texts = letters(project)
    extract, reminder = texts["extract"], texts["reminder"]
    assert ("просим представить в рабочий орган штаба (государственное учреждение «Аппарат акима Костанайского "
            "района») в срок: по пункту 1.1 – до 30 июня 2026 года; по пункту 1.2 – ежеквартально, не позднее 5 "
            "числа месяца, следующего за кварталом (пункт 24 Положения).") in extract["ru"]
    assert ("Штабтың жұмыс органына («Қостанай ауданы әкімінің аппараты» мемлекеттік мекемесі) мына мерзімде ұсынуды "
            "сұраймыз: 1.1-тармақ бойынша – 2026 жылғы 30 маусымға дейін; 1.2-тармақ бойынша – тоқсан сайын, "
            "тоқсаннан кейінгі айдың 5-күнінен кешіктірмей") in extract["kk"]
    assert "в установленный срок" not in extract["ru"] and "белгіленген мерзімде" not in extract["kk"]
    assert ("просим представить в рабочий орган штаба (государственное учреждение «Аппарат акима Костанайского "
            "района») до 24 июня 2026 года") in reminder["ru"]
    assert ("Информацию по поручениям с периодическим сроком исполнения просим представлять ежеквартально, не "
            "позднее 5 числа месяца, следующего за кварталом.") in reminder["ru"]


def test_the_periodic_reply_rule_is_the_shtabs_own_s24(project):
    rule = {"kk": "ай сайын, келесі айдың 3-күнінен кешіктірмей", "ru": "ежемесячно, не позднее 3 числа следующего месяца"}
    body_with(project, lambda body: body.update(periodic_reply=rule))
    texts = letters(project)
    assert "по пункту 1.2 – ежемесячно, не позднее 3 числа следующего месяца" in texts["extract"]["ru"]
    assert "1.2-тармақ бойынша – ай сайын, келесі айдың 3-күнінен кешіктірмей" in texts["extract"]["kk"]
    assert "просим представлять ежемесячно, не позднее 3 числа следующего месяца." in texts["reminder"]["ru"]


# ---------------------------------------------------------------- the language: cases and number


def test_slushali_takes_the_accusative_from_the_grammar_library_s19(project):
    item = dict(LETTER_ITEM, speakers=["police", "economy", {"name": "А. Иванов", "position": {
        "kk": "бас маман", "ru": "главный специалист"}}])
    project.meeting(items=[item])
    assert run(project, "protocol").exit_code == 0
    ru = seen_text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert ("СЛУШАЛИ:\nначальника государственного учреждения «Отдел полиции Костанайского района Департамента "
            "полиции Костанайской области Министерства внутренних дел Республики Казахстан» Е. Жаксылыкова; "
            "руководителя ГУ «Отдел экономики и финансов» акимата Костанайского района Т. Оспанову; "
            "главного специалиста А. Иванова.") in ru
    kk = seen_text(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert "ТЫҢДАЛДЫ:\n«Қазақстан Республикасы Ішкі істер" in kk        # the Kazakh heading keeps the nominative


@pytest.mark.parametrize("speakers,ru_label,kk_label", [
    (["police"], "Докладчик:", "Баяндамашы:"),
    (["police", "economy"], "Докладчики:", "Баяндамашылар:"),
])
@pytest.mark.parametrize("document", ["agenda", "notice"])
def test_the_speakers_label_agrees_in_number_s22(project, speakers, ru_label, kk_label, document):
    project.meeting(items=[dict(LETTER_ITEM, speakers=speakers)])
    assert run(project, document, "2026-01").exit_code == 0
    ru = seen_text(project.outputs / "meetings" / "2026-01" / f"{document}.ru.docx")
    kk = seen_text(project.outputs / "meetings" / "2026-01" / f"{document}.kk.docx")
    assert f"{ru_label} начальник" in ru and f"{kk_label} «Қазақстан" in kk
    assert ("Докладчики:" in ru) == (len(speakers) > 1) and ("Баяндамашылар:" in kk) == (len(speakers) > 1)


@pytest.mark.parametrize("bodies,ru_label,kk_label", [
    ([{"kk": "Полиция бөлімі", "ru": "Отдел полиции"}], "Ответственный:", "Жауапты:"),
    ([{"kk": "Полиция бөлімі", "ru": "Отдел полиции"}, {"kk": "Білім бөлімі", "ru": "Отдел образования"}],
     "Ответственные:", "Жауаптылар:"),
])
def test_the_responsible_label_agrees_in_number_s24(project, bodies, ru_label, kk_label):
    item = dict(LETTER_ITEM, decisions=[dict(RAIDS, responsible=bodies)])
    project.meeting(items=[item], protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    assert run(project, "protocol").exit_code == 0 and run(project, "extracts", "2026-01").exit_code == 0
    for path in [project.outputs / "meetings" / "2026-01" / "protocol.ru.docx",
                 *sorted((project.outputs / "meetings" / "2026-01" / "extracts").glob("*.ru.docx"))]:
        assert f"{ru_label} Отдел полиции" in seen_text(path), path.name
    for path in [project.outputs / "meetings" / "2026-01" / "protocol.kk.docx",
                 *sorted((project.outputs / "meetings" / "2026-01" / "extracts").glob("*.kk.docx"))]:
        assert f"{kk_label} Полиция бөлімі" in seen_text(path), path.name


def test_one_overdue_assignment_and_a_plural_addressee_agree_in_number_s24(project):
    akims = {"kk": "Ауылдық округтер мен кенттің әкімдері", "ru": "Акимы сельских округов и поселка"}
    item = dict(LETTER_ITEM, decisions=[dict(RAIDS, responsible=[akims], due="2026-06-10")])
    project.meeting(items=[item], protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    result = run(project, "reminders", "--as-of", "2026-06-20")
    assert result.exit_code == 0, result.output
    ru = seen_text(next((project.outputs / "reminders" / "2026-06-20").glob("*.ru.docx")))
    kk = seen_text(next((project.outputs / "reminders" / "2026-06-20").glob("*.kk.docx")))
    assert "По просроченному поручению просим указать причины неисполнения и конкретный срок его исполнения." in ru
    assert ("Мерзімі өтіп кеткен тапсырма бойынша орындалмау себебін және оны орындаудың нақты мерзімін көрсетуді "
            "сұраймыз.") in kk
    assert "хаттамаларымен Сіздерге берілген" in kk and "Сізге" not in kk


@pytest.mark.parametrize("phrase,plural", [
    ("Акимы сельских округов и поселка", True), ("Отдел полиции Костанайского района", False),
    ("руководители отделов акимата", True), ("главный врач КГП «Костанайская районная больница»", False),
])
def test_a_plural_addressee_is_known_by_its_head_noun_s19(phrase, plural):
    from pipeline.grammar.ru import is_plural_ru
    assert is_plural_ru(phrase) is plural


@pytest.mark.parametrize("name,accusative", [
    ("Е. Жаксылыков", "Е. Жаксылыкова"), ("Т. Оспанова", "Т. Оспанову"), ("Л. Савченко", "Л. Савченко"),
    ("А. Сейтказинов", "А. Сейтказинова"), ("И. Ким", "И. Ким"), ("П. Корнилин", "П. Корнилина"),
    ("О. Вишневская", "О. Вишневскую"), ("С. Белинский", "С. Белинского"), ("Г.\u00a0Абенова", "Г.\u00a0Абенову"),
])
def test_a_speakers_surname_in_the_accusative_s19(name, accusative):
    from pipeline.grammar.ru import surname_accusative_ru
    assert surname_accusative_ru(name) == accusative


# ---------------------------------------------------------------- typography


def test_table_text_is_at_least_11_pt_in_every_template_s19():
    """A records office sends back a table set below 11 pt (the register, the indicators, the status report)."""
    import re
    import zipfile

    from tests.support.inputs import ROOT
    for path in sorted((ROOT / "templates_docx").glob("*.docx")):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        for table_xml in re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S):
            sizes = [int(size) for size in re.findall(r'<w:sz w:val="(\d+)"', table_xml)]
            assert all(size >= 22 for size in sizes), (path.name, sorted(set(sizes)))


def test_ranges_take_an_en_dash_s19(project):
    project.meeting(protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    assert run(project, "annual-report", "2026").exit_code == 0
    ru = seen_text(project.outputs / "reports" / "2026" / "annual-report.ru.docx")
    kk = seen_text(project.outputs / "reports" / "2026" / "annual-report.kk.docx")
    assert "(пункты 16–18 Положения)" in ru and "(Ереженің 16–18-тармақтары)" in kk
    assert "16-18" not in ru + kk


def test_one_capitalisation_of_shtab_per_language_in_the_documents_wording_s19():
    """The program's own words: «Штаб» in Kazakh, «штаб» in Russian, in every template and phrase."""
    import re
    import sys

    from tests.support.inputs import ROOT
    sys.path.insert(0, str(ROOT / "tools"))
    import build_templates
    import templates_between

    from pipeline.context import phrases as i18n

    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, (list, tuple)):
            for part in value:
                yield from texts(part)

    for lang, wrong in (("kk", "штаб"), ("ru", "Штаб")):
        wording = [t for table in (build_templates.W, build_templates.RW, templates_between.BW)
                   for value in table[lang].values() for t in texts(value)] + list(i18n.PHRASES[lang].values())
        assert wording and not [t for t in wording if re.search(rf"(?<!\w){wrong}", t)], lang


@pytest.mark.parametrize("typed,depth,printed", [
    ("ГУ «Отдел «Жас» центра»", 0, "ГУ «Отдел „Жас“ центра»"),
    ('ОФ "Семейный очаг"', 0, 'ОФ "Семейный очаг"'),          # no guillemets yet: typographic_quotes' work
    ("акция «Мак-2026»", 1, "акция „Мак-2026“"),               # inside the document's own «…»
    ("«Жастар» и «Болашак»", 0, "«Жастар» и «Болашак»"),        # two pairs side by side: not nested
    ("КГУ «Жастар", 0, "КГУ «Жастар"),                          # unpaired: as typed
    ("", 1, ""),
])
def test_quotes_inside_quotes_nest_as_low_high_quotes_s19(typed, depth, printed):
    from pipeline.grammar.typography import nested_quotes
    assert nested_quotes(typed, depth) == printed


def test_a_plan_question_quoted_in_a_change_nests_its_own_quotes_s18_s19(project):
    title = {"kk": "«Мак-2026» операциясы туралы", "ru": "Об операции «Мак-2026»"}
    project.plan(items=[dict(BASE_PLAN["items"][0], title=title)], changes=[{
        "item": 1, "action": "exclude", "basis": {"by": "deputy_akim", "date": "2026-04-20", "text": "x"},
        "decided": {"by": "akim", "date": "2026-04-22"}}])
    result = run(project, "plan")
    assert result.exit_code == 0, result.output
    ru = seen_text(project.outputs / "plans" / "2026-H1.ru.docx")
    assert "Вопрос № 1 «Об операции „Мак-2026“» исключен из плана." in ru


# ---------------------------------------------------------------- §20, §22 the list of the invited ends with a full stop

INVITED = [{"name": f"А. Гость{n}", "position": {"kk": f"{n}-ші маман", "ru": f"специалист {n}"}} for n in (1, 2, 3)]
INVITED_HEADING = {("notice", "ru"): "Приглашенные на заседание:", ("notice", "kk"): "Отырысқа шақырылғандар:",
                   ("agenda", "ru"): "Приглашенные на заседание:", ("agenda", "kk"): "Отырысқа шақырылғандар:",
                   ("protocol", "ru"): "Приглашенные:", ("protocol", "kk"): "Шақырылғандар:"}


@pytest.mark.parametrize("count", [1, 2, 3])
@pytest.mark.parametrize("document", ["notice", "agenda", "protocol"])
def test_the_list_of_the_invited_ends_with_a_full_stop_s20_s22(project, document, count):
    project.meeting(invited=INVITED[:count])
    assert run(project, document, "2026-01").exit_code == 0
    for lang in ("kk", "ru"):
        lines = [line.replace("\u00a0", " ") for line in
                 paragraphs(project.outputs / "meetings" / "2026-01" / f"{document}.{lang}.docx")] + [""]
        start = lines.index(INVITED_HEADING[document, lang]) + 1
        listed = lines[start:start + count]
        assert [line.startswith("– ") for line in listed] == [True] * count, listed
        assert not lines[start + count].startswith("– "), lines[start + count]
        assert [line[-1] for line in listed] == [";"] * (count - 1) + ["."], (lang, listed)


# ---------------------------------------------------------------- §20 the protocol names who spoke for an absent member

STAND_IN = {"for": "hospital", "name": "Д. Ахметова",
            "position": {"kk": "Аудандық аурухананың бас дәрігерінің орынбасары",
                         "ru": "заместитель главного врача районной больницы"}}


@pytest.mark.parametrize("stand_ins,ru_heard,kk_heard", [
    ([STAND_IN],
     "СЛУШАЛИ:\nзаместителя главного врача районной больницы Д. Ахметову (вместо отсутствующего главного врача КГП "
     "«Костанайская районная больница» Управления здравоохранения акимата Костанайской области); начальника",
     "ТЫҢДАЛДЫ:\nАудандық аурухананың бас дәрігерінің орынбасары Д. Ахметова (отырысқа қатыспаған Қостанай облысы "
     "әкімдігінің денсаулық сақтау басқармасының «Қостанай аудандық ауруханасы» коммуналдық мемлекеттік "
     "кәсіпорнының бас дәрігерінің орнына); «Қазақстан"),
    ([dict(STAND_IN, position=None)],
     "СЛУШАЛИ:\nД. Ахметову (вместо отсутствующего главного врача КГП «Костанайская районная больница»",
     "ТЫҢДАЛДЫ:\nД. Ахметова (отырысқа қатыспаған Қостанай облысы"),
])
def test_the_protocol_names_the_stand_in_who_spoke_for_an_absent_member_s20(project, stand_ins, ru_heard,
                                                                              kk_heard):
    stand_ins = [{k: v for k, v in s.items() if v is not None} for s in stand_ins]
    project.meeting(items=[dict(LETTER_ITEM, speakers=["hospital", "police"])], stand_ins=stand_ins)
    result = run(project, "protocol", "2026-01")
    assert result.exit_code == 0, result.output
    ru = seen_text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    kk = seen_text(project.outputs / "meetings" / "2026-01" / "protocol.kk.docx")
    assert ru_heard in ru and kk_heard in kk
    assert "СЛУШАЛИ:\nглавного врача" not in ru and "К. Есенову" not in ru.split("СЛУШАЛИ:")[1]
    # the agenda and the notice, written before the meeting, keep the speaker they announced
    for document in ("agenda", "notice"):
        assert run(project, document, "2026-01").exit_code == 0
        announced = seen_text(project.outputs / "meetings" / "2026-01" / f"{document}.ru.docx")
        assert "Докладчики: главный врач КГП «Костанайская районная больница»" in announced


# ---------------------------------------------------------------- §24 a decision that assigns nothing is in no report


def test_a_decision_that_assigns_nothing_is_in_no_register_status_or_reminder_s24(project):
    take_note = {"text": {"kk": "Ақпарат назарға алынсын.", "ru": "Информацию принять к сведению."}}
    item = dict(LETTER_ITEM, decisions=[take_note, dict(RAIDS)])
    project.meeting(items=[item], protocol={"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True})
    reports = project.outputs / "reports" / "2026"
    for command in (["register", "2026", "--as-of", "2026-12-31"], ["status", "--as-of", "2026-12-31"],
                    ["reminders", "--as-of", "2026-06-20", "--within", "14"], ["annual-report", "2026"]):
        result = run(project, *command)
        assert result.exit_code == 0, result.output
    documents = [reports / "register.{}.docx", reports / "status-2026-12-31.{}.docx",
                 *(str(p).replace(".ru.", ".{}.") for p in (project.outputs / "reminders" / "2026-06-20").glob("*.ru.docx"))]
    assert len(documents) == 3          # one reminder: the police's, of decision 1.2
    for path in documents:
        ru, kk = seen_text(str(path).format("ru")), seen_text(str(path).format("kk"))
        assert "принять к сведению" not in ru and "назарға алынсын" not in kk, path
    register = seen_text(str(reports / "register.ru.docx"))
    assert "Обеспечить проведение рейдов" in register and "1.1." not in register
