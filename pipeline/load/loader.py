"""Stage 1, load: the files under inputs/ become typed models with their places.

Everything is read and checked before anything is written (as Pelican does):
each file's problems become findings with file:line, and a file that cannot be
read leaves its model out, so the rules still run on everything else.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..core.errors import Finding, Loc, error
from ..locale.messages import Message, _, code_point
from . import models
from .models import MEETING_ID, PLAN_ID, Body, ControlEntry, Indicators, Meeting, Model, Plan, Text
from .source import display_path, line_at, read_yaml

T = TypeVar("T")


@dataclass
class Project:
    """Everything the inputs say, typed, with every loading problem found.

    Each kind of input has its fields, filled by its loader below; which
    loaders run, in which order, is `pipeline/wiring.py` (`stages.load_project`).
    A file that cannot be read leaves its model out and its findings in `findings`.
    """

    inputs: Path
    body: Body | None = None
    meetings: list[Meeting] = field(default_factory=list)
    unread_meetings: set[str] = field(default_factory=set)          # ids of meeting files that gave no model
    plans: dict[str, Plan] = field(default_factory=dict)            # by plan id, in id order
    plan_files: set[str] = field(default_factory=set)               # every plan id with a file, read or not
    control: dict[int, list[ControlEntry]] = field(default_factory=dict)    # by year
    control_files: dict[int, str] = field(default_factory=dict)
    indicators: dict[int, Indicators] = field(default_factory=dict)         # by year
    indicators_files: dict[int, str] = field(default_factory=dict)
    districts: list = field(default_factory=list)    # an oblast's received packages (pipeline/region/received.py)
    findings: list[Finding] = field(default_factory=list)

    def meeting(self, meeting_id: str) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def file_of(self, *parts: str) -> str:
        return display_path(self.inputs.joinpath(*parts))


def load_body(project: Project) -> None:
    """body.yaml: the Штаб and its roster; without it no rule and no document can run."""
    project.body, findings = load_file(project.inputs / "body.yaml", Body)
    project.findings += findings


def load_meetings(project: Project) -> None:
    """meetings/<id>.yaml, in date order; the file stem is the meeting id (docs/regulation/contract.md)."""
    for path in yaml_files(project.inputs / "meetings"):
        meeting, found = load_file(path, Meeting)
        project.findings += found
        if not MEETING_ID.match(path.stem):
            project.unread_meetings.add(path.stem)
            typed = re.fullmatch(r"\D*(\d{4})\D+(\d{1,2})", path.stem)   # 2027_05, заседание-2027-5
            example = (f"{meeting.date.year}-{meeting.number:02d}.yaml" if meeting is not None
                       else f"{typed.group(1)}-{int(typed.group(2)):02d}.yaml" if typed else None)
            project.findings.append(error(Loc(display_path(path)), _(
                "the file name must be a meeting id: Latin letters a-z, digits and -, e.g. {example} (the year, then "
                "the protocol's number); rename the file", example=example) if example else _(
                "the file name must be a meeting id: Latin letters a-z, digits and -, the year, then the protocol's "
                "number; rename the file")))
            continue
        if meeting is None:
            project.unread_meetings.add(path.stem)
            continue
        meeting._id = path.stem
        project.meetings.append(meeting)
    project.meetings.sort(key=lambda m: (m.date, m.number, m.id))


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # not only regular files: a link to a device or a folder named *.yaml is refused by its reader, never skipped
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def load_file(path: Path, kind: Any) -> tuple[Any, list[Finding]]:
    """One YAML file as the model type `kind` (a Model class or a list type), with findings."""
    name = display_path(path)
    if not path.exists():
        return None, [error(Loc(name), _("the file is missing: create it (see the guide) or copy it from the "
                                         "sample inputs"))]
    tree, findings = read_yaml(path)       # with the warnings of reading (a text cut by " #")
    if tree is None:
        return None, findings
    value, model_findings = parse_tree(tree, kind, name)
    return value, findings + model_findings


def validation_findings(exc: ValidationError, tree: Any, name: str) -> list[Finding]:
    """pydantic's errors as file:line findings, one per place, in words a secretary reads."""
    groups: dict[tuple, list[tuple[str, tuple, dict]]] = {}
    for err in exc.errors():
        fork, branch, path = _walkable(tree, err["loc"])
        groups.setdefault(fork, []).append((branch, path, err))
    findings = []
    # a key typed with a slip (plase:) is one mistake: its "unknown key, did you mean 'place'?" says it all, and the
    # required key it was meant to be is not also called missing ("add it" would have her type it twice)
    misspelt = {(path[:-1], hint[0]) for entries in groups.values() for _b, path, err in entries
                if err["type"] == "extra_forbidden" and path
                and (hint := difflib.get_close_matches(str(path[-1]), sorted(models.ALL_KEYS), n=1))}
    for errs in groups.values():
        if len({branch for branch, _path, _err in errs}) > 1:  # a union: keep the branch the input was meant for
            errs = [e for e in errs if e[0][:1].isupper()] or errs
        for _branch, path, err in errs:
            if err["type"] == "missing" and path and (path[:-1], path[-1]) in misspelt:
                continue
            finding = _finding(err, path, tree, name)
            if finding not in findings:
                findings.append(finding)
    return findings


