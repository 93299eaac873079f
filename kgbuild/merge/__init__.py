"""Merge: per-article attributions -> canonical actors and claims across the whole corpus.

Within an article, pronouns, surnames and nominals were resolved by the extract stage
(``Mention.resolved_by`` says how). Here, across articles (``corpus.merge``):

- actors are reconciled by name (``actors``, ``names``), overridden by the user's alias file
  (``aliases``);
- claims are clustered by proposition across outlets, and rejections linked to the claims they
  reject (``claims``);
- what each attribution's content is about (``Attribution.about``) is matched together with the
  actors, by the same rules, so that one real entity is one node whether it speaks or is spoken
  about (``Merged.about_of``); those that never speak are ``Merged.entities``.

Promises: the result depends only on the extractions, the alias file and the encoder, never on
their order of arrival or on the number of workers; every merge keeps its reason (rule and
score), which the graph records.
"""

from .aliases import NO_ALIASES, AliasError, Aliases, load_aliases
from .corpus import merge
from .names import cluster_names

__all__ = ["NO_ALIASES", "AliasError", "Aliases", "cluster_names", "load_aliases", "merge"]
