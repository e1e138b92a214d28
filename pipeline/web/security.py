"""The guard in front of every request: a local app is still reachable by every web page she opens.

Any page in her browser can send requests to 127.0.0.1, and a DNS-rebinding
page can even read the answers. So, before any route runs (one ASGI middleware,
so that no route can forget a check):

- the Host header must be 127.0.0.1 or localhost (or the host given with an
  explicit `--host`): a rebinding page arrives with its own name → 400;
- the request body is limited (`MAX_BODY`) → 413;
- the start token, printed once by `serve` (as Jupyter does), must be presented
  once in the URL; it is exchanged for an HttpOnly, SameSite=Strict cookie, and
  every later request needs that cookie → 403 without it;
- every POST carries the CSRF token, as the `X-CSRF-Token` header (htmx sends it
  from the page's `hx-headers`) or as the `csrf` field of a form → 403 without it.

Every answer carries a Content-Security-Policy that lets a page load only the
workspace's own files (its vendored htmx and stylesheet: no inline script, no
other origin; its one connection elsewhere is NCALayer's WebSocket on her own
computer, for signing a sealed protocol with ЭЦП) and that no other page may frame (`frame-ancestors 'none'`, and
X-Frame-Options for older browsers): another local port cannot put the forms
under a decoy. Only the PDF of the preview may be framed, by the workspace's
own page. The start link sends her only to a path of the workspace: `//host`
or `/\\host` would leave it.

Downloads are guarded by the routes: they take an opaque key from the list of
documents the program itself produced, never a path.
"""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_BODY = 2 * 1024 * 1024        # the largest meeting form is about 60 KB
COOKIE = "shtab_session"
LOCAL_HOSTS = ("127.0.0.1", "localhost")
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass
class Secrets:
    """The three random values of one server run."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))     # in the start URL
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))   # the cookie it buys
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))      # on every form


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def host_name(host_header: str) -> str:
    """'127.0.0.1:8765' → '127.0.0.1'; '[::1]:80' → '::1'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


# The workspace's own files only: htmx and the stylesheet from /static, the preview's PDF in a frame of its own.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
FRAMED_PDF_CSP = "default-src 'none'; frame-ancestors 'self'"       # the PDF shown inline by the preview page
NCALAYER_ENV = "SHTAB_NCALAYER_URL"
NCALAYER_URL = "wss://127.0.0.1:13579"


def ncalayer_url() -> str:
    """NCALayer's WebSocket on her computer: SHTAB_NCALAYER_URL when it is a ws:// or wss:// address, else its own."""
    from urllib.parse import urlsplit
    asked = os.environ.get(NCALAYER_ENV, "").strip()
    try:
        parts = urlsplit(asked)
        if parts.scheme in ("ws", "wss") and parts.hostname and parts.port is not None \
                and not set(asked) & set(" ;,'\"\\"):
            return f"{parts.scheme}://{parts.netloc}"
    except ValueError:
        pass
    return NCALAYER_URL


def page_csp() -> str:
    """The pages' policy, which lets the sealed meeting's page reach NCALayer (its ЭЦП signing) and nothing else."""
    return CSP.replace("connect-src 'self'", f"connect-src 'self' {ncalayer_url()}")


def local_path(path: str) -> str:
    """A path of the workspace to send her to: '//evil.example/x' or '/\\evil' would leave it, so '/'."""
    return path if path.startswith("/") and not path.startswith(("//", "/\\")) and "\\" not in path else "/"


def _with_headers(send: Send, scope: Scope) -> Send:
    """Add the security headers to the answer's start (a framed inline PDF may be framed by the workspace)."""
    inline_pdf = scope.get("path", "").startswith("/documents/file/") and b"inline=1" in scope.get("query_string", b"")

    async def sending(message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", [])
                       if k.lower() not in (b"content-security-policy", b"x-frame-options")]
            headers += [(b"content-security-policy", (FRAMED_PDF_CSP if inline_pdf else page_csp()).encode()),
                        (b"x-frame-options", b"SAMEORIGIN" if inline_pdf else b"DENY"),
                        (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
            message = {**message, "headers": headers}
        await send(message)
    return sending


class BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: Host, body size, start token and session, CSRF: each refusal is a short plain answer."""

    def __init__(self, app: ASGIApp, keys: Secrets, hosts: tuple[str, ...] = LOCAL_HOSTS,
                 max_body: int = MAX_BODY, messages=None) -> None:
        self.app, self.keys, self.hosts, self.max_body = app, keys, hosts, max_body
        self.messages = messages or (lambda key: key)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send, scope)
        headers = Headers(scope=scope)
        refusal = self.refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if "token" in query:
            if not same(query["token"][0], self.keys.token):
                await self._refuse(403, "refused.token")(scope, receive, send)
                return
            response = RedirectResponse(local_path(scope["path"]), status_code=303)
            response.set_cookie(COOKIE, self.keys.session, httponly=True, samesite="strict", path="/")
            await response(scope, receive, send)
            return
        if not same(_cookie(headers), self.keys.session):
            await self._refuse(403, "refused.session")(scope, receive, send)
            return
        if scope["method"] in UNSAFE:
            try:
                body = await _read_body(receive, self.max_body)
            except BodyTooLarge:
                await self._refuse(413, "refused.size")(scope, receive, send)
                return
            if not (same(headers.get("x-csrf-token"), self.keys.csrf) or
                    same(_form_field(headers, body, "csrf"), self.keys.csrf)):
                await self._refuse(403, "refused.csrf")(scope, receive, send)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    def refusal(self, scope: Scope, headers: Headers):
        if host_name(headers.get("host", "")) not in self.hosts:
            return self._refuse(400, "refused.host")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return self._refuse(413, "refused.size")
        return None

    def _refuse(self, status: int, key: str):
        return PlainTextResponse(self.messages(key), status_code=status)


def _cookie(headers: Headers) -> str | None:
    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header is no session
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


async def _read_body(receive: Receive, limit: int) -> bytes:
    """The whole body (chunked or not), refused as soon as it passes `limit`."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _form_field(headers: Headers, body: bytes, name: str) -> str | None:
    if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return None
    values = parse_qs(body.decode("utf-8", "replace")).get(name)
    return values[0] if values else None


def _replay(body: bytes, original: Receive) -> Receive:
    """The body already read, then the real channel again (a response may wait for the disconnect)."""
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()
    return receive
