"""Claim nodes against Emergent-style gold (``../shared/eval/claims/``): headlines of many outlets
about rumoured claims, each labelled for / observing / against its claim.

Every headline goes through the whole pipeline as a one-line article from its outlet; each
headline's prediction is the claim node of what it states or reports, and the claim nodes it
rejects. Scored as ``shared/eval/claims/README.md`` defines it:

- clustering: B-cubed precision, recall and F1 over the for and observing headlines, the gold
  cluster being the claim;
- rejection: an against headline is right when it rejects a claim node that some for / observing
  headline of its claim was put in; precision over every predicted rejection (of the headlines
  whose claim has a for / observing headline), recall over those against headlines.

- laundering: a claim node flagged laundered is right when it holds a headline its outlet states as
  fact ("for") and one another outlet only reports ("observing"), both of one claim: the
  journalists' stances showing the claim turned from someone's report into an outlet's fact.
  Recall over the claims that have such a pair of headlines.

Mixed into a many-story corpus (``mixed_with``), the headlines must also stay apart from the
corpus's claims: ``mixed_score`` counts every corpus article a headline's claim node takes in as a
wrong member (the corpus's stories are not the rumours), and the corpus's rejections that land on
the headlines' claims.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from ..export.atomic import write_atomically
from ..graph import KG, load_graph
from ..merge.claims import REJECTING
from ..pipeline import build


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def headline_articles(gold: list[dict]) -> list[dict]:
    """One article per headline: its id, its outlet and the headline as its whole text."""
    return [
        {"id": item["id"], "text": item["headline"], "outlet": item.get("outlet"), "url": item.get("url")}
        for claim in gold
        for item in claim["articles"]
    ]


def predictions(attribution_records: list[dict]) -> list[dict]:
    """Per article: the claim of its longest non-rejecting statement (else of its rejection), and
    every claim its rejections reject."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for record in attribution_records:
        if record.get("claim"):
            by_article[record["article"]].append(record)
    result = []
    for article, records in sorted(by_article.items()):
        def length(r):
            return (r["content"]["end"] - r["content"]["start"]) if r.get("content") else 0

        stating = [r for r in records if r["stance"] not in REJECTING]
        main = max(stating or records, key=lambda r: (length(r), r["claim"]))
        rejects = sorted({claim for r in records for claim in r.get("rejects", [])})
        result.append({"id": article, "cluster": main["claim"], "rejects": rejects})
    return result


def first_with_text(articles: list[dict]) -> dict[str, str]:
    """Each article's id -> the id of the first article with its text (its own, when it is the
    first): the headline a copy skipped as the same text (E006) stands for."""
    first: dict[str, str] = {}
    return {a["id"]: first.setdefault(a["text"], a["id"]) for a in articles}


def with_duplicates(predicted: list[dict], articles: list[dict]) -> list[dict]:
    """A headline skipped as the same text as an earlier one (E006) gets that one's prediction."""
    by_id = {p["id"]: p for p in predicted}
    first = first_with_text(articles)
    copies = [{**by_id[first[a["id"]]], "id": a["id"]} for a in articles if a["id"] not in by_id and first[a["id"]] in by_id]
    return predicted + copies


def duplicate_records(records: list[dict], articles: list[dict]) -> list[dict]:
    """The attribution records a headline skipped as the same text as an earlier one (E006)
    would have had: that one's, under the copy's id, so ``stance.py`` reads the copy as it reads
    the headline it copies (as ``with_duplicates`` gives it that one's prediction)."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_article[record["article"]].append(record)
    first = first_with_text(articles)
    return [
        {**record, "article": a["id"]}
        for a in articles
        if a["id"] not in by_article
        for record in by_article.get(first[a["id"]], [])
    ]


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(correct: float, predicted: float, found: float, total: float) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = found / total if total else 0.0
    return precision, recall, harmonic(precision, recall)


def headline_clusters(gold: list[dict], predicted: list[dict]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Each headline's claim, its stance, and the claim node it was put in (one of its own when
    it has no prediction)."""
    claim_of, stance_of = {}, {}
    for claim in gold:
        for item in claim["articles"]:
            claim_of[item["id"]], stance_of[item["id"]] = claim["claim_id"], item["stance"]
    cluster = {p["id"]: json.dumps(p["cluster"]) for p in predicted if p["id"] in claim_of}
    for item in claim_of:
        cluster.setdefault(item, json.dumps(["alone", item]))
    return claim_of, stance_of, cluster


