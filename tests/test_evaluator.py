"""The array evaluator against Whoosh's own matchers (differential): the same
clauses match, and a single term scores the same."""
from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as Q

from jdih.evaluator import Evaluator, read_postings
from jdih.qparse import parse
from jdih.ranking import build


def whoosh_ids(s, q):
    out = set()
    for sub, offset in s.leaf_searchers():
        m = q.matcher(sub, sub.context())
        while m.is_active():
            if not sub.reader().is_deleted(m.id()):
                out.add(offset + m.id())
            m.next()
    return out


def ours(site, q):
    s = site.index.searcher()
    ev = Evaluator(s, site.index.weighting, site.index._field_stats(s))
    ids, scores = set(), {}
    for sub, offset in s.leaf_searchers():
        seg = site.index._segment(sub.reader())
        got = ev.run(q, sub, seg.arrays)
        for d in np.flatnonzero(got.match & seg.live):
            ids.add(offset + int(d))
            scores[offset + int(d)] = float(got.score[d])
    return ids, scores


@pytest.mark.parametrize("text", ["calon terpilih mengundurkan diri", "PAW anggota DPRD kabupaten",
                                  '"dewan perwakilan rakyat daerah"', '"sebagaimana dimaksud pada ayat"',
                                  "lembur OR pesangon", "reaktor AND izin -konstruksi", "+partai politik -bubar",
                                  "apa yang dimaksud dengan DKPP"])
def test_same_clauses_match_as_with_whoosh(corpus_site, text):
    q = build(parse(text)).query
    s = corpus_site.index.searcher()
    assert ours(corpus_site, q)[0] == whoosh_ids(s, q)


def test_a_term_scores_as_whoosh_bm25f(corpus_site):
    s = corpus_site.index.searcher()
    q = Q.Term("exact", "partai")
    _, scores = ours(corpus_site, q)
    sub = s.leaf_searchers()[0][0]
    m = q.matcher(sub, sub.context())
    # Whoosh averages a field's length over all entries, we over the entries that have the field
    # (a handful of entries have no word in "exact"), hence the tolerance.
    theirs = {}
    while m.is_active():
        theirs[m.id()] = m.score()
        m.next()
    assert theirs and all(scores[d] == pytest.approx(v, rel=1e-3) for d, v in theirs.items())


def test_postings_read_in_blocks_equal_posting_by_posting(corpus_site):
    reader = corpus_site.index.searcher().leaf_searchers()[0][0].reader()
    for field, text in [("body", "pasal"), ("exact", "1"), ("pairs", "calon terpilih"), ("heading", "dprd")]:
        ids, tf, vals = read_postings(reader, field, text, values=True)
        m = reader.postings(field, text)
        m = getattr(m, "child", m)
        ref = []
        while m.is_active():
            ref.append((m.id(), m.weight(), m.value()))
            m.next()
        assert [(int(i), float(w), v) for i, w, v in zip(ids, tf, vals)] == ref
