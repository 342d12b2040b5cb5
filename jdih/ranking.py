"""From a parsed query to the Whoosh query that ranks clauses.

Each word is searched in the stemmed fields (structure headings above the
body, the document title far below) and in the unstemmed field; words typed
next to each other add a proximity boost through the word-pair fields;
abbreviations and their long forms stand in for each other; a definitional
query ("apa yang dimaksud dengan DKPP") is pulled toward the clauses that
define the term. Scores are Whoosh's BM25F (per-field BM25 with per-field
length normalisation, summed with these weights).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as Q

from . import analysis
from .definitions import normalise
from .lexicon import Expansion, abbreviations, words
from .qparse import AnyOf, Clause, Group, Parsed, Phrase, Word
from .scoring import BestOf

# Field weights of a single word. Headings (BAB/Bagian/Paragraf titles such as
# "Penggantian Antarwaktu") say what a whole group of Pasal is about. A word
# scores by its best field plus TIEBREAK times the others (``scoring.BestOf``).
WEIGHTS = {"heading": 0.8, "doctitle": 0.3, "body": 1.0, "lead": 1.0, "exact": 1.0}
TIEBREAK = 0.2
PROXIMITY = 0.5        # two words typed next to each other, next to each other in the text
EXPANSION = 1.0        # an abbreviation's long form, or the long form's abbreviation
ABBREVIATION_SHARE = 0.5  # an abbreviation found for a typed long form weighs this share of its words
DEFINES = 8.0          # the clause defines exactly the asked term
DEFWORDS = 1.5         # the defined term contains the asked words


@dataclass
class Built:
    query: Q.Query | None
    words: list[str] = field(default_factory=list)        # positive words as searched
    expansions: list[str] = field(default_factory=list)   # "PAW = penggantian antarwaktu | ..."
    related: list[str] = field(default_factory=list)      # words of the expansions (to highlight)


def stems(tokens: list[str] | tuple[str, ...]) -> list[str]:
    """Indexed form of a word sequence: bound morphemes joined, stopwords out, stemmed."""
    return analysis.terms(" ".join(tokens))


def word_query(word: str) -> Q.Query | None:
    """One typed word in every field; None for a stopword."""
    stemmed = stems([word])
    if not stemmed:
        return None
    subs: list[Q.Query] = []
    for st in stemmed:
        subs += [Q.Term(f, st, boost=WEIGHTS[f]) for f in ("heading", "doctitle", "body", "lead")]
    subs += [Q.Term("exact", w, boost=WEIGHTS["exact"]) for w in words(word)]
    return BestOf(subs, tiebreak=TIEBREAK)


def phrase_query(tokens: list[str] | tuple[str, ...], boost: float = 1.0) -> Q.Query:
    """The exact word sequence, through the pair field (fast and exact)."""
    tokens = list(tokens)
    if len(tokens) == 1:
        return Q.Term("exact", tokens[0], boost=boost)
    pairs = analysis.pair_terms(tokens)
    if len(pairs) == 1:
        return Q.Term("pairs", pairs[0], boost=boost)
    return Q.Phrase("pairs", pairs, slop=1, boost=boost)


def sequence_query(tokens: tuple[str, ...], boost: float = EXPANSION) -> Q.Query | None:
    """A multi-word name (a long form): its word pairs, in any inflection or as
    written (positions are not checked: this only widens and ranks)."""
    if len(tokens) == 1:
        q = word_query(tokens[0])
        return q.with_boost(boost) if q is not None else None
    stemmed = stems(tokens)
    exact = analysis.pair_terms(list(tokens))
    parts: list[Q.Query] = [Q.And([Q.Term("pairs", p) for p in exact], boost=boost * 0.5 / len(exact))]
    if len(stemmed) >= 2:
        pairs = analysis.pair_terms(stemmed)
        parts.append(Q.And([Q.Term("stempairs", p) for p in pairs], boost=boost / len(pairs)))
    elif stemmed:
        parts.append(Q.Term("body", stemmed[0], boost=boost))
    return Q.Or(parts)


def join_bound(tokens: list[str]) -> list[str]:
    """'antar' 'waktu' -> 'antarwaktu', as the index's analyzer joins them."""
    out: list[str] = []
    for t in tokens:
        if out and out[-1] in analysis.BOUND_PREFIXES and t.isalpha():
            out[-1] = out[-1] + t
        else:
            out.append(t)
    return out


def _related(exp: Expansion) -> list[str]:
    return [w for alt in exp.alternatives for w in alt]


def _describe(exp: Expansion, tokens: list[str]) -> str:
    typed = " ".join(tokens[exp.start:exp.end])
    return f"{typed} = " + " | ".join(" ".join(a) for a in exp.alternatives)


