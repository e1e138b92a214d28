"""Stage 3 for the yearly documents: the control register (§24, §28) and the annual report (§9.5, §26.7, §29).

Every count, status and verdict comes decided from `pipeline.rules`
(control, annual, indicators); here they only get their words and number forms
in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..grammar import dates
from ..load.models import Body, Outgoing
from ..rules.annual import QUARTERS, PlanExecution, YearSummary
from ..rules.control import EXTENDED, IN_PROGRESS, Assignment, Register, Standing, State
from ..rules.indicators import Indicator, Measure
from . import phrases as i18n
from .chart import Bar, Chart
from .common import Localizer, body_header, body_name_genitive
from .letter import executor_line, letter_signature
from .meeting import Signature

CHART_WIDTH_MM = 160


# ---------------------------------------------------------------- the register


@dataclass
class RegisterRow:
    number: int
    reference: str         # "пункт 1.2 протокола № 1 от 12 марта 2026 года": what a records officer cites
    text: str
    responsible: str
    due: str
    status: str
    note: str
    overdue: str           # the mark, empty when not overdue


@dataclass
class Totals:
    """Each assignment in exactly one state (control.State): the states add up to the total."""

    total: int
    done_on_time: int
    done_late: int
    extended: int
    in_progress: int
    overdue: int
    removed: int
    not_signed: int


@dataclass
class RegisterContext:
    body_name: str
    akimat: str
    seat: str
    working_body: str
    year: int
    as_of_long: str        # "27 ноября 2026 года"
    as_of_of: str          # "2026 жылғы 27 қарашадағы"
    rows: list[RegisterRow]
    totals: Totals
    secretary: Signature | None


def state_words(loc: Localizer, position: Standing) -> str:
    """§23, §24, §28: the words of an assignment's state, the same in every document that names one:
    "исполнено в срок 29.05.2026", "исполнено с нарушением срока 12.07.2027", "срок продлен до 31 декабря
    2026 года решением от 17.09.2026", "на исполнении", "просрочено", "снято с контроля 10.07.2026",
    "протокол не подписан". An overdue assignment that had been extended says so after the mark."""
    state = position.state
    date = dates.date_numeric(position.date) if position.date else ""
    extended = ""
    if position.status == EXTENDED and position.deadline is not None and position.extended_at is not None:
        meeting = position.extended_at
        extended = loc.phrase("state.extended_by_protocol", until=loc.date_until(position.deadline),
                              number=meeting.number, date_of=loc.date_of(meeting.date))
    elif position.status == EXTENDED and position.deadline is not None:
        extended = loc.phrase("state.extended", until=loc.date_until(position.deadline), date=date)
    if state is State.EXTENDED:
        return extended
    words = loc.phrase(f"state.{state.value}", date=date).rstrip(", ").strip()
    return f"{words}; {extended}" if state is State.OVERDUE and extended else words


def totals_of(register: Register) -> Totals:
    return Totals(total=register.count(), **{state.value: register.count(state) for state in State})


def _register_row(loc: Localizer, number: int, assignment: Assignment, standing: Standing,
                  signing: dict | None = None) -> RegisterRow:
    entry = assignment.entry if standing.status != IN_PROGRESS or assignment.entry is None \
        or assignment.entry.status == IN_PROGRESS else None
    return RegisterRow(
        number=number, reference=assignment_reference(loc, assignment, signing),
        text=loc.text(assignment.decision.text), responsible="; ".join(loc.texts(assignment.decision.responsible)),
        due=loc.due(assignment.due), status=state_words(loc, standing),
        note=loc.text(entry.note) if entry is not None and entry.note is not None else "",
        overdue=loc.phrase("state.overdue") if standing.state is State.OVERDUE else "")


def assignment_reference(loc: Localizer, assignment: Assignment, signing: dict | None = None) -> str:
    """An assignment as a records officer cites it: "2026 жылғы 12 наурыздағы № 1 хаттаманың 1.2-тармағы".

    The id "2026-01/1.2" is the key the secretary types in control/<year>.yaml, not a reference. With
    `signing` (records/signature/summary.py), a signed protocol says how it was signed (§15): «(подписан ЭЦП:
    О. Нургалиев, 13.03.2026)», or «(подписан на бумаге)» for `signed: true` without an ЭЦП.
    """
    point = assignment.id.rsplit("/", 1)[-1]
    meeting = assignment.meeting
    reference = loc.phrase("assignment_ref", point=point, number=meeting.number, date_of=loc.date_of(meeting.date))
    how = (signing or {}).get(meeting.id)
    if how is None:
        return reference
    return f"{reference} ({signing_words(loc, how)})"


def signing_words(loc: Localizer, how) -> str:
    """«подписан ЭЦП: О. Нургалиев, 13.03.2026» / «подписан на бумаге» (phrases.yaml)."""
    if how.how != "ecp":
        return loc.phrase("protocol_paper")
    signers = "; ".join(f"{name}, {dates.date_numeric(day)}" if day else name for name, day in how.signers)
    return loc.phrase("protocol_ecp", signers=signers)


def secretary_signature(loc: Localizer, body: Body) -> Signature | None:
    secretary = body.secretary
    if secretary is None:
        return None
    line = loc.member(secretary)
    return Signature(loc.phrase("secretary_title"), line.position, line.name)


def register_context(register: Register, body: Body, loc: Localizer,
                     signing: dict | None = None) -> tuple[RegisterContext, Localizer]:
    """The control register of a year as of a date: one row per assignment, totals at the end (§24, §28)."""
    rows = [_register_row(loc, index, assignment, standing, signing)
            for index, (assignment, standing) in enumerate(register.rows, start=1)]
    context = RegisterContext(**body_header(loc, body), year=register.year, as_of_long=loc.date_long(register.as_of),
                              as_of_of=loc.date_of(register.as_of), rows=rows, totals=totals_of(register),
                              secretary=secretary_signature(loc, body))
    return context, loc


# ---------------------------------------------------------------- the annual report


@dataclass
class QuarterRow:
    name: str              # "I тоқсан" / "I квартал"
    regular: int
    extraordinary: int
    total: int


@dataclass
class IndicatorRow:
    number: str            # "1".."12"; "" for a line that details the indicator above
    name: str
    better: str            # "лучше рост" / "өсуі жақсы"; "" when the line is not judged
    value: str
    previous: str
    change: str
    verdict: str


@dataclass
class OverdueLine:
    reference: str         # as in the register: the point of the protocol, its number and date
    text: str
    responsible: str
    responsible_many: bool  # more than one body: «Ответственные:», else «Ответственный:»
    deadline: str


@dataclass
class AnnualReportContext:
    body_name: str
    akimat: str
    seat: str
    working_body: str
    body_name_genitive: str
    addressee: str
    sender: str            # the akimat, whose letter the report is (§24: the akimat keeps the Штаб's records)
    outgoing_number: str   # "" until the secretary types indicators/<year>.yaml: outgoing: {number, date}
    outgoing_date: str
    year: int
    previous_year: int
    quarters: list[QuarterRow]
    quarters_total: QuarterRow
    missing_quarters: str  # "II, IV": quarters without a regular meeting (§12), "" when none
    summary: YearSummary
    assignments: Totals
    as_of_long: str        # "31 декабря 2026 года"
    as_of_of: str          # "2026 жылғы 31 желтоқсандағы"
    overdue: list[OverdueLine]
    plans: PlanExecution   # §16-18: planned, added, heard, postponed, excluded, not heard, unplanned
    indicators: list[IndicatorRow]
    chart: Chart
    signer: Signature      # body.yaml letters_signed_by.annual_report; default the head
    executor: str          # «Исп.: Г. Абенова, тел. …»


def value_text(loc: Localizer, measure: Measure, previous: bool = False) -> str:
    """A figure as the report prints it: "48", "73,4 %", "15 (14,4 %)", "37 из 38 школ (97,4 %)"."""
    value = measure.previous if previous else measure.value
    of = measure.previous_of if previous else measure.of
    lang = loc.lang
    if value is None:
        return "—"
    if measure.form == "percent":
        return i18n.percent(value, lang)
    if measure.form == "share" and of is not None:
        return f"{i18n.number(of[0], lang)} ({i18n.percent(value, lang)})"
    if measure.form == "schools" and of is not None:
        return i18n.schools_of(*of, lang) + f" ({i18n.percent(value, lang)})"
    return i18n.number(value, lang)


def signed_percent(value, lang: str) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else (i18n.MINUS if value < 0 else "")
    return sign + i18n.percent(abs(value), lang)


def compared_text(loc: Localizer, measure: Measure) -> str:
    """The change as the chart labels its bar and the table prints it: "+6,2 п. п." for shares, "+9,1 %" for counts."""
    if measure.points:
        return i18n.signed(measure.compared, loc.lang, loc.phrase("points"))
    if measure.change == 0:
        return "0"   # as the table prints an unchanged count
    return signed_percent(measure.compared, loc.lang)


def change_text(loc: Localizer, measure: Measure) -> str:
    """"+4 (+9,1 %)" for counts; "+4,5 п. п." for percentages and shares; "—" when a year is unknown."""
    change = measure.change
    if change is None:
        return "—"
    if measure.points:
        return compared_text(loc, measure)
    text = i18n.signed(change, loc.lang)
    relative = measure.relative
    return f"{text} ({signed_percent(relative, loc.lang)})" if relative is not None and change else text


def _indicator_rows(loc: Localizer, indicator: Indicator) -> list[IndicatorRow]:
    rows = []
    for index, measure in enumerate(indicator.measures):
        main = index == 0
        name = loc.phrase(f"indicator.{indicator.number}") if main else f"– {loc.phrase('measure.' + measure.label)}"
        if main and measure.label:
            name = f"{name}: {loc.phrase('measure.' + measure.label)}"
        rows.append(IndicatorRow(
            number=str(indicator.number) if main else "", name=name,
            better=loc.phrase(f"direction.{measure.better}") if measure.better else "",
            value=value_text(loc, measure), previous=value_text(loc, measure, previous=True),
            change=change_text(loc, measure),
            verdict=loc.phrase(f"verdict.{measure.verdict}") if measure.verdict else ("—" if measure.better else "")))
    return rows


def chart_of(loc: Localizer, indicators: list[Indicator], previous_year: int) -> Chart:
    """§29 as a picture: the relative change of each indicator's main figure, coloured by its verdict."""
    bars = [Bar(loc.phrase(f"chart.{i.number}"), i.main.compared, i.main.verdict, compared_text(loc, i.main))
            for i in indicators]
    legend = {key: loc.phrase(f"chart.legend_{key}") for key in ("better", "worse", "same")}
    axis = loc.phrase("chart.axis", previous=previous_year)
    return Chart(bars, axis, legend, CHART_WIDTH_MM)


