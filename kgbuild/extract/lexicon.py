"""Language resources for attribution: the cue table (``cues.tsv``) and small word lists."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

STANCES = ("asserts", "denies", "refutes", "confirms", "questions")


@dataclass(frozen=True)
class Cue:
    cue: str
    stance: str
    negated: str | None  # stance when negated; None drops the attribution
    speech: bool
    object: str | None  # "content" | "recipient" | None: what a direct object is
    infinitive: bool  # an infinitival complement is the content
    prepositions: frozenset[str] = frozenset()  # join the cue: "called for", "pointed to"
    quoted: bool = False  # reports only a quotation beside it: 'Trump continued, "..."'


@cache
def cues() -> dict[str, Cue]:
    """The cue table keyed by verb lemma or multi-word preposition."""
    text = resources.files(__package__).joinpath("cues.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    table = {}
    for row in rows:
        negated = None if row["negated"] == "-" else row["negated"]
        assert row["stance"] in STANCES and (negated is None or negated in STANCES), row
        obj = None if row["object"] == "-" else row["object"]
        assert obj in (None, "content", "recipient"), row
        prepositions = frozenset() if row["preposition"] == "-" else frozenset(row["preposition"].split("|"))
        table[row["cue"]] = Cue(
            row["cue"], row["stance"], negated, row["speech"] == "yes", obj, row["infinitive"] == "yes", prepositions,
            row["quoted"] == "yes",
        )
    return table


# Nouns naming a claim itself; "denied the allegations, stating ..." takes its content from "stating".
CLAIM_NOUNS = frozenset(
    {"allegation", "claim", "report", "accusation", "charge", "rumor", "rumour", "fake", "story", "assertion"}
)

# Words marking a channel: a medium or an outlet an actor spoke through.
CHANNEL_WORDS = frozenset(
    {
        "agency", "broadcaster", "channel", "daily", "facebook", "instagram", "magazine", "media",
        "network", "newspaper", "newswire", "outlet", "paper", "podcast", "radio", "station", "telegram",
        "television", "tiktok", "tv", "twitter", "website", "wire", "youtube",
    }
)

# Forms a statement takes; a named entity hanging from one is its channel ("a post on Truth Social").
STATEMENT_FORMS = frozenset(
    {
        "address", "appearance", "article", "broadcast", "briefing", "communique", "e-mail", "email", "interview",
        "op-ed", "post", "release", "statement", "tweet", "video",
    }
)

FORM_ENDED_NAMES = frozenset({"ORG", "FAC", "WORK_OF_ART"})  # a statement form that ends one of these names is the name


def is_statement_form(token: Token) -> bool:
    """A word for the form a statement took (STATEMENT_FORMS), not the last word of a name: "the
    Washington Post" and "The Jakarta Post" are outlets, not posts."""
    return token.lemma_.lower() in STATEMENT_FORMS and not (token.ent_iob_ == "I" and token.ent_type_ in FORM_ENDED_NAMES)


# Prepositions that introduce the form a statement took: "said in a statement", "via a news release".
STATEMENT_PREPOSITIONS = frozenset({"in", "through", "via"})
CHANNEL_PREPOSITIONS = frozenset({"on", "via", "through"})

# Adverbs that hedge a report; kept as a marker on the attribution.
HEDGES = frozenset({"allegedly", "reportedly", "supposedly", "purportedly", "apparently", "seemingly"})

# Singular nouns that name a speaker even with a possessive ("the city's mayor", "Trump's
# campaign"); any other possessed singular head ("his first visit said") is a parse error.
AGENT_NOUNS = frozenset(
    {
        "adviser", "advisor", "aide", "analyst", "anchor", "administration", "army", "attorney", "author",
        "camp", "campaign", "chairman", "chief", "coalition", "commander", "community", "correspondent",
        "critic", "diplomat", "director", "doctor", "economist", "expert", "general", "government",
        "governor", "group", "head", "insider", "journalist", "judge", "lawmaker", "lawyer", "leader",
        "leadership", "man", "mayor", "military", "minister", "observer", "official", "officer",
        "opposition", "party", "person", "police", "president", "professor", "prosecutor", "reporter",
        "representative", "researcher", "resident", "secretary", "senator", "side", "source", "spokesman",
        "spokesperson", "spokeswoman", "team", "voter", "witness", "woman",
    }
)

# Singular nouns that describe one person by role or trade: "the minister", "the rookie defenceman"
# said stands for the person named just before (``sources.SourceResolver.epithet_of``).
PERSON_NOUNS = frozenset(
    {
        "actor", "actress", "adviser", "advisor", "aide", "analyst", "anchor", "artist", "athlete", "attorney",
        "author", "boss", "campaigner", "candidate", "captain", "ceo", "chairman", "chairwoman", "champion",
        "chancellor", "chief", "coach", "commander", "commissioner", "congressman", "congresswoman", "councillor",
        "defenceman", "defender", "diplomat", "director", "doctor", "economist", "executive", "father", "founder",
        "forward", "goalkeeper", "goaltender", "governor", "head", "host", "journalist", "judge", "lawmaker",
        "lawyer", "leader", "manager", "mayor", "midfielder", "minister", "mother", "mp", "musician", "official",
        "officer", "player", "politician", "premier", "president", "professor", "prosecutor", "quarterback",
        "rapper", "researcher", "rookie", "scientist", "secretary", "senator", "singer", "skipper", "star",
        "striker", "veteran", "winger", "writer",
    }
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Words before a name that make it a person's, whatever NER tagged: "Mr Purushotma", "Lord Goldsmith";
# the ones that say a man or a woman
MEN_HONORIFICS = frozenset({"mr", "sir", "lord"})
WOMEN_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "lady"})
HONORIFICS = MEN_HONORIFICS | WOMEN_HONORIFICS | {"dr", "prof"}
GROUP_PRONOUNS = frozenset({"they", "them", "it"})

# Words that make a name NER tagged PERSON the name of a place, a school or a firm ("Mount Etna",
# "Stoneman Douglas High School", "Morgan Stanley & Co"): never what "he" or "she" refers to.
NOT_PERSON_WORDS = frozenset(
    {
        "academy", "airport", "avenue", "bank", "bay", "bridge", "church", "city", "co", "college", "company",
        "corp", "corporation", "county", "fund", "glacier", "group", "high", "hospital", "inc", "island",
        "lake", "llc", "ltd", "mount", "mountain", "mt", "park", "river", "school", "station", "street",
        "university", "valley", "volcano",
    }
)

# Nouns that describe a company: "the company" refers to an organization NER tagged ORG, never
# to a country or a person ("Jane Doe, the company's chief executive").
COMPANY_NOUNS = frozenset(
    {"airline", "bank", "carrier", "company", "corporation", "firm", "insurer", "lender", "maker", "retailer", "startup"}
)

# Words an organization's name shares with every other one: "the Center for Strategic
# Communications and Information Security" and "the Office of Strategic Communications" are one
# organization because their other words agree.
GENERIC_ORG_WORDS = frozenset(
    {
        "agency", "and", "authority", "bureau", "center", "centre", "commission", "committee", "council",
        "department", "for", "institute", "ministry", "national", "of", "office", "on", "service", "the",
    }
)

# Adjectives under which a cue is the writer's own remark: "It is worth emphasizing that ...",
# "It is important to note that ..." (the subject "it" is a dummy, not a source).
REMARK_ADJECTIVES = frozenset(
    {"clear", "crucial", "important", "interesting", "necessary", "noteworthy", "notable", "obvious", "relevant",
     "significant", "striking", "telling", "true", "useful", "worth"}
)
