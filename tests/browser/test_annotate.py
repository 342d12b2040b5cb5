"""A legal-division staff member annotates in a real browser (Chromium via Playwright)
against `jdih serve` as a subprocess: log in, search, open a clause, select text,
annotate, reload and see it; reply; resolve; re-index the document (a rebuilt
index, then an edited version of the file) and see the annotation still anchored;
log out and see the internal annotation gone. Screenshots go to docs/screenshots.
"""
from __future__ import annotations

import shutil

import pytest

from anchor_pairs import UU_2_2008, consolidated_uu_2_2008
from browser.conftest import Server, jdih, screenshot
from conftest import CORPUS

PASSWORD = "sandi-staf-untuk-uji"
QUOTE = "mengundurkan diri"
UNIT = "pasal_242__ayat_2"


@pytest.fixture(scope="module")
def staff_server(browser_data, tmp_path_factory):
    """Its own copy of the browser store (annotations must not leak into other browser tests), with a staff user
    and an evaluation note."""
    data = tmp_path_factory.mktemp("annotate-data")
    shutil.copytree(browser_data, data, dirs_exist_ok=True)
    srv = Server(data)
    jdih("user", "add", "siti", "--role", "staf", env=srv.env, input=PASSWORD + "\n")
    jdih("index", str(CORPUS / "catatan-evaluasi" / "catatan-2025-paw-pengunduran-diri.md"), env=srv.env)
    srv.start()
    yield srv
    srv.stop()


def log_in(page, server):
    page.goto(server.url + "/masuk")
    page.get_by_label("Nama pengguna").fill("siti")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(server.url + "/")
    assert "siti" in page.locator("span.pengguna").inner_text()


def select_words(page, unit: str, words: str) -> None:
    """Drag the mouse over ``words`` inside a unit's text, as a person selects."""
    page.locator(f'.teks[data-unit="{unit}"]').scroll_into_view_if_needed()
    box = page.evaluate("""([unit, words]) => {
        const teks = document.querySelector(`.teks[data-unit="${unit}"]`);
        const walker = document.createTreeWalker(teks, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const i = node.data.indexOf(words);
            if (i < 0) continue;
            const first = document.createRange(); first.setStart(node, i); first.setEnd(node, i + 1);
            const last = document.createRange(); last.setStart(node, i + words.length - 1);
            last.setEnd(node, i + words.length);
            const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
            return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
        }
        return null;
    }""", [unit, words])
    assert box, f"{words!r} not found in {unit}"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()
    assert page.evaluate("window.getSelection().toString()") == words


def thread(page):
    return page.locator("aside.panel-anotasi article.utas").filter(has_text="pernyataan tertulis")


