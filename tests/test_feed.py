"""The JDIHN feed (DOMAIN.md section 3) validated for every public document of
the corpus: exact keys in order, all strings, ISO dates, "-" for the
monograph-only fields, operasi "4", display "1", absolute URLs that answer."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from webtest import TestApp

from conftest import open_site
from jdih.jdihn import FEED_KEYS, MONOGRAPH_ONLY
from jdih.record import published
from jdih.settings import Settings
from jdih.site import Site
from web.app import make_app

# The key list of the reference template, written out (not imported) so the
# test fails if the code's list drifts from the template.
TEMPLATE_KEYS = [
    "idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis", "noPeraturan", "judul",
    "noPanggil", "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber", "subjek", "isbn",
    "status", "bahasa", "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload", "urlDownload", "urlAbstrak",
    "urlDetailPeraturan", "operasi", "display",
]
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HOST = "http://jdih.contoh.go.id"


@pytest.fixture(scope="module")
def feed_app(corpus_site):
    return TestApp(make_app(corpus_site), extra_environ={"HTTP_HOST": "jdih.contoh.go.id"})


@pytest.fixture(scope="module")
def feed(feed_app):
    resp = feed_app.get("/api/jdihn")
    assert resp.content_type == "application/json"
    return resp.json


def test_one_item_per_public_document(feed, corpus_site):
    public = {r["id"] for r in published(corpus_site.store)}
    assert [item["idData"] for item in feed] == sorted(
        public, key=lambda i: (corpus_site.store.document_row(i)["created_at"], i))
    assert len(public) >= 25


def test_every_item_follows_the_template(feed, feed_app, corpus_site):
    for item in feed:
        row = corpus_site.store.document_row(item["idData"])
        assert list(item) == TEMPLATE_KEYS, item["idData"]
        assert all(isinstance(v, str) for v in item.values()), item
        for key in ("tanggal_penetapan", "tanggal_pengundangan"):
            assert item[key] == "" or ISO.match(item[key]), (item["idData"], key, item[key])
            assert item[key] == row[key]
        assert all(item[k] == "-" for k in ("noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku"))
        assert item["operasi"] == "4" and item["display"] == "1"
        assert item["judul"] == row["judul"] and item["noPeraturan"] == row["nomor"]
        assert item["jenis"] == row["jenis"] and item["singkatanJenis"] == row["singkatan"]
        assert item["status"] in ("Berlaku", "Tidak Berlaku")
        assert item["tahun_pengundangan"] == (row["tanggal_pengundangan"][:4] or str(row["tahun"]))
        assert item["urlDetailPeraturan"] == f"{HOST}/dokumen/{row['id']}"
        assert item["urlDownload"] == f"{HOST}/berkas/{row['id']}"
        assert item["fileDownload"] == f"{row['id']}.{row['format']}"


def test_feed_urls_answer(feed, feed_app):
    """Each absolute URL of two items leads to a page or file of this site."""
    for item in feed[:2]:
        for key in ("urlDetailPeraturan", "urlDownload"):
            parts = urlsplit(item[key])
            assert f"{parts.scheme}://{parts.netloc}" == HOST
            assert feed_app.get(parts.path).status_int == 200


def test_abstract_url_for_the_document_with_an_abstract_sheet(feed, feed_app):
    perda = next(i for i in feed if i["idData"] == "perda-kab-banjarnegara-8-2025")
    assert perda["subjek"] == "RETRIBUSI" and perda["bidangHukum"] == "Hukum Administrasi Negara"
    assert perda["tanggal_pengundangan"] == "2025-12-30" and perda["tahun_pengundangan"] == "2025"
    assert perda["urlAbstrak"].startswith(f"{HOST}/berkas/perda-kab-banjarnegara-8-2025/")
    assert feed_app.get(urlsplit(perda["urlAbstrak"]).path).body.startswith(b"%PDF-")
    others = [i for i in feed if i["idData"] != perda["idData"]]
    assert all(i["urlAbstrak"] == "" for i in others)


def test_paging(feed, feed_app):
    first = feed_app.get("/api/jdihn", {"page": "1", "limit": "5"}).json
    second = feed_app.get("/api/jdihn", {"page": "2", "limit": "5"}).json
    assert first == feed[:5] and second == feed[5:10]
    assert feed_app.get("/api/jdihn", {"limit": "7"}).json == feed[:7]
    assert feed_app.get("/api/jdihn", {"page": "999", "limit": "5"}).json == []


@pytest.mark.parametrize("params", [{"page": "0"}, {"limit": "0"}, {"limit": "abc"}, {"page": "-1"},
                                    {"limit": "100000"}, {"page": "1.5"}])
def test_bad_paging_is_a_clear_error(feed_app, params):
    resp = feed_app.get("/api/jdihn", params, status=400)
    assert "harus bilangan bulat" in resp.json["error"]


def test_empty_store_gives_an_empty_array(empty_site):
    resp = TestApp(make_app(empty_site)).get("/api/jdihn")
    assert resp.text == "[]" and resp.json == []


def test_base_url_setting_wins_over_the_request_host(corpus_site, tmp_path):
    settings = Settings.load(data=str(corpus_site.store.root), base_url="https://jdih.kpu.example/")
    site = Site(settings, corpus_site.store, corpus_site.index, corpus_site.searcher)
    item = TestApp(make_app(site)).get("/api/jdihn", {"limit": "1"}).json[0]
    assert item["urlDetailPeraturan"] == f"https://jdih.kpu.example/dokumen/{item['idData']}"


def test_unpublished_documents_leave_the_feed(tmp_path):
    from conftest import corpus_file
    from indexer.pipeline import Indexer
    site = open_site(tmp_path / "data")
    indexer = Indexer(site.store, site.index)
    for name in ("uu-2-2008-partai-politik.md", "uu-2-2011-perubahan-uu-2-2008-partai-politik.md"):
        indexer.ingest_path(corpus_file(name))
    site.store.db.execute("UPDATE documents SET public = 0 WHERE id = 'uu-2-2011'")
    items = TestApp(make_app(site)).get("/api/jdihn").json
    assert [i["idData"] for i in items] == ["uu-2-2008"]


def test_monograph_field_list_matches_the_domain():
    assert set(MONOGRAPH_ONLY) == {"noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku"}
    assert list(FEED_KEYS) == TEMPLATE_KEYS
