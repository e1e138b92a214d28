"""Which sealed protocols carry the head's ЭЦП, read from the stored results (.cms.json): for the documents.

Only the standard library and the records: the register and the status report say «подписан ЭЦП:
И. Фамилия, 13.03.2026» for a protocol whose latest sealed version has a signature that held when it was
stored (`verify` checks them again), and «подписан на бумаге» for `signed: true` without one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..store import RECORDS, Altered, Store

_SIGNATURE = re.compile(r"^records/meetings/([a-z0-9-]+)/(protocol\.([a-z]{2})(?:\.([0-9]+))?\.pdf)"
                        r"(?:\.([0-9]+))?\.cms$")
HOLDS = ("valid", "holds-revocation-not-checked")    # the statuses of a .cms.json signer whose check held
KAZAKHSTAN = dt.timezone(dt.timedelta(hours=5))     # one time zone for the whole country since 1 March 2024


@dataclass(frozen=True)
class StoredSignature:
    meeting: str
    lang: str
    version: int
    number: int            # 1 for the first signature of this PDF
    pdf: str               # listed paths
    cms: str

    @property
    def report(self) -> str:
        return self.cms + ".json"


def signature_name(pdf_listed: str, number: int) -> str:
    return f"{pdf_listed}.cms" if number == 1 else f"{pdf_listed}.{number}.cms"


def is_signature(listed: str) -> bool:
    return _SIGNATURE.match(listed) is not None


def stored(store: Store, meeting_id: str | None = None) -> list[StoredSignature]:
    """Every signature SHA256SUMS lists (of one meeting, or all), by meeting, language, version, number."""
    found = []
    for listed in store.sums:
        match = _SIGNATURE.match(listed)
        if match and (meeting_id is None or match.group(1) == meeting_id):
            folder = f"{RECORDS}/meetings/{match.group(1)}/"
            found.append(StoredSignature(match.group(1), match.group(3), int(match.group(4) or 1),
                                         int(match.group(5) or 1), folder + match.group(2), listed))
    return sorted(found, key=lambda s: (s.meeting, s.lang, s.version, s.number))


def report(store: Store, signature: StoredSignature) -> dict | None:
    """The stored result of a signature's check (its .cms.json), or None when unreadable or not as sealed."""
    try:
        data = json.loads(store.read(signature.report).decode("utf-8"))
    except (Altered, ValueError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class Signing:
    """How a signed protocol was signed: "ecp" with its signers («О. Нургалиев», day), or "paper"."""

    how: str
    signers: tuple[tuple[str, dt.date | None], ...] = ()


def signing_of(root: Path, signed_meetings: list[str]) -> dict[str, Signing]:
    """For each meeting whose protocol says `signed: true`: its ЭЦП signers on the latest sealed version, or paper."""
    store = Store.open(root)
    result = {}
    for meeting_id in signed_meetings:
        latest = store.latest(meeting_id)
        signers: list[tuple[str, dt.date | None]] = []
        for signature in stored(store, meeting_id) if latest is not None else []:
            data = report(store, signature) if signature.version == latest.version else None
            for signer in (data or {}).get("signers", []):
                if isinstance(signer, dict) and signer.get("status") in HOLDS:
                    entry = (str(signer.get("short_name") or signer.get("name") or ""), _day(signer.get("signing_time")))
                    if entry not in signers:
                        signers.append(entry)
        result[meeting_id] = Signing("ecp", tuple(signers)) if signers else Signing("paper")
    return result


def _day(text) -> dt.date | None:
    try:
        moment = dt.datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None
    return moment.astimezone(KAZAKHSTAN).date()
