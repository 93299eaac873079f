"""Work on local worker processes: a failing article costs only itself, forked or spawned."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract_isolated
from kgbuild.records import Extraction, Skipped
from kgbuild.runtime.local import fork_is_safe, in_processes
from tests.builders import article, pipeline_failing_on_boom


@pytest.mark.parametrize("start", ["spawned", "forked"])
def test_a_failing_article_in_a_worker_comes_back_skipped_and_the_rest_are_extracted(small_chunks, start):
    if start == "forked" and not fork_is_safe():
        pytest.skip("this test process runs other threads: workers are spawned")
    articles = [article(f"a{n}", text) for n, text in enumerate(["One.", "Two BOOM.", "Three.", "Four.", "Five BOOM."])]
    inherited = pipeline_failing_on_boom() if start == "forked" else None
    outcomes = list(in_processes(articles, extract_isolated, pipeline_failing_on_boom, workers=2,
                                 inherited=inherited and (lambda: inherited)))
    failed = sorted(o.source for o in outcomes if isinstance(o, Skipped))
    extracted = sorted(o.article.id for o in outcomes if isinstance(o, Extraction))
    assert failed == ["a1.txt", "a4.txt"] and extracted == ["a0", "a2", "a3"]
    assert all(o.code == "E019" and "RuntimeError: the test component fails on BOOM" in o.reason
               for o in outcomes if isinstance(o, Skipped))
