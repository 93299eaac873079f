"""When a statement was made: a DATE phrase -> an XSD lexical form, never guessed.

- day, month and year in the text (or the year from the article date) -> ``xsd:date`` "2025-05-21"
- month and year -> ``xsd:gYearMonth`` "2023-11"; a year alone -> ``xsd:gYear`` "2023"
- month and day with no year known -> ``xsd:gMonthDay`` "--05-21"
- relative phrases ("on Tuesday") only against a known article date; otherwise nothing.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from dateparser.date import DateDataParser

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
DAY = re.compile(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b")
# Descriptions, not dates: dateparser would read a date into them.
VAGUE = re.compile(r"\b(this|that|recent|last|next|past|earlier|later)\s+(year|month|week|decade|summer|winter|spring|autumn|fall)s?\b", re.I)


@cache
def parser(base: date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def statement_date(phrase: str, article_date: str | None = None) -> str | None:
    """A DATE phrase from the text -> the lexical form of an XSD date type, or None."""
    base = parse_iso(article_date)
    has_year, has_month = bool(YEAR.search(phrase)), bool(MONTHS.search(phrase))
    has_day = has_month and bool(DAY.search(MONTHS.sub(" ", YEAR.sub(" ", phrase))))
    if VAGUE.search(phrase) or not (has_year or has_month or base):
        return None
    parsed = parser(base).get_date_data(phrase)
    if parsed.date_obj is None:
        return None
    when = parsed.date_obj.date()
    if has_year and has_month and has_day:
        return when.isoformat()
    if has_year and has_month:
        return f"{when.year:04d}-{when.month:02d}"
    if has_year and not has_month:
        return f"{when.year:04d}"
    if has_month and has_day:
        return when.isoformat() if base else f"--{when.month:02d}-{when.day:02d}"
    if has_month:  # a month alone: only its year from the article date
        return f"{when.year:04d}-{when.month:02d}" if base else None
    return when.isoformat() if base and parsed.period == "day" else None


def xsd_type(lexical: str) -> str:
    """The XSD datatype name of a lexical form produced by statement_date."""
    if lexical.startswith("--"):
        return "gMonthDay"
    return {4: "gYear", 7: "gYearMonth"}.get(len(lexical), "date")
