"""Saved web pages -> the article's text and the metadata found in the page.

trafilatura finds the article in the page (leaving out navigation, comments, related-article
boxes, scripts and forms) and reads its metadata: the site name (Open Graph, JSON-LD publisher,
or the site's domain), the publication date (htmldate, from the page's metadata and URL only:
a date in the running text is never taken for it), the canonical URL and the headline. The text
is trafilatura's, one paragraph a line; offsets computed later refer to it.
"""

from __future__ import annotations

import warnings

import trafilatura

from ..runtime.budget import OverBudget, budget, time_limit

# Only the page's own metadata and URL; extensive search would take any date in the text.
DATE_SEARCH = {"original_date": True, "extensive_search": False}
# Precision over recall: a "Read more" box inside the article body is left out; and no fallback
# extractors, which would take a page's menu for its text when it has no article.
OPTIONS = {"with_metadata": True, "include_comments": False, "favor_precision": True, "fast": True}


def read_page(raw: bytes) -> tuple[str, dict] | str:
    """The bytes of a saved page -> (article text, {outlet, date, url, title}), or why there is
    none. A page is data: whatever its markup holds, this returns."""
    try:
        with time_limit(budget(len(raw))), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lxml's FutureWarnings about element truth tests
            document = trafilatura.bare_extraction(raw, date_extraction_params=DATE_SEARCH, **OPTIONS)
    except OverBudget as err:
        return f"reading the page {err}"
    except Exception as err:  # lxml and trafilatura raise many kinds on hostile markup
        return f"the page could not be parsed ({type(err).__name__})"
    if document is None or not (document.text or "").strip():
        return "no article text found"
    found = {"outlet": document.sitename, "date": document.date, "url": document.url, "title": document.title}
    return document.text, found