def _walkable(tree: Any, loc: tuple) -> tuple[tuple, str, tuple]:
    """Split pydantic's loc into the path that exists in the YAML tree and a union branch tag.

    Returns (the path up to the union, the branch tag, the whole path without the tag).
    """
    node, path, branch, fork = tree, [], "", None
    for step in loc:
        if isinstance(node, CommentedMap) and isinstance(step, str) and step in node:
            node = node[step]
            path.append(step)
        elif isinstance(node, CommentedSeq) and isinstance(step, int):
            node = node[step] if step < len(node) else None
            path.append(step)
        elif isinstance(step, str) and not branch and (step[:1].isupper() or step == "str" or "[" in step):
            branch, fork = step, tuple(path)
        else:
            path.append(step)
    return (fork if fork is not None else tuple(path)), branch, tuple(path)


def _finding(err: dict, path: tuple, tree: Any, name: str) -> Finding:
    """One pydantic error as a finding in her words: where (in her words), what is wrong, what to type."""
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(path[-1])
        parent, value = _mapping_at(tree, path[:-1]), None
        if parent is not None:
            value = parent.get(path[-1])
        hint = difflib.get_close_matches(key, sorted(models.ALL_KEYS), n=1)
        owner = _empty_key_before(parent, path[-1]) if key in models.LANGS else None
        if owner is not None:
            # a language's text slid left under its key (an indentation slip): show the lines as they should be
            message = _("'{key}:' is indented as a key of its own, so '{owner}' above it is left empty: the text "
                        "belongs under '{owner}', two spaces further right; the corrected lines: «{owner}:», then "
                        "«  {key}: {value}»", key=key, owner=owner, value=value)
        elif hint:
            message = _("unknown key '{key}': did you mean '{hint}'?", key=key, hint=hint[0])
        elif value not in (None, ""):   # it holds her data: never advise deleting it
            message = _("unknown key '{key}': check its spelling and its place against the guide (its value is "
                        "not read until then)", key=key)
        else:
            message = _("unknown key '{key}': check its spelling against the guide, or remove it", key=key)
        return error(Loc(name, line_at(tree, path)), _in_place(readable(path[:-1]), message))
    if kind == "missing":
        message = _("missing key '{key}': add it", key=path[-1])
        return error(Loc(name, line_at(tree, path[:-1])), _in_place(readable(path[:-1]), message))
    if not path and kind in _CONTAINER_TYPES:
        return error(Loc(name, line_at(tree, ())), whole_file_message(kind, err.get("input")))
    return error(Loc(name, line_at(tree, path, key_line=False)), _in_place(readable(path), value_problem(err, path)))


