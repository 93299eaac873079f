"""Every record passed between stages, in the order the stages make them: ingest's ``Article``
(and ``Skipped`` / ``InputWarning`` for what it could not use), extract's ``Attribution``s in an
``Extraction``, merge's ``Actor``s, ``Claim``s and ``Drift``s in a ``Merged`` corpus. Plain data:
the records an article makes round-trip through JSON, so they can be cached and sent to another
process."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

REJECTING = frozenset({"denies", "refutes"})  # the stances (``Attribution.stance``) that reject what they are about
ASSERTING = frozenset({"asserts", "confirms"})  # the stances that pass a claim on (a denial is no wording of it)


@dataclass(frozen=True)
class Article:
    """One input article, its text exactly as given (offsets refer to it)."""

    id: str
    text: str
    content_hash: str
    source: str  # file (and line) it was read from
    outlet: str | None = None
    date: str | None = None  # ISO date, as given by metadata
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input: where, its stable code (``errors.Code``) and why."""

    source: str
    code: str
    reason: str

    def message(self) -> str:
        return f"{self.code}: {self.source}: {self.reason}"


@dataclass(frozen=True)
class Skipped(Problem):
    """An input that was not read, and why."""


@dataclass(frozen=True)
class InputWarning(Problem):
    """An input that was read, but with a value left out or replaced (a date that is not a date,
    a file name that is not UTF-8), and why. Its article still lands."""


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """Who a source span refers to, after resolution inside its article."""

    name: str  # the name the actor is known by in this article
    kind: str  # "person" | "organization" | "collective" | "place" (a place only as what a claim is about)
    roles: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # every surface form that resolved to it
    resolved_by: str = "name"  # name | surname | pronoun | nominal | anonymous
    # named in common words only ("officials", "the government"), however resolved ("it"): who it
    # is depends on its article
    generic: bool = False


@dataclass(frozen=True)
class Attribution:
    """One report, in one article, that a source made (or rejected) some content."""

    article: str
    cue: Span | None  # None for the outlet's own voice
    content: Span | None
    source: Span | None
    actor: Mention | None
    stance: str  # asserts | denies | refutes | confirms | questions
    direct: bool
    quote: str | None
    via: str | None
    date: str | None  # lexical form of an xsd:date / gYearMonth / gYear / gMonthDay
    evidence: Span
    hedged: bool = False
    anaphoric: bool = False  # the content only refers back to an earlier claim ("the allegations")
    form: str = "clause"  # "clause", "quote" or "object" ("denied X"): how the content is worded
    core: tuple[str, ...] = ()  # lemmas of the content's predicate and its arguments' heads
    confidence: float = 0.5  # the trained model's probability that annotators would mark it
    speech: bool = True  # False for beliefs, intentions and perceptions
    aside: Span | None = None  # the attribution inside its content: "Trump[, he added,] is a liar"
    voice: str | None = None  # the outlet's own voice, and where: "headline", "lead" or "body"
    in_title: bool = False  # offsets refer to the article's title (metadata), not its text
    negated: bool = False  # the content says its claim is false: "... is not dead", "... was a hoax"
    headline: bool = False  # read from the headline: the title, the text's first line when it is one,
    # or the opening sentence of an article without either
    about: tuple[Mention, ...] = ()  # the people, organizations and places its content names

    @property
    def wording(self) -> str:
        """What the source said: the quoted words of a direct quote (its pieces joined when the
        quote is split around the speaker), else the content as written, without its aside."""
        if self.direct and self.quote:
            return self.quote
        if self.content is None:
            return ""
        if self.aside is None:
            return self.content.text
        text, start = self.content.text, self.content.start
        return f"{text[: self.aside.start - start].rstrip(' ,')} \u2026 {text[self.aside.end - start :].lstrip(' ,')}"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Attribution":
        def span(value):
            return Span(**value) if value else None

        def mention(value):
            return Mention(**{**value, "roles": tuple(value["roles"]), "variants": tuple(value["variants"])})

        actor = data.get("actor")
        return cls(
            **{
                **data,
                "cue": span(data.get("cue")),
                "content": span(data.get("content")),
                "source": span(data.get("source")),
                "evidence": Span(**data["evidence"]),
                "aside": span(data.get("aside")),
                "core": tuple(data.get("core", ())),
                "actor": mention(actor) if actor else None,
                "about": tuple(mention(m) for m in data.get("about", ())),
            }
        )


@dataclass
class Extraction:
    """What the extract stage produced for one article."""

    article: Article
    attributions: list[Attribution] = field(default_factory=list)
    # the sentence vectors of the wordings the claim merge compares first, by text (numpy float32
    # rows), computed where the article was extracted; not cached with it (``Vectors`` keeps them)
    vectors: dict = field(default_factory=dict)


Outcome = Extraction | Skipped  # what extraction makes of one article


@dataclass(frozen=True)
class Actor:
    """One real entity across the corpus: a source of claims, or what claims are about."""

    key: str  # stable, used to mint the IRI
    label: str
    kind: str  # person | organization | collective | place | outlet (speaking in its own voice)
    variants: tuple[str, ...]
    roles: tuple[str, ...]
    reasons: tuple[tuple[str, str, str, float], ...] = ()  # (variant, merged with, rule, score)


@dataclass(frozen=True)
class Claim:
    """One claim across the corpus: the wordings of every outlet that carries it."""

    key: str
    text: str
    first_seen: str | None
    outlets: tuple[str, ...]
    contested: bool
    laundered: bool = False


@dataclass(frozen=True)
class ClaimLink:
    """Why an attribution belongs to its claim."""

    rule: str
    score: float


@dataclass(frozen=True)
class Drift:
    """How an assertion's wording differs from its claim's earliest assertion, or a quotation's from
    the claim's earliest quotation (``earliest``, an index into ``Merged.attributions``): the
    changes (keys of ``kgbuild.graph.vocab.CHANGE``) and the word-level diff, as pieces ("=" kept,
    "-" dropped or "+" added, their words)."""

    earliest: int
    changes: tuple[str, ...]
    diff: tuple[tuple[str, str], ...]

    def pieces(self, op: str) -> tuple[str, ...]:
        """The words of each piece dropped ("-") or added ("+"), in order."""
        return tuple(words for kind, words in self.diff if kind == op)


@dataclass
class Merged:
    """The merged corpus: per attribution in the graph, its actor, claim and what it is about."""

    articles: list[Article]
    attributions: list[Attribution] = field(default_factory=list)
    extracted: list[Attribution] = field(default_factory=list)  # each attribution as extracted (the stance may differ)
    actor_of: list[str] = field(default_factory=list)  # actor key per attribution
    claim_of: list[str] = field(default_factory=list)  # claim key per attribution
    claim_links: list[ClaimLink] = field(default_factory=list)
    rejects: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # attribution -> claims it rejects
    actors: dict[str, Actor] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    unattributed: int = 0  # attributions with no resolvable source, kept out of the graph
    about_of: list[tuple[str, ...]] = field(default_factory=list)  # per attribution: keys of what it is about
    entities: dict[str, Actor] = field(default_factory=dict)  # what claims are about that never speaks
    spread: dict[int, int] = field(default_factory=dict)  # attribution -> its outlet's rank in its claim's spread
    drift: dict[int, Drift] = field(default_factory=dict)  # assertion -> how its wording differs from the earliest
    # own statement as fact -> the close wordings other outlets attribute or hedge: laundering's evidence
    restates: dict[int, tuple[int, ...]] = field(default_factory=dict)
