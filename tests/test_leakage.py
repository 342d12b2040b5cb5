"""Nothing internal reaches the public side.

The store holds public regulations, an unpublished regulation (UU 42/2014), an
internal evaluation note (tipe "Catatan Evaluasi", never public) and
relations between them and the public documents. Then, as an anonymous
visitor: crawl every link reachable from the home page (pages, JSON twins,
files, sitemaps), call every public API operation, the JDIHN feed, search and
its suggestions with the secret words, and the error pages for the secret
ids. None of the secret titles, ids or texts may appear in any answer.
"""
from __future__ import annotations

import html
import json
import re
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import corpus_file, open_site
from indexer.pipeline import Indexer
from jdih import editing
from jdih.model import Document, Unit
from web.app import make_app

PUBLIC = ("uu-2-2008-partai-politik.md", "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",
          "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf")
UNPUBLISHED = "uu-42-2014-perubahan-md3.md"
NOTE_ID = "catatan-evaluasi-paw-2025-07"
MARKER = "RAHASIA7Q"
NOTE_TITLE = f"Catatan Evaluasi {MARKER} Pengunduran Diri Calon Terpilih dalam PAW"
NOTE_TEXT = [
    f"Kata {MARKER}: pernyataan mengundurkan diri calon terpilih wajib diklarifikasi tertulis sebelum usulan PAW.",
    "Data Ganda pada daftar pemilih Kecamatan Purwodadi belum dituntaskan oleh operator sampai rapat pleno.",
]
MAX_PAGES = 5000


def note_document() -> Document:
    """A staff evaluation note: internal by nature."""
    units = [Unit(id="bagian_1", kind="block", heading="Temuan", text=NOTE_TEXT[0]),
             Unit(id="bagian_2", kind="block", heading="Tindak lanjut", text=NOTE_TEXT[1])]
    return Document(id=NOTE_ID, tipe="Catatan Evaluasi", jenis="Catatan Evaluasi", judul=NOTE_TITLE,
                    tahun=2025, units=units)


@pytest.fixture(scope="module")
def leak_site(tmp_path_factory):
    site = open_site(tmp_path_factory.mktemp("leak-data"))
    indexer = Indexer(site.store, site.index)
    for name in (*PUBLIC, UNPUBLISHED):
        assert indexer.ingest_path(corpus_file(name)).status == "indexed"
    editing.set_published(site, "uu-42-2014", False, "uji")
    note = note_document()
    site.store.save_document(note, source_sha256=None, public=False)
    site.index.update_documents([(site.store.get_document(NOTE_ID), False)])
    # relations between the secret documents and the public ones, both ways
    site.store.replace_text_relations("uu-2-2011", [{"kind": "mengubah", "to_doc": "uu-2-2008"},
                                                    {"kind": "terkait", "to_doc": "uu-42-2014"}])
    editing.add_relation(site, NOTE_ID, "keluar:terkait", "uu-2-2008", "", "pasal_2", "uji")
    editing.add_relation(site, "uu-42-2014", "keluar:mengubah", "pergub-bali-3-2021", "", "", "uji")
    return site


def secrets(site) -> list[str]:
    """Titles, ids and texts of the secret documents; unit texts only where no
    public document happens to contain the same words."""
    public_text = " ".join(u.text for name in ("uu-2-2008", "uu-2-2011", "pergub-bali-3-2021")
                           for u in site.store.units(name))
    out = [NOTE_ID, NOTE_TITLE, MARKER, *NOTE_TEXT, "uu-42-2014"]
    row = site.store.document_row("uu-42-2014")
    assert normal(row["judul"]) not in normal(public_text)  # no public text cites it: a fair test
    out.append(row["judul"])
    texts = [u.text for u in site.store.units("uu-42-2014") if len(u.text) >= 80 and u.text not in public_text]
    assert len(texts) >= 10
    out += texts
    return [normal(s) for s in out]


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def readable(resp) -> str:
    """What a response says, as text: JSON strings, unescaped HTML and XML."""
    if resp.content_type == "application/json":
        def strings(x):
            if isinstance(x, dict):
                return [s for k, v in x.items() for s in [str(k), *strings(v)]]
            if isinstance(x, list):
                return [s for v in x for s in strings(v)]
            return [str(x)]
        return normal(" \n ".join(strings(resp.json)))
    if resp.content_type.startswith("text/") or "xml" in resp.content_type:
        return normal(html.unescape(resp.text))
    return ""  # PDF and other original files of public documents


