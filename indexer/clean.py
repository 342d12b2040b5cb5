"""Cleaning: small named steps from extracted lines to text the parser reads.

Each step takes and returns a list of Lines, is idempotent (running it twice
gives the same lines as running it once) and never invents words. ``CLEANERS``
is the lookup table; ``clean`` runs the default sequence.
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Callable

from . import patterns as P
from .lines import Line

Step = Callable[[list[Line]], list[Line]]

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"), None)
SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def normalize_spaces(lines: list[Line]) -> list[Line]:
    """Unicode NFC, no soft hyphens, zero-width or control characters, single spaces."""
    out = []
    for line in lines:
        text = unicodedata.normalize("NFC", line.text).translate(INVISIBLE)
        text = CONTROL_RE.sub(" ", text)
        text = SPACES_RE.sub(" ", text).strip()
        out.append(line if text == line.text else line.with_text(text))
    return out


def drop_empty(lines: list[Line]) -> list[Line]:
    return [l for l in lines if l.text]


def _in_margin(line: Line, share: float = 0.13) -> bool:
    """True when a PDF line sits in the top or bottom margin of its page."""
    if line.top is None or not line.page_height:
        return False
    return line.top < share * line.page_height or line.top > (1 - share) * line.page_height


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    """'- 2 -', '-2-', 'Halaman 2 dari 9'; a bare number only in a PDF margin."""
    out = []
    for line in lines:
        m = P.PAGE_NUMBER_RE.match(line.text)
        if m:
            bare = line.text.isdigit()
            if not bare or _in_margin(line):
                continue
        out.append(line)
    return out


PAGE_FRAGMENT_RE = re.compile(r"[-–—]\s*\d{1,4}\s*[-–—]|^\d{1,4}\s+|\s+\d{1,4}$")


def _header_key(text: str) -> str:
    """'2020, No.49 -4-' and '2020, No.49 -10-' share a key: page numbers go."""
    return PAGE_FRAGMENT_RE.sub("", text).lower().replace(" ", "")


STRUCTURAL = (P.PASAL_RE, P.BAB_RE, P.BAGIAN_RE, P.PARAGRAF_RE, P.AYAT_RE, P.PJ_AYAT_RE,
              P.PJ_HURUF_RE, P.PJ_ANGKA_RE, P.ANGKA_DOT_RE, P.HURUF_DOT_RE)


def drop_running_headers(lines: list[Line], top_n: int = 4, bottom_n: int = 2) -> list[Line]:
    """Lines repeated at the same place in the margins of many PDF pages:
    'PRESIDEN / REPUBLIK INDONESIA', '2020, No.49', a site watermark.
    Structural lines ('Pasal 5' at a page top) are never headers. Text formats
    keep only stand-alone URLs out (a watermark); repeated prose there is real."""
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.top is not None:
            pages.setdefault(line.page, []).append(i)
    drop: set[int] = set()
    if len(pages) >= 2:
        where: dict[str, dict[int, float]] = {}
        for idx in pages.values():
            for i in idx[:top_n] + idx[-bottom_n:]:
                line = lines[i]
                if not _in_margin(line, 0.2) or any(rx.match(line.text) for rx in STRUCTURAL):
                    continue
                where.setdefault(_header_key(line.text), {})[i] = line.top
        threshold = max(2, int(0.3 * len(pages)))
        if any(lines[i].ocr for idx in pages.values() for i in idx[:1]):
            where = _merge_similar(where)
        for key, places in where.items():
            tops = sorted(places.values())
            median = tops[len(tops) // 2]
            if sum(abs(t - median) < 15 for t in tops) >= threshold:
                drop.update(places)
    return [l for i, l in enumerate(lines) if i not in drop and not P.URL_RE.match(l.text)]


def _merge_similar(where: dict[str, dict[int, float]], ratio: float = 0.8) -> dict[str, dict[int, float]]:
    """OCR reads a running header a little differently on every page
    ('PRESIDEN', 'PRESIbEN', 'i PRESIDEN'): keys this similar are one header."""
    merged: dict[str, dict[int, float]] = {}
    for key, places in sorted(where.items(), key=lambda kv: -len(kv[1])):
        for rep in merged:
            m = SequenceMatcher(None, rep, key, autojunk=False)
            if m.real_quick_ratio() >= ratio and m.quick_ratio() >= ratio and m.ratio() >= ratio:
                merged[rep].update(places)
                break
        else:
            merged[key] = dict(places)
    return merged


LONG_WORD_RE = re.compile(r"[A-Za-z]{4,}")
SPECK_MAX_CONF = 50.0


def drop_ocr_specks(lines: list[Line]) -> list[Line]:
    """OCR reads stains, stamps and the emblem as short junk ('Tg,', 'ak A1 A',
    '3 .9-'): an OCR line with no word of four letters, read with low
    confidence, that is no marker ('(1)', 'a.', 'Pasal 5'), is dropped."""
    out = []
    for line in lines:
        t = line.text
        speck = (line.ocr and not LONG_WORD_RE.search(t) and not any(rx.match(t) for rx in STRUCTURAL)
                 and (line.conf is not None and line.conf < SPECK_MAX_CONF or len(t) <= 2 and t.isalpha()))
        if not speck:
            out.append(line)
    return out


def drop_catchwords(lines: list[Line]) -> list[Line]:
    """The words of the next page repeated at a page foot: 'Pasal 5 . . .'.

    In a PDF a catchword is the last line of a page, or a line at the foot of
    the page in its right half (a heading can follow it on the same page:
    'Pasal 15 ...' right-aligned above a centred 'Pasal 15'); in text formats a
    short line ending in dots is one wherever it stands.
    """
    out = []
    for i, line in enumerate(lines):
        if P.CATCHWORD_RE.match(line.text):
            last_on_page = line.top is None or i + 1 == len(lines) or lines[i + 1].page != line.page
            if last_on_page or _at_right_foot(line) or _repeats_next(line, lines[i + 1:i + 2]):
                continue
        out.append(line)
    return out


def _repeats_next(line: Line, following: list[Line]) -> bool:
    """A catchword repeats the first words of the text that follows it (a PDF
    may place it anywhere in reading order: 'Ayat (4)...' then 'Ayat (4)')."""
    if line.top is None or not following:
        return False
    words = re.sub(r"(?:\s*\.)+\s*$|\s*…$", "", line.text).split()
    return bool(words) and following[0].text.split()[:len(words)] == words


def _at_right_foot(line: Line) -> bool:
    if line.top is None or not line.page_height or not line.page_width or line.x0 is None:
        return False
    return line.top > 0.75 * line.page_height and line.x0 > 0.45 * line.page_width


HYPHEN_END_RE = re.compile(r"(\w+)-$")
WORD_START_RE = re.compile(r"^([a-z]\w*)([,.;:)”\"’']*)(\s+|$)")


def _reduplicates(head: str, word: str) -> bool:
    """'kanak'+'kanak', 'perundang'+'undangan', 'sekurang'+'kurangnya': the
    second half repeats the end of the first (three letters at least)."""
    head, word = head.lower(), word.lower()
    return any(head.endswith(word[:k]) for k in range(min(len(head), len(word)), 2, -1))


def join_hyphenation(lines: list[Line]) -> list[Line]:
    """'penye-' + 'lenggaraan ...' -> 'penyelenggaraan' + '...'.

    Reduplications keep their hyphen ('kanak-' + 'kanak' -> 'kanak-kanak',
    'perundang-' + 'undangan' -> 'perundang-undangan'); a hyphen before a capital
    ('Undang-' + 'Undang') is a compound and is kept too.
    """
    out = list(lines)
    for i in range(len(out) - 1):
        m = HYPHEN_END_RE.search(out[i].text)
        if not m:
            continue
        nxt = out[i + 1].text
        w = WORD_START_RE.match(nxt)
        if not w:
            if nxt[:1].isupper() and out[i].text[-2:-1].isalpha():
                # 'Undang-' + 'Undang Dasar': the compound's second half moves up.
                first = nxt.split(" ", 1)
                out[i] = out[i].with_text(out[i].text + first[0])
                out[i + 1] = out[i + 1].with_text(first[1] if len(first) > 1 else "")
            continue
        head, word = m.group(1), w.group(1)
        joined = f"{out[i].text}{word}" if _reduplicates(head, word) else f"{out[i].text[:-1]}{word}"
        out[i] = out[i].with_text(joined + w.group(2))
        out[i + 1] = out[i + 1].with_text(nxt[w.end():].strip())
    return [l for l in out if l.text]


# "Menimbang : a. bahwa ...", and without the colon when a list marker follows
# ("Mengingat 1. Pasal 5 ...", an OCR'd two-column row).
LABEL_RE = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*(?::\s*|\s(?=[a-z0-9]{1,2}[.)]\s))(\S.*)$",
                      re.I)


def split_label_column(lines: list[Line]) -> list[Line]:
    """The two-column opening: 'Menimbang : a. bahwa ...' -> 'Menimbang :' and
    'a. bahwa ...'. 'Menetapkan' keeps its title on its own line too."""
    out = []
    for line in lines:
        m = LABEL_RE.match(line.text)
        if m and not m.group(1)[0].islower():
            out.append(line.with_text(f"{m.group(1)}:"))
            out.append(line.with_text(m.group(2)))
        else:
            out.append(line)
    return out


LETTER_SPACED_RE = re.compile(r"^(?:[A-Z] ){3,}[A-Z](?:\s*[:.,])?$")


def join_letter_spacing(lines: list[Line]) -> list[Line]:
    """Letter-spaced headings: 'P E N J E L A S A N' -> 'PENJELASAN',
    'M E M U T U S K A N :' -> 'MEMUTUSKAN:'. Only lines made of single capitals."""
    out = []
    for line in lines:
        if LETTER_SPACED_RE.match(line.text):
            out.append(line.with_text(re.sub(r"\s+", "", line.text)))
        else:
            out.append(line)
    return out


SINGLE_WORD_RE = re.compile(r"^[A-Za-z][a-z,;/-]*$")


def join_broken_words(lines: list[Line], run: int = 3) -> list[Line]:
    """Justified text broken one word per line: a run of three or more lines
    that are each one lower-case word becomes one line."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and SINGLE_WORD_RE.match(lines[j].text) and lines[j].text[0].islower():
            j += 1
        if j - i >= run:
            out.append(lines[i].with_text(" ".join(l.text for l in lines[i:j])))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


