"""'Maksud Anda': corrections from the index vocabulary."""
from __future__ import annotations

import pytest

from jdih.spelling import Speller, edit_distance


@pytest.mark.parametrize("a, b, d", [
    ("pengantian", "penggantian", 1),   # a letter left out
    ("poltik", "politik", 1),
    ("hubungn", "hubungan", 1),
    ("terpilh", "terpilih", 1),
    ("peilhan", "pemilihan", 2),
    ("pmeilu", "pemilu", 1),            # two letters swapped
    ("kabupaten", "kabupaten", 0),
    ("dprd", "kabupaten", 3),           # capped
])
def test_edit_distance(a, b, d):
    assert edit_distance(a, b) == d


def test_speller_prefers_the_closer_then_the_commoner_word():
    sp = Speller({"penggantian": 50, "pengganti": 200, "pergantian": 3, "anggota": 900})
    fix = sp.correct("pengantian", lambda w: sp.freq.get(w, 0))
    assert fix.correction == "penggantian" and fix.certain
    assert sp.correct("anggota", lambda w: sp.freq.get(w, 0)) is None
    assert sp.correct("dpr", lambda w: sp.freq.get(w, 0)) is None      # too short to be a typo


def test_speller_never_suggests_a_word_the_searcher_may_not_see():
    sp = Speller({"penggantian": 50, "pergantian": 3})
    visible = {"pergantian": 3}     # "penggantian" only occurs in internal documents
    fix = sp.correct("pengantian", lambda w: visible.get(w, 0))
    assert fix is None or fix.correction == "pergantian"


@pytest.mark.parametrize("typo, word", [("pengantian", "penggantian"), ("poltik", "politik"),
                                        ("hubungn", "hubungan"), ("penyelengara", "penyelenggara"),
                                        ("perguran", "perguruan"), ("pemberhentan", "pemberhentian")])
def test_corrections_from_the_corpus_vocabulary(corpus_site, typo, word):
    sp = corpus_site.searcher.speller()
    fix = sp.correct(typo, lambda w: corpus_site.index.doc_frequency("exact", w))
    assert fix is not None and fix.correction == word and fix.certain
