"""The query language: quoted phrases, AND/OR/NOT, -word, +word, brackets, filters."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdih.qparse import AnyOf, Group, Phrase, Word, parse, plain_words


def shape(text):
    """(node, occur) pairs, nodes written compactly."""
    def node(n):
        if isinstance(n, Word):
            return n.text
        if isinstance(n, Phrase):
            return '"' + " ".join(n.words) + '"'
        if isinstance(n, AnyOf):
            return "(" + " | ".join(node(x) for x in n.nodes) + ")"
        if isinstance(n, Group):
            return "[" + " ".join(f"{c.occur}:{node(c.node)}" for c in n.clauses) + "]"
    return [(node(c.node), c.occur) for c in parse(text).clauses]


@pytest.mark.parametrize("text, expected", [
    ("calon terpilih", [("calon", "should"), ("terpilih", "should")]),
    # a quoted phrase must occur
    ('calon "mengundurkan diri"', [("calon", "should"), ('"mengundurkan diri"', "must")]),
    # minus and NOT exclude; plus and AND require
    ("pemilu -provinsi +kabupaten", [("pemilu", "should"), ("provinsi", "not"), ("kabupaten", "must")]),
    ("PAW AND DPRD NOT provinsi", [("paw", "must"), ("dprd", "must"), ("provinsi", "not")]),
    ("lembur OR pesangon", [("(lembur | pesangon)", "should")]),
    ("PAW DAN (DPR ATAU DPRD) BUKAN provinsi", [("paw", "must"), ("(dpr | dprd)", "must"), ("provinsi", "not")]),
    # lower-case operator words are ordinary words
    ("syarat dan ketentuan or not", [("syarat", "should"), ("dan", "should"), ("ketentuan", "should"),
                                     ("or", "should"), ("not", "should")]),
    # a hyphen inside a word is not a minus
    ("undang-undang ban-pt", [("undang-undang", "should"), ("ban-pt", "should")]),
    ("kabupaten/kota", [("kabupaten", "should"), ("kota", "should")]),
    # stray syntax is read as text, never an error
    ('"tidak ditutup', [('"tidak ditutup"', "must")]),
    ("a OR", [("a", "should")]),
    ("AND OR NOT", []),
    (") (", []),
    ('""', []),
])
def test_parse_table(text, expected):
    assert shape(text) == expected


def test_filters_are_taken_out_of_the_words():
    p = parse('pemilu jenis:UU tahun:2017 status:"Tidak Berlaku" tipe:peraturan')
    assert p.filters == {"jenis": "UU", "tahun": "2017", "status": "Tidak Berlaku", "tipe": "peraturan"}
    assert plain_words(p) == ["pemilu"]


def test_plain_words_skip_excluded_ones():
    assert plain_words(parse('a "b c" -d (e OR f) NOT g')) == ["a", "b", "c", "e", "f"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('ab "()-+:/') + ["AND ", "OR ", "NOT ", "jenis:", "pasal ", "DAN "]),
                max_size=25))
def test_parser_never_raises(parts):
    p = parse("".join(parts))
    assert isinstance(p.clauses, list)
