"""Person-name matching: transliteration variants, initials, titles, surname-only mentions.

Names are compared through a *key*: transliterated to ASCII (Unidecode), lower-cased, titles,
possessives and post-nominal letters dropped, "Surname, Given" turned round, a regnal number
("Charles V", "Juan Carlos I") set apart, and each word folded by the spelling rules in
``FOLDS`` (y/i, kh/h, w/v, -sky/-ski, doubled letters...). Two full names match when their
given names are compatible (same key, close spelling, initial, nickname, or the same name in
another language from ``given_names.txt``; a missing middle name is no conflict) and their
surname keys are close (JaroWinkler >= SURNAME_THRESHOLD), or nearly so when the given names
agree in full ("Jane Austen" / "Jane Austin"); a name with a second surname also matches
without it ("Miquel Barceló García" / "Miquel Barceló"). Regnal names match with the same
number. Each distinct spelling is compared only with candidates from blocking (same surname,
sorted neighbours), so the cost grows with the block sizes, not with the square of all names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nicknames import NickNamer
from rapidfuzz.distance import JaroWinkler, Levenshtein
from unidecode import unidecode

from ..collector import collector_paused
from .unionfind import UnionFind

TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "commander",
        "general", "gen", "colonel", "col", "captain", "capt", "major", "minister", "senator", "sen",
        "rep", "gov", "governor", "mayor", "judge", "justice", "pope", "king", "queen", "prince",
        "princess", "cardinal", "rev", "father", "sheikh", "jr", "sr", "papa", "paus", "emperor",
        "empress", "tsar", "czar", "sultan", "admiral", "dj", "baron", "baronet", "bt", "earl", "viscount",
        "duke", "duc", "count", "comte", "marquess", "marquis", "premier", "chancellor", "ambassador",
        "pape", "roi", "rey", "re", "zar", "prins", "prinz", "koning", "kaiser", "popu", "vua",  # other languages
    }
)
RULERS = frozenset({"pope", "papa", "pape", "paus", "popu", "king", "queen", "emperor", "empress", "tsar", "czar",
                    "zar", "sultan", "kaiser", "koning", "roi", "rey"})  # "Pope Francis": a name, not a surname
GIVEN_NAME_PARTICLES = frozenset({"Ben", "Van", "Del"})  # capitalized first: Ben Carson, Van Jones, Del Bigtree
POSTNOMINALS = frozenset({"OBE", "KBE", "CBE", "MBE", "OFM", "SJ", "RA", "QC", "KC", "PhD", "MD", "OSB"})
SAINTS = frozenset({"saint", "st", "san", "santo", "santa", "sao", "sankt", "szent", "sainte"})  # only first
PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "du", "of", "al", "el", "as", "es", "bin", "ben", "ibn"}
)
FOLDS = (
    ("c(?=[aoulr])", "k"),  # Carl / Karl, Nicolai / Nikolai
    ("tsj", "ch"), ("sj", "sh"), ("oe", "u"),  # Dutch transliteration: Sjevtsjenko, Loekjanenko
    (r"^you", "iu"), (r"^gi(?=[aou])", "i"), (r"^ye", "e"), (r"^yo", "e"), (r"^ya", "ia"), (r"^yu", "iu"), ("kh", "h"), ("zh", "j"), ("tz", "c"),
    ("ts", "c"), ("cz", "c"), ("sch", "sh"), ("tch", "ch"), ("ph", "f"), ("ck", "k"), (r"ou$", "o"), ("ou", "u"), ("w", "v"),
    ("x", "ks"), ("q", "k"), ("y", "i"), ("j", "i"), (r"(.)\1+", r"\1"), ("ie", "i"),
)
COMPILED_FOLDS = tuple((p if p.isalpha() else re.compile(p), r) for p, r in FOLDS)  # plain ones: str.replace
GIVEN_NAME_THRESHOLD = 0.84
SURNAME_THRESHOLD = 0.92
CLOSE_SURNAME_THRESHOLD = 0.85  # when the given names agree in full
REGNAL_THRESHOLD = 0.85
LONE_NAME_THRESHOLD = 0.9
MIN_FUZZY_LENGTH = 5  # shorter single names must match exactly
WINDOW = 8
FEW_CANDIDATES = WINDOW  # so few are compared without first leaving out those already joined
FULL_GIVEN_AGREEMENT = ("same key", "short form", "close spelling", "nickname", "same name in another language")
NONE: frozenset[int] = frozenset()
# In a corpus, spelling alone cannot tell "Rick Perry" from "Rick Parry", "Robert Stone" from
# "Roger Stone": links by these rules need the context to agree (see link_names).
WEAK_RULES = frozenset({"close surname", "close spelling", "close single name"})
SURNAME_ONLY = "surname only, one full name"  # "Carson" is Johnny Carson only if nothing says Ben
POSSESSIVE = re.compile(r"'s$|'s(?= )")
ARTICLE = re.compile(r"\b(al|el|as|es|ad|ar)-", re.IGNORECASE)
INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")
NON_WORD = re.compile(r"[^A-Za-z0-9.]+")
ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?:er|e)?")  # French "Ier", "IIe"
ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|e|k)?\.?", re.IGNORECASE)
PEERAGE = re.compile(r"\s*(?:jr|sr|\d|(?:baron|baronet|bt|earl|viscount|duke|duc|count|comte|marquess|marquis|lord|lady)\b)", re.IGNORECASE)


def spelling_key(word: str) -> str:
    """One word -> its spelling key: "Yuriy" -> "iuri", "Zelenskyy" -> "zelenski"."""
    word = word.lower()
    for pattern, replacement in COMPILED_FOLDS:
        word = pattern.sub(replacement, word) if isinstance(pattern, re.Pattern) else word.replace(pattern, replacement)
    return word


fold = lru_cache(maxsize=200_000)(spelling_key)  # ``link_names`` keeps its own cache, of every word it meets


def roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for letter, following in zip(numeral, [*numeral[1:], ""]):
        value = values[letter]
        total += -value if following and values[following] > value else value
    return total


def regnal_number(token: str) -> int:
    """ "III" -> 3, "2nd" / "1er" / "6" -> the number; 0 for anything else (a lower-case "i" or
    "v" is a word, not a numeral)."""
    if ROMAN.fullmatch(token.rstrip(".")):
        return roman_value(token.rstrip(".").removesuffix("r").removesuffix("e"))
    ordinal = ORDINAL.fullmatch(token)
    return int(ordinal.group(1)) if ordinal else 0


@dataclass(frozen=True, slots=True)
class ParsedName:
    words: tuple[str, ...]  # ASCII, given names first, no titles, dots or possessives
    number: int = 0  # a regnal number: "Charles V", "Juan Carlos I", "II. Aleksios Komnenos"
    regnal: bool = False  # a ruler's name, with a number or a ruler's title: "Pope Francis"


def rewrite_commas(text: str) -> str:
    """ "Mahy, Margaret" -> "Margaret Mahy"; "Henry Bathurst, 2nd Earl Bathurst" and
    "Kurt Vonnegut, Sr." -> the part before the comma."""
    head, comma, tail = text.partition(",")
    if not comma or not tail.strip():
        return head
    if PEERAGE.match(tail):
        return head if len(head.split()) > 1 else f"{head} {tail}"  # "Victor, baron Horta"
    return f"{tail} {head}" if len(head.split()) == 1 and len(tail.split()) == 1 else f"{head} {tail}"


def without_last_surname(text: str) -> str:
    """ "Miquel Barcelo Garcia" -> "Miquel Barcelo", "Janet Hubert-Whitten" -> "Janet Hubert";
    "" when there is no second surname to drop ("Jean-Baptiste Greuze")."""
    chunks = text.split()
    if len(chunks) >= 3:
        return " ".join(chunks[:-1])
    if len(chunks) == 2 and "-" in chunks[-1].strip("-"):
        return f"{chunks[0]} {chunks[-1].rsplit('-', 1)[0]}"
    return ""


def cleaned(name: str) -> str:
    """A name in ASCII, without possessive, Arabic article hyphen or inner apostrophe, commas
    turned round (``rewrite_commas``)."""
    text = unidecode(name).strip()
    text = POSSESSIVE.sub("", text)
    text = ARTICLE.sub(" ", text)  # "al-Sadat"
    text = INNER_APOSTROPHE.sub("", text)  # "M'Clintock", "Sa'id"
    return rewrite_commas(text)


def parse_name(name: str, drop_last_surname: bool = False) -> ParsedName:
    """A name -> its words and regnal number; with ``drop_last_surname``, the reading of it
    without a second surname (no words if it has none)."""
    text = cleaned(name)
    return parse_cleaned(without_last_surname(text) if drop_last_surname else text)


def parse_cleaned(text: str) -> ParsedName:
    tokens = [t for t in NON_WORD.split(text) if t.strip(".")]
    while len(tokens) > 1 and tokens[0].lower().strip(".") in SAINTS:
        tokens = tokens[1:]
    tokens = [t for n, t in enumerate(tokens) if not (n and t.strip(".") in POSTNOMINALS)]
    ruler = any(t.lower().strip(".") in RULERS for t in tokens)
    tokens = [t for t in tokens if t.lower().strip(".") not in TITLES] or tokens
    number = 0
    if len(tokens) > 1 and len(tokens[0]) > 2 and tokens[0].endswith(".") and regnal_number(tokens[0]):
        number, tokens = regnal_number(tokens[0]), tokens[1:]  # "II. Aleksios Komnenos"
    for position in range(1, len(tokens)):
        following = tokens[position + 1].lower() if position + 1 < len(tokens) else ""
        if (not following or following in PARTICLES) and regnal_number(tokens[position]):
            number, tokens = regnal_number(tokens[position]), tokens[:position]  # "Rene II de Lorena"
            break
    tokens = [t.strip(".") for t in tokens if not t.strip(".").isdigit()]
    initials = 0
    while initials < len(tokens) - 1 and len(tokens[-1 - initials]) == 1:
        initials += 1
    if initials and len(tokens[0]) > 1 and not number:  # "Barthlott W." -> "W. Barthlott"
        tokens = tokens[-initials:] + tokens[:-initials]
    return ParsedName(tuple(tokens), number, bool(number) or (ruler and len(tokens) == 1))


@dataclass(frozen=True, slots=True)
class NameKey:
    name: str
    given: tuple[str, ...]  # folded given and middle names; an initial is one letter
    surname: str  # folded, particles joined: "vanstralen"
    number: int = 0  # regnal number
    primary: bool = True  # False for a reading of the name with its last word dropped
    initials: str = ""  # the given names' first letters before folding: "C." is "Claude", not "Klaude"
    regnal: bool = False  # "Pope Francis" is no surname of "Mark Lewis-Francis"

    @property
    def is_full(self) -> bool:
        return bool(self.given)


def key_of(name: str, parts: tuple[str, ...], number: int = 0, primary: bool = True, regnal: bool = False,
           fold: Callable[[str], str] = fold) -> NameKey:
    if not parts:
        return NameKey(name, (), fold(name.strip()), number, primary, "", regnal)
    # particles: "Geoffrey of Monmouth", "bin Laden"; but "Ben Carson" and "Van Morrison" are given names
    given = [p for n, p in enumerate(parts[:-1]) if p.lower() not in PARTICLES or (n == 0 and p in GIVEN_NAME_PARTICLES)]
    initials = "".join(p[0].lower() for p in given)
    return NameKey(name, tuple(fold(p) for p in given), fold(parts[-1]), number, primary, initials, regnal)


def name_keys(name: str, fold: Callable[[str], str] = fold) -> list[NameKey]:
    """The name's key, then its reading without a second surname: "Miquel Barceló García" is
    also "Miquel Barceló", "Janet Hubert-Whitten" also "Janet Hubert". Such a reading only ever
    matches another name's own key. ``fold`` folds each word (a cache of its own can be given)."""
    text = cleaned(name)
    parsed = parse_cleaned(text)
    keys = [key_of(name, parsed.words, parsed.number, regnal=parsed.regnal, fold=fold)]
    if not (shortened := without_last_surname(text)):
        return keys  # most names: no second surname
    shorter = parse_cleaned(shortened)
    named = [w for w in shorter.words if w.lower() not in PARTICLES]
    if not (parsed.number or shorter.number) and len(named) >= 2 and len(named[0]) > 1 and len(named[-1]) > 1:
        keys.append(key_of(name, shorter.words, primary=False, fold=fold))
    return keys


