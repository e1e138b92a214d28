"""Signing a sealed protocol with the head's ЭЦП from the workspace, in Debian's chromium (§15, §24).

The page sends the sealed PDF to a loopback NCALayer (tests/support/ncalayer.py, which speaks NCALayer's
protocol and really signs with the test PKI's keys); the workspace checks the answer as `signature import`
does before it stores it, and the page then lists the signature. Cancel and errors are said in her language.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.support.ecp import Pki
from tests.support.inputs import ROOT
from tests.support.ncalayer import NcaLayerDouble
from tests.web.test_web_browser import CHROMIUM, browser, served  # noqa: F401 - the fixtures, and chromium's path

pytestmark = pytest.mark.skipif(not shutil.os.path.exists(CHROMIUM), reason="chromium is not installed")


@pytest.fixture(scope="module")
def pki():
    return Pki("gost")


@pytest.fixture
def sealed_workspace(served, pki):  # noqa: F811
    url, ws = served
    root = ws.inputs.parent
    shutil.copytree(ROOT / "records", root / "records")
    (root / "trust").mkdir()
    (root / "trust" / "test-ca.pem").write_bytes(pki.anchors_pem())
    return url, ws


def open_meeting(browser, url, lang="ru"):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{lang}-{lang.upper()}")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    page.click(f"#lang-{lang}")
    page.goto(url.split("/?")[0] + "/meetings/2026-01")
    return context, page


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_sign_with_ecp_from_the_sealed_meetings_page_s15(browser, sealed_workspace, pki, monkeypatch, lang):  # noqa: F811
    url, ws = sealed_workspace
    with NcaLayerDouble(pki) as ncalayer:
        monkeypatch.setenv("SHTAB_NCALAYER_URL", ncalayer.url)
        context, page = open_meeting(browser, url, lang)
        assert page.locator("#ecp-title").is_visible()
        page.click("button.ecp-sign[data-lang=kk]")
        page.wait_for_selector("#ecp-status.done, #ecp-status.error", timeout=60_000)   # the page's CSP: no eval
        assert page.locator("#ecp-status").get_attribute("class") == "done", page.locator("#ecp-status").inner_text()
        page.wait_for_selector("tr.signature-row", timeout=60_000)          # stored, and the page shows it
        row = page.locator("tr.signature-row").first.inner_text()
        assert "Т. Тестов" in row and "750101300123" in row
        assert ("по метке времени" if lang == "ru" else "уақыт белгісі бойынша") in row
        request = ncalayer.requests[0]
        assert request["module"] == "kz.gov.pki.knca.basics" and request["method"] == "sign"
        args = request["args"]
        assert args["format"] == "cms" and args["signingParams"]["decode"] is True
        assert args["signingParams"]["encapsulate"] is False and "tsaProfile" in args["signingParams"]
        assert args["signerParams"]["extKeyUsageOids"] == ["1.3.6.1.5.5.7.3.4"] and args["locale"] == lang
        folder = ws.inputs.parent / "records" / "meetings" / "2026-01"
        versions = sorted(folder.glob("protocol.kk*.pdf"), key=lambda path: len(path.suffixes))
        latest = versions[-1]                                  # protocol.kk.2.pdf after protocol.kk.pdf
        [stored] = folder.glob("*.cms")
        assert stored.name == latest.name + ".cms"             # the signature of the latest sealed version
        report = json.loads(stored.with_name(stored.name + ".json").read_text(encoding="utf-8"))
        assert report["signers"][0]["signing_time_source"] == "timestamp" and report["document"] == latest.name
        sums = (ws.inputs.parent / "records" / "SHA256SUMS").read_text(encoding="utf-8")
        assert f"records/meetings/2026-01/{stored.name}.json\n" in sums
        context.close()


CASES = [("cancel", {"ru": "отменено", "kk": "бас тартылды"}),
         ("error", {"ru": "NCALayer не смог подписать", "kk": "NCALayer қол қоя алмады"})]


@pytest.mark.parametrize("mode, said", CASES, ids=[mode for mode, _said in CASES])
def test_cancel_and_errors_are_said_in_her_language_and_nothing_is_stored_s15(browser, sealed_workspace, pki,  # noqa: F811
                                                                             monkeypatch, mode, said):
    url, ws = sealed_workspace
    with NcaLayerDouble(pki, mode) as ncalayer:
        monkeypatch.setenv("SHTAB_NCALAYER_URL", ncalayer.url)
        for lang in ("ru", "kk"):
            context, page = open_meeting(browser, url, lang)
            page.click("button.ecp-sign[data-lang=ru]")
            page.wait_for_selector("#ecp-status.error")
            assert said[lang] in page.locator("#ecp-status").inner_text()
            context.close()
    assert not list((ws.inputs.parent / "records" / "meetings" / "2026-01").glob("*.cms"))


def test_ncalayer_not_running_is_said_and_nothing_is_stored_s15(browser, sealed_workspace, monkeypatch):  # noqa: F811
    url, ws = sealed_workspace
    monkeypatch.setenv("SHTAB_NCALAYER_URL", "ws://127.0.0.1:9")               # nothing listens there
    context, page = open_meeting(browser, url, "ru")
    page.click("button.ecp-sign[data-lang=ru]")
    page.wait_for_selector("#ecp-status.error")
    assert "NCALayer не отвечает" in page.locator("#ecp-status").inner_text()
    context.close()


def test_the_server_verifies_before_it_stores_a_signature_of_another_document_s15(sealed_workspace, pki):
    from tests.support.web import client
    _url, ws = sealed_workspace
    test_client = client(ws)
    der = pki.cms(b"%PDF-1.7 another document")
    import base64
    answer = test_client.post("/meetings/2026-01/signatures", json={"lang": "kk", "result": base64.b64encode(der).decode()},
                              headers={"X-CSRF-Token": ws.keys.csrf})
    assert answer.status_code == 422 and answer.json()["ok"] is False
    assert not list((ws.inputs.parent / "records" / "meetings" / "2026-01").glob("*.cms"))