def score(gold: list[dict], predicted: list[dict]) -> dict:
    """B-cubed clustering and rejection scores (a headline without a prediction is a cluster of its own)."""
    claim_of, stance_of, cluster = headline_clusters(gold, predicted)
    rejects = {p["id"]: {json.dumps(r) for r in p.get("rejects", [])} for p in predicted if p["id"] in claim_of}
    for item in claim_of:
        rejects.setdefault(item, set())
    stating = [i for i in claim_of if stance_of[i] != "against"]
    in_cluster, in_claim = defaultdict(set), defaultdict(set)
    for i in stating:
        in_cluster[cluster[i]].add(i)
        in_claim[claim_of[i]].add(i)
    shared = {i: len(in_cluster[cluster[i]] & in_claim[claim_of[i]]) for i in stating}
    precision = sum(shared[i] / len(in_cluster[cluster[i]]) for i in stating) / len(stating)
    recall = sum(shared[i] / len(in_claim[claim_of[i]]) for i in stating) / len(stating)
    f1 = harmonic(precision, recall)
    labels = defaultdict(set)
    for i in stating:
        labels[claim_of[i]].add(cluster[i])
    anchored = [i for i in claim_of if stance_of[i] == "against" and labels[claim_of[i]]]
    counted = [i for i in claim_of if not (stance_of[i] == "against" and not labels[claim_of[i]])]
    predicted_count = sum(len(rejects[i]) for i in counted)
    correct = sum(len(rejects[i] & labels[claim_of[i]]) for i in anchored)
    hit = sum(bool(rejects[i] & labels[claim_of[i]]) for i in anchored)
    r_precision, r_recall, r_f1 = prf(correct, predicted_count, hit, len(anchored))
    return {
        "headlines": len(claim_of),
        "claims": len(gold),
        "clusters": len({cluster[i] for i in stating}),
        "bcubed_precision": round(precision, 3),
        "bcubed_recall": round(recall, 3),
        "bcubed_f1": round(f1, 3),
        "rejection_precision": round(r_precision, 3),
        "rejection_recall": round(r_recall, 3),
        "rejection_f1": round(r_f1, 3),
        "rejections_predicted": predicted_count,
        "against_anchored": len(anchored),
    }


def laundering_score(gold: list[dict], predicted: list[dict], laundered: set[str]) -> dict:
    """How far the laundered flag holds against the journalists' stances: a laundered claim node
    (of those with a headline) is right when it holds a "for" headline and an "observing" one of
    another outlet, of one claim; recall over the claims that have such a pair."""
    claim_of, stance_of, cluster = headline_clusters(gold, predicted)
    outlet_of = {item["id"]: item.get("outlet") for claim in gold for item in claim["articles"]}

    def launders(headlines: list[str]) -> set[str]:
        """The claims of which these headlines hold a "for" and an "observing" of another outlet."""
        return {claim_of[f] for f in headlines for o in headlines if stance_of[f] == "for"
                and stance_of[o] == "observing" and claim_of[f] == claim_of[o] and outlet_of[f] != outlet_of[o]}

    members: dict[str, list[str]] = defaultdict(list)
    for i in sorted(claim_of):
        members[cluster[i]].append(i)
    flagged = {node: launders(members[node]) for node in sorted({json.dumps(n) for n in laundered} & set(members))}
    gold_laundered = {c["claim_id"] for c in gold if launders([item["id"] for item in c["articles"]])}
    found = set().union(*flagged.values()) if flagged else set()
    precision, recall, f1 = prf(sum(bool(c) for c in flagged.values()), len(flagged), len(found), len(gold_laundered))
    return {"laundered_predicted": len(flagged), "laundered_precision": round(precision, 3),
            "laundered_recall": round(recall, 3), "laundered_f1": round(f1, 3), "laundered_gold": len(gold_laundered)}


