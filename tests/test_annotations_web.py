"""Annotations, evaluation notes and staff search in the web app (WebTest in process,
HTML read with BeautifulSoup): login and CSRF on every staff route, the API the
reader's script uses, the forms that work without JavaScript, and what the
public must never see."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import CORPUS, corpus_file, login, open_site
from indexer.pipeline import Indexer
from jdih import annotations as A
from jdih import users
from jdih.cli import plug_readers
from web.app import make_app

PW = "sandi-yang-cukup-panjang"
NOTE = "catatan-2025-paw-pengunduran-diri"
XSS = "<script>alert('anotasi')</script>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = open_site(tmp_path_factory.mktemp("annotations-web"))
    plug_readers(site)
    indexer = Indexer(site.store, site.index)
    for path in (corpus_file("uu-17-2014-md3.md"), corpus_file("uu-2-2008-partai-politik.md"),
                 CORPUS / "catatan-evaluasi" / "catatan-2025-paw-pengunduran-diri.md"):
        assert indexer.ingest_path(path).status == "indexed"
    for name, role in (("admin", "admin"), ("siti", "staf"), ("budi", "staf")):
        users.add_user(site.store, name, PW, role)
    return site


def soup(resp) -> BeautifulSoup:
    return BeautifulSoup(resp.text, "html.parser")


class Staff:
    """A logged-in browser: a WebTest app with its own cookies and the session's CSRF token."""

    def __init__(self, site, name: str):
        self.app = TestApp(make_app(site))
        assert login(self.app, name, PW).status_int == 303
        self.csrf = soup(self.app.get("/anotasi")).find("input", {"name": "csrf_token"})["value"]

    def api(self, method: str, url: str, data=None, status=None):
        kw = {"headers": {"X-CSRF-Token": self.csrf}, "status": status or "*"}
        if method == "GET":
            return self.app.get(url, status=status or "*")
        if method == "DELETE":
            return self.app.delete(url, **kw)
        return getattr(self.app, f"{method.lower()}_json")(url, data or {}, **kw)

    def form(self, url: str, fields: dict, status=None):
        return self.app.post(url, dict(fields, csrf_token=self.csrf), status=status or "*")


@pytest.fixture(scope="module")
def siti(site):
    return Staff(site, "siti")


@pytest.fixture(scope="module")
def budi(site):
    return Staff(site, "budi")


@pytest.fixture(scope="module")
def public(site):
    return TestApp(make_app(site))


def selector(site, doc_id, unit_id, words):
    text = next(u.text for u in site.store.units(doc_id) if u.id == unit_id)
    s = text.index(words)
    return {"start": s, "end": s + len(words), "exact": words}


@pytest.fixture(scope="module")
def three(site, siti):
    """One annotation of each visibility on Pasal 242 ayat (2), each with a marker word."""
    out = {}
    for vis in ("pribadi", "internal", "publik"):
        resp = siti.api("POST", "/api/anotasi", {
            "doc_id": "uu-17-2014", "unit_id": "pasal_242__ayat_2", "body": f"penanda-{vis} {XSS}",
            "selector": selector(site, "uu-17-2014", "pasal_242__ayat_2", "mengundurkan diri"),
            "tags": [f"tag{vis}"], "visibility": vis, "links": [f"{NOTE}#seksi_4"]}, status=201)
        out[vis] = resp.json
    return out


# -- login and CSRF -----------------------------------------------------------

STAFF_PAGES = ["/anotasi", "/anotasi/baru?dokumen=uu-17-2014&unit=pasal_242", "/anotasi/{id}", "/catatan",
               "/catatan/baru", f"/catatan/{NOTE}", f"/catatan/{NOTE}/sunting", f"/catatan/{NOTE}/berkas",
               "/staf/cari?q=mengundurkan"]
STAFF_API = ["/api/anotasi", "/api/anotasi/{id}", "/api/anotasi/{id}/riwayat", "/api/anotasi/ekspor?format=csv"]


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_redirect_to_login(public, three, url):
    resp = public.get(url.format(id=three["internal"]["id"]), status="*")
    assert resp.status_int == 303 and "/masuk?lanjut=" in resp.headers["Location"]


@pytest.mark.parametrize("url", STAFF_API)
def test_staff_api_answers_401_without_login(public, three, url):
    resp = public.get(url.format(id=three["internal"]["id"]), status="*")
    assert resp.status_int == 401 and resp.json["error"] == "Perlu masuk sebagai staf."


