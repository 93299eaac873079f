from __future__ import annotations

from dataclasses import replace

from kgbuild.merge.drift import drift, tokens, word_diff
from tests.builders import article, attribution, own

ARTICLES = {name: article(name, "x" * 500, outlet=name.title(), date=f"2025-05-2{n}")
            for n, name in enumerate(["wire", "daily", "herald", "times"])}
QUOTE = "The helicopter was effectively at the epicenter of the response to the massive drone attack."


def quoted(article_id: str, words: str, **extra):
    return replace(attribution(article_id, words, **extra), direct=True, quote=words)


def drifts(*attributions):
    return drift(list(attributions), ["claim/a"] * len(attributions), ARTICLES)


def test_a_quotation_cut_short_later_is_shortened_whatever_its_spelling():
    found = drifts(quoted("wire", QUOTE), quoted("daily", "The helicopter was effectively at the epicentre of the response"))
    assert found[1].earliest == 0
    assert found[1].changes == ("words dropped", "quotation shortened")
    assert ("-", "to the massive drone attack.") in found[1].diff and ("+", "epicentre") in found[1].diff


def test_a_quotation_is_compared_with_the_earliest_quotation_not_the_earliest_paraphrase():
    found = drifts(attribution("wire", "that the helicopter was near the attack"), quoted("daily", QUOTE),
                   quoted("herald", "The helicopter was effectively at the epicenter"))
    assert found[1].earliest == 0 and found[2].earliest == 1
    assert "quotation shortened" in found[2].changes


def test_a_later_outlet_stating_it_in_its_own_voice_drops_the_source_and_may_hedge():
    found = drifts(attribution("wire", "that a Ukrainian drone targeted the helicopter"),
                   own("daily", "A Ukrainian drone reportedly targeted the helicopter", voice="lead", hedged=True))
    assert set(found[1].changes) == {"source dropped", "hedge added", "words added"}
    assert found[1].diff == (("=", "A Ukrainian drone"), ("+", "reportedly"), ("=", "targeted the helicopter"))


def test_a_dropped_hedge_and_a_changed_number_are_named():
    found = drifts(attribution("wire", "46 drones were reportedly shot down", hedged=True),
                   attribution("daily", "Dozens of drones were shot down"))
    assert set(found[1].changes) == {"hedge dropped", "numbers changed", "words changed", "words dropped"}
    assert found[1].pieces("-") == ("46", "reportedly") and found[1].pieces("+") == ("Dozens of",)


def test_the_same_wording_and_a_denial_are_no_drift():
    found = drifts(attribution("wire", "the drones were destroyed"), attribution("daily", "The drones were destroyed."),
                   attribution("herald", "the drones were not destroyed", stance="denies"))
    assert found == {}


def test_punctuation_standing_apart_rides_with_its_word():
    assert tokens("\u201c Attack \u2014 massive , said") == ["\u201c Attack \u2014", "massive ,", "said"]
    assert [op for op, _, _ in word_diff("the attack \u2014 massive", "the attack, massive")] == ["equal"]