def mixed_score(gold: list[dict], predicted: list[dict], records: list[dict]) -> dict:
    """How far the headlines' claim nodes stay apart from a corpus run with them: B-cubed
    precision over the for and observing headlines with every corpus article of a headline's
    claim node counted as a member of another claim; how many headlines share a node with the
    corpus, and how many corpus articles are in such nodes; how many of the corpus's
    rejections reject a node of the headlines."""
    claim_of, stance_of, cluster = headline_clusters(gold, predicted)
    stating = [i for i in claim_of if stance_of[i] != "against"]
    corpus_articles: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if record["article"] not in claim_of and record.get("claim"):
            corpus_articles[json.dumps(record["claim"])].add(record["article"])
    headlines: dict[str, list[str]] = defaultdict(list)
    for i in sorted(stating):
        headlines[cluster[i]].append(i)
    precision = sum(
        sum(claim_of[j] == claim_of[i] for j in members) / (len(members) + len(corpus_articles[node]))
        for node, members in headlines.items() for i in members) / len(stating)
    taken = {node for node in headlines if corpus_articles[node]}
    rejecting = [r for r in records if r["article"] not in claim_of
                 and any(json.dumps(target) in headlines for target in r.get("rejects", []))]
    return {
        "mixed_bcubed_precision": round(precision, 3),
        "headlines_sharing_a_claim_with_the_corpus": sum(len(headlines[node]) for node in taken),
        "corpus_articles_in_their_claims": len(set().union(*(corpus_articles[node] for node in taken))),
        "corpus_rejections_of_their_claims": len(rejecting),
    }


def laundered_claims(graph_path: Path) -> set[str]:
    """The claim nodes a built graph flags laundered."""
    graph = load_graph(graph_path)
    return {str(row[0]) for row in graph.query(f"SELECT ?c WHERE {{ ?c <{KG.laundered}> true }}")}


class ClaimRun(NamedTuple):
    """What a run over the gold file's headlines gives to score: the gold claims, each headline's
    prediction, the attribution records and the claim nodes flagged laundered."""

    gold: list[dict]
    predicted: list[dict]
    records: list[dict]
    laundered: set[str]


def run_claims(gold_path: str | Path, out: str | Path, mixed_with: list[Path] = (), **build_options) -> ClaimRun:
    """Run the pipeline over the gold file's headlines (with the articles of ``mixed_with``, a
    many-story corpus, when given) into ``out``, and write the predictions to
    ``out/claims-predictions.jsonl`` for the reference scorer. A headline the pipeline skipped as a
    copy gets its first copy's attribution records in ``out/attributions.jsonl`` too, for the
    stance scorer."""
    gold, out = read_jsonl(gold_path), Path(out)
    headlines = headline_articles(gold)
    write_atomically(out / "headlines.jsonl", "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in headlines))
    build([out / "headlines.jsonl", *mixed_with], out=out, html=False, **build_options)
    records = read_jsonl(out / "attributions.jsonl")
    if copies := duplicate_records(records, headlines):
        write_atomically(out / "attributions.jsonl", "".join(
            json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records + copies))
    predicted = with_duplicates(predictions(records), headlines)
    gold_ids = {a["id"] for a in headlines}
    write_atomically(out / "claims-predictions.jsonl", "".join(json.dumps(p) + "\n" for p in predicted if p["id"] in gold_ids))
    return ClaimRun(gold, predicted, records, laundered_claims(out / "graph.ttl"))


def evaluate_claims(gold_path: str | Path, out: str | Path, mixed_with: list[Path] = (),
                    **build_options) -> tuple[dict, list[dict]]:
    """``run_claims``, scored: the scores (``mixed_score``'s too when mixed) and the predictions."""
    gold, predicted, records, laundered = run_claims(gold_path, out, mixed_with, **build_options)
    scores = score(gold, predicted) | laundering_score(gold, predicted, laundered)
    if mixed_with:
        scores |= mixed_score(gold, predicted, records)
    return scores, predicted
