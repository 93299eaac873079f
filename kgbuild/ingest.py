"""Ingest: input paths -> Article records, and Skipped records for bad inputs.

Accepted inputs:
- ``.txt`` / ``.md`` files, optionally opening with YAML front matter (outlet, date, url, title);
- ``.jsonl`` with one article per line: ``{"id", "text", "outlet"?, "date"?, "url"?, "title"?}``;
- a ``manifest.jsonl`` beside text files, one ``{"id", ...metadata}`` per line.

Folders are read recursively in sorted order. The article text is kept exactly as given, so
character offsets computed later refer to it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import HINTS, Code
from .records import Article, Skipped

MANIFEST_NAME = "manifest.jsonl"
TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
METADATA_KEYS = ("outlet", "date", "url", "title")
DEFAULT_MAX_BYTES = 2_000_000


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def skipped(source: str, code: Code, detail: str = "") -> Skipped:
    reason = f"{detail}; {HINTS[code]}" if detail else HINTS[code]
    return Skipped(source=source, code=code.value, reason=reason)


def decode(raw: bytes, source: str, max_bytes: int) -> str | Skipped:
    """Bytes of one article -> its text, or the reason it cannot be used."""
    if len(raw) > max_bytes:
        return skipped(source, Code.TOO_LARGE, f"{len(raw):,} bytes > {max_bytes:,}")
    if b"\x00" in raw:
        return skipped(source, Code.BINARY)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return skipped(source, Code.NOT_UTF8, f"invalid byte at offset {err.start}")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return skipped(source, Code.EMPTY)
    return text


def split_front_matter(text: str) -> tuple[dict, str]:
    """``---\\nyaml\\n---\\nbody`` -> (metadata, body). Raises ValueError if the YAML is bad."""
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return {}, text
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("".join(lines[1:i])) or {}
            except yaml.YAMLError as err:
                raise ValueError(str(err).splitlines()[0]) from err
            if not isinstance(meta, dict):
                raise ValueError("front matter is not a mapping")
            return meta, "".join(lines[i + 1 :])
    raise ValueError("front matter is not closed by '---'")


def metadata(record: dict) -> dict:
    """Only the known metadata keys, as stripped strings (dates as ISO strings)."""
    out = {}
    for key in METADATA_KEYS:
        value = record.get(key)
        if value is None or value == "":
            continue
        out[key] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return out


def read_text_file(path: Path, max_bytes: int) -> Article | Skipped:
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return skipped(source, Code.UNREADABLE, err.strerror or str(err))
    text = decode(raw, source, max_bytes)
    if isinstance(text, Skipped):
        return text
    try:
        meta, body = split_front_matter(text)
    except ValueError as err:
        return skipped(source, Code.BAD_FRONT_MATTER, str(err))
    if not body.strip():
        return skipped(source, Code.EMPTY, "front matter but no body")
    article_id = str(meta.get("id") or path.stem)
    return Article(id=article_id, text=body, content_hash=content_hash(body), source=source, **metadata(meta))


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | Skipped]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield skipped(str(path), Code.UNREADABLE, err.strerror or str(err))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            line = decode(raw, source, max_bytes)
            if isinstance(line, Skipped):
                yield line
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield skipped(source, Code.BAD_JSON, err.msg)
                continue
            if not isinstance(record, dict):
                yield skipped(source, Code.BAD_JSON, "not an object")
                continue
            article_id, text = record.get("id"), record.get("text")
            if not isinstance(article_id, (str, int)) or not isinstance(text, str) or not text.strip():
                yield skipped(source, Code.BAD_RECORD)
                continue
            yield Article(
                id=str(article_id), text=text, content_hash=content_hash(text), source=source, **metadata(record)
            )


def read_manifest(path: Path) -> tuple[dict[str, dict], list[Skipped]]:
    """manifest.jsonl -> ({article id: metadata}, problems)."""
    entries, problems = {}, []
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(skipped(f"{path}:{number}", Code.BAD_MANIFEST, err.msg))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            problems.append(skipped(f"{path}:{number}", Code.BAD_MANIFEST))
            continue
        entries[record["id"]] = metadata(record)
    return entries, problems


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def read_path(path: Path, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_file(path, max_bytes)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
    else:
        yield skipped(str(path), Code.UNSUPPORTED, f"'{path.suffix or path.name}' files are not read")


def ingest(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], list[Skipped]]:
    """Read every input; return the articles (first copy of each wins) and what was skipped."""
    files = list(expand(Path(p) for p in paths))
    manifest, problems = {}, []
    for path in files:
        if path.name == MANIFEST_NAME:
            entries, bad = read_manifest(path)
            manifest.update(entries)
            problems.extend(bad)
    articles: list[Article] = []
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for path in files:
        if path.name == MANIFEST_NAME:
            continue
        for item in read_path(path, max_bytes):
            if isinstance(item, Skipped):
                problems.append(item)
            elif item.id in seen_ids:
                problems.append(skipped(item.source, Code.DUPLICATE, f"id '{item.id}' already read from {seen_ids[item.id]}"))
            elif item.content_hash in seen_hashes:
                problems.append(skipped(item.source, Code.DUPLICATE, f"same text as {seen_hashes[item.content_hash]}"))
            else:
                seen_ids[item.id] = seen_hashes[item.content_hash] = item.source
                articles.append(replace(item, **{**manifest.get(item.id, {}), **metadata(item.__dict__)}))
    return articles, problems
