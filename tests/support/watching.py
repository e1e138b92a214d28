"""`watch` as the secretary runs it: a process in the background, its lines read as they come (tests only)."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class WatchProcess:
    """`python -m pipeline watch` on the given folders; `expect` waits for a line of its output."""

    def __init__(self, inputs: Path, outputs: Path, env: dict | None = None, python: str = sys.executable) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.process = subprocess.Popen(
            [python, "-m", "pipeline", "--inputs", str(inputs), "--outputs", str(outputs), "watch"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            env={**(os.environ if env is None else env), "SHTAB_LANG": "en"})   # the lines the tests look for
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def expect(self, pattern: str, timeout: float = 120) -> str:
        """The first line from now on that matches `pattern` (a regular expression); fails after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line matching {pattern!r} within {timeout} s; output:\n"
                                     + "\n".join(self.lines[-40:])) from None
            if line is None:
                raise AssertionError(f"watch ended (exit {self.process.wait()}) before {pattern!r}; output:\n"
                                     + "\n".join(self.lines[-40:]))
            self.lines.append(line)
            if re.search(pattern, line):
                return line

    def until_summary(self, timeout: float = 120) -> list[str]:
        """Every line of the round in progress, up to its summary line."""
        start = len(self.lines)
        self.expect(r"waiting for the next save", timeout)
        return self.lines[start:]

    def stop(self) -> int:
        """Ctrl-C, as the secretary stops it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        code = self.process.wait()
        while (line := self._queue.get(timeout=10)) is not None:
            self.lines.append(line)
        return code
