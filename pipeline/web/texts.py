"""The workspace's words come from the program's one catalogue (pipeline/locale/*/shtab.po), kk and ru.

The templates call `_("English msgid")` like the code does (Babel extracts them:
babel.cfg maps pipeline/web/templates/ to Jinja's extractor); values the pages
show by their code (a status, a kind of meeting) are put into words by `label`,
from the table below, whose literal `_()` calls Babel extracts too; a kind of
document is named by its own words (`DocumentKind.words`, pipeline/wiring.py).
"""

from __future__ import annotations

from ..locale.messages import Message, _

UI = ("kk", "ru")

LABELS: dict[str, Message] = {
    # kinds of meeting (§12)
    "regular": _("regular"),
    "extraordinary": _("extraordinary"),
    # the status of an assignment (§24)
    "in_progress": _("in progress"),
    "done": _("done"),
    "extended": _("extended"),
    "removed": _("removed from control"),
    # a member's ballot (§13)
    "for": _("for"),
    "against": _("against"),
    "abstained": _("abstained"),
    # changes of a plan (§18)
    "postpone": _("postponement"),
    "exclude": _("exclusion"),
    "add": _("addition"),
    "working_body": _("the working body"),
    # what became of a plan question (Reading of §18)
    "heard": _("heard"),
    "excluded": _("excluded"),
    "postponed": _("postponed"),
    "pending": _("pending"),
    "not_heard": _("not heard"),
}

# the guard's refusals: answered before any page, so in both languages
REFUSALS: dict[str, Message] = {
    "refused.host": _("Host not allowed: the workspace opens only at http://127.0.0.1."),
    "refused.session": _("Access denied: open the link with ?token=... that the serve command printed."),
    "refused.token": _("Wrong token in the link: open the link that the serve command printed."),
    "refused.csrf": _("Request refused: the form's protection token is missing or stale. Reload the page."),
    "refused.size": _("The request is too large."),
}


def translate(msgid: str, lang: str, **values) -> str:
    """A msgid of the catalogue in `lang` (the templates' `_`)."""
    return Message(msgid, tuple(values.items())).render(lang)


def label(code: str, lang: str) -> str:
    """A code the files use (done, regular, protocol...) in words; an unknown code as it is."""
    message = LABELS.get(code)
    return message.render(lang) if message is not None else code


def both(key: str) -> str:
    """A refusal in Kazakh and in Russian: the guard answers before the secretary has chosen."""
    message = REFUSALS[key]
    return f"{message.render('kk')}\n{message.render('ru')}"