def _mapping_at(tree: Any, path: tuple) -> CommentedMap | None:
    node = tree
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            node = node[step]
        else:
            return None
    return node if isinstance(node, CommentedMap) else None


def _empty_key_before(mapping: CommentedMap | None, key: Any) -> str | None:
    """The key above `key` (other slid language keys aside) when she left it empty (`reason:` and nothing after)."""
    if mapping is None or key not in mapping:
        return None
    keys = list(mapping)
    for earlier in reversed(keys[:keys.index(key)]):
        if earlier in models.LANGS:
            continue
        return str(earlier) if mapping.get(earlier) is None else None
    return None


def _in_place(where: Place, message: Message) -> Message:
    return _("{where}: {message}", where=where, message=message) if where else message


_CONTAINER_TYPES = {"model_type", "model_attributes_type", "dict_type", "list_type"}
_ID_LISTS = {"for", "against", "abstained", "present", "initiated_by"}


def value_problem(err: dict, path: tuple) -> Message:
    """What is wrong with one value, from pydantic's error type: our validators' own message, else ours for the type."""
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], Message):
        return cause.args[0]
    got = models.kind_of(value)
    key = next((step for step in reversed(path) if isinstance(step, str)), "")
    if kind == "list_type" and key in ("for", "against", "abstained"):
        return _("the ids of those who voted are wanted, as a list, not {value}: e.g. {example}", value=got,
                 example="vote: {" + key + ": [..., ...]}")
    if kind == "list_type" and key in _ID_LISTS:
        return _("a list of member ids is wanted, not {value}: e.g. {example}", value=got,
                 example=key + ": [..., ...]")
    if kind == "list_type":
        return _("a list is wanted, not {value}: each entry on its own line starting with '- ', or [a, b]",
                 value=got)
    if kind in _CONTAINER_TYPES:
        return _("keys with values are wanted (key: value), not {value}", value=got)
    if kind == "too_short":
        return _("the list is empty: list at least one entry")
    if kind == "literal_error":
        return _("expected {expected}, got {value}", expected=one_of(str(ctx.get("expected", ""))), value=got)
    if kind in ("greater_than_equal", "greater_than"):
        return _("expected at least {limit}, got {value}", limit=ctx.get("ge", ctx.get("gt", "")), value=got)
    if kind in ("less_than_equal", "less_than"):
        return _("expected at most {limit}, got {value}", limit=ctx.get("le", ctx.get("lt", "")), value=got)
    if kind.startswith("int_") or kind.startswith("float_"):
        return _("expected a number, got {value}", value=got)
    if kind.startswith("string_") or kind == "str_type":
        return _("expected a text, got {value}", value=got)
    if kind.startswith("bool_"):
        return _("expected true or false, got {value}", value=got)
    return _("this value is not accepted here: {value}", value=got)


def one_of(expected: str) -> Message | str:
    """pydantic's "'done', 'in_progress' or 'removed'" with her word for "or": the values stay as she types them."""
    values = re.findall(r"'[^']*'|\S+(?=,| or |$)", expected)
    if len(values) < 2:
        return expected
    return _("{values} or {last}", values=", ".join(values[:-1]), last=values[-1])


def whole_file_message(kind: str, value: Any) -> Message:
    """The file as a whole has the wrong shape: a list where keys were expected, or the reverse."""
    if kind == "list_type":
        return _("the file must be a list of entries, each starting with '- ', not {value}",
                 value=models.kind_of(value))
    return _("the file must hold keys with values (key: value, one per line), not {value}",
             value=models.kind_of(value))


Place = tuple  # the parts of a place in a file, in her words: ("question 2", "decision 1", "text")