@pytest.mark.parametrize("method, url", [
    ("POST", "/api/anotasi"), ("PATCH", "/api/anotasi/{id}"), ("DELETE", "/api/anotasi/{id}"),
    ("POST", "/api/anotasi/{id}/balasan"), ("POST", "/anotasi"), ("POST", "/anotasi/{id}/hapus"),
    ("POST", "/catatan"), ("POST", "/api/anotasi/impor")])
def test_changes_without_login_are_refused(public, three, method, url):
    resp = public.request(url.format(id=three["internal"]["id"]), method=method, body=b"{}",
                          content_type="application/json", status="*")
    assert resp.status_int in (401, 403)


def test_forged_requests_without_csrf_are_refused(site, siti, three):
    before = site.store.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    ann_id = three["internal"]["id"]
    assert siti.app.post_json("/api/anotasi", {"doc_id": "uu-17-2014", "unit_id": "pasal_242", "body": "x"},
                              status="*").status_int == 403
    assert siti.app.post("/anotasi", {"dokumen": "uu-17-2014", "unit": "pasal_242", "isi": "x"},
                         status="*").status_int == 403
    assert siti.app.post(f"/anotasi/{ann_id}/hapus", {"csrf_token": "palsu"}, status="*").status_int == 403
    assert siti.app.delete(f"/api/anotasi/{ann_id}", headers={"X-CSRF-Token": "palsu"}, status="*").status_int == 403
    assert site.store.db.execute("SELECT count(*) FROM annotations").fetchone()[0] == before
    assert A.get(site.store, A.SYSTEM, ann_id).deleted_at is None


def test_import_is_for_admins(siti):
    resp = siti.api("POST", "/api/anotasi/impor", {"type": "AnnotationCollection"})
    assert resp.status_int == 403


# -- the JSON API -----------------------------------------------------------------

def test_api_create_read_update_reply_delete_restore(site, siti, budi):
    sel = selector(site, "uu-17-2014", "pasal_239__ayat_1__huruf_b", "mengundurkan diri")
    created = siti.api("POST", "/api/anotasi", {"doc_id": "uu-17-2014", "unit_id": "pasal_239__ayat_1__huruf_b",
                                                "selector": sel, "body": "Bentuk pernyataan belum diatur.",
                                                "tags": ["PAW"], "kind": "pertanyaan"}, status=201).json
    assert created["citation"] == "Pasal 239 ayat (1) huruf b UU 17/2014"
    assert created["selector"]["exact"] == "mengundurkan diri" and created["anchor"]["status"] == "utuh"
    ann = created["id"]
    listed = budi.api("GET", "/api/anotasi?dokumen=uu-17-2014&tag=paw").json
    assert ann in {t["id"] for t in listed["items"]}
    assert ann in {t["id"] for t in budi.api("GET", "/api/anotasi?dokumen=uu-17-2014&unit=pasal_239").json["items"]}
    reply = budi.api("POST", f"/api/anotasi/{ann}/balasan", {"body": "Usul: wajib bermeterai."}, status=201).json
    assert reply["parent_id"] == ann
    assert budi.api("PATCH", f"/api/anotasi/{ann}", {"body": "bukan milik budi"}).status_int == 403
    done = budi.api("PATCH", f"/api/anotasi/{ann}", {"status": "selesai"}, status=200).json
    assert done["status"] == "selesai" and done["replies"][0]["body"] == "Usul: wajib bermeterai."
    assert siti.api("DELETE", f"/api/anotasi/{ann}", status=200).json["deleted"]
    assert ann not in {t["id"] for t in siti.api("GET", "/api/anotasi?dokumen=uu-17-2014").json["items"]}
    assert siti.api("POST", f"/api/anotasi/{ann}/pulihkan", status=200).json["deleted"] is None
    history = siti.api("GET", f"/api/anotasi/{ann}/riwayat").json["history"]
    assert [h["action"] for h in history] == ["buat", "balas", "status", "hapus", "pulihkan"]
    audit = [r[0] for r in site.store.db.execute("SELECT action FROM audit_log WHERE target = ?", (f"anotasi:{ann}",))]
    assert audit == ["anotasi-buat", "anotasi-ubah", "anotasi-hapus", "anotasi-pulihkan"]


