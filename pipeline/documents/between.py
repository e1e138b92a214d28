"""Jobs of the documents between meetings: the notice (§22, §26.4) and the extracts (§23).

An extract's addressee in its file name is <NN>-<body>: NN in order of first
mention in the protocol, <body> the member id or the body's name in Latin
letters. Their rules (responsible member ids, §24) are in `rules/assessment.py`;
`pipeline/wiring.py` names both kinds.
"""

from __future__ import annotations

from functools import lru_cache

from ..context.extract import extract_context
from ..context.notice import notice_context
from ..core.cache import KeptValues, code_digest, version
from ..core.errors import Finding
from ..grammar.addressee import without_note
from ..load.models import LANGS
from ..rules.assessment import Assessment
from ..rules.extracts import Addressee, extracts_of, unsigned_protocol
from .kind import Asked, DocumentKind, Job, Subject, languages

BODY_SLUG_LENGTH = 60


def body_slug(addressee: Addressee) -> str:
    """The <body> of a file name: the member id, else the name in Latin letters (Russian first: it leads with
    the kind of body, «Отдел образования…», where Kazakh leads with the district)."""
    if addressee.member_id:
        return addressee.member_id
    name = addressee.name
    return _slug(without_note(next((name.get(lang) for lang in ("ru", *LANGS) if name.get(lang)), "")))


def _slug(text: str) -> str:
    """`text` in Latin letters for a file name, kept between runs (speed_kept.py): importing python-slugify
    builds a pattern of every HTML entity, ~20 ms of each `check` for the same few names."""
    kept = _kept_slugs().get(text)
    if isinstance(kept, str) and kept:
        return kept
    from slugify import slugify
    slug = slugify(text, max_length=BODY_SLUG_LENGTH, word_boundary=True, save_order=True) or "body"
    _kept_slugs().put(text, slug)
    return slug


@lru_cache(maxsize=1)
def _kept_slugs() -> KeptValues:
    backends = "; ".join(f"{name} {version(name)}" for name in ("text-unidecode", "Unidecode", "anyascii"))
    return KeptValues("slugs", f"python-slugify {version('python-slugify')}; {backends}; code {code_digest(__file__)}")


def _meeting_sources(assessment: Assessment, result) -> frozenset[str]:
    return frozenset({assessment.project.file_of("body.yaml"), result.meeting.loc.file})


def notice_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    body = assessment.project.body
    out = []
    for meeting_id, result in assessment.meetings.items():
        if asked.selected and meeting_id not in asked.selected:
            continue
        titles = assessment.item_titles.get(meeting_id, {})
        bodies = assessment.item_responsible.get(meeting_id, {})
        for lang in languages(asked.langs, result.meeting.langs(body)):
            out.append(kind.job(lang, Subject(meeting=meeting_id), _meeting_sources(assessment, result),
                                lambda r=result, lg=lang, t=titles, b=bodies: notice_context(r, body, kind.localizer(lg),
                                                                                           t, b)))
    return out


def _asked_meetings(assessment: Assessment, asked: Asked):
    return [(meeting_id, result) for meeting_id, result in assessment.meetings.items()
            if not asked.selected or meeting_id in asked.selected]


def extract_jobs(kind: DocumentKind, assessment: Assessment, asked: Asked) -> list[Job]:
    """§23: extracts of signed protocols; an unsigned one gives none unless --force (`unsigned_protocols`)."""
    body = assessment.project.body
    out = []
    for meeting_id, result in _asked_meetings(assessment, asked):
        if unsigned_protocol(result) is not None and not asked.force:
            continue
        titles = assessment.item_titles.get(meeting_id, {})
        for extract in extracts_of(result):
            addressee = f"{extract.number:02d}-{body_slug(extract.addressee)}"
            for lang in languages(asked.langs, result.meeting.langs(body)):
                out.append(kind.job(lang, Subject(meeting=meeting_id, addressee=addressee),
                                    _meeting_sources(assessment, result),
                                    lambda e=extract, r=result, lg=lang, t=titles: extract_context(
                                        e, r, body, kind.localizer(lg), t)))
    return out


def unsigned_protocols(assessment: Assessment, asked: Asked) -> list[Finding]:
    """§23: a warning for each meeting asked for whose protocol is not signed (its extracts are withheld, or
    written anyway with --force)."""
    return [finding for _id, result in _asked_meetings(assessment, asked)
            if (finding := unsigned_protocol(result)) is not None]
