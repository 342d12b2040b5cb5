"""The maintained abbreviation list (jdih/data/singkatan.txt), matched both ways."""
from __future__ import annotations

import pytest

from jdih.lexicon import Abbreviations, abbreviations, parse_abbreviations, words
from jdih.ranking import build
from jdih.qparse import parse

ENTRIES = abbreviations().entries()


@pytest.mark.parametrize("short", ["PAW", "DPT", "DKPP", "KPU", "Bawaslu", "PKPU", "Perppu", "Pilkada", "DPRD",
                                   "DPR", "TPS", "PHK"])
def test_the_abbreviations_staff_use_are_listed(short):
    assert short.lower() in abbreviations().long_of


@pytest.mark.parametrize("short, longs", ENTRIES, ids=[s for s, _ in ENTRIES])
def test_every_abbreviation_expands_to_its_long_forms_and_back(short, longs):
    table = abbreviations()
    forward = table.expansions(words(short))
    assert len(forward) == 1 and forward[0].start == 0 and forward[0].end == 1
    assert {" ".join(a) for a in forward[0].alternatives} >= set(longs)
    for long in longs:
        back = table.expansions(words(long))
        assert back and back[0].start == 0 and back[0].end == len(words(long)), long
        assert (short.lower(),) in back[0].alternatives, long


@pytest.mark.parametrize("query, short, span", [
    ("PAW anggota DPRD kabupaten", "paw", (0, 1)),
    ("penggantian antar waktu anggota DPR", "paw", (0, 3)),
    ("anggota komisi pemilihan umum provinsi", "kpu", (1, 4)),   # the longest long form wins
    ("badan pengawas pemilihan umum", "bawaslu", (0, 4)),
])
def test_abbreviations_are_found_inside_queries(query, short, span):
    found = abbreviations().expansions(words(query))
    hit = next(e for e in found if (e.start, e.end) == span)
    assert (short,) in hit.alternatives or short in {"".join(a) for a in hit.alternatives} or \
        hit.short.lower() == short


def test_an_abbreviation_query_also_searches_the_long_form():
    q = str(build(parse("PAW")).query)
    assert "pairs:penggantian antarwaktu" in q and "stempairs:ganti antarwaktu" in q and "exact:paw" in q
    q = str(build(parse("penggantian antarwaktu")).query)
    assert "exact:paw" in q


def test_several_long_forms_for_one_abbreviation_merge():
    table = Abbreviations(parse_abbreviations(["MA = mahkamah agung", "MA = madrasah aliyah"]))
    assert table.long_of["ma"] == [("mahkamah", "agung"), ("madrasah", "aliyah")]


@pytest.mark.parametrize("line", ["tanpa tanda sama dengan", " = kosong"])
def test_malformed_lines_are_refused(line):
    with pytest.raises(ValueError, match="baris singkatan"):
        parse_abbreviations([line])
