"""Helpers of the workspace tests: a copy of the sample inputs and a client that has opened the start link."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

with warnings.catch_warnings():   # Starlette 1.x asks for httpx2; httpx is what the test client still runs on
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from pipeline.web.app import create_app
from pipeline.web.pages import Workspace

ROOT = Path(__file__).resolve().parents[2]
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


def form_fields(html: str, form_id: str | None = None) -> list[tuple[str, str]]:
    """The fields a browser would submit from the page as drawn: inputs, checked boxes, selects, textareas."""
    from html.parser import HTMLParser

    class Fields(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.fields: list[tuple[str, str]] = []
            self.textarea: list[str] | None = None
            self.select: str | None = None
            self.chosen = ""
            self.first = None
            self.inside = form_id is None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form" and form_id is not None:
                self.inside = attrs.get("id") == form_id
            if not self.inside or attrs.get("disabled") is not None and "disabled" in attrs:
                return
            name = attrs.get("name")
            if tag == "input" and name:
                if attrs.get("type") in ("checkbox", "radio"):
                    if "checked" in attrs:
                        self.fields.append((name, attrs.get("value") or "on"))
                else:
                    self.fields.append((name, attrs.get("value") or ""))
            elif tag == "textarea" and name:
                self.textarea = [name, ""]
            elif tag == "select" and name:
                self.select, self.chosen, self.first = name, None, None
            elif tag == "option" and self.select:
                if self.first is None:
                    self.first = attrs.get("value", "")
                if "selected" in attrs:
                    self.chosen = attrs.get("value", "")

        def handle_data(self, data):
            if self.textarea is not None:
                self.textarea[1] += data

        def handle_endtag(self, tag):
            if tag == "textarea" and self.textarea is not None:
                self.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
                self.textarea = None
            elif tag == "select" and self.select:
                self.fields.append((self.select, self.chosen if self.chosen is not None else self.first or ""))
                self.select = None
            elif tag == "form" and form_id is not None:
                self.inside = False

    parser = Fields()
    parser.feed(html)
    return parser.fields
