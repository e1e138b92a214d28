"""What `signature import` and the workspace accept: a CMS as DER, PEM or bare base64, or a SIGEX card.

A SIGEX «Карточка электронного документа» (the ddcard format) is a PDF whose first embedded file is the
signed document and the next ones its detached CMS signatures, one per signer.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from dataclasses import dataclass, field

from asn1crypto import cms

from ...locale.messages import Message, _

_PEM = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)
_BASE64 = re.compile(rb"^[A-Za-z0-9+/=\s]+$")


class NotASignature(Exception):
    """The file is none of the accepted forms: `message` says what it is and what is accepted."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


@dataclass
class Received:
    """The CMS signatures found in a file, and the document a SIGEX card carries (None for a bare CMS)."""

    signatures: list[bytes] = field(default_factory=list)
    document: bytes | None = None
    card: bool = False


def read(data: bytes) -> Received:
    """The CMS (DER) in `data`; NotASignature when it holds none."""
    if data.startswith(b"%PDF"):
        return _card(data)
    der = _der(data)
    if der is None:
        raise NotASignature(_("the file is not a signature: expected a CMS (.cms, .p7s: DER, PEM or base64) or a "
                              "SIGEX «Карточка электронного документа» PDF"))
    _require_signed_data(der)
    return Received([der])


def from_ncalayer(result) -> list[bytes]:
    """NCALayer's `result`: one PEM or base64 string, or (since 2024) an array of them."""
    items = result if isinstance(result, list) else [result]
    signatures = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise NotASignature(_("NCALayer returned no signature"))
        der = _der(item.encode("ascii", "replace"))
        if der is None:
            raise NotASignature(_("NCALayer's answer is not a CMS signature"))
        _require_signed_data(der)
        signatures.append(der)
    return signatures


def _der(data: bytes) -> bytes | None:
    stripped = data.strip()
    if stripped.startswith(b"\x30"):
        return data if data.startswith(b"\x30") else stripped
    match = _PEM.search(data)
    if match:
        body = b"".join(line.strip() for line in match.group(2).splitlines()
                        if line.strip() and b":" not in line)      # PEM headers (Key: value) are not base64
        return _b64(body)
    if stripped and _BASE64.match(stripped):
        return _b64(b"".join(stripped.split()))
    return None


def _b64(text: bytes) -> bytes | None:
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return der if der.startswith(b"\x30") else None


def _require_signed_data(der: bytes) -> None:
    try:
        info = cms.ContentInfo.load(der)
        kind = info["content_type"].native
    except (ValueError, TypeError, KeyError):
        raise NotASignature(_("the signature file is damaged or truncated: it is not a readable CMS")) from None
    if kind != "signed_data":
        raise NotASignature(_("the file is a CMS, but not a signature (SignedData)"))


def _card(data: bytes) -> Received:
    from pypdf import PdfReader  # noqa: PLC0415 - only a SIGEX card needs a PDF reader
    from pypdf.errors import PdfReadError  # noqa: PLC0415
    try:
        files = [entry.content for entry in PdfReader(io.BytesIO(data)).attachment_list]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
        raise NotASignature(_("the PDF cannot be read as a SIGEX «Карточка электронного документа»")) from None
    if len(files) < 2:
        raise NotASignature(_("this PDF is not a SIGEX «Карточка электронного документа»: it has no signed document "
                              "and signatures attached; import the card itself, or the .cms file"))
    signatures = []
    for attached in files[1:]:
        der = _der(attached)
        if der is None:
            raise NotASignature(_("an attachment of the SIGEX card after the first is not a CMS signature"))
        _require_signed_data(der)
        signatures.append(der)
    return Received(signatures, files[0], card=True)
