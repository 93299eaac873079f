"""A person's name -> its key, the form in which names are compared: transliterated to ASCII
(Unidecode), lower-cased, titles, possessives and post-nominal letters dropped, "Surname, Given"
turned round, a regnal number ("Charles V", "Juan Carlos I") set apart, and each word folded by
the spelling rules in ``FOLDS`` (y/i, kh/h, w/v, -sky/-ski, doubled letters...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

# the honorifics that say a man or a woman is named (the extraction's own lists are in
# extract/lexicon.py: the stages import no one another)
MEN_HONORIFICS = frozenset({"mr", "sir", "lord"})
WOMEN_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "lady"})
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


def compact(key: NameKey) -> str:
    return "".join((*key.given, key.surname))


def honorific_gender(name: str) -> str | None:
    """ "man" for "Mr Howard" or "Lord Goldsmith", "woman" for "Mrs Howard" or "Ms. Acosta", else None."""
    words = name.split()
    first = words[0].lower().rstrip(".") if words else ""
    return "man" if first in MEN_HONORIFICS else "woman" if first in WOMEN_HONORIFICS else None
