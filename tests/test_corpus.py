"""The whole bundled corpus through the pipeline: what becomes of every file."""
from __future__ import annotations


import pytest

from conftest import CORPUS
from jdih.check import check
from jdih.model import Tree
from jdih.relations import unresolved_references

SCANS = {  # file -> (document id, pages): read by OCR, page by page
    "pp-46-2009-batas-pertanggungjawaban-kerugian-nuklir-SCAN.pdf": ("pp-46-2009", 4),
    "perpres-87-2014-pelaksanaan-uu-12-2011-GARBLED-TEXT-LAYER.pdf": ("perpres-87-2014", 95),
}
NOT_REGULATIONS = {"SOURCES.md", "berita-kpu-grobogan-2025-11-04-ngopi-asli.txt",
                   "jdih-kab-banjarnegara-beranda.html"}
ATTACHMENTS = {  # file -> (role, regulation it belongs to)
    "perda-kab-banjarnegara-8-2025-abstrak.pdf": ("abstrak", "perda-kab-banjarnegara-8-2025"),
    "perda-kab-banjarnegara-8-2025-metadata-jdih.txt": ("metadata", "perda-kab-banjarnegara-8-2025"),
    "pergub-bali-1-2021-lampiran-i-daftar-kelas-jabatan.pdf": ("lampiran", "pergub-bali-1-2021"),
}
# Pasal whose heading the source text itself does not contain (checked by the
# report: no heading-like "Pasal N" anywhere in the text). Nothing may invent
# them; a parser fix cannot remove an entry, a regression cannot add one.
MISSING_IN_SOURCE = {
    "uu-42-2008": ["2-3", "13", "16-17", "22", "33-35", "37", "39", "50-51", "68-69", "73-75", "79", "89",
                   "95-98", "104", "129-133", "137-138", "142", "153-156", "159", "170-171", "173", "183-185",
                   "191-199", "206-216", "227-230", "232-234"],
    "uu-7-2017": ["5", "23", "46-47", "49", "51-52", "63", "72", "77", "102", "107", "117-118", "122", "125",
                  "140", "147", "156", "160", "162", "168", "172", "177", "179", "187", "196", "198-199", "203",
                  "211"],
}
# Sources whose own words are damaged (OCR'd text files): the report lists the
# noise it finds inside their units; every other regulation has none.
NOISY_SOURCES = {
    "uu-7-2017": "noisy OCR text ('T\"m+!', '<', '{' inside words), truncated at Pasal 226",
    "uu-15-2019": "its Penjelasan is an OCR'd text with stray '<' and '{'",
}


def regulation_files() -> list[str]:
    names = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".pdf", ".md", ".txt", ".html"))
    return [n for n in names if n not in set(SCANS) | NOT_REGULATIONS | set(ATTACHMENTS)]


@pytest.mark.parametrize("name", regulation_files())
def test_every_regulation_is_indexed(corpus_site, name):
    outcome = corpus_site.outcomes[name]
    assert outcome.status == "indexed", (name, outcome.error, outcome.detail)
    doc = corpus_site.store.get_document(outcome.doc_id)
    assert doc.jenis and doc.nomor and doc.tahun, doc.meta()
    assert any(u.kind in ("pasal", "diktum") for u in doc.units)


@pytest.mark.parametrize("name", sorted(SCANS))
def test_scans_and_garbage_text_layers_become_full_regulations(corpus_site, name):
    doc_id, pages = SCANS[name]
    outcome = corpus_site.outcomes[name]
    assert (outcome.status, outcome.doc_id) == ("indexed", doc_id), (outcome.error, outcome.detail)
    row = corpus_site.store.document_row(doc_id)
    assert row["ocr_pages"] == list(range(1, pages + 1))
    doc = corpus_site.store.get_document(doc_id)
    report = check(doc, row["format"], row["ocr_pages"])
    assert report.complete and report.pasal == len([u for u in doc.units if u.kind == "pasal" and "__" not in u.id])
    assert all(u.ocr for u in doc.units if u.kind == "pasal")