def test_annotate_reply_resolve_reindex_logout(staff_server, page):
    server = staff_server
    log_in(page, server)

    # search (a citation typed in the search box goes straight to the clause) and open the clause
    page.get_by_label("Cari peraturan atau pasal").fill("uu 17/2014 pasal 242")
    page.get_by_role("button", name="Cari").first.click()
    page.wait_for_url("**/dokumen/uu-17-2014/pasal_242")
    assert page.locator("h1").inner_text() == "Pasal 242 UU 17/2014"

    # select text in ayat (2) and annotate it
    select_words(page, UNIT, QUOTE)
    page.get_by_role("button", name="Anotasi teks terpilih").click()
    form = page.locator("#form-anotasi-baru")
    assert form.is_visible() and QUOTE in form.locator(".kutipan-terpilih").inner_text()
    form.get_by_label("Isi anotasi").fill("Bentuk \"mengundurkan diri\" belum diatur: perlu pernyataan tertulis "
                                          "yang diklarifikasi langsung dengan calon.")
    form.get_by_label("Tag (pisahkan dengan koma)").fill("PAW, klarifikasi")
    form.get_by_role("button", name="Simpan anotasi").click()
    page.locator(f'.teks[data-unit="{UNIT}"] mark.sorot').wait_for()  # the page loads again with it
    assert "#anotasi-an-" in page.url

    # reload: the highlight and the thread are there
    page.reload()
    mark = page.locator(f'.teks[data-unit="{UNIT}"] mark.sorot')
    assert mark.count() == 1 and mark.inner_text() == QUOTE
    assert thread(page).count() == 1 and "#PAW" in thread(page).inner_text()

    # reply, then resolve
    thread(page).get_by_label("Balas").fill("Setuju; usulkan format berita acara klarifikasi.")
    thread(page).get_by_role("button", name="Kirim balasan").click()
    thread(page).locator("ol.balasan").wait_for()
    assert "format berita acara" in thread(page).locator("ol.balasan").inner_text()
    thread(page).get_by_role("button", name="Tandai selesai").click()
    thread(page).get_by_role("button", name="Buka lagi").wait_for()
    assert thread(page).locator(".label.status-selesai").inner_text() == "Selesai"
    assert thread(page).get_by_role("button", name="Buka lagi").is_visible()
    thread(page).scroll_into_view_if_needed()
    screenshot(page, "anotasi-pasal")

    # the whole document in the reader, with the side panel
    page.goto(server.url + "/dokumen/uu-17-2014#pasal_242")
    assert page.locator(f'#{UNIT} mark.sorot').inner_text() == QUOTE
    screenshot(page, "anotasi-dokumen")

    # re-index: rebuild the search index, then re-upload an edited file of the same document
    jdih("reindex", env=server.env)
    page.goto(server.url + "/dokumen/uu-17-2014/pasal_242")
    assert page.locator(f'.teks[data-unit="{UNIT}"] mark.sorot').inner_text() == QUOTE
    edited = server.data / "uu-17-2014-md3.md"
    text = (CORPUS / "uu-17-2014-md3.md").read_text(encoding="utf-8")
    old = "ayat (1) meninggal dunia, mengundurkan diri, atau tidak lagi memenuhi syarat sebagai calon anggota DPR"
    assert text.count(old) == 1
    edited.write_text(text.replace(old, old.replace("meninggal dunia, ", "meninggal dunia, atau ")), encoding="utf-8")
    jdih("index", str(edited), env=server.env)
    page.reload()
    mark = page.locator(f'.teks[data-unit="{UNIT}"] mark.sorot')
    assert mark.inner_text() == QUOTE  # still on its words, which moved within the ayat
    assert "dipindah" in thread(page).locator(".jangkar-info").inner_text().lower()

    # log out: the internal annotation is gone from the page
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(server.url + "/")
    page.goto(server.url + "/dokumen/uu-17-2014/pasal_242")
    assert page.locator("mark.sorot").count() == 0
    assert "pernyataan tertulis" not in page.content()
    assert page.locator("aside.panel-anotasi").count() == 0


def test_a_renumbered_clause_keeps_its_annotation(staff_server, page, tmp_path):
    """UU 2/2008 replaced by its consolidated text: huruf g of Pasal 2 ayat (4) is now huruf j."""
    server = staff_server
    log_in(page, server)
    page.goto(server.url + "/dokumen/uu-2-2008/pasal_2")
    unit = "pasal_2__ayat_4__huruf_g"
    select_words(page, unit, "peraturan dan keputusan Partai Politik")
    page.get_by_role("button", name="Anotasi teks terpilih").click()
    page.locator("#form-anotasi-baru").get_by_label("Isi anotasi").fill("Isi AD yang wajib; nomornya berubah di 2011.")
    page.locator("#form-anotasi-baru").get_by_role("button", name="Simpan anotasi").click()
    page.locator(f'.teks[data-unit="{unit}"] mark.sorot').wait_for()
    consolidated = tmp_path / UU_2_2008
    consolidated.write_text(consolidated_uu_2_2008(), encoding="utf-8")
    jdih("index", str(consolidated), env=server.env)
    page.goto(server.url + "/dokumen/uu-2-2008/pasal_2")
    moved = page.locator('.teks[data-unit="pasal_2__ayat_4__huruf_j"] mark.sorot')
    assert moved.inner_text() == "peraturan dan keputusan Partai Politik"
    assert page.locator('.teks[data-unit="pasal_2__ayat_4__huruf_g"] mark.sorot').count() == 0
    info = page.locator("aside.panel-anotasi article.utas .jangkar-info").first
    assert "huruf g menjadi Pasal 2 ayat (4) huruf j" in info.inner_text()
    moved.scroll_into_view_if_needed()
    screenshot(page, "anotasi-jangkar-dipindah")


def test_annotating_without_javascript_uses_the_form(staff_server, browser):
    context = browser.new_context(locale="id-ID", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, staff_server)
        page.goto(staff_server.url + "/dokumen/uu-17-2014/pasal_243")
        page.get_by_role("link", name="+ Anotasi untuk Pasal 243 ayat (2)").click()
        page.get_by_label("Isi anotasi").fill("Lima Hari terlalu singkat bila ada klarifikasi.")
        page.get_by_role("button", name="Simpan anotasi").click()
        page.wait_for_url("**#anotasi-an-*")
        assert "Lima Hari terlalu singkat" in page.locator("aside.panel-anotasi").inner_text()
    finally:
        context.close()
