"""Quotes and their speakers, against a hand-marked set of news articles.

    python benchmarks/quotes.py [--gold tests/data/quotes.jsonl] [--show]

The gold (``tests/data/quotes.jsonl``, one article a line) marks, in 26 quote-heavy Wikinews and
BBC articles of ``../shared/data/news/``, every quotation and reported statement: its character
span in the article's text, its speaker's name (null where the text never names one: "a
spokesman"), and whether it has a speaker mention of its own (``own``), continues a speaker known
from earlier text (``cont``: a quote paragraph with no cue, a quotation sentence after the
speaker's), or has neither (``orphan``). It was marked by reading the articles, before kgbuild
was run on them.

Predicted quotes are kgbuild's speech attributions with a content (the outlet's own voice and
titles left out). Four figures, those of issue 25:

  found         gold quotes at least half covered by predicted contents;
  precision     predicted quotes at least half covered by gold quotes;
  resolved      of the gold quotes found whose speaker has a name, those whose prediction (the
                one overlapping most) names that speaker (the gold name's last word among the
                actor's words: "Alex Ferguson" is "Sir Alex Ferguson"; or its acronym, "EA");
  continued     of the gold quotes that continue a named speaker known from earlier text, those
                found with that speaker.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from kgbuild.extract import extract, load_pipeline
from kgbuild.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
GOLD = ROOT / "tests" / "data" / "quotes.jsonl"
COVERED = 0.5  # a quote counts as found (or right) when this share of its characters is covered


def covered(span: tuple[int, int], others: list[tuple[int, int]]) -> float:
    """The share of ``span``'s characters that ``others`` cover."""
    start, end = span
    hit = set()
    for o_start, o_end in others:
        hit.update(range(max(start, o_start), min(end, o_end)))
    return len(hit) / max(1, end - start)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower()))


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def names(gold_speaker: str, actor: dict | None) -> bool:
    """Whether a predicted actor names the gold speaker: the gold name's last word is one of the
    actor's, or the actor is the gold name's acronym ("EA" of "Electronic Arts")."""
    if actor is None or actor.get("kind") not in {"person", "organization"}:
        return False
    last = re.findall(r"\w+", gold_speaker.lower())[-1]
    return last in words(actor["name"]) or actor["name"] == initials(gold_speaker) != ""


def predicted_quotes(extraction) -> list[dict]:
    return [
        {"span": (a.content.start, a.content.end), "actor": a.actor and {"name": a.actor.name, "kind": a.actor.kind},
         "text": a.content.text, "cue": a.cue.text}
        for a in extraction.attributions
        if a.cue is not None and a.content is not None and a.speech and not a.in_title
    ]


def score(gold: list[dict], predicted: dict[str, list[dict]], show: bool = False) -> dict:
    counts = {"gold": 0, "found": 0, "predicted": 0, "right": 0, "named": 0, "resolved": 0, "continued": 0,
              "continued_found": 0}
    for article in gold:
        preds = predicted.get(article["article"], [])
        gold_spans = [(q["start"], q["end"]) for q in article["quotes"]]
        for pred in preds:
            counts["predicted"] += 1
            right = covered(pred["span"], gold_spans) >= COVERED
            counts["right"] += right
            if show and not right:
                print(f"  extra  {article['article']}: [{pred['cue']}] {pred['text'][:100]!r}")
        for quote in article["quotes"]:
            span = (quote["start"], quote["end"])
            counts["gold"] += 1
            found = covered(span, [p["span"] for p in preds]) >= COVERED
            counts["found"] += found
            best = max(preds, key=lambda p: overlap(p["span"], span), default=None) if found else None
            named = found and quote["speaker"] is not None
            resolved = named and names(quote["speaker"], best["actor"])
            counts["named"] += named
            counts["resolved"] += resolved
            if quote["mention"] == "cont" and quote["speaker"] is not None:
                counts["continued"] += 1
                counts["continued_found"] += resolved
            if show and (not found or named and not resolved):
                said = best and best["actor"] and best["actor"]["name"]
                what = "missed" if not found else f"speaker {said!r}"
                print(f"  {what}  {article['article']}: {quote['speaker']} ({quote['mention']}) {quote['text'][:90]!r}")
    return {
        "articles": len(gold),
        "found": round(counts["found"] / max(1, counts["gold"]), 3),
        "precision": round(counts["right"] / max(1, counts["predicted"]), 3),
        "resolved": round(counts["resolved"] / max(1, counts["named"]), 3),
        "continued": round(counts["continued_found"] / max(1, counts["continued"]), 3),
        "counts": counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--model", default=None)
    parser.add_argument("--show", action="store_true", help="print the misses, the wrong speakers and the extras")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    wanted = {g["article"] for g in gold}
    articles, _ = ingest([NEWS / "wikinews.jsonl", NEWS / "bbc.jsonl"])
    articles = [a for a in articles if a.id in wanted]
    nlp = load_pipeline(args.model)
    predicted = {e.article.id: predicted_quotes(e) for e in extract(articles, nlp)}
    print(json.dumps(score(gold, predicted, args.show), indent=2))


if __name__ == "__main__":
    main()
