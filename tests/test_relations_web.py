"""Relations, amendment effects and cross-references as a reader sees them, on
the real amendment chains of the corpus (both sides), and validity."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import corpus_file, open_site
from indexer.pipeline import Indexer
from jdih.relations import effects_on
from web.app import make_app


@pytest.fixture(scope="module")
def app(corpus_site):
    return TestApp(make_app(corpus_site))


def hubungan(app, doc_id) -> dict[str, list[str]]:
    """The record's 'Status dan relasi' box: label -> the other regulations,
    by their citation when present in the store, by their id otherwise."""
    page = BeautifulSoup(app.get(f"/dokumen/{doc_id}").text, "html.parser")
    out: dict[str, list[str]] = {}
    label = ""
    for el in page.select("section.relasi dl > *"):
        if el.name == "dt":
            label = el.get_text(strip=True)
        else:
            link = el.find("a")
            text = link.get_text(strip=True) if link else el.get_text(" ", strip=True).split(" — ")[0]
            out.setdefault(label, []).append(text)
    return out


@pytest.mark.parametrize("amending, amended, citation, amended_citation", [
    ("uu-15-2019", "uu-12-2011", "UU 15/2019", "UU 12/2011"),
    ("uu-2-2011", "uu-2-2008", "UU 2/2011", "UU 2/2008"),
    ("uu-8-2015", "uu-1-2015", "UU 8/2015", "UU 1/2015"),
    ("uu-10-2016", "uu-1-2015", "UU 10/2016", "UU 1/2015"),
    ("uu-42-2014", "uu-17-2014", "UU 42/2014", "UU 17/2014"),
])
def test_amendment_chains_show_from_both_sides(app, amending, amended, citation, amended_citation):
    assert amended_citation in hubungan(app, amending)["Mengubah"]
    assert citation in hubungan(app, amended)["Diubah dengan"]


@pytest.mark.parametrize("doc_id, label, other", [
    ("pp-66-2010", "Mengubah", "pp-17-2010"),                      # PP 17/2010 is not in the corpus
    ("perka-bapeten-8-2014", "Mengubah", "perka-bapeten-7-2009"),
    ("pergub-bali-3-2021", "Mengubah", "pergub-bali-59-2019"),
    ("uu-1-2015", "Menetapkan", "perppu-1-2014"),
    ("perpres-87-2014", "Mencabut", "perpres-61-2005"),
    ("perpres-87-2014", "Melaksanakan", "UU 12/2011"),
    ("pp-66-2010", "Dicabut sebagian dengan", "PP 4/2014"),
])
def test_relations_to_documents_present_or_not(app, doc_id, label, other):
    assert other in hubungan(app, doc_id)[label]


def test_a_relation_to_a_missing_regulation_is_named_not_linked(app):
    page = BeautifulSoup(app.get("/dokumen/pp-66-2010").text, "html.parser")
    assert not page.select_one('a[href="/dokumen/pp-17-2010"]')
    # the effects on PP 17/2010 wait for it: none is shown anywhere yet
    assert "pp-17-2010" in hubungan(app, "pp-66-2010")["Mengubah"]


def test_changes_by_other_regulations_are_listed(app):
    page = BeautifulSoup(app.get("/dokumen/uu-12-2011").text, "html.parser")
    items = [li.get_text(" ", strip=True) for li in page.select("section.perubahan-lain li")]
    assert "Pasal 21 ayat (4) diubah oleh Pasal I angka 3 UU 15/2019" in items


def test_effects_on_the_amended_units(app, corpus_site):
    changes = effects_on(corpus_site.store, "uu-2-2008")
    assert [e["sentence"] for e in changes["pasal_5"]] == ["Pasal 5 diubah oleh UU 2/2011"]
    page = BeautifulSoup(app.get("/dokumen/uu-2-2008").text, "html.parser")
    note = page.find(id="pasal_5").select_one("ul.perubahan li")
    assert note.get_text(" ", strip=True).startswith("Pasal 5 diubah oleh Pasal I angka 5 UU 2/2011")
    assert note.find("a")["href"] == "/dokumen/uu-2-2011/pasal_i__angka_5"
    # an effect on a regulation held in a Lampiran lands on its embedded unit
    page = BeautifulSoup(app.get("/dokumen/uu-1-2015").text, "html.parser")
    assert "Pasal 7 diubah oleh" in page.find(id="lampiran__pasal_7").select_one("ul.perubahan").get_text(" ")


def test_effects_listed_under_each_instruction(app):
    page = BeautifulSoup(app.get("/dokumen/uu-2-2011").text, "html.parser")
    items = [li.get_text(" ", strip=True) for li in page.find(id="pasal_i__angka_13").select("ul.efek li")]
    assert items == ["sisip Pasal 34A"]
    links = [a["href"] for a in page.find(id="pasal_i__angka_5").select("ul.efek a")]
    assert links == ["/dokumen/uu-2-2008/pasal_5"]


def test_cross_references_are_links(app):
    page = BeautifulSoup(app.get("/dokumen/uu-17-2014/pasal_16").text, "html.parser")
    link = page.find(id="pasal_16__ayat_2").find("a", class_="rujukan")
    assert link.get_text() == "ayat (1)" and link["href"] == "/dokumen/uu-17-2014/pasal_16__ayat_1"
    page = BeautifulSoup(app.get("/dokumen/uu-2-2011").text, "html.parser")
    link = page.find(id="pasal_i__angka_4__pasal_4__ayat_1").find("a", class_="rujukan")
    # one span naming two units links the first and names both in its title
    assert link.get_text() == "Pasal 2 dan Pasal 3 ayat (2)" and link["href"] == "/dokumen/uu-2-2008/pasal_2"
    assert "Pasal 3 ayat (2) uu-2-2008" in link["title"]


def test_unresolved_reference_is_text_with_its_reason(app):
    page = BeautifulSoup(app.get("/dokumen/uu-42-2008/pasal_14").text, "html.parser")
    span = page.find("span", class_="rujukan")
    assert span is not None and "tidak ada di dokumen ini" in span["title"]


def test_relations_json_from_both_sides(app):
    rels = app.get("/dokumen/uu-2-2008.json").json["relations"]
    assert {"kind": "mengubah", "label": "Diubah dengan", "direction": "masuk", "doc_id": "uu-2-2011"} in [
        {k: r[k] for k in ("kind", "label", "direction", "doc_id")} for r in rels]


def test_repealed_regulation_becomes_tidak_berlaku(tmp_path):
    """Validity, both orders of arrival: UU 2/2008 repeals UU 31/2002. The
    repealed act is the real UU 2/2008 text renumbered (no UU 31/2002 file)."""
    real = corpus_file("uu-2-2008-partai-politik.md").read_text(encoding="utf-8")
    old = real.replace("NOMOR 2 TAHUN 2008", "NOMOR 31 TAHUN 2002", 1)
    assert old != real
    for order in ((old, real), (real, old)):
        site = open_site(tmp_path / f"d{len(order[0])}")
        indexer = Indexer(site.store, site.index)
        for text in order:
            assert indexer.ingest_bytes(text.encode(), "uu.md").status == "indexed"
        assert site.store.document_row("uu-31-2002")["status"] == "Tidak Berlaku"
        assert site.store.document_row("uu-2-2008")["status"] == "Berlaku"
        hit = site.searcher.search("uu 31/2002")["hits"][0]
        assert hit["doc"]["status"] == "Tidak Berlaku"


def test_withdrawing_the_repealing_regulation_gives_the_status_back(tmp_path):
    """UU 2/2008 repeals UU 31/2002 (the real text renumbered, as above); when
    UU 2/2008 is withdrawn, UU 31/2002 is in force again, in the store and in
    search, unless staff set its status by hand."""
    from jdih.editing import update_fields
    from jdih.versions import withdraw
    real = corpus_file("uu-2-2008-partai-politik.md").read_text(encoding="utf-8")
    old = real.replace("NOMOR 2 TAHUN 2008", "NOMOR 31 TAHUN 2002", 1)
    for by_hand in (False, True):
        site = open_site(tmp_path / f"d{int(by_hand)}")
        indexer = Indexer(site.store, site.index)
        assert indexer.ingest_bytes(old.encode(), "lama.md").status == "indexed"
        if by_hand:
            assert update_fields(site, "uu-31-2002", {"status": "Tidak Berlaku"}, "staf").changed
        assert indexer.ingest_bytes(real.encode(), "baru.md").status == "indexed"
        assert site.store.document_row("uu-31-2002")["status"] == "Tidak Berlaku"
        assert withdraw(site.store, site.index, "uu-2-2008")
        want = "Tidak Berlaku" if by_hand else "Berlaku"
        assert site.store.document_row("uu-31-2002")["status"] == want
        assert site.searcher.search("uu 31/2002")["hits"][0]["doc"]["status"] == want
        assert not site.searcher.in_force().outdated("uu-31-2002#pasal_2") or by_hand
