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
from typing import Iterable, Iterator

from .. import __version__
from ..records import Article, Attribution, Extraction
from .collector import collector_paused

PACKAGE = Path(__file__).resolve().parent.parent
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


class KeyedStore:
    """One SQLite file of (key, value) rows, for the extraction cache and the sentence vectors:
    many keys read in a few queries, many rows written in one transaction (a row is there whole
    or not at all). A file that cannot be read (damaged, another format) is started afresh."""

    def __init__(self, path: Path, table: str, column: str, kind: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.table, self.column = table, column
        schema = f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, {column} {kind} NOT NULL)"
        try:
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute(schema)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute(schema)

    def get_many(self, keys: list[str]) -> Iterator[tuple[str, object]]:
        """(key, value) for the keys found."""
        for start in range(0, len(keys), KEYS_PER_QUERY):
            batch = keys[start : start + KEYS_PER_QUERY]
            marks = ",".join("?" * len(batch))
            yield from self.db.execute(f"SELECT key, {self.column} FROM {self.table} WHERE key IN ({marks})", batch)

    def put_many(self, rows: list[tuple[str, object]]) -> None:
        with self.db:
            self.db.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?)", rows)

    def close(self) -> None:
        self.db.close()


class ExtractionCache:
    def __init__(self, folder: str | Path, model: str):
        self.model = model
        self.store = KeyedStore(Path(folder) / FILE_NAME, "extraction", "attributions", "TEXT")

    def key(self, article: Article) -> str:
        key = "\0".join([article.id, article.date or "", article.title or "", article.content_hash, self.model,
                         extractor_fingerprint()])
        return hashlib.sha256(key.encode()).hexdigest()

    def get_many(self, articles: Iterable[Article]) -> dict[str, list[Attribution]]:
        """Article id -> its cached attributions, for the articles found in the cache."""
        id_of = {self.key(a): a.id for a in articles}
        found = {}
        with collector_paused():
            for key, text in self.store.get_many(list(id_of)):
                if (attributions := decode(text)) is not None:
                    found[id_of[key]] = attributions
        return found

    def put_many(self, extractions: Iterable[Extraction]) -> None:
        self.store.put_many([(self.key(e.article), json.dumps([a.to_json() for a in e.attributions], ensure_ascii=False))
                             for e in extractions])

    def close(self) -> None:
        self.store.close()
