"""Between meetings (§22, §23, §24): the notice and the extracts, read back; the addressees in the dative."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.grammar.addressee import addressee
from pipeline.rules.workdays import last_working_day_before, reply_deadline, working_days_after
from tests.support.docx_text import paragraphs, seen, seen_text, text
from tests.support.inputs import BASE_MEETING, VOTING

POLICE = {"kk": "Қостанай ауданының полиция бөлімі (келісім бойынша)",
          "ru": "Отдел полиции Костанайского района (по согласованию)"}
AKIMS = {"kk": "Ауылдық округтер мен кенттің әкімдері", "ru": "Акимы сельских округов и поселка"}


def decision(text_ru: str, responsible: list, due="2026-06-30", **extra) -> dict:
    return {"text": {"kk": text_ru + " (kk)", "ru": text_ru}, "responsible": responsible, "due": due, **extra}


# Four present members against: 8 for of 16 is no majority, so the decision is not adopted (§13).
NOT_ADOPTED_VOTE = {"against": ["knb", "apparatus", "sport", "employment"]}


def cycle_meeting(**changes) -> dict:
    items = [
        {**BASE_MEETING["items"][0],
         "materials": [{"from": POLICE, "submitted": "2026-03-06", "languages": ["kk", "ru"]}],
         "decisions": [
             decision("Провести рейды.", [POLICE, AKIMS]),
             decision("Отклоненное поручение полиции.", [POLICE], vote=NOT_ADOPTED_VOTE),
             decision("Обучить педагогов.", ["education"], due="2026-05-15"),
         ]},
        {"title": {"kk": "Екінші мәселе", "ru": "Второй вопрос"}, "plan": "2026-H1/1", "speakers": ["youth"],
         "heard": {"kk": "Ақпарат.", "ru": "Информация."},
         "decisions": [decision("Представить отчет.", [POLICE], due={"kk": "тоқсан сайын", "ru": "ежеквартально"})],
         "vote": "unanimous"},
    ]
    base = {**BASE_MEETING, "items": items, "protocol": {"drawn_up": "2026-03-13", "signed_by": "akim",
                                                          "signed": True},
            "invited": [{"name": "М. Тулегенов", "position": {"kk": "орталық директоры", "ru": "директор центра"}}],
            "absent": [{"member": m} for m in VOTING if m not in BASE_MEETING["present"]]}
    base.update(changes)
    return base


def run(project, *args):
    result = CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])
    return result


# ---------------------------------------------------------------- extracts (§23)


def test_one_extract_per_body_only_its_adopted_decisions(project):
    project.write("meetings/2026-01.yaml", cycle_meeting())
    result = run(project, "extracts", "2026-01")
    assert result.exit_code == 0, result.output
    folder = project.outputs / "meetings" / "2026-01" / "extracts"
    names = sorted(p.name for p in folder.iterdir())
    # order of first mention: police (1.1), the akims (1.1), the education member (1.3)
    assert names == ["01-otdel-politsii-kostanaiskogo-raiona.kk.docx", "01-otdel-politsii-kostanaiskogo-raiona.ru.docx",
                     "02-akimy-selskikh-okrugov-i-poselka.kk.docx", "02-akimy-selskikh-okrugov-i-poselka.ru.docx",
                     "03-education.kk.docx", "03-education.ru.docx"]
    police = seen_text(folder / "01-otdel-politsii-kostanaiskogo-raiona.ru.docx")
    assert "Отделу полиции Костанайского района" in police           # the addressee, in the dative, no note
    assert "1.1. Провести рейды." in police and "2.1. Представить отчет." in police   # numbered as in the protocol
    for path in folder.iterdir():
        assert "Отклоненное поручение" not in seen_text(path), path.name    # not adopted (§13): in no extract
    assert "Обучить педагогов" not in police                          # another body's decision
    assert "Срок: до 30 июня 2026 года." in police and "Срок: ежеквартально." in police
    assert "ВЫПИСКА ИЗ ПРОТОКОЛА" in police and "12 марта 2026 года № 1" in police and "Верно:" in police
    akims = seen_text(folder / "02-akimy-selskikh-okrugov-i-poselka.ru.docx")
    assert "Акимам сельских округов и поселка" in akims and "Представить отчет" not in akims
    kk = seen_text(folder / "01-otdel-politsii-kostanaiskogo-raiona.kk.docx")
    assert "Қостанай ауданының полиция бөліміне" in kk and "2026 жылғы 12 наурыздағы № 1 хаттамасынан\nҮЗІНДІ" in kk
    assert "хаттамадан" not in kk.lower() and "Дұрыс:" in kk


def test_member_id_addresses_the_members_post_and_prints_in_the_protocol(project):
    project.write("meetings/2026-01.yaml", cycle_meeting())
    assert run(project, "extracts", "2026-01").exit_code == 0
    folder = project.outputs / "meetings" / "2026-01" / "extracts"
    ru = text(folder / "03-education.ru.docx")
    assert "Руководителю ГУ «Отдел образования Костанайского района» Управления образования" in ru
    assert "1.3. Обучить педагогов." in ru and "Провести рейды" not in ru
    kk = text(folder / "03-education.kk.docx")
    assert "«Қостанай ауданының білім бөлімі» ММ басшысына" in kk
    assert run(project, "protocol", "2026-01").exit_code == 0
    protocol = text(project.outputs / "meetings" / "2026-01" / "protocol.ru.docx")
    assert "Ответственный: руководитель ГУ «Отдел образования Костанайского района»" in protocol


def test_the_same_body_typed_the_same_is_one_addressee(project):
    again = dict(POLICE)
    data = cycle_meeting()
    data["items"][0]["decisions"].append(decision("Еще одно поручение.", [again]))
    project.write("meetings/2026-01.yaml", data)
    assert run(project, "extracts", "2026-01").exit_code == 0
    folder = project.outputs / "meetings" / "2026-01" / "extracts"
    police = [p for p in folder.iterdir() if "politsii" in p.name]
    assert len(police) == 2          # one per language
    assert "1.4. Еще одно поручение." in text(folder / "01-otdel-politsii-kostanaiskogo-raiona.ru.docx")


def test_unsigned_protocol_gives_a_warning_and_no_extract_unless_forced(project):
    project.write("meetings/2026-01.yaml", cycle_meeting(protocol={"drawn_up": "2026-03-13", "signed_by": "akim"}))
    result = run(project, "extracts", "2026-01")
    assert result.exit_code == 1
    assert "inputs/meetings/2026-01.yaml" in result.output and "warning:" in result.output and "(§23)" in result.output
    assert not (project.outputs / "meetings" / "2026-01" / "extracts").exists()
    forced = run(project, "--force", "extracts", "2026-01")
    assert forced.exit_code == 0, forced.output
    assert len(list((project.outputs / "meetings" / "2026-01" / "extracts").iterdir())) == 6


def test_unknown_responsible_member_id_is_an_error_with_its_line(project):
    data = cycle_meeting()
    data["items"][0]["decisions"][2]["responsible"] = ["educaton"]
    path = project.write("meetings/2026-01.yaml", data)
    result = run(project, "extracts", "2026-01")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "educaton" in text)
    assert f"2026-01.yaml:{line}: unknown member id 'educaton'" in result.output
    assert "did you mean 'education'?" in result.output
    assert "(§24)" in result.output
    assert not (project.outputs / "meetings").exists()
    assert run(project, "protocol", "2026-01").exit_code == 1


def test_unknown_meeting_is_a_wrong_command_line(project):
    project.write("meetings/2026-01.yaml", cycle_meeting())
    for command in ("notice", "extracts"):
        result = run(project, command, "2026-09")
        assert result.exit_code == 2 and "there is no meeting 2026-09; the meetings are: 2026-01" in result.output
    assert not project.outputs.exists()


# ---------------------------------------------------------------- the notice (§22, §26.4)


def test_notice_holds_agenda_materials_invited_and_the_reply_date(project):
    project.write("meetings/2026-01.yaml", cycle_meeting(date="2026-03-26", documents_sent="2026-03-19",
                                                          agenda_approved={"by": "akim", "date": "2026-03-18"}))
    result = run(project, "notice", "2026-01")
    assert result.exit_code == 0, result.output
    ru = text(project.outputs / "meetings" / "2026-01" / "notice.ru.docx")
    assert "ИЗВЕЩЕНИЕ" in ru and "Членам штаба," in ru and "19.03.2026" in ru
    assert "26 марта 2026 года, в 10:00" in seen(ru) and "зал заседаний акимата Костанайского района" in ru
    assert "1. О профилактике среди молодежи" in ru and "2. Второй вопрос" in ru
    assert "Докладчик: начальник государственного учреждения «Отдел полиции" in ru
    assert "Отдел полиции Костанайского района (по согласованию)" in ru and "06.03.2026" in ru
    assert "государственный, русский" in ru and "Материалы прилагаются" in ru
    assert "директор центра М.\u00a0Тулегенов" in ru
    # the working day before Thursday 26 March 2026: 23-25 March are Nauryz days off, so Friday 20 March
    assert "секретарю штаба до 20 марта 2026 года" in seen(ru)
    kk = text(project.outputs / "meetings" / "2026-01" / "notice.kk.docx")
    assert "ХАБАРЛАМА" in kk and "2026 жылғы 20 наурызға дейін" in seen(kk) and "КҮН ТӘРТІБІ:" in kk


def test_every_letter_leaves_the_outgoing_number_to_the_registry(project):
    """The notice and each extract go out as the akimat's letters: the date, then "№" and a line the registry
    fills in when it registers the letter (as the annual report does without `outgoing`)."""
    project.write("meetings/2026-01.yaml", cycle_meeting(date="2026-03-26", documents_sent="2026-03-19"))
    assert run(project, "notice", "2026-01").exit_code == 0
    assert run(project, "extracts", "2026-01").exit_code == 0
    folder = project.outputs / "meetings" / "2026-01"
    for lang in ("kk", "ru"):  # the notice is dated the day the documents were sent (§26.4)
        assert "19.03.2026\u00a0№\u00a0__________" in paragraphs(folder / f"notice.{lang}.docx")
    extracts = sorted((folder / "extracts").glob("*.docx"))
    assert len(extracts) >= 2
    for extract in extracts:  # an extract, the day its protocol was drawn up
        assert "13.03.2026\u00a0№\u00a0__________" in paragraphs(extract), extract.name


def test_urgent_notice_says_materials_come_at_the_meeting(project):
    project.write("meetings/2026-01.yaml", cycle_meeting(urgent=True))
    assert run(project, "notice", "2026-01").exit_code == 0
    ru = text(project.outputs / "meetings" / "2026-01" / "notice.ru.docx")
    assert "материалы будут вручены участникам непосредственно на заседании (пункт 22 Положения)" in ru
    assert "Материалы прилагаются" not in ru
    kk = text(project.outputs / "meetings" / "2026-01" / "notice.kk.docx")
    assert "материалдар отырыс қатысушыларына тікелей отырыста беріледі" in kk


def test_all_writes_notices_and_extracts(project):
    project.write("meetings/2026-01.yaml", cycle_meeting())
    result = run(project, "all")
    assert result.exit_code == 0, result.output
    folder = project.outputs / "meetings" / "2026-01"
    assert (folder / "notice.kk.docx").exists() and len(list((folder / "extracts").iterdir())) == 6


# ---------------------------------------------------------------- addressees in the dative


@pytest.mark.parametrize("nominative, dative", [
    ("Отдел образования Костанайского района", "Отделу образования Костанайского района"),
    ("Отдел полиции Костанайского района (по согласованию)", "Отделу полиции Костанайского района"),
    ("Акимы сельских округов и поселка", "Акимам сельских округов и поселка"),
    ("Костанайский сельскохозяйственный колледж", "Костанайскому сельскохозяйственному колледжу"),
    ("ГУ «Отдел физической культуры и спорта» акимата Костанайского района",
     "ГУ «Отдел физической культуры и спорта» акимата Костанайского района"),
    ("КГП «Костанайский областной центр психического здоровья» (по согласованию)",
     "КГП «Костанайский областной центр психического здоровья»"),
    ("Министерство внутренних дел Республики Казахстан", "Министерству внутренних дел Республики Казахстан"),
    ("Департамент полиции Костанайской области", "Департаменту полиции Костанайской области"),
    ("Управление образования акимата Костанайской области", "Управлению образования акимата Костанайской области"),
    ("аким Костанайского района", "Акиму Костанайского района"),
    ("главный врач КГП «Костанайская районная больница»", "Главному врачу КГП «Костанайская районная больница»"),
    ("заместитель акима Костанайского района, курирующий правоохранительное направление",
     "Заместителю акима Костанайского района, курирующему правоохранительное направление"),
    ("руководитель ГУ «Отдел образования Костанайского района»",
     "Руководителю ГУ «Отдел образования Костанайского района»"),
])
def test_russian_dative_of_real_bodies(nominative, dative):
    result = addressee(nominative, "ru")
    assert result.form == dative and result.sure


@pytest.mark.parametrize("nominative, dative", [
    ("Қостанай ауданының білім бөлімі", "Қостанай ауданының білім бөліміне"),
    ("Қостанай ауданының полиция бөлімі (келісім бойынша)", "Қостанай ауданының полиция бөліміне"),
    ("Ауылдық округтер мен кенттің әкімдері", "Ауылдық округтер мен кенттің әкімдеріне"),
    ("Қостанай ауыл шаруашылығы колледжі", "Қостанай ауыл шаруашылығы колледжіне"),
    ("Қостанай ауданы әкімдігінің «Дене шынықтыру және спорт бөлімі» ММ",
     "Қостанай ауданы әкімдігінің «Дене шынықтыру және спорт бөлімі» ММ-ге"),
    ("«Қостанай облыстық психикалық денсаулық орталығы» КМК", "«Қостанай облыстық психикалық денсаулық орталығы» КМК-ға"),
    ("Қазақстан Республикасы Ішкі істер министрлігі", "Қазақстан Республикасы Ішкі істер министрлігіне"),
    ("Қостанай ауданының прокуроры", "Қостанай ауданының прокурорына"),
    ("Қостанай ауданы әкімінің аппараты", "Қостанай ауданы әкімінің аппаратына"),
    ("Жұмыспен қамту орталығы", "Жұмыспен қамту орталығына"),
    ("«Саламатты ұрпақ» ЖШС", "«Саламатты ұрпақ» ЖШС-ке"),
    ("Қостанай аудандық штаб", "Қостанай аудандық штабқа"),
])
def test_kazakh_dative_of_real_bodies(nominative, dative):
    assert addressee(nominative, "kk").form == dative


def test_an_unknown_russian_head_is_not_sure():
    assert not addressee("Абвгдейка района", "ru").sure


# ---------------------------------------------------------------- working days (§27.1 reading)


@pytest.mark.parametrize("as_of, deadline", [
    ("2026-11-25", "2026-11-30"),   # Wednesday: Thu, Fri, (weekend) Mon
    ("2026-11-27", "2026-12-02"),   # Friday: Mon, Tue, Wed
    ("2026-03-20", "2026-03-30"),   # Friday before Nauryz: 23-25 March are days off
    ("2026-12-14", "2026-12-18"),   # Independence Day 16 December skipped
    ("2026-05-06", "2026-05-13"),   # 7 May and 11 May (Victory Day moved from Saturday) skipped
    ("2026-12-31", "2027-01-08"),   # 1 Jan; 2 Jan (a Saturday) moved to Monday 4 Jan; 7 Jan Christmas
])
def test_reply_deadline_is_three_working_days_later(as_of, deadline):
    assert reply_deadline(dt.date.fromisoformat(as_of)) == dt.date.fromisoformat(deadline)


def test_working_days_boundaries():
    friday = dt.date(2026, 11, 27)
    assert working_days_after(friday, 0) == friday
    assert working_days_after(friday, 1) == dt.date(2026, 11, 30)
    assert last_working_day_before(dt.date(2026, 11, 30)) == friday
    assert last_working_day_before(dt.date(2026, 3, 26)) == dt.date(2026, 3, 20)
