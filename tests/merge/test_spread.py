from __future__ import annotations

from kgbuild.merge.spread import spread
from tests.builders import article, attribution, own

ARTICLES = {
    "late": article("late", "x" * 500, outlet="Herald", date="2025-05-22"),
    "early": article("early", "x" * 500, outlet="Wire", date="2025-05-20T08:00:00"),
    "middle": article("middle", "x" * 500, outlet="Daily", date="2025-05-21"),
    "again": article("again", "x" * 500, outlet="Wire", date="2025-05-23"),
    "undated": article("undated", "x" * 500, outlet="Blog"),
}


def test_each_outlets_first_carrying_is_ranked_by_publication_date():
    attributions = [
        attribution("late", "Putin's helicopter was attacked"),
        attribution("undated", "Putin's helicopter was attacked"),
        attribution("again", "Putin's helicopter was attacked"),  # Wire carried it before
        attribution("middle", "Putin's helicopter was not attacked", stance="denies"),  # a denial carries it too
        attribution("early", "Putin's helicopter was attacked", at=200),
        own("early", "Putin's helicopter attacked", voice="headline", in_title=True),  # the title comes first
    ]
    ranks = spread(attributions, ["claim/a"] * len(attributions), ARTICLES)
    assert ranks == {5: 1, 3: 2, 0: 3, 1: 4}  # Wire, Daily, Herald, then the undated Blog


def test_each_claim_has_its_own_spread():
    attributions = [attribution("late", "one claim"), attribution("early", "another claim"),
                    attribution("middle", "one claim")]
    assert spread(attributions, ["claim/a", "claim/b", "claim/a"], ARTICLES) == {2: 1, 0: 2, 1: 1}
