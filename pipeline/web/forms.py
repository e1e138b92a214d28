"""The forms: what the browser sends, applied to the YAML tree of one file.

Each form field is named for where it lives in the file (`place.kk`,
`items.0.decisions.1.due`), and the form also sends what it showed (`shown`
is recomputed here from the same tree), so a field the secretary did not touch
is never written: an untouched `<<...>>` placeholder stays, a date typed as
`2026-03-12` stays as typed. The rules are not here: a wrong value is written
as given and the live findings (the same `check` as the command line) say what
is wrong, with its §.

The shared helpers are in forms_base.py, the meeting form in forms_meeting.py, the plan and
control forms in forms_plan.py; this module names them all.
"""

from .forms_base import (
    Form,
    apply_choice,
    apply_date,
    apply_flag,
    apply_responsible,
    apply_text,
    parse_date,
    responsible_lines,
    shown_date,
)
from .forms_meeting import (
    Roster,
    apply_decision,
    apply_dissent,
    apply_material,
    apply_meeting,
    attendance_of,
    ballots_of,
    stray_ballots,
)
from .forms_plan import (
    apply_control,
    apply_number,
    apply_plan,
    apply_plan_change,
    apply_plan_item,
    apply_when,
    plan_when,
)

__all__ = ["Form", "Roster", "apply_choice", "apply_control", "apply_date", "apply_decision", "apply_dissent", "apply_flag", "apply_material", "apply_meeting", "apply_number", "apply_plan", "apply_plan_change", "apply_plan_item", "apply_responsible", "apply_text", "apply_when", "attendance_of", "ballots_of", "parse_date", "plan_when", "responsible_lines", "shown_date", "stray_ballots"]
