"""Ingest: input paths (folders, ``.txt`` / ``.md`` with front matter, ``.jsonl``, saved ``.html``
pages, a ``manifest.jsonl`` of metadata) -> ``Article`` records.

Promises: an article's text is kept exactly as read (as extracted, for a page), so every offset
computed later refers to it; each input is read on its own, and a bad one is skipped (``Skipped``)
or loses a bad metadata value (``InputWarning``) with a stable code and a reason, while every
other article lands.
"""

from .files import DEFAULT_MAX_BYTES, content_hash, ingest, split_front_matter
from .folders import shown_path

__all__ = ["DEFAULT_MAX_BYTES", "content_hash", "ingest", "shown_path", "split_front_matter"]