# Markers that flattened text formats glue into one line; each starts a new line.
INLINE_BREAK_RE = re.compile(
    r"\s+(?=(?:"
    r"PENJELASAN\s+ATAS\s|"
    r"I\.\s*UMUM\b|II\.\s*PASAL\s+DEMI\s+PASAL\b|"
    r"Agar\s+setiap\s+orang\s+mengetahuinya|"
    r"Dengan\s+Persetujuan\s+Bersama\b|DENGAN\s+PERSETUJUAN\s+BERSAMA\b|"
    r"(?:Disahkan|Ditetapkan|Diundangkan)\s+di\s+[A-Z]|"
    r"TAMBAHAN\s+LEMBARAN\s+NEGARA\b|"
    # a Lampiran heading naming its regulation: "LAMPIRAN I UNDANG-UNDANG ...",
    # "LAMPIRAN PERATURAN PEMERINTAH ..." (not "lampiran" in a sentence).
    r"LAMPIRAN(?:\s+[IVX]+)?\s+(?:UNDANG|PERATURAN|KEPUTUSAN|PERPU|PERPPU)"
    r"))"
    # The body glued to the title after "Menetapkan: ... ." : "... UMUM. BAB I KETENTUAN".
    r"|(?<=[.:])\s+(?=BAB\s+[IVXLC]+[A-Z]?\s+[A-Z]{3}|Pasal\s+1\s+[A-Z(])")
