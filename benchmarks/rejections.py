"""Draw rejection links at random from a built graph and print what a reader needs to judge each:
the rejecting attribution (stance, actor, content, evidence) and the claim it rejects, with up to
three of the claim's wordings (and whether one is in the same article).

    python benchmarks/rejections.py GRAPH.ttl [--count 40] [--seed 11]

Judging is by reading: a link is right when the content denies or refutes the claim itself.
"""

from __future__ import annotations

import argparse
import random

import kgbuild

LINKS = """
PREFIX kg: <https://w3id.org/kgbuild/ns#> PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?a ?c ?content ?evidence ?stance ?who ?claim ?article WHERE {
  ?a kg:rejects ?c ; kg:content ?content ; kg:evidence ?evidence ; kg:stance ?stance ;
     kg:actor/skos:prefLabel ?who ; kg:article ?article .
  ?c schema:text ?claim . }"""
MEMBERS = """
PREFIX kg: <https://w3id.org/kgbuild/ns#>
SELECT ?wording ?article WHERE {{ ?m kg:claim <{claim}> ; kg:content ?wording ; kg:article ?article .
                                  FILTER NOT EXISTS {{ ?m kg:rejects ?other }} }} LIMIT 3"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    graph = kgbuild.load_graph(args.graph)
    links = list(graph.query(LINKS))
    print(f"{len(links)} rejection links; {min(args.count, len(links))} drawn with seed {args.seed}\n")
    random.seed(args.seed)
    for n, link in enumerate(sorted(random.sample(links, min(args.count, len(links))), key=lambda r: str(r.a)), 1):
        print(f"## {n}. [{str(link.stance).rsplit('#', 1)[1]}] {link.who}: {link.content}")
        print(f"   evidence: {str(link.evidence)[:300]}")
        print(f"   rejects: {link.claim}")
        for wording, article in graph.query(MEMBERS.format(claim=link.c)):
            same = " (same article)" if article == link.article else ""
            print(f"     wording{same}: {str(wording)[:200]}")


if __name__ == "__main__":
    main()
