"""Articles cut into chunks for worker processes and cluster workers.

The longest articles go first (``longest_first``), so that work spreads evenly, no worker is left
parsing a long chunk at the end while the others wait, and the progress bar moves.
"""

from __future__ import annotations

from typing import Sequence

from ..records import Article

CHUNK = 16  # articles a chunk holds at most: what one worker takes at a time
CHUNK_CHARACTERS = 20_000  # characters a chunk holds at most: about half a second of parsing on one core


def chunked(articles: Sequence[Article]) -> list[list[Article]]:
    """The articles in input order, CHUNK at a time."""
    return [list(articles[start : start + CHUNK]) for start in range(0, len(articles), CHUNK)]


def processes_for(articles: Sequence[Article], workers: int) -> int:
    """How many processes ``workers`` can keep busy: no more than there are chunks of CHUNK articles."""
    return min(workers, -(-len(articles) // CHUNK))


def longest_first(articles: Sequence[Article]) -> list[list[Article]]:
    """Chunks, the longest articles first, each of at most ``CHUNK`` articles and
    ``CHUNK_CHARACTERS`` characters (an article longer than that is a chunk of its own)."""
    chunks: list[list[Article]] = []
    size = 0
    for article in sorted(articles, key=lambda a: len(a.text), reverse=True):
        if not chunks or size + len(article.text) > CHUNK_CHARACTERS or len(chunks[-1]) >= CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(article)
        size += len(article.text)
    return chunks
