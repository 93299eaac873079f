"""The trained attribution filter: its features, the shipped weights, the wiring, the training."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kgbuild.extract.scoring import AttributionModel, features, shipped_model
from kgbuild.records import Attribution, Mention, Span
from tests.builders import ROOT, SHARED


def attribution(cue="said", source="Anna Kovalenko", content='"We will not retreat,"', direct=True) -> Attribution:
    text = f"{content} {source} {cue}."
    return Attribution(
        article="t",
        cue=Span(cue, text.index(cue), text.index(cue) + len(cue)),
        content=Span(content, 0, len(content)),
        source=Span(source, len(content) + 1, len(content) + 1 + len(source)) if source else None,
        actor=Mention(source, "person") if source else None,
        stance="asserts",
        direct=direct,
        quote=content.strip('",') if direct else None,
        via=None,
        date=None,
        evidence=Span(text, 0, len(text)),
    )


def test_features_describe_cue_source_and_content():
    named = features(attribution())
    assert named["cue=said"] == 1 and named["direct"] == 1 and named["content before cue"] == 1
    assert named["source capitalized"] == 1 and named["source pronoun"] == 0
    anonymous = features(attribution(source=None, content="that", direct=False))
    assert anonymous["no source"] == 1 and anonymous["content short"] == 1 and "source words" not in anonymous


def test_the_shipped_model_keeps_a_plain_quote_and_has_a_threshold():
    model = shipped_model()
    assert 0 < model.threshold < 1 and len(model.weights) > 50
    assert model.probability(attribution()) > model.threshold


def test_the_finder_drops_candidates_below_the_threshold_unless_told_to_keep_all(nlp, monkeypatch):
    text = '"We will not retreat," Anna Kovalenko said.'
    finder = nlp.get_pipe("kgbuild_attributions_v1")
    assert len(nlp(text)._.attributions) == 1
    monkeypatch.setattr("kgbuild.extract.components.shipped_model", lambda: AttributionModel({}, 0.0, 0.9))
    assert nlp(text)._.attributions == []  # probability 0.5 < 0.9
    monkeypatch.setattr(finder, "keep_all", True)
    (kept,) = nlp(text)._.attributions
    assert kept.confidence == 0.5


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval" / "polnear" / "train.jsonl").exists(), reason="needs ../shared/eval/polnear")
def test_the_training_script_writes_a_model_with_its_provenance(tmp_path):
    out = tmp_path / "model.json"
    subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_attribution_model.py"), "--limit", "8", "--out", str(out)],
        check=True, capture_output=True, timeout=300,
    )
    model = json.loads(out.read_text())
    assert model["articles"] == 8 and model["candidates"] > 20 and "cue=said" in model["weights"]
    assert 0 < model["threshold"] < 1 and "at threshold" in model["cross_validated"]