class _Builder:
    def __init__(self):
        self.words: list[str] = []
        self.expansions: list[str] = []
        self.related: list[str] = []

    def node(self, node) -> Q.Query | None:
        if isinstance(node, Word):
            self.words.append(node.text)
            return self.expanded_word(node.text)
        if isinstance(node, Phrase):
            self.words.extend(node.words)
            return phrase_query(node.words)
        if isinstance(node, AnyOf):
            subs = [q for q in (self.node(n) for n in node.nodes) if q is not None]
            return Q.Or(subs) if subs else None
        if isinstance(node, Group):
            return self.clauses(node.clauses)
        return None

    def expanded_word(self, word: str) -> Q.Query | None:
        q = word_query(word)
        exps = abbreviations().expansions([word])
        if not exps:
            return q
        self.expansions.append(_describe(exps[0], [word]))
        self.related += _related(exps[0])
        alts = [sequence_query(a) for a in exps[0].alternatives]
        subs = [x for x in [q, *alts] if x is not None]
        return Q.Or(subs) if subs else None

    def run_boosts(self, run: list[str]) -> list[Q.Query]:
        """Proximity and long-form expansions of words typed next to each other."""
        out: list[Q.Query] = []
        stemmed = analysis.pair_terms(stems(run))
        exact = analysis.pair_terms(run)
        for i in range(max(len(stemmed), len(exact))):
            subs = [Q.Term("stempairs", p) for p in stemmed[i:i + 1]] + [Q.Term("pairs", p) for p in exact[i:i + 1]]
            out.append(BestOf(subs, boost=PROXIMITY, tiebreak=TIEBREAK))
        for exp in abbreviations().expansions(run):
            if exp.end - exp.start < 2:
                continue  # single words are expanded in place
            self.expansions.append(_describe(exp, run))
            self.related += _related(exp)
            # An abbreviation stands for the words of the long form typed (it is one term).
            alts = [sequence_query(a, EXPANSION * max(1.0, ABBREVIATION_SHARE * (exp.end - exp.start)))
                    if len(a) == 1 else sequence_query(a)
                    for a in exp.alternatives]
            alts = [a for a in alts if a is not None]
            if alts:
                out.append(Q.Or(alts))
        return out

    def clauses(self, clauses: list[Clause]) -> Q.Query | None:
        musts: list[Q.Query] = []
        shoulds: list[Q.Query] = []
        nots: list[Q.Query] = []
        run: list[str] = []
        for clause in clauses:
            if not (isinstance(clause.node, Word) and clause.adjacent and clause.occur != "not"):
                shoulds += self.run_boosts(run) if len(run) > 1 else []
                run = []
            if isinstance(clause.node, Word) and clause.occur != "not":
                run.append(clause.node.text)
            q = self.node(clause.node)
            if q is None:
                continue
            {"must": musts, "should": shoulds, "not": nots}[clause.occur].append(q)
        if len(run) > 1:
            shoulds += self.run_boosts(run)
        return combine(musts, shoulds, nots)


def combine(musts: list[Q.Query], shoulds: list[Q.Query], nots: list[Q.Query]) -> Q.Query | None:
    if musts:
        positive: Q.Query = musts[0] if len(musts) == 1 else Q.And(musts)
        if shoulds:
            positive = Q.AndMaybe(positive, Q.Or(shoulds))
    elif shoulds:
        positive = Q.Or(shoulds)
    else:
        return None
    if nots:
        return Q.AndNot(positive, Q.Or(nots))
    return positive


def merge_bound_words(parsed: Parsed) -> None:
    """Join 'antar' + 'waktu' typed apart in runs of plain words, in place."""
    out: list[Clause] = []
    for clause in parsed.clauses:
        prev = out[-1] if out else None
        if (prev is not None and isinstance(prev.node, Word) and isinstance(clause.node, Word)
                and prev.node.text in analysis.BOUND_PREFIXES and clause.adjacent
                and prev.occur == clause.occur != "not" and clause.node.text.isalpha()):
            prev.node = Word(prev.node.text + clause.node.text)
            continue
        out.append(clause)
    parsed.clauses = out


def build(parsed: Parsed, definition: str | None = None) -> Built:
    """The Whoosh query for a parsed query; ``definition`` is the term a
    definitional query asks about (its words are already in ``parsed``)."""
    merge_bound_words(parsed)
    b = _Builder()
    q = b.clauses(parsed.clauses)
    if q is not None and definition:
        q = Q.Or([q, *definition_boosts(definition)])
    return Built(q, b.words, b.expansions, b.related)


def definition_boosts(term: str) -> list[Q.Query]:
    """Toward the clauses defining ``term`` (or one of its other names)."""
    tokens = words(term)
    names = {normalise(term)}
    for exp in abbreviations().expansions(tokens):
        if exp.start == 0 and exp.end == len(tokens):
            names.update(" ".join(a) for a in exp.alternatives)
    out: list[Q.Query] = [Q.Term("defines", n, boost=DEFINES) for n in sorted(names)]
    stemmed = stems(tokens)
    if stemmed:
        out.append(Q.And([Q.Term("defwords", s) for s in stemmed], boost=DEFWORDS))
    return out
