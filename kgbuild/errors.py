"""Stable error codes. Each message says what was wrong and what to do about it."""

from enum import Enum


class Code(str, Enum):
    EMPTY = "E001"
    BINARY = "E002"
    NOT_UTF8 = "E003"
    TOO_LARGE = "E004"
    BAD_FRONT_MATTER = "E005"
    DUPLICATE = "E006"
    BAD_JSON = "E007"
    BAD_RECORD = "E008"
    BAD_MANIFEST = "E009"
    UNREADABLE = "E010"
    UNSUPPORTED = "E011"
    EXTRACTION_FAILED = "E012"


HINTS = {
    Code.EMPTY: "the file has no text; remove it or fill it",
    Code.BINARY: "the file looks binary (NUL bytes); give kgbuild text files",
    Code.NOT_UTF8: "the file is not UTF-8 text; re-encode it as UTF-8",
    Code.TOO_LARGE: "the article is larger than the limit; split it or raise --max-bytes",
    Code.BAD_FRONT_MATTER: "the YAML front matter does not parse to a mapping; fix it",
    Code.DUPLICATE: "the same article was given twice; the first copy was kept",
    Code.BAD_JSON: "the line is not a JSON object; fix or remove it",
    Code.BAD_RECORD: "a JSONL article needs a string 'id' and a non-empty string 'text'",
    Code.BAD_MANIFEST: "the manifest line is not a JSON object with a string 'id'",
    Code.UNREADABLE: "the file could not be read",
    Code.UNSUPPORTED: "kgbuild reads .txt, .md and .jsonl files",
    Code.EXTRACTION_FAILED: "extracting from this article raised an error; please report it with the article",
}


class KgbuildError(Exception):
    """A usage error: the run cannot start (exit code 2)."""