@pytest.mark.parametrize("payload, status, message", [
    ({"doc_id": "uu-17-2014", "unit_id": "pasal_242__ayat_1", "body": "x",
      "selector": {"start": 0, "end": 4, "exact": "tidak ada di teks"}}, 400, "pilih ulang"),
    ({"doc_id": "uu-17-2014", "unit_id": "pasal_999", "body": "x"}, 404, "tidak ada dalam dokumen"),
    ({"doc_id": "uu-17-2014", "unit_id": "pasal_242", "body": ""}, 400, "tidak boleh kosong"),
])
def test_api_errors_are_json_in_indonesian(siti, payload, status, message):
    resp = siti.api("POST", "/api/anotasi", payload)
    assert resp.status_int == status and message in resp.json["error"]


def test_api_refuses_what_is_not_json(siti):
    resp = siti.app.post("/api/anotasi", "{tidak json", headers={"X-CSRF-Token": siti.csrf},
                         content_type="application/json", status="*")
    assert resp.status_int == 400 and "JSON" in resp.json["error"]


def test_api_export_respects_visibility(siti, budi, three):
    mine = siti.api("GET", "/api/anotasi/ekspor?format=jsonld&dokumen=uu-17-2014").json
    theirs = budi.api("GET", "/api/anotasi/ekspor?format=csv&dokumen=uu-17-2014").text
    assert "penanda-pribadi" in str(mine) and "penanda-pribadi" not in theirs and "penanda-internal" in theirs


# -- the reader -----------------------------------------------------------------

def test_reader_shows_highlights_and_threads_to_staff(siti, three):
    page = soup(siti.app.get("/dokumen/uu-17-2014/pasal_242"))
    ids = {v["id"] for v in three.values()}
    marks = page.select("mark.sorot")
    assert marks and {m.get_text() for m in marks} == {"mengundurkan diri"}
    assert ids <= set(" ".join(m["data-anotasi"] for m in marks).split())
    threads = {a["id"] for a in page.select("aside.panel-anotasi article.utas")}
    assert {f"anotasi-{i}" for i in ids} <= threads
    assert page.select_one("[data-anotasi-dokumen]")["data-csrf"] == siti.csrf
    assert page.find("script", src="/static/anotasi.js")
    assert XSS not in page.decode() and "penanda-internal <script>" not in page.decode()
    dibahas = [a["href"] for a in page.select("a.dibahas")]
    assert f"/catatan/{NOTE}#seksi_3" in dibahas  # the note cites Pasal 242 ayat (2) in its section 3


def test_reader_filters_by_tag_author_status(siti, three):
    page = soup(siti.app.get("/dokumen/uu-17-2014/pasal_242?tag=tagpublik"))
    shown = {a["id"] for a in page.select("aside.panel-anotasi article.utas")}
    assert shown == {f"anotasi-{three['publik']['id']}"}
    assert not soup(siti.app.get("/dokumen/uu-17-2014/pasal_242?penulis=budi")).select("aside article.utas")


def test_public_reader_shows_only_publik_threads_without_staff_tools(public, three):
    page = soup(public.get("/dokumen/uu-17-2014"))
    text = page.decode()
    assert "penanda-publik" in text and "penanda-internal" not in text and "penanda-pribadi" not in text
    assert not page.find("script", src="/static/anotasi.js") and not page.select("form[action^='/anotasi']")
    assert NOTE not in text and "Dibahas dalam" not in text  # the link to the internal note is dropped too
    assert XSS not in text


def route_urls(app, three) -> list[str]:
    """Every GET route of the app with sample values: pages added later are covered too."""
    values = {"doc_id": "uu-17-2014", "unit_id": "pasal_242__ayat_2", "ann_id": three["pribadi"]["id"],
              "path": "jdih.css", "digest": "0" * 64, "user_id": "1"}
    urls = []
    for route in app.app.routes:
        if route.method != "GET":
            continue
        url = re.sub(r"<(\w+)(?::[^>]*)?>", lambda m: values.get(m.group(1), "x"), route.rule)
        urls.append(url)
    return urls + ["/cari?q=penanda", "/cari.json?q=penanda", "/cari?q=mengundurkan+diri+klarifikasi",
                   f"/dokumen/{NOTE}", f"/dokumen/{NOTE}.json", f"/berkas/{NOTE}"]


def test_nothing_internal_reaches_any_public_route(public, three):
    staff_only = ("/anotasi", "/api/anotasi", "/catatan", "/staf/", "/admin")
    checked = 0
    for url in route_urls(public, three):
        resp = public.get(url, status="*")
        if url.startswith(staff_only):
            assert resp.status_int in (303, 401, 403), url
            continue
        body = resp.text
        for secret in ("penanda-pribadi", "penanda-internal", "tagpribadi", "taginternal", "Mekanisme"):
            assert secret not in body, (url, secret)
        checked += 1
    assert checked >= 10


