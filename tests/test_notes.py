"""Evaluation notes: the four sample notes (Markdown, DOCX, HTML, PDF) through the
pipeline, their sections and metadata, the citations inside them, and search."""
from __future__ import annotations

import pytest

from conftest import CORPUS
from indexer.notes import looks_like_note, read_note
from jdih import notes
from jdih.citations import find_citations
from jdih.crossrefs import targets

NOTES_DIR = CORPUS / "catatan-evaluasi"

# file, id, nomor, tanggal, section labels
SAMPLES = [
    ("catatan-2025-paw-pengunduran-diri.md", "catatan-2025-paw-pengunduran-diri", "01/CE-HK/XI/2025", "2025-11-12",
     ["", "1. Latar Belakang", "2. Ketentuan yang Dievaluasi", "3. Permasalahan", "4. Analisis", "5. Rekomendasi",
      "6. Tindak Lanjut"]),
    ("catatan-2025-paw-dprd-kabupaten-kota.docx", "catatan-2025-alur-paw-anggota-dprd-kabupaten", "02/CE-HK/XI/2025",
     "2025-11-19", ["1. Ruang Lingkup", "2. Alur dalam Undang-Undang", "3. Temuan", "4. Usulan"]),
    ("catatan-2025-berita-acara-klarifikasi.pdf", "catatan-2025-format-berita-acara-klarifikasi-calon",
     "03/CE-HK/XII/2025", "2025-12-03", ["1. Tujuan", "2. Isi Berita Acara", "3. Calon Pengganti",
                                         "4. Catatan Pelaksanaan"]),
    ("catatan-2025-paw-dprd-provinsi.html", "catatan-2025-paw-dprd-provinsi", "04/CE-HK/XII/2025", "2025-12-10",
     ["1. Pokok Bahasan", "2. Dasar Hukum", "3. Daftar Periksa KPU Provinsi", "4. Catatan untuk Revisi Regulasi"]),
]


@pytest.mark.parametrize("name, doc_id, nomor, tanggal, labels", SAMPLES)
def test_sample_notes_become_internal_documents(corpus_site, name, doc_id, nomor, tanggal, labels):
    outcome = corpus_site.outcomes[name]
    assert (outcome.status, outcome.role, outcome.doc_id) == ("indexed", "catatan", doc_id), outcome.error
    row = corpus_site.store.document_row(doc_id)
    assert row["tipe"] == "Catatan Evaluasi" and row["public"] is False
    assert (row["nomor"], row["tanggal_penetapan"], row["tahun"]) == (nomor, tanggal, 2025)
    assert "CONTOH" in row["sumber"]  # marked as a sample written for this project
    units = corpus_site.store.units(doc_id)
    assert [u.label for u in units] == labels
    assert all(u.kind == "seksi" and u.text for u in units)
    assert "ﬁ" not in " ".join(u.text for u in units)  # PDF ligatures read as letters


def test_pdf_note_reads_headings_and_paragraphs():
    path = NOTES_DIR / "catatan-2025-berita-acara-klarifikasi.pdf"
    doc = read_note(path.read_bytes(), path.name).doc
    assert doc.judul == "CATATAN EVALUASI: Format Berita Acara Klarifikasi Calon Terpilih yang Mengundurkan Diri"
    tujuan = doc.units[0].text
    assert tujuan.startswith("Catatan ini menindaklanjuti rekomendasi") and "\n" not in tujuan
    assert "Pasal 426 ayat (1) huruf b UU 7/2017" in tujuan  # a citation broken over two lines, joined


@pytest.mark.parametrize("lines, expected", [
    (["---", "tipe: Catatan Evaluasi", "id: x", "---"], True),
    (["# Catatan Evaluasi: PAW Anggota DPRD Provinsi"], True),
    (["CATATAN EVALUASI: Format Berita Acara"], True),
    (["Jenis Dokumen: Catatan Evaluasi"], True),
    # an abstract sheet's "CATATAN :" is not a note; nor a regulation, nor prose mentioning notes
    (["ABSTRAK : - Dalam rangka ...", "CATATAN : - Peraturan ini mulai berlaku"], False),
    (["UNDANG-UNDANG REPUBLIK INDONESIA", "NOMOR 2 TAHUN 2008", "TENTANG", "PARTAI POLITIK"], False),
    (["Berita Terkini", "KPU menyusun catatan evaluasi PAW"], False),
])
def test_what_counts_as_a_note(lines, expected):
    assert looks_like_note(lines) is expected


