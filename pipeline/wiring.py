"""Every kind of input and of document, in one place: what reads it, what checks it, what makes it.

Nothing registers itself on import: the two tables below are the whole list,
and the stages (`pipeline/stages.py`) read them. To add a kind of document, add
its template pair (`templates_docx/<template>.kk.docx` and `.ru.docx`), one
module under `pipeline/documents/` with its job builder (and its context), and
one `DocumentKind` line in `KINDS` (docs/dev/recipes.md; tests/documents/
test_new_kind.py does it with a toy kind). A new kind of input adds its model
(`pipeline/load/models/`), its field on `load.Project` and its loader (`pipeline/load/loader.py`),
its rules (`pipeline/rules/assessment.py`) and one `InputKind` line.

This module sits above everything it names and below `stages` only, so no
import cycle can form and the result never depends on which module was
imported first (tests/test_wiring.py proves both in fresh interpreters).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .core import kinds
from .documents import between, execution, meetings, plans, yearly
from .documents.kind import DocumentKind, Rule
from .load import loader as load
from .load.models import Body, ControlEntry, Indicators, Meeting, Plan
from .load.models.package import AnnualPackage
from .locale.messages import _
from .region.checks import assess_districts
from .region.received import load_districts
from .region.report import region_report_jobs
from .rules import assessment as rules


@dataclass(frozen=True)
class InputKind:
    """One kind of input file: where its files are, its model, its loader, its rules, its editor schema."""

    name: str                          # also the schema's name: schemas/<name>.schema.json
    files: str                         # a glob under inputs/
    model: Any                         # the pydantic type of one file
    load: Callable[[load.Project], None]
    rules: tuple[Rule, ...] = ()       # run in this order, after the rules of every kind listed before
    schema_title: str | None = None    # kk / ru; None: no editor schema for this kind


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
    InputKind("annual-package", "districts/*/*.json", AnnualPackage, load_districts, (assess_districts,),
              "Ауданның жылдық пакеті / Годовой пакет района"),
)

# Every kind of document. The pattern of a file names the fields of its subject (documents/kind.py: Subject).
KINDS: dict[str, DocumentKind] = {kind.id: kind for kind in (
    DocumentKind(kinds.AGENDA, _("agenda"), "meetings/{meeting}/agenda.{lang}.docx", meetings.agenda_jobs, "agenda"),
    DocumentKind(kinds.PROTOCOL, _("protocol"), "meetings/{meeting}/protocol.{lang}.docx", meetings.protocol_jobs,
                 "protocol", sealed=True),
    DocumentKind(kinds.NOTICE, _("notice of the meeting"), "meetings/{meeting}/notice.{lang}.docx", between.notice_jobs,
                 "notice"),
    DocumentKind(kinds.EXTRACTS, _("extracts from the protocol"), "meetings/{meeting}/extracts/{addressee}.{lang}.docx",
                 between.extract_jobs, "extract", from_sealed_protocol=True, withheld=between.unsigned_protocols),
    DocumentKind(kinds.COMPOSITION, _("composition of the headquarters"), "composition.{lang}.docx",
                 meetings.composition_jobs, "composition"),
    DocumentKind(kinds.PLAN, _("work plan"), "plans/{plan}.{lang}.docx", plans.plan_jobs, "plan"),
    DocumentKind(kinds.REGISTER, _("register of assignments"), "reports/{year}/register.{lang}.docx", yearly.register_jobs,
                 "register"),
    DocumentKind(kinds.ANNUAL_REPORT, _("annual report"), "reports/{year}/annual-report.{lang}.docx",
                 yearly.annual_report_jobs, "annual_report", (rules.check_addressee,)),
    # an oblast's own command, from the packages its districts sent (the sample is a district: no golden copy)
    DocumentKind(kinds.REGION_REPORT, _("regional report"), "reports/{year}/region-report.{lang}.docx",
                 region_report_jobs, "region_report", by_all=False, by_watch=False),
    # made only by their own command, with a date: they judge the assignments as of the run's `as_of`, and a
    # run of `all` on another day must not leave a letter dated that day behind
    DocumentKind(kinds.REMINDERS, _("reminders"), "reminders/{as_of}/{addressee}.{lang}.docx", execution.reminder_jobs,
                 "reminder", by_all=False, by_watch=False),
    DocumentKind(kinds.STATUS, _("status report"), "reports/{year}/status-{as_of}.{lang}.docx", execution.status_jobs,
                 "status", by_all=False, by_watch=False),
)}

# What `all` makes (and `check` builds, to find every missing translation).
DOCUMENTS: dict[str, DocumentKind] = {name: kind for name, kind in KINDS.items() if kind.by_all}


def all_rules() -> list[Rule]:
    """Every rule over the whole project, in the order the tables give: input kinds, then documents."""
    return [rule for kind in INPUTS for rule in kind.rules] + [rule for kind in KINDS.values() for rule in kind.rules]
