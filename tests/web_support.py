"""Helpers of the workspace tests: a copy of the sample inputs and a client that has opened the start link."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

with warnings.catch_warnings():   # Starlette 1.x asks for httpx2; httpx is what the test client still runs on
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from pipeline.web.app import Workspace, create_app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "inputs"


def workspace(tmp_path: Path) -> Workspace:
    shutil.copytree(SAMPLE, tmp_path / "inputs")
    return Workspace(tmp_path / "inputs", tmp_path / "outputs")


def client(ws: Workspace, *, start: bool = True, host: str = "127.0.0.1") -> TestClient:
    test_client = TestClient(create_app(ws), base_url=f"http://{host}")
    if start:
        answer = test_client.get(f"/?token={ws.keys.token}", follow_redirects=False)
        assert answer.status_code == 303 and "shtab_session" in answer.headers["set-cookie"]
    return test_client


def post_form(test_client: TestClient, url: str, fields: list[tuple[str, str]], **kwargs):
    """A form as a browser sends it: repeated names (checkboxes) in order."""
    from urllib.parse import urlencode
    return test_client.post(url, content=urlencode(fields), headers={"content-type": "application/x-www-form-urlencoded"},
                            **kwargs)
