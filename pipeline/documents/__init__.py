"""The kinds of document: how the jobs of each are made from the assessment.

`meetings` (agenda, protocol, composition), `plans` (§16-18), `yearly`
(register §24, annual report §29); `job` holds what they share. Nothing here
registers itself: `pipeline/wiring.py` names every kind with its builder.
"""
