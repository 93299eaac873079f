from __future__ import annotations

import datetime

import pytest

from kgbuild.errors import Code
from kgbuild.ingest.fields import Unusable, clean_metadata, iso_date, label, web_iri


@pytest.mark.parametrize(
    "value, date",
    [("2025-05-21", "2025-05-21"), (" 2025-05-21T08:15:00+01:00 ", "2025-05-21"), ("2025-05-21 10:00", "2025-05-21"),
     (datetime.date(2024, 2, 29), "2024-02-29"), ("", None)],
)
def test_an_iso_date_is_kept_as_its_day(value, date):
    assert iso_date(value) == date


@pytest.mark.parametrize("value", ["2025-13-45", "2023-02-29", "yesterday", "20250101", "21/05/2025", "2025-05", 20250101, True])
def test_anything_else_is_no_date(value):
    with pytest.raises(Unusable) as caught:
        iso_date(value)
    assert caught.value.code is Code.BAD_DATE


@pytest.mark.parametrize(
    "url, iri",
    [("https://example.com/a b/é?q=<x>#f", "https://example.com/a%20b/%C3%A9?q=%3Cx%3E#f"),
     ("HTTP://Example.com:8080/x", "HTTP://Example.com:8080/x")],
)
def test_a_web_url_becomes_an_iri(url, iri):
    assert web_iri(url) == iri


@pytest.mark.parametrize(
    "url",
    ["http://[::1", "https://user@host:pw@example.com/", "https://user:pw@example.com/", "javascript:alert(1)",
     "example.com/story", "https://example.com:port/", "mailto:desk@example.com", "https://exa\ud800mple.com/", "https:///x"],
)
def test_a_url_that_is_not_one_is_refused(url):
    with pytest.raises(Unusable) as caught:
        web_iri(url)
    assert caught.value.code is Code.BAD_URL
    str(caught.value).encode("utf-8")  # printable in a report


def test_a_label_is_one_line_of_text():
    assert label("The\x0bDaily\u2028 Post\n\x85") == "The Daily Post"
    assert label(2024) == "2024" and label("  ") is None
    for value in (["a"], {"a": 1}, True, "bad \udc80"):
        with pytest.raises(Unusable):
            label(value)


def test_clean_metadata_keeps_what_is_usable_and_says_what_is_not():
    values, problems = clean_metadata(
        {"outlet": "Wire", "date": "yesterday", "url": 5, "title": None, "other": object()}
    )
    assert values == {"outlet": "Wire"}
    assert [(code.value, text.split(":")[0]) for code, text in problems] == [("E013", "date"), ("E014", "url")]
