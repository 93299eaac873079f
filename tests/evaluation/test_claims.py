"""The claim scorer (B-cubed and rejection, as shared/eval/claims/README.md defines them) and the
headline runner, on a small gold file written here."""

from __future__ import annotations

import json

import pytest

from kgbuild.evaluation.claims import (
    duplicate_records,
    headline_articles,
    laundering_score,
    mixed_score,
    predictions,
    score,
    with_duplicates,
)

GOLD = [
    {"claim_id": "dam", "articles": [
        {"id": "1", "outlet": "a.com", "headline": "Russian troops blew up the Kakhovka dam", "stance": "for"},
        {"id": "2", "outlet": "b.com", "headline": "Kakhovka dam blown up by Russian troops, officials say", "stance": "observing"},
        {"id": "3", "outlet": "c.com", "headline": "No, Russian troops did not blow up the Kakhovka dam", "stance": "against"},
    ]},
    {"claim_id": "crab", "articles": [
        {"id": "4", "outlet": "d.com", "headline": "A 50-foot crab was photographed off Whitstable", "stance": "for"},
        {"id": "5", "outlet": "e.com", "headline": "A 50-foot crab was photographed off Whitstable", "stance": "for"},
    ]},
]


def test_a_perfect_prediction_scores_one_and_a_wrong_rejection_costs_precision():
    perfect = [{"id": "1", "cluster": "D"}, {"id": "2", "cluster": "D"}, {"id": "3", "cluster": "X", "rejects": ["D"]},
               {"id": "4", "cluster": "C"}, {"id": "5", "cluster": "C"}]
    scores = score(GOLD, perfect)
    assert scores["bcubed_f1"] == 1.0 and scores["rejection_f1"] == 1.0
    assert "laundered_precision" not in scores  # its own score: it needs the graph's flags
    wrong = perfect[:2] + [{"id": "3", "cluster": "X", "rejects": ["D", "C"]}] + perfect[3:]
    assert score(GOLD, wrong)["rejection_precision"] == 0.5


def test_every_headline_alone_loses_recall_and_a_missing_one_is_its_own_cluster():
    alone = score(GOLD, [{"id": str(n), "cluster": n} for n in range(1, 6)])
    assert alone["bcubed_precision"] == 1.0 and alone["bcubed_recall"] == 0.5 and alone["rejection_recall"] == 0.0
    assert score(GOLD, [])["bcubed_recall"] == 0.5


def test_headlines_become_articles_and_a_duplicate_text_shares_the_prediction():
    articles = headline_articles(GOLD)
    assert [a["id"] for a in articles] == ["1", "2", "3", "4", "5"] and articles[3]["outlet"] == "d.com"
    records = [
        {"article": "4", "claim": "C", "stance": "asserts", "content": {"start": 0, "end": 40}, "rejects": []},
        {"article": "3", "claim": "D", "stance": "denies", "content": {"start": 0, "end": 40}, "rejects": ["D"]},
    ]
    predicted = with_duplicates(predictions(records), articles)
    assert {p["id"]: p["cluster"] for p in predicted} == {"3": "D", "4": "C", "5": "C"}
    assert next(p for p in predicted if p["id"] == "3")["rejects"] == ["D"]


def test_a_skipped_copy_gets_the_attribution_records_of_the_headline_it_copies():
    articles = headline_articles(GOLD)
    records = [
        {"article": "4", "claim": "C", "stance": "asserts", "voice": "headline", "hedged": True},
        {"article": "1", "claim": "D", "stance": "asserts", "voice": "headline", "hedged": False},
    ]
    assert duplicate_records(records, articles) == [
        {"article": "5", "claim": "C", "stance": "asserts", "voice": "headline", "hedged": True}]
    assert duplicate_records(records + [{**records[0], "article": "5"}], articles) == []


@pytest.mark.slow
def test_the_command_runs_the_pipeline_over_the_headlines(tmp_path):
    from click.testing import CliRunner

    from kgbuild.cli import main

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(c) + "\n" for c in GOLD), "utf-8")
    result = CliRunner().invoke(main, ["eval-claims", str(gold), "--out", str(tmp_path / "run"), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{"):])
    assert scores["headlines"] == 5 and scores["bcubed_f1"] >= 0.8
    lines = (tmp_path / "run" / "claims-predictions.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 5
    read = {json.loads(line)["article"] for line in (tmp_path / "run" / "attributions.jsonl").read_text("utf-8").splitlines()}
    assert read == {"1", "2", "3", "4", "5"}  # every headline has attribution records, a copy too


def test_mixed_into_a_corpus_each_corpus_article_in_a_headlines_claim_costs_precision():
    predicted = [{"id": "1", "cluster": "D"}, {"id": "2", "cluster": "D"}, {"id": "3", "cluster": "X", "rejects": ["D"]},
                 {"id": "4", "cluster": "C"}, {"id": "5", "cluster": "C"}]
    records = [
        {"article": "bbc/1", "claim": "D", "stance": "asserts"},
        {"article": "bbc/1", "claim": "D", "stance": "asserts"},  # one article, however many wordings
        {"article": "bbc/2", "claim": "E", "stance": "asserts"},
        {"article": "bbc/3", "claim": "F", "stance": "denies", "rejects": ["C"]},
    ]
    scores = mixed_score(GOLD, predicted, records)
    # the dam's two headlines share their node with one corpus article (2 of 3 each), the crab's are alone
    assert scores["mixed_bcubed_precision"] == round((2 / 3 + 2 / 3 + 1 + 1) / 4, 3)
    assert scores["headlines_sharing_a_claim_with_the_corpus"] == 2
    assert scores["corpus_articles_in_their_claims"] == 1
    assert scores["corpus_rejections_of_their_claims"] == 1
    assert mixed_score(GOLD, predicted, [])["mixed_bcubed_precision"] == 1.0


def test_a_laundered_node_is_right_when_it_holds_one_claims_for_and_observing_headlines_of_two_outlets():
    predicted = [{"id": "1", "cluster": "D"}, {"id": "2", "cluster": "D"}, {"id": "3", "cluster": "X", "rejects": ["D"]},
                 {"id": "4", "cluster": "C"}, {"id": "5", "cluster": "C"}]
    right = laundering_score(GOLD, predicted, {"D"})
    assert right == {"laundered_predicted": 1, "laundered_precision": 1.0, "laundered_recall": 1.0,
                     "laundered_f1": 1.0, "laundered_gold": 1}  # the crab is stated as fact everywhere: not laundered
    wrong = laundering_score(GOLD, predicted, {"C", "elsewhere"})  # a node without headlines is not counted
    assert wrong["laundered_predicted"] == 1 and wrong["laundered_precision"] == 0.0 and wrong["laundered_recall"] == 0.0
    split = [{"id": "1", "cluster": "D"}, {"id": "2", "cluster": "E"}]  # for and observing in two nodes: neither is right
    assert laundering_score(GOLD, split, {"D", "E"})["laundered_precision"] == 0.0