# A list's entries, named as she counts them (from 1): ("items", 1, "decisions", 0) -> question 2, decision 1.
_ENTRY_WORDS = {
    "items": _("question {n}"),
    "decisions": _("decision {n}"),
    "members": _("member {n}"),
    "absent": _("absent {n}"),
    "stand_ins": _("stand-in {n}"),
    "invited": _("invited {n}"),
    "speakers": _("speaker {n}"),
    "materials": _("material {n}"),
    "dissent": _("dissenting opinion {n}"),
    "changes": _("change {n}"),
    "responsible": _("responsible body {n}"),
    "campaigns": _("campaign {n}"),
    "actions": _("action {n}"),
}


@lru_cache(maxsize=8192)
def readable(path: tuple) -> Place:
    """('items', 1, 'vote', 'against') -> ("question 2", "vote.against"): her words, counting from 1; () for the file.

    Kept by path: every text of every meeting holds its place (Text.key), and the same paths recur in every
    file (question 1's title...); the place is immutable, so one tuple serves them all (1,000 meetings:
    −18 MB, measured with tracemalloc).
    """
    parts: list = []
    for index, step in enumerate(path):
        if isinstance(step, int):
            owner = path[index - 1] if index else None
            words = _ENTRY_WORDS.get(owner) if isinstance(owner, str) else None
            if words is not None:
                parts[-1] = _(words.key, n=step + 1)
            elif index == 0:
                parts.append(_("entry {n}", n=step + 1))
            else:
                parts.append(f"№{step + 1}")
        elif parts and isinstance(parts[-1], str) and not parts[-1].startswith("№"):
            parts[-1] += "." + str(step)  # keys of keys as typed: agenda_approved.date
        else:
            parts.append(str(step))
    return tuple(parts)


_SURROGATE = re.compile("[\ud800-\udfff]")


def broken_characters(root: Any, name: str) -> list[Finding]:
    """Lone surrogates (half of a character pair, typed as "\\ud800" or broken in copying), keys included.

    They are refused before validation: no document can hold them, and the
    validator itself cannot carry them in its messages.
    """
    findings = []
    for path, text in _strings(root, ()):
        bad = _SURROGATE.search(text)
        if bad:
            message = _("the text holds the character {code} (half of a broken character pair), which a document "
                        "cannot contain; delete it and retype the text", code=code_point(bad.group()))
            findings.append(error(Loc(name, line_at(root, path)), _in_place(readable(path), message)))
    return findings


def _strings(node: Any, path: tuple):
    """Every key and string value of a tree, with the path of the entry it belongs to."""
    if isinstance(node, str):
        yield path, node
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(key, str):
            yield path + (key,), key
        yield from _strings(value, path + (key,))


