"""Identifiers, citations, and citations typed as queries."""
from __future__ import annotations

import pytest

from jdih.citations import parse_query
from jdih.ids import citation, doc_id, pasal_of, unit_citation


@pytest.mark.parametrize("singkatan, nomor, tahun, expected", [
    ("UU", "7", 2017, "uu-7-2017"),
    ("PKPU", "6", 2019, "pkpu-6-2019"),
    ("PMK", "2/PMK.07/2022", 2022, "pmk-2-pmk-07-2022"),          # the year is in the id once
    ("Perda Kab. Banjarnegara", "8", 2025, "perda-kab-banjarnegara-8-2025"),
])
def test_doc_id(singkatan, nomor, tahun, expected):
    assert doc_id(singkatan, nomor, tahun) == expected


@pytest.mark.parametrize("unit_id, expected", [
    ("pasal_220__ayat_1__huruf_a", "Pasal 220 ayat (1) huruf a"),
    ("pasal_5a__ayat_1a", "Pasal 5A ayat (1a)"),
    ("pasal_1__angka_4", "Pasal 1 angka 4"),
    ("penjelasan__pasal_220__ayat_1__huruf_b", "Penjelasan Pasal 220 ayat (1) huruf b"),
    ("bab_xvi__bagian_kedua_belas", "BAB XVI Bagian Kedua Belas"),
    ("menimbang__huruf_a", "Menimbang huruf a"),
    ("pasal_i__angka_2", "Pasal I angka 2"),
])
def test_unit_citation(unit_id, expected):
    assert unit_citation(unit_id) == expected


def test_full_citation_and_pasal():
    assert citation("pasal_220__ayat_1", "UU", "8", 2012) == "Pasal 220 ayat (1) UU 8/2012"
    assert pasal_of("pasal_i__angka_2__pasal_9__ayat_1") == "9"


@pytest.mark.parametrize("query, singkatan, nomor, tahun, path, rest", [
    ("uu 8/2012 pasal 220", ["UU"], "8", 2012, [("pasal", "220")], ""),
    ("PP 54 tahun 2012", ["PP"], "54", 2012, [], ""),
    ("PKPU Nomor 19 Tahun 2019", ["PKPU"], "19", 2019, [], ""),
    ("PKPU No. 19 Tahun 2019", ["PKPU"], "19", 2019, [], ""),
    ("pkpu-19-2019", ["PKPU"], "19", 2019, [], ""),
    ("PKPU 19 2019", ["PKPU"], "19", 2019, [], ""),
    ("pasal 5 ayat (2) huruf a PP 66/2010", ["PP"], "66", 2010, [("pasal", "5"), ("ayat", "2"), ("huruf", "a")], ""),
    ("pasal 220 ayat 3 uu 8/2012", ["UU"], "8", 2012, [("pasal", "220"), ("ayat", "3")], ""),
    ("Undang-Undang Nomor 7 Tahun 2017 tentang pemilu", ["UU"], "7", 2017, [], "tentang pemilu"),
    ("PMK 2/PMK.07/2022", ["PMK"], "2/PMK.07", 2022, [], ""),
])
def test_query_citations(query, singkatan, nomor, tahun, path, rest):
    cite, words = parse_query(query)
    assert cite is not None
    assert cite.singkatan == singkatan and cite.nomor == nomor and cite.tahun == tahun
    assert cite.path == path
    assert words == rest


@pytest.mark.parametrize("query", ["calon terpilih mengundurkan diri", "PAW anggota DPRD kabupaten",
                                   "pemilu 2024", "DKPP"])
def test_plain_words_are_not_citations(query):
    cite, words = parse_query(query)
    assert cite is None and words == query


def test_unit_only_citation():
    cite, _ = parse_query("Pasal 1 angka 4")
    assert not cite.has_doc and cite.unit_ids() == ["pasal_1__angka_4", "pasal_1"]
