"""Every kind of input and of document, in one place: what reads it, what checks it, what makes it.

Nothing registers itself on import: the two tables below are the whole list,
and the stages (`pipeline/stages.py`) read them. To add a kind of document, add
its template (`templates_docx/<name>.<lang>.docx`), its job builder (a function
in `pipeline/documents/`) and one `DocumentKind` line here; docs/dev/recipes.md
shows a worked example. A new kind of input adds its model
(`pipeline/load/models/`), its field on `load.Project` and its loader (`pipeline/load/loader.py`),
its rules (`pipeline/rules/assessment.py`) and one `InputKind` line.

This module sits above everything it names and below `stages` only, so no
import cycle can form and the result never depends on which module was
imported first (tests/test_wiring.py proves both in fresh interpreters).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .documents import between, execution, meetings, plans, yearly
from .documents.job import JobBuilder
from .load import loader as load
from .load.models import Body, ControlEntry, Indicators, Meeting, Plan
from .rules import assessment as rules
from .rules.assessment import Assessment
from .rules.execution import REMINDERS, STATUS

Rule = Callable[[Assessment], None]


@dataclass(frozen=True)
class InputKind:
    """One kind of input file: where its files are, its model, its loader, its rules, its editor schema."""

    name: str                          # also the schema's name: schemas/<name>.schema.json
    files: str                         # a glob under inputs/
    model: Any                         # the pydantic type of one file
    load: Callable[[load.Project], None]
    rules: tuple[Rule, ...] = ()       # run in this order, after the rules of every kind listed before
    schema_title: str | None = None    # kk / ru; None: no editor schema for this kind


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: its name (the command's word), its job builder, its template, its own rules."""

    name: str
    jobs: JobBuilder
    template: str                      # templates_docx/<template>.<lang>.docx
    rules: tuple[Rule, ...] = ()       # rules about this document only, run after every input kind's


INPUTS: tuple[InputKind, ...] = (
    InputKind("body", "body.yaml", Body, load.load_body, (rules.assess_roster,),
              "Штаб және оның құрамы / Штаб и его состав"),
    InputKind("meeting", "meetings/*.yaml", Meeting, load.load_meetings,
              (rules.assess_meetings, rules.assess_responsible, rules.assess_quarters),
              "Штаб отырысы / Заседание штаба"),
    InputKind("plan", "plans/*.yaml", Plan, load.load_plans, (rules.assess_plans,),
              "Жартыжылдық жұмыс жоспары / План работы на полугодие"),
    InputKind("control", "control/*.yaml", list[ControlEntry], load.load_control,
              (rules.assess_control, rules.assess_unrecorded),
              "Хаттамалық тапсырмалардың орындалуы / Исполнение протокольных поручений"),
    InputKind("indicators", "indicators/*.yaml", Indicators, load.load_indicators, (rules.assess_indicators,)),
)

DOCUMENTS: dict[str, DocumentKind] = {kind.name: kind for kind in (
    DocumentKind("agenda", meetings.agenda_jobs, "agenda"),
    DocumentKind("protocol", meetings.protocol_jobs, "protocol"),
    DocumentKind(between.NOTICE, between.notice_jobs, "notice"),
    DocumentKind(between.EXTRACTS, between.extract_jobs, "extract"),
    DocumentKind("composition", meetings.composition_jobs, "composition"),
    DocumentKind("plan", plans.plan_jobs, "plan"),
    DocumentKind(yearly.REGISTER, yearly.register_jobs, "register"),
    DocumentKind(rules.ANNUAL_REPORT, yearly.annual_report_jobs, "annual_report", (rules.check_addressee,)),
)}

# Made only by their own command, with a date and never by `all`: they judge the assignments as of
# the run's `as_of`, and a run of `all` on another day must not leave a letter dated that day behind.
ON_REQUEST: dict[str, DocumentKind] = {kind.name: kind for kind in (
    DocumentKind(REMINDERS, execution.reminder_jobs, "reminder"),
    DocumentKind(STATUS, execution.status_jobs, "status"),
)}


def all_rules() -> list[Rule]:
    """Every rule over the whole project, in the order the tables give: input kinds, then documents."""
    return [rule for kind in INPUTS for rule in kind.rules] + [rule for kind in DOCUMENTS.values()
                                                               for rule in kind.rules]
