"""Draw, with a fixed seed, what a reader judges blind on a built graph, as issue 23 asks:

- ``pairs.jsonl``: one cross-article pair of wordings from each of COUNT_PAIRS random claims
  carried by two or more articles: "same" proposition / "topic" (one subject, another
  proposition) / "other" story;
- ``reworded-pairs.jsonl``: the same, from claims that two outlets carry in different words, one
  such pair each (most pairs of ``pairs.jsonl`` are one wording repeated in a reprint);
- ``laundered.jsonl``: from each of COUNT_LAUNDERED random laundered claims, one of its evidence
  pairs (``kg:restatesAsFact``): a wording an outlet states as fact and a close one another outlet
  attributes or hedges: "real" when both state one proposition and the first is the outlet's own
  unattributed statement;
- ``rejections.jsonl``: COUNT_REJECTIONS random rejection links, each with the claim's wording
  and up to three of the wordings that carry it: "right" when the rejecting statement denies or
  refutes the claim itself.

    python benchmarks/judged_sample.py GRAPH.ttl --out DIR [--seed 23]

Each line holds only texts (wordings, speakers, outlets, evidence): the reader sees nothing of
kgbuild's scores. The counts go to docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

import kgbuild

COUNT_PAIRS, COUNT_LAUNDERED, COUNT_REJECTIONS = 60, 40, 40
PREFIXES = """PREFIX kg: <https://w3id.org/kgbuild/ns#> PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
MEMBERS = PREFIXES + """
SELECT ?c ?a ?content ?evidence ?who ?outlet ?article ?voice ?hedged ?stance WHERE {
  ?c a kg:Claim ; kg:outletCount ?n %s .
  ?a kg:claim ?c ; kg:content ?content ; kg:evidence ?evidence ; kg:article ?article ; kg:hedged ?hedged ;
     kg:stance ?stance ; kg:actor/skos:prefLabel ?who .
  ?article schema:publisher/rdfs:label ?outlet .
  OPTIONAL { ?a kg:ownVoice ?voice }
  FILTER NOT EXISTS { ?a kg:rejects ?other }
}"""
RESTATED = PREFIXES + "SELECT ?c ?a ?b WHERE { ?a kg:restatesAsFact ?b ; kg:claim ?c . }"
LINKS = PREFIXES + """
SELECT ?a ?c ?content ?evidence ?stance ?who ?article ?claim WHERE {
  ?a kg:rejects ?c ; kg:content ?content ; kg:evidence ?evidence ; kg:stance ?stance ;
     kg:actor/skos:prefLabel ?who ; kg:article ?article .
  ?c schema:text ?claim . }"""


def side(row) -> dict:
    return {"text": str(row.content), "said_by": None if row.voice is not None else str(row.who),
            "outlet": str(row.outlet), "hedged": row.hedged.toPython(), "evidence": str(row.evidence)[:400]}


def members_by_claim(graph, condition: str = "") -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for row in graph.query(MEMBERS % condition):
        found[str(row.c)].append(row)
    return {c: sorted(rows, key=lambda r: str(r.a)) for c, rows in sorted(found.items())}


def claim_pairs(graph, rng: random.Random, reworded_across_outlets: bool = False) -> list[dict]:
    """One pair of wordings from different articles of each of COUNT_PAIRS random claims; with
    ``reworded_across_outlets``, of different outlets and worded differently (claims that hold such
    a pair only): most pairs of the first sample are one outlet's wording repeated in a reprint."""

    def eligible(a, b) -> bool:
        if a.article == b.article:
            return False
        return not reworded_across_outlets or (
            str(a.outlet) != str(b.outlet) and str(a.content).strip().lower() != str(b.content).strip().lower())

    candidates = {c: [(a, b) for x, a in enumerate(rows) for b in rows[x + 1:] if eligible(a, b)]
                  for c, rows in members_by_claim(graph).items()}
    claims = {c: pairs for c, pairs in candidates.items() if pairs}
    drawn = []
    for c in rng.sample(sorted(claims), min(COUNT_PAIRS, len(claims))):
        a, b = rng.choice(claims[c])
        drawn.append({"claim": c, "a": side(a), "b": side(b)})
    return drawn


def reworded_pairs(graph, rng: random.Random) -> list[dict]:
    return claim_pairs(graph, rng, reworded_across_outlets=True)


def laundered(graph, rng: random.Random) -> list[dict]:
    """From each of COUNT_LAUNDERED random laundered claims, one of the pairs the graph gives as the
    evidence (``kg:restatesAsFact``): what the page shows a reader of the flag."""
    by_attribution = {str(r.a): r for rows in members_by_claim(graph, "; kg:laundered true").values() for r in rows}
    pairs: dict[str, list] = defaultdict(list)
    for row in graph.query(RESTATED):
        pairs[str(row.c)].append((by_attribution[str(row.a)], by_attribution[str(row.b)]))
    drawn = []
    for c in rng.sample(sorted(pairs), min(COUNT_LAUNDERED, len(pairs))):
        fact, other = rng.choice(sorted(pairs[c], key=lambda pair: (str(pair[0].a), str(pair[1].a))))
        drawn.append({"claim": c, "as_fact": side(fact), "attributed_or_hedged": side(other)})
    return drawn


def rejections(graph, rng: random.Random) -> list[dict]:
    links = sorted(graph.query(LINKS), key=lambda r: (str(r.a), str(r.c)))
    claims = members_by_claim(graph)
    drawn = []
    for link in rng.sample(links, min(COUNT_REJECTIONS, len(links))):
        wordings = [{"text": str(r.content), "said_by": None if r.voice is not None else str(r.who),
                     "outlet": str(r.outlet)} for r in claims.get(str(link.c), [])[:3]]
        drawn.append({"rejecting": {"text": str(link.content), "said_by": str(link.who),
                                    "stance": str(link.stance).rsplit("#", 1)[1], "evidence": str(link.evidence)[:400]},
                      "claim": str(link.claim), "claim_wordings": wordings})
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()
    graph = kgbuild.load_graph(args.graph)
    args.out.mkdir(parents=True, exist_ok=True)
    draws = (("pairs", claim_pairs), ("reworded-pairs", reworded_pairs), ("laundered", laundered), ("rejections", rejections))
    for name, draw in draws:
        drawn = draw(graph, random.Random(args.seed))
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as stream:
            for n, item in enumerate(drawn, 1):
                stream.write(json.dumps({"id": n, **item}, ensure_ascii=False) + "\n")
        print(f"{name}: {len(drawn)} drawn -> {args.out / (name + '.jsonl')}")


if __name__ == "__main__":
    main()
