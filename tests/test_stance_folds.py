"""The headline stance study of training/ (issue 23): the folds by claim, stance.py's reading of
attribution records, and what the carriage model may change of a headline's attributions."""

from __future__ import annotations

import sys
from dataclasses import replace

import numpy as np

from tests.builders import ROOT, attribution, own

sys.path.insert(0, str(ROOT / "training"))

from carriage import CarriageModel, achievable, carried, features, rule_reading  # noqa: E402
from stance_folds import by_fold, folds, scores, stance_label, train  # noqa: E402

ROWS = [{"id": str(n), "claim": f"c{n % 7}", "text": "", "label": "for"} for n in range(30)]


def test_folds_are_by_claim_fixed_by_the_seed_and_all_used():
    fold = folds(ROWS)
    assert fold == folds(list(reversed(ROWS))) and sorted(set(fold.values())) == [0, 1, 2, 3, 4]
    assert len({fold[r["claim"]] for r in ROWS if r["claim"] == "c3"}) == 1


def test_scores_are_accuracy_and_macro_f1_over_the_three_classes():
    gold = ["for", "for", "observing", "against"]
    assert scores(gold, gold) == (1.0, 1.0)
    accuracy, macro = scores(gold, ["for", "observing", "observing", "none"])
    assert accuracy == 0.5 and np.isclose(macro, (2 / 3 + 2 / 3 + 0) / 3)
    result = by_fold(ROWS, ["for"] * 30)
    assert result["accuracy"] == 1.0 and result["accuracy sd"] == 0.0


def test_records_read_as_stance_py_reads_them():
    assert stance_label([]) == "none"
    assert stance_label([{"stance": "asserts", "voice": "headline", "source": None}]) == "for"
    assert stance_label([{"stance": "asserts", "voice": "headline", "hedged": True}]) == "observing"
    assert stance_label([{"stance": "asserts", "voice": None, "source": {"text": "Iraq"}}]) == "observing"
    assert stance_label([{"stance": "questions", "voice": "headline"}]) == "observing"
    assert stance_label([{"stance": "asserts", "voice": None, "source": {"text": "Iraq"}},
                         {"stance": "refutes", "voice": "headline"}]) == "against"


def test_the_rules_reading_counts_a_negated_statement_as_the_denial_the_merge_makes_of_it():
    stated = own("a", "Islamic State leader al-Baghdadi not dead")
    assert rule_reading([stated]) == "for"
    assert rule_reading([replace(stated, negated=True)]) == "against"
    assert rule_reading([attribution("a", "the woman is his wife", actor="Iraq")]) == "observing"
    confirmed = attribution("a", "Gill Rosenberg not captured in Kobani", "confirms", actor="YPG", negated=True)
    assert rule_reading([confirmed]) == "against"


def test_carried_changes_the_outlets_own_statement_but_never_drops_a_named_source():
    flat = own("a", "Apple Watch will need charging every day")
    assert achievable("observing", [flat]) == "observing" and carried("observing", [flat])[0].hedged
    assert achievable("against", [flat]) == "against" and carried("against", [flat])[0].stance == "denies"
    hedged = own("a", "Apple Watch reportedly needs charging every day", hedged=True)
    assert achievable("for", [hedged]) == "for"
    said = attribution("a", "she was born intersex", actor="Phelps' girlfriend")
    assert achievable("for", [said]) == "observing" and carried("for", [said]) == [said]
    assert achievable("against", [said]) == "against" and carried("against", [said])[0].negated


def test_the_model_overrules_the_rules_only_beyond_its_margin():
    model = CarriageModel({"for": {"x": 0.0}, "observing": {"x": 2.0}, "against": {"x": -5.0}},
                          {"for": 0.0, "observing": -1.0, "against": -5.0}, margin=0.1)
    assert model.reading({"x": 1.0}, "for") == "observing"  # 0.73 against 0.5
    assert model.reading({"x": 0.0}, "for") == "for"
    assert CarriageModel(model.weights, model.bias, margin=0.5).reading({"x": 1.0}, "for") == "for"


def test_a_trained_model_learns_a_trait_that_marks_a_class():
    traits = [{"rules=for": 1.0, "word=reportedly": float(n % 2)} for n in range(40)]
    labels = ["observing" if n % 2 else "for" for n in range(40)]
    model = train(traits, labels, l2=1.0, margin=0.0)
    assert model.reading({"rules=for": 1.0, "word=reportedly": 1.0}, "for") == "observing"
    assert model.reading({"rules=for": 1.0}, "for") == "for"


def test_features_of_a_parsed_headline(nlp):
    doc = nlp("Lynch mob castrates alleged rapist in Rajasthan, police say")
    found = list(doc._.attributions) + list(doc._.own_voice)
    traits = features(doc[:], found)
    assert traits["rules=" + rule_reading(found)] == 1.0 and traits["alleged someone"] == 1.0
    assert traits["question mark"] == 0.0 and traits["no verb"] == 0.0
