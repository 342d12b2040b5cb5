"""The staff upload pages in process (WebTest): many files in one upload, each
a job with its stage and outcome on the page, the metadata form pre-filled
from the parse, corrections kept, publish, withdraw. Login and CSRF apply."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp, Upload

import badfiles as B
from conftest import corpus_file, form_for, login
from indexer.pipeline import Indexer
from indexer.worker import Worker
from jdih import users, versions
from jdih.jobs import JobQueue
from web.app import make_app

PW = "sandi-rahasia-siti"
UU2 = "uu-2-2008-partai-politik.md"
PERGUB = "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf"


@pytest.fixture
def site(empty_site):
    users.add_user(empty_site.store, "siti", PW, "staf")
    return empty_site


@pytest.fixture
def app(site):
    app = TestApp(make_app(site))
    login(app, "siti", PW)
    return app


def run_worker(site):
    worker = Worker(Indexer(site.store, site.index))
    assert worker.acquire()
    try:
        while JobQueue(site.store).pending():
            worker.step(0.2)
    finally:
        worker.release()


def upload(app, *files):
    form = form_for(app.get("/staf/unggah"), "/staf/unggah")
    form["berkas"] = [Upload(name, data) for name, data in files]
    return form.submit(status=303).follow()


def rows(resp):
    soup = BeautifulSoup(resp.text, "html.parser")
    return {tr.find("td").get_text(strip=True): tr for tr in soup.select("table.tugas tbody tr")}


def test_upload_many_files_then_watch_them_finish(app, site):
    page = upload(app, (UU2, corpus_file(UU2).read_bytes()), (PERGUB, corpus_file(PERGUB).read_bytes()),
                  ("rusak.pdf", B.truncated_pdf()), ("<img src=x onerror=alert(1)>.md", b""))
    assert '<meta http-equiv="refresh"' in page.text  # work remains: the page refreshes itself
    before = rows(page)
    assert before[UU2].select_one(".tahap").get_text() == "menunggu giliran"
    assert "kosong" in before["_img src_x onerror_alert(1)_.md"].get_text()  # decided at once, name made safe
    assert "<img src=x" not in page.text
    run_worker(site)
    page = app.get(page.request.path)
    assert '<meta http-equiv="refresh"' not in page.text
    after = rows(page)
    assert after[UU2].select_one(".hasil").get_text() == "terindeks"
    assert after[UU2].select_one(".tahap").get_text() == "menunggu tinjauan metadata"
    assert after[UU2].find("a")["href"] == "/staf/dokumen/uu-2-2008"
    assert after[PERGUB].select_one(".hasil").get_text() == "terindeks"
    failed = after["rusak.pdf"]
    assert failed.select_one(".hasil").get_text() == "gagal"
    assert "rusak" in failed.select_one(".alasan").get_text()
    data = app.get(page.request.path.replace("/staf/", "/api/staf/")).json
    assert {j["filename"]: j["status"] for j in data["jobs"]}[UU2] == "indexed"


def test_uploaded_documents_wait_for_review_before_the_public_sees_them(app, site):
    page = upload(app, (UU2, corpus_file(UU2).read_bytes()))
    run_worker(site)
    assert site.searcher.search("uu 2/2008 pasal 2", public_only=True)["total"] == 0
    staff = site.searcher.search("uu 2/2008 pasal 2", public_only=False)["hits"]
    assert staff[0]["unit"]["citation"] == "Pasal 2 UU 2/2008"
    # the finished job leads to the record editor, pre-filled from the parse
    link = rows(app.get(page.request.path))[UU2].find("a")["href"]
    editor = app.get(link)
    form = form_for(editor, "/staf/dokumen/uu-2-2008/metadata")
    assert "Partai Politik" in form["judul"].value
    assert form["tanggal_penetapan"].value == "2008-01-04"
    form_for(editor, "/staf/dokumen/uu-2-2008/terbit").submit(status=303)
    assert site.store.document_row("uu-2-2008")["public"]
    hits = site.searcher.search("uu 2/2008 pasal 2", public_only=True)["hits"]
    assert hits[0]["unit"]["citation"] == "Pasal 2 UU 2/2008"


def test_version_history_page(app, site):
    upload(app, (UU2, corpus_file(UU2).read_bytes()))
    run_worker(site)
    text = corpus_file(UU2).read_text(encoding="utf-8").replace("50 (lima puluh)", "75 (tujuh puluh lima)", 1)
    upload(app, ("uu2-baru.md", text.encode()))
    run_worker(site)
    soup = BeautifulSoup(app.get("/staf/dokumen/uu-2-2008/versi").text, "html.parser")
    cells = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in soup.select("tbody tr")]
    assert [c[:2] for c in cells] == [["2", "uu2-baru.md"], ["1", UU2]]
    assert cells[0][3] == "versi berlaku" and "berkas baru" in cells[1][3]


def test_duplicate_upload_is_a_failed_job_naming_the_document(app, site):
    upload(app, (UU2, corpus_file(UU2).read_bytes()))
    run_worker(site)
    again = rows(upload(app, ("salinan.md", corpus_file(UU2).read_bytes())))["salinan.md"]
    assert again.select_one(".hasil").get_text() == "gagal"
    assert "Duplikat" in again.get_text() and "uu-2-2008" in again.get_text()


def test_withdraw_from_the_review_page(app, site):
    upload(app, (UU2, corpus_file(UU2).read_bytes()))
    run_worker(site)
    form = form_for(app.get("/staf/dokumen/uu-2-2008/versi"), "/staf/dokumen/uu-2-2008/hapus")
    form.submit(status=303)
    assert site.store.document_row("uu-2-2008") is None
    assert versions.history(site.store, "uu-2-2008")[0]["reason"] == versions.REASON_REMOVED


def test_upload_pages_need_login_and_csrf(site):
    anon = TestApp(make_app(site))
    assert anon.get("/staf/unggah", status=303).location.endswith("/masuk?lanjut=/staf/unggah")
    assert anon.get("/api/staf/unggah/abc", status=401).json["error"]
    app = TestApp(make_app(site))
    login(app, "siti", PW)
    app.post("/staf/unggah", upload_files=[("berkas", UU2, corpus_file(UU2).read_bytes())], status=403)
    assert JobQueue(site.store).recent() == []
    assert app.get("/staf/unggah/..%2f..%2fetc", status=404)


def test_empty_upload_form_is_refused(app):
    form = form_for(app.get("/staf/unggah"), "/staf/unggah")
    resp = form.submit(status=400)
    assert "sedikitnya satu berkas" in resp.text