def test_scanned_pp_reads_its_pasal_and_heading(corpus_site):
    doc = corpus_site.store.get_document("pp-46-2009")
    assert (doc.nomor, doc.tahun, doc.jenis) == ("46", 2009, "Peraturan Pemerintah")
    assert [u.id for u in doc.units if u.kind == "pasal"] == ["pasal_1", "pasal_2"]
    assert "Rp.4.000.000.000.000,00" in doc.unit("pasal_1").text
    assert doc.unit("penjelasan__umum").text.startswith("Tenaga nuklir")
    # the heading was misread (48/2069); the Penjelasan's title, read with more confidence, wins
    assert any("dipakai Nomor 46 Tahun 2009" in w for w in doc.warnings)


def test_garbled_perpres_reads_all_its_pasal(corpus_site):
    doc = corpus_site.store.get_document("perpres-87-2014")
    assert [u.number for u in doc.units if u.kind == "pasal"] == [str(n) for n in range(1, 192)]
    assert "dicabut dan dinyatakan tidak berlaku" in Tree(doc.units).full_text("pasal_190")


@pytest.mark.parametrize("name", sorted(NOT_REGULATIONS))
def test_non_regulations_are_skipped_with_a_reason(corpus_site, name):
    outcome = corpus_site.outcomes[name]
    assert outcome.status == "skipped" and "bukan" in outcome.error


@pytest.mark.parametrize("name, role, doc_id", [(n, r, d) for n, (r, d) in sorted(ATTACHMENTS.items())])
def test_attachments_belong_to_their_regulation(corpus_site, name, role, doc_id):
    assert corpus_site.outcomes[name].status == "indexed"
    roles = {a["role"]: a["filename"] for a in corpus_site.store.attachments(doc_id)}
    assert roles.get(role) == name


def test_metadata_record_fills_the_regulation_record(corpus_site):
    row = corpus_site.store.document_row("perda-kab-banjarnegara-8-2025")
    assert row["subjek"] == "RETRIBUSI"
    assert row["bidang_hukum"] == "Hukum Administrasi Negara"
    assert row["tanggal_penetapan"] == "2025-12-30"


def test_separately_filed_lampiran_becomes_units_of_its_regulation(corpus_site):
    units = corpus_site.store.units("pergub-bali-1-2021")
    lampiran = [u for u in units if u.kind == "lampiran"]
    assert lampiran and "SEKRETARIAT DAERAH" in lampiran[0].text


def _reports(site):
    return [check(site.store.get_document(d), "", [], unresolved_references(site.store, d))
            for d in site.store.document_ids()]


def test_pasal_numbering_has_no_parser_gap_and_source_gaps_are_exact(corpus_site):
    reports = _reports(corpus_site)
    assert {r.doc_id: (r.gaps, r.repeats, r.order) for r in reports if not r.complete} == {}
    assert {r.doc_id: r.missing_in_source for r in reports if r.missing_in_source} == MISSING_IN_SOURCE


def test_no_noise_inside_units_except_damaged_sources(corpus_site):
    noisy = {r.doc_id: r.suspicious for r in _reports(corpus_site) if r.suspicious}
    assert set(noisy) == set(NOISY_SOURCES), noisy


def test_amending_acts_count_the_pasal_their_instructions_quote(corpus_site):
    reports = {r.doc_id: r for r in _reports(corpus_site)}
    assert (reports["uu-2-2011"].pasal, reports["uu-2-2011"].quoted_pasal) == (2, 18)
    assert reports["pp-66-2010"].quoted_pasal == 31
    assert reports["uu-1-2015"].lampiran_pasal == 206


@pytest.mark.parametrize("doc_id, field, value", [
    ("uu-13-2003", "judul", "Undang-Undang Nomor 13 Tahun 2003 tentang Ketenagakerjaan"),
    ("uu-13-2003", "sumber", "LN 2003 (39), TLN (4279)"),
    ("pp-66-2010", "tanggal_penetapan", "2010-09-28"),
    ("permendikbud-5-2020", "singkatan", "Permendikbud"),
    ("pmk-2-pmk-07-2022", "nomor", "2/PMK.07/2022"),
    ("perda-kab-banjarnegara-8-2025", "wilayah", "Kab. Banjarnegara"),
    ("uu-10-2016", "tanggal_pengundangan", "2016-07-01"),
    ("uu-17-2014", "tentang", "Majelis Permusyawaratan Rakyat, Dewan Perwakilan Rakyat, Dewan Perwakilan "
                              "Daerah, dan Dewan Perwakilan Rakyat Daerah"),
])
def test_metadata_of_real_documents(corpus_site, doc_id, field, value):
    assert corpus_site.store.document_row(doc_id)[field] == value
