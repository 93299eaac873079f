"""Stable keys, from which the graph mints its IRIs: the same name or wording always gives the
same key, whatever else the corpus holds."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from unidecode import unidecode

from ..records import Article


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "x"


def name_slug(name: str, written: str | None = None) -> str:
    """``slug(name)``, or for a name with no letter or digit it can spell ("🔥", "★"), one made
    from the hash of the name as ``written`` (``name`` itself unless given): two such outlets are
    two outlets, not one called "x"."""
    made = slug(name)
    if made != "x" or name.strip().lower() == "x":
        return made
    return "u-" + hashlib.sha1((name if written is None else written).encode("utf-8")).hexdigest()[:12]


def outlet_label(article: Article) -> str:
    return article.outlet or f"unknown outlet ({article.id})"


def outlet_key(article: Article) -> str:
    """The outlet's key: its node is the publisher of its articles and the actor of its own voice."""
    return f"outlet/{name_slug(article.outlet)}" if article.outlet else f"outlet/unknown-{quote(article.id, safe='')}"


def claim_key(text: str) -> str:
    return "claim/" + hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()[:16]
