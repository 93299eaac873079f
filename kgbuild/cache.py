"""A cache of extraction results on disk, one JSON file per article.

The key covers everything the result depends on: the article (id, date, title, text hash), the spaCy
pipeline, and a fingerprint of kgbuild's extraction code and cue table, so that a changed rule
never serves a stale result.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from . import __version__
from .records import Article, Attribution

EXTRACTION_SOURCES = Path(__file__).parent / "extract"


@cache
def extractor_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(EXTRACTION_SOURCES.glob("*")):
        if path.suffix in {".py", ".tsv", ".json"}:  # rules, cue table, trained model
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


class ExtractionCache:
    def __init__(self, folder: str | Path, model: str):
        self.folder = Path(folder)
        self.model = model

    def path(self, article: Article) -> Path:
        key = "\0".join([article.id, article.date or "", article.title or "", article.content_hash, self.model, extractor_fingerprint()])
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def get(self, article: Article) -> list[Attribution] | None:
        try:
            records = json.loads(self.path(article).read_text("utf-8"))
            return [Attribution.from_json(r) for r in records]
        except (OSError, ValueError, TypeError, KeyError):
            return None  # absent or unreadable: extract again

    def put(self, article: Article, attributions: list[Attribution]) -> None:
        from .pipeline import write_atomically

        write_atomically(self.path(article), json.dumps([a.to_json() for a in attributions], ensure_ascii=False))
