"""Every --help in the secretary's language: Click's help texts as messages of the catalogue.

Commands keep the ordinary Click form, a docstring and `help=` of options, in
English. Each piece of help is a msgid of the catalogue: a paragraph of a
docstring, the comment of an example line, a `help=` or `metavar=` text.
`extract` is the Babel extractor (babel.cfg) that finds them beside the usual
`_()` calls; `localize` puts the translations into the command tree just before
Click parses the command line, so usage, errors and help all come out in the
language of the run. No command has to be written differently for it.
"""

from __future__ import annotations

import ast
import inspect
import io
from typing import Callable, Iterator

import click

from ..locale.messages import N_

EXAMPLE = "Example:"
BLOCK = "\b"  # Click's mark of a paragraph printed as it is

# Click's own metavars, which it does not pass through gettext: in the catalogue, translated by `localize`.
CLICK_METAVARS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))


def pieces(help_text: str) -> list[str]:
    """The translatable pieces of a help text: its paragraphs, "Example:" and the comments of example lines.

    The lines of an example are commands and stay as they are; only what
    follows "#" on them is words.
    """
    found = []
    for block in inspect.cleandoc(help_text).split("\n\n"):
        lines = block.split("\n")
        if lines[0] == BLOCK and len(lines) > 1 and lines[1] == EXAMPLE:
            found.append(EXAMPLE)
            found += [line.split("#", 1)[1].strip() for line in lines[2:] if "#" in line]
        elif lines[0] == BLOCK:
            found.append("\n".join(lines[1:]))
        elif block.strip():
            found.append(block)
    return found


def localize_text(help_text: str, translate: Callable[[str], str]) -> str:
    """The help text with each of its `pieces` translated, its layout kept."""
    blocks = []
    for block in inspect.cleandoc(help_text).split("\n\n"):
        lines = block.split("\n")
        if lines[0] == BLOCK and len(lines) > 1 and lines[1] == EXAMPLE:
            blocks.append("\n".join([BLOCK, translate(EXAMPLE)] + [_example(line, translate) for line in lines[2:]]))
        elif lines[0] == BLOCK:
            blocks.append(BLOCK + "\n" + translate("\n".join(lines[1:])))
        elif block.strip():
            blocks.append(translate(block))
    return "\n\n".join(blocks)


def _example(line: str, translate: Callable[[str], str]) -> str:
    if "#" not in line:
        return line
    command, comment = line.split("#", 1)
    return f"{command}# {translate(comment.strip())}"


def localize(command: click.Command, translate: Callable[[str], str]) -> None:
    """Translate the help of `command`, its parameters and its subcommands, from the English kept aside.

    The English stays in `_shtab_english` on each object, so that the same
    tree can be localized again (tests run several languages in one process).
    """
    english = command.__dict__.setdefault("_shtab_english", {
        "help": command.help, "short_help": command.short_help, "epilog": command.epilog,
        "options_metavar": command.options_metavar,
        "subcommand_metavar": getattr(command, "subcommand_metavar", None)})
    for name in ("help", "short_help", "epilog"):
        if english[name]:
            setattr(command, name, localize_text(english[name], translate))
    if english["options_metavar"]:
        command.options_metavar = translate(english["options_metavar"])
    if english["subcommand_metavar"]:
        command.subcommand_metavar = translate(english["subcommand_metavar"])
    if getattr(command, "_help_option", None) is not None:
        command._help_option = None   # Click keeps its --help option, text and all, from the first language asked
    for param in command.params:
        saved = param.__dict__.setdefault("_shtab_english", {"help": getattr(param, "help", None),
                                                              "metavar": param.metavar})
        if saved["help"]:
            param.help = localize_text(saved["help"], translate)
        if saved["metavar"]:
            param.metavar = translate(saved["metavar"])
    for sub in getattr(command, "commands", {}).values():
        localize(sub, translate)


# ---------------------------------------------------------------- the Babel extractor (babel.cfg)


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel's Python extraction, plus the help of Click commands: docstrings, help= and metavar= texts.

    A command is a function under a decorator whose name ends in `command` or
    `group` (`@cli.command()`, `@click.group()`), or a string given to a call
    of a function whose name ends in `_command` (a factory of commands).
    """
    from babel.messages.extract import extract_python

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    yield from ((line, None, text, []) for line, text in help_texts(ast.parse(source)))


def help_texts(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(map(_is_command, node.decorator_list)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield from ((node.lineno, piece) for piece in pieces(doc))
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in ("option", "argument", "command", "group") or name.endswith("_option"):
                for keyword in node.keywords:
                    if keyword.arg in ("help", "metavar", "options_metavar", "subcommand_metavar") \
                            and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                        texts = pieces(keyword.value.value) if keyword.arg == "help" else [keyword.value.value]
                        yield from ((node.lineno, text) for text in texts)
            elif name.endswith("_command"):
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "\n" in arg.value:
                        yield from ((node.lineno, piece) for piece in pieces(arg.value))


def _is_command(decorator: ast.expr) -> bool:
    name = _name(decorator.func if isinstance(decorator, ast.Call) else decorator)
    return name.endswith("command") or name.endswith("group")


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""
