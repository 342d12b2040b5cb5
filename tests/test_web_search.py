"""The search page: grouped results, facets that narrow, sorting, pagination,
"Maksud Anda", the staff-only explanation, and internal documents that the
public never sees (not in results, facets, counts or suggestions)."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import ingest_with_script, login, open_site
from indexer.pipeline import Indexer
from jdih import users
from web.app import make_app

STAF_PW = "sandi-staf-yang-panjang"
XSS = "<script>alert('cari')</script>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = open_site(tmp_path_factory.mktemp("search-web"))
    indexer = Indexer(site.store, site.index)
    ingest_with_script(indexer, XSS, "uu-2-2011-perubahan-uu-2-2008-partai-politik.md", "uu-17-2014-md3.md",
                       "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf")
    # The Pergub is an internal document: staff only.
    site.store.db.execute("UPDATE documents SET public = 0 WHERE id = 'pergub-bali-3-2021'")
    site.rebuild_index()
    users.add_user(site.store, "siti", STAF_PW, "staf")
    return site


@pytest.fixture
def app(site):
    return TestApp(make_app(site))


def soup(resp):
    return BeautifulSoup(resp.text, "html.parser")


def test_results_are_grouped_by_document_with_paths_and_snippets(app):
    page = soup(app.get("/cari", {"q": "penggantian antarwaktu anggota DPR"}))
    groups = page.select("li.grup")
    assert groups and groups[0].h2.a["href"] == "/dokumen/uu-17-2014"
    first = groups[0].select("li.hit")
    assert 1 <= len(first) <= 3
    assert re.fullmatch(r"BAB [IVX]+ › (Bagian \w+ › )?(Paragraf \d+ › )?Pasal \d+( ayat \(\d+\))?",
                        first[0].select_one("p.jalur").get_text())
    assert first[0].select_one("p.cuplikan mark")
    more = groups[0].select_one("p.lainnya a")
    assert more["href"].startswith("/cari?") and "dokumen=uu-17-2014" in more["href"]
    within = soup(app.get(more["href"]))
    assert within.select("li.hit") and not within.select("li.grup")
    assert all(h.a["href"].startswith("/dokumen/uu-17-2014/") for h in within.select("li.hit"))


def test_facets_narrow_the_search(app):
    page = soup(app.get("/cari", {"q": "partai politik"}))
    jenis = {li.a.get_text(): li for li in page.select("aside.faset section.faset-jenis li")}
    tahun = {li.a.get_text(): li.select_one(".jumlah").get_text()
             for li in page.select("aside.faset section.faset-tahun li")}
    assert "UU" in jenis and tahun["2008"] == "(1)" and tahun["2011"] == "(1)"
    narrowed = soup(app.get(page.select_one("section.faset-tahun li a[href*='tahun=2011']")["href"]))
    assert {g.h2.a["href"] for g in narrowed.select("li.grup")} == {"/dokumen/uu-2-2011"}
    active = narrowed.select_one("ul.saringan-aktif li")
    assert "tahun: 2011" in active.get_text()
    cleared = soup(app.get(active.a["href"]))
    assert len(cleared.select("li.grup")) > 1


def test_sort_by_date_and_pagination(app):
    page = soup(app.get("/cari", {"q": "anggota", "urut": "tanggal"}))
    years = [int(g.select_one("p.judul-dokumen").get_text().split("/")[1].split()[0]) for g in page.select("li.grup")]
    assert years == sorted(years, reverse=True)
    one = soup(app.get("/cari", {"q": "pasal"}))
    nav = one.select_one("nav.halaman")
    if nav is not None:  # more than ten documents match
        nxt = nav.find("a", rel="next")
        assert "halaman=2" in nxt["href"]


def test_typo_shows_what_was_searched_and_maksud_anda(app):
    page = soup(app.get("/cari", {"q": "pengantian antar waktu"}))
    saran = page.select_one("p.saran")
    assert "penggantian antar waktu" in saran.get_text() and "pengantian" in saran.get_text()
    assert saran.a["href"] == "/cari?q=penggantian+antar+waktu"
    assert page.select("li.hit")


def test_definitional_query_is_labelled(app):
    page = soup(app.get("/cari", {"q": "apa yang dimaksud dengan DPD"}))
    assert "definisi DPD" in page.select_one("p.ringkasan").get_text()
    first = page.select_one("li.hit")
    assert first.a["href"] == "/dokumen/uu-17-2014/pasal_1__angka_3" and first.select_one(".label-definisi")


def test_replaced_text_is_marked_and_escaped(app):
    resp = app.get("/cari", {"q": "didirikan dan dibentuk partai politik"})
    assert XSS not in resp.text and "&lt;script&gt;" in resp.text
    marked = soup(resp).select("li.hit.tidak-berlaku")
    assert marked and "Diubah dengan" in marked[0].select_one("p.catatan-berlaku").get_text()


def test_the_public_never_sees_internal_documents(app):
    # words only the internal Pergub has: no result, no facet, no suggestion
    data = app.get("/cari.json", {"q": "kesyahbandaran perikanan"}).json
    assert data["hits"] == [] and data["groups"] == [] and data["suggestion"] is None
    # a typo of such a word is never corrected to it (a public word may be suggested)
    data = app.get("/cari.json", {"q": "perikana"}).json
    assert "perikanan" not in (data["suggestion"] or "")
    assert all(h["doc"]["id"] != "pergub-bali-3-2021" for h in data["hits"])
    data = app.get("/cari.json", {"q": "pelayanan"}).json
    assert all(h["doc"]["id"] != "pergub-bali-3-2021" for h in data["hits"])
    assert "Pergub" not in data["facets"].get("jenis", {})
    assert "explain" not in data
    page = soup(app.get("/cari", {"q": "perikanan"}))
    assert not page.select("details.penjelasan-kueri") and not page.select("li.hit")


def test_staff_search_internal_documents_and_see_how_the_query_was_understood(app):
    login(app, "siti", STAF_PW)
    data = app.get("/cari.json", {"q": "kesyahbandaran perikanan"}).json
    assert data["hits"] and data["hits"][0]["doc"]["id"] == "pergub-bali-3-2021"
    assert app.get("/cari.json", {"q": "perikana"}).json["suggestion"] == "perikanan"
    assert data["explain"]["words"] == "kesyahbandaran perikanan"
    page = soup(app.get("/cari", {"q": "PAW pengantian DPRD jenis:UU"}))
    how = {tr.th.get_text(): tr.td.get_text() for tr in page.select("details.penjelasan-kueri tr")}
    assert "paw = penggantian antarwaktu" in how["Singkatan"]
    assert "dprd = dewan perwakilan rakyat daerah" in how["Singkatan"]
    assert how["Koreksi ejaan"] == "pengantian -> penggantian" and how["Saringan dalam kueri"] == "jenis:UU"
    assert "stempairs:" in how["Kueri akhir"]
    cite = soup(app.get("/cari", {"q": "pasal 2 ayat 1 uu 2/2011", "daftar": "1"}))
    how = {tr.th.get_text(): tr.td.get_text() for tr in cite.select("details.penjelasan-kueri tr")}
    assert how["Ditemukan"] == "uu-2-2011#pasal_i__angka_2__pasal_2__ayat_1"


def test_citation_redirects_and_ambiguous_citation_lists_candidates(app):
    resp = app.get("/cari", {"q": "uu 17/2014 pasal 242"})
    assert resp.status_int == 303 and resp.headers["Location"].endswith("/dokumen/uu-17-2014/pasal_242")
    page = soup(app.get("/cari", {"q": "Pasal 1 angka 4"}))
    assert "beberapa dokumen" in page.select_one("p.ringkasan").get_text()
    assert len(page.select("li.hit")) >= 2


@pytest.mark.parametrize("params", [{"q": "x" * 5000}, {"q": '"((( AND OR NOT -'}, {"q": "pemilu", "halaman": "abc"},
                                    {"q": "pemilu", "halaman": "99999"}, {"q": "pemilu", "tahun": "<b>"},
                                    {"q": "pemilu", "urut": "sembarang"}])
def test_odd_input_gives_a_page_not_an_error(app, params):
    resp = app.get("/cari", params)
    main = soup(resp).select_one("main").decode_contents()
    assert resp.status_int == 200 and "<b>" not in main
