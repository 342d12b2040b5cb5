"""``BestOf``: a word scored by its best field, plus a share of the others.

A word is searched in several fields (stemmed body, unstemmed body, structure
headings, document title). Adding the field scores counts one typed word three
or four times, so a frequent two-word name ("partai politik") drowns the word
that actually discriminates ("pendirian"). ``BestOf`` takes the best field's
score and adds ``tiebreak`` times the rest (Lucene's "dismax"), which is what
BM25F's per-term saturation achieves across fields.

Whoosh's own ``DisjunctionMax`` matcher takes the maximum of both sub-matchers
even when they sit on different documents, so it is not used.
"""
from __future__ import annotations

from whoosh.matching import NullMatcher, UnionMatcher
from whoosh.query import CompoundQuery


class BestOfMatcher(UnionMatcher):
    """Union of two matchers; on a shared document: max + tiebreak * min."""

    def __init__(self, a, b, tiebreak: float = 0.0):
        super().__init__(a, b)
        self.tiebreak = tiebreak

    def copy(self):
        return self.__class__(self.a.copy(), self.b.copy(), tiebreak=self.tiebreak)

    def supports_block_quality(self) -> bool:
        return False

    def replace(self, minquality=0):
        a_active, b_active = self.a.is_active(), self.b.is_active()
        if not (a_active or b_active):
            return NullMatcher()
        if not a_active:
            return self.b.replace()
        if not b_active:
            return self.a.replace()
        return self

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return b.score()
        if not b.is_active():
            return a.score()
        ia, ib = a.id(), b.id()
        if ia < ib:
            return a.score()
        if ib < ia:
            return b.score()
        sa, sb = a.score(), b.score()
        return max(sa, sb) + self.tiebreak * min(sa, sb)


class BestOf(CompoundQuery):
    """Matches what any subquery matches; scores with ``BestOfMatcher``."""

    JOINT = " | "

    def __init__(self, subqueries, boost: float = 1.0, tiebreak: float = 0.0):
        super().__init__(subqueries, boost=boost)
        self.tiebreak = tiebreak

    def __str__(self):
        return "Best(" + " | ".join(str(s) for s in self.subqueries) + ")" + \
            (f"^{self.boost:g}" if self.boost != 1 else "")

    def __eq__(self, other):
        return super().__eq__(other) and getattr(other, "tiebreak", None) == self.tiebreak

    def __hash__(self):
        return super().__hash__() ^ hash(self.tiebreak)

    def normalize(self):
        norm = super().normalize()
        if norm.__class__ is self.__class__:
            norm.tiebreak = self.tiebreak
        return norm

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        return self._tree_matcher(subs, BestOfMatcher, searcher, context,
                                  lambda q: q.estimate_size(reader), tiebreak=self.tiebreak)
