"""The public portal in process (WebTest + BeautifulSoup): home, browse, the
document record, relations from both sides, the abstract, downloads with
counters, clause permalinks with their relations and citation.

Read-only checks run on the whole corpus (``corpus_site``); checks that add
relations run on a small store of real regulations with a ``<script>``
planted in one clause."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import ingest_with_script, open_site
from indexer.pipeline import Indexer
from jdih.record import META_LABELS, published
from web.app import make_app

XSS = "<script>alert('portal')</script>"


def soup(resp) -> BeautifulSoup:
    return BeautifulSoup(resp.text, "html.parser")


def record_table(page: BeautifulSoup) -> dict[str, str]:
    return {tr.find("th").get_text(strip=True): tr.find("td").get_text(strip=True)
            for tr in page.select("table.metadata tr")}


# A reader's browser: the public counters leave out requests without one.
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"}


@pytest.fixture(scope="module")
def corpus_app(corpus_site):
    return TestApp(make_app(corpus_site), extra_environ=BROWSER)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """UU 2/2008 (with a <script> in Pasal 2), UU 2/2011 which amends it, and
    Pergub Bali 3/2021; UU 2/2011 'mengubah' UU 2/2008 as the parser records it."""
    site = open_site(tmp_path_factory.mktemp("portal-data"))
    indexer = Indexer(site.store, site.index)
    ingest_with_script(indexer, XSS, "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",
                       "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf")
    for doc_id in site.store.document_ids():  # only the relation these tests look at
        site.store.replace_text_relations(doc_id, [])
    site.store.replace_text_relations("uu-2-2011", [{"kind": "mengubah", "to_doc": "uu-2-2008"}])
    return site


@pytest.fixture(scope="module")
def app(small):
    return TestApp(make_app(small), extra_environ=BROWSER)


def assert_escaped(resp):
    assert XSS not in resp.text
    assert not [s for s in soup(resp).find_all("script") if "alert" in (s.string or "")]


# -- home and browse (whole corpus) -----------------------------------------

def test_home_has_search_browse_newest_and_charts(corpus_app, corpus_site):
    page = soup(corpus_app.get("/"))
    form = page.find("form", attrs={"action": "/cari", "role": "search", "class": "cari-besar"})
    assert form.find("label", attrs={"for": "q"}) and form.find("input", id="q")
    docs = published(corpus_site.store)
    uu = sum(1 for d in docs if d["jenis"] == "Undang-Undang")
    jenis = {a.get_text(): a.find_next_sibling("span").get_text()
             for a in page.select('nav[aria-labelledby="jelajah-jenis"] a')}
    assert jenis["Undang-Undang"] == str(uu)
    assert sum(int(n) for n in jenis.values()) == len(docs)
    years = {a.get_text(): int(a.find_next_sibling("span").get_text())
             for a in page.select('nav[aria-labelledby="jelajah-tahun"] a')}
    assert years["2014"] == sum(1 for d in docs if d["tahun"] == 2014)
    assert page.select_one('nav[aria-labelledby="jelajah-status"] a[href="/dokumen?status=Berlaku"]')
    # the metadata record of the Perda brings a subjek
    assert page.select_one('a[href="/dokumen?subjek=RETRIBUSI"]')
    newest = [a["href"] for a in page.select("ul.daftar-dokumen a")]
    assert newest[0] == "/dokumen/perda-kab-banjarnegara-8-2025"  # enacted 30 December 2025
    charts = page.select("svg.grafik")
    assert len(charts) == 2
    for svg in charts:
        assert svg["role"] == "img" and svg.find("title").get_text() and svg.find("desc").get_text()
    assert f"Undang-Undang: {uu} dokumen" in charts[0].find("desc").get_text()
    assert len(charts[0].select("rect.batang")) == len(jenis)
    assert len(charts[1].select("rect.batang")) == len(years)


def test_browse_filters_and_counts(corpus_app, corpus_site):
    page = soup(corpus_app.get("/dokumen", {"jenis": "Undang-Undang", "tahun": "2014"}))
    rows = page.select("table.daftar tbody tr")
    links = {tr.find("a")["href"] for tr in rows}
    assert links == {"/dokumen/uu-17-2014", "/dokumen/uu-42-2014"}
    assert "2 dokumen" in page.select_one("p.ringkasan").get_text()
    # removing a filter keeps the other
    remove = page.find("a", attrs={"aria-label": re.compile("Hapus saringan Tahun")})
    assert remove["href"] == "/dokumen?jenis=Undang-Undang"


def test_browse_pages_and_sorting(corpus_app, corpus_site):
    total = len(published(corpus_site.store))
    first = soup(corpus_app.get("/dokumen"))
    assert f"{total} dokumen" in first.select_one("p.ringkasan").get_text()
    assert len(first.select("table.daftar tbody tr")) == min(20, total)
    second = soup(corpus_app.get("/dokumen", {"halaman": "2"}))
    assert len(second.select("table.daftar tbody tr")) == total - 20
    years = [int(tr.select("td")[1].get_text()) for tr in first.select("table.daftar tbody tr")]
    assert years == sorted(years, reverse=True)
    oldest = soup(corpus_app.get("/dokumen", {"urut": "terlama"}))
    assert oldest.select_one("table.daftar tbody a")["href"] == "/dokumen/uu-8-1978"
    nothing = soup(corpus_app.get("/dokumen", {"tahun": "1901"}))
    assert "Tidak ada dokumen" in nothing.get_text()
    assert corpus_app.get("/dokumen", {"halaman": "abc", "tahun": "x"}).status_int == 200


# -- the document record ------------------------------------------------------

def test_every_public_document_shows_its_full_record(corpus_app, corpus_site):
    for row in published(corpus_site.store):
        page = soup(corpus_app.get(f"/dokumen/{row['id']}"))
        table = record_table(page)
        assert list(table) == [label for _, label in META_LABELS], row["id"]
        assert table["Judul"] == row["judul"] and table["Nomor"] == row["nomor"]
        assert table["Status"] == row["status"]
        assert page.find("h1").get_text(strip=True) == row["judul"]


def test_record_of_the_perda_with_metadata_record_and_abstract(corpus_app):
    page = soup(corpus_app.get("/dokumen/perda-kab-banjarnegara-8-2025"))
    table = record_table(page)
    assert table["Subjek"] == "RETRIBUSI"
    assert table["Bidang Hukum"] == "Hukum Administrasi Negara"
    assert table["Pemrakarsa"] == "Eksekutif" and table["Penandatangan"] == "Amalia Desiana"
    assert table["Tanggal Penetapan"] == "30 Desember 2025"
    abstrak = page.find("section", id="abstrak")
    terms = [dt.get_text() for dt in abstrak.find_all("dt")]
    assert terms == ["Dasar pertimbangan", "Dasar hukum", "Isi ringkas", "Catatan"]
    dd = abstrak.find_all("dd")
    assert dd[0].get_text().startswith("Kebijakan pajak daerah dan retribusi daerah dilaksanakan")
    basis = [li.get_text() for li in dd[1].find_all("li")]
    assert basis[0] == "Pasal 18 ayat (6) UUD 1945" and "UU No. 23 Tahun 2014" in basis and len(basis) == 10
    assert dd[2].get_text(strip=True) == "Perubahan beberapa ketentuan."
    assert [li.get_text() for li in dd[3].find_all("li")][1] == "Penjelasan 1 hlm;"
    files = {a.get_text(): a["href"] for a in page.select("section.berkas a")}
    assert files["Naskah peraturan"] == "/berkas/perda-kab-banjarnegara-8-2025"
    assert files["Abstrak"].startswith("/berkas/perda-kab-banjarnegara-8-2025/")


def test_downloads_count_and_keep_the_file(app, small):
    before = small.store.document_row("pergub-bali-3-2021")
    resp = app.get("/berkas/pergub-bali-3-2021")
    assert resp.content_type == "application/pdf" and resp.body.startswith(b"%PDF-")
    assert 'filename="pergub-bali-3-2021.pdf"' in resp.headers["Content-Disposition"]
    page = soup(app.get("/dokumen/pergub-bali-3-2021"))
    counters = page.select_one("p.pencacah").get_text()
    assert f"Dilihat {before['views'] + 1} kali" in counters
    assert f"Diunduh {before['downloads'] + 1} kali" in counters


@pytest.mark.parametrize("agent", ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                                   "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.5.0", "python-requests/2.32",
                                   "Wget/1.21", ""])
def test_crawlers_and_scripts_are_not_counted(small, agent):
    app = TestApp(make_app(small), extra_environ={"HTTP_USER_AGENT": agent})
    before = small.store.document_row("pergub-bali-3-2021")
    app.get("/dokumen/pergub-bali-3-2021")
    app.get("/berkas/pergub-bali-3-2021")
    after = small.store.document_row("pergub-bali-3-2021")
    assert (after["views"], after["downloads"]) == (before["views"], before["downloads"])


def test_abstract_download_is_counted(corpus_app, corpus_site):
    row = corpus_site.store.document_row("perda-kab-banjarnegara-8-2025")
    att = next(a for a in corpus_site.store.attachments(row["id"]) if a["role"] == "abstrak")
    resp = corpus_app.get(f"/berkas/{row['id']}/{att['sha256']}")
    assert resp.body.startswith(b"%PDF-")
    assert 'filename="perda-kab-banjarnegara-8-2025-abstrak.pdf"' in resp.headers["Content-Disposition"]
    assert corpus_site.store.document_row(row["id"])["downloads"] == row["downloads"] + 1


def test_relations_shown_from_both_sides(app):
    amended = soup(app.get("/dokumen/uu-2-2008"))
    rel = amended.find("section", class_="relasi")
    assert rel.find("dt").get_text() == "Diubah dengan"
    link = rel.find("dd").find("a")
    assert link["href"] == "/dokumen/uu-2-2011" and link.get_text() == "UU 2/2011"
    amending = soup(app.get("/dokumen/uu-2-2011"))
    rel = amending.find("section", class_="relasi")
    assert rel.find("dt").get_text() == "Mengubah"
    assert rel.find("dd").find("a")["href"] == "/dokumen/uu-2-2008"
    none = soup(app.get("/dokumen/pergub-bali-3-2021")).find("section", class_="relasi")
    assert "Tidak ada relasi" in none.get_text()


def test_reader_has_toc_and_permalink_on_every_pasal_and_ayat(app, small):
    resp = app.get("/dokumen/uu-2-2008")
    page = soup(resp)
    units = small.store.units("uu-2-2008")
    for u in units:
        if u.kind in ("pasal", "ayat"):
            assert page.find(id=u.id), u.id
            assert page.find("a", href=f"/dokumen/uu-2-2008/{u.id}"), u.id
    toc = {a["href"] for a in page.select("nav.daftar-isi a")}
    assert {f"#{u.id}" for u in units if u.kind == "pasal" and not u.id.startswith("penjelasan")} <= toc
    assert_escaped(resp)
    assert "&lt;script&gt;" in resp.text


# -- clause permalinks ----------------------------------------------------------

def test_clause_page_has_path_penjelasan_relations_and_citation(app):
    resp = app.get("/dokumen/uu-2-2008/pasal_2__ayat_1")
    page = soup(resp)
    assert page.find("h1").get_text() == "Pasal 2 ayat (1) UU 2/2008"
    crumbs = [a.get_text() for a in page.select("nav.remah a")]
    assert crumbs == ["UU 2/2008", "BAB II", "Pasal 2"]
    assert page.find(id="pasal_2__ayat_1")
    rel = page.find("section", class_="relasi")
    item = rel.find("li")
    assert item.get_text(" ", strip=True).startswith("Diubah dengan Pasal I angka 2 UU 2/2011")
    assert item.find("a")["href"] == "/dokumen/uu-2-2011/pasal_i__angka_2"
    out = page.find("output", id="kutipan-teks")
    assert out.get_text() == "Pasal 2 ayat (1) Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik"
    button = page.find("button", attrs={"data-salin": "kutipan-teks"})
    assert button.has_attr("hidden")  # shown by /static/kutipan.js; without JS the text stays selectable
    assert page.find("script", src="/static/kutipan.js")
    assert_escaped(resp)


def test_clause_with_penjelasan(app):
    page = soup(app.get("/dokumen/uu-2-2008/pasal_2"))
    section = page.find("section", class_="penjelasan-unit-halaman")
    assert section and section.find("h2").get_text() == "Penjelasan"
    assert len(section.get_text(strip=True)) > len("Penjelasan")


def test_instruction_of_amending_act_links_to_the_pasal_it_replaces(app):
    page = soup(app.get("/dokumen/uu-2-2011/pasal_i__angka_2"))
    item = page.find("section", class_="relasi").find("li")
    assert item.get_text(" ", strip=True).startswith("Mengubah Pasal 2 UU 2/2008")
    assert item.find("a")["href"] == "/dokumen/uu-2-2008/pasal_2"
    data = app.get("/dokumen/uu-2-2011/pasal_i__angka_2.json").json
    assert data["relations"] == [{"label": "Mengubah", "doc_id": "uu-2-2008", "unit_id": "pasal_2",
                                  "cite": "Pasal 2 UU 2/2008", "url": "/dokumen/uu-2-2008/pasal_2"}]


def test_clause_json_twin(app):
    data = app.get("/dokumen/uu-2-2008/pasal_2__ayat_1.json").json
    assert data["citation"] == "Pasal 2 ayat (1) UU 2/2008"
    assert data["long_citation"] == "Pasal 2 ayat (1) Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik"
    assert [p["id"] for p in data["path"]] == ["bab_ii", "pasal_2"]
    assert data["relations"][0]["unit_id"] == "pasal_i__angka_2"


@pytest.mark.parametrize("url", ["/dokumen/tidak-ada", "/dokumen/uu-2-2008/pasal_999", "/berkas/tidak-ada",
                                 "/dokumen/uu-2-2008/%3Cscript%3E", "/tidak/ada/sama/sekali"])
def test_not_found_is_indonesian_and_does_not_echo(app, url):
    resp = app.get(url, status=404)
    assert "tidak" in resp.text.lower() and "Not found" not in resp.text
    assert "<script>" not in resp.text and "sama/sekali" not in resp.text


def test_clause_tree_equals_the_full_tree_around_every_unit(small):
    """The clause page reads only the units it shows; for every unit of two real
    acts they are exactly the ones the whole tree gives."""
    from jdih.excerpt import clause_tree
    from jdih.model import Tree
    for doc_id in ("uu-2-2008", "uu-2-2011"):
        full = Tree(small.store.units(doc_id))
        for unit in full.units:
            part = clause_tree(small.store, doc_id, unit.id)
            assert [u.id for u in part.descendants(unit.id)] == [u.id for u in full.descendants(unit.id)]
            assert [u.id for u in part.ancestors(unit.id)] == [u.id for u in full.ancestors(unit.id)]
            pj = f"penjelasan__{unit.id}"
            if pj in full.by_id:
                assert part.full_text(pj) == full.full_text(pj)
            assert part.full_text(unit.id) == full.full_text(unit.id)
    assert clause_tree(small.store, "uu-2-2008", "pasal_999").units == []
