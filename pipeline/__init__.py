"""shtab: the records pipeline of a district interagency anti-drug Штаб.

Stages, each a module: `load` (YAML → typed `models`, with lines) → `rules`
(the regulation, §N by §N) → `context` (plain data for one document in one
language) → `render` (docxtpl) → `write` (atomic, deterministic). `stages` wires
them without Click; `cli` is the thin command line.
"""

__version__ = "0.1.0"
