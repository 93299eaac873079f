import json

from kgbuild.evaluation.attributions import evaluate, is_speech_cue, overlap_f1
from tests.builders import write


def test_speech_cues_are_recognised_in_any_inflection():
    for cue in ("said", "says", "has said", "told", "According to", "denied", "admitted", "tweeted", "urging"):
        assert is_speech_cue(cue), cue
    for cue in ("wants", "believes", "seemed", "\u2015"):
        assert not is_speech_cue(cue), cue


def test_overlap_f1():
    assert overlap_f1((0, 10), (0, 10)) == 1.0
    assert overlap_f1((0, 10), (5, 15)) == 0.5
    assert overlap_f1((0, 10), (10, 20)) == 0.0


def test_strict_scores_on_a_hand_made_article(tmp_path):
    text = "Smith said that taxes rose. Jones believes it."
    gold = {
        "id": "a", "outlet": "X", "text": text,
        "attributions": [
            {"source": "Smith", "source_span": [0, 5], "cue": "said", "cue_span": [6, 10],
             "content": "that taxes rose", "content_span": [11, 26]},
            {"source": "Jones", "source_span": [28, 33], "cue": "believes", "cue_span": [34, 42],
             "content": "it", "content_span": [43, 45]},
        ],
    }
    span = lambda s, e: {"text": text[s:e], "start": s, "end": e}  # noqa: E731
    predictions = [
        {"article": "a", "source": span(0, 5), "cue": span(6, 10), "content": span(16, 26)},  # right
        {"article": "a", "source": span(28, 33), "cue": span(34, 42), "content": span(0, 26)},  # wrong content
    ]
    write(tmp_path / "gold.jsonl", json.dumps(gold))
    write(tmp_path / "pred.jsonl", "\n".join(json.dumps(p) for p in predictions))
    scores = evaluate(tmp_path / "gold.jsonl", tmp_path / "pred.jsonl")["overall"]
    assert scores["precision"] == 0.5 and scores["speech_recall"] == 1.0 and scores["all_cue_recall"] == 0.5
    assert scores["strict_f1"] == round(2 * 0.5 / 1.5, 4)
    assert scores["source_accuracy"] == 1.0
