"""How machines find the site: the sitemap (documents and every clause
permalink of the corpus), robots.txt and the OpenSearch description."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from webtest import TestApp

from jdih.record import published
from web.app import make_app

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "o": "http://a9.com/-/spec/opensearch/1.1/"}
HOST = "jdih.contoh.go.id"


@pytest.fixture(scope="module")
def app(corpus_site):
    return TestApp(make_app(corpus_site), extra_environ={"HTTP_HOST": HOST})


def locs(resp, tag: str) -> list[str]:
    assert resp.content_type == "application/xml"
    root = ET.fromstring(resp.body)
    return [e.text for e in root.findall(f"s:{tag}/s:loc", NS)]


def test_sitemap_lists_every_public_document_and_clause(app, corpus_site):
    index = locs(app.get("/sitemap.xml"), "sitemap")
    docs = published(corpus_site.store)
    assert index[0] == f"http://{HOST}/sitemap/dokumen.xml"
    assert set(index[1:]) == {f"http://{HOST}/sitemap/{d['id']}.xml" for d in docs}
    pages = locs(app.get("/sitemap/dokumen.xml"), "url")
    assert {f"http://{HOST}/dokumen/{d['id']}" for d in docs} <= set(pages)
    clauses = locs(app.get("/sitemap/uu-17-2014.xml"), "url")
    expected = [u.id for u in corpus_site.store.units("uu-17-2014") if u.kind in ("pasal", "ayat", "diktum")]
    assert clauses == [f"http://{HOST}/dokumen/uu-17-2014/{uid}" for uid in expected]
    assert f"http://{HOST}/dokumen/uu-17-2014/pasal_242__ayat_1" in clauses
    for url in clauses[:3] + pages[:3]:
        assert app.get(urlsplit(url).path).status_int == 200


def test_sitemap_of_a_keputusan_lists_its_diktum_or_pasal(app, corpus_site):
    clauses = locs(app.get("/sitemap/kepka-bapeten-07-ka-bapeten-v-99-1999.xml"), "url")
    assert clauses and all("/dokumen/kepka-bapeten-07-ka-bapeten-v-99-1999/" in c for c in clauses)


def test_robots_points_to_the_sitemap(app):
    text = app.get("/robots.txt").text
    assert f"Sitemap: http://{HOST}/sitemap.xml" in text and "Disallow: /staf/" in text


def test_opensearch_description(app):
    resp = app.get("/opensearch.xml")
    assert resp.content_type == "application/opensearchdescription+xml"
    root = ET.fromstring(resp.body)
    assert len(root.find("o:ShortName", NS).text) <= 16
    urls = {u.get("type"): u.get("template") for u in root.findall("o:Url", NS)}
    assert urls["text/html"] == f"http://{HOST}/cari?q={{searchTerms}}"
    assert urls["application/json"] == f"http://{HOST}/api/cari?q={{searchTerms}}"
    # every page announces it
    home = app.get("/").text
    assert '<link rel="search" type="application/opensearchdescription+xml"' in home
    # and the template works
    target = urls["text/html"].replace("{searchTerms}", "partai+politik")
    assert app.get(urlsplit(target).path + "?" + urlsplit(target).query).status_int == 200
