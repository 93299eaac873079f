from __future__ import annotations

from kgbuild.runtime import chunks
from tests.builders import article


def test_workers_get_the_longest_articles_first_in_chunks_of_bounded_size(monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_CHARACTERS", 100)
    monkeypatch.setattr(chunks, "CHUNK", 3)
    lengths = [5, 250, 40, 60, 1, 30, 30, 2, 7, 99]
    made = chunks.longest_first([article(f"a{n}", "x" * length) for n, length in enumerate(lengths)])
    assert [[len(a.text) for a in chunk] for chunk in made] == [[250], [99], [60, 40], [30, 30, 7], [5, 2, 1]]
