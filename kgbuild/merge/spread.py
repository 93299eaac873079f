"""How each claim spread from outlet to outlet: each outlet's first carrying of a claim (an
attribution of it, in any stance), ranked by when the outlet carried it."""

from __future__ import annotations

from collections import Counter

from ..records import Article, Attribution
from .keys import outlet_key

UNDATED = "~"  # sorts after every ISO date: an article without a date is taken as the latest
REJECTED = {"denies": "denied", "refutes": "refuted", "questions": "questioned"}


def how_carried(attribution: Attribution) -> str:
    """How an outlet carries a claim, in queries/spread.rq's words: "attributed" (to a source),
    "hedged" or "as fact" (in its own voice), "denied", "refuted" or "questioned"."""
    if attribution.stance in REJECTED:
        return REJECTED[attribution.stance]
    if attribution.voice:
        return "hedged" if attribution.hedged else "as fact"
    return "attributed, hedged" if attribution.hedged else "attributed"


def carrying_order(attribution: Attribution, article: Article) -> tuple:
    """Where a carrying stands in time: the article's publication date (undated articles last),
    then the article's id, then its place in the article (the title first)."""
    place = attribution.content.start if attribution.content else attribution.evidence.start
    return (article.date[:10] if article.date else UNDATED, article.id, not attribution.in_title, place)


def in_order(attributions: list[Attribution], claim_of: list[str], articles: dict[str, Article]) -> list[int]:
    """The attributions' indices, by claim, then by ``carrying_order`` (then index: a total order)."""
    def key(n: int) -> tuple:
        a = attributions[n]
        return (claim_of[n], *carrying_order(a, articles[a.article]), n)

    return sorted(range(len(attributions)), key=key)


def spread(attributions: list[Attribution], claim_of: list[str], articles: dict[str, Article]) -> dict[int, int]:
    """Each outlet's first carrying of each claim (an index into ``attributions``) -> the rank of
    that outlet in the claim's spread: 1 for the outlet that carried the claim first."""
    ranks: dict[int, int] = {}
    carried: set[tuple[str, str]] = set()
    outlets_so_far: Counter[str] = Counter()
    for n in in_order(attributions, claim_of, articles):
        claim, outlet = claim_of[n], outlet_key(articles[attributions[n].article])
        if (claim, outlet) not in carried:
            carried.add((claim, outlet))
            outlets_so_far[claim] += 1
            ranks[n] = outlets_so_far[claim]
    return ranks
