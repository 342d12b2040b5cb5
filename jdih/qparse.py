"""The query language: words, quoted phrases, AND/OR/NOT, -word, +word,
parentheses and filters (jenis:UU tahun:2014 status:berlaku tipe:...).

``parse`` turns the text into clauses, each a node with how it must occur
(``should``: ranks, and at least one should-clause must match when nothing is
required; ``must``; ``not``). The parser is total: any text gives a query (a
stray quote, operator or bracket is read as plain text), never an exception.

    calon terpilih "mengundurkan diri" -partai
    PAW AND (DPRD OR DPR) NOT provinsi
    pemilu jenis:UU tahun:2017
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import words

# One lexical item of a query. Must not split words with inner hyphens
# ("undang-undang", "ban-pt") nor read a hyphen inside a word as NOT.
#   '"calon terpilih"' -> phrase; '-partai' -> minus + word; 'jenis:UU' -> filter
TOKEN_RE = re.compile(
    r'(?P<prefix>[-+])?"(?P<phrase>[^"]*)"?'
    r"|(?P<open>\()|(?P<close>\))"
    r"|(?P<filter>jenis|tahun|status|tipe):(?P<value>\"[^\"]*\"|[^\s()]+)"
    r"|(?P<sign>(?<!\S)[-+])?(?P<word>[^\s()\"]+)", re.I)

# Operators: English and Indonesian, upper case only, so that the words "dan",
# "atau", "bukan" in a sentence stay words. Must not match "Dan" or "and".
OPERATORS = {"AND": "and", "DAN": "and", "OR": "or", "ATAU": "or", "NOT": "not", "BUKAN": "not"}
FILTERS = ("jenis", "tahun", "status", "tipe")


@dataclass
class Word:
    text: str          # as typed, lower case


@dataclass
class Phrase:
    words: list[str]   # lower case tokens


@dataclass
class AnyOf:
    nodes: list        # at least one must match


@dataclass
class Clause:
    node: object       # Word | Phrase | AnyOf | Group
    occur: str = "should"  # should | must | not
    adjacent: bool = True  # written right after the previous clause (for proximity)


@dataclass
class Group:
    clauses: list[Clause]


@dataclass
class Parsed:
    clauses: list[Clause] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)

    def positive(self) -> bool:
        return any(c.occur != "not" for c in self.clauses)


@dataclass
class _Tok:
    kind: str   # word, phrase, open, close, op
    value: object
    sign: str = ""


def _lex(text: str, filters: dict[str, str]) -> list[_Tok]:
    out: list[_Tok] = []
    for m in TOKEN_RE.finditer(text):
        if m.group("filter"):
            filters[m.group("filter").lower()] = m.group("value").strip('"')
        elif m.group("phrase") is not None:
            toks = list(words(m.group("phrase")))
            if toks:
                out.append(_Tok("phrase", toks, m.group("prefix") or ""))
        elif m.group("open"):
            out.append(_Tok("open", "("))
        elif m.group("close"):
            out.append(_Tok("close", ")"))
        else:
            raw = m.group("word")
            if raw in OPERATORS and not m.group("sign"):
                out.append(_Tok("op", OPERATORS[raw]))
                continue
            for i, w in enumerate(words(raw)):
                out.append(_Tok("word", w, (m.group("sign") or "") if i == 0 else ""))
    return out


class _Parser:
    def __init__(self, toks: list[_Tok]):
        self.toks = toks
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def sequence(self, closing: bool) -> list[Clause]:
        clauses: list[Clause] = []
        pending_and = False
        adjacent = True
        while (tok := self.peek()) is not None:
            if tok.kind == "close":
                if closing:
                    self.take()
                    break
                self.take()  # a stray ")" is ignored
                continue
            if tok.kind == "op" and tok.value == "and":
                self.take()
                if clauses and clauses[-1].occur == "should":
                    clauses[-1].occur = "must"
                pending_and = True
                adjacent = False
                continue
            clause = self.alternatives()
            if clause is None:
                continue
            clause.adjacent = adjacent and clause.occur != "not"
            if pending_and and clause.occur == "should":
                clause.occur = "must"
            pending_and = False
            adjacent = True
            clauses.append(clause)
        return clauses

    def alternatives(self) -> Clause | None:
        first = self.unary()
        if first is None:
            return None
        nodes = [first]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.value == "or":
            self.take()
            nxt = self.unary()
            if nxt is not None:
                nodes.append(nxt)
        if len(nodes) == 1:
            return first
        occur = "must" if any(c.occur == "must" for c in nodes) else "should"
        return Clause(AnyOf([c.node for c in nodes if c.occur != "not"] or [nodes[0].node]), occur, False)

    def unary(self) -> Clause | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == "op":
            self.take()
            if tok.value == "not":
                inner = self.unary()
                return Clause(inner.node, "not") if inner is not None else None
            return None  # a dangling OR/AND
        self.take()
        occur = {"-": "not", "+": "must"}.get(tok.sign, "should")
        if tok.kind == "open":
            inner = self.sequence(closing=True)
            if not inner:
                return None
            if len(inner) == 1 and inner[0].occur != "not":
                return Clause(inner[0].node, occur if occur != "should" else inner[0].occur)
            return Clause(Group(inner), occur)
        if tok.kind == "phrase":
            node = Phrase(tok.value) if len(tok.value) > 1 else Word(tok.value[0])
            return Clause(node, "must" if occur == "should" else occur)
        if tok.kind == "close":
            return None
        return Clause(Word(tok.value), occur)


def parse(text: str) -> Parsed:
    filters: dict[str, str] = {}
    toks = _lex(text, filters)
    return Parsed(_Parser(toks).sequence(closing=False), filters)


def plain_words(parsed: Parsed) -> list[str]:
    """The words of the positive clauses, in order (for snippets and suggestions)."""
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, Word):
            out.append(node.text)
        elif isinstance(node, Phrase):
            out.extend(node.words)
        elif isinstance(node, AnyOf):
            for n in node.nodes:
                walk(n)
        elif isinstance(node, Group):
            for c in node.clauses:
                if c.occur != "not":
                    walk(c.node)

    for c in parsed.clauses:
        if c.occur != "not":
            walk(c.node)
    return out
