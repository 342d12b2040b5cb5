"""Cleaning steps: table-driven, each idempotent."""
from __future__ import annotations

import pytest

from indexer import clean as C
from indexer.lines import Line


def pdf(text: str, page: int = 1, top: float = 400.0, x0: float = 90.0, x1: float = 500.0) -> Line:
    return Line(text=text, page=page, x0=x0, x1=x1, top=top, page_width=612.0, page_height=936.0)


def texts(lines):
    return [l.text for l in lines]


@pytest.mark.parametrize("raw, expected", [
    ("  Pasal\u00a0 5 ", "Pasal 5"),                  # NBSP and runs of spaces
    ("penye\u00adlenggaraan", "penyelenggaraan"),    # soft hyphen
    ("a.\tbahwa", "a. bahwa"),                        # tab
    ("Undang\u200b-Undang", "Undang-Undang"),         # zero-width space
])
def test_normalize_spaces(raw, expected):
    assert texts(C.normalize_spaces([Line(raw)])) == [expected]


@pytest.mark.parametrize("line, dropped", [
    (pdf("- 2 -", top=40), True),          # centred page number
    (pdf("-12-", top=40), True),           # without spaces
    (pdf("Halaman 3 dari 9", top=900), True),
    (pdf("7", top=900), True),             # bare number in the foot margin
    (pdf("7", top=400), False),            # bare number in the page body is content
    (Line("(2)"), False),                  # an ayat marker is not a page number
    (Line("2."), False),
])
def test_drop_page_numbers(line, dropped):
    assert (C.drop_page_numbers([line]) == []) == dropped


def test_running_headers_dropped_but_pasal_headings_kept():
    lines = []
    for page in range(1, 6):
        lines += [pdf("PRESIDEN", page, top=30), pdf("REPUBLIK INDONESIA", page, top=50),
                  pdf(f"2020, No.49 -{page}-", page, top=70),
                  pdf(f"Pasal {page}", page, top=100), pdf("Cukup jelas.", page, top=130 + page * 9)]
    out = texts(C.drop_running_headers(lines))
    assert "PRESIDEN" not in out and "REPUBLIK INDONESIA" not in out
    assert not any(t.startswith("2020, No.49") for t in out)
    assert [t for t in out if t.startswith("Pasal")] == [f"Pasal {n}" for n in range(1, 6)]


def test_running_headers_leave_text_formats_alone_except_urls():
    lines = [Line("Cukup jelas.")] * 6 + [Line("www.djpp.kemenkumham.go.id")]
    assert texts(C.drop_running_headers(lines)) == ["Cukup jelas."] * 6


@pytest.mark.parametrize("text, is_catchword", [
    ("Pasal 5 . . .", True),
    ("3. Konstruksi ...", True),
    ("MEMUTUSKAN . . .", True),
    ("8. Sekolah . . .", True),
    ("dalam hal ... tertentu, maka", False),   # an ellipsis inside a sentence
])
def test_catchwords_at_page_foot(text, is_catchword):
    lines = [pdf(text, 1, top=880), pdf("Pasal 5", 2, top=80)]
    assert (texts(C.drop_catchwords(lines)) == ["Pasal 5"]) == is_catchword


def test_catchword_only_at_the_end_of_a_pdf_page():
    lines = [pdf("Pasal 5 . . .", 1, top=300), pdf("lanjutan", 1, top=320)]
    assert texts(C.drop_catchwords(lines)) == ["Pasal 5 . . .", "lanjutan"]


@pytest.mark.parametrize("lines, expected", [
    (["pengelolaan penye-", "lenggaraan pendidikan"], ["pengelolaan penyelenggaraan", "pendidikan"]),
    (["anak kanak-", "kanak dan remaja"], ["anak kanak-kanak", "dan remaja"]),       # reduplication
    (["Undang-", "Undang Dasar"], ["Undang-Undang", "Dasar"]),                        # capital compound
    (["peraturan perundang-", "undangan."], ["peraturan perundang-undangan."]),        # affixed reduplication
    (["paling sekurang-", "kurangnya 3"], ["paling sekurang-kurangnya", "3"]),
    (["tanda -", "lain"], ["tanda -", "lain"]),   # a dash after a space is not hyphenation
])
def test_join_hyphenation(lines, expected):
    assert texts(C.join_hyphenation([Line(t) for t in lines])) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Menimbang : a. bahwa ketenaganukliran", ["Menimbang:", "a. bahwa ketenaganukliran"]),
    ("Mengingat : 1. Pasal 5 ayat (1)", ["Mengingat:", "1. Pasal 5 ayat (1)"]),
    ("Menetapkan : PERATURAN PEMERINTAH", ["Menetapkan:", "PERATURAN PEMERINTAH"]),
    ("Menimbang :", ["Menimbang :"]),                   # nothing beside the label
    ("menimbang bahwa perlu", ["menimbang bahwa perlu"]),  # lower case: running text
])
def test_split_label_column(raw, expected):
    assert texts(C.split_label_column([Line(raw)])) == expected


@pytest.mark.parametrize("raw, expected", [
    ("P E N J E L A S A N", "PENJELASAN"),
    ("M E M U T U S K A N :", "MEMUTUSKAN:"),
    ("A T A S", "ATAS"),
    ("a. b. c. d.", "a. b. c. d."),       # list markers are not letter spacing
    ("I II III", "I II III"),
])
def test_join_letter_spacing(raw, expected):
    assert texts(C.join_letter_spacing([Line(raw)])) == [expected]


def test_join_broken_words():
    lines = [Line(t) for t in ["Pasal 5", "yang", "dimaksud", "dengan", "pendidikan", "(1) Setiap"]]
    assert texts(C.join_broken_words(lines)) == ["Pasal 5", "yang dimaksud dengan pendidikan", "(1) Setiap"]


def test_split_inline_markers_in_a_flattened_penjelasan():
    raw = ("LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2016 NOMOR 130 PENJELASAN ATAS UNDANG-UNDANG "
           "NOMOR 10 TAHUN 2016")
    body = "Ayat (1) Cukup jelas. Ayat (2) Huruf a Cukup jelas. Huruf b Dihapus. Angka 3"
    out = texts(C.split_inline_markers([Line(raw), Line(body)]))
    assert out == ["LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2016 NOMOR 130",
                   "PENJELASAN ATAS UNDANG-UNDANG NOMOR 10 TAHUN 2016",
                   "Ayat (1) Cukup jelas.", "Ayat (2) Huruf a Cukup jelas.", "Huruf b Dihapus.", "Angka 3"]


def test_split_inline_markers_leaves_body_references_alone():
    text = "sebagaimana dimaksud pada ayat (1). Huruf a dari daftar"
    assert texts(C.split_inline_markers([Line(text)])) == [text]


@pytest.mark.parametrize("name", list(C.CLEANERS))
def test_every_step_is_idempotent_on_real_text(name):
    from conftest import extract_file
    lines = extract_file("uu-10-1997-ketenaganukliran.pdf").lines
    once = C.CLEANERS[name](lines)
    assert texts(C.CLEANERS[name](once)) == texts(once)
