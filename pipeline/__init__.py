"""shtab: the records pipeline of a district interagency anti-drug Штаб.

Stages, each a module: `load` (YAML → typed `models`, with lines) → `rules`
(the regulation, §N by §N) → `context` (plain data for one document in one
language) → `render` (docxtpl) → `write` (atomic, deterministic). `wiring` lists
every kind of input and document; `stages` runs the stages without Click; `cli`
is the thin command line (docs/dev/architecture.md).
"""

__version__ = "0.1.0"