# -- forms without JavaScript -------------------------------------------------------

def test_annotate_a_whole_unit_with_the_plain_form(site, siti):
    page = siti.app.get("/anotasi/baru?dokumen=uu-17-2014&unit=pasal_243__ayat_2&lanjut=/dokumen/uu-17-2014/pasal_243")
    form = next(f for f in page.forms.values() if f.action == "/anotasi")
    form["isi"] = "Lima Hari tidak cukup bila perlu klarifikasi."
    form["tag"] = "PAW, batas-waktu"
    resp = form.submit()
    assert resp.status_int == 303 and "/dokumen/uu-17-2014/pasal_243#anotasi-an-" in resp.headers["Location"]
    ann_id = resp.headers["Location"].split("#anotasi-")[1]
    thread = soup(resp.follow()).find(id=f"anotasi-{ann_id}")
    assert "Lima Hari tidak cukup" in thread.get_text() and "#batas-waktu" in thread.get_text()


def test_form_errors_keep_what_was_typed(siti):
    resp = siti.form("/anotasi", {"dokumen": "uu-17-2014", "unit": "pasal_243", "isi": "teks saya", "tag": "<x>"})
    assert resp.status_int == 400
    page = soup(resp)
    assert "tidak sah" in page.select_one(".galat").get_text() and page.find("textarea", id="isi-anotasi").get_text() == \
        "teks saya"


def test_thread_forms_reply_resolve_edit_delete_restore(site, siti, budi):
    ann = A.create(site.store, {"id": 2, "name": "siti", "role": "staf"}, doc_id="uu-17-2014",
                   unit_id="pasal_243__ayat_4", body="Empat belas Hari untuk Presiden.")
    url = f"/anotasi/{ann.id}"
    assert budi.form(f"{url}/balas", {"isi": "Dicatat.", "lanjut": url}).status_int == 303
    assert budi.form(f"{url}/status", {"status": "selesai"}).status_int == 303
    assert budi.form(f"{url}/ubah", {"isi": "diubah budi"}).status_int == 403
    assert siti.form(f"{url}/ubah", {"isi": "Empat belas Hari.", "tag": "PAW", "jenis": "catatan",
                                     "visibilitas": "internal", "tautan": "Pasal 242 UU 17/2014"}).status_int == 303
    assert siti.form(f"{url}/hapus", {}).status_int == 303
    page = soup(siti.app.get(url))
    assert "Dihapus oleh siti" in page.get_text() and page.find("form", action=f"{url}/pulihkan")
    assert siti.form(f"{url}/pulihkan", {}).status_int == 303
    got = A.get(site.store, A.SYSTEM, ann.id)
    assert (got.body, got.status, got.tags, got.links, [r.body for r in got.replies]) == \
        ("Empat belas Hari.", "selesai", ["PAW"], [("uu-17-2014", "pasal_242")], ["Dicatat."])
    history = [r.get_text() for r in soup(siti.app.get(url)).select("section.riwayat tbody td:nth-of-type(3)")]
    assert history == ["buat", "balas", "status", "ubah", "hapus", "pulihkan"]


def test_list_page_search_and_filters(siti, three):
    page = soup(siti.app.get("/anotasi?q=penanda"))
    ids = {a["id"] for a in page.select("ol.hasil-anotasi article.utas")}
    assert {f"anotasi-{three[v]['id']}" for v in ("pribadi", "internal", "publik")} <= ids
    only = soup(siti.app.get("/anotasi?tag=tagpublik"))
    assert {a["id"] for a in only.select("ol.hasil-anotasi article.utas")} == {f"anotasi-{three['publik']['id']}"}
    links = [a["href"] for a in page.select("p.ringkasan a")]
    assert any("format=jsonld" in h for h in links) and any("format=csv" in h for h in links)


# -- staff search ---------------------------------------------------------------

