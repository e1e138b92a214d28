"""A place in a form's file (a path of keys and indexes, or a field's name) in the words of the form's labels.

The forms name their fields for where they live in the file (`items.0.decisions.1.due`);
the secretary knows them by the labels she reads («Вопрос 1 — Решение 2 — Срок»). A field
that cannot be parsed, a conflict shown field by field and a finding shown in the
workspace all name the field this way; the command line keeps `file:line`.
"""

from __future__ import annotations

from ..locale.messages import Message, _

KEYS: dict[str, Message] = {
    "number": _("No."),
    "no": _("No."),
    "date": _("Date"),
    "time": _("Time"),
    "place": _("Place"),
    "kind": _("Kind"),
    "urgent": _("Urgent"),
    "chair": _("Chair"),
    "initiated_by": _("Initiated by (extraordinary meeting)"),
    "agenda_approved": _("Agenda approved by"),
    "documents_sent": _("Documents sent to members"),
    "present": _("Attendance"),
    "absent": _("Attendance"),
    "stand_ins": _("Stand-in"),
    "invited": _("Invited persons"),
    "outside": _("Outside speakers"),
    "plan": _("From the plan"),
    "title": _("Title"),
    "speakers": _("Speakers"),
    "heard": _("Heard"),
    "decisions": _("Decisions"),
    "text": _("Text"),
    "responsible": _("Responsible, one per line"),
    "due": _("Due (date or text)"),
    "vote": _("Vote"),
    "dissent": _("Dissenting opinions"),
    "member": _("Member"),
    "protocol": _("Protocol"),
    "drawn_up": _("Drawn up on"),
    "signed_by": _("Signed by"),
    "signed": _("signed"),
    "reason": _("Reason of absence"),
    "name": _("name"),
    "position": _("position"),
    "from": _("from"),
    "submitted": _("submitted"),
    "materials": _("Materials"),
    "approved": _("Approved by"),
    "sent_to_members": _("Sent to members"),
    "quarter": _("Quarter or month"),
    "month": _("Quarter or month"),
    "when": _("Quarter or month"),
    "proposed_by": _("Proposed by"),
    "changes": _("Changes"),
    "action": _("Kind"),
    "item": _("Question"),
    "to": _("to"),
    "basis": _("Basis"),
    "decided": _("Decided"),
    "by": _("by"),
    "status": _("Status"),
    "new_due": _("New due date"),
    "note": _("Note"),
    "assignment": _("Assignment"),
    "kk": _("in Kazakh"),
    "ru": _("in Russian"),
}

# the annual indicators (§29, indicators/<year>.yaml) and the composition (body.yaml), as their pages label them
KEYS.update({
    "sports_sections": _("1. Free sports sections and creative clubs"),
    "campaigns": _("2. Anti-drug information campaigns"),
    "actions": _("3. Anti-drug preventive actions"),
    "first_identified": _("4. Persons first identified as using drugs non-medically"),
    "dispensary": _("5. Drug-dependent persons under dispensary observation"),
    "ngos": _("6. Anti-drug NGOs taking part in prevention"),
    "destroyed": _("7. Drug laboratories and organised criminal groups eliminated"),
    "legal_circulation_offences": _("8. Offences found in the legal circulation of drugs and precursors"),
    "propaganda": _("9. Countering drug propaganda and advertising"),
    "survey": _("10. Public satisfaction with anti-drug work (social survey)"),
    "schools": _("11. Schools running prevention programmes"),
    "specialists_trained": _("12. Specialists trained or retrained"),
    "total": _("in all"),
    "women": _("of them women"),
    "minors": _("of them minors"),
    "labs": _("laboratories"),
    "criminal_groups": _("organised criminal groups"),
    "plant_hotbeds": _("«plant_hotbeds» (not an indicator)"),
    "sites_blocked": _("sites blocked"),
    "graffiti_removed": _("graffiti removed"),
    "criminal_cases": _("criminal cases"),
    "ai_systems": _("AI-based information systems used"),
    "respondents": _("respondents"),
    "satisfied_percent": _("satisfied, %"),
    "with_programmes": _("with programmes"),
    "audience": _("audience"),
    "participants": _("participants"),
    "previous": _("Previous year"),
    "outgoing": _("Outgoing letter of the report"),
    "members": _("Members"),
    "id": _("Short name (id)"),
    "role": _("Role"),
    "by_agreement": _("by agreement"),
    "until": _("member until"),
    "since": _("member since"),
    "successor": _("Replaced from a date"),
})

# an entry of a list, by its number from 1
ENTRIES: dict[str, Message] = {
    "items": _("Question {n}"),
    "decisions": _("Decision {n}"),
    "materials": _("Material {n}"),
    "dissent": _("Dissenting opinion {n}"),
    "changes": _("Change {n}"),
    "invited": _("Invited person {n}"),
    "outside": _("Outside speaker {n}"),
    "absent": _("Absence {n}"),
    "stand_ins": _("Stand-in {n}"),
    "campaigns": _("Campaign {n}"),
    "actions": _("Action {n}"),
    "members": _("Member {n}"),
}


def path_of(name: str) -> tuple:
    """A field's name as a path: `items.0.title.kk` → ('items', 0, 'title', 'kk')."""
    return tuple(int(step) if step.isdigit() else step for step in name.split(".") if step)


def field_label(path: tuple | str, lang: str, members: dict[str, str] | None = None) -> str:
    """The path in the form's words: ('items', 0, 'heard', 'ru') → «Вопрос 1 — Слушали — на русском».

    `members` (id → post) names a member's own row: `att.knb` → «Attendance — <post of knb>».
    """
    steps = path_of(path) if isinstance(path, str) else tuple(path)
    members = members or {}
    words: list[str] = []
    previous = None
    for step in steps:
        if isinstance(step, int) and previous is None:
            pass                # an entry of a file that is a list (control/): the page's row names it
        elif isinstance(step, int):
            entry = ENTRIES.get(str(previous))
            text = Message(entry.key, (("n", step + 1),)).render(lang) if entry else str(step + 1)
            if words and entry:
                words[-1] = text
            else:
                words.append(text)
        elif step == "att":
            words.append(KEYS["present"].render(lang))
        elif step in ("ballot", "shown", "remove"):
            pass
        elif step in members and previous in ("att", "ballot", "absent", "standin", "for"):
            words.append(members[step])
        elif step in KEYS:
            words.append(KEYS[step].render(lang))
        elif step == "standin":
            words.append(KEYS["stand_ins"].render(lang))
        elif step in members:
            words.append(members[step])
        else:
            words.append(step)
        previous = step
    out: list[str] = []
    for word in words:
        if not out or out[-1] != word:
            out.append(word)
    return " — ".join(out)
