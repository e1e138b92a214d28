"""The kinds of document, each registering in `stages.DOCUMENTS` how its jobs are made.

`meetings` (agenda, protocol, composition), `plans` (§16-18), `yearly`
(register §24, annual report §29). Imported by `pipeline.stages` once its
registries exist; the order is the order of `stages.ASSESSORS`.
"""

from . import meetings, plans, yearly  # noqa: F401
