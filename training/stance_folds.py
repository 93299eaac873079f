"""Headline stance on Emergent dev, 5 folds by claim (issue 23): the fold table of a run, and the
study of a trained carriage model against the rules.

    kgbuild eval-claims ../shared/eval/claims/dev.jsonl --out /tmp/claims
    python training/stance_folds.py score ../shared/eval/claims/dev.jsonl /tmp/claims/attributions.jsonl
    python training/stance_folds.py model [--gold ../shared/eval/claims/dev.jsonl]

Folds: dev's claims sorted, shuffled by ``random.Random(7)``, the n-th in fold n % 5 (as the other
fold figures of docs/evaluation.md); each fold's headlines are scored among themselves, with
accuracy and macro F1 over the three gold classes as ``shared/eval/claims/stance.py`` computes
them (a headline without attributions is "none", counted wrong); sd over the folds is the
population sd, as in the earlier tables.

``score`` reads a run's attributions.jsonl as ``stance.py`` does and prints each fold's accuracy
and macro F1, their mean and sd, the whole-dev figures and the confusion table.

``model`` runs kgbuild's extraction on every headline as a one-line article and cross-validates
``carriage.CarriageModel`` (one-vs-rest logistic regressions over the rules' reading and the
headline's traits, ``carriage.features``) for each L2 and margin: trained on four folds, the fifth
read as the pipeline would read it (the model's class where it beats the rules' by the margin, as
far as ``carriage.carried`` can change the headline's attributions). The rules' own reading is
simulated from the extraction (a negated statement counts as the denial the merge makes of it);
it matches a real run on all but a few headlines. About a minute. Deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from carriage import CLASSES, CarriageModel, achievable, features, in_headline, rule_reading
from kgbuild.logistic import fit
from train_attribution_model import matrix

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "claims" / "dev.jsonl"
FOLDS, SEED, MIN_COUNT = 5, 7, 3
L2S = (0.3, 1.0, 3.0, 10.0)
MARGINS = (0.0, 0.1, 0.2, 0.3)


def headlines(gold_path: Path) -> list[dict]:
    """Every headline with its claim and label, in the gold file's order."""
    rows = []
    for line in open(gold_path, encoding="utf-8"):
        claim = json.loads(line)
        for item in claim["articles"]:
            rows.append({"id": item["id"], "claim": claim["claim_id"], "text": item["headline"], "label": item["stance"]})
    return rows


def folds(rows: list[dict]) -> dict[str, int]:
    """Each claim's fold."""
    claims = sorted({r["claim"] for r in rows})
    return {c: n % FOLDS for n, c in enumerate(random.Random(SEED).sample(claims, len(claims)))}


def scores(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """Accuracy and macro F1 over the three gold classes (``stance.py``'s)."""
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    f1s = []
    for c in CLASSES:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted))
        wrong = sum((g == c) != (p == c) for g, p in zip(gold, predicted))
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return accuracy, sum(f1s) / len(f1s)


def by_fold(rows: list[dict], predicted: list[str]) -> dict:
    fold = folds(rows)
    per_fold = []
    for k in range(FOLDS):
        inside = [i for i, r in enumerate(rows) if fold[r["claim"]] == k]
        per_fold.append(scores([rows[i]["label"] for i in inside], [predicted[i] for i in inside]))
    accuracy, macro = np.array(per_fold).T
    whole = scores([r["label"] for r in rows], predicted)
    return {"accuracy": round(float(accuracy.mean()), 3), "accuracy sd": round(float(accuracy.std()), 3),
            "macro F1": round(float(macro.mean()), 3), "macro F1 sd": round(float(macro.std()), 3),
            "folds accuracy": [round(float(a), 3) for a in accuracy],
            "folds macro F1": [round(float(m), 3) for m in macro],
            "whole dev": {"accuracy": round(whole[0], 3), "macro F1": round(whole[1], 3)}}


def confusion(rows: list[dict], predicted: list[str]) -> str:
    table = Counter((r["label"], p) for r, p in zip(rows, predicted))
    columns = [*CLASSES, "none"]
    lines = ["gold \\ read   " + "".join(f"{c:>10}" for c in columns)]
    lines += [f"{g:>12}  " + "".join(f"{table[(g, c)]:>10}" for c in columns) for g in CLASSES]
    return "\n".join(lines)


def report(name: str, result: dict) -> str:
    return (f"{name}: accuracy {result['accuracy']} (sd {result['accuracy sd']}; {' '.join(map(str, result['folds accuracy']))}) "
            f"macro F1 {result['macro F1']} (sd {result['macro F1 sd']}; {' '.join(map(str, result['folds macro F1']))}); "
            f"whole dev {result['whole dev']['accuracy']} / {result['whole dev']['macro F1']}")


