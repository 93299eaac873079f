"""Ingest: input paths -> Article records, and Skipped records for bad inputs.

Accepted inputs:
- ``.txt`` / ``.md`` files, optionally opening with YAML front matter (outlet, date, url, title);
- ``.jsonl`` with one article per line: ``{"id", "text", "outlet"?, "date"?, "url"?, "title"?}``;
- ``.html`` / ``.htm`` saved web pages: the article text and metadata found in the page
  (``pages``); a manifest entry overrides the page's metadata;
- a ``manifest.jsonl`` beside text files, one ``{"id", ...metadata}`` per line.

Folders are read recursively in sorted order, following links to files and folders (each folder
once). The article text is kept exactly as given, so character offsets computed later refer to
it. Each input is read on its own: a bad one is skipped (``Skipped``), a bad metadata value is
left out (``InputWarning``), and every other article lands.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from ..errors import Code, skipped, warning
from ..records import Article, InputWarning, Skipped
from . import DEFAULT_MAX_BYTES
from .fields import METADATA_KEYS, clean_metadata, is_unicode, shown
from .folders import expand, folder_key, shown_path

MANIFEST_NAME = "manifest.jsonl"
TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
PAGE_SUFFIXES = {".html", ".htm"}

Item = Article | Skipped | InputWarning


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_problem(text: str) -> tuple[Code, str] | None:
    """Why a decoded article text cannot be used, if it cannot: JSON escapes can put a NUL or a
    lone surrogate into text whose bytes were fine."""
    if "\x00" in text:
        return Code.BINARY, f"NUL character at offset {text.index('\x00')}"
    if not is_unicode(text):
        return Code.BAD_TEXT, ""
    if not text.strip():
        return Code.EMPTY, ""
    return None


def too_large(source: str, size: int, max_bytes: int) -> Skipped:
    return skipped(source, Code.TOO_LARGE, f"{size:,} bytes > {max_bytes:,}")


def read_bounded(path: Path, source: str, max_bytes: int) -> bytes | Skipped:
    """A file's bytes, never reading more than ``max_bytes`` + 1 of them (a huge file is
    reported by its size, not loaded)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as err:
        return skipped(source, Code.UNREADABLE, err.strerror or str(err))
    return too_large(source, max(size, len(raw)), max_bytes) if len(raw) > max_bytes else raw


def bounded_lines(handle, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a binary file; for a line longer than ``max_bytes``, its length instead,
    read in pieces so that one huge line never sits in memory."""
    while line := handle.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = handle.readline(max_bytes + 1)
            size += len(line)
        yield size


def decode(raw: bytes, source: str, max_bytes: int) -> str | Skipped:
    """Bytes of one article -> its text, or the reason it cannot be used."""
    if len(raw) > max_bytes:
        return too_large(source, len(raw), max_bytes)
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


class FrontMatterLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: ``date: 2025-13-45`` stays a string, so the date
    alone is reported and left out instead of the whole article failing to load."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
                meta = yaml.load("".join(lines[1:i]), Loader=FrontMatterLoader) or {}
            except yaml.YAMLError as err:
                raise ValueError(str(err).splitlines()[0]) from err
            except RecursionError:
                raise ValueError("front matter nested too deeply") from None
            if not isinstance(meta, dict):
                raise ValueError("front matter is not a mapping")
            return meta, "".join(lines[i + 1 :])
    raise ValueError("front matter is not closed by '---'")


def metadata(record: dict, source: str) -> tuple[dict, list[InputWarning]]:
    """The usable metadata of ``record`` and a warning for each value left out."""
    values, problems = clean_metadata(record)
    return values, [warning(source, code, detail) for code, detail in problems]


def article_id(value: object) -> str | None:
    """A usable article id (a non-empty string or an integer), else None."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    return text if text.strip() and is_unicode(text) else None


def new_article(source: str, identifier: str, text: str, record: dict) -> Iterator[Item]:
    """An article from its id, text and raw metadata, after the warnings for what was left out."""
    problem = text_problem(text)
    if problem:
        yield skipped(source, *problem)
        return
    values, warnings = metadata(record, source)
    yield from warnings
    yield Article(id=identifier, text=text, content_hash=content_hash(text), source=source, **values)


def file_id(path: Path, source: str) -> Iterator[InputWarning | str]:
    """The id of a file's article (its stem), after a warning if the name is not UTF-8."""
    stem = shown_path(Path(path.stem))
    if stem != path.stem:
        yield warning(source, Code.BAD_FILE_NAME)
    yield stem


def text_file_article(path: Path, source: str, raw: bytes, max_bytes: int) -> Iterator[Item]:
    """A .txt or .md file's bytes -> its article, front matter read."""
    text = decode(raw, source, max_bytes)
    if isinstance(text, Skipped):
        yield text
        return
    try:
        meta, body = split_front_matter(text)
    except ValueError as err:
        yield skipped(source, Code.BAD_FRONT_MATTER, str(err))
        return
    if not body.strip():
        yield skipped(source, Code.EMPTY, "front matter but no body")
        return
    *warnings, identifier = file_id(path, source)
    yield from warnings
    if "id" in meta:
        given = article_id(meta["id"])
        if given is None:
            yield warning(source, Code.BAD_FIELD, "id: not a non-empty string or number; the file name is used")
        identifier = given or identifier
    yield from new_article(source, identifier, body, meta)


@dataclass(frozen=True)
class JsonError:
    detail: str


def parse_json(line: str) -> object:
    """A line's JSON value, or a ``JsonError`` saying why it has none."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        return JsonError(err.msg)
    except RecursionError:
        return JsonError("nested too deeply")


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield skipped(shown_path(path), Code.UNREADABLE, err.strerror or str(err))
        return
    with handle:
        read_any = False
        for number, raw in enumerate(bounded_lines(handle, max_bytes), start=1):
            source = f"{shown_path(path)}:{number}"
            if isinstance(raw, int):
                yield too_large(source, raw, max_bytes)
            elif raw.strip():
                yield from jsonl_article(source, raw, max_bytes)
            read_any = read_any or isinstance(raw, int) or bool(raw.strip())
        if not read_any:
            yield skipped(shown_path(path), Code.EMPTY, "no lines")


def jsonl_article(source: str, raw: bytes, max_bytes: int) -> Iterator[Item]:
    """One JSONL line -> its article."""
    line = decode(raw, source, max_bytes)
    if isinstance(line, Skipped):
        yield line
        return
    record = parse_json(line)
    if isinstance(record, JsonError):
        yield skipped(source, Code.BAD_JSON, record.detail)
    elif not isinstance(record, dict):
        yield skipped(source, Code.BAD_JSON, "not an object")
    else:
        identifier, text = article_id(record.get("id")), record.get("text")
        if identifier is None or not isinstance(text, str) or not text.strip():
            yield skipped(source, Code.BAD_RECORD)
        else:
            yield from new_article(source, identifier, text, record)


def page_article(path: Path, source: str, raw: bytes, max_bytes: int) -> Iterator[Item]:
    """A saved web page's bytes -> its article: the text and metadata found in it (``pages``)."""
    from .pages import read_page  # trafilatura loads only when a page is read

    page = read_page(raw)
    if isinstance(page, str):
        yield skipped(source, Code.NO_PAGE_TEXT, page)
        return
    text, found = page
    *warnings, identifier = file_id(path, source)
    yield from warnings
    yield from new_article(source, identifier, text, found)


def read_manifest(path: Path) -> tuple[dict[str, dict], list[Skipped | InputWarning]]:
    """manifest.jsonl -> ({article id: metadata}, problems)."""
    entries, problems = {}, []
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), start=1):
        source = f"{shown_path(path)}:{number}"
        if not line.strip():
            continue
        record = parse_json(line)
        if isinstance(record, JsonError):
            problems.append(skipped(source, Code.BAD_MANIFEST, record.detail))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            problems.append(skipped(source, Code.BAD_MANIFEST))
            continue
        entries[record["id"]], warnings = metadata(record, source)
        problems.extend(warnings)
    return entries, problems


