"""A pytest plugin: under CI (CI=true) a test skipped for want of LibreOffice fails instead of passing silently.

.ci/run installs LibreOffice and poppler on the CI machine, so there such a skip means the readers of the
documents (tests/load/test_readers.py, tests/render/test_pdf.py, the PDF/A records) never ran. On a developer's machine
without LibreOffice the skip stays a skip. Loaded by tests/support/inputs.py (`pytest_plugins`).
"""

from __future__ import annotations

import os
import re

import pytest

NEEDS_LIBREOFFICE = re.compile(r"soffice|libreoffice|pdftotext|poppler", re.IGNORECASE)


def skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") == "true" and NEEDS_LIBREOFFICE.search(skip_reason(report)):
        reason = skip_reason(report)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where .ci/run installs LibreOffice: {reason}"
