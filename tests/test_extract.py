"""Extraction from every format, and bad input that must fail alone and clearly."""
from __future__ import annotations

import io

import pytest

from conftest import corpus_file, extract_file
from indexer.errors import IngestError
from indexer.extract import extract, sniff
from indexer.extract_html import extract_html


def test_pdf_lines_keep_page_numbers_and_join_split_words():
    e = extract_file("perba-7-2017-perubahan-perba-7-2013-nilai-batas-radioaktivitas-lingkungan.pdf")
    text = " ".join(l.text for l in e.lines)
    # glyph-spaced text ("Men im ban g") is read as words
    assert "Menimbang" in text and "pemanfaatan tenaga nuklir" in text
    assert {l.page for l in e.lines} == set(range(1, e.pages + 1))


def test_justified_boxes_are_read_in_line_order():
    e = extract_file("pp-66-2010-perubahan-pp-17-2010-pengelolaan-penyelenggaraan-pendidikan.pdf")
    texts = [l.text for l in e.lines]
    assert "Nomor 17 Tahun 2010 tentang Pengelolaan dan" in texts


def test_invisible_glyphs_are_dropped():
    # a 1-pt "B" precedes every Pasal heading in this PDF
    texts = [l.text for l in extract_file("kepka-bapeten-7-1999-jaminan-mutu-instalasi-nuklir.pdf").lines]
    assert "Pasal 1" in texts and not any(t.startswith("PB asal") for t in texts)


@pytest.mark.parametrize("name", ["pp-46-2009-batas-pertanggungjawaban-kerugian-nuklir-SCAN.pdf",
                                  "perpres-87-2014-pelaksanaan-uu-12-2011-GARBLED-TEXT-LAYER.pdf"])
def test_unusable_text_layers_are_detected(name):
    e = extract(corpus_file(name).read_bytes(), name)  # no OCR options: detection only
    assert e.lines == [] and len(e.unusable_pages) == e.pages


@pytest.mark.parametrize("name", ["pp-46-2009-batas-pertanggungjawaban-kerugian-nuklir-SCAN.pdf",
                                  "perpres-87-2014-pelaksanaan-uu-12-2011-GARBLED-TEXT-LAYER.pdf"])
def test_unusable_pages_are_read_by_ocr(name):
    e = extract_file(name)  # with the session's OCR options (cached)
    assert e.ocr_pages == list(range(1, e.pages + 1)) and e.unusable_pages == []
    assert all(l.ocr and l.conf is not None for l in e.lines)
    assert {l.page for l in e.lines} == set(range(1, e.pages + 1))
    texts = [l.text for l in e.lines]
    # the label column is joined to its row, as in a text layer
    assert any(t.startswith("Menimbang") for t in texts)


def test_ocr_unavailable_keeps_the_clear_message(tmp_path):
    from indexer.ocr import OcrOptions
    name = "pp-46-2009-batas-pertanggungjawaban-kerugian-nuklir-SCAN.pdf"
    e = extract(corpus_file(name).read_bytes(), name, ocr=OcrOptions(enabled=False))
    assert e.lines == [] and "OCR dimatikan" in e.warnings[0]


@pytest.mark.parametrize("data, filename, message", [
    (b"", "x.pdf", "kosong"),
    (b"hello", "x.pdf", "bukan PDF"),
    (b"%PDF-1.4\n garbage", "x.pdf", "rusak"),
    (b"PK\x03\x04" + b"\0" * 30, "x.docx", "DOCX"),
    (b"\xd0\xcf\x11\xe0" + b"\0" * 30, "x.doc", ".doc"),
    (b"{}", "x.json", "JSON"),
    (b"data", "x.exe", "tidak didukung"),
])
def test_bad_files_fail_with_a_clear_message(data, filename, message):
    with pytest.raises(IngestError) as err:
        extract(data, filename)
    assert message.lower() in err.value.pesan.lower()
    assert err.value.detail


def test_html_drops_scripts_and_navigation():
    html = (b"<html><head><title>T</title><script>var x = 'rahasia';</script></head><body>"
            b"<nav>Menu</nav><p>Pasal 1</p><p>Isi <b>pasal</b> satu.</p><style>p{}</style></body></html>")
    texts = [l.text for l in extract_html(html).lines]
    assert texts == ["Pasal 1", "Isi pasal satu."]


def test_real_html_page_is_read():
    e = extract(corpus_file("jdih-kab-banjarnegara-beranda.html").read_bytes(), "beranda.html")
    assert e.format == "html" and not any("function(" in l.text for l in e.lines)


def test_docx_paragraphs_in_order():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for t in ["PERATURAN KOMISI PEMILIHAN UMUM", "NOMOR 6 TAHUN 2019", "Pasal 1", "(1) Isi ayat."]:
        d.add_paragraph(t)
    buf = io.BytesIO()
    d.save(buf)
    assert sniff(buf.getvalue(), "x.docx") == "docx"
    assert [l.text for l in extract(buf.getvalue(), "x.docx").lines] == [
        "PERATURAN KOMISI PEMILIHAN UMUM", "NOMOR 6 TAHUN 2019", "Pasal 1", "(1) Isi ayat."]
