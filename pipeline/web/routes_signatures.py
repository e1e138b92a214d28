"""The head's ЭЦП from the workspace: a sealed meeting's page sends its sealed PDF to NCALayer and keeps the answer.

The page (templates/signatures.html, static/ncalayer.js) asks NCALayer, on her own computer, to sign the sealed
PDF (`kz.gov.pki.knca.basics` / `sign`: a detached CMS over the whole file, the signing key usage, optionally
the head's IIN and a timestamp). What NCALayer answers is sent here, and the server runs the same check as
`signature import` before it stores anything (pipeline/records/signature/). The NCALayer address is
SHTAB_NCALAYER_URL, else NCALayer's own wss://127.0.0.1:13579.
"""

from __future__ import annotations

import base64
import json

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..locale.messages import _
from ..records.store import Altered, Store
from ..write.lock import command_line, project_root, run_lock
from .pages import Workspace, lang_of
from .security import ncalayer_url

SIGNING_EKU = "1.3.6.1.5.5.7.3.4"


def signing_view(ws: Workspace, meeting_id: str, lang: str) -> dict:
    """What the sealed meeting's page shows: each sealed PDF of the latest version, and every stored signature."""
    from ..records.signature.summary import report, stored
    store = Store.open(project_root(ws.inputs))
    latest = store.latest(meeting_id)
    rows = []
    for signature in stored(store, meeting_id):
        data = report(store, signature) or {}
        for signer in data.get("signers", []):
            rows.append({"file": signature.cms.rsplit("/", 1)[1], "lang": signature.lang,
                         "version": signature.version, "name": signer.get("short_name") or signer.get("name"),
                         "iin": signer.get("iin"), "when": (signer.get("signing_time") or "").replace("T", " "),
                         "source": signer.get("signing_time_source"), "status": signer.get("status"),
                         "revocation": signer.get("revocation")})
    pdfs = sorted(latest.pdf) if latest is not None else []
    return {"rows": rows, "pdfs": pdfs, "version": latest.version if latest is not None else None}


def _latest_pdf(ws: Workspace, meeting_id: str, lang: str):
    store = Store.open(project_root(ws.inputs))
    latest = store.latest(meeting_id)
    if latest is None or lang not in latest.pdf:
        return None, None
    try:
        return latest, store.read(latest.pdf[lang])
    except Altered:
        return latest, None


async def sealed_pdf(request: Request) -> Response:
    """The sealed PDF to sign, as NCALayer takes it (base64): only a listed file of the meeting asked for."""
    ws: Workspace = request.app.state.ws
    meeting_id, lang = request.path_params["meeting"], request.path_params["lang"]
    latest, data = await run_in_threadpool(_latest_pdf, ws, meeting_id, lang)
    if data is None:
        return JSONResponse({"error": _("meeting {meeting} has no sealed PDF of the protocol in this language",
                                        meeting=meeting_id).render(lang_of(request))}, status_code=404)
    return JSONResponse({"data": base64.b64encode(data).decode("ascii"), "version": latest.version, "lang": lang})


async def store_signature(request: Request) -> Response:
    """NCALayer's answer for one sealed PDF: verified like `signature import`, stored only when it holds."""
    ws: Workspace = request.app.state.ws
    her = lang_of(request)
    meeting_id = request.path_params["meeting"]
    try:
        asked = json.loads(await request.body())
        lang, result = str(asked["lang"]), asked["result"]
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"ok": False, "lines": [_("the answer of NCALayer did not reach the workspace whole; "
                                                      "sign again").render(her)]}, status_code=400)
    lines, ok = await run_in_threadpool(_verify_and_store, ws, meeting_id, lang, result, her)
    return JSONResponse({"ok": ok, "lines": lines}, status_code=200 if ok else 422)


def _verify_and_store(ws: Workspace, meeting_id: str, lang: str, result, her: str) -> tuple[list[str], bool]:
    from ..load.loader import load_file
    from ..load.models import Body
    from ..records.signature import files, stored
    try:
        signatures = files.from_ncalayer(result)
    except files.NotASignature as exc:
        return [exc.message.render(her)], False
    body, _findings = load_file(ws.inputs / "body.yaml", Body)
    expected_iin = body.head_iin if body is not None else None
    lines: list[str] = []
    with run_lock(project_root(ws.inputs), command_line()):
        store = Store.open(project_root(ws.inputs))
        store.recover()
        for der in signatures:
            try:
                imported = stored.import_signatures(store, meeting_id, der, lang, expected_iin)
            except stored.Refused as refused:
                return [message.render(her) for message in refused.messages], False
            for item in imported:
                lines += [_("stored {path}: {signer}", path=item.signature.cms,
                            signer=stored.summary_line(signer)).render(her) for signer in item.verdict.signers]
    return lines, True


def ecp_section(ws: Workspace, meeting_id: str, lang: str, head_iin: str | None) -> dict:
    """The sealed meeting page's ЭЦП section: signatures, the PDFs to sign, NCALayer's address, her words."""
    view = signing_view(ws, meeting_id, lang)
    words = {
        "preparing": _("Preparing the sealed PDF…"),
        "waiting": _("NCALayer is asking for the key and its password: answer in its window."),
        "unreachable": _("NCALayer does not answer: start NCALayer on this computer (its icon near the clock) and "
                         "sign again."),
        "canceled": _("Signing was canceled in NCALayer: nothing was stored."),
        "ncalayer_error": _("NCALayer could not sign:"),
        "checking": _("Checking the signature…"),
        "refused": _("The signature was not stored:"),
        "failed": _("The workspace did not answer: is it still running? Sign again."),
    }
    return {**view, "ncalayer": ncalayer_url(), "head_iin": head_iin,
            "messages": {key: message.render(lang) for key, message in words.items()}}