# In a Penjelasan, sub-headings follow the end of a sentence: "... jelas. Ayat (2)".
PJ_BREAK_RE = re.compile(
    r"(?<=[.:;])\s+(?=(?:Ayat\s*\(\d{1,3}[a-z]?\)|Huruf\s+[a-z]{1,2}\d?\b|Angka\s+\d{1,3}[a-z]?\b|"
    r"Pasal\s+(?:\d+[A-Z]?|[IVX]+)\b(?=\s+(?:Cukup|Ayat|Huruf|Angka|Yang|Dihapus|Pasal)\b))"
    r"(?:\s|$))"
    # after the part headings themselves: "II. PASAL DEMI PASAL Pasal 1 ..."
    r"|(?<=^I\. UMUM)\s+|(?<=^II\. PASAL DEMI PASAL)\s+")


# "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5656 PERATURAN ...": the
# gazette line ends at its number; what follows on the line is another part.
GAZETTE_TAIL_RE = re.compile(r"^(TAMBAHAN\s+(?:LEMBARAN|BERITA)\s+[A-Z ]{0,60}?NOMOR\s+\d+)\s+(\S.*)$")


def _split_gazette_tail(part: str) -> list[str]:
    m = GAZETTE_TAIL_RE.match(part)
    return [m.group(1), m.group(2)] if m else [part]


