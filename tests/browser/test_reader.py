"""A person searches, opens the clause, and reads it in context."""
from __future__ import annotations

from browser.conftest import screenshot


def test_search_then_open_clause(server, page):
    page.goto(server.url + "/")
    page.get_by_label("Kata kunci atau kutipan pasal").fill("anggota DPR berhenti antarwaktu digantikan")
    page.get_by_role("button", name="Cari").last.click()
    page.wait_for_url("**/cari?**")
    first = page.locator("li.hit h3 a").first
    assert "UU 17/2014" in first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().endswith("UU 17/2014")
    screenshot(page, "pasal")


def test_citation_query_lands_on_the_clause(server, page):
    page.goto(server.url + "/cari?q=uu+17%2F2014+pasal+242")
    assert page.url.endswith("/dokumen/uu-17-2014/pasal_242")
    assert page.locator("#pasal_242__ayat_1").is_visible()
