"""Staff edit a document's record through the real forms (logged in, CSRF
included): metadata corrections that survive re-indexing, the abstract,
relations, publishing; every change in the audit log; bad input saves nothing."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from webtest import TestApp

from conftest import corpus_file, form_for, login
from indexer.pipeline import Indexer
from jdih import editing, users
from jdih.audit import entries
from jdih.model import Document, Unit
from web.app import make_app

PW = "sandi-staf-yang-panjang"
UU2008 = "uu-2-2008-partai-politik.md"
UU2011 = "uu-2-2011-perubahan-uu-2-2008-partai-politik.md"


@pytest.fixture
def site(empty_site):
    users.add_user(empty_site.store, "siti", PW, "staf")
    indexer = Indexer(empty_site.store, empty_site.index)
    for name in (UU2008, UU2011):
        assert indexer.ingest_path(corpus_file(name)).status == "indexed"
    for doc_id in empty_site.store.document_ids():  # staff editing starts from no relation
        empty_site.store.replace_text_relations(doc_id, [])
    return empty_site


@pytest.fixture
def anon(site):
    return TestApp(make_app(site))


@pytest.fixture
def staff(site):
    app = TestApp(make_app(site))
    assert login(app, "siti", PW).status_int == 303
    return app


def soup(resp) -> BeautifulSoup:
    return BeautifulSoup(resp.text, "html.parser")


def record(app, doc_id: str) -> dict[str, str]:
    page = soup(app.get(f"/dokumen/{doc_id}"))
    return {tr.find("th").get_text(strip=True): tr.find("td").get_text(strip=True)
            for tr in page.select("table.metadata tr")}


def edit_form(app, doc_id: str, action: str):
    return form_for(app.get(f"/staf/dokumen/{doc_id}"), f"/staf/dokumen/{doc_id}/{action}")


def test_staff_pages_need_login(anon):
    resp = anon.get("/staf/dokumen/uu-2-2008")
    assert resp.status_int == 303 and "/masuk?lanjut=" in resp.headers["Location"]
    assert anon.post("/staf/dokumen/uu-2-2008/terbit", {"terbit": "0"}, status=403)


def test_staff_list_shows_every_document(staff):
    page = soup(staff.get("/staf/dokumen"))
    assert {a["href"] for a in page.select("table a")} == {"/staf/dokumen/uu-2-2008", "/staf/dokumen/uu-2-2011"}


def test_correcting_metadata_shows_everywhere_and_is_audited(staff, anon, site):
    form = edit_form(staff, "uu-2-2008", "metadata")
    assert form["subjek"].value == "" and form["judul"].value.startswith("Undang-Undang Nomor 2 Tahun 2008")
    form["subjek"] = "PARTAI POLITIK, PEMILU"
    form["bidang_hukum"] = "Hukum Tata Negara"
    form["pemrakarsa"] = "Pemerintah"
    resp = form.submit()
    assert resp.status_int == 303
    assert "Metadata disimpan" in resp.follow().text
    rec = record(anon, "uu-2-2008")
    assert rec["Subjek"] == "PARTAI POLITIK, PEMILU" and rec["Bidang Hukum"] == "Hukum Tata Negara"
    feed = {i["idData"]: i for i in anon.get("/api/jdihn").json}
    assert feed["uu-2-2008"]["bidangHukum"] == "Hukum Tata Negara"
    assert soup(anon.get("/")).select_one('a[href="/dokumen?subjek=PEMILU"]')
    [entry] = [e for e in entries(site.store, target="dokumen:uu-2-2008") if e["action"] == "metadata-ubah"]
    assert entry["actor"] == "siti"
    assert entry["detail"]["perubahan"]["bidang_hukum"] == {"lama": "", "baru": "Hukum Tata Negara"}
    assert set(entry["detail"]["perubahan"]) == {"subjek", "bidang_hukum", "pemrakarsa"}


@pytest.mark.parametrize("name, value, message", [
    ("tahun", "20x8", "Tahun harus 4 angka"),
    ("tanggal_penetapan", "4 Januari 2008", "TTTT-BB-HH"),
    ("tanggal_pengundangan", "2008-02-30", "TTTT-BB-HH"),
    ("status", "Dicabut", "Berlaku atau Tidak Berlaku"),
    ("judul", "   ", "Judul wajib diisi"),
])
def test_bad_input_saves_nothing_and_keeps_what_was_typed(staff, site, name, value, message):
    before = site.store.document_row("uu-2-2008")
    form = edit_form(staff, "uu-2-2008", "metadata")
    form["bidang_hukum"] = "Hukum Tata Negara"
    form[name].force_value(value)  # what a hand-made request could send, past the browser's choices
    resp = form.submit(status=400)
    page = soup(resp)
    assert message in page.find(id=f"g-{name}").get_text()
    assert page.find(id="f-bidang_hukum")["value"] == "Hukum Tata Negara"  # nothing typed is lost
    assert site.store.document_row("uu-2-2008") == before
    assert not [e for e in entries(site.store, target="dokumen:uu-2-2008") if e["action"] == "metadata-ubah"]


def test_corrections_survive_reindexing_and_can_be_reverted(staff, anon, site):
    extracted = site.store.document_row("uu-2-2008")["judul"]
    form = edit_form(staff, "uu-2-2008", "metadata")
    form["judul"] = "Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik (judul dikoreksi)"
    form.submit(status=303)
    # the same regulation arrives again (a re-typed copy): the indexer parses and saves it anew
    text = corpus_file(UU2008).read_text(encoding="utf-8") + "\n"
    assert Indexer(site.store, site.index).ingest_bytes(text.encode(), UU2008).status == "indexed"
    assert record(anon, "uu-2-2008")["Judul"].endswith("(judul dikoreksi)")
    page = soup(staff.get("/staf/dokumen/uu-2-2008"))
    assert f"hasil ekstraksi: “{extracted}”" in page.get_text()
    revert = form_for(staff.get("/staf/dokumen/uu-2-2008"), "/staf/dokumen/uu-2-2008/kembalikan")
    assert revert["bidang"].value == "judul"
    revert.submit(status=303)
    assert record(anon, "uu-2-2008")["Judul"] == extracted
    actions = [e["action"] for e in entries(site.store, target="dokumen:uu-2-2008")]
    assert actions[:2] == ["metadata-kembalikan", "metadata-ubah"]


def test_staff_writes_the_abstract(staff, anon, site):
    form = edit_form(staff, "uu-2-2008", "abstrak")
    form["alasan"] = "Partai politik perlu diatur ulang sesuai perkembangan demokrasi."
    form["dasar_hukum"] = "Pasal 20 UUD 1945; Pasal 28 UUD 1945"
    form["isi"] = "Pembentukan, keanggotaan dan keuangan partai politik."
    form["catatan"] = "Mulai berlaku pada tanggal diundangkan.\n- Penjelasan terlampir."
    form.submit(status=303)
    section = soup(anon.get("/dokumen/uu-2-2008")).find("section", id="abstrak")
    assert [dt.get_text() for dt in section.find_all("dt")] == ["Dasar pertimbangan", "Dasar hukum",
                                                               "Isi ringkas", "Catatan"]
    assert [li.get_text() for li in section.find_all("dd")[1].find_all("li")] == ["Pasal 20 UUD 1945",
                                                                               "Pasal 28 UUD 1945"]
    assert [li.get_text() for li in section.find_all("dd")[3].find_all("li")] == [
        "Mulai berlaku pada tanggal diundangkan.", "Penjelasan terlampir."]
    assert "ditulis oleh Divisi Hukum" in section.get_text()
    assert anon.get("/api/dokumen/uu-2-2008").json["abstrak"]["sumber"] == "staf"
    assert entries(site.store, target="dokumen:uu-2-2008")[0]["action"] == "abstrak-ubah"


def test_relations_added_and_removed_by_staff(staff, anon, site):
    form = edit_form(staff, "uu-2-2008", "relasi")
    form["jenis"] = "masuk:mengubah"
    form["dokumen"] = "uu-2-2011"
    form.submit(status=303)
    rel = soup(anon.get("/dokumen/uu-2-2008")).find("section", class_="relasi")
    assert rel.find("dt").get_text() == "Diubah dengan" and rel.find("a")["href"] == "/dokumen/uu-2-2011"
    assert soup(anon.get("/dokumen/uu-2-2011")).find("section", class_="relasi").find("dt").get_text() == "Mengubah"
    # the clause pages follow the amendment instruction by instruction
    item = soup(anon.get("/dokumen/uu-2-2008/pasal_3")).find("section", class_="relasi").find("a")
    assert item["href"] == "/dokumen/uu-2-2011/pasal_i__angka_3"
    # a reference to a regulation outside the collection
    form = edit_form(staff, "uu-2-2011", "relasi")
    form["jenis"] = "keluar:terkait"
    form["rujukan"] = "PKPU 6/2017"
    form.submit(status=303)
    assert "PKPU 6/2017" in soup(anon.get("/dokumen/uu-2-2011")).find("section", class_="relasi").get_text()
    # removing
    page = staff.get("/staf/dokumen/uu-2-2008")
    remove = next(f for f in page.forms.values() if f.action.endswith("/hapus"))
    remove.submit(status=303)
    assert "Tidak ada relasi" in soup(anon.get("/dokumen/uu-2-2008")).find("section", class_="relasi").get_text()
    actions = [e["action"] for e in entries(site.store) if e["target"].startswith("dokumen:")]
    assert actions.count("relasi-tambah") == 2 and actions.count("relasi-hapus") == 1


def test_rejected_text_relation_stays_rejected_after_reindexing(staff, anon, site):
    site.store.replace_text_relations("uu-2-2011", [{"kind": "mengubah", "to_doc": "uu-2-2008"}])
    page = staff.get("/staf/dokumen/uu-2-2008")
    assert "dari teks" in page.text
    next(f for f in page.forms.values() if f.action.endswith("/hapus")).submit(status=303)
    site.store.replace_text_relations("uu-2-2011", [{"kind": "mengubah", "to_doc": "uu-2-2008"}])  # parser again
    assert "Tidak ada relasi" in soup(anon.get("/dokumen/uu-2-2008")).find("section", class_="relasi").get_text()
    assert site.store.relations("uu-2-2008") == []


def test_bad_relations_are_refused(staff, site):
    for choice, other, ref, message in [("keluar:mengubah", "", "", "Pilih dokumen"),
                                        ("keluar:mengubah", "uu-2-2008", "", "dirinya sendiri"),
                                        ("keluar:meniru", "uu-2-2011", "", "tidak dikenal"),
                                        ("masuk:mengubah", "", "UU 99/2099", "Pilih dokumen dari koleksi.")]:
        form = edit_form(staff, "uu-2-2008", "relasi")
        form["jenis"].force_value(choice)
        form["dokumen"].force_value(other)
        form["rujukan"] = ref
        assert message in form.submit(status=400).text
    assert site.store.relations("uu-2-2008") == []


def test_repealing_makes_the_target_no_longer_in_force(site):
    editing.add_relation(site, "uu-2-2008", "masuk:mencabut", "uu-2-2011", "", "", "siti")
    assert site.store.document_row("uu-2-2008")["status"] == "Tidak Berlaku"
    assert editing.overrides(site, "uu-2-2008")["status"]["value"] == "Tidak Berlaku"


def test_publish_and_withdraw(staff, anon, site):
    form = edit_form(staff, "uu-2-2011", "terbit")
    assert form["terbit"].value == "0"
    form.submit(status=303)
    assert anon.get("/dokumen/uu-2-2011", status=404)
    assert "uu-2-2011" not in {i["idData"] for i in anon.get("/api/jdihn").json}
    hits = anon.get("/api/cari", {"q": "perubahan atas undang-undang partai politik"}).json["hits"]
    assert all(h["doc"]["id"] != "uu-2-2011" for h in hits)
    page = soup(staff.get("/dokumen/uu-2-2011"))  # staff still read it, marked
    assert "Belum terbit" in page.select_one("p.staf-tautan").get_text()
    edit_form(staff, "uu-2-2011", "terbit").submit(status=303)
    assert anon.get("/dokumen/uu-2-2011").status_int == 200
    actions = [e["action"] for e in entries(site.store, target="dokumen:uu-2-2011")]
    assert actions[:2] == ["terbitkan", "tarik-terbitan"]


def test_evaluation_notes_cannot_be_published(site):
    note = Document(id="catatan-evaluasi-uji", tipe="Catatan Evaluasi", judul="Catatan uji",
                    units=[Unit(id="bagian_1", kind="block", text="isi catatan")])
    site.store.save_document(note, source_sha256=None, public=False)
    with pytest.raises(editing.EditError, match="tidak dapat diterbitkan"):
        editing.set_published(site, note.id, True, "siti")
    result = editing.update_fields(site, "uu-2-2008", {"tipe": "Catatan Evaluasi"}, "siti")
    assert "tarik dahulu" in result.errors["tipe"]
    assert not site.store.document_row(note.id)["public"]