def _quarter_rows(loc: Localizer, summary: YearSummary) -> list[QuarterRow]:
    return [QuarterRow(loc.phrase("quarter", roman=dates.ROMAN[q]), summary.regular[q], summary.extraordinary[q],
                       summary.regular[q] + summary.extraordinary[q]) for q in QUARTERS]


def addressee(loc: Localizer, body: Body) -> str:
    """The authorized body in the dative, as a letter is addressed: «...министрлігіне» / «Министерству ...»."""
    if body.authorized_body is None:
        return ""
    return loc.inflected(body.authorized_body, "datv", body.authorized_body_dative, "authorized_body_dative")


def annual_report_context(year: int, summary: YearSummary, missing_quarters: list[int], register: Register,
                          plans: PlanExecution, indicators: list[Indicator], body: Body, loc: Localizer,
                          outgoing: Outgoing | None = None) -> tuple[AnnualReportContext, Localizer]:
    """The annual report to the authorized body (§9.5, §26.7): meetings, decisions, assignments, plans, indicators."""
    overdue = [OverdueLine(assignment_reference(loc, a), loc.text(a.decision.text),
                           "; ".join(loc.texts(a.decision.responsible)), len(a.decision.responsible) > 1,
                           loc.date_until(s.deadline) if s.deadline else "")
               for a, s in register.rows if s.state is State.OVERDUE]
    quarters = _quarter_rows(loc, summary)
    context = AnnualReportContext(
        **body_header(loc, body), body_name_genitive=body_name_genitive(loc, body), addressee=addressee(loc, body),
        sender=loc.text(body.akimat), outgoing_number=outgoing.number if outgoing else "",
        outgoing_date=dates.date_numeric(outgoing.date) if outgoing else "",
        year=year, previous_year=year - 1,
        quarters=quarters,
        quarters_total=QuarterRow("", sum(q.regular for q in quarters), sum(q.extraordinary for q in quarters),
                                  summary.meetings),
        missing_quarters=", ".join(dates.ROMAN[q] for q in missing_quarters), summary=summary,
        assignments=totals_of(register),
        as_of_long=loc.date_long(register.as_of), as_of_of=loc.date_of(register.as_of), overdue=overdue,
        plans=plans,
        indicators=[row for indicator in indicators for row in _indicator_rows(loc, indicator)],
        chart=chart_of(loc, indicators, year - 1),
        signer=letter_signature(loc, body, "annual_report", outgoing.date if outgoing else register.as_of)
        or Signature("", "", ""),
        executor=executor_line(loc, body))
    return context, loc
