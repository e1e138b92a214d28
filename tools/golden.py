"""`make golden`: the checksums of every sample document, kept in tests/golden.sha256.

The sample inputs are written as of 2026-12-31 (the end of their year: nothing depends on the day the
checksums are made) into a temporary folder; each document's SHA-256 goes into tests/golden.sha256, in
`sha256sum` form. tests/documents/test_golden.py writes them again and compares, so that every change of a document
shows in review as a change of this file. Run it only after a deliberate change of a document, and say why
in the commit.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden.sha256"
AS_OF = "2026-12-31"


def sample_documents(outputs: Path) -> dict[str, str]:
    """Write every document of the sample inputs into `outputs`; their SHA-256 by path (POSIX, relative)."""
    subprocess.run([sys.executable, "-m", "pipeline", "--inputs", str(ROOT / "inputs"), "--outputs", str(outputs),
                    "--as-of", AS_OF, "--ui-lang", "en", "-q", "all"], check=True, cwd=ROOT)
    return {path.relative_to(outputs).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(outputs.rglob("*.docx"))}


def text_of(sums: dict[str, str]) -> str:
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(sums.items()))


def read(path: Path = GOLDEN) -> dict[str, str]:
    pairs = (line.split("  ", 1) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sums = sample_documents(Path(folder) / "outputs")
    GOLDEN.write_text(text_of(sums), encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}: {len(sums)} documents as of {AS_OF}")


if __name__ == "__main__":
    main()
