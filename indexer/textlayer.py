"""Is a page's text layer real Indonesian text, or garbage?

Some PDFs render perfectly but extract as symbol soup (fonts without a usable
ToUnicode map); scans have no text at all. A page is usable when it has enough
letters and a fair share of its words are common Indonesian function words
(every real page of a regulation has "yang", "dan", "dalam" ...).
"""
from __future__ import annotations

import re

from jdih.lexicon import stopwords

WORD_RE = re.compile(r"[A-Za-z]+")
# Structural words that make a page real even when it is short ("Pasal 5").
STRUCTURE_WORDS = frozenset({"pasal", "ayat", "huruf", "angka", "bab", "bagian", "nomor", "tahun",
                             "peraturan", "undang", "presiden", "menteri", "republik", "indonesia",
                             "lampiran", "penjelasan", "cukup", "jelas", "ditetapkan", "diundangkan"})
MIN_LETTERS = 20
# A page of prose has >= 0.18 of its words in the lists above (measured on the
# corpus: 0.18-1.0); a table page can have none but is then mostly letters and
# digits (alphanumeric share >= 0.74), while a garbled layer is symbol soup
# (alphanumeric share 0.54-0.58, no known words).
MIN_SHARE = 0.10
MIN_ALNUM = 0.70
# Over a whole document, real text never has fewer known words than this.
MIN_DOC_SHARE = 0.05


def word_share(text: str) -> float:
    words = [w.lower() for w in WORD_RE.findall(text)]
    if not words:
        return 0.0
    known = stopwords() | STRUCTURE_WORDS
    return sum(w in known for w in words) / len(words)


def page_is_usable(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_LETTERS:
        # A nearly empty page is fine when it carries a structural word
        # (a page with only "Pasal 5" or a signature); otherwise it is a scan.
        return bool(letters) and word_share(text) > 0
    return word_share(text) >= MIN_SHARE or alnum_share(text) >= MIN_ALNUM


def alnum_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalnum() for c in chars) / len(chars) if chars else 0.0


def document_is_usable(text: str) -> bool:
    """A whole text layer with (almost) no Indonesian words is garbage."""
    return word_share(text) >= MIN_DOC_SHARE
