"""The web app in process (WebTest), HTML asserted with BeautifulSoup.

Every page test runs on a store where one real clause carries a <script>
element, to prove that document text is escaped everywhere it is shown.
"""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import ingest_with_script, open_site
from indexer.pipeline import Indexer
from web.app import make_app

XSS = "<script>alert('jdih')</script>"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    site = open_site(tmp_path_factory.mktemp("web-data"))
    indexer = Indexer(site.store, site.index)
    ingest_with_script(indexer, XSS, "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",
                       "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf")
    return TestApp(make_app(site))


def soup(resp) -> BeautifulSoup:
    return BeautifulSoup(resp.text, "html.parser")


def assert_escaped(resp):
    assert XSS not in resp.text
    assert not [s for s in soup(resp).find_all("script") if "alert" in (s.string or "")]


def test_home_lists_documents(app):
    resp = app.get("/")
    page = soup(resp)
    assert page.find("html")["lang"] == "id"
    links = {a["href"] for a in page.select("ul.daftar-dokumen a")}
    assert "/dokumen/uu-2-2008" in links and "/dokumen/pergub-bali-3-2021" in links
    assert page.find("form", attrs={"action": "/cari"}).find("label")


def test_search_page_shows_clause_results_with_citations(app):
    resp = app.get("/cari", {"q": "didirikan dan dibentuk partai politik"})
    page = soup(resp)
    hits = page.select("li.hit")
    links = [h.find("a")["href"] for h in hits]
    # UU 2/2011 replaced Pasal 2 of UU 2/2008: the text in force comes first,
    # the replaced one (which carries the planted <script>) later, marked as such.
    assert links[0] == "/dokumen/uu-2-2011/pasal_i__angka_2__pasal_2__ayat_1"
    assert hits[0].find("a").get_text() == "Pasal I angka 2 Pasal 2 ayat (1) UU 2/2011"
    assert hits[0].select_one("p.cuplikan mark")
    old = hits[links.index("/dokumen/uu-2-2008/pasal_2__ayat_1")]
    assert old.find("a").get_text() == "Pasal 2 ayat (1) UU 2/2008"
    assert old.select_one("p.catatan-berlaku").get_text() == "Diubah dengan Pasal I angka 2 Pasal 2 ayat (1) UU 2/2011"
    assert_escaped(resp)


def test_search_json_twin(app):
    data = app.get("/cari.json", {"q": "didirikan dan dibentuk partai politik"}).json
    assert data["hits"][0]["unit"]["id"] == "pasal_i__angka_2__pasal_2__ayat_1"
    assert data["hits"][0]["unit"]["citation"] == "Pasal I angka 2 Pasal 2 ayat (1) UU 2/2011"
    old = next(h for h in data["hits"] if h["doc"]["id"] == "uu-2-2008" and h["unit"]["id"] == "pasal_2__ayat_1")
    assert old["in_force"] is False and XSS not in old["snippet"] and "&lt;script&gt;" in old["snippet"]


def test_citation_query_redirects_to_the_clause(app):
    resp = app.get("/cari", {"q": "uu 2/2008 pasal 2 ayat 1"})
    assert resp.status_int == 303
    assert resp.headers["Location"].endswith("/dokumen/uu-2-2008/pasal_2__ayat_1")


def test_document_page(app):
    resp = app.get("/dokumen/uu-2-2008")
    page = soup(resp)
    meta = {th.get_text(): td.get_text() for th, td in
            ((tr.find("th"), tr.find("td")) for tr in page.select("table.metadata tr"))}
    assert meta["Nomor"] == "2" and meta["Tahun"] == "2008" and meta["Singkatan Jenis"] == "UU"
    assert page.find(id="pasal_2") and page.find(id="pasal_2__ayat_1")
    toc = [a["href"] for a in page.select("nav.daftar-isi a")]
    assert "#pasal_1" in toc and "#bab_i" in toc
    # the Penjelasan of a Pasal sits beside it
    pasal = page.find(id="pasal_2")
    assert pasal.find("details", class_="penjelasan-pasal")
    assert page.find("a", href="/berkas/uu-2-2008")
    assert_escaped(resp)
    assert "&lt;script&gt;" in resp.text


def test_amending_act_shows_quoted_units(app):
    page = soup(app.get("/dokumen/uu-2-2011"))
    assert page.find(id="pasal_i__angka_2__pasal_2__ayat_1a")


def test_unit_permalink_and_json(app):
    resp = app.get("/dokumen/uu-2-2008/pasal_2")
    page = soup(resp)
    assert page.find("h1").get_text() == "Pasal 2 UU 2/2008"
    assert page.find(id="pasal_2__ayat_1")
    assert "Pasal 2 Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik" in page.find("output").get_text()
    assert_escaped(resp)
    data = app.get("/dokumen/uu-2-2008/pasal_2__ayat_1.json").json
    assert data["citation"] == "Pasal 2 ayat (1) UU 2/2008"
    assert XSS in data["text"]  # JSON carries the text as it is; browsers do not run it


def test_download_original_file(app):
    resp = app.get("/berkas/pergub-bali-3-2021")
    assert resp.content_type == "application/pdf"
    assert resp.body.startswith(b"%PDF-")


@pytest.mark.parametrize("url", ["/dokumen/tidak-ada", "/dokumen/uu-2-2008/pasal_999", "/berkas/tidak-ada",
                                 "/dokumen/uu-2-2008/%3Cscript%3E"])
def test_not_found_pages_are_in_indonesian(app, url):
    resp = app.get(url, status=404)
    assert "tidak" in resp.text.lower()
    assert "<script>" not in resp.text


def test_security_headers(app):
    resp = app.get("/")
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
