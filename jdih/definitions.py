"""Definitions: which clauses define a term, and which queries ask for one.

A regulation defines its terms in the Ketentuan Umum ("Pasal 1 / Dalam
Undang-Undang ini yang dimaksud dengan: / 22. Dewan Kehormatan Penyelenggara
Pemilu, selanjutnya disingkat DKPP, adalah ...") and explains others in the
Penjelasan ("Yang dimaksud dengan “fungsi komplementer” adalah ..."). The index
records the defined term of such clauses; a query like "apa yang dimaksud
dengan DKPP" is turned toward them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import words
from .model import Tree, Unit

# The chapeau of a definition list: "Dalam Undang-Undang ini yang dimaksud
# dengan:", "... yang dimaksud dengan :". Must not match a cross-reference
# ("sebagaimana dimaksud dengan ayat (1)") or a Penjelasan sentence with text
# after the colon.
DEFINITION_LIST_RE = re.compile(r"\byang\s+dimaksud\s+dengan\s*:\s*$", re.I)

# A list item that defines: "Partai Politik adalah ...", "Komisi Pemilihan
# Umum, selanjutnya disingkat KPU, adalah ...", "Dewan Perwakilan Daerah yang
# selanjutnya disingkat DPD adalah ...". The term is before "adalah" or
# "(yang) selanjutnya disingkat/disebut"; the short name after it. Must not
# match an item without "adalah" ("Dihapus.").
DEFINED_TERM_RE = re.compile(
    r"^\s*(?P<term>[^.;:]{2,160}?)\s*,?\s*"
    r"(?:(?:yang\s+)?selanjutnya\s+(?:disingkat|disebut)(?:\s+dengan)?\s+(?P<short>[^,]{1,60}?)\s*,?\s*)?"
    r"\badalah\b", re.I)

# A Penjelasan that explains a term: 'Yang dimaksud dengan “fungsi komplementer”
# adalah ...', 'Yang dimaksud dengan Inspektur adalah ...'. Must not match
# "Cukup jelas." nor a sentence that only refers ("sebagaimana dimaksud dengan").
PENJELASAN_TERM_RE = re.compile(
    r"^\s*yang\s+dimaksud\s+dengan\s+(?:[\"“”']\s*(?P<quoted>[^\"“”']{2,120}?)\s*[\"“”']"
    r"|(?P<plain>[^,.;:\"“”]{2,120}?)\s+(?:adalah|ialah|yaitu|antara\s+lain)\b)", re.I)

# A query that asks what a term means: "apa yang dimaksud dengan DKPP",
# "pengertian partai politik", "definisi pekerja", "arti PAW", "apa itu
# Bawaslu", "DKPP adalah". Must not match a topic query that merely contains
# one of these words later ("syarat pengertian ..." is still a topic).
DEFINITION_QUERY_RE = re.compile(
    r"^\s*(?:(?:apa|apakah)\s+(?:yang\s+)?(?:dimaksud|maksud)\s+(?:dengan\s+)?"
    r"|(?:apa\s+)?yang\s+dimaksud\s+(?:dengan\s+)?"
    r"|apa\s+(?:itu|arti(?:nya)?|pengertian|definisi)\s+"
    r"|(?:pengertian|definisi|arti|makna|maksud)\s+(?:dari\s+|istilah\s+)?)"
    r"(?P<term>.+?)\s*\??\s*$"
    r"|^\s*(?P<term2>.+?)\s+(?:adalah|artinya|itu\s+apa)\s*\??\s*$", re.I)

MAX_TERM_WORDS = 14


@dataclass(frozen=True)
class Definition:
    terms: tuple[str, ...]   # normalised: lower-case words joined by one space
    where: str               # "ketentuan_umum" or "penjelasan"


def normalise(term: str) -> str:
    return " ".join(words(term))


def _usable(term: str) -> bool:
    n = len(words(term))
    return 0 < n <= MAX_TERM_WORDS


def definition_of(unit: Unit, tree: Tree) -> Definition | None:
    """The terms a unit defines, if it is a definition."""
    if unit.kind in ("angka", "huruf") and unit.parent:
        parent = tree.by_id.get(unit.parent)
        if parent is None or not DEFINITION_LIST_RE.search(parent.text or ""):
            return None
        m = DEFINED_TERM_RE.match(unit.text or "")
        if not m:
            return None
        found = [t for t in (m.group("term"), m.group("short")) if t and _usable(t)]
        return Definition(tuple(dict.fromkeys(normalise(t) for t in found)), "ketentuan_umum") if found else None
    if unit.kind == "penjelasan":
        m = PENJELASAN_TERM_RE.match(unit.text or "")
        if not m:
            return None
        term = m.group("quoted") or m.group("plain")
        return Definition((normalise(term),), "penjelasan") if _usable(term) else None
    return None


def asked_term(query: str) -> str | None:
    """The term a definitional query asks about, as typed; None for other queries."""
    m = DEFINITION_QUERY_RE.match(query)
    if not m:
        return None
    term = (m.group("term") or m.group("term2") or "").strip(" \"“”'?")
    return term if _usable(term) else None
