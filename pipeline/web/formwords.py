"""A finding in the words of the form: what the workspace says where the command line prints `file:line: message`.

The checks speak of the file (`missing key 'date'`, `'knb' is listed under vote.against ... add it to present`),
since the command line's reader edits the file. In the workspace she edits a form: the same finding names the
form's fields by their labels, a member by the post the form shows, a code (a status, a kind of change) by its
words, and says what to choose or fill in. The one place for it is this table: a finding's message key (its
English msgid) → the form's wording of it. The form's wording takes the finding's own values, put into form
words by `_VALUES`, and values of its own (the labels of the fields it names). A message not in the table speaks
no YAML and is shown as the command line says it.

Where the finding is, is the caller's: a finding placed beside a field is named by the field's label
(fieldnames.field_label of its key path); a finding of a whole page names its place in the file in form words
(`place_words`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from ..load.loader import _ENTRY_WORDS
from ..locale.messages import Message, _, render_value
from .fieldnames import ENTRIES, KEYS
from .texts import LABELS

# ---------------------------------------------------------------- the table

_NOT_MEMBER = _("«{member}» is not a member of the Штаб: choose a member from the list")
_SPEAKS_ABSENT = _("«{member}» speaks on question {number} but is marked absent, and no stand-in is given: mark the "
                   "speaker present, or give the stand-in who spoke")

IN_THE_FORM: dict[str, Message] = {
    # the file's shape, said by the loader
    "missing key '{key}': add it": _("«{key}» is not filled in: fill it in"),
    "the text is empty: type the text, or remove the key": _("the text is empty: type it"),
    # a scaffold's <<...>> left in place: the form shows the field empty, in her language
    "not filled in: replace {placeholder} with the real value": _("not filled in: fill it in"),
    # attendance (§20)
    "'{member}' is a member on {date} but is listed neither under present nor under absent: add the id to one of "
    "them": _("«{member}» is a member on {date} but is marked neither present nor absent: mark one of them under "
              "«{field}»", field=KEYS["present"]),
    "'{member}' is listed neither under present nor under absent: add the id to one of them":
        _("«{member}» is marked neither present nor absent: mark one of them under «{field}»", field=KEYS["present"]),
    "'{member}' is listed both in present and in absent: leave the id in one of them":
        _("«{member}» is marked both present and absent: choose one under «{field}»", field=KEYS["present"]),
    "'{member}' is listed twice in present: leave one": _("«{member}» is marked present twice: leave one mark"),
    "a stand-in is recorded for '{member}', who is present: a stand-in replaces an absent member only":
        _("a stand-in is given for «{member}», who is marked present: a stand-in replaces an absent member only; "
          "remove the stand-in, or mark the member absent"),
    "'{member}' speaks on question {number} but is not present, and no stand-in for '{member}' is recorded "
    "(stand_ins): list the speaker as present, or record the stand-in who spoke": _SPEAKS_ABSENT,
    "'{member}' speaks on question {number} but is absent and no stand-in is recorded: list the speaker as present, "
    "or record the stand-in who spoke (stand_ins)": _SPEAKS_ABSENT,
    "'{member}' is not a member on {date}: see from and until of this member in body.yaml":
        _("«{member}» is not a member of the Штаб on {date}: the membership begins later or has ended (see the "
          "Штаб's composition)"),
    # who chairs, approves and signs (§11, §20, §23)
    "unknown member id '{member}' (not in body.yaml): did you mean '{hint}'?": _NOT_MEMBER,
    "unknown member id '{member}' (not in body.yaml): write the id of a member as body.yaml gives it (id: ...)":
        _NOT_MEMBER,
    "the chair '{member}' is not among those present: add the id to present, or name another chair":
        _("the chair, «{member}», is not marked present: mark the chair present under «{field}», or choose another "
          "chair", field=KEYS["present"]),
    "the head '{head}' is present and chairs the meeting, not '{member}': write chair: {head}, or remove the chair "
    "line": _("the head, «{head}», is present and chairs the meeting, not «{member}»: choose the head under "
              "«{field}», or leave it by default", field=KEYS["chair"]),
    "'{member}' is neither the head nor a deputy head: only a deputy head replaces the absent head":
        _("«{member}» is neither the head nor a deputy head: only a deputy head chairs in the head's absence; "
          "choose one under «{field}»", field=KEYS["chair"]),
    "the protocol is signed by the one who chaired, '{chair}', not '{member}': write signed_by: {chair}":
        _("the protocol is signed by the one who chaired, «{chair}», not «{member}»: choose «{chair}» under "
          "«{field}»", field=KEYS["signed_by"]),
    "'{member}' chairs in the head's absence and signs the protocol but has no name in body.yaml: add name: "
    "(initials and surname)": _("«{member}» chairs in the head's absence and signs the protocol, but the Штаб's "
                                "composition gives no name: add the initials and surname to this member there"),
    "'{member}' approves the agenda in the head's stead but has no name in body.yaml: add name: (initials and "
    "surname)": _("«{member}» approves the agenda in the head's stead, but the Штаб's composition gives no name: "
                  "add the initials and surname to this member there"),
    "'{member}' may not approve the agenda: the head or the deputy head replacing him does":
        _("«{member}» may not approve the agenda: the head does, or the deputy head replacing the head; choose "
          "them under «{field}»", field=KEYS["agenda_approved"]),
    "the agenda is approved by '{member}' but the head chairs the meeting: a deputy head approves only while "
    "replacing the head": _("the agenda is approved by «{member}», but the head chairs the meeting: a deputy head "
                            "approves it only while replacing the head; choose the head under «{field}»",
                            field=KEYS["agenda_approved"]),
    "an extraordinary meeting is called by the head or by more than half of the {total} members; {count} "
    "initiated it: list the head in initiated_by, or at least {needed} members":
        _("an extraordinary meeting is called by the head or by more than half of the {total} members; {count} "
          "initiated it: tick the head under «{field}», or at least {needed} members",
          field=KEYS["initiated_by"]),
    # votes and dissenting opinions (§13, §20)
    "'{member}' is listed under vote.{side} but is not a voting member present at the meeting (stand-ins, "
    "invitees, the secretary and absent members do not vote): remove the id, or add it to present":
        _("«{member}» is marked «{side}» in the vote but is not a voting member present at the meeting "
          "(stand-ins, invited persons, the secretary and absent members do not vote): take the vote back, or mark "
          "the member present under «{field}»", field=KEYS["present"]),
    "'{member}' votes twice: leave the id in one list of vote only": _("«{member}» has two votes: leave one"),
    "'{member}' votes on question {number} but is not present: a member votes in person only; remove the id from "
    "the vote or list the member as present": _("«{member}» votes on question {number} but is marked absent: a "
                                                "member votes in person only; take the vote back, or mark the "
                                                "member present"),
    "'{member}' states a dissenting opinion but is not a voting member present at the meeting: write the id of a "
    "voting member listed in present, or remove the dissenting opinion":
        _("«{member}» states a dissenting opinion but is not a voting member present at the meeting: choose a "
          "member marked present, or remove the dissenting opinion"),
    "'{member}' states a dissenting opinion on question {number} but is not present: only a member who attended "
    "and voted may state one": _("«{member}» states a dissenting opinion on question {number} but is marked "
                                 "absent: only a member who attended and voted may state one"),
    "'{member}' is a member of the Штаб on {date}: a member is not invited but takes part as a member; move the "
    "id to present or absent": _("«{member}» is a member of the Штаб on {date}: a member is not invited but takes "
                                 "part as a member; remove the member from «{invited}» and mark them under "
                                 "«{field}»", invited=KEYS["invited"], field=KEYS["present"]),
    # the agenda and its questions (§18, §22)
    "the agenda's approval is missing: add who approved it and when (the day, written year-month-day), e.g. "
    "{example}": _("«{field}» is not filled in: choose who approved the agenda, and the day",
                   field=KEYS["agenda_approved"]),
    "question {number} of meeting {meeting} has neither a title nor a plan item: give {title}":
        _("question {number} has neither a title nor a question of the plan: type its title"),
    "question {number} of meeting {meeting} has neither a title nor a plan item: give {title} or plan: {plan}/N "
    "(the questions of plan {plan}: {numbers})": _("question {number} has neither a title nor a question of the "
                                                  "plan: type its title, or choose its question under «{field}»",
                                                  field=KEYS["plan"]),
    "question {number} of the regular meeting {meeting} is in no plan, and there is no plan of {half} yet: write it "
    "(shtab new-plan) with this question, then name its plan item here":
        _("question {number} of the regular meeting {meeting} is in no plan, and there is no plan of {half} yet: "
          "make it on the page «{plans}» with this question, then choose its question here under «{field}»",
          plans=_("Plans"), field=KEYS["plan"]),
    # the meeting's dates (§22, §23, §24)
    "the date the documents were sent to members is missing: add e.g. documents_sent: {date}":
        _("«{field}» is not filled in: type the day the documents went to the members, e.g. {date}",
          field=KEYS["documents_sent"]),
    "the protocol is dated before the meeting: drawn_up is the meeting's day or the day after":
        _("the protocol is dated before the meeting: «{field}» is the meeting's day or the day after",
          field=KEYS["drawn_up"]),
    "the deadline of decision {decision} is written '{typed}': write a date as {iso} (year-month-day), so that the "
    "register can tell when it is overdue": _("the deadline of decision {decision} is «{typed}»: type a date "
                                              "instead, e.g. {iso}, so that the register can tell when it is "
                                              "overdue"),
    "{problem}; or type the body's name as {example}": _("{problem}; or type the body's name in words, in both "
                                                         "languages"),
    "the protocol of meeting {meeting} is not signed (protocol: signed: false): extracts go out for execution only "
    "once the head has signed it; write signed: true after signing, or use --force":
        _("the protocol of meeting {meeting} is not signed: extracts go out for execution only once the head has "
          "signed it; after signing, tick «{field}» in the meeting's form", field=KEYS["signed"]),
    # the plan (§18)
    "question {number} of the regular meeting {meeting} is in no plan: name its plan item (plan: {plan}/N); if it "
    "is not planned, add it to plans/{plan}.yaml by an add change decided by the head":
        _("question {number} of the regular meeting {meeting} is in no plan: choose its question under «{field}»; "
          "if it is not planned, add it to plan {plan} on the plan's page by a change «{add}» decided by the head",
          field=KEYS["plan"], add=LABELS["add"]),
    "hear it at a meeting (a question with plan: \"{ref}\"), or record the head's decision in the plan's changes "
    "(action: exclude or postpone)": _("hear it at a meeting (a question with {ref} chosen under «{field}»), or add "
                                       "to the plan a change «{exclude}» or «{postpone}» decided by the head",
                                       field=KEYS["plan"], exclude=LABELS["exclude"], postpone=LABELS["postpone"]),
    "plan {plan} is approved by the head of the Штаб, '{head}', not '{member}': write approved: {{by: {head}, "
    "date: ...}}": _("plan {plan} is approved by the head of the Штаб, «{head}», not «{member}»: choose the head "
                     "under «{field}»", field=KEYS["approved"]),
    "plan {plan}: unknown member id '{member}' in approved.by: the plan is approved by the head of the Штаб, "
    "'{head}'": _NOT_MEMBER,
    "plan {plan} is not recorded as sent to the members: add e.g. sent_to_members: {date}":
        _("plan {plan} is not recorded as sent to the members: fill in «{field}», e.g. {date}",
          field=KEYS["sent_to_members"]),
    "{where}: proposed by the secretary '{member}', who is not a member of the Штаб: the plan is made from the "
    "members' proposals; name the member who proposed it": _("proposed by the secretary «{member}», who is not a "
                                                             "member of the Штаб: the plan is made from the "
                                                             "members' proposals; choose the member who proposed "
                                                             "it"),
    "{where}: '{member}' is not a member on {date}, the day the plan is approved":
        _("«{member}» is not a member of the Штаб on {date}, the day the plan is approved"),
    "plan {plan} has no item {number} (action: {action}); its questions: {known}":
        _("plan {plan} has no question {number} ({action}); its questions: {known}"),
    "{label}: an added question takes a new number (no), not item":
        _("an added question takes a new number («{no}»), not the number of a question of the plan («{item}»)",
          no=KEYS["no"], item=KEYS["item"]),
    "{label}: the added question needs {key}": _("the added question needs «{key}»: fill it in"),
    "{label}: {key} belongs to an added question only: remove it":
        _("«{key}» belongs to an added question only: empty it, or choose the kind «{add}»", add=LABELS["add"]),
    "{label}: name the plan item concerned: item: N":
        _("type the number of the plan's question concerned under «{field}»", field=KEYS["item"]),
    "{label}: say where it is postponed to (a month or a half-year), e.g. to: {month} or to: {half}":
        _("say under «{field}» where it is postponed to: a month ({month}) or a half-year ({half})",
          field=KEYS["to"]),
    "{label}: only a postponement has to: remove it": _("only a postponement has «{field}»: empty it",
                                                        field=KEYS["to"]),
    "{label}: the justification note is by '{member}', {what}; it comes from a deputy head ({deputies}) or "
    "{working_body}": _("the justification note is by «{member}», {what}; it comes from a deputy head or "
                        "{working_body}: choose one under «{field}»", field=KEYS["basis"]),
    "an unknown member id": _("not a member of the Штаб"),
    "{label}: decided by '{member}'; the head of the Штаб, '{head}', decides changes of the plan: write decided: "
    "{{by: {head}, date: ...}}": _("decided by «{member}»; the head of the Штаб, «{head}», decides changes of the "
                                   "plan: choose the head under «{field}»", field=KEYS["decided"]),
    # the annual indicators (§29): beside its own field, whose label names the indicator
    "indicator {number} ({key}) of {year} is missing: the annual report shows it as —":
        _("not filled in: the annual report for {year} shows this indicator as «—»"),
    # the day the year page is drawn for
    "--as-of {as_of} is before the first meeting ({first}, {file}): no assignment existed yet":
        _("the day {as_of} is before the first meeting ({first}, {file}): no assignment existed yet; choose a later "
          "day"),
    # the control of assignments (§24)
    "status extended needs the new deadline: add new_due: with the day, written year-month-day":
        _("the status «{extended}» needs «{field}»: fill it in", extended=LABELS["extended"],
          field=KEYS["new_due"]),
    "status extended needs the new deadline: add new_due: with the day, written year-month-day, later than the "
    "deadline {due}": _("the status «{extended}» needs «{field}»: fill it in with a day later than the deadline "
                        "{due}", extended=LABELS["extended"], field=KEYS["new_due"]),
    "status {status} needs its date: add date: with the day, written year-month-day":
        _("the status «{status}» needs «{field}»: fill it in", field=_("Status date")),
    "new_due is ignored: the status is {status}, not extended":
        _("«{field}» counts only for the status «{extended}» (here «{status}»): empty it, or choose «{extended}»",
          field=KEYS["new_due"], extended=LABELS["extended"]),
    "date is ignored: the assignment is still in progress (status: in_progress)":
        _("«{field}» is not used while the assignment is «{in_progress}»: empty it, or choose how it stands",
          field=_("Status date"), in_progress=LABELS["in_progress"]),
    "the extension is dated {date}, but meeting {meeting} that decided it was held on {held}: write date: {held}":
        _("the extension is dated {date}, but meeting {meeting} that decided it was held on {held}: type {held} "
          "under «{field}»", field=_("Status date")),
    "assignment {assignment} was due on {due} and control/{year}.yaml says nothing about it: add an entry saying "
    "how it stands (status: 'done', 'extended', 'removed', or 'in_progress' with a 'note'), e.g. {example}":
        _("assignment {assignment} was due on {due} and how it stands is not marked: mark it on the page "
          "«Control of assignments» (done, extended, removed or in progress with a note)"),
}

# ---------------------------------------------------------------- a finding's values in the form's words

# the values that say where (the file's place in its own words): the page says it by the field instead
PLACE_VALUES = ("where", "label")


def _member(value: Any, lang: str, people: dict[str, str]) -> Any:
    return people.get(value, value) if isinstance(value, str) else value


def _code(value: Any, lang: str, people: dict[str, str]) -> Any:
    message = LABELS.get(value) if isinstance(value, str) else None
    return message if message is not None else value


def _key(value: Any, lang: str, people: dict[str, str]) -> Any:
    message = KEYS.get(value) if isinstance(value, str) else None
    return message if message is not None else value


_VALUES: dict[str, Callable[[Any, str, dict[str, str]], Any]] = {
    "member": _member, "head": _member, "chair": _member,
    "side": _code, "status": _code, "action": _code, "working_body": _code,
    "key": _key,
}


# the values that hold a day (the checks write it 2026-03-12, as the file does)
DAYS = ("date", "due", "held", "meeting_date", "new_due")


def _value(name: str, value: Any, lang: str, people: dict[str, str]) -> Any:
    if isinstance(value, Message):
        return in_the_form(value, lang, people)[1]
    if isinstance(value, str) and name in DAYS:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")          # as the workspace shows a day
    convert = _VALUES.get(name)
    return convert(value, lang, people) if convert is not None else value


def in_the_form(message: Message | str, lang: str, people: dict[str, str] | None = None) -> tuple[Any, str]:
    """(the place the message names in the file, or None; the message in the form's words, in `lang`).

    `people` (member id → the member's name, else post, in `lang`) names members as the form shows them. A `{where}: {message}` pair is
    taken apart: the place is returned for the page to say (or to leave to the field the finding sits beside).
    """
    if not isinstance(message, Message):
        return None, render_value(message, lang)
    people = people or {}
    values = dict(message.values)
    if message.key == "{where}: {message}":
        where = values.get("where")
        inner = values.get("message")
        if isinstance(where, tuple):
            return where, in_the_form(inner, lang, people)[1]
        return None, f"{in_the_form(where, lang, people)[1]}: {in_the_form(inner, lang, people)[1]}"
    wording = IN_THE_FORM.get(message.key)
    if wording is None:
        return None, message.render(lang)
    place = next((values[name] for name in PLACE_VALUES if name in values), None)
    own = dict(wording.values)
    shown = {name: _value(name, value, lang, people) for name, value in values.items() if name not in own}
    return place, Message(wording.key, tuple({**shown, **own}.items())).render(lang)


# the loader's words for a list's entries ("question {n}") → the form's ("Question {n}")
_ENTRY_OF_PLACE = {words.key: ENTRIES[list_key] for list_key, words in _ENTRY_WORDS.items() if list_key in ENTRIES}


_SIDES = ("for", "against", "abstained")      # a vote's lists: said as the ballot's words


def place_words(place: Any, lang: str) -> str:
    """A place in a file, as the loader says it (("question 2", "vote.against")), in the form's labels."""
    if isinstance(place, Message):
        return place.render(lang)
    if not isinstance(place, tuple):
        return render_value(place, lang)
    parts: list[str] = []
    for part in place:
        if isinstance(part, Message):
            form = _ENTRY_OF_PLACE.get(part.key)
            parts.append(Message(form.key, part.values).render(lang) if form is not None else part.render(lang))
        else:
            for key in str(part).split("."):
                label = KEYS.get(key) or (LABELS.get(key) if key in _SIDES else None)
                parts.append(label.render(lang) if label is not None else key)
    return " — ".join(parts)
