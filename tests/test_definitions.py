"""Definitions in the Ketentuan Umum and the Penjelasan, and definitional queries."""
from __future__ import annotations

import pytest

from jdih.definitions import asked_term, definition_of
from jdih.model import Tree


@pytest.mark.parametrize("doc_id, unit_id, terms, where", [
    ("uu-15-2011", "pasal_1__angka_22", ("dewan kehormatan penyelenggara pemilu", "dkpp"), "ketentuan_umum"),
    ("uu-17-2014", "pasal_1__angka_3", ("dewan perwakilan daerah", "dpd"), "ketentuan_umum"),
    ("uu-13-2003", "pasal_1__angka_3", ("pekerja buruh",), "ketentuan_umum"),
    ("permendikbud-5-2020", "pasal_1__angka_5", ("badan akreditasi nasional perguruan tinggi", "ban-pt"),
     "ketentuan_umum"),
    ("kepka-bapeten-07-ka-bapeten-v-99-1999", "pasal_1__huruf_b", ("pembangunan",), "ketentuan_umum"),
    # the definitions of an amending act's restated Pasal 1
    ("uu-2-2011", "pasal_i__angka_1__pasal_1__angka_1", ("partai politik",), "ketentuan_umum"),
    ("pp-4-2014", "penjelasan__pasal_29__ayat_3", ("fungsi komplementer",), "penjelasan"),
    ("pp-43-2006", "penjelasan__pasal_34__ayat_2", ("inspektur",), "penjelasan"),
])
def test_definitions_in_the_corpus(corpus_site, doc_id, unit_id, terms, where):
    tree = Tree(corpus_site.store.units(doc_id))
    d = definition_of(tree.by_id[unit_id], tree)
    assert d is not None and d.terms == terms and d.where == where


@pytest.mark.parametrize("doc_id, unit_id", [
    ("uu-17-2014", "pasal_405__ayat_1__huruf_b"),   # "mengundurkan diri; atau" is a list item, not a definition
    ("uu-15-2011", "pasal_110__ayat_1"),
    ("uu-17-2014", "penjelasan__pasal_405__ayat_1__huruf_b"),
])
def test_other_clauses_define_nothing(corpus_site, doc_id, unit_id):
    tree = Tree(corpus_site.store.units(doc_id))
    assert definition_of(tree.by_id[unit_id], tree) is None


@pytest.mark.parametrize("query, term", [
    ("apa yang dimaksud dengan DKPP", "DKPP"),
    ("Apa yang dimaksud dengan penggantian antarwaktu?", "penggantian antarwaktu"),
    ("yang dimaksud dengan upah", "upah"),
    ("pengertian partai politik", "partai politik"),
    ("definisi pekerja/buruh", "pekerja/buruh"),
    ("apa itu Bawaslu?", "Bawaslu"),
    ("arti PAW", "PAW"),
    ("maksud dari pemilu", "pemilu"),
    ("DKPP adalah", "DKPP"),
    ("calon terpilih mengundurkan diri", None),
    ("syarat pengertian", None),
    ("uu 17/2014 pasal 1", None),
])
def test_definitional_queries(query, term):
    assert asked_term(query) == term
