"""Python's cyclic garbage collector, paused where many objects and no reference cycles are made."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """The cyclic collector off inside (a context manager, or a decorator), then as it was. Name
    matching, decoding the extraction cache, the merge and the export make hundreds of thousands
    of small objects and no cycles; the collector would traverse them again and again, for a
    share of the time that grows with the corpus (docs/performance.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
