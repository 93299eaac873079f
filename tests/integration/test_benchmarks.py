"""The benchmarks still run against the package as it is now (they call into its internals)."""

import json
import subprocess
import sys

import pytest

from tests.builders import ROOT, SHARED

BENCHMARKS = ROOT / "benchmarks"
# both benchmarks name their synthetic people after the names dev set
pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "names" / "dev.jsonl").exists(), reason="needs ../shared/eval/names")


def run(script: str, *arguments: str) -> dict:
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *arguments], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("claims", [False, True])
def test_the_merge_benchmark_merges_and_exports_synthetic_attributions(claims):
    result = run("scale.py", "merge-one", "3000", "--export", *(["--claims"] if claims else []))
    assert result["attributions"] == 3000
    assert 0 < result["actors"] < 3000
    # actors only: one claim a wording (the asserted and denied ones); with claims, the same wordings
    # grouped (the synthetic ones differ in a number where they differ at all: other propositions)
    assert (result["claims"] < 3000) if claims else (result["claims"] > 2500)
    assert result["triples"] > 10 * 3000 and result["peak_rss_gb"]["export"] > 0


def test_the_names_benchmark_times_one_size_in_its_own_process():
    result = run("names.py", "--one", "2000")
    assert result["cpu"] > 0 and result["wall"] > 0


def test_the_quotes_benchmark_scores_the_hand_marked_articles():
    """benchmarks/quotes.py on tests/data/quotes.jsonl: the figures issue 25 set, kept."""
    result = run("quotes.py")
    assert result["articles"] == 26 and result["counts"]["gold"] == 355
    assert result["found"] >= 0.92 and result["precision"] >= 0.92
    assert result["resolved"] >= 0.88 and result["continued"] >= 0.85