def name_key(name: str) -> NameKey:
    return name_keys(name)[0]


@lru_cache(maxsize=1)
def nickname_pairs() -> frozenset[tuple[str, str]]:
    """(full name, nickname) pairs from the ``nicknames`` package (William -> Bill), folded, in
    both orders."""
    pairs = {(fold(full), fold(nick)) for full, nicks in NickNamer().nickname_lookup.items() for nick in nicks}
    return frozenset(pair for a, b in pairs if a != b for pair in ((a, b), (b, a)))


@lru_cache(maxsize=1)
def given_name_groups() -> dict[str, frozenset[int]]:
    """Folded given name -> the lines of ``given_names.txt`` (one name across languages per
    line: John, Jean, Juan, Giovanni, Ivan...) it appears on."""
    groups: dict[str, set[int]] = defaultdict(set)
    text = (Path(__file__).parent / "given_names.txt").read_text("utf-8")
    for number, line in enumerate(text.splitlines()):
        if line.strip() and not line.startswith("#"):
            for name in line.split():
                groups[fold(name)].add(number)
    return {name: frozenset(lines) for name, lines in groups.items()}


def same_given(x: str, y: str, x_initial: str = "", y_initial: str = "") -> str:
    """How two folded given names agree ("initial", "same key", "short form", "close spelling",
    "nickname", "same name in another language"), or "" if they do not; an initial is compared with the
    other name's first letter as written (``x_initial``, ``y_initial``)."""
    if len(x) == 1 or len(y) == 1:
        return "initial" if (x_initial or x[0]) == (y_initial or y[0]) else ""
    if x == y:
        return "same key"
    if min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)):
        return "short form"  # "Steve" / "Steven", "Geoff" / "Geoffrey"
    if JaroWinkler.similarity(x, y) >= GIVEN_NAME_THRESHOLD:
        return "close spelling"
    if (x, y) in nickname_pairs():
        return "nickname"
    groups = given_name_groups()
    return "same name in another language" if groups.get(x, NONE) & groups.get(y, NONE) else ""


