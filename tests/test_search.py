"""Search on the real corpus: the answering clause first, citations straight to
the unit, abbreviations both ways, definitions, typos, the text in force
first, exact phrases, operators, filters, facets and pagination."""
from __future__ import annotations

import pytest

from jdih import analysis
from jdih.analysis import terms
from jdih.lexicon import words
from jdih.query import explain
from jdih.search import entries


def top(site, query, n=5, **kw):
    return [(h["doc"]["id"], h["unit"]["id"] if h["unit"] else None)
            for h in site.searcher.search(query, limit=n, **kw)["hits"]]


def test_calon_terpilih_mengundurkan_diri(corpus_site):
    result = corpus_site.searcher.search("calon terpilih mengundurkan diri")
    # The clauses that answer: who replaces an elected candidate who resigns (UU 10/2016).
    # Since the Perppu held in UU 1/2015's Lampiran is parsed into clauses (issue 3), its
    # Pasal 43 and 53 (candidates who withdraw) rank among them.
    answers = {"pasal_i__angka_45__pasal_163__ayat_4", "pasal_i__angka_45__pasal_163__ayat_5",
               "pasal_i__angka_46__pasal_164__ayat_4", "pasal_i__angka_46__pasal_164__ayat_5"}
    top = result["hits"][:6]
    assert answers <= {h["unit"]["id"] for h in top if h["doc"]["id"] == "uu-10-2016"}
    first = [h for h in top if h["unit"]["id"] in answers]
    hit = first[0]
    assert hit["unit"]["pasal"] in ("163", "164")
    assert hit["unit"]["citation"].endswith("UU 10/2016")
    assert "<mark>" in hit["snippet"]


