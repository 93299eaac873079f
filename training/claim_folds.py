"""A claim threshold chosen by cross-validation on Emergent dev, 5 folds by claim (the folds of
``stance_folds``): the average link's (``clustering.ASSERT_THRESHOLD``, by B-cubed F1) or the
laundered flag's (``clustering.LAUNDER_THRESHOLD``, by laundered F1), optionally with dev's
headlines mixed into a many-story corpus as the held-back check of issue 23 mixes them:

    python training/claim_folds.py [--threshold assert|launder] [--mix CORPUS...] [--thresholds 0.3,0.35,0.4] [--cache DIR]

For each threshold the whole pipeline runs over dev's headlines (and the corpus) as
``kgbuild eval-claims`` runs them; each fold's headlines are scored among themselves (claim
B-cubed F1, rejection F1, laundered precision, recall and F1, and with ``--mix`` the B-cubed
precision that counts the corpus articles in a headline's claim as wrong members). Then, for each
fold, the threshold best on the other four folds' mean figure is read on that fold: the mean and
sd of those five figures are what a threshold chosen this way scores on claims it did not see.
Extractions and vectors are cached (``--cache``), so a threshold costs one merge.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from unittest import mock

import numpy as np

from kgbuild.evaluation.claims import laundering_score, mixed_score, run_claims, score
from kgbuild.extract import load_pipeline
from kgbuild.merge.claims import clustering
from kgbuild.runtime import available_cores
from stance_folds import DEV, FOLDS, folds, headlines

FIGURES = ("bcubed_f1", "rejection_f1", "laundered_precision", "laundered_recall", "laundered_f1", "mixed_bcubed_precision")
CHOSEN_BY = {"assert": ("ASSERT_THRESHOLD", "bcubed_f1"), "launder": ("LAUNDER_THRESHOLD", "laundered_f1")}


def fold_scores(gold: list[dict], predicted: list[dict], records: list[dict], laundered: set[str],
                fold_of: dict[str, int], mixed: bool) -> list[dict]:
    """Each fold's figures, its headlines scored among themselves."""
    result = []
    for k in range(FOLDS):
        part = [claim for claim in gold if fold_of[claim["claim_id"]] == k]
        figures = score(part, predicted) | laundering_score(part, predicted, laundered)
        if mixed:
            figures |= mixed_score(part, predicted, records)
        result.append(figures)
    return result


def run(gold_path: Path, setting: str, threshold: float, mixed_with: list[Path], cache: Path, nlp, fold_of) -> list[dict]:
    with mock.patch.object(clustering, setting, threshold), tempfile.TemporaryDirectory() as out:
        done = run_claims(gold_path, out, mixed_with, nlp=nlp, cache=cache, workers=available_cores())
    return fold_scores(done.gold, done.predicted, done.records, done.laundered, fold_of, bool(mixed_with))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", choices=sorted(CHOSEN_BY), default="assert")
    parser.add_argument("--gold", type=Path, default=DEV)
    parser.add_argument("--mix", nargs="*", type=Path, default=[])
    parser.add_argument("--thresholds", default="0.3,0.325,0.35,0.375,0.4,0.425,0.45")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kgbuild-claim-folds")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    fold_of = folds(headlines(args.gold))
    nlp = load_pipeline()
    setting, chosen_by = CHOSEN_BY[args.threshold]
    table = {t: run(args.gold, setting, t, args.mix, args.cache, nlp, fold_of) for t in thresholds}
    figures = [f for f in FIGURES if f in table[thresholds[0]][0]]
    for t in thresholds:
        cells = "  ".join(f"{f} {np.mean([row[f] for row in table[t]]):.3f} (sd {np.std([row[f] for row in table[t]]):.3f})"
                          for f in figures)
        print(f"threshold {t}: {cells}")
    chosen, held_out = [], {f: [] for f in figures}
    for k in range(FOLDS):
        best = max(thresholds, key=lambda t: (np.mean([table[t][j][chosen_by] for j in range(FOLDS) if j != k]), -t))
        chosen.append(best)
        for f in figures:
            held_out[f].append(table[best][k][f])
    print("chosen on the other folds:", chosen)
    print("out of fold:", "  ".join(f"{f} {np.mean(v):.3f} (sd {np.std(v):.3f})" for f, v in held_out.items()))


if __name__ == "__main__":
    main()
