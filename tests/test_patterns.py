"""The parser's named patterns: what each must and must not match."""
from __future__ import annotations

import pytest

from indexer import patterns as P
from indexer.tree import is_next, pasal_follows, pasal_is_next


@pytest.mark.parametrize("rx, text, groups", [
    (P.BAB_RE, "BAB I", ("I", None)),
    (P.BAB_RE, "BAB IXA", ("IXA", None)),
    (P.BAB_RE, "BAB XVI KETENTUAN PIDANA", ("XVI", "KETENTUAN PIDANA")),
    (P.BAB_RE, "Bab V dihapus.", None),                       # an amending instruction
    (P.BAGIAN_RE, "Bagian Kesatu", ("Kesatu", None)),
    (P.BAGIAN_RE, "Bagian Kedua Belas", ("Kedua Belas", None)),
    (P.BAGIAN_RE, "bagian kesatu", None),                     # running text
    (P.PARAGRAF_RE, "Paragraf 2", ("2", None)),
    (P.PASAL_RE, "Pasal 5", ("5",)),
    (P.PASAL_RE, "Pasal 128A", ("128A",)),
    (P.PASAL_RE, "Pasal 5 ayat (2) huruf a", None),           # a reference starting a line
    (P.PASAL_ROMAN_RE, "Pasal II", ("II",)),
    (P.PASAL_ROMAN_RE, "Pasal I ayat (2)", None),
    (P.AYAT_RE, "(1) Setiap warga negara", ("1", "Setiap warga negara")),
    (P.AYAT_RE, "(1a) Partai Politik", ("1a", "Partai Politik")),
    (P.AYAT_RE, "(Lembaran Negara Tahun 2008)", None),
    (P.AYAT_RE, "(satu) orang", None),
    (P.HURUF_DOT_RE, "a. bahwa", ("a", "bahwa")),
    (P.HURUF_DOT_RE, "b1. melaksanakan", ("b1", "melaksanakan")),
    (P.ANGKA_DOT_RE, "12. Menteri adalah", ("12", "Menteri adalah")),
    (P.ANGKA_DOT_RE, "2003. tentang", None),                  # a year wrapped to a line start
    (P.HURUF_PAREN_RE, "a) pemeriksaan", ("a", "pemeriksaan")),
    (P.ANGKA_PAREN_RE, "1) dokumen", ("1", "dokumen")),
    (P.DIKTUM_RE, "KESATU : Menetapkan", ("KESATU", "Menetapkan")),
    (P.DIKTUM_RE, "KEDUA BELAS: ...", ("KEDUA BELAS", "...")),
    (P.MEMUTUSKAN_RE, "M E M U T U S K A N :", ("",)),
    (P.MENETAPKAN_RE, "Menetapkan: UNDANG-UNDANG TENTANG", ("UNDANG-UNDANG TENTANG",)),
    (P.MENETAPKAN_RE, "perlu menetapkan Peraturan", None),
    (P.PENJELASAN_RE, "PENJELASAN ATAS UNDANG-UNDANG REPUBLIK INDONESIA", ()),
    (P.PENJELASAN_RE, "Penjelasan Pasal 5 diubah", None),
    (P.PJ_AYAT_RE, "Ayat (2) Cukup jelas.", ("2", "Cukup jelas.")),
    (P.PJ_HURUF_RE, "Huruf b1 Yang dimaksud", ("b1", None, "Yang dimaksud")),
    (P.PJ_HURUF_RE, "Huruf a) Cukup jelas.", ("a", ")", "Cukup jelas.")),   # level a) of a list
    (P.PJ_AYAT_RE, "ayat (2) tidak berlaku", None),
    (P.PAGE_NUMBER_RE, "- 2 -", ()),
    (P.PAGE_NUMBER_RE, "(2)", None),
    (P.CATCHWORD_RE, "Pasal 5 . . .", ()),
    (P.LAMPIRAN_RE, "LAMPIRAN I", ("I", "")),
])
def test_pattern(rx, text, groups):
    m = rx.match(text)
    if groups is None:
        assert m is None, f"{rx.pattern!r} must not match {text!r}"
    else:
        assert m is not None, f"{rx.pattern!r} must match {text!r}"
        assert m.groups()[:len(groups)] == groups


@pytest.mark.parametrize("prev, cur, expected", [
    ("1", "2", True), ("1", "1a", True), ("1a", "1b", True), ("1a", "2", True),
    ("1", "3", False), ("2", "1", False),
    ("a", "b", True), ("b", "b1", True), ("b1", "c", True), ("b1", "b2", True),
    ("z", "aa", True), ("a", "c", False),
])
def test_list_sequences(prev, cur, expected):
    assert is_next(prev, cur) is expected


@pytest.mark.parametrize("prev, cur, follows, strictly_next", [
    (None, "1", True, True), ("5", "6", True, True), ("5", "5A", True, True), ("5A", "5B", True, True),
    ("5A", "6", True, True), ("5", "7", True, False), ("6", "5", False, False), ("5", "5", False, False),
])
def test_pasal_sequences(prev, cur, follows, strictly_next):
    assert pasal_follows(prev, cur) is follows
    assert pasal_is_next(prev, cur) is strictly_next
