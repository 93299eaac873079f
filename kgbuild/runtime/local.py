"""Work on every core of this machine: a ``ProcessPoolExecutor`` whose processes each hold the
spaCy pipeline.

Each worker process gets the pipeline once and keeps it (the pool's initializer; a forked worker
shares the parent's). Outcomes arrive in completion order; the caller puts them back in input
order.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from ..records import Article, Outcome
from .chunks import longest_first

if TYPE_CHECKING:
    from spacy.language import Language

Loader = Callable[[], "Language"]  # picklable: it runs in each worker process
Work = Callable[[list[Article], "Language"], list[Outcome]]  # picklable: a chunk of articles -> their outcomes

_worker_pipeline: Language | None = None


def _start_local_worker(load: Loader) -> None:
    global _worker_pipeline
    _worker_pipeline = load()


def _work_in_local_worker(work: Work, articles: list[Article]) -> list[Outcome]:
    return work(articles, _worker_pipeline)


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
    articles: Sequence[Article], work: Work, load: Loader, workers: int, inherited: Callable[[], Language] | None = None
) -> Iterator[Outcome]:
    """``work`` on ``workers`` new processes, a chunk at a time: forked from this one when that
    is safe, each taking the pipeline this process already holds (``inherited()``); else spawned,
    each loading it with ``load``. On Ctrl-C, or when the consumer stops early, the workers are
    stopped at once."""
    forked = inherited is not None and fork_is_safe()
    context = multiprocessing.get_context("fork" if forked else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_local_worker,
                               initargs=(inherited if forked else load,))
    try:
        with ctrl_c_ignored_by_new_processes():  # the pool starts its processes on submit
            futures = [pool.submit(_work_in_local_worker, work, chunk) for chunk in longest_first(articles)]
        for future in as_completed(futures):
            yield from future.result()
    except BaseException:
        terminate(pool)
        raise
    pool.shutdown(wait=True)
