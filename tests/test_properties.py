"""Properties of the parser and the cleaner (Hypothesis): totality, unique ids,
no lost words, Pasal numbers that never go down, idempotent cleaning."""
from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.clean import CLEANERS, clean
from indexer.lines import Line
from indexer.parse import parse_regulation
from jdih.check import body_pasal, check
from indexer.tree import pasal_key

# Words that are never markers, labels or furniture: every one of them must
# land in exactly one unit, as often as it was written.
VOCAB = ["warga", "berhak", "memilih", "penyelenggara", "wajib", "melaporkan", "anggota", "diberhentikan",
         "sementara", "calon", "terpilih", "paling", "lama", "hari", "sejak", "ditetapkan"]
MARKERS = ["BAB I", "BAB II", "BAB IXA", "BUKU KESATU", "Bagian Kesatu", "Bagian Kedua Belas", "Paragraf 1",
           "Pasal 1", "Pasal 2", "Pasal 5", "Pasal 5A", "Pasal 7", "Pasal I", "Pasal II", "(1)", "(1a)", "(2)",
           "a.", "b.", "1.", "2.", "a)", "1)", "Dihapus.", "PENJELASAN", "I. UMUM", "II. PASAL DEMI PASAL",
           "Ayat (1)", "Huruf a", "Angka 1", "Cukup jelas.", "LAMPIRAN I", "Menimbang:", "Mengingat:",
           "MEMUTUSKAN:", "Menetapkan:", "KESATU:", "UNDANG-UNDANG REPUBLIK INDONESIA", "NOMOR 7 TAHUN 2017",
           "TENTANG", "Agar setiap orang mengetahuinya", "Ketentuan Pasal 5 diubah sehingga berbunyi:",
           "sebagaimana dimaksud dalam", "pada ayat (1)", "- 2 -", "Pasal 5 . . .", "TAMBAHAN LEMBARAN NEGARA"]

sentence = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=8).map(" ".join)
line_text = st.one_of(st.sampled_from(MARKERS), sentence,
                      st.tuples(st.sampled_from(MARKERS), sentence).map(" ".join))
soup = st.lists(line_text, min_size=1, max_size=60)
relaxed = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse(texts: list[str]):
    return parse_regulation(clean([Line(t) for t in texts]))


@relaxed
@given(st.text(max_size=400))
def test_parser_never_raises_on_arbitrary_text(text):
    doc = parse(text.splitlines() or [text])
    assert doc.id


@relaxed
@given(soup)
def test_keyword_soup_gives_unique_ids(texts):
    ids = [u.id for u in parse(texts).units]
    assert len(ids) == len(set(ids))


@relaxed
@given(soup)
def test_every_word_lands_in_exactly_one_unit(texts):
    doc = parse(texts)
    written = Counter(w for t in texts for w in t.split() if w in VOCAB)
    held = Counter(w for u in doc.units for w in re.split(r"\s+", f"{u.heading} {u.text}") if w in VOCAB)
    assert held == written


@relaxed
@given(soup)
def test_pasal_numbers_never_go_down(texts):
    doc = parse(texts)
    keys = [pasal_key(u.number) for u in body_pasal(doc) if u.number.isalnum() and u.number[0].isdigit()]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    report = check(doc)
    assert report.order == [] and report.repeats == []


pdf_line = st.builds(Line, text=line_text, page=st.integers(1, 4),
                     top=st.floats(10, 990, allow_nan=False), x0=st.floats(50, 300, allow_nan=False),
                     x1=st.floats(300, 560, allow_nan=False), page_width=st.just(612.0),
                     page_height=st.just(1008.0), ocr=st.booleans(), conf=st.floats(0, 100, allow_nan=False))


@relaxed
@given(st.lists(st.one_of(line_text.map(Line), pdf_line), max_size=40))
def test_cleaning_is_idempotent(lines):
    lines = sorted(lines, key=lambda l: (l.page, l.top or 0))
    once = clean(lines)
    assert [l.text for l in clean(once)] == [l.text for l in once]


@relaxed
@given(st.lists(st.text(max_size=60).map(Line), max_size=30))
def test_each_cleaning_step_is_idempotent_on_arbitrary_text(lines):
    for name, step in CLEANERS.items():
        once = step(lines)
        assert [l.text for l in step(once)] == [l.text for l in once], name
