"""Simulated Windows for tests/cli/test_windows.py: Python as on Windows, without what only POSIX systems have.

Put on PYTHONPATH of a subprocess (and so of the workers it spawns), this runs
before the program: `os.fork` is gone (so multiprocessing must spawn), and
importing `fcntl`, `resource` or `termios` fails as it does on Windows. The
rest of the system stays Linux: paths, the file system, subprocesses.
"""

import importlib.abc
import os
import sys

MISSING_MODULES = ("fcntl", "resource", "termios")


class _WindowsHasNoSuchModule(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in MISSING_MODULES:
            raise ModuleNotFoundError(f"No module named '{name}' (simulated Windows)", name=name)
        return None


for _name in MISSING_MODULES:
    sys.modules.pop(_name, None)
sys.meta_path.insert(0, _WindowsHasNoSuchModule())
for _name in ("fork", "forkpty"):
    if hasattr(os, _name):
        delattr(os, _name)
os.environ["SHTAB_SIMULATED_WINDOWS"] = "1"
