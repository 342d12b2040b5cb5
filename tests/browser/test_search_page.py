"""A person searches the way staff talk, narrows by a facet, follows "Maksud Anda"."""
from __future__ import annotations

from browser.conftest import screenshot


def test_grouped_results_facets_and_suggestion(server, page):
    page.goto(server.url + "/")
    page.get_by_label("Kata kunci atau kutipan pasal").fill("PAW anggota DPRD kabupaten")
    page.get_by_role("button", name="Cari").last.click()
    page.wait_for_url("**/cari?**")
    group = page.locator("li.grup").first
    assert "Nomor 17 Tahun 2014" in group.locator("h2").inner_text()
    first = group.locator("li.hit h3 a").first
    assert first.inner_text().startswith("Pasal 4") and first.inner_text().endswith("UU 17/2014")
    assert group.locator("p.jalur").first.inner_text().startswith("BAB VI")
    assert group.locator("p.cuplikan mark").count() > 0
    screenshot(page, "cari")
    # narrow to one year with the facet
    page.locator("section.faset-tahun a", has_text="2008").click()
    page.wait_for_url("**tahun=2008**")
    assert page.locator("li.grup h2").all_inner_texts() == [
        "Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik"]
    # a typo: the page searches the correction and says so
    page.goto(server.url + "/cari?q=pengantian+antar+waktu")
    saran = page.locator("p.saran")
    assert "penggantian antar waktu" in saran.inner_text()
    saran.locator("a").click()
    page.wait_for_url("**q=penggantian+antar+waktu**")
    assert page.locator("li.hit").count() > 0
