"""Bad input: every kind ends as a failed job with an Indonesian message for
the clerk and an English detail for the log; the rest of the batch is indexed.

The batch runs through the real worker (one extraction process per file).
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

import badfiles as B
from conftest import corpus_file, open_site
from indexer.ocr import OcrOptions
from indexer.pipeline import Indexer, Limits
from jdih.jobs import JobQueue, safe_filename

GOOD = ["uu-2-2008-partai-politik.md", "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf"]
# file name -> (bytes maker, words the clerk's message must contain, words of the English detail)
BAD = {
    "terpotong.pdf": (B.truncated_pdf, "rusak", "pdf syntax error"),
    "rusak.pdf": (B.corrupt_pdf, "rusak", "pdf"),
    "terkunci.pdf": (B.encrypted_pdf, "kata sandi", "encrypted"),
    "kosong.pdf": (lambda: b"", "kosong", "empty file"),
    "bukan-pdf.pdf": (lambda: corpus_file("jdih-kab-banjarnegara-beranda.html").read_bytes(), "bukan PDF",
                      "no %PDF- header"),
    "ribuan-halaman.pdf": (B.huge_page_count_pdf, "terlalu panjang", "page count 5000"),
    "bom.docx": (B.docx_bomb, "DOCX mencurigakan", "ratio too high"),
}
SCAN = "pp-46-2009-batas-pertanggungjawaban-kerugian-nuklir-SCAN.pdf"


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("masuk")
    for name in GOOD + [SCAN]:
        shutil.copy(corpus_file(name), folder)
    for name, (make, _, _) in BAD.items():
        (folder / name).write_bytes(make())
    (folder / "halaman-web.html").write_bytes(B.html_with_scripts())
    site = open_site(tmp_path_factory.mktemp("data"))
    outcomes = {Path(o.path).name: o for o in Indexer(site.store, site.index).run([str(folder)])}
    return site, outcomes


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_fails_with_a_message(bad_batch, name):
    site, outcomes = bad_batch
    _, pesan, detail = BAD[name]
    o = outcomes[name]
    assert o.status == "failed" and o.doc_id is None
    assert pesan.lower() in o.error.lower(), o.error
    assert detail.lower() in o.detail.lower(), o.detail
    job = JobQueue(site.store).get(o.job_id)
    assert job.state == "done" and job.stage == "gagal" and job.error == o.error


def test_a_scan_in_the_batch_is_read_by_ocr(bad_batch):
    site, outcomes = bad_batch
    o = outcomes[SCAN]
    assert o.status == "indexed" and o.doc_id == "pp-46-2009"
    assert site.store.document_row("pp-46-2009")["ocr_pages"]


def test_a_scan_without_ocr_fails_with_the_reason(tmp_path):
    site = open_site(tmp_path / "data")
    o = Indexer(site.store, site.index, Limits(ocr=OcrOptions(enabled=False))).ingest_path(corpus_file(SCAN))
    assert o.status == "failed" and o.doc_id is None
    assert "perlu OCR" in o.error and "OCR dimatikan" in o.error, o.error
    assert "no usable text layer" in o.detail
    assert site.store.document_ids() == []


@pytest.mark.parametrize("name", GOOD)
def test_the_rest_of_the_batch_is_indexed(bad_batch, name):
    site, outcomes = bad_batch
    o = outcomes[name]
    assert o.status == "indexed"
    hits = site.searcher.search(f"{o.doc_id.replace('-', ' ')} pasal 2")["hits"]
    assert hits and hits[0]["doc"]["id"] == o.doc_id


def test_html_with_scripts_is_indexed_without_them(bad_batch):
    site, outcomes = bad_batch
    o = outcomes["halaman-web.html"]
    assert o.status == "indexed" and o.doc_id == "uu-2-2008"
    texts = " ".join(u.text + u.heading for u in site.store.units("uu-2-2008"))
    assert "Partai Politik" in texts
    for planted in ("alert(", "xss-pasal", "TERSEMBUNYI-XSS", "document.cookie", "steal()"):
        assert planted not in texts
    assert site.searcher.search("alert xss-pasal")["total"] == 0


def test_nothing_failed_is_stored(bad_batch):
    site, _ = bad_batch
    assert sorted(site.store.document_ids()) == ["pergub-bali-3-2021", "pp-46-2009", "uu-2-2008"]
    assert not list((site.store.root / "antrian").glob("*")), "spool files left behind"


def test_failures_are_logged_in_english(tmp_path, caplog):
    site = open_site(tmp_path)
    with caplog.at_level(logging.WARNING, logger="jdih.indexer"):
        o = Indexer(site.store, site.index).ingest_bytes(B.encrypted_pdf(), "terkunci.pdf")
    assert o.status == "failed"
    assert any("terkunci.pdf" in r.getMessage() and "encrypted PDF" in r.getMessage() for r in caplog.records)


def test_a_file_over_the_size_limit_is_not_even_read(tmp_path):
    site = open_site(tmp_path)
    o = Indexer(site.store, site.index, Limits(max_bytes=10_000)).ingest_path(
        corpus_file("perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf"))
    assert o.status == "failed" and o.error == "Berkas terlalu besar (64,4 KB; batas 9,8 KB)."


def test_a_file_over_the_time_limit_is_killed_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy(corpus_file("perda-kab-banjarnegara-8-2025-perubahan-pajak-daerah-retribusi-daerah.pdf"), folder)
    shutil.copy(corpus_file("uu-2-2008-partai-politik.md"), folder)
    site = open_site(tmp_path / "data")
    indexer = Indexer(site.store, site.index, Limits(max_seconds=2.0))
    outcomes = {Path(o.path).name: o for o in indexer.run([str(folder)])}
    slow = outcomes["perda-kab-banjarnegara-8-2025-perubahan-pajak-daerah-retribusi-daerah.pdf"]
    assert slow.status == "failed" and "batas waktu" in slow.error and "killed after" in slow.detail
    assert outcomes["uu-2-2008-partai-politik.md"].status == "indexed"


def test_a_file_over_the_memory_limit_fails_alone(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy(corpus_file("uu-13-2003-ketenagakerjaan.pdf"), folder)
    site = open_site(tmp_path / "data")
    # the limit applies inside the extraction process only: the worker itself goes on
    outcomes = list(Indexer(site.store, site.index, Limits(max_memory=64 * 1024 * 1024)).run([str(folder)]))
    assert outcomes[0].status == "failed"
    assert "memori" in outcomes[0].error
    ok = Indexer(site.store, site.index).ingest_path(corpus_file("uu-2-2008-partai-politik.md"))
    assert ok.status == "indexed"


@pytest.mark.parametrize("raw, safe", [
    ("../../etc/passwd.pdf", "passwd.pdf"),                 # folders are dropped
    ("..\\..\\windows\\win.ini", "win.ini"),               # Windows separators too
    ("Perpres 74 <script>alert(1)</script>.pdf", "script_.pdf"),  # what follows the last "/", "<>" gone
    ("UU\x00 2\n2008.md", "UU 22008.md"),                    # control characters removed
    ("..", "berkas"),                                       # nothing left: a neutral name
    ("Peraturan Daerah Kabupaten Banjarnegara Nomor 8 Tahun 2025 " * 5 + ".pdf", None),  # cut to 150
])
def test_odd_file_names_become_safe(raw, safe):
    out = safe_filename(raw)
    assert "/" not in out and "\\" not in out and ".." != out and len(out) <= 150
    if safe is not None:
        assert out == safe
    else:
        assert out.endswith(".pdf")


def test_odd_file_name_is_stored_safely(tmp_path):
    site = open_site(tmp_path / "data")
    data = corpus_file("uu-2-2008-partai-politik.md").read_bytes()
    o = Indexer(site.store, site.index).ingest_bytes(data, "../../../luar <b>UU 2 2008</b>.md", source="upload")
    assert o.status == "indexed" and o.doc_id == "uu-2-2008"
    row = site.store.file_info(site.store.document_row("uu-2-2008")["source_sha256"])
    assert row["filename"] == "b_.md"
    assert not (tmp_path / "luar <b>UU 2 2008</b>.md").exists()
    assert all(tmp_path / "data" in p.parents for p in (tmp_path / "data").rglob("*"))


def test_duplicate_uploads_fail_with_the_document_named(tmp_path):
    site = open_site(tmp_path / "data")
    indexer = Indexer(site.store, site.index)
    data = corpus_file("uu-2-2008-partai-politik.md").read_bytes()
    first = indexer.ingest_bytes(data, "uu2.md", source="upload")
    again = indexer.ingest_bytes(data, "salinan uu2.md", source="upload")
    assert first.status == "indexed"
    assert again.status == "failed" and "Duplikat" in again.error and "uu-2-2008" in again.error
    assert site.store.count() == 1
    # from the command line the same file again is simply "unchanged"
    assert indexer.ingest_bytes(data, "uu2.md").status == "unchanged"
