"""Reminders and the status of execution (§24, §27.1, §28): the window, the states, the letters read back."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.rules.control import Standing, State, position_of
from pipeline.rules.execution import in_window
from tests.rules.test_between_meetings import AKIMS, NOT_ADOPTED_VOTE, POLICE, decision
from tests.support.docx_text import seen_text
from tests.support.inputs import BASE_MEETING, VOTING

AS_OF = "2026-04-10"          # a Friday; the window of 14 days ends on Friday 24 April


def execution_meeting() -> dict:
    """Decisions 1.1-1.10 for the police (1.2 also the akims) around the window of 2026-04-10 + 14 days."""
    decisions = [
        decision("Д1 срок ровно в конце окна.", [POLICE], due="2026-04-24"),
        decision("Д2 срок на день позже окна.", [POLICE, AKIMS], due="2026-04-25"),
        decision("Д3 без записи в контроле.", [POLICE], due="2026-04-01"),
        decision("Д4 исполнено.", [POLICE], due="2026-04-05"),
        decision("Д5 снято с контроля.", [POLICE], due="2026-04-15"),
        decision("Д6 продлено.", [POLICE], due="2026-03-31"),
        decision("Д7 не принято.", [POLICE], due="2026-04-15", vote=NOT_ADOPTED_VOTE),
        decision("Д8 периодическое.", [POLICE], due={"kk": "тоқсан сайын", "ru": "ежеквартально"}),
        decision("Д9 исполнено позже даты справки.", [POLICE], due="2026-04-20"),
        decision("Д10 исполнено с опозданием.", [POLICE], due="2026-03-20"),
    ]
    return {**BASE_MEETING, "items": [{**BASE_MEETING["items"][0], "decisions": decisions}],
            "absent": [{"member": m} for m in VOTING if m not in BASE_MEETING["present"]],
            "protocol": {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}}


CONTROL = [
    {"assignment": "2026-01/1.4", "status": "done", "date": "2026-04-03"},
    {"assignment": "2026-01/1.5", "status": "removed", "date": "2026-04-01"},
    {"assignment": "2026-01/1.6", "status": "extended", "date": "2026-03-30", "new_due": "2026-04-20"},
    {"assignment": "2026-01/1.9", "status": "done", "date": "2026-04-15"},
    {"assignment": "2026-01/1.10", "status": "done", "date": "2026-04-02"},
]


@pytest.fixture
def cycle(project):
    project.write("meetings/2026-01.yaml", execution_meeting())
    project.write("control/2026.yaml", CONTROL)
    return project


def run(project, *args):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


# ---------------------------------------------------------------- the rules, as a table


def _standing(status, deadline, overdue=False, date=None, signed=True):
    return Standing(status, date, deadline, overdue, signed)


D = dt.date(2026, 4, 10)


@pytest.mark.parametrize("position, expected", [
    (_standing("in_progress", D + dt.timedelta(days=14)), True),     # exactly D+14: included
    (_standing("in_progress", D + dt.timedelta(days=15)), False),    # D+15: not
    (_standing("in_progress", D), True),                             # due today
    (_standing("in_progress", D - dt.timedelta(days=1), True), True),  # overdue
    (_standing("extended", D + dt.timedelta(days=3)), True),
    (_standing("done", D, date=D), False),
    (_standing("removed", D, date=D), False),
    (_standing("in_progress", None), False),                         # a text deadline is never "due"
])
def test_reminder_window(position, expected):
    assert in_window(position, D, 14) is expected


@pytest.mark.parametrize("position, expected", [
    (_standing("done", D, date=D), State.DONE_ON_TIME),
    (_standing("done", D - dt.timedelta(days=1), date=D), State.DONE_LATE),
    (_standing("done", None, date=D), State.DONE_ON_TIME),           # text deadline: never late
    (_standing("removed", D, date=D), State.REMOVED),
    (_standing("in_progress", D - dt.timedelta(days=1), True), State.OVERDUE),
    (_standing("extended", D - dt.timedelta(days=1), True, date=D - dt.timedelta(days=30)), State.OVERDUE),
    (_standing("extended", D, date=D - dt.timedelta(days=30)), State.EXTENDED),
    (_standing("in_progress", D), State.IN_PROGRESS),
    (_standing("in_progress", None), State.IN_PROGRESS),
    (_standing("in_progress", D - dt.timedelta(days=1), signed=False), State.NOT_SIGNED),
    (_standing("done", D, date=D, signed=False), State.NOT_SIGNED),
])
def test_one_state_per_assignment_s23_s24(position, expected):
    assert position.state is expected


class _Protocol:
    def __init__(self, signed):
        self.signed = signed


class _Meeting:
    def __init__(self, signed):
        self.protocol, self.date = _Protocol(signed), D


@pytest.mark.parametrize("signed, overdue, state", [(True, True, State.OVERDUE), (False, False, State.NOT_SIGNED)])
def test_an_unsigned_protocols_assignment_is_never_overdue_s23(signed, overdue, state):
    from pipeline.rules.control import Assignment
    assignment = Assignment("2026-01/1.1", _Meeting(signed), 1, type("Decision", (), {"due": D - dt.timedelta(1)}))
    position = position_of(assignment, D)
    assert position.overdue is overdue and position.state is state


# ---------------------------------------------------------------- reminders, read back


def test_reminder_lists_open_assignments_due_by_the_window_end(cycle):
    result = run(cycle, "reminders", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    folder = cycle.outputs / "reminders" / AS_OF
    assert sorted(p.name for p in folder.iterdir()) == ["01-otdel-politsii-kostanaiskogo-raiona.kk.docx",
                                                        "01-otdel-politsii-kostanaiskogo-raiona.ru.docx"]
    ru = seen_text(folder / "01-otdel-politsii-kostanaiskogo-raiona.ru.docx")
    for present in ("Д1", "Д3", "Д6", "Д8", "Д9"):
        assert f"{present} " in ru, present
    for absent in ("Д2", "Д4", "Д5", "Д7", "Д10"):
        assert f"{absent} " not in ru, absent      # outside the window, done, removed, not adopted, done
    assert "Отделу полиции Костанайского района" in ru
    assert "до 15 апреля 2026 года информацию о ходе исполнения" in ru      # Friday + 3 working days
    assert "до 24 апреля 2026 года включительно" in ru
    assert ru.count("просрочено") == 1 and "(продленный срок)" in ru and "до 20 апреля 2026 года" in ru
    assert "пункт 1.6 протокола № 1 от 12 марта 2026 года" in ru
    assert ru.index("Поручения с периодическим") < ru.index("Д8 ")         # periodic ones apart
    kk = seen_text(folder / "01-otdel-politsii-kostanaiskogo-raiona.kk.docx")
    assert "Қостанай ауданының полиция бөліміне" in kk and "мерзімі өтіп кеткен" in kk
    assert "2026 жылғы 15 сәуірге дейін" in kk and "2026 жылғы 10 сәуірдегі жағдай бойынша" in kk


def test_a_wider_window_reaches_the_next_day_and_the_other_body(cycle):
    assert run(cycle, "reminders", "--as-of", AS_OF, "--within", "15").exit_code == 0
    folder = cycle.outputs / "reminders" / AS_OF
    assert "Д2 " in seen_text(folder / "01-otdel-politsii-kostanaiskogo-raiona.ru.docx")
    akims = seen_text(folder / "02-akimy-selskikh-okrugov-i-poselka.ru.docx")
    assert "Акимам сельских округов и поселка" in akims and "Д2 " in akims and "Д1 " not in akims


def test_reply_date_skips_nauryz(cycle):
    assert run(cycle, "reminders", "--as-of", "2026-03-20").exit_code == 0
    ru = seen_text(cycle.outputs / "reminders" / "2026-03-20" / "01-otdel-politsii-kostanaiskogo-raiona.ru.docx")
    assert "до 30 марта 2026 года информацию" in ru      # 23, 24, 25 March are days off


def test_as_of_before_the_first_meeting_is_refused_at_its_date(cycle):
    for command in ("reminders", "status"):
        result = run(cycle, command, "--as-of", "2026-01-05")
        assert result.exit_code == 1
        assert "inputs/meetings/2026-01.yaml:2: --as-of 2026-01-05 is before the first meeting (2026-03-12" \
            in result.output
    assert not cycle.outputs.exists()


def test_control_entry_of_a_not_adopted_decision_stops_reminders_and_status(cycle):
    cycle.write("control/2026.yaml", CONTROL + [{"assignment": "2026-01/1.7", "status": "done",
                                                  "date": "2026-04-01"}])
    for command in ("reminders", "status"):
        result = run(cycle, command, "--as-of", AS_OF)
        assert result.exit_code == 1
        assert "control/2026.yaml:17: '2026-01/1.7' is a decision that was not adopted" in result.output
        assert "Execution of assignments" not in result.output
    assert not cycle.outputs.exists()


# ---------------------------------------------------------------- status


def test_status_table_and_report(cycle):
    result = run(cycle, "status", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "Execution of assignments as of 2026-04-10" in result.output
    total = next(line for line in result.output.splitlines() if "All assignments" in line)
    # done on time, done late, extended, in progress, overdue, removed, protocol not signed, total
    assert [int(n) for n in total.split("│")[2:-1] if n.strip()] == [1, 1, 1, 4, 1, 1, 0, 9]
    ru = seen_text(cycle.outputs / "reports" / "2026" / "status-2026-04-10.ru.docx")
    assert "СПРАВКА" in ru and "по состоянию на 10 апреля 2026 года" in ru
    assert "исполнено с нарушением срока 02.04.2026" in ru and "снято с контроля 01.04.2026" in ru
    assert "Д7" not in ru                                      # not adopted: no assignment
    assert "срок продлен до 20 апреля 2026 года решением от 30.03.2026" in ru and "просрочено" in ru
    kk = seen_text(cycle.outputs / "reports" / "2026" / "status-2026-04-10.kk.docx")
    assert "АНЫҚТАМА" in kk and "2026 жылғы 10 сәуірдегі жағдай бойынша" in kk and "мерзімі өтіп кеткен" in kk


def test_status_in_russian_on_the_terminal(cycle):
    result = run(cycle, "--ui-lang", "ru", "status", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "Исполнение поручений на 2026-04-10" in result.output and "Отдел полиции" in result.output


def test_reminders_and_status_are_not_part_of_all(cycle):
    assert run(cycle, "all").exit_code == 0
    assert not (cycle.outputs / "reminders").exists()
    assert not list((cycle.outputs / "reports" / "2026").glob("status-*"))


def test_check_warns_about_an_overdue_assignment_without_control_entry(cycle):
    result = run(cycle, "check", "--as-of", AS_OF)
    lines = [line for line in result.output.splitlines() if "says nothing about it" in line]
    assert len(lines) == 1 and "assignment 2026-01/1.3 was due on 2026-04-01" in lines[0]
    assert lines[0].startswith("inputs/meetings/2026-01.yaml:") or "/inputs/meetings/2026-01.yaml:" in lines[0]
    assert lines[0].endswith("(§24)") and "warning:" in lines[0]


def test_nothing_due_says_so_and_writes_nothing(cycle):
    result = run(cycle, "reminders", "--as-of", "2026-03-12", "--within", "0")
    assert result.exit_code == 0, result.output
    assert "no open assignment is due on or before 2026-03-12" in result.output
    assert not cycle.outputs.exists()


# ---------------------------------------------------------------- signed protocols only (§23)


def test_an_unsigned_protocol_gets_no_reminder_no_overdue_warning_and_shows_as_not_signed_s23(cycle):
    data = execution_meeting()
    data["protocol"] = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": False}
    cycle.write("meetings/2026-01.yaml", data)
    result = run(cycle, "reminders", "--as-of", AS_OF)
    assert result.exit_code == 0 and "no open assignment is due" in result.output
    assert not (cycle.outputs / "reminders").exists()
    assert "says nothing about it" not in run(cycle, "check", "--as-of", AS_OF).output
    result = run(cycle, "status", "--as-of", AS_OF)
    total = next(line for line in result.output.splitlines() if "All assignments" in line)
    assert [int(n) for n in total.split("│")[2:-1] if n.strip()] == [0, 0, 0, 0, 0, 0, 9, 9]
    ru = seen_text(cycle.outputs / "reports" / "2026" / "status-2026-04-10.ru.docx")
    assert ru.count("протокол не подписан") == 10 and "просрочено" not in ru    # Д2 under two bodies; heading «Просрочено»
    kk = seen_text(cycle.outputs / "reports" / "2026" / "status-2026-04-10.kk.docx")
    assert "хаттамаға қол қойылмаған" in kk


def test_a_rerun_of_reminders_leaves_exactly_the_letters_due_and_nothing_else_is_touched_s24(cycle):
    assert run(cycle, "reminders", "--as-of", AS_OF, "--within", "15").exit_code == 0
    folder = cycle.outputs / "reminders" / AS_OF
    akims = "02-akimy-selskikh-okrugov-i-poselka"
    assert (folder / f"{akims}.ru.docx").is_file()
    (folder / f"{akims}.ru.pdf").write_bytes(b"%PDF made by pdf")
    (folder / "notes.txt").write_text("hers", encoding="utf-8")
    (folder / "Копия письма.docx").write_bytes(b"hers")
    result = run(cycle, "reminders", "--as-of", AS_OF)          # 14 days: the akims' deadline is out of the window
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "01-otdel-politsii-kostanaiskogo-raiona.kk.docx", "01-otdel-politsii-kostanaiskogo-raiona.ru.docx",
        "notes.txt", "Копия письма.docx"]
    assert f"removed: {folder / (akims + '.kk.docx')}" in result.output
    other = cycle.outputs / "reminders" / "2026-04-09"
    assert run(cycle, "reminders", "--as-of", "2026-04-09", "--within", "16").exit_code == 0
    assert run(cycle, "reminders", "--as-of", AS_OF).exit_code == 0
    assert (other / f"{akims}.ru.docx").is_file()                 # another date's folder is not touched