def split_inline_markers(lines: list[Line]) -> list[Line]:
    """Text formats flatten a page into one line: split before unambiguous
    markers (Penjelasan, its Umum and Pasal demi Pasal parts, the promulgation
    sentence) and, inside a Penjelasan, before 'Ayat (n)', 'Huruf x', 'Angka n'
    that follow the end of a sentence. PDF lines are left alone."""
    out: list[Line] = []
    in_penjelasan = False
    for line in lines:
        if line.top is not None:
            out.append(line)
            continue
        parts = [p for p in INLINE_BREAK_RE.split(line.text) if p]
        parts = [piece for part in parts for piece in _split_gazette_tail(part)]
        for part in parts:
            if P.PENJELASAN_RE.match(part) or part.startswith("PENJELASAN ATAS"):
                in_penjelasan = True
            pieces = PJ_BREAK_RE.split(part) if in_penjelasan else [part]
            out.extend(line.with_text(p.strip()) for p in pieces if p.strip())
    return out


_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})


def _digits(m: re.Match) -> str:
    """Letters read for digits in a Pasal number; a final capital I after the
    digits is the inserted-Pasal letter ("Pasal 58I"), not a 1."""
    token = m.group(1)
    tail = token[-1] if len(token) > 1 and token[-1] == "I" and token[-2].isdigit() else ""
    body = token[:-1] if tail else token
    return m.group(0)[:m.start(1) - m.start(0)] + body.translate(_OCR_DIGITS) + tail


def _fix_ocr(text: str, ocr: bool) -> str:
    text = P.PASAL_WORD_OCR_RE.sub("Pasal", text)
    text = P.PASAL_NUMBER_OCR_RE.sub(_digits, text)
    text = P.AYAT_OCR_RE.sub(r"\1(1)", text)
    text = P.PRESIDEN_HEADER_RE.sub(lambda m: m.group(0) if m.group(0) == "PRESIDEN REPUBLIK INDONESIA"
                                    else "", text)
    if ocr:
        text = P.NOMOR_OCR_RE.sub(lambda m: "NOMOR" if m.group(0).isupper() else "Nomor", text)
        text = P.LABEL_OCR_RE.sub(lambda m: f"{m.group(1)} : ", text)
        text = P.BAB_GLUED_RE.sub(r"BAB \1", text)
    return " ".join(text.split())