def read_path(path: Path, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
    elif suffix in TEXT_SUFFIXES | PAGE_SUFFIXES:
        source = shown_path(path)
        raw = read_bounded(path, source, max_bytes)
        if isinstance(raw, Skipped):
            yield raw
            return
        article = text_file_article if suffix in TEXT_SUFFIXES else page_article
        yield from article(path, source, raw, max_bytes)
    else:
        yield skipped(shown_path(path), Code.UNSUPPORTED, f"'{shown_path(Path(path.suffix or path.name))}' files are not read")


def given_metadata(article: Article) -> dict:
    return {key: getattr(article, key) for key in METADATA_KEYS if getattr(article, key) is not None}


def with_manifest(article: Article, entry: dict) -> Article:
    """Front matter and JSONL fields override the manifest; the manifest overrides what was
    found in a saved page."""
    given = given_metadata(article)
    from_page = Path(article.source).suffix.lower() in PAGE_SUFFIXES
    return replace(article, **({**given, **entry} if from_page else {**entry, **given}))


def copy_of(article: Article, outlets: dict[str | None, str]) -> str | None:
    """Where the same text was read before from the same outlet, or where either outlet is
    unknown. The same text from another outlet is a syndicated copy, not a repeat: that outlet
    carries the story too."""
    if article.outlet in outlets:
        return outlets[article.outlet]
    if outlets and (article.outlet is None or None in outlets):
        return next(iter(outlets.values()))
    return None


def ingest(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, leave_out: Iterable[str | Path] = ()
) -> tuple[list[Article], list[Skipped | InputWarning]]:
    """Read every input; return the articles (first copy of each wins) and the problems: what
    was skipped (``Skipped``) and what was left out of an article that landed (``InputWarning``).
    Folders in ``leave_out`` (the output folder: its graph.html is no article) are not read."""
    unread = frozenset(folder_key(Path(p)) for p in leave_out if Path(p).is_dir())
    found = list(expand((Path(p) for p in paths), unread))
    problems: list[Skipped | InputWarning] = [item for item in found if isinstance(item, Skipped)]
    files = [item for item in found if isinstance(item, Path)]
    manifest: dict[str, dict] = {}
    for path in files:
        if path.name == MANIFEST_NAME:
            entries, bad = read_manifest(path)
            manifest.update(entries)
            problems.extend(bad)
    articles: list[Article] = []
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, dict[str | None, str]] = {}  # text hash -> outlet -> where read
    for path in files:
        if path.name == MANIFEST_NAME:
            continue
        for item in read_path(path, max_bytes):
            if not isinstance(item, Article):
                problems.append(item)
            elif item.id in seen_ids:
                problems.append(skipped(item.source, Code.DUPLICATE, f"id {shown(item.id)} already read from {seen_ids[item.id]}"))
            elif earlier := copy_of(item, seen_texts.get(item.content_hash, {})):
                problems.append(skipped(item.source, Code.DUPLICATE, f"same text as {earlier}"))
            else:
                seen_ids[item.id] = seen_texts.setdefault(item.content_hash, {})[item.outlet] = item.source
                articles.append(with_manifest(item, manifest.get(item.id, {})))
    return articles, problems
