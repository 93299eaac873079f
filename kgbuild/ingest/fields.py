"""Article metadata (outlet, title, date, url): which values are usable, and why one is not.

Values come from front matter, JSONL lines, a manifest or a saved page, so they can be of any
JSON or YAML type and hold anything. Each check returns the clean value (None when there is
none) or raises ``Unusable`` with a code and a reason; the caller leaves that field out, reports
it, and keeps the article.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import quote, urlsplit

import pyoxigraph

from ..errors import Code

METADATA_KEYS = ("outlet", "date", "url", "title")
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# Control characters and line or paragraph separators: a label is one line (the Turtle and
# HTML writers and every table would otherwise carry a form feed or U+2028 into a label).
BREAKS = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")
IRI_SAFE = ":/?#[]@!$&'()*+,;=%"


class Unusable(ValueError):
    def __init__(self, code: Code, detail: str):
        super().__init__(detail)
        self.code = code


def is_unicode(text: str) -> bool:
    """False when ``text`` holds a lone surrogate (JSON's "\\ud800" escape makes one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def label(value: object) -> str | None:
    """An outlet or a title: one line of text. Numbers are read as text."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Unusable(Code.BAD_FIELD, f"{type(value).__name__} is not text")
    text = str(value)
    if not is_unicode(text):
        raise Unusable(Code.BAD_FIELD, "it holds a lone surrogate")
    return BREAKS.sub(" ", text).strip() or None


def iso_date(value: object) -> str | None:
    """A publication date -> ``YYYY-MM-DD``; a time after it is dropped, nothing is guessed."""
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise Unusable(Code.BAD_DATE, f"{type(value).__name__} is not a date")
    text = value.strip()
    if not text:
        return None
    match = ISO_DATE.fullmatch(text)
    if not match:
        raise Unusable(Code.BAD_DATE, f"{shown(text, 40)} is not an ISO date")
    try:
        return datetime.date.fromisoformat(match[1]).isoformat()
    except ValueError:
        raise Unusable(Code.BAD_DATE, f"{match[1]!r} is no day of the calendar") from None


def shown(text: str, width: int = 80) -> str:
    """A value quoted in a report: clipped, and printable even if it holds a lone surrogate."""
    return repr(text[:width].encode("utf-8", "backslashreplace").decode("utf-8"))


def web_iri(url: str) -> str:
    """An http(s) URL as the IRI written to the graph (spaces and non-ASCII percent-encoded).
    Raises ``Unusable`` for anything an RDF parser would reject or a reader should not see."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError as err:
        raise Unusable(Code.BAD_URL, f"{shown(url)} is not a URL ({err})") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise Unusable(Code.BAD_URL, f"{shown(url)} is not an absolute http(s) URL")
    if "@" in parts.netloc:
        raise Unusable(Code.BAD_URL, f"{shown(url)} holds a login part (user:password@), never published")
    try:
        iri = quote(url, safe=IRI_SAFE)
        pyoxigraph.NamedNode(iri)  # RFC 3987, as every reader of the Turtle checks it
    except (ValueError, UnicodeError) as err:
        raise Unusable(Code.BAD_URL, f"{shown(url)} is not a URL ({err})") from None
    return iri


def url(value: object) -> str | None:
    if not isinstance(value, str):
        raise Unusable(Code.BAD_URL, f"{type(value).__name__} is not a URL")
    text = value.strip()
    if text:
        web_iri(text)
    return text or None


CHECKS = {"outlet": label, "title": label, "date": iso_date, "url": url}


def clean_metadata(record: dict) -> tuple[dict, list[tuple[Code, str]]]:
    """The known metadata keys of ``record`` -> (usable values, [(code, reason) per value left out])."""
    values, problems = {}, []
    for key in METADATA_KEYS:
        raw = record.get(key)
        if raw is None:
            continue
        try:
            value = CHECKS[key](raw)
        except Unusable as err:
            problems.append((err.code, f"{key}: {err}"))
            continue
        if value is not None:
            values[key] = value
    return values, problems
