"""ruamel.yaml's round-trip loader as every reader of the inputs uses it: lines kept, duplicates refused, dates as text.

Both readers of YAML need it: `source.read_yaml` (the whole file) and
`fastyaml` (a scalar libyaml leaves to ruamel), so it sits below both.
"""

from __future__ import annotations

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor


class _TextDatesConstructor(RoundTripConstructor):
    """Timestamps stay strings: the models parse and check them with a line."""


_TextDatesConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


def round_trip_yaml() -> YAML:
    """A fresh loader: YAML 1.2, pure Python, duplicate keys refused, timestamps kept as the text typed."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _TextDatesConstructor
    yaml.allow_duplicate_keys = False
    return yaml
