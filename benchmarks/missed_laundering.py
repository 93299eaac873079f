"""What the laundered flag may miss on a many-story corpus: the COUNT pairs most alike (by the
claim merge's similarity) of a wording one outlet states as fact in its own voice and one another
outlet attributes or hedges, each among the other's NEIGHBOURS nearest by meaning, whatever claim
they were put in, for a reader to judge blind as ``judged_sample.py``'s laundered.jsonl is judged:
"real" when both state one proposition and the first is the outlet's own unattributed statement.

    python benchmarks/missed_laundering.py CORPUS... --out DIR [--cache DIR] [--count 40]

Writes DIR/missed-laundering.jsonl (only texts: no scores) and prints how many of the pairs sit in
a claim flagged laundered. Where the graph flags no claim, the judged count bounds what it misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from kgbuild.ingest import ingest
from kgbuild.merge.claims import keeps_distance, states_as_fact
from kgbuild.merge.claims.clustering import cluster_claims
from kgbuild.merge.claims.vectors import exact_nearest_pairs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
from train_proposition_model import similarity_of  # noqa: E402


def side(attribution, outlet: str) -> dict:
    said_by = None if attribution.voice is not None else attribution.actor.name if attribution.actor else None
    return {"text": attribution.wording, "said_by": said_by, "outlet": outlet, "hedged": attribution.hedged,
            "evidence": attribution.evidence.text[:400]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=ROOT / ".training-cache")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles, _ = ingest(args.corpus)
    outlet = {a.id: a.outlet or a.id for a in articles}
    candidates, similarity, encoder = similarity_of(args.corpus, args.cache, args.workers, articles)
    usable = similarity.long_enough
    facts = [i for i, a in enumerate(candidates) if states_as_fact(a) and usable[i]]
    qualified = [i for i, a in enumerate(candidates) if keeps_distance(a) and usable[i]]
    near = exact_nearest_pairs(similarity.meanings[np.array(facts)], similarity.meanings[np.array(qualified)],
                               facts, qualified)
    pairs = sorted((f, q) for f, q in near if outlet[candidates[f].article] != outlet[candidates[q].article])
    scores = similarity.similarities(np.array([min(p) for p in pairs]), np.array([max(p) for p in pairs]), people=True)
    most_alike = np.argsort(-scores, kind="stable")[: args.count]
    chosen = [pairs[k] for k in most_alike]
    clustering = cluster_claims(candidates, similarity.vector_of, encoder, similarity)
    flagged = sum((min(f, q), max(f, q)) in clustering.close for f, q in chosen)
    encoder.close()
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "missed-laundering.jsonl", "w", encoding="utf-8") as stream:
        for n, (f, q) in enumerate(chosen, 1):
            stream.write(json.dumps({"id": n, "as_fact": side(candidates[f], outlet[candidates[f].article]),
                                     "attributed_or_hedged": side(candidates[q], outlet[candidates[q].article])},
                                    ensure_ascii=False) + "\n")
    lowest = float(scores[most_alike[-1]]) if chosen else 0.0
    print(f"the {len(chosen)} most alike of {len(pairs)} cross-outlet pairs (similarity {lowest:.2f} and up), "
          f"{flagged} of them laundered by the merge -> {args.out / 'missed-laundering.jsonl'}")


if __name__ == "__main__":
    main()
