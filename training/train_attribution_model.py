"""Train the attribution filter (``kgbuild/extract/attribution_model.json``) on PolNeAR's train split.

    python training/train_attribution_model.py [--gold ../shared/eval/polnear/train.jsonl]

1. Runs kgbuild's extraction rules on the gold articles, keeping every candidate.
2. Labels each candidate 1 if it strictly matches a gold attribution (``kgbuild.evaluation.attributions``).
3. Fits a logistic regression on ``kgbuild.extract.scoring.features`` (Newton's method, L2 = 1;
   features seen at least 5 times), deterministic, so the same data gives the same weights.
4. Picks the threshold that maximizes strict F1 on out-of-fold probabilities (5 folds by
   article), refits on everything, and writes the model with how it was made.

Retrain whenever the rules change: the model weighs the rules' own candidates. Takes about
four minutes on all 840 articles (extraction dominates).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from kgbuild.logistic import fit

from kgbuild.evaluation.attributions import Spans, Tally, read_gold, strict
from kgbuild.extract import extract, load_pipeline
from kgbuild.extract.scoring import MODEL_FILE, AttributionModel, features
from kgbuild.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"
L2, MIN_COUNT, FOLDS = 1.0, 5, 5
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]


def spans(a) -> Spans:
    return Spans(*((s.start, s.end) if s else None for s in (a.source, a.cue, a.content)))


def candidates(gold_path: Path, limit: int | None):
    articles, _ = ingest([gold_path])
    articles = articles[:limit]
    nlp = load_pipeline()
    nlp.get_pipe("kgbuild_attributions_v1").keep_all = True
    found = [(e.article.id, a) for e in extract(articles, nlp) for a in e.attributions if a.voice is None and not a.in_title]
    return found, {a.id for a in articles}


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {name: i for i, name in enumerate(names)}
    X = np.zeros((len(rows), len(names) + 1))
    X[:, -1] = 1.0
    for i, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                X[i, index[name]] = value
    return X


def vocabulary(rows: list[dict[str, float]]) -> list[str]:
    counts = Counter(name for row in rows for name in row)
    return sorted(name for name, n in counts.items() if n >= MIN_COUNT)


def strict_f1(found, probabilities, threshold: float, gold) -> dict:
    kept: dict[str, list[Spans]] = {}
    for (article, a), p in zip(found, probabilities):
        if p >= threshold:
            kept.setdefault(article, []).append(spans(a))
    tally = Tally()
    for article, attributions in gold.items():
        tally.add(kept.get(article, []), attributions)
    return tally.scores()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=TRAIN)
    parser.add_argument("--out", type=Path, default=ROOT / "kgbuild" / "extract" / MODEL_FILE)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    args = parser.parse_args()

    found, ids = candidates(args.gold, args.limit)
    gold, _ = read_gold(args.gold)
    gold = {k: v for k, v in gold.items() if k in ids}
    y = np.array([any(strict(spans(a), g) for g, _ in gold[article]) for article, a in found], dtype=float)
    rows = [features(a) for _, a in found]

    fold = {article: i % FOLDS for i, article in enumerate(sorted(gold))}
    out_of_fold = np.zeros(len(found))
    for k in range(FOLDS):
        train = [i for i, (article, _) in enumerate(found) if fold[article] != k]
        test = [i for i, (article, _) in enumerate(found) if fold[article] == k]
        names = vocabulary([rows[i] for i in train])
        w = fit(matrix([rows[i] for i in train], names), y[train], L2)
        out_of_fold[test] = 1 / (1 + np.exp(-matrix([rows[i] for i in test], names) @ w))
    scores = {t: strict_f1(found, out_of_fold, t, gold) for t in [0.0, *THRESHOLDS]}
    threshold = max(THRESHOLDS, key=lambda t: (scores[t]["strict_f1"], -t))

    names = vocabulary(rows)
    w = fit(matrix(rows, names), y, L2)
    model = AttributionModel({n: round(float(v), 5) for n, v in zip(names, w[:-1])}, round(float(w[-1]), 5), threshold)
    args.out.write_text(model.to_json(
        trained_on=args.gold.name,
        articles=len(gold),
        candidates=len(found),
        positives=int(y.sum()),
        cross_validated={"without filter": scores[0.0], "at threshold": scores[threshold]},
    ) + "\n")
    print(f"{len(found)} candidates from {len(gold)} articles; threshold {threshold}; cross-validated strict F1 "
          f"{scores[0.0]['strict_f1']} -> {scores[threshold]['strict_f1']}; wrote {args.out}")


if __name__ == "__main__":
    main()