def fix_ocr_confusions(lines: list[Line]) -> list[Line]:
    """OCR misreadings of structural words, in every format (OCR'd text files
    exist too): 'Fasal 1' and 'Pasd 194' -> 'Pasal', 'Pasal l0' -> 'Pasal 10',
    '(l)' -> '(1)', a letter-spaced running header 'PRES I DEN REPUBLIK
    INDONESIA' inside a line removed. On lines read by OCR also 'HOMOR' ->
    'NOMOR', 'Mengingat !' -> 'Mengingat :', 'BABI' -> 'BAB I'. Only markers
    and keywords are touched, never running words."""
    out = []
    for line in lines:
        text = _fix_ocr(line.text, line.ocr)
        out.append(line if text == line.text else line.with_text(text))
    return out


# Page furniture a flattened text keeps inside a line: "REPUBLIK INDONESIA -5-",
# "-6-". Must not match a range "1 - 3" (no dash on both sides of one number).
INLINE_PAGE_RE = re.compile(r"(?:(?<=\s)|^)(?:(?:PRESIDEN\s+)?REPUBLIK\s+INDONESIA\s+)?[-–]\s?\d{1,3}\s?[-–](?=\s|$)")
# Converter debris: "^" never occurs in regulation text ("Cukup ^jelas").
CARET_RE = re.compile(r"\^")
# A word broken by a hyphen and a space inside a line: "perundang- undangan",
# "penye- lenggaraan". Must not match "Undang- Undang" (capital) or "2- 3".
HYPHEN_SPACE_RE = re.compile(r"\b([A-Za-z]{2,})- ([A-Za-z]{2,})\b")


def drop_inline_furniture(lines: list[Line]) -> list[Line]:
    """In text formats, page numbers and running headers glued into a line
    ('... jelas. REPUBLIK INDONESIA -5- Cukup ...') and stray carets go."""
    out = []
    for line in lines:
        if line.top is not None:
            out.append(line)
            continue
        text = " ".join(CARET_RE.sub("", INLINE_PAGE_RE.sub(" ", line.text)).split())
        out.append(line if text == line.text else line.with_text(text))
    return out


def join_inline_hyphenation(lines: list[Line]) -> list[Line]:
    """'perundang- undangan' -> 'perundang-undangan' (a reduplication keeps
    its hyphen), 'penye- lenggaraan' -> 'penyelenggaraan'."""
    def fix(m: re.Match) -> str:
        head, word = m.group(1), m.group(2)
        if _reduplicates(head, word):
            return f"{head}-{word}"
        return f"{head}{word}" if word[0].islower() and head[-1].islower() else m.group(0)
    out = []
    for line in lines:
        text = HYPHEN_SPACE_RE.sub(fix, line.text)
        out.append(line if text == line.text else line.with_text(text))
    return out


CLEANERS: dict[str, Step] = {
    "normalize_spaces": normalize_spaces,
    "fix_ocr_confusions": fix_ocr_confusions,
    "drop_inline_furniture": drop_inline_furniture,
    "drop_empty": drop_empty,
    "drop_ocr_specks": drop_ocr_specks,
    "drop_page_numbers": drop_page_numbers,
    "drop_running_headers": drop_running_headers,
    "drop_catchwords": drop_catchwords,
    "join_hyphenation": join_hyphenation,
    "join_inline_hyphenation": join_inline_hyphenation,
    "join_letter_spacing": join_letter_spacing,
    "split_label_column": split_label_column,
    "join_broken_words": join_broken_words,
    "split_inline_markers": split_inline_markers,
}
DEFAULT_STEPS = tuple(CLEANERS)


def clean(lines: list[Line], steps: tuple[str, ...] = DEFAULT_STEPS) -> list[Line]:
    for name in steps:
        lines = CLEANERS[name](lines)
    return drop_empty(lines)
