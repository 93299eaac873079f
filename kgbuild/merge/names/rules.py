"""When two name keys denote one person. Two full names match when their given names are
compatible (same key, close spelling, initial, nickname, or the same name in another language
from ``given_names.txt``; a missing middle name is no conflict) and their surname keys are close
(JaroWinkler >= SURNAME_THRESHOLD), or nearly so when the given names agree in full ("Jane
Austen" / "Jane Austin"); a name with a second surname also matches without it ("Miquel Barceló
García" / "Miquel Barceló"). Regnal names match with the same number."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nicknames import NickNamer
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .keys import NameKey, compact, fold

GIVEN_NAME_THRESHOLD = 0.84  # given names spelled this alike (Jaro-Winkler) agree: "Yury" / "Yuriy"
SURNAME_THRESHOLD = 0.92  # surnames spelled this alike match when the given names have the same key
CLOSE_SURNAME_THRESHOLD = 0.85  # and this alike when the given names agree in full: "Austen" / "Austin"
REGNAL_THRESHOLD = 0.85  # two one-word regnal names with one number spelled this alike: "Nicolas II" / "Nikolai II"
MIN_SHORT_FORM = 3  # a given name this long or longer that begins another is its short form: "Steve" / "Steven"
FULL_GIVEN_AGREEMENT = ("same key", "short form", "close spelling", "nickname", "same name in another language")
NONE: frozenset[int] = frozenset()  # no line of given_names.txt
# In a corpus, spelling alone cannot tell "Rick Perry" from "Rick Parry", "Robert Stone" from
# "Roger Stone": links by these rules need the context to agree (see link_names).
WEAK_RULES = frozenset({"close surname", "close spelling", "close single name"})
SURNAME_ONLY = "surname only, one full name"  # "Carson" is Johnny Carson only if nothing says Ben
# "Trump" in a corpus where nine in ten mentions of a Trump named in full are of Donald Trump
SURNAME_DOMINANT = "surname only, the full name most mentions are of"
DOMINANT_SHARE = 0.9


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
    if min(len(x), len(y)) >= MIN_SHORT_FORM and (x.startswith(y) or y.startswith(x)):
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


@lru_cache(maxsize=1_000_000)
def first_names_agree_in_full(x: str, y: str) -> bool:
    """What two names with different surnames need before ``match`` can join them: first given
    names that agree in full (not by an initial)."""
    return len(x) > 1 and len(y) > 1 and same_given(x, y) in FULL_GIVEN_AGREEMENT


@lru_cache(maxsize=1_000_000)
def first_names_agree(x: str, x_initial: str, y: str, y_initial: str) -> bool:
    """Whether two first given names agree at all (``same_given``), an initial by its letter as written."""
    return bool(same_given(x, y, x_initial, y_initial))