def given_compatible(a: NameKey, b: NameKey) -> tuple[bool, str]:
    """Given names agree when the shorter list lines up, in order, with part of the longer one
    ("Julius Exner" / "Johan Julius Exner"); the first names must then agree, or be absent."""
    return given_names_compatible(a.given, a.initials, b.given, b.initials)


@lru_cache(maxsize=1_000_000)
def given_names_compatible(a_given: tuple[str, ...], a_initials: str, b_given: tuple[str, ...], b_initials: str) -> tuple[bool, str]:
    """``given_compatible`` on two keys' given names and initials: the same few given names
    recur across a corpus, each pair of them is compared once."""
    if not a_given or not b_given:
        return True, "surname only"
    if a_given == b_given and a_initials == b_initials:
        return True, "same key" if len(a_given[0]) > 1 else "initial"
    if len(a_given) > len(b_given):
        a_given, a_initials, b_given, b_initials = b_given, b_initials, a_given, a_initials
    short, long_ = list(zip(a_given, a_initials)), list(zip(b_given, b_initials))
    first = same_given(a_given[0], b_given[0], a_initials[0], b_initials[0])
    if not first and len(short) == len(long_):
        return False, ""

    def agree(x: tuple[str, str], y: tuple[str, str]) -> bool:
        # Past a first-name mismatch only an identical middle name lines up: "Elizabeth" is
        # not the "E." of "Earle E. Seaton", nor "Martin" the "Maria" of "Rainer Maria Rilke".
        return bool(same_given(x[0], y[0], x[1], y[1])) if first else x[0] == y[0] and len(x[0]) > 1

    position = 0
    for name in short:
        while position < len(long_) and not agree(name, long_[position]):
            position += 1
        if position == len(long_):
            return False, ""
        position += 1
    return True, first or "middle name"


