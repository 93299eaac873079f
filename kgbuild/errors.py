"""Stable error codes. Each message says what was wrong and what to do about it."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the records are made where an input is left out: the command line's start needs none
    from .records import InputWarning, Skipped


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
    BAD_TEXT = "E012"
    BAD_DATE = "E013"
    BAD_URL = "E014"
    BAD_FIELD = "E015"
    NOT_A_FILE = "E016"
    NOTHING_TO_READ = "E017"
    TOO_LONG = "E018"
    EXTRACTION_FAILED = "E019"
    NO_PAGE_TEXT = "E020"
    BAD_FILE_NAME = "E021"
    BAD_GRAPH = "E022"
    NO_QUERY_FILE = "E023"
    TOO_SLOW = "E024"


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
    Code.UNSUPPORTED: "kgbuild reads .txt, .md, .jsonl, .html and .htm files",
    Code.BAD_TEXT: "the text holds a lone surrogate, which is not Unicode text; fix the escape in the source",
    Code.BAD_DATE: "the date was left out; give an ISO date (YYYY-MM-DD, optionally with a time)",
    Code.BAD_URL: "the url was left out; give an absolute http(s) URL without a login part",
    Code.BAD_FIELD: "the field was left out; give a string (a number is read as text)",
    Code.NOT_A_FILE: "only regular files (or links to them) are read; fix or remove the entry",
    Code.NOTHING_TO_READ: "no file in it is one kgbuild reads; check the path",
    Code.TOO_LONG: "the article is longer than the spaCy pipeline reads at once; split it or lower --max-bytes",
    Code.EXTRACTION_FAILED: "extraction failed on this article; please report it with the article",
    Code.NO_PAGE_TEXT: "no article text was found in the page; save the article page itself",
    Code.BAD_FILE_NAME: "the file name is not UTF-8; its id shows each bad byte as U+FFFD; rename the file",
    Code.BAD_GRAPH: "the graph file does not parse as Turtle; build it again with 'kgbuild run'",
    Code.NO_QUERY_FILE: "no such query file; give an existing .rq file or inline SPARQL",
    Code.TOO_SLOW: "extraction ran past its time budget on this article; please report it with the article",
}


def reason(code: Code, detail: str = "") -> str:
    return f"{detail}; {HINTS[code]}" if detail else HINTS[code]


def skipped(source: str, code: Code, detail: str = "") -> Skipped:
    """An input left out, with its code and reason."""
    from .records import Skipped

    return Skipped(source=source, code=code.value, reason=reason(code, detail))


def warning(source: str, code: Code, detail: str = "") -> InputWarning:
    """A value left out of (or replaced in) an input that still lands."""
    from .records import InputWarning

    return InputWarning(source=source, code=code.value, reason=reason(code, detail))


class KgbuildError(Exception):
    """A usage error: the run cannot start (exit code 2)."""
