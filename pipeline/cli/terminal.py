"""The status of execution as a table on the terminal (rich), in the language of the program's messages.

The same counts as the status report (`rules.execution.status_of`), one row per
responsible body and a total row; the body names in the secretary's language
when the Штаб writes in it, else in the Штаб's first language.
"""

from __future__ import annotations

import sys

from ..context.status import counts_of
from ..load.models import Body
from ..locale.messages import _, ui_lang
from ..rules.execution import State, StatusReport

COLUMNS = ("done_on_time", "done_late", "extended", "in_progress", "overdue", "removed", "not_signed")
HEADERS = {"done_on_time": _("done on time"), "done_late": _("done late"), "extended": _("extended"),
           "in_progress": _("in progress"), "overdue": _("overdue"), "removed": _("removed"),
           "not_signed": _("protocol not signed")}
STYLES = {"done_late": "yellow", "overdue": "bold red", "removed": "dim", "not_signed": "dim"}


def print_status(report: StatusReport, body: Body) -> None:
    """The table on stdout; 160 columns when stdout is not a terminal (a pipe, a file, a test)."""
    from rich.console import Console
    from rich.table import Table

    lang = ui_lang() if ui_lang() in body.languages else body.languages[0]
    title = _("Execution of assignments as of {as_of} (§24, §28)", as_of=report.as_of.isoformat())
    table = Table(title=str(title), title_justify="left")
    table.add_column(str(_("Responsible body")), overflow="fold", min_width=30)
    for column in COLUMNS:
        table.add_column(str(HEADERS[column]), justify="right", style=STYLES.get(column))
    table.add_column(str(_("total")), justify="right")
    for number, body_status in enumerate(report.bodies, start=1):
        counts = counts_of(body_status.rows)
        name = body_status.addressee.name.get(lang) or ""
        table.add_row(f"{number}. {name}", *(str(getattr(counts, c)) for c in COLUMNS), str(counts.total))
    totals = counts_of(report.rows)
    table.add_section()
    table.add_row(str(_("All assignments")), *(str(getattr(totals, c)) for c in COLUMNS), str(totals.total),
                  style="bold")
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160, highlight=False)
    console.print(table)
    overdue = [r for r in report.rows if r.state is State.OVERDUE]
    for row in overdue:
        console.print(str(_("overdue: {assignment}, due {due}", assignment=row.assignment.id,
                            due=row.standing.deadline.isoformat())), style="red", highlight=False)
