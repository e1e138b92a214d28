"""The rooms a command walks through: the modules of pipeline/ in which a function ran, and their folders.

    python tools/rooms.py protocol 2026-03            # run from a project folder (inputs/, records/)
    python tools/rooms.py --inputs inputs check

It runs `python -m pipeline ARGS` in this process under a profile hook and lists, in the order first entered,
each module of pipeline/ in which a function ran for the command (code run while a module is being imported,
and class bodies, are not counted: every command imports `wiring.py`, which imports every kind), then the
top-level entries of pipeline/ (folders and flat modules) those modules belong to. docs/dev/architecture.md
counts the walk of one protocol this way.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

PIPELINE = str(Path(__file__).resolve().parent.parent / "pipeline") + os.sep
MAIN = PIPELINE + "__main__.py"
CO_OPTIMIZED = 0x1   # a function's code; a module's or a class body's has not this flag


def _importing(frame) -> bool:
    """Whether this call runs while a module of pipeline/ is being imported (its body is on the stack)."""
    caller = frame.f_back
    while caller is not None:
        code = caller.f_code
        if code.co_name == "<module>" and code.co_filename.startswith(PIPELINE) and code.co_filename != MAIN:
            return True
        caller = caller.f_back
    return False


def walk(argv: list[str]) -> tuple[list[str], int]:
    """The modules entered by `python -m pipeline argv`, in order, and the command's exit status."""
    entered: dict[str, None] = {}

    def hook(frame, event, _arg):
        code = frame.f_code
        if event == "call" and code.co_filename.startswith(PIPELINE) and code.co_flags & CO_OPTIMIZED \
                and not _importing(frame):
            entered.setdefault(code.co_filename[len(PIPELINE):].replace(os.sep, "/"))

    status = 0
    sys.argv = ["pipeline", *argv]
    sys.setprofile(hook)
    try:
        runpy.run_module("pipeline", run_name="__main__")
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.setprofile(None)
    return list(entered), status


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(PIPELINE).parent))
    modules, status = walk(argv)
    rooms = list(dict.fromkeys(module.split("/")[0] for module in modules))
    entries = [name for name in os.listdir(PIPELINE) if name != "__pycache__"]
    print(f"\n{len(modules)} modules in which code ran:", file=sys.stderr)
    for module in modules:
        print(f"  {module}", file=sys.stderr)
    print(f"{len(rooms)} rooms of the {len(entries)} entries of pipeline/: {' '.join(rooms)}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