def test_staff_search_finds_notes_and_annotations_and_narrows(site, siti, three, public):
    page = soup(siti.app.get("/staf/cari?q=klarifikasi+mengundurkan+diri"))
    hits = [a["href"] for a in page.select("li.hit h3 > a:first-child")]
    assert any(h.startswith(f"/catatan/{NOTE}#seksi_") for h in hits)
    annotated = soup(siti.app.get("/staf/cari?q=mengundurkan+diri&hanya=anotasi"))
    narrowed = [a["href"] for a in annotated.select("li.hit h3 > a:first-child")]
    assert narrowed and all(h.startswith("/dokumen/uu-17-2014/pasal_2") for h in narrowed)
    assert "/dokumen/uu-17-2014/pasal_242__ayat_2" in narrowed
    tagged = soup(siti.app.get("/staf/cari?q=&tag=tagpublik"))
    assert [a["href"] for a in tagged.select("section li > a:first-child")] == ["/dokumen/uu-17-2014/pasal_242__ayat_2"]
    matches = soup(siti.app.get("/staf/cari?q=penanda"))
    assert len(matches.select("section.anotasi-cocok li")) >= 3
    assert NOTE not in public.get("/cari?q=klarifikasi+mengundurkan+diri").text


# -- evaluation notes ---------------------------------------------------------------

def test_note_page_links_its_citations(siti):
    page = soup(siti.app.get(f"/catatan/{NOTE}"))
    links = {a.get_text(): a["href"] for a in page.select("a.rujukan")}
    assert links["Pasal 242 ayat (1) UU 17/2014"] == "/dokumen/uu-17-2014/pasal_242__ayat_1"
    assert links["Pasal 239 sampai dengan Pasal 243 UU 17/2014"] == "/dokumen/uu-17-2014/pasal_239"
    missing = [s.get_text() for s in page.select(".rujukan-tidak-ada")]
    assert "PKPU 6/2017" in missing  # not in the collection: shown, not linked
    assert page.find(id="seksi_4").find("h2").get_text() == "4. Analisis"
    assert page.select_one(".label-internal")


def test_upload_a_docx_note_and_its_citations_show_on_the_clause(site, siti):
    path = CORPUS / "catatan-evaluasi" / "catatan-2025-paw-dprd-kabupaten-kota.docx"
    resp = siti.app.post("/catatan", {"csrf_token": siti.csrf}, upload_files=[("berkas", path.name, path.read_bytes())])
    assert resp.status_int == 303
    note_id = resp.headers["Location"].rsplit("/", 1)[1]
    assert site.store.document_row(note_id)["public"] is False
    page = soup(siti.app.get("/dokumen/uu-17-2014/pasal_409"))
    assert any(a["href"].startswith(f"/catatan/{note_id}#") for a in page.select("a.dibahas"))


def test_a_bad_note_upload_is_refused_with_a_reason(site, siti):
    before = len(site.store.document_ids())
    resp = siti.app.post("/catatan", {"csrf_token": siti.csrf}, upload_files=[("berkas", "rusak.docx", b"PK\x03\x04x")],
                         status="*")
    assert resp.status_int == 400 and "DOCX" in soup(resp).select_one(".galat").get_text()
    assert len(site.store.document_ids()) == before


def test_write_and_edit_a_note_in_the_browser_keeps_its_annotations(site, siti):
    body = "## 1. Temuan\nPasal 426 ayat (1) huruf b UU 7/2017 perlu rumusan tegas.\n\n## 2. Usul\nKlarifikasi tertulis."
    resp = siti.form("/catatan", {"tulis": "1", "judul": "Catatan Evaluasi Uji Tulis", "tanggal": "2025-12-01",
                                  "isi": body})
    assert resp.status_int == 303
    note_id = resp.headers["Location"].rsplit("/", 1)[1]
    ann = siti.api("POST", "/api/anotasi", {"doc_id": note_id, "unit_id": "seksi_2", "body": "Tambahkan format.",
                                            "selector": selector(site, note_id, "seksi_2", "Klarifikasi tertulis")},
                   status=201).json
    form = soup(siti.app.get(f"/catatan/{note_id}/sunting"))
    assert form.find("textarea", id="isi-catatan").get_text().startswith("## 1. Temuan")
    edited = body.replace("## 2. Usul", "## 2. Analisis\nBelum ada.\n\n## 3. Usul")
    assert siti.form("/catatan", {"tulis": "1", "id": note_id, "judul": "Catatan Evaluasi Uji Tulis",
                                  "isi": edited}).status_int == 303
    got = A.get(site.store, A.SYSTEM, ann["id"])
    assert (got.anchor_status, got.unit_id) == ("dipindah", "seksi_3")  # the section was renumbered
    page = soup(siti.app.get(f"/catatan/{note_id}"))
    assert page.find(id="seksi_3").select_one("mark.sorot").get_text() == "Klarifikasi tertulis"