def stance_label(records: list[dict]) -> str:
    """A headline's label from its attribution records, as ``stance.py`` reads them."""
    if not records:
        return "none"
    stances = [str(r.get("stance") or "").lower() for r in records]
    if any(s in {"denies", "refutes"} for s in stances):
        return "against"
    if any(r.get("voice") is None and r.get("source") is not None for r in records):
        return "observing"
    if any(r.get("hedged") or s == "questions" for r, s in zip(records, stances)):
        return "observing"
    return "for"


def score_command(args) -> None:
    rows = headlines(args.gold)
    per: dict[str, list[dict]] = defaultdict(list)
    for line in open(args.attributions, encoding="utf-8"):
        record = json.loads(line)
        per[record["article"]].append(record)
    predicted = [stance_label(per.get(r["id"], [])) for r in rows]
    print(report("headline stance", by_fold(rows, predicted)))
    print(confusion(rows, predicted))


def read_by_rules(rows: list[dict]) -> list[tuple[dict[str, float], list]]:
    """(traits, the rules' attributions of the headline) of each row."""
    from kgbuild.extract import load_pipeline
    from kgbuild.extract.voice import placements

    nlp = load_pipeline()

    def docs():
        for row in rows:
            doc = nlp.make_doc(row["text"])
            doc._.article_id, doc._.in_title, doc._.titled = row["id"], False, False
            yield doc

    result = []
    for doc in nlp.pipe(docs(), batch_size=64):
        headline = next((s for s, p in placements(doc, False) if p == "headline"), None)
        found = [a for a in list(doc._.attributions or []) + list(doc._.own_voice or [])
                 if headline is not None and in_headline(headline, a)]
        result.append((features(headline, found) if headline is not None else {}, found))
    return result


def vocabulary(rows: list[dict[str, float]]) -> list[str]:
    counts = Counter(name for row in rows for name, value in row.items() if value)
    return sorted(name for name, n in counts.items() if n >= MIN_COUNT)


def train(traits: list[dict[str, float]], labels: list[str], l2: float, margin: float) -> CarriageModel:
    names = vocabulary(traits)
    X = matrix(traits, names)
    weights, bias = {}, {}
    for c in CLASSES:
        w = fit(X, np.array([label == c for label in labels], dtype=float), l2)
        weights[c] = {n: round(float(v), 5) for n, v in zip(names, w[:-1])}
        bias[c] = round(float(w[-1]), 5)
    return CarriageModel(weights, bias, margin)


def read(model: CarriageModel | None, traits: dict[str, float], found: list) -> str:
    if not found:
        return "none"
    rules = rule_reading(found)
    return rules if model is None else achievable(model.reading(traits, rules), found)


def out_of_fold(rows, read_rows, l2: float | None, margin: float) -> list[str]:
    """Each headline's reading by a model trained on the other folds (``l2`` None: the rules alone)."""
    fold = folds(rows)
    predicted = [""] * len(rows)
    for k in range(FOLDS):
        train_rows = [i for i, r in enumerate(rows) if fold[r["claim"]] != k]
        model = None if l2 is None else train([read_rows[i][0] for i in train_rows],
                                               [rows[i]["label"] for i in train_rows], l2, margin)
        for i, r in enumerate(rows):
            if fold[r["claim"]] == k:
                predicted[i] = read(model, *read_rows[i])
    return predicted


def model_command(args) -> None:
    rows = headlines(args.gold)
    read_rows = read_by_rules(rows)
    rules = out_of_fold(rows, read_rows, None, 0.0)
    print(report("rules alone", by_fold(rows, rules)))
    print(confusion(rows, rules))
    results = {}
    for l2 in L2S:
        for margin in MARGINS:
            predicted = out_of_fold(rows, read_rows, l2, margin)
            results[(l2, margin)] = (by_fold(rows, predicted), predicted)
            print(report(f"model L2 {l2} margin {margin}", results[(l2, margin)][0]))
    best = max(results, key=lambda k: results[k][0]["accuracy"] + results[k][0]["macro F1"])
    print(f"best by fold mean: L2 {best[0]} margin {best[1]}")
    print(confusion(rows, results[best][1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="a run's fold table")
    score.add_argument("gold", type=Path)
    score.add_argument("attributions", type=Path)
    model = commands.add_parser("model", help="cross-validate the carriage model against the rules")
    model.add_argument("--gold", type=Path, default=DEV)
    args = parser.parse_args()
    (score_command if args.command == "score" else model_command)(args)


if __name__ == "__main__":
    main()
