"""The corpus merge's own rules (the stages it calls are tested beside them)."""

from __future__ import annotations

from kgbuild.merge.corpus import restatements
from tests.builders import attribution, own

CLAIM = "the dam at Nova Kakhovka was blown up by Russian troops on Monday night"


def test_an_outlets_own_statement_restates_as_fact_the_close_wordings_other_outlets_attribute_or_hedge():
    wordings = [
        own("daily", CLAIM.capitalize()),  # 0: stated as fact
        attribution("wire", f"that {CLAIM}", actor="Officials", kind="collective"),  # 1: attributed elsewhere
        own("herald", CLAIM.replace("was", "was reportedly"), voice="lead", hedged=True),  # 2: hedged elsewhere
        attribution("daily", f"that {CLAIM}", actor="Officials", kind="collective", at=300),  # 3: the same outlet
        attribution("post", f"that {CLAIM}", actor="Officials", kind="collective"),  # 4: not close
        own("times", f"{CLAIM.capitalize()}, officials say", hedged=True),  # 5: hedged, so not stated as fact
    ]
    outlet_of = {a.article: a.article.upper() for a in wordings}
    close = lambda i, j: 4 not in (i, j)  # noqa: E731
    assert restatements(list(range(6)), wordings, outlet_of, close) == {0: (1, 2, 5)}


def test_no_restatement_without_a_close_wording_elsewhere():
    wordings = [own("daily", CLAIM.capitalize()), attribution("wire", f"that {CLAIM}", actor="Officials",
                                                                 kind="collective")]
    assert restatements([0, 1], wordings, {"daily": "Daily", "wire": "Wire"}, lambda i, j: False) == {}


def test_a_source_that_reveals_or_admits_it_keeps_no_distance():
    from dataclasses import replace

    from kgbuild.records import Span

    stated = own("daily", CLAIM.capitalize())
    revealed = attribution("wire", CLAIM, actor="Officials", kind="collective")
    revealed = replace(revealed, cue=Span("reveal", 0, 6))  # "Officials reveal the dam ...": the outlet's fact too
    outlet_of = {"daily": "Daily", "wire": "Wire"}
    assert restatements([0, 1], [stated, revealed], outlet_of, lambda i, j: True) == {}
    admitted_but_hedged = replace(revealed, cue=Span("admitted", 0, 8), hedged=True)
    assert restatements([0, 1], [stated, admitted_but_hedged], outlet_of, lambda i, j: True) == {0: (1,)}