class _Places(dict):
    """The places of one file, one `Loc` per line: a model, its key and its text typed on one line share it
    (1,000 meetings held ~475,000 places, most of them repeats; measured with tracemalloc)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, line: int) -> Loc:
        place = self[line] = Loc(self.name, line)
        return place


def stamp(value: Any, node: Any, name: str, line: int, path: tuple = (), places: _Places | None = None) -> None:
    """Give each model, and each text, the place it was typed (file, line, key)."""
    places = _Places(name) if places is None else places
    if isinstance(value, Text):
        value.loc = places[line]
        value.key = readable(path)
    elif isinstance(value, list) and isinstance(node, CommentedSeq):
        for index, item in enumerate(value):
            if index < len(node):
                stamp(item, node[index], name, node.lc.item(index)[0] + 1, path + (index,), places)
    elif isinstance(value, Model):
        value._loc = places[line]
        if not isinstance(node, CommentedMap):
            return
        for field_name, info in type(value).model_fields.items():
            key = info.alias or field_name
            if key in node:
                key_line = node.lc.key(key)[0] + 1
                value._field_locs[field_name] = places[key_line]
                if isinstance(node[key], CommentedSeq):
                    value._item_locs[field_name] = [places[node[key].lc.item(i)[0] + 1] for i in range(len(node[key]))]
                stamp(getattr(value, field_name), node[key], name, key_line, path + (key,), places)
    elif isinstance(value, dict) and isinstance(node, CommentedMap):
        for key, item in value.items():
            if key in node:
                stamp(item, node[key], name, node.lc.key(key)[0] + 1, path + (key,), places)


@lru_cache(maxsize=None)
def _adapter(kind: Any) -> TypeAdapter:
    """One validator per kind of input for the run (a list type's was built again for every file)."""
    return TypeAdapter(kind)


def parse_tree(tree: Any, kind: Any, name: str) -> tuple[Any, list[Finding]]:
    """Validate an already-read tree (used by loaders of other input kinds)."""
    broken = broken_characters(tree, name)
    if broken:
        return None, broken
    try:
        value = _adapter(kind).validate_python(tree)
    except ValidationError as exc:
        return None, validation_findings(exc, tree, name)
    stamp(value, tree, name, 1)
    return value, []


# ---------------------------------------------------------------- plans/*.yaml (§16-18)


def load_plans(project: Project) -> None:
    """Every half-year plan as `project.plans` (id → Plan), in id order.

    The id is the file stem and must read YYYY-H1 or YYYY-H2 (docs/regulation/contract.md).
    `project.plan_files` holds every plan id that has a file, read or not, so
    that a meeting naming an unreadable plan is not told the plan is missing as well.
    """
    plans: dict[str, Plan] = {}
    files: set[str] = set()
    for path in yaml_files(project.inputs / "plans"):
        if not PLAN_ID.match(path.stem):
            year = re.search(r"\d{4}", path.stem)
            project.findings.append(error(Loc(display_path(path)), _(
                "the file name must be a plan id: the year and the half, {first} or {second}; rename the file",
                first=f"{year.group()}-H1.yaml", second=f"{year.group()}-H2.yaml") if year else _(
                "the file name must be a plan id: the year and the half (H1 or H2), joined by -; rename the file"),
                "§16"))
            continue
        files.add(path.stem)
        plan, found = load_file(path, Plan)
        project.findings += found
        if plan is not None:
            plan._id = path.stem
            plans[path.stem] = plan
    project.plans = dict(sorted(plans.items()))
    project.plan_files = files


# ---------------------------------------------------------------- control/ and indicators/ (one file per year)

YEAR_FILE = re.compile(r"^\d{4}$")


def _yearly(project: Project, folder: str, kind: Any) -> tuple[dict[int, Any], dict[int, str]]:
    """inputs/<folder>/<year>.yaml by year, and the file of each year (for file:line); a stem that is no year is an error.

    A year's file is named even when it cannot be read, so that the documents of that year count it among
    their sources and its errors stop them (an annual report never prints "—" for a file with a typing error).
    """
    by_year: dict[int, Any] = {}
    files: dict[int, str] = {}
    for path in yaml_files(project.inputs / folder):
        name = display_path(path)
        if not YEAR_FILE.match(path.stem):
            project.findings.append(error(Loc(name), _("the file name must be a year, e.g. {example}; rename the "
                                                       "file", example=folder + "/2026.yaml")))
            continue
        files[int(path.stem)] = name
        tree, findings = read_yaml(path)
        project.findings += findings
        if tree is None:
            continue
        value, findings = parse_tree(tree, kind, name)
        project.findings += findings
        if value is not None:
            by_year[int(path.stem)] = value
    return by_year, files


def load_control(project: Project) -> None:
    """control/<year>.yaml: a list of ControlEntry (§24)."""
    project.control, project.control_files = _yearly(project, "control", list[ControlEntry])


def load_indicators(project: Project) -> None:
    """indicators/<year>.yaml: the 12 indicators of the year (§29)."""
    project.indicators, project.indicators_files = _yearly(project, "indicators", Indicators)
