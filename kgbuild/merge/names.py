"""Person-name matching: transliteration variants, initials, titles, surname-only mentions.

Names are compared through a *key*: transliterated to ASCII (Unidecode), lower-cased, titles and
possessives dropped, and each word folded by the spelling rules in ``FOLDS`` (y/i, kh/h, w/v,
-sky/-ski, doubled letters...). Two full names match when their surname keys agree and their
given names are compatible (same key, close spelling, or one an initial of the other; a missing
middle name is no conflict). Each distinct spelling is compared once, and only with names in
its surname block, so the cost grows with the block sizes, not with the square of all names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

from .unionfind import UnionFind

TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "commander",
        "general", "gen", "colonel", "col", "captain", "capt", "major", "minister", "senator", "sen",
        "rep", "gov", "governor", "mayor", "judge", "justice", "pope", "king", "queen", "prince",
        "princess", "cardinal", "saint", "st", "rev", "father", "sheikh", "jr", "sr", "ii", "iii",
    }
)
PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "du", "of", "al", "el", "as", "es", "bin", "ben", "ibn"}
)
FOLDS = (
    ("tsj", "ch"), ("sj", "sh"), ("oe", "u"),  # Dutch transliteration: Sjevtsjenko, Loekjanenko
    (r"^ye", "e"), (r"^yo", "e"), (r"^ya", "ia"), (r"^yu", "iu"), ("kh", "h"), ("zh", "j"), ("tz", "c"),
    ("ts", "c"), ("cz", "c"), ("sch", "sh"), ("tch", "ch"), ("ph", "f"), ("ck", "k"), (r"ou$", "o"), ("ou", "u"), ("w", "v"),
    ("x", "ks"), ("q", "k"), ("y", "i"), ("j", "i"), (r"(.)\1+", r"\1"), ("ie", "i"),
)
GIVEN_NAME_THRESHOLD = 0.84
SURNAME_THRESHOLD = 0.94
SURNAME_WINDOW = 8


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """One word -> its spelling key: "Yuriy" -> "iuri", "Zelenskyy" -> "zelenski"."""
    word = word.lower()
    for pattern, replacement in FOLDS:
        word = re.sub(pattern, replacement, word)
    return word


def words(name: str) -> list[str]:
    """A name -> its words, transliterated, without titles, possessives or punctuation."""
    ascii_name = unidecode(name).replace("'s ", " ")
    ascii_name = re.sub(r"'s$", "", ascii_name.strip())
    ascii_name = re.sub(r"\b(al|el|as|es|ad|ar)-", " ", ascii_name, flags=re.I)  # "al-Sadat"
    ascii_name = re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", "", ascii_name)  # "M'Clintock", "Sa'id"
    parts = [p for p in re.split(r"[^A-Za-z.]+", ascii_name) if p.strip(".")]
    return [p for p in parts if p.lower().strip(".") not in TITLES]


@dataclass(frozen=True)
class NameKey:
    name: str
    given: tuple[str, ...]  # folded given and middle names; an initial is one letter
    surname: str  # folded, particles joined: "vanstralen"

    @property
    def is_full(self) -> bool:
        return bool(self.given)


def name_key(name: str) -> NameKey:
    parts = words(name)
    if not parts:
        return NameKey(name, (), fold(name.strip()))
    lowered = [p.strip(".") for p in parts]
    given = [p for p in lowered[:-1] if p.lower() not in PARTICLES]  # "Geoffrey of Monmouth"
    return NameKey(name, tuple(fold(p) for p in given), fold(lowered[-1]))


@lru_cache(maxsize=1)
def nickname_pairs() -> frozenset[tuple[str, str]]:
    """(full name, nickname) pairs from the ``nicknames`` package (William -> Bill), folded, in
    both orders."""
    pairs = {(fold(full), fold(nick)) for full, nicks in NickNamer().nickname_lookup.items() for nick in nicks}
    return frozenset(pair for a, b in pairs if a != b for pair in ((a, b), (b, a)))


def same_given(x: str, y: str) -> str:
    """How two given names agree ("initial", "same key", "close spelling", "nickname"), or "" if
    they do not."""
    if len(x) == 1 or len(y) == 1:
        return "initial" if x[0] == y[0] else ""
    if x == y:
        return "same key"
    if JaroWinkler.similarity(x, y) >= GIVEN_NAME_THRESHOLD:
        return "close spelling"
    return "nickname" if (x, y) in nickname_pairs() else ""


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[bool, str]:
    """Given names agree when the shorter list lines up, in order, with part of the longer one
    ("Julius Exner" / "Johan Julius Exner"); the first names must then agree, or be absent."""
    if not a or not b:
        return True, "surname only"
    short, long_ = sorted((a, b), key=len)
    first = same_given(short[0], long_[0])
    if not first and len(short) == len(long_):
        return False, ""
    position, reasons = 0, []
    for name in short:
        while position < len(long_) and not same_given(name, long_[position]):
            position += 1
        if position == len(long_):
            return False, ""
        reasons.append(same_given(name, long_[position]))
        position += 1
    return True, first or "middle name"


@dataclass(frozen=True)
class Link:
    """Why two names were merged."""

    a: str
    b: str
    rule: str
    score: float


def surname_groups(keys: list[NameKey]) -> list[list[int]]:
    """Blocks of full names to compare: one per surname key, joined with keys spelled closely
    enough. Close spellings are found by the sorted-neighbourhood method (Hernandez & Stolfo,
    SIGMOD 1995): each key is compared with the next SURNAME_WINDOW keys in sorted order, and
    again with the keys sorted by their reversed spelling, so the cost is linear in the keys."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key.is_full:
            by_surname[key.surname].append(i)
    surnames = sorted(by_surname)
    index = {surname: n for n, surname in enumerate(surnames)}
    uf = UnionFind()
    for order in (surnames, sorted(surnames, key=lambda k: k[::-1])):
        for x, a in enumerate(order):
            for b in order[x + 1 : x + 1 + SURNAME_WINDOW]:
                if JaroWinkler.similarity(a, b) >= SURNAME_THRESHOLD:
                    uf.union(index[a], index[b])
    groups: dict[int, list[int]] = defaultdict(list)
    for surname in surnames:
        groups[uf.find(index[surname])].extend(by_surname[surname])
    return list(groups.values())


