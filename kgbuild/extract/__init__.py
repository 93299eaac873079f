"""Extract: each article -> its attributions (who said what, with cue, stance, channel, date,
quote and evidence offsets) and what the outlet states in its own voice, with a spaCy pipeline
and kgbuild's components (``components``).

Promises: every span is character offsets into the article's text (or its title, ``in_title``);
each article is extracted on its own, and one that is too long, raises or runs over its time
budget is skipped with its code (``extract_each``) while the others are extracted.
"""

from .articles import extract, extract_each, extract_isolated
from .model import DEFAULT_MODEL, load_pipeline, loader, model_location, pipeline_meta, pipeline_name

__all__ = [
    "DEFAULT_MODEL", "extract", "extract_each", "extract_isolated", "load_pipeline", "loader", "model_location",
    "pipeline_meta", "pipeline_name",
]
