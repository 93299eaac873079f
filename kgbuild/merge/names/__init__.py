"""Person-name matching: transliteration variants, initials, titles, surname-only mentions.

A name becomes a key (``keys``); keys worth comparing are found by blocking (``blocking``);
two keys match by the rules of ``rules``; ``linking`` turns the matches into clusters, each with
the links that made it.

Promises: decided by spelling alone (the merge adds what the context must confirm); the same
names give the same clusters in any order; the cost grows with the blocks, not with the square
of the names.
"""

from .keys import NameKey, name_key, name_keys
from .linking import cluster_names, link_names
from .rules import SURNAME_DOMINANT, SURNAME_ONLY, WEAK_RULES, Link, match

__all__ = [
    "SURNAME_DOMINANT", "SURNAME_ONLY", "WEAK_RULES", "Link", "NameKey", "cluster_names", "link_names", "match", "name_key", "name_keys"]
