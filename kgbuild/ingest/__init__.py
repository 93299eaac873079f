"""Ingest: input paths (folders, ``.txt`` / ``.md`` with front matter, ``.jsonl``, saved ``.html``
pages, a ``manifest.jsonl`` of metadata) -> ``Article`` records.

Promises: an article's text is kept exactly as read (as extracted, for a page), so every offset
computed later refers to it; each input is read on its own, and a bad one is skipped (``Skipped``)
or loses a bad metadata value (``InputWarning``) with a stable code and a reason, while every
other article lands.
"""

DEFAULT_MAX_BYTES = 2_000_000  # an article (a file, a JSONL line, a page) larger than this is skipped (E004)

__all__ = ["DEFAULT_MAX_BYTES", "content_hash", "ingest", "shown_path", "split_front_matter"]
HOMES = {"content_hash": "files", "ingest": "files", "split_front_matter": "files", "shown_path": "folders"}


def __getattr__(name: str):
    """A public name, its module imported on first use: the command line reads DEFAULT_MAX_BYTES
    without loading the readers (nor yaml)."""
    if name in HOMES:
        from importlib import import_module

        return getattr(import_module(f".{HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