def links(resp, url: str) -> list[str]:
    if resp.content_type == "text/html":
        page = BeautifulSoup(resp.text, "html.parser")
        found = [a.get("href") for a in page.find_all(["a", "link"])] + [s.get("src") for s in page.find_all("script")]
    elif "xml" in resp.content_type:
        found = [urlsplit(html.unescape(m)).path for m in re.findall(r"<loc>(.*?)</loc>", resp.text)]
    elif resp.content_type == "application/json":
        found = re.findall(r'"url": "(/[^"]*)"', json.dumps(resp.json))
    else:
        return []
    out = []
    for href in found:
        if not href:
            continue
        target = urldefrag(urljoin(url, href))[0]
        parts = urlsplit(target)
        if parts.netloc in ("", "localhost", "localhost:80") and parts.path != "/keluar":
            out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def assert_clean(resp, url: str, secret: list[str]) -> None:
    text = readable(resp)
    for s in secret:
        assert s not in text, f"{url} leaks: {s[:80]}"


@pytest.fixture(scope="module")
def visitor(leak_site):
    return TestApp(make_app(leak_site))


def test_crawl_every_public_link_from_home(visitor, leak_site):
    secret = secrets(leak_site)
    seen, queue = set(), ["/", "/sitemap.xml", "/robots.txt", "/opensearch.xml", "/api/openapi.json"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        assert len(seen) < MAX_PAGES, "crawl did not finish"
        resp = visitor.get(url, status="*")
        assert resp.status_int < 500, url
        assert resp.status_int in (200, 303), (url, resp.status_int)
        assert_clean(resp, url, secret)
        queue += [u for u in links(resp, url) if u not in seen]
    # the crawl reached every public document, its clauses, files and the feed
    for path in ("/dokumen/uu-2-2008/pasal_2__ayat_1", "/dokumen/pergub-bali-3-2021", "/api/jdihn",
                 "/berkas/uu-2-2011", "/sitemap/uu-2-2008.xml", "/dokumen/uu-2-2008.json", "/api"):
        assert path in seen, path
    assert len(seen) > 300


def test_public_api_feed_and_statistics(visitor, leak_site):
    secret = secrets(leak_site)
    urls = ["/api/jdihn", "/api/jdihn?page=1&limit=1", "/api/dokumen", "/api/dokumen?limit=100",
            "/api/statistik", "/api/dokumen?tahun=2014", "/api/dokumen?tahun=2025", "/api/dokumen?jenis=Catatan+Evaluasi"]
    for doc in ("uu-2-2008", "uu-2-2011", "pergub-bali-3-2021"):
        urls += [f"/api/dokumen/{doc}", f"/api/dokumen/{doc}/unit"]
        urls += [f"/api/dokumen/{doc}/unit/{u.id}" for u in leak_site.store.units(doc) if u.kind == "pasal"][:20]
    for url in urls:
        resp = visitor.get(url)
        assert_clean(resp, url, secret)
    assert visitor.get("/api/dokumen").json["total"] == 3
    assert visitor.get("/api/statistik").json["total"] == 3
    assert {i["idData"] for i in visitor.get("/api/jdihn").json} == {"uu-2-2008", "uu-2-2011", "pergub-bali-3-2021"}


def test_search_and_suggestions_with_secret_words(visitor, leak_site):
    secret = secrets(leak_site)
    unit_words = [" ".join(t.split()[:6]) for t in secret[-5:]]
    queries = [MARKER, MARKER.lower()[:-1], "catatan evaluasi", "klarifikasi tertulis calon terpilih", "data ganda",
               "purwodadi", "uu 42/2014", "uu 42 tahun 2014 pasal 1", NOTE_ID, *unit_words]
    for q in queries:
        for url in ("/cari", "/cari.json", "/api/cari"):
            resp = visitor.get(url, {"q": q}, status="*")
            assert resp.status_int in (200, 303), (url, q)
            if resp.status_int == 303:
                location = resp.headers["Location"]
                assert "uu-42-2014" not in location and NOTE_ID not in location
                continue
            # the page may repeat what the visitor typed, nothing more
            assert_clean(resp, f"{url}?q={q}", [x for x in secret if x not in normal(q)])
            if url != "/cari":
                data = resp.json
                assert all(h["doc"]["id"] in ("uu-2-2008", "uu-2-2011", "pergub-bali-3-2021") for h in data["hits"])
                assert not data.get("suggestion") or MARKER.lower() not in str(data["suggestion"]).lower()


@pytest.mark.parametrize("template", ["/dokumen/{}", "/dokumen/{}.json", "/dokumen/{}/pasal_1",
                                      "/dokumen/{}/pasal_1.json", "/berkas/{}", "/sitemap/{}.xml",
                                      "/api/dokumen/{}", "/api/dokumen/{}/unit", "/api/dokumen/{}/unit/pasal_1"])
def test_error_pages_do_not_tell_secrets_exist(visitor, leak_site, template):
    """A secret id answers exactly like an id that was never there."""
    secret = secrets(leak_site)
    nothing = visitor.get(template.format("tidak-pernah-ada-2099"), status=404)
    for doc_id in ("uu-42-2014", NOTE_ID):
        resp = visitor.get(template.format(doc_id), status=404)
        assert resp.body == nothing.body, template
        assert_clean(resp, template, secret)
