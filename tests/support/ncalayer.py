"""A loopback NCALayer: the WebSocket protocol of `kz.gov.pki.knca.basics` / `sign`, really signing with test keys.

It answers as NCALayer does (sigex-kz/ncalayer-js-client, pkigovkz/NCALayerJSExample): a hello
`{"result": {"version": "1.2"}}` on connect; for `sign` a detached CMS over the decoded data as PEM with CRLF
line breaks in an array (`{"body": {"result": ["-----BEGIN CMS-----…"]}, "status": true}`), with an NCA-style
timestamp when `tsaProfile` is given; `{"body": {}, "status": true}` when she cancels; and
`{"status": false, "code": "INVOCATION_ERROR", …}` on an error. The keys are the test PKI's (tests/support/ecp.py).
"""

from __future__ import annotations

import base64
import json
import threading

from tests.support.ecp import Pki


class NcaLayerDouble:
    def __init__(self, pki: Pki, mode: str = "sign") -> None:
        self.pki, self.mode = pki, mode
        self.signer = pki.signer()
        self.requests: list[dict] = []
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}"

    def __enter__(self) -> "NcaLayerDouble":
        from websockets.sync.server import serve
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._thread.join(10)

    def _handle(self, socket) -> None:
        socket.send(json.dumps({"result": {"version": "1.2"}}))
        for message in socket:
            request = json.loads(message)
            self.requests.append(request)
            socket.send(json.dumps(self.answer(request)))

    def answer(self, request: dict) -> dict:
        if request.get("module") != "kz.gov.pki.knca.basics" or request.get("method") != "sign":
            return {"status": False, "code": "MODULE_NOT_FOUND", "message": "module not found"}
        if self.mode == "cancel":
            return {"body": {}, "status": True}
        if self.mode == "error":
            return {"status": False, "code": "INVOCATION_ERROR", "message": "Key store error",
                    "details": "wrong password"}
        args = request["args"]
        data = base64.b64decode(args["data"]) if args["signingParams"].get("decode") else args["data"].encode()
        der = self.pki.cms(data, signers=[self.signer], timestamp="tsaProfile" in args["signingParams"],
                           attached=bool(args["signingParams"].get("encapsulate")))
        text = base64.b64encode(der).decode("ascii")
        pem = "-----BEGIN CMS-----\r\n" + "\r\n".join(text[i:i + 64] for i in range(0, len(text), 64)) + \
            "\r\n-----END CMS-----\r\n"
        return {"body": {"result": [pem]}, "status": True}
