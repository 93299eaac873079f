"""A cache of extraction results on disk: one SQLite file, a row per article.

The key covers everything the result depends on: the article (id, date, title, text hash), the
spaCy pipeline, and a fingerprint of kgbuild's extraction code, cue table and records, so that a changed rule
never serves a stale result. One file rather than a file per article: a rerun over thousands of
articles reads them in a few queries instead of opening thousands of files.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cache
from pathlib import Path
from typing import Iterable

from . import __version__
from .records import Article, Attribution, Extraction

PACKAGE = Path(__file__).parent
EXTRACTION_SOURCES = PACKAGE / "extract"
CODE_SUFFIXES = {".py", ".tsv", ".json", ".txt", ".j2"}
FILE_NAME = "extractions.sqlite"
KEYS_PER_QUERY = 500  # well under SQLite's limit on bound parameters


@cache
def extractor_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in [*sorted(EXTRACTION_SOURCES.glob("*")), PACKAGE / "records.py"]:
        if path.suffix in {".py", ".tsv", ".json"}:  # rules, cue table, trained model, the records' fields
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """A digest of all of kgbuild's code and data files: any change may change the outputs."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in CODE_SUFFIXES:
            digest.update(str(path.relative_to(PACKAGE)).encode() + path.read_bytes())
    return digest.hexdigest()


def decode(text: str) -> list[Attribution] | None:
    try:
        return [Attribution.from_json(r) for r in json.loads(text)]
    except (ValueError, TypeError, KeyError):
        return None  # unreadable: extract again


class ExtractionCache:
    def __init__(self, folder: str | Path, model: str):
        self.model = model
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.db = self.open(folder / FILE_NAME)

    @staticmethod
    def open(path: Path) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(path, timeout=30)
            db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, attributions TEXT NOT NULL)")
        except sqlite3.DatabaseError:  # not a cache we can read (damaged, or another format): start afresh
            path.unlink(missing_ok=True)
            db = sqlite3.connect(path, timeout=30)
            db.execute("CREATE TABLE extraction (key TEXT PRIMARY KEY, attributions TEXT NOT NULL)")
        return db

    def key(self, article: Article) -> str:
        key = "\0".join([article.id, article.date or "", article.title or "", article.content_hash, self.model,
                         extractor_fingerprint()])
        return hashlib.sha256(key.encode()).hexdigest()

    def get_many(self, articles: Iterable[Article]) -> dict[str, list[Attribution]]:
        """Article id -> its cached attributions, for the articles found in the cache."""
        id_of = {self.key(a): a.id for a in articles}
        keys, found = list(id_of), {}
        for start in range(0, len(keys), KEYS_PER_QUERY):
            batch = keys[start : start + KEYS_PER_QUERY]
            marks = ",".join("?" * len(batch))
            for key, text in self.db.execute(f"SELECT key, attributions FROM extraction WHERE key IN ({marks})", batch):
                if (attributions := decode(text)) is not None:
                    found[id_of[key]] = attributions
        return found

    def put_many(self, extractions: Iterable[Extraction]) -> None:
        rows = [(self.key(e.article), json.dumps([a.to_json() for a in e.attributions], ensure_ascii=False))
                for e in extractions]
        with self.db:  # one transaction: a row is there whole or not at all
            self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows)

    def close(self) -> None:
        self.db.close()
