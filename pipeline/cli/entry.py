"""The way in of the console script `shtab` and of `python -m pipeline`: Ctrl-C while starting is a plain stop.

The command line's own guard (`cli.GuardedGroup`) answers a Ctrl-C once the
program runs; before that, while its modules are still being imported (the
first half second), Python would print a KeyboardInterrupt traceback. Here it
ends the run as a Ctrl-C does later: exit 1, no traceback (pipeline/cli/main.py).
The launcher ./shtab starts Python with Ctrl-C held off (SHTAB_HOLDS_CTRL_C), so
that Python's own start-up cannot print one either; it is taken back here first.
"""

from __future__ import annotations

import os
import signal
import sys

HOLDS_CTRL_C = "SHTAB_HOLDS_CTRL_C"


def main() -> None:
    if os.environ.pop(HOLDS_CTRL_C, None) and signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        from .main import main as run
    except BaseException as exc:  # noqa: BLE001 - only a Ctrl-C is answered here; anything else goes on
        if interrupted(exc):
            sys.exit(1)
        raise
    try:
        run()
    except KeyboardInterrupt:   # between the start and Click's own handling of it (which says "Aborted!")
        sys.exit(1)


def interrupted(exc: BaseException | None) -> bool:
    """A Ctrl-C, or an error raised because of one (Python wraps one that falls in a class's set-up)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
