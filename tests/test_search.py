"""Search on the real corpus: the answering clause first, citations straight to the unit."""
from __future__ import annotations

import pytest

from jdih.analysis import terms


def top(site, query, n=5):
    return [(h["doc"]["id"], h["unit"]["id"] if h["unit"] else None)
            for h in site.searcher.search(query, limit=n)["hits"]]


def test_calon_terpilih_mengundurkan_diri(corpus_site):
    result = corpus_site.searcher.search("calon terpilih mengundurkan diri")
    first = result["hits"][:4]
    # The clauses that answer: who replaces an elected candidate who resigns (UU 10/2016).
    assert {h["unit"]["id"] for h in first} == {
        "pasal_i__angka_45__pasal_163__ayat_4", "pasal_i__angka_45__pasal_163__ayat_5",
        "pasal_i__angka_46__pasal_164__ayat_4", "pasal_i__angka_46__pasal_164__ayat_5"}
    assert all(h["doc"]["id"] == "uu-10-2016" for h in first)
    hit = first[0]
    assert hit["unit"]["pasal"] in ("163", "164")
    assert hit["unit"]["citation"].endswith("UU 10/2016")
    assert "<mark" in hit["snippet"]


@pytest.mark.parametrize("query, doc_id, unit_id", [
    ("uu 17/2014 pasal 242", "uu-17-2014", "pasal_242"),
    ("UU Nomor 17 Tahun 2014 Pasal 242 ayat (1)", "uu-17-2014", "pasal_242__ayat_1"),
    ("pasal 5 ayat 2 uu 2/2008", "uu-2-2008", "pasal_5__ayat_2"),
    ("pp 66 tahun 2010", "pp-66-2010", None),
    ("pmk 2/pmk.07/2022", "pmk-2-pmk-07-2022", None),
    ("perda banjarnegara 8/2025", "perda-kab-banjarnegara-8-2025", None),
])
def test_citation_queries_go_straight_to_the_unit(corpus_site, query, doc_id, unit_id):
    result = corpus_site.searcher.search(query)
    assert result["citation"] is True
    assert top(corpus_site, query, 1) == [(doc_id, unit_id)]


def test_citation_json_shape(corpus_site):
    hit = corpus_site.searcher.search("uu 17/2014 pasal 242")["hits"][0]
    assert hit["unit"] == {**hit["unit"], "id": "pasal_242", "kind": "pasal", "pasal": "242",
                           "citation": "Pasal 242 UU 17/2014"}
    assert set(hit["doc"]) >= {"id", "jenis", "singkatan", "nomor", "tahun", "judul", "status"}
    assert hit["doc"]["tahun"] == 2014


def test_unit_citation_without_document_lists_candidates(corpus_site):
    result = corpus_site.searcher.search("Pasal 1 angka 4")
    assert result["ambiguous"] is True
    assert all(h["unit"]["id"] == "pasal_1__angka_4" for h in result["hits"])
    assert len({h["doc"]["id"] for h in result["hits"]}) == len(result["hits"]) > 1


def test_topic_query_finds_paw_clause(corpus_site):
    # "penggantian antarwaktu anggota DPR" -> UU 17/2014 Pasal 239-243 (PAW of DPR members)
    found = top(corpus_site, "penggantian antarwaktu anggota DPR", 10)
    assert any(d == "uu-17-2014" and u and u.startswith(("pasal_239", "pasal_240", "pasal_241", "pasal_242",
                                                          "pasal_243")) for d, u in found), found


def test_stemming_matches_inflections():
    assert terms("penggantian diberhentikan keputusan") == ["ganti", "henti", "putus"]
    assert "antarwaktu" in terms("antarwaktu")


def test_facets_and_pagination(corpus_site):
    page1 = corpus_site.searcher.search("pendidikan", limit=5, page=1)
    page2 = corpus_site.searcher.search("pendidikan", limit=5, page=2)
    assert page1["facets"]["jenis"]
    assert {(h["doc"]["id"], h["unit"] and h["unit"]["id"]) for h in page1["hits"]}.isdisjoint(
        {(h["doc"]["id"], h["unit"] and h["unit"]["id"]) for h in page2["hits"]})
    only_pp = corpus_site.searcher.search("pendidikan", jenis="PP")
    assert only_pp["hits"] and all(h["doc"]["id"].startswith("pp-") for h in only_pp["hits"])


def entries_of(site):
    with site.index.ix.searcher() as s:
        return sorted((f["key"], f["citation"], f["path"], f["public"], f["tahun"]) for f in s.all_stored_fields())


def test_reindex_rebuilds_the_same_entries_and_is_deterministic(corpus_site):
    queries = ["calon terpilih mengundurkan diri", "pendidikan tinggi", "partai politik badan hukum",
               "uu 17/2014 pasal 242", "reaktor nuklir izin"]
    incremental = entries_of(corpus_site)
    corpus_site.rebuild_index()
    assert entries_of(corpus_site) == incremental
    first = [corpus_site.searcher.search(q, limit=10)["hits"] for q in queries]
    corpus_site.rebuild_index()
    second = [corpus_site.searcher.search(q, limit=10)["hits"] for q in queries]
    assert first == second
