"""The claim threshold study of training/ (issue 23): each fold's headlines scored among themselves,
alone and mixed into a corpus."""

from __future__ import annotations

import sys

from tests.builders import ROOT

sys.path.insert(0, str(ROOT / "training"))

from claim_folds import fold_scores  # noqa: E402

# ten claims of two headlines each, folds 0-4 two claims each; one claim node shared with a corpus article
GOLD = [{"claim_id": f"c{k}", "articles": [{"id": f"{k}a", "stance": "for", "outlet": "a.com"},
                                          {"id": f"{k}b", "stance": "observing", "outlet": "b.com"}]}
        for k in range(10)]
FOLD_OF = {f"c{k}": k % 5 for k in range(10)}
PREDICTED = [{"id": f"{k}{side}", "cluster": f"n{k}"} for k in range(10) for side in "ab"]
RECORDS = [{"article": "bbc/1", "claim": "n3", "stance": "asserts"}]


def test_each_fold_scores_its_own_headlines_and_only_the_mixed_one_sees_the_corpus():
    alone = fold_scores(GOLD, PREDICTED, RECORDS, {"n0", "n1", "n2"}, FOLD_OF, mixed=False)
    assert [row["bcubed_f1"] for row in alone] == [1.0] * 5 and "mixed_bcubed_precision" not in alone[0]
    # n0, n1 and n2 flagged, each right: one of the two claims of folds 0, 1 and 2
    assert [row["laundered_recall"] for row in alone] == [0.5, 0.5, 0.5, 0.0, 0.0]
    assert [row["laundered_precision"] for row in alone] == [1.0, 1.0, 1.0, 0.0, 0.0]
    mixed = fold_scores(GOLD, PREDICTED, RECORDS, set(), FOLD_OF, mixed=True)
    # fold 3 holds c3 (its node also carries a corpus article: 2 of 3 for each headline) and c8
    assert [row["mixed_bcubed_precision"] for row in mixed] == [1.0, 1.0, 1.0, round((2 / 3 * 2 + 2) / 4, 3), 1.0]
