"""A clerk uploads a PDF, watches its job finish, publishes it, and finds one
of its Pasal in search (the server's background worker does the indexing)."""
from __future__ import annotations

from browser.conftest import screenshot
from conftest import corpus_file
from jdih import users
from jdih.store import Store

PDF = "perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf"
PW = "sandi-rahasia-pengunggah"


def test_upload_a_pdf_then_find_its_pasal(server, page, tmp_path):
    store = Store(server.data)
    if users.find_user(store, "pengunggah") is None:
        users.add_user(store, "pengunggah", PW, "staf")
    store.close()
    page.goto(server.url + "/masuk?lanjut=/staf/unggah")
    page.get_by_label("Nama").fill("pengunggah")
    page.get_by_label("Kata sandi").fill(PW)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/staf/unggah")
    local = tmp_path / PDF
    local.write_bytes(corpus_file(PDF).read_bytes())
    page.get_by_label("Berkas peraturan", exact=False).set_input_files(str(local))
    page.get_by_role("button", name="Unggah").click()
    page.wait_for_url("**/staf/unggah/*")
    row = page.locator("table.tugas tbody tr").first
    assert PDF in row.inner_text()
    # the page refreshes itself until the job is done
    page.wait_for_selector("text=Semua berkas selesai diproses.", timeout=120_000)
    row = page.locator("table.tugas tbody tr").first
    assert "terindeks" in row.inner_text()
    screenshot(page, "unggah")
    row.get_by_role("link", name="perpres-74-2012").click()
    page.wait_for_url("**/staf/dokumen/perpres-74-2012")
    assert "Peraturan Presiden" in page.locator("#f-judul").input_value()
    page.get_by_role("button", name="Terbitkan").click()
    page.wait_for_selector("text=Dokumen diterbitkan.")
    page.goto(server.url + "/cari?q=perpres+74%2F2012+pasal+2")
    assert page.url.endswith("/dokumen/perpres-74-2012/pasal_2")
    assert page.locator("h1").inner_text().endswith("Perpres 74/2012")
