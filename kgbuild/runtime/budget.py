"""A time budget per article, so that one article that drives extraction into a long search
(a chain of hundreds of "according to X,") cannot stall a run; a saved page could do the same to
the page reader.

The budget is generous, many times what ``en_core_web_md`` needs (docs/performance.md), so an
ordinary article never meets it. It is enforced with ``SIGALRM``, which only the main thread of a
Unix process receives; elsewhere there is no limit. The alarm interrupts Python code only: a long
call into compiled code ends first.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

BASE_SECONDS = 10.0  # what any article may take, however short
SECONDS_PER_CHARACTER = 0.001  # and this much more for each of its characters


class OverBudget(BaseException):
    """Work on one article took longer than its budget. A ``BaseException``, so that no library's
    ``except Exception`` swallows it."""


def budget(characters: int) -> float:
    return BASE_SECONDS + SECONDS_PER_CHARACTER * characters


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` in the block if it runs longer than ``seconds``."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise OverBudget(f"took longer than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
