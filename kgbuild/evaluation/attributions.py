"""Attribution accuracy against annotated articles (PolNeAR's JSONL), on character spans.

- strict match: the cue spans overlap; the content spans' character-overlap F1 is at least 0.5;
  and, when the gold attribution has a source, the source spans overlap;
- precision: predictions that strictly match some gold attribution / predictions;
- speech recall: gold attributions with a cue of communication (``SPEECH_VERBS``) that some
  prediction strictly matches / all such gold attributions;
- strict F1: the harmonic mean of precision and speech recall;
- all-cue recall: the same over every gold attribution (beliefs and intentions too);
- source accuracy: of the gold attributions with a source whose cue and content some prediction
  matches, the share where that prediction's source overlaps the gold source;
- content F1: mean character-overlap F1 of content over gold attributions whose cue a prediction
  overlaps (the best such prediction).

``SPEECH_VERBS`` is fixed here, independent of the extractor's cue table, so that changing the
extractor cannot change what is measured.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SPEECH_VERBS = frozenset(
    """
    accuse acknowledge add admit affirm allege announce answer argue ask assert blast call caution charge
    cite claim comment complain concede confirm contend counter declare decry deny describe disclose
    dismiss dispute emphasize explain insist mention note point post predict proclaim promise question
    recall recount refute reiterate reject remark repeat reply report respond retort reveal say speak
    state stress suggest tell testify tout tweet urge vow warn write
    """.split()
)
IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak"}
SPEECH_PHRASES = ("according to",)
MIN_CONTENT_F1 = 0.5  # a predicted content matches a gold one whose characters it overlaps this well (F1)


def lemma_of(word: str) -> set[str]:
    """Candidate lemmas of an English verb form: "says" -> say, "noted" -> note, "urging" -> urge."""
    word = word.lower()
    if word in IRREGULAR:
        return {IRREGULAR[word]}
    candidates = {word}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.add(stem[:-1])  # "admitted" -> admit
            if stem.endswith("i"):
                candidates.add(stem[:-1] + "y")  # "denied" -> deny
    return candidates


def is_speech_cue(cue: str | None) -> bool:
    text = (cue or "").lower()
    if any(phrase in text for phrase in SPEECH_PHRASES):
        return True
    return any(lemma_of(w) & SPEECH_VERBS for w in re.findall(r"[a-z]+", text))


@dataclass(frozen=True)
class Spans:
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int] | None


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def overlap_f1(pred: tuple[int, int] | None, gold: tuple[int, int] | None) -> float:
    if pred is None or gold is None:
        return 0.0
    shared = min(pred[1], gold[1]) - max(pred[0], gold[0])
    if shared <= 0:
        return 0.0
    precision, recall = shared / (pred[1] - pred[0]), shared / (gold[1] - gold[0])
    return 2 * precision * recall / (precision + recall)


def strict(pred: Spans, gold: Spans) -> bool:
    return (
        overlaps(pred.cue, gold.cue)
        and overlap_f1(pred.content, gold.content) >= MIN_CONTENT_F1
        and (gold.source is None or overlaps(pred.source, gold.source))
    )


def span(value) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return (value["start"], value["end"])
    return (value[0], value[1])


def read_gold(path: Path) -> tuple[dict[str, list[tuple[Spans, bool]]], dict[str, str]]:
    """{article id: [(spans, speech cue?)]}, {article id: outlet}."""
    gold, outlets = {}, {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        article = json.loads(line)
        outlets[article["id"]] = article.get("outlet") or "?"
        gold[article["id"]] = [
            (
                Spans(span(a.get("source_span")), span(a.get("cue_span")), span(a.get("content_span"))),
                is_speech_cue(a.get("cue")),
            )
            for a in article.get("attributions", [])
        ]
    return gold, outlets


def read_predictions(path: Path) -> dict[str, list[Spans]]:
    """Attributions to a source in the article's text: the outlet's own statements ("voice") and
    what was read from a title given apart from the text are not what the annotators marked."""
    predictions: dict[str, list[Spans]] = defaultdict(list)
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("voice") or record.get("in_title"):
                continue
            predictions[record["article"]].append(Spans(span(record["source"]), span(record["cue"]), span(record["content"])))
    return predictions


@dataclass
class Tally:
    predictions: int = 0
    correct_predictions: int = 0
    gold: int = 0
    gold_found: int = 0
    speech: int = 0
    speech_found: int = 0
    sourced: int = 0
    sourced_right: int = 0
    cue_found: int = 0
    content_f1_sum: float = 0.0

    def add(self, predicted: list[Spans], gold: list[tuple[Spans, bool]]) -> None:
        self.predictions += len(predicted)
        self.correct_predictions += sum(any(strict(p, g) for g, _ in gold) for p in predicted)
        for g, speech in gold:
            found = any(strict(p, g) for p in predicted)
            self.gold += 1
            self.gold_found += found
            self.speech += speech
            self.speech_found += speech and found
            same_cue = [p for p in predicted if overlaps(p.cue, g.cue)]
            if same_cue:
                self.cue_found += 1
                self.content_f1_sum += max(overlap_f1(p.content, g.content) for p in same_cue)
            located = [p for p in same_cue if overlap_f1(p.content, g.content) >= MIN_CONTENT_F1]
            if g.source is not None and located:
                self.sourced += 1
                self.sourced_right += any(overlaps(p.source, g.source) for p in located)

    def scores(self) -> dict:
        ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        precision, recall = ratio(self.correct_predictions, self.predictions), ratio(self.speech_found, self.speech)
        return {
            "strict_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "precision": precision,
            "speech_recall": recall,
            "all_cue_recall": ratio(self.gold_found, self.gold),
            "source_accuracy": ratio(self.sourced_right, self.sourced),
            "content_f1": ratio(self.content_f1_sum, self.cue_found),
            "predictions": self.predictions,
            "gold": self.gold,
            "gold_speech": self.speech,
        }


def evaluate(gold_path: str | Path, pred_path: str | Path) -> dict:
    """Scores overall and per outlet; predictions on articles absent from the gold are ignored."""
    gold, outlets = read_gold(Path(gold_path))
    predictions = read_predictions(Path(pred_path))
    overall, per_outlet = Tally(), defaultdict(Tally)
    for article_id, attributions in gold.items():
        predicted = predictions.get(article_id, [])
        overall.add(predicted, attributions)
        per_outlet[outlets[article_id]].add(predicted, attributions)
    return {
        "articles": len(gold),
        "overall": overall.scores(),
        "per_outlet": {outlet: tally.scores() for outlet, tally in sorted(per_outlet.items())},
    }
