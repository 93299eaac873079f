"""Extraction on every core of a machine, or on a Dask distributed cluster, with the same results.

Articles travel to worker processes in chunks, the longest articles first (``longest_first``),
so that work spreads evenly, no worker is left parsing a long chunk at the end while the others
wait, and the progress bar moves.
Each worker process gets the spaCy pipeline once and keeps it: a ``ProcessPoolExecutor``
initializer here (a forked worker shares the parent's), a ``WorkerPlugin`` on a cluster
(``kgbuild.cluster``). Each chunk is extracted by ``extract_each``: an article too long, one
whose parse raises and one over its time budget come back as ``Skipped`` with their codes, and
only the article at fault is lost. Outcomes arrive in completion order; the caller puts them
back in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from spacy.language import Language

from .extract import extract_each
from .records import Article, Extraction, Skipped

CHUNK = 16
CHUNK_CHARACTERS = 20_000  # about half a second of parsing on one core

Loader = Callable[[], Language]  # picklable: it runs in each worker process


Outcome = Extraction | Skipped


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunked(articles: Sequence[Article]) -> list[list[Article]]:
    return [list(articles[start : start + CHUNK]) for start in range(0, len(articles), CHUNK)]


def processes_for(articles: Sequence[Article], workers: int) -> int:
    """How many processes ``workers`` can keep busy: no more than there are chunks of CHUNK articles."""
    return min(workers, -(-len(articles) // CHUNK))


def longest_first(articles: Sequence[Article]) -> list[list[Article]]:
    """Chunks, the longest articles first, each of at most ``CHUNK`` articles and
    ``CHUNK_CHARACTERS`` characters (an article longer than that is a chunk of its own)."""
    chunks: list[list[Article]] = []
    size = 0
    for article in sorted(articles, key=lambda a: len(a.text), reverse=True):
        if not chunks or size + len(article.text) > CHUNK_CHARACTERS or len(chunks[-1]) >= CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(article)
        size += len(article.text)
    return chunks


def extract_isolated(articles: list[Article], nlp: Language) -> list[Outcome]:
    """Each article -> its Extraction, or Skipped with the code of what went wrong."""
    return list(extract_each(articles, nlp))


def in_this_process(articles: Sequence[Article], nlp: Language) -> Iterator[Outcome]:
    for chunk in chunked(articles):
        yield from extract_isolated(chunk, nlp)


_worker_pipeline: Language | None = None


def _start_local_worker(load: Loader) -> None:
    global _worker_pipeline
    _worker_pipeline = load()


def _extract_in_local_worker(articles: list[Article]) -> list[Outcome]:
    return extract_isolated(articles, _worker_pipeline)


@contextmanager
def ctrl_c_ignored_by_new_processes():
    """Processes started inside inherit an ignored SIGINT (it survives exec). Ctrl-C reaches the
    whole process group; the parent alone then stops the workers, so that none prints a
    traceback, even one still starting up."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now, mid-chunk (Python 3.14 has ``terminate_workers``; before it,
    the pool keeps its processes in ``_processes``)."""
    if hasattr(pool, "terminate_workers"):
        pool.terminate_workers()
        return
    for process in list((pool._processes or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def fork_is_safe() -> bool:
    """A forked worker shares its parent's loaded pipeline at no cost, but a fork of a process
    running other threads can deadlock (on a lock one of them held), so only then."""
    return sys.platform == "linux" and threading.active_count() == 1


def in_processes(
    articles: Sequence[Article], load: Loader, workers: int, inherited: Callable[[], Language] | None = None
) -> Iterator[Outcome]:
    """Extraction on ``workers`` new processes: forked from this one when that is safe, each
    taking the pipeline this process already holds (``inherited()``); else spawned, each loading
    it with ``load``. On Ctrl-C, or when the consumer stops early, the workers are stopped at once."""
    forked = inherited is not None and fork_is_safe()
    context = multiprocessing.get_context("fork" if forked else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_local_worker,
                               initargs=(inherited if forked else load,))
    try:
        with ctrl_c_ignored_by_new_processes():  # the pool starts its processes on submit
            futures = [pool.submit(_extract_in_local_worker, chunk) for chunk in longest_first(articles)]
        for future in as_completed(futures):
            yield from future.result()
    except BaseException:
        terminate(pool)
        raise
    pool.shutdown(wait=True)


class Counted:
    """Outcomes as they arrive, one an article, with their number known beforehand: a progress
    bar shows how far it is over all workers."""

    def __init__(self, outcomes: Iterator[Outcome], count: int):
        self.outcomes, self.count = outcomes, count

    def __iter__(self) -> Iterator[Outcome]:
        return self.outcomes

    def __len__(self) -> int:
        return self.count


def extraction(
    articles: Sequence[Article], load: Loader, nlp: Callable[[], Language], workers: int = 1, scheduler: str | None = None
) -> Counted:
    return Counted(engine(articles, load, nlp, workers, scheduler), len(articles))


def engine(
    articles: Sequence[Article], load: Loader, nlp: Callable[[], Language], workers: int = 1, scheduler: str | None = None
) -> Iterator[Outcome]:
    """The engine for this run: the cluster at ``scheduler``; else ``workers`` processes when
    there is more than one chunk of work; else this process, with the pipeline ``nlp()``
    (``load`` builds it in a process that cannot inherit it)."""
    if not articles:
        return iter(())
    if scheduler:
        from .cluster import on_cluster  # Dask is imported only when a cluster is used

        return on_cluster(articles, load, scheduler)
    if not runs_here(articles, workers, scheduler):
        return in_processes(articles, load, processes_for(articles, workers), inherited=nlp)
    return in_this_process(articles, nlp())


def runs_here(articles: Sequence[Article], workers: int, scheduler: str | None) -> bool:
    """Whether ``engine`` extracts in this process: no cluster, and one worker or one chunk."""
    return not scheduler and processes_for(articles, workers) <= 1
