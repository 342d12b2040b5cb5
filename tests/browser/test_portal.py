"""The public portal in a real browser: browse -> document -> Pasal permalink ->
copy the citation; screenshots for the README; accessibility (axe-core:
labels, headings, contrast, ...); a phone-sized screen; no JavaScript."""
from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.conftest import jdih, screenshot

PHONE = {"width": 375, "height": 740}
STAF_PW = "sandi-staf-peramban"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
        "resultTypes": ["violations"]}


@pytest.fixture
def clip_page(browser, server):
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    pg = context.new_page()
    yield pg
    context.close()


def test_browse_document_permalink_copy_citation(server, clip_page):
    pg = clip_page
    pg.goto(server.url + "/")
    screenshot(pg, "beranda")
    pg.locator('nav[aria-labelledby="jelajah-jenis"]').get_by_role("link", name="Undang-Undang").click()
    pg.wait_for_url("**/dokumen?jenis=Undang-Undang")
    assert "3 dokumen" in pg.locator("p.ringkasan").inner_text()
    pg.get_by_role("link", name="Undang-Undang Nomor 17 Tahun 2014", exact=False).first.click()
    pg.wait_for_url("**/dokumen/uu-17-2014")
    assert pg.locator("table.metadata tr.meta-nomor td").inner_text() == "17"
    screenshot(pg, "dokumen")
    pg.locator("nav.daftar-isi").get_by_role("link", name="Pasal 242", exact=True).click()
    assert pg.url.endswith("#pasal_242")
    pg.locator("#pasal_242 a.permalink").click()
    pg.wait_for_url("**/dokumen/uu-17-2014/pasal_242")
    assert pg.locator("h1").inner_text() == "Pasal 242 UU 17/2014"
    button = pg.get_by_role("button", name="Salin kutipan", exact=True)
    assert button.is_visible()  # shown by /static/kutipan.js
    button.click()
    status = pg.locator("p.salin-kabar")
    status.wait_for(state="visible")
    pg.wait_for_function("document.querySelector('p.salin-kabar').textContent.length > 0")
    copied = pg.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Pasal 242 Undang-Undang Nomor 17 Tahun 2014 tentang Majelis Permusyawaratan Rakyat")
    assert copied == pg.locator("#kutipan-teks").inner_text().strip()
    assert status.inner_text().startswith("Kutipan disalin")
    screenshot(pg, "pasal-kutipan")


def test_ayat_permalink_from_the_reader(server, page):
    page.goto(server.url + "/dokumen/uu-2-2008")
    page.locator("#pasal_2__ayat_1 a.nomor").click()
    page.wait_for_url("**/dokumen/uu-2-2008/pasal_2__ayat_1")
    assert page.locator("h1").inner_text() == "Pasal 2 ayat (1) UU 2/2008"


def test_without_javascript_the_citation_is_plain_text(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(server.url + "/dokumen/uu-2-2008/pasal_2")
    assert pg.locator("#kutipan-teks").inner_text() == "Pasal 2 Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik"
    assert not pg.get_by_role("button", name="Salin kutipan", exact=True).is_visible()
    pg.goto(server.url + "/dokumen?jenis=Undang-Undang")
    pg.get_by_label("Urutkan").select_option("judul")
    pg.get_by_role("button", name="Terapkan").click()
    assert "urut=judul" in pg.url and "jenis=Undang-Undang" in pg.url
    context.close()


@pytest.mark.parametrize("path", ["/", "/dokumen/uu-17-2014", "/dokumen/uu-2-2011/pasal_i__angka_2"])
def test_works_on_a_phone(browser, server, path):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="id-ID")
    pg = context.new_page()
    pg.goto(server.url + path)
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
    search = pg.locator("#q-atas")
    assert search.is_visible() and search.bounding_box()["width"] > 150
    if path == "/":
        screenshot(pg, "beranda-ponsel")
    context.close()


def login(pg, server, name: str, password: str) -> None:
    pg.goto(server.url + "/masuk")
    pg.get_by_label("Nama pengguna").fill(name)
    pg.get_by_label("Kata sandi").fill(password)
    pg.get_by_role("button", name="Masuk").click()
    pg.wait_for_load_state()


@pytest.fixture(scope="module")
def staff_user(server):
    env = dict(os.environ, JDIH_DATA=str(server.data))
    jdih("user", "add", "peramban", "--role", "staf", env=env, input=STAF_PW + "\n")
    return "peramban"


@pytest.mark.parametrize("path", ["/", "/dokumen", "/dokumen?jenis=Undang-Undang", "/dokumen/uu-2-2008",
                                  "/dokumen/uu-2-2008/pasal_2", "/api", "/tidak-ada", "/masuk"])
def test_accessibility_of_public_pages(server, page, path):
    page.goto(server.url + path)
    result = Axe().run(page, options=WCAG)
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize("viewport", [None, PHONE])
def test_accessibility_of_the_staff_editor(browser, server, staff_user, viewport):
    context = browser.new_context(locale="id-ID", **({"viewport": viewport} if viewport else {}))
    pg = context.new_page()
    login(pg, server, staff_user, STAF_PW)
    pg.goto(server.url + "/staf/dokumen/uu-2-2008")
    assert pg.locator("h1").inner_text().startswith("Undang-Undang Nomor 2 Tahun 2008")
    result = Axe().run(pg, options=WCAG)
    assert result.violations_count == 0, result.generate_report()
    if viewport:
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    context.close()


def test_staff_correct_a_field_in_the_browser(browser, server, staff_user):
    context = browser.new_context(locale="id-ID")
    pg = context.new_page()
    login(pg, server, staff_user, STAF_PW)
    pg.goto(server.url + "/staf/dokumen/pergub-bali-3-2021")
    pg.get_by_label("Bidang Hukum").fill("Hukum Administrasi Negara")
    pg.get_by_label("Tahun").fill("20x1")
    pg.get_by_role("button", name="Simpan metadata").click()
    assert "Tahun harus 4 angka" in pg.locator("#g-tahun").inner_text()
    assert pg.get_by_label("Bidang Hukum").input_value() == "Hukum Administrasi Negara"  # kept
    pg.get_by_label("Tahun").fill("2021")
    pg.get_by_role("button", name="Simpan metadata").click()
    assert "Metadata disimpan" in pg.locator("p.pesan").inner_text()
    pg.goto(server.url + "/dokumen/pergub-bali-3-2021")
    assert pg.locator("tr.meta-bidang_hukum td").inner_text() == "Hukum Administrasi Negara"
    context.close()
