"""Typography of human texts: «ёлочки» for straight double quotes, as Kazakh and Russian records print them.

The secretary types on a keyboard that gives "…"; an official document prints
«…» (both languages), and the documents' own wording already uses them. A text
that must stay literal keeps every character: one holding template or markup
syntax ({{ }}, {% %}, <tag>), or quotes that do not pair up.
"""

from __future__ import annotations

import re

_LITERAL = re.compile(r"\{\{|\{%|%\}|\}\}|<\s*/?\s*[A-Za-z]")
# A pair: an opening quote at the start or after a space or an opening bracket/quote, then a closing
# quote followed by the end, a space, punctuation or a closing bracket; no straight quote inside.
_PAIR = re.compile(r'(?:(?<=^)|(?<=[\s(\[«„/—–-]))"(?=\S)([^"\n]*?\S)"(?=$|[\s.,;:!?)\]»/—–-])')


def typographic_quotes(text: str) -> str:
    """«…» for each straight "…" pair; the text as typed when it is literal or the quotes do not pair up."""
    if '"' not in text or _LITERAL.search(text):
        return text
    converted = _PAIR.sub(r"«\1»", text)
    return text if '"' in converted else converted


def nested_quotes(text: str, depth: int = 0) -> str:
    """Quotes inside quotes as «…„…“…»: a «…» pair opened inside another one prints as „…“.

    `depth` 1: the text stands inside quotes the document prints around it (a plan question
    «{{ title }}»), so its own outer pair becomes „…“. Quotes that do not pair up stay as typed.
    """
    if "«" not in text:
        return text
    start, out = depth, []
    for char in text:
        if char == "«":
            out.append("„" if depth else "«")
            depth += 1
        elif char == "»" and depth > start:
            depth -= 1
            out.append("“" if depth else "»")
        else:
            out.append(char)
    return "".join(out) if depth == start else text