# Citations in running text: span, document, clauses.
CITATIONS = [
    ("menurut Pasal 426 ayat (1) huruf b UU 7/2017 calon", [("Pasal 426 ayat (1) huruf b UU 7/2017", "UU", "7",
                                                            ["pasal_426__ayat_1__huruf_b"])]),
    ("dalam Pasal 239 sampai dengan Pasal 243 UU 17/2014.", [("Pasal 239 sampai dengan Pasal 243 UU 17/2014", "UU",
                                                              "17", ["pasal_239", "pasal_240", "pasal_241",
                                                                     "pasal_242", "pasal_243"])]),
    ("Pasal 355–361 UU 17/2014", [("Pasal 355–361 UU 17/2014", "UU", "17", [f"pasal_{n}" for n in range(355, 362)])]),
    ("Pasal 359 ayat (1) dan ayat (2) UU 17/2014: calon", [("Pasal 359 ayat (1) dan ayat (2) UU 17/2014", "UU", "17",
                                                            ["pasal_359__ayat_1", "pasal_359__ayat_2"])]),
    ("(Pasal 239 ayat (2) huruf d dan huruf g UU 17/2014: diusulkan",
     [("Pasal 239 ayat (2) huruf d dan huruf g UU 17/2014", "UU", "17",
       ["pasal_239__ayat_2__huruf_d", "pasal_239__ayat_2__huruf_g"])]),
    ("Pasal 240, Pasal 241, dan Pasal 242 Undang-Undang Nomor 17 Tahun 2014",
     [("Pasal 240", "UU", "17", ["pasal_240"]), ("Pasal 241", "UU", "17", ["pasal_241"]),
      ("Pasal 242 Undang-Undang Nomor 17 Tahun 2014", "UU", "17", ["pasal_242"])]),
    ("UU 17/2014 Pasal 405", [("UU 17/2014", "UU", "17", []), ("Pasal 405", "UU", "17", ["pasal_405"])]),
    # a bare Pasal next to unrelated words names no document: it is not linked to one
    ("sebagaimana dimaksud pada Pasal 5 mengatur UU 7/2017", [("Pasal 5", None, "", ["pasal_5"]),
                                                              ("UU 7/2017", "UU", "7", [])]),
    ("PKPU 6/2017 sebagaimana diubah dengan PKPU 6/2019", [("PKPU 6/2017", "PKPU", "6", []),
                                                          ("PKPU 6/2019", "PKPU", "6", [])]),
]


@pytest.mark.parametrize("text, expected", CITATIONS)
def test_citations_in_prose(corpus_site, text, expected):
    found = targets(corpus_site.store, text)
    got = []
    for t in found:
        cite = next(c for c in find_citations(text) if c.start == t.start)
        got.append((t.text, (cite.citation.singkatan or [None])[0], cite.citation.nomor, t.unit_ids))
    assert got == expected


def test_citations_resolve_to_stored_documents_or_their_future_ids(corpus_site):
    found = {t.text: t.doc_id for t in targets(corpus_site.store, "Pasal 242 UU 17/2014 dan PKPU 6/2019")}
    assert found == {"Pasal 242 UU 17/2014": "uu-17-2014", "PKPU 6/2019": "pkpu-6-2019"}


def test_clauses_know_the_notes_that_discuss_them(corpus_site):
    store = corpus_site.store
    on_242 = {n["note_id"] for n in notes.notes_for_unit(store, "uu-17-2014", "pasal_242")}
    assert on_242 == {"catatan-2025-paw-pengunduran-diri", "catatan-2025-paw-dprd-provinsi",
                      "catatan-2025-format-berita-acara-klarifikasi-calon"}
    on_409 = {n["note_id"] for n in notes.notes_for_unit(store, "uu-17-2014", "pasal_409")}
    assert "catatan-2025-alur-paw-anggota-dprd-kabupaten" in on_409
    # UU 7/2017 in the corpus stops at Pasal 226: Pasal 426 is discussed, shown at the document level
    assert "" in notes.discussed_in(store, "uu-7-2017")


def test_notes_are_searchable_by_staff_only(corpus_site):
    query = "klarifikasi calon terpilih mengundurkan diri berita acara"
    public = corpus_site.searcher.search(query, limit=20)
    staff = corpus_site.searcher.search(query, limit=20, public_only=False)
    assert not any(h["doc"]["id"].startswith("catatan-") for h in public["hits"])
    assert staff["hits"][0]["doc"]["id"].startswith("catatan-")
    assert {h["doc"]["tipe"] for h in staff["hits"]} >= {"Catatan Evaluasi"}
