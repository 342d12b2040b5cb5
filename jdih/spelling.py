"""'Maksud Anda: ...': corrections for typed words, from the index vocabulary.

The vocabulary is the unstemmed field of the index. Candidates within edit
distance 1 (2 for words of seven letters or more) are found with a deletion
index (the SymSpell idea: a word and its misspelling share a form with one
letter deleted), then ranked by distance and by how many clauses use them.
For a public search a candidate must occur in a published document, so a word
from an internal document is never suggested.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

MIN_LENGTH = 4          # shorter words are abbreviations or numbers, not typos
LONG_WORD = 7           # from this length, two edits are allowed
RARE = 2                # a known word this rare may still be a typo ...
MUCH_MORE = 10          # ... of a neighbour this many times more frequent


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@dataclass(frozen=True)
class Correction:
    word: str
    correction: str
    certain: bool    # the typed word does not occur at all: search the correction instead


class Speller:
    """Built once per index version from (word, frequency) pairs."""

    def __init__(self, vocabulary: dict[str, int]):
        self.freq = {w: n for w, n in vocabulary.items() if w.isalpha() and len(w) >= MIN_LENGTH - 1}
        self.by_delete: dict[str, list[str]] = {}
        for w in self.freq:
            for d in deletes(w, 1):
                self.by_delete.setdefault(d, []).append(w)

    def candidates(self, word: str) -> list[tuple[int, int, str]]:
        """(distance, -frequency, word) of the neighbours of ``word``, best first."""
        maxdist = 2 if len(word) >= LONG_WORD else 1
        seen: set[str] = set()
        out = []
        for d in deletes(word, maxdist):
            for cand in self.by_delete.get(d, ()):
                if cand in seen or cand == word:
                    continue
                seen.add(cand)
                dist = edit_distance(word, cand, maxdist + 1)
                if dist <= maxdist:
                    out.append((dist, -self.freq[cand], cand))
        return sorted(out)

    def correct(self, word: str, usable: Callable[[str], int]) -> Correction | None:
        """A correction for one lower-case word, or None when it looks right.
        ``usable(word)`` is the word's frequency in the documents the searcher
        may see (published ones for the public)."""
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        own = usable(word) if word in self.freq else 0
        if own > RARE:
            return None
        for dist, negfreq, cand in self.candidates(word):
            if own and (dist > 1 or -negfreq < MUCH_MORE * own):
                continue
            if usable(cand) > 0:
                return Correction(word, cand, certain=own == 0)
        return None