def link_names(
    names: list[str], apart: Iterable[tuple[str, str]] = ()
) -> tuple[list[list[int]], list[Link]]:
    """Cluster names; return clusters (indices into ``names``) and the links that made them.

    Distinct spellings are compared once. Full names are linked pairwise inside surname
    blocks. A surname alone then joins the one cluster of full names with that surname; when
    several clusters share it, it stays alone. No link ever puts two names of a pair in
    ``apart`` (the user's "different" aliases, compared case-insensitively) into one cluster.
    """
    distinct = list(dict.fromkeys(names))
    keys = [name_key(n) for n in distinct]
    uf = UnionFind()
    links: list[Link] = []
    position_of = {n.casefold(): i for i, n in enumerate(distinct)}
    kept_apart = [(position_of[a.casefold()], position_of[b.casefold()]) for a, b in apart
                  if a.casefold() in position_of and b.casefold() in position_of]

    def may_join(i: int, j: int) -> bool:
        roots = {uf.find(i), uf.find(j)}
        return not any({uf.find(a), uf.find(b)} == roots for a, b in kept_apart)

    for members in surname_groups(keys):
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if uf.find(i) == uf.find(j):
                    continue
                ok, reason = given_compatible(keys[i].given, keys[j].given)
                if ok and may_join(i, j):
                    score = JaroWinkler.similarity(" ".join(keys[i].given), " ".join(keys[j].given))
                    links.append(Link(distinct[i], distinct[j], f"person name: {reason}", round(score, 3)))
                    uf.union(i, j)
    # "Miguel Pérez Carreño Espinal" is "Miguel Pérez Carreño" with a second surname; the
    # shorter name must have three words, so "John Smith" never swallows "John Smith Jones".
    by_words = {(*k.given, k.surname): i for i, k in enumerate(keys) if len(k.given) >= 2}
    for j, key in enumerate(keys):
        i = by_words.get(key.given) if len(key.given) >= 3 else None
        if i is not None and uf.find(i) != uf.find(j) and may_join(i, j):
            links.append(Link(distinct[j], distinct[i], "person name: second surname", 1.0))
            uf.union(i, j)
    full_names: dict[str, set[int]] = defaultdict(set)
    for i, key in enumerate(keys):
        if key.is_full:
            full_names[key.surname].add(uf.find(i))
    alone: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key.is_full:
            continue
        roots = full_names.get(key.surname, set())
        if len(roots) == 1 and may_join(i, next(iter(roots))):
            root = next(iter(roots))
            links.append(Link(distinct[i], distinct[root], "person name: surname only, one full name", 1.0))
            uf.union(i, root)
        elif not roots and may_join(i, alone.setdefault(key.surname, i)):  # "Putin", "Putin's": one person
            uf.union(i, alone[key.surname])
    position = {name: n for n, name in enumerate(distinct)}
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        clusters[uf.find(position[name])].append(i)
    return sorted(clusters.values()), links


def cluster_names(names: list[str]) -> list[list[str]]:
    """Group bare person names that denote the same person by spelling alone.

    >>> cluster_names(["Yury Dashkin", "Yurii Dashkin", "Dashkin", "Vladimir Putin", "Volodymyr Zelensky"])
    [['Yury Dashkin', 'Yurii Dashkin', 'Dashkin'], ['Vladimir Putin'], ['Volodymyr Zelensky']]
    """
    clusters, _ = link_names(names)
    return [[names[i] for i in cluster] for cluster in clusters]
