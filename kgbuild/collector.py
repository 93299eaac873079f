"""Python's cyclic garbage collector, paused where many objects and no reference cycles are made."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """The cyclic collector off inside (a context manager, or a decorator), then as it was. Name
    matching, decoding the extraction cache, the merge and the export make hundreds of thousands
    of small objects and no cycles; the collector would traverse them again and again: a fifth of
    the name matching's time at 100,000 names, growing with the number, half of a 3,300-article
    cache read (2.6 s, 1.4 s without), a tenth of a rerun's merge and export (the same peak
    memory)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
