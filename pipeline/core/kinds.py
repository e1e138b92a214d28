"""The ids of the kinds of document, each written once.

A kind of document is one `DocumentKind` line of `pipeline/wiring.py`, which
holds everything about it (its name in words, its file, its subject, its
template, its rules). The modules below `documents/` — the rules that name the
document a finding is about, the contexts, the records — know a kind only by
its id, and take it from here.
"""

from __future__ import annotations

AGENDA = "agenda"
PROTOCOL = "protocol"
NOTICE = "notice"
EXTRACTS = "extracts"
COMPOSITION = "composition"
PLAN = "plan"
REGISTER = "register"
ANNUAL_REPORT = "annual-report"
REGION_REPORT = "region-report"
REMINDERS = "reminders"
STATUS = "status"
