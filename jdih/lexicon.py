"""Word lists kept as data files in jdih/data (maintained in the repository).

``stopwords-id.txt``: function words removed by the search analyzer.
``singkatan.txt``: abbreviations and their long forms, matched both ways by
search ("DKPP" <-> "Dewan Kehormatan Penyelenggara Pemilu").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# The tokens an abbreviation entry is matched on: the exact analyzer's tokens
# (lower case, words with inner hyphens kept whole: "ban-pt", "undang-undang").
WORD_RE = re.compile(r"\w+(?:[-']\w+)*")


def _lines(name: str) -> list[str]:
    text = resources.files("jdih.data").joinpath(name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")]


def _words(name: str) -> list[str]:
    return _lines(name)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_words("stopwords-id.txt"))


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(text.lower()))


@dataclass(frozen=True)
class Expansion:
    """Tokens ``start:end`` of a query can also be written as each of ``alternatives``."""
    start: int
    end: int
    alternatives: tuple[tuple[str, ...], ...]
    short: str  # the abbreviation as printed ("DKPP"), for --explain


class Abbreviations:
    """The abbreviation table, indexed both ways on lower-case token tuples."""

    def __init__(self, rows: list[tuple[str, list[str]]]):
        self.printed: dict[str, str] = {}
        self.long_of: dict[str, list[tuple[str, ...]]] = {}
        self.short_of: dict[tuple[str, ...], list[str]] = {}
        for short, longs in rows:
            key = short.lower()
            self.printed.setdefault(key, short)
            for long in longs:
                toks = words(long)
                if not toks or toks in self.long_of.setdefault(key, []):
                    continue
                self.long_of[key].append(toks)
                self.short_of.setdefault(toks, [])
                if key not in self.short_of[toks]:
                    self.short_of[toks].append(key)
        self.longest = max((len(t) for t in self.short_of), default=1)

    def __len__(self) -> int:
        return len(self.long_of)

    def entries(self) -> list[tuple[str, list[str]]]:
        return [(self.printed[k], [" ".join(t) for t in v]) for k, v in self.long_of.items()]

    def expansions(self, tokens: list[str] | tuple[str, ...]) -> list[Expansion]:
        """Every abbreviation or long form found in ``tokens`` (lower case), with the
        other ways of writing it. Long forms are matched longest first and do not
        overlap; an abbreviation is a single token ("undang-undang" is a one-token
        long form of UU)."""
        out: list[Expansion] = []
        i, n = 0, len(tokens)
        while i < n:
            found = None
            for size in range(min(self.longest, n - i), 0, -1):
                if size == 1 and tokens[i] in self.long_of:
                    break  # a single word that is an abbreviation expands as one (below)
                seq = tuple(tokens[i:i + size])
                if seq in self.short_of:
                    found = Expansion(i, i + size, tuple((s,) for s in self.short_of[seq])
                                      + tuple(t for s in self.short_of[seq] for t in self.long_of[s] if t != seq),
                                      self.printed[self.short_of[seq][0]])
                    break
            if found is None and tokens[i] in self.long_of:
                key = tokens[i]
                # Its long forms, and the other abbreviations of those (Perppu, Perpu).
                same = [s for t in self.long_of[key] for s in self.short_of[t] if s != key]
                alts = tuple(self.long_of[key]) + tuple(dict.fromkeys((s,) for s in same))
                found = Expansion(i, i + 1, alts, self.printed[key])
            if found is not None:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out


def parse_abbreviations(lines: list[str]) -> list[tuple[str, list[str]]]:
    """'PAW = penggantian antarwaktu | penggantian antar waktu' -> ('PAW', [...])."""
    rows = []
    for line in lines:
        short, sep, longs = line.partition("=")
        if not sep or not short.strip():
            raise ValueError(f"baris singkatan tidak dikenali: {line!r}")
        rows.append((short.strip(), [x.strip() for x in longs.split("|") if x.strip()]))
    return rows


@cache
def abbreviations() -> Abbreviations:
    return Abbreviations(parse_abbreviations(_lines("singkatan.txt")))
