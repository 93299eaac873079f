"""Which engine runs the per-article work, chosen per run: this process, ``workers`` local
processes (``local``), or a running Dask cluster (``cluster``), with the same results.

The work is a picklable function from a chunk of articles and a spaCy pipeline to their
outcomes (``Work``): for each article its ``Extraction``, or ``Skipped`` with the code of what
went wrong, so that only the article at fault is lost.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from ..records import Article, Outcome
from .chunks import chunked, processes_for
from .local import Loader, Work, in_processes

if TYPE_CHECKING:
    from spacy.language import Language


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def in_this_process(articles: Sequence[Article], work: Work, nlp: Language) -> Iterator[Outcome]:
    for chunk in chunked(articles):
        yield from work(chunk, nlp)


class Counted:
    """Outcomes as they arrive, one an article, with their number known beforehand: a progress
    bar shows how far it is over all workers."""

    def __init__(self, outcomes: Iterator[Outcome], count: int):
        self.outcomes, self.count = outcomes, count

    def __iter__(self) -> Iterator[Outcome]:
        return self.outcomes

    def __len__(self) -> int:
        return self.count


def run_each(
    articles: Sequence[Article], work: Work, load: Loader, nlp: Callable[[], Language], workers: int = 1,
    scheduler: str | None = None,
) -> Counted:
    """``work`` over ``articles`` on the engine for this run (``engine``), counted."""
    return Counted(engine(articles, work, load, nlp, workers, scheduler), len(articles))


def engine(
    articles: Sequence[Article], work: Work, load: Loader, nlp: Callable[[], Language], workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """The engine for this run: the cluster at ``scheduler``; else ``workers`` processes when
    there is more than one chunk of work; else this process, with the pipeline ``nlp()``
    (``load`` builds it in a process that cannot inherit it)."""
    if not articles:
        return iter(())
    if scheduler:
        from .cluster import on_cluster  # Dask is imported only when a cluster is used

        return on_cluster(articles, work, load, scheduler)
    if not runs_here(articles, workers, scheduler):
        return in_processes(articles, work, load, processes_for(articles, workers), inherited=nlp)
    return in_this_process(articles, work, nlp())


def runs_here(articles: Sequence[Article], workers: int, scheduler: str | None) -> bool:
    """Whether ``engine`` runs the work in this process: no cluster, and one worker or one chunk."""
    return not scheduler and processes_for(articles, workers) <= 1