@dataclass(frozen=True, slots=True)
class Link:
    """Why two names were merged."""

    a: str
    b: str
    rule: str
    score: float


def compact(key: NameKey) -> str:
    return "".join((*key.given, key.surname))


def match(a: NameKey, b: NameKey) -> tuple[str, float] | None:
    """Why two keys denote one person (rule, score), or None."""
    if not (a.primary or b.primary):
        return None
    if a.number and b.number and a.number != b.number:
        return None
    if not (a.given and b.given) and (a.number or b.number):  # "Nicolas II", "Nikolai II"
        if a.number != b.number:
            return None
        if not (a.given or b.given) and same_given(a.surname, b.surname) == "same name in another language":
            return "regnal name in another language", 1.0  # "Charles V" / "Carlos V"
        # a one-word regnal name against a longer one ("Abdulhamid 2" / "Abdul-Hamid II") must
        # spell the same, or "Hendrik II" would be every "Hendrik ... II"
        score = JaroWinkler.similarity(compact(a), compact(b))
        wanted = REGNAL_THRESHOLD if not (a.given or b.given) else 1.0
        return ("regnal name", score) if score >= wanted else None
    if not (a.given and b.given):
        return None
    same_surname = a.surname == b.surname
    # the cheap test first: most candidate pairs are names with surnames too far apart
    surname = 1.0 if same_surname else JaroWinkler.similarity(a.surname, b.surname)
    if not same_surname and (surname < CLOSE_SURNAME_THRESHOLD or not (a.primary and b.primary)):
        return None
    ok, reason = given_compatible(a, b)
    if not ok:
        return None
    score = JaroWinkler.similarity(" ".join(a.given), " ".join(b.given))
    if not (a.primary and b.primary):
        full, shortened = (a, b) if a.primary else (b, a)
        same = same_surname and len(full.given) <= len(shortened.given)
        return ("second surname", score) if same and reason in FULL_GIVEN_AGREEMENT else None
    if same_surname or (surname >= SURNAME_THRESHOLD and reason == "same key"):
        return reason, score
    if (surname >= CLOSE_SURNAME_THRESHOLD and reason in FULL_GIVEN_AGREEMENT
            and Levenshtein.distance(a.surname, b.surname) <= max(1, min(len(a.surname), len(b.surname)) // 3)):
        return "close surname", round(surname, 3)
    return None


def neighbour_rows(keys: list[str], window: int = WINDOW) -> Iterable[tuple[int, list[int]]]:
    """Sorted-neighbourhood blocking (Hernandez & Stolfo, SIGMOD 1995): each key's position
    with the positions of the ``window`` keys after it when sorted, and again when sorted by
    their reversed spelling, so that a spelling difference at either end still meets; linear in
    the keys (after the sorting)."""
    for order in (sorted(range(len(keys)), key=keys.__getitem__),
                  sorted(range(len(keys)), key=lambda i: keys[i][::-1])):
        for x, i in enumerate(order):
            yield i, order[x + 1 : x + 1 + window]


def neighbours(keys: list[str], window: int = WINDOW) -> Iterable[tuple[int, int]]:
    """The pairs of ``neighbour_rows``."""
    for i, row in neighbour_rows(keys, window):
        for j in row:
            yield i, j


@lru_cache(maxsize=1_000_000)
def first_names_agree_in_full(x: str, y: str) -> bool:
    """What two names with different surnames need before ``match`` can join them: first given
    names that agree in full (not by an initial)."""
    return len(x) > 1 and len(y) > 1 and same_given(x, y) in FULL_GIVEN_AGREEMENT


def not_yet_joined(
    candidates: list[int], start: int, i: int, cluster_of: Callable[[int], int] | None, known: dict[int, list[int]]
) -> list[int]:
    """``candidates[start:]`` without those already in key ``i``'s cluster (``cluster_of``: a
    key -> its cluster's representative, which changes only when the cluster grows).

    ``known`` holds, by representative, the positions left the last time a key of that cluster
    was compared with these candidates: every other candidate was in that cluster already, and
    clusters only grow, so only those left are looked at again. A block of one person's many
    spellings is then gone through about once, not once for each spelling. Without
    ``cluster_of``, or when there are few, every candidate is kept."""
    if cluster_of is None or len(candidates) - start <= FEW_CANDIDATES:
        return candidates[start:]
    root = cluster_of(i)
    positions = known.get(root)
    positions = range(start, len(candidates)) if positions is None else [p for p in positions if p >= start]
    known[root] = left = [p for p in positions if cluster_of(candidates[p]) != root]
    return [candidates[p] for p in left]


@lru_cache(maxsize=1_000_000)
def first_names_agree(x: str, x_initial: str, y: str, y_initial: str) -> bool:
    """Whether two first given names agree at all (``same_given``), an initial by its letter as written."""
    return bool(same_given(x, y, x_initial, y_initial))


def same_surname_rows(keys: list[NameKey], members: list[int], cluster_of: Callable[[int], int] | None
                      ) -> Iterable[tuple[int, list[int]]]:
    """The rows of a block of full names with one surname key (``members``, in order): each key
    with the keys after it whose given names can be compatible (a reading without its second
    surname: only the full keys after it). ``given_compatible`` accepts a pair only if their
    first names agree (``same_given``) or the shorter list's first name is one of the longer's
    middle names, spelled the same ("Julius Exner" / "Johan Julius Exner"); the pairs of which
    neither holds, which ``match`` would turn down, are never formed. So a block of many people
    sharing a surname costs its compatible pairs and a test per pair of its distinct first names,
    not the square of its keys; each row is the old row without those pairs, in the same order,
    so the links made are the same. Keys already in the row's key's cluster are left out as in
    ``not_yet_joined``."""
    firsts: dict[tuple[str, str], list[int]] = defaultdict(list)  # (first name, initial) -> positions
    middles: dict[str, list[int]] = defaultdict(list)  # a middle name -> positions of the keys with it
    for x, i in enumerate(members):
        key = keys[i]
        firsts[key.given[0], key.initials[0]].append(x)
        for name in dict.fromkeys(key.given[1:]):
            if len(name) > 1:
                middles[name].append(x)
    tokens_named: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for token in firsts:
        tokens_named[token[0]].append(token)
    lists: dict[tuple, tuple] = {}  # per given names: the positions that may agree, their keys, the same for full keys
    for x, i in enumerate(members):
        key = keys[i]
        first, initial, later = key.given[0], key.initials[0], key.given[1:]
        signature = (first, initial, later)
        if signature not in lists:
            groups = [positions for (other, other_initial), positions in firsts.items()
                      if first_names_agree(first, initial, other, other_initial)]
            if len(first) > 1:
                groups.append(middles.get(first, []))
            groups += [firsts[token] for name in dict.fromkeys(later) if len(name) > 1 for token in tokens_named.get(name, ())]
            positions = sorted(set().union(*groups)) if len(groups) > 1 else groups[0]
            primary_positions = [p for p in positions if keys[members[p]].primary]
            lists[signature] = (positions, [members[p] for p in positions], primary_positions,
                                [members[p] for p in primary_positions], {}, {})
        positions, found, primary_positions, primaries, known, known_primaries = lists[signature]
        if key.primary:
            row = not_yet_joined(found, bisect_right(positions, x), i, cluster_of, known)
        else:
            row = not_yet_joined(primaries, bisect_right(primary_positions, x), i, cluster_of, known_primaries)
        if row:
            yield i, row


def candidate_pairs(keys: list[NameKey], cluster_of: Callable[[int], int] | None = None) -> Iterable[tuple[int, list[int]]]:
    """Pairs of keys worth comparing, as rows: a key and the keys it is to be compared with, in
    order. Full names with one surname key, or with surname keys that are sorted neighbours
    spelled closely (JaroWinkler >= SURNAME_THRESHOLD); sorted neighbours by surname among names
    sharing a first given name, and among regnal names with the same number. Names of different
    surnames are paired only when their first given names agree in full. A reading without a
    second surname is only paired with a full key of the same surname (the only pair ``match``
    can accept): in a large corpus, "de" or "John" is the shortened surname of thousands of
    names.

    With ``cluster_of`` (see ``not_yet_joined``), rows are produced as they are consumed and
    leave out, in the blocks of one surname or of two close surnames, keys already in the
    row's key's cluster: the pairs a caller would skip, so its results are the same."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key.is_full:
            by_surname[key.surname].append(i)
    for members in by_surname.values():
        yield from same_surname_rows(keys, members, cluster_of)
    # shared first names before close surnames: the pairs they join ("Aleksandr Pushkin" / "Aleksandr
    # Puskin": same key) are explained by the stronger rule, and need no comparison by surname
    yield from shared_block_rows(keys)
    yield from close_surname_rows(keys, by_surname, cluster_of)


def close_surname_rows(keys: list[NameKey], by_surname: dict[str, list[int]], cluster_of: Callable[[int], int] | None
                       ) -> Iterable[tuple[int, list[int]]]:
    """The rows of ``candidate_pairs`` between full names whose surname keys differ but are
    sorted neighbours spelled closely: each primary key with the other surname's primary keys
    whose first given names agree in full. With ``cluster_of``, two surnames whose keys are all in
    one cluster already are not paired, and rows leave out keys joined already (``not_yet_joined``)."""
    primary_in = {surname: [i for i in members if keys[i].primary] for surname, members in by_surname.items()}
    by_first_in: dict[str, dict[str, list[int]]] = {}  # a surname's primary keys by first given name

    def by_first(surname: str) -> dict[str, list[int]]:
        if surname not in by_first_in:
            groups: dict[str, list[int]] = defaultdict(list)
            for j in primary_in[surname]:
                groups[keys[j].given[0]].append(j)
            by_first_in[surname] = groups
        return by_first_in[surname]

    joined: dict[str, int] = {}  # a surname whose primary keys are all in one cluster -> one of them

    def one_cluster(surname: str) -> int | None:
        """The cluster of all the surname's primary keys, if they are in one (then they stay in one)."""
        if not primary_in[surname]:
            return None
        if surname not in joined:
            roots = set(map(cluster_of, primary_in[surname]))
            if len(roots) > 1:
                return None
            joined[surname] = primary_in[surname][0]
        return cluster_of(joined[surname])

    surnames = sorted(by_surname)
    for x, row in neighbour_rows(surnames):
        surname, own_keys = surnames[x], primary_in[surnames[x]]
        close = [surnames[y] for y in row if JaroWinkler.similarity(surname, surnames[y]) >= SURNAME_THRESHOLD] if own_keys else []
        own_cluster = one_cluster(surname) if close and cluster_of is not None else None
        for other_surname in close:
            if own_cluster is not None and one_cluster(other_surname) == own_cluster:
                continue  # as one person's names come to share a cluster, most close surnames are joined already
            groups_of_other = by_first(other_surname)
            agreeing: dict[str, tuple[list[int], dict[int, list[int]]]] = {}  # each pair of first names tested once
            for i in own_keys:
                first = keys[i].given[0]
                if first not in agreeing:
                    groups = [js for other, js in groups_of_other.items() if first_names_agree_in_full(first, other)]
                    agreeing[first] = (groups[0] if len(groups) == 1 else sorted(j for js in groups for j in js)), {}
                candidates, known = agreeing[first]
                if row_of_key := not_yet_joined(candidates, 0, i, cluster_of, known):
                    yield i, row_of_key
                    if cluster_of is not None:
                        own_cluster = one_cluster(surname)  # the caller may have joined it


def shared_block_rows(keys: list[NameKey]) -> Iterable[tuple[int, list[int]]]:
    """The rows of ``candidate_pairs`` by sorted neighbourhood within blocks: by surname among
    names sharing a first given name (of other surnames only), and among regnal names with the
    same number ("Charles V", "Carlos V")."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key.number:
            blocks["number", key.number].append(i)
            for group in given_name_groups().get(key.surname, NONE) if not key.given else ():
                blocks["number", key.number, group].append(i)
        if key.given and len(key.given[0]) > 1:
            blocks["given", key.given[0]].append(i)
    primary = [key.primary for key in keys]
    for (kind, *_), members in blocks.items():
        spellings = [compact(keys[i]) if kind == "number" else keys[i].surname for i in members]
        for x, row in neighbour_rows(spellings):
            if kind == "number":
                yield members[x], [members[y] for y in row]
            elif primary[members[x]]:  # the same surname was compared above
                spelling = spellings[x]
                if others := [members[y] for y in row if spellings[y] != spelling and primary[members[y]]]:
                    yield members[x], others


@collector_paused()
def link_names(
    names: list[str],
    apart: Iterable[tuple[str, str]] = (),
    corroborated: Callable[[str, str, list[str]], bool] | None = None,
) -> tuple[list[list[int]], list[Link]]:
    """Cluster names; return clusters (indices into ``names``) and the links that made them.

    Distinct spellings are compared once, only with candidates from blocking. A surname alone
    then joins the one cluster of full names with that surname; when several clusters share
    it, it stays alone; lone words spelled closely are one name. No link ever puts two names of
    a pair in ``apart`` (the user's "different" aliases, compared case-insensitively) into one
    cluster. With ``corroborated``, a link by a WEAK_RULES rule or by SURNAME_ONLY is only made
    when ``corroborated(rule, name, others)`` says the context agrees (``others``: the name it
    is matched with, or for a surname alone every name of the cluster it would join).
    """
    distinct = list(dict.fromkeys(names))
    # each word folded once: a bounded cache would fold words again once a corpus holds more of them
    fold_once = lru_cache(maxsize=None)(spelling_key)
    readings = [name_keys(name, fold_once) for name in distinct]
    keys = [key for keys_of_name in readings for key in keys_of_name]
    owner = [n for n, keys_of_name in enumerate(readings) for _ in keys_of_name]
    uf = UnionFind(len(distinct))
    links: list[Link] = []
    position_of = {n.casefold(): i for i, n in enumerate(distinct)}
    kept_apart = [(position_of[a.casefold()], position_of[b.casefold()]) for a, b in apart
                  if a.casefold() in position_of and b.casefold() in position_of]

    def join(i: int, j: int, rule: str, score: float, context: list[str] | None = None) -> None:
        needs_context = rule in WEAK_RULES or rule == SURNAME_ONLY
        if needs_context and corroborated and not corroborated(rule, distinct[i], context or [distinct[j]]):
            return
        roots = {uf.find(i), uf.find(j)}
        if len(roots) == 2 and not any({uf.find(a), uf.find(b)} == roots for a, b in kept_apart):
            links.append(Link(distinct[i], distinct[j], f"person name: {rule}", round(score, 3)))
            uf.union(i, j)

    find, parent = uf.find, uf.parent
    for x, row in candidate_pairs(keys, lambda k: find(owner[k])):  # millions of pairs, most already joined
        i, key = owner[x], keys[x]
        root = find(i)
        for y in row:
            j = owner[y]
            other = j if parent[j] == j else find(j)
            if other != root and (found := match(key, keys[y])):
                join(i, j, *found)
                root = find(i)
    full_names: dict[str, set[int]] = defaultdict(set)
    for x, key in enumerate(keys):
        if key.is_full and key.primary and not key.number:
            full_names[key.surname].add(uf.find(owner[x]))
    names_in: dict[int, list[str]] = defaultdict(list)
    for k, name in enumerate(distinct):
        names_in[uf.find(k)].append(name)
    alone: list[int] = []
    for x, key in enumerate(keys):
        if key.is_full or key.number:
            continue
        roots = full_names.get(key.surname, set()) if not key.regnal else set()
        if len(roots) == 1:
            root = next(iter(roots))
            join(owner[x], root, SURNAME_ONLY, 1.0, names_in[root])
        elif not roots:
            alone.append(x)
    spellings = [keys[x].surname for x in alone]
    for a, b in neighbours(spellings):
        score = JaroWinkler.similarity(spellings[a], spellings[b])
        if score >= (1.0 if min(len(spellings[a]), len(spellings[b])) < MIN_FUZZY_LENGTH else LONE_NAME_THRESHOLD):
            join(owner[alone[a]], owner[alone[b]], "same single name" if score == 1 else "close single name", score)
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
