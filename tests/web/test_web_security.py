"""Every refusal of the local workspace, each tested: a local app is reachable by every page she opens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipeline.web import server
from pipeline.web.security import MAX_BODY
from tests.support.web import client, workspace


@pytest.fixture
def ws(tmp_path: Path):
    return workspace(tmp_path)


def test_a_foreign_host_header_is_refused_with_400(ws):
    """DNS rebinding: a page of evil.example resolved to 127.0.0.1 still sends its own name."""
    browser = client(ws)
    assert browser.get("/", headers={"host": "evil.example"}).status_code == 400
    assert browser.get("/", headers={"host": "evil.example:8765"}).status_code == 400
    assert browser.get(f"/?token={ws.keys.token}", headers={"host": "127.0.0.1.evil.example"}).status_code == 400
    assert browser.get("/", headers={"host": "localhost:8765"}).status_code == 200
    assert browser.get("/", headers={"host": "127.0.0.1:8765"}).status_code == 200


def test_no_page_without_the_start_token(ws):
    stranger = client(ws, start=False)
    for path in ("/", "/meetings/2026-01", "/documents", "/static/htmx.min.js"):
        answer = stranger.get(path)
        assert answer.status_code == 403, path
        assert "token" in answer.text
    assert stranger.get("/?token=wrong").status_code == 403
    assert stranger.get("/", headers={"cookie": "shtab_session=guess"}).status_code == 403


def test_the_start_token_buys_a_strict_httponly_cookie(ws):
    answer = client(ws, start=False).get(f"/?token={ws.keys.token}", follow_redirects=False)
    cookie = answer.headers["set-cookie"].lower()
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert "httponly" in cookie and "samesite=strict" in cookie and ws.keys.token.lower() not in cookie


def test_a_post_without_its_csrf_token_is_refused_with_403(ws):
    browser = client(ws)
    before = (ws.inputs / "meetings" / "2026-05.yaml").read_bytes()
    form = {"time": "23:00", "base": "x"}
    assert browser.post("/meetings/2026-05/save", data=form).status_code == 403
    assert browser.post("/meetings/2026-05/save", data={**form, "csrf": "wrong"}).status_code == 403
    assert browser.post("/meetings/2026-05/save", data=form, headers={"x-csrf-token": "wrong"}).status_code == 403
    assert browser.post("/documents/generate").status_code == 403
    assert (ws.inputs / "meetings" / "2026-05.yaml").read_bytes() == before
    assert not (ws.outputs).exists()
    assert browser.post("/meetings/2026-05/check", data={**form, "csrf": ws.keys.csrf}).status_code == 200
    assert browser.post("/meetings/2026-05/check", data=form, headers={"x-csrf-token": ws.keys.csrf}).status_code == 200


@pytest.mark.parametrize("path", [
    "/documents/file/../../body.yaml",
    "/documents/file/..%2F..%2Finputs%2Fbody.yaml",
    "/documents/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/documents/file/0000000000000000",
    "/documents/view/..%2Fbody.yaml",
    "/meetings/..%2Fbody",
    "/meetings/../body",
    "/control/0",
])
def test_a_path_in_the_request_reaches_no_file(ws, path):
    assert client(ws).get(path).status_code == 404


def test_downloads_serve_only_what_the_program_wrote(ws):
    browser = client(ws)
    page = browser.get("/documents").text
    assert "/documents/file/" not in page            # nothing produced yet
    generated = browser.post("/documents/generate", headers={"x-csrf-token": ws.keys.csrf})
    assert generated.status_code == 200 and "/documents/file/" in generated.text
    key = generated.text.split("/documents/file/")[1].split('"')[0]
    answer = browser.get(f"/documents/file/{key}")
    assert answer.status_code == 200 and answer.content[:2] == b"PK"
    (ws.outputs / "stray.docx").write_bytes(b"PK not ours")
    assert "stray" not in browser.get("/documents").text


def test_a_request_body_over_the_limit_is_refused_with_413(ws):
    browser = client(ws)
    big = "x" * (MAX_BODY + 1)
    headers = {"x-csrf-token": ws.keys.csrf, "content-type": "application/x-www-form-urlencoded"}
    assert browser.post("/meetings/2026-01/check", content=big, headers=headers).status_code == 413

    def chunks():                                     # no Content-Length: counted as it arrives
        for _ in range(3):
            yield b"y" * (MAX_BODY // 2)
    assert browser.post("/meetings/2026-01/check", content=chunks(), headers=headers).status_code == 413


def test_serve_binds_127_0_0_1_and_prints_the_start_url_first(monkeypatch, capsys, tmp_path):
    ran = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: ran.update(kw))
    server.serve(tmp_path, tmp_path / "out", "127.0.0.1", 0, False, "kk")
    out, err = capsys.readouterr()
    assert ran["host"] == "127.0.0.1"
    assert out.splitlines()[0].startswith(f"http://127.0.0.1:{ran['port']}/?token=")
    assert err == ""


def test_another_host_needs_the_flag_and_is_warned_about(monkeypatch, capsys, tmp_path):
    ran = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: ran.update(kw))
    server.serve(tmp_path, tmp_path / "out", "0.0.0.0", 0, False, "kk")
    out, err = capsys.readouterr()
    assert ran["host"] == "0.0.0.0"
    assert "warning" in err and "0.0.0.0" in err


def test_htmx_is_the_pinned_vendored_file_served_locally(tmp_path):
    """No CDN: the page loads /static/htmx.min.js, the file of htmx 2.0.11's npm package (see static/README.md)."""
    import hashlib

    from pipeline.web.pages import HERE
    data = (HERE / "static" / "htmx.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"
    assert (HERE / "static" / "htmx.LICENSE").read_text().startswith("Zero-Clause BSD")
    ws = workspace(tmp_path)
    page = client(ws).get("/").text
    assert '<script src="/static/htmx.min.js"></script>' in page and "https://" not in page


def test_a_pdf_beside_a_produced_document_is_previewed_inline(ws):
    """The preview shows the PDF that `pdf` writes beside a produced DOCX, inline; a DOCX is always an attachment."""
    browser = client(ws)
    browser.post("/documents/generate", headers={"x-csrf-token": ws.keys.csrf})
    (ws.outputs / "composition.ru.pdf").write_bytes(b"%PDF-1.4 converted by LibreOffice\n%%EOF\n")
    page = browser.get("/documents").text
    row = page.split('data-output="composition.ru.docx"')[1].split("</tr>")[0]
    key = row.split("/documents/view/")[1].split('"')[0]
    preview = browser.get(f"/documents/view/{key}")
    assert preview.status_code == 200 and f'src="/documents/file/{key}?inline=1"' in preview.text
    inline = browser.get(f"/documents/file/{key}?inline=1")
    assert inline.headers["content-type"] == "application/pdf"
    assert inline.headers["content-disposition"].startswith("inline")
    docx_key = row.split("/documents/file/")[1].split('"')[0]
    assert browser.get(f"/documents/file/{docx_key}?inline=1").headers["content-disposition"].startswith("attachment")
    assert browser.get(f"/documents/view/{docx_key}").status_code == 404


def test_the_serve_command_prints_its_link_first_and_answers_it(tmp_path):
    """`python -m pipeline serve --no-browser` as the secretary starts it: the first line is the link, it works."""
    from tests.support.web import ROOT, SAMPLE
    shutil.copytree(SAMPLE, tmp_path / "inputs")
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "--ui-lang", "ru", "serve", "--no-browser",
                                "--port", "0"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        deadline = time.monotonic() + 60
        while True:
            try:
                page = opener.open(url, timeout=30).read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "the workspace did not answer"
                time.sleep(0.2)
        assert '<html lang="ru">' in page and "Рабочее место секретаря штаба" in page
    finally:
        process.terminate()
        process.wait(10)