@pytest.mark.parametrize("query, doc_id, unit_id", [
    ("uu 17/2014 pasal 242", "uu-17-2014", "pasal_242"),
    ("UU Nomor 17 Tahun 2014 Pasal 242 ayat (1)", "uu-17-2014", "pasal_242__ayat_1"),
    ("pasal 5 ayat 2 uu 2/2008", "uu-2-2008", "pasal_5__ayat_2"),
    ("Pasal 405 ayat (1) huruf b UU 17/2014", "uu-17-2014", "pasal_405__ayat_1__huruf_b"),
    ("uu-12-2011 pasal 7", "uu-12-2011", "pasal_7"),
    ("Perpres No. 74 Tahun 2012 Pasal 3", "perpres-74-2012", "pasal_3"),
    # an amending act's Pasal 7 is the new Pasal 7 it quotes beneath Pasal I
    ("pasal 7 UU 10/2016", "uu-10-2016", "pasal_i__angka_1__pasal_7"),
    ("pp 66 tahun 2010", "pp-66-2010", None),
    ("PMK 2/PMK.07/2022", "pmk-2-pmk-07-2022", None),
    ("perda banjarnegara 8/2025", "perda-kab-banjarnegara-8-2025", None),
    ("permendikbud 5 2020", "permendikbud-5-2020", None),
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
    result = corpus_site.searcher.search("Pasal 1 angka 4", limit=50)
    assert result["ambiguous"] is True
    assert all(h["unit"]["id"] == "pasal_1__angka_4" for h in result["hits"])
    assert len({h["doc"]["id"] for h in result["hits"]}) == len(result["hits"]) > 5


def test_citation_of_a_regulation_not_in_the_collection_says_so(corpus_site):
    result = corpus_site.searcher.search("uu 99/2099 pasal 1")
    assert result["notice"] == "pasal 1 UU 99/2099 tidak ada dalam koleksi."
    assert result["hits"] == [] and result["citation"] is False


def test_words_beside_a_cited_document_search_inside_it(corpus_site):
    result = corpus_site.searcher.search("uu 17/2014 penggantian antarwaktu", limit=10)
    assert result["hits"] and {h["doc"]["id"] for h in result["hits"]} == {"uu-17-2014"}


@pytest.mark.parametrize("query, expected", [
    # topic: the clause that answers first
    ("wajib belajar", {("uu-20-2003", "pasal_34")}),
    # PP 46/2009 (the OCR'd scan) bears this title and sets the limit; UU 10/1997 lets a PP revise it
    ("batas pertanggungjawaban kerugian nuklir", {("pp-46-2009", None), ("uu-10-1997", "pasal_34__ayat_4")}),
    ("tugas dan wewenang BAN-PT", {("permendikbud-5-2020", "pasal_18")}),
    # definitions: the Ketentuan Umum item that defines the term
    ("pengertian upah", {("uu-13-2003", "pasal_1__angka_30")}),
    ("definisi pekerja/buruh", {("uu-13-2003", "pasal_1__angka_3")}),
    ("apa itu Bawaslu", {("uu-15-2011", "pasal_1__angka_16"), ("uu-8-2015", "pasal_i__angka_1__pasal_1__angka_10")}),
    # abbreviations: PAW is "penggantian antarwaktu", the Paragraf heading of Pasal 409-411
    ("PAW anggota DPRD kabupaten", {("uu-17-2014", "pasal_409"), ("uu-17-2014", "pasal_410"),
                                    ("uu-17-2014", "pasal_411")}),
])
def test_first_result_per_query_class(corpus_site, query, expected):
    first = top(corpus_site, query, len(expected))
    assert set(first) == expected, first


def test_definitional_query_puts_both_definitions_of_dkpp_first(corpus_site):
    result = corpus_site.searcher.search("apa yang dimaksud dengan DKPP", limit=2)
    assert result["definition"] == "DKPP"
    assert {(h["doc"]["id"], h["unit"]["id"]) for h in result["hits"]} == {
        ("uu-15-2011", "pasal_1__angka_22"), ("uu-8-2015", "pasal_i__angka_1__pasal_1__angka_11")}
    assert all(h["unit"]["definition"] for h in result["hits"])


def test_long_form_finds_clauses_that_only_use_the_abbreviation(corpus_site):
    # Pasal 109 of UU 15/2011 says "DKPP" only, never the long name
    found = top(corpus_site, "dewan kehormatan penyelenggara pemilu", 30)
    assert ("uu-15-2011", "pasal_109") in found or any(
        d == "uu-15-2011" and u and u.startswith("pasal_109__") for d, u in found)
    text = corpus_site.store.db.execute(
        "SELECT group_concat(text, ' ') FROM units WHERE doc_id = 'uu-15-2011' AND id LIKE 'pasal_109%'").fetchone()[0]
    assert "DKPP" in text and "Dewan Kehormatan" not in text


def test_typo_is_corrected_from_the_index_vocabulary(corpus_site):
    result = corpus_site.searcher.search("pengantian antar waktu", limit=10)
    assert result["suggestion"] == "penggantian antar waktu"
    assert result["corrected"] == ["pengantian"]
    paw = {f"pasal_{n}" for n in (66, 242, 243, 311, 312, 359, 360, 361, 409, 410, 411)}
    first = result["hits"][0]
    assert first["doc"]["id"] == "uu-17-2014" and first["unit"]["id"].split("__")[0] in paw


def test_rare_spelling_is_searched_beside_the_suggestion(corpus_site):
    # "hirarki" occurs in two clauses; "hierarki" is the usual spelling
    result = corpus_site.searcher.search("hirarki peraturan perundang-undangan", limit=5)
    assert result["suggestion"] == "hierarki peraturan perundang-undangan" and result["corrected"] == []
    assert ("uu-12-2011", "pasal_7__ayat_1") in [(h["doc"]["id"], h["unit"]["id"]) for h in result["hits"]]


def test_text_in_force_ranks_above_the_text_it_replaced(corpus_site):
    hits = corpus_site.searcher.search("didirikan dan dibentuk partai politik", limit=10)["hits"]
    keys = [(h["doc"]["id"], h["unit"]["id"]) for h in hits]
    new = keys.index(("uu-2-2011", "pasal_i__angka_2__pasal_2__ayat_1"))
    old = keys.index(("uu-2-2008", "pasal_2__ayat_1"))
    assert new < old
    assert hits[new]["in_force"] and not hits[old]["in_force"]
    assert hits[old]["note"] == "diubah dengan Pasal I angka 2 Pasal 2 ayat (1) UU 2/2011"


def test_amended_pasal_of_md3_law_shows_the_amendment_first(corpus_site):
    # UU 42/2014 restated Pasal 98 of UU 17/2014
    text = corpus_site.store.db.execute("SELECT text FROM units WHERE doc_id = 'uu-42-2014' AND id = "
                                        "'pasal_i__angka_3__pasal_98__ayat_1'").fetchone()[0]
    hits = corpus_site.searcher.search('"' + " ".join(text.split()[:8]) + '"', limit=5)["hits"]
    keys = [(h["doc"]["id"], h["unit"]["id"].split("__ayat")[0]) for h in hits]
    assert keys[0] == ("uu-42-2014", "pasal_i__angka_3__pasal_98")
    assert ("uu-17-2014", "pasal_98") in keys


def _entry_text(site, key):
    doc_id, _, unit_id = key.partition("#")
    doc = site.store.get_document(doc_id)
    return next(e["pairs"] for e in entries(doc) if e["key"] == key)


def _has_run(text: str, phrase: list[str]) -> bool:
    toks = analysis.exact_words(text)
    return any(toks[i:i + len(phrase)] == phrase for i in range(len(toks) - len(phrase) + 1))


@pytest.mark.parametrize("phrase", ["calon terpilih", "dewan perwakilan rakyat daerah",
                                    "sebagaimana dimaksud pada ayat", "pemutusan hubungan kerja"])
def test_quoted_phrase_is_exact(corpus_site, phrase, request):
    words_ = list(words(phrase))
    result = corpus_site.searcher.search(f'"{phrase}"', limit=100, public_only=False)
    # every result holds the words in that order, next to each other
    for h in result["hits"]:
        key = f"{h['doc']['id']}#{h['unit']['id'] if h['unit'] else ''}"
        assert _has_run(_entry_text(corpus_site, key), words_), key
    # and no entry holding them is missed: the count equals a scan of every entry
    store = corpus_site.store
    expected = sum(1 for row in store.documents() for e in entries(store.get_document(row["id"]))
                   if _has_run(e["pairs"], words_))
    assert result["total"] == expected > 0


def test_not_and_minus_exclude(corpus_site):
    hits = corpus_site.searcher.search("pemberhentian antarwaktu -provinsi", limit=30)["hits"]
    assert hits
    for h in hits:
        text = _entry_text(corpus_site, f"{h['doc']['id']}#{h['unit']['id']}")
        assert "provinsi" not in text.lower()
    hits_not = corpus_site.searcher.search("pemberhentian antarwaktu NOT provinsi", limit=30)["hits"]
    assert [h["url"] for h in hits_not] == [h["url"] for h in hits]


def test_or_and_and(corpus_site):
    for h in corpus_site.searcher.search("lembur OR pesangon", limit=30)["hits"]:
        text = _entry_text(corpus_site, f"{h['doc']['id']}#{h['unit']['id']}").lower()
        assert "lembur" in text or "pesangon" in text
    hits = corpus_site.searcher.search("reaktor AND izin AND konstruksi", limit=30)["hits"]
    assert hits
    for h in hits:
        # every word in the clause, its headings or its document's title ("Perizinan Reaktor Nuklir")
        text = _entry_text(corpus_site, f"{h['doc']['id']}#{h['unit']['id']}") + " " + h["doc"]["judul"]
        assert {"reaktor", "izin", "konstruksi"} <= set(terms(text))


def test_filters_inline_and_as_parameters(corpus_site):
    inline = corpus_site.searcher.search("pendidikan jenis:PP", limit=20)
    param = corpus_site.searcher.search("pendidikan", jenis="PP", limit=20)
    assert inline["hits"] and [h["url"] for h in inline["hits"]] == [h["url"] for h in param["hits"]]
    assert all(h["doc"]["singkatan"] == "PP" for h in inline["hits"])
    assert set(inline["facets"]["jenis"]) == {"PP"}
    by_year = corpus_site.searcher.search("pemilu", tahun="2011", limit=20)
    assert by_year["hits"] and all(h["doc"]["tahun"] == 2011 for h in by_year["hits"])
    assert corpus_site.searcher.search("pemilu", status="Tidak Berlaku")["hits"] == []
    assert corpus_site.searcher.search("pemilu", tipe="Peraturan Perundang-undangan")["hits"]


def test_sort_by_date_puts_newest_regulation_first(corpus_site):
    result = corpus_site.searcher.search("pemilihan", sort="tanggal", limit=100)
    years = [h["doc"]["tahun"] for h in result["hits"]]
    assert years == sorted(years, reverse=True)
    assert years[0] == max(int(y) for y in result["facets"]["tahun"])
    grouped = corpus_site.searcher.search("pemilihan", sort="tanggal", limit=20, group=True)
    doc_years = [g["doc"]["tahun"] for g in grouped["groups"]]
    assert doc_years == sorted(doc_years, reverse=True) and len(set(doc_years)) > 3


def test_facets_count_documents(corpus_site):
    result = corpus_site.searcher.search("pendidikan", group=True)
    assert sum(result["facets"]["jenis"].values()) == result["documents"]
    assert result["facets"]["jenis"]["UU"] >= 2 and result["facets"]["tahun"]


def test_grouped_results_and_pagination(corpus_site):
    page1 = corpus_site.searcher.search("pendidikan", limit=3, page=1, group=True)
    page2 = corpus_site.searcher.search("pendidikan", limit=3, page=2, group=True)
    docs1 = [g["doc"]["id"] for g in page1["groups"]]
    docs2 = [g["doc"]["id"] for g in page2["groups"]]
    assert len(docs1) == len(set(docs1)) == 3 and set(docs1).isdisjoint(docs2)
    for g in page1["groups"]:
        assert 1 <= len(g["hits"]) <= 3 and all(h["doc"]["id"] == g["doc"]["id"] for h in g["hits"])
        assert g["matches"] >= len(g["hits"])
    assert page1["pages"] == -(-page1["documents"] // 3)
    flat1 = corpus_site.searcher.search("pendidikan", limit=5, page=1)
    flat2 = corpus_site.searcher.search("pendidikan", limit=5, page=2)
    assert {h["url"] for h in flat1["hits"]}.isdisjoint({h["url"] for h in flat2["hits"]})


def test_paths_show_the_structure(corpus_site):
    hit = corpus_site.searcher.search("PAW anggota DPRD kabupaten", limit=1)["hits"][0]
    assert hit["unit"]["path"].startswith("BAB VI › ") and hit["unit"]["path"].endswith("› Pasal 409")


def test_explain_shows_how_the_query_was_understood(corpus_site):
    how = explain(corpus_site.searcher.understand("pasal 5 ayat (2) huruf a PP 66/2010"))
    assert how["citation"]["singkatan"] == ["PP"] and how["citation"]["nomor"] == "66"
    assert how["citation"]["path"] == ["pasal 5", "ayat 2", "huruf a"]
    how = explain(corpus_site.searcher.understand("PAW pengantian DPRD"))
    assert any(e.startswith("paw = penggantian antarwaktu") for e in how["expansions"])
    assert any(e.startswith("dprd = dewan perwakilan rakyat daerah") for e in how["expansions"])
    assert how["corrections"] == ["pengantian -> penggantian"]
    assert "stempairs:" in how["whoosh"] and "exact:penggantian" in how["whoosh"]


def test_stemming_matches_inflections():
    assert terms("penggantian diberhentikan keputusan") == ["ganti", "henti", "putus"]
    assert "antarwaktu" in terms("antarwaktu")
    # bound morphemes typed apart are joined as the spelling rules write them
    assert terms("antar waktu") == terms("antarwaktu") == ["antarwaktu"]


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


def test_a_live_searcher_reads_each_entry_once_across_merges(corpus_site, tmp_path, monkeypatch):
    """Whoosh merges small segments on commit; a searcher kept open across
    commits (a server's) must then read the merged segment, not the merged one
    and its parts (whoosh3's Searcher.refresh reuses the parts)."""
    from jdih import search
    from jdih.search import SearchIndex
    monkeypatch.setattr(search, "MAX_SEGMENTS", 3)  # merge early
    index = SearchIndex(tmp_path / "index")
    merged = False
    for doc_id in corpus_site.store.document_ids()[:10]:
        before = len(index.searcher().leaf_searchers()) if index.doc_count() else 0
        index.update_documents([(corpus_site.store.get_document(doc_id), True)])
        live = index.searcher()
        merged = merged or len(live.leaf_searchers()) <= before
        keys = [f["key"] for sub, _ in live.leaf_searchers() for d, f in sub.reader().iter_docs()]
        assert len(keys) == len(set(keys)) == index.ix.doc_count()
    assert merged  # the commits above did merge segments
