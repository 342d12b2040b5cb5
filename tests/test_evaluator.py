"""The array evaluator against Whoosh's own matchers (differential): the same
clauses match, and a single term scores the same.

The differential runs on an index built in one commit: where a segment has
deleted entries, Whoosh's own ``AndNot`` matcher keeps entries that contain
the excluded word (measured: ``AndNot(body:partai, body:bubar)`` keeps
Lampiran II of UU 12/2011, whose body has "pembubaran"). There the reference
is the set algebra of the posting lists themselves."""
from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as Q

from jdih.evaluator import Evaluator, read_postings
from jdih.qparse import parse
from jdih.ranking import build
from jdih.search import SearchIndex

TEXT_FIELDS = ("heading", "doctitle", "body", "lead", "exact")


@pytest.fixture(scope="module")
def fresh(corpus_site, tmp_path_factory):
    """The corpus in an index written in one commit: no deleted entries."""
    index = SearchIndex(tmp_path_factory.mktemp("fresh-index"))
    rows = corpus_site.store.documents()
    index.update_documents((corpus_site.store.get_document(r["id"]), r["public"]) for r in rows)
    return index


def whoosh_ids(s, q):
    out = set()
    for sub, offset in s.leaf_searchers():
        m = q.matcher(sub, sub.context())
        while m.is_active():
            if not sub.reader().is_deleted(m.id()):
                out.add(offset + m.id())
            m.next()
    return out


def ours(index, q):
    s = index.searcher()
    ev = Evaluator(s, index.weighting, index._field_stats(s))
    ids, scores = set(), {}
    for sub, offset in s.leaf_searchers():
        seg = index._segment(sub.reader())
        got = ev.run(q, sub, seg.arrays)
        for d in np.flatnonzero(got.match & seg.live):
            ids.add(offset + int(d))
            scores[offset + int(d)] = float(got.score[d])
    return ids, scores


@pytest.mark.parametrize("text", ["calon terpilih mengundurkan diri", "PAW anggota DPRD kabupaten",
                                  '"dewan perwakilan rakyat daerah"', '"sebagaimana dimaksud pada ayat"',
                                  "lembur OR pesangon", "reaktor AND izin -konstruksi", "+partai politik -bubar",
                                  "apa yang dimaksud dengan DKPP"])
def test_same_clauses_match_as_with_whoosh(fresh, text):
    q = build(parse(text)).query
    s = fresh.searcher()
    assert not any(sub.reader().has_deletions() for sub, _ in s.leaf_searchers())
    assert ours(fresh, q)[0] == whoosh_ids(s, q)


def _postings(s, field, text) -> set[int]:
    out = set()
    for sub, offset in s.leaf_searchers():
        ids, _, _ = read_postings(sub.reader(), field, text)
        out.update(offset + int(i) for i in ids)
    return out


def test_excluded_words_stay_excluded_where_entries_were_deleted(corpus_site, tmp_path):
    index = SearchIndex(tmp_path / "index")
    docs = [(corpus_site.store.get_document(d), True) for d in ("uu-12-2011", "uu-2-2008", "uu-2-2011")]
    index.update_documents(docs)
    index.update_documents(docs[1:2])  # re-indexing a document leaves deleted entries behind
    s = index.searcher()
    assert any(sub.reader().has_deletions() for sub, _ in s.leaf_searchers())
    live = {offset + d for sub, offset in s.leaf_searchers() for d in range(sub.reader().doc_count_all())
            if not sub.reader().is_deleted(d)}
    with_partai = set().union(*(_postings(s, f, "partai") for f in TEXT_FIELDS))
    with_bubar = set().union(*(_postings(s, f, "bubar") for f in TEXT_FIELDS))
    expected = (with_partai - with_bubar) & live
    assert expected and with_partai & with_bubar & live
    assert ours(index, build(parse("+partai politik -bubar")).query)[0] == expected


def test_a_term_scores_as_whoosh_bm25f(fresh):
    s = fresh.searcher()
    q = Q.Term("exact", "partai")
    _, scores = ours(fresh, q)
    sub = s.leaf_searchers()[0][0]
    m = q.matcher(sub, sub.context())
    # Whoosh averages a field's length over all entries, we over the entries that have the field
    # (a handful of entries have no word in "exact"), hence the tolerance.
    theirs = {}
    while m.is_active():
        theirs[m.id()] = m.score()
        m.next()
    assert theirs and all(scores[d] == pytest.approx(v, rel=1e-3) for d, v in theirs.items())


def test_postings_read_in_blocks_equal_posting_by_posting(fresh):
    reader = fresh.searcher().leaf_searchers()[0][0].reader()
    for field, text in [("body", "pasal"), ("exact", "1"), ("pairs", "calon terpilih"), ("heading", "dprd")]:
        assert (field, text) in reader
        ids, tf, vals = read_postings(reader, field, text, values=True)
        m = reader.postings(field, text)
        m = getattr(m, "child", m)
        ref = []
        while m.is_active():
            ref.append((m.id(), m.weight(), m.value()))
            m.next()
        assert [(int(i), float(w), v) for i, w, v in zip(ids, tf, vals)] == ref
