"""Split a regulation's cleaned lines into its parts.

Parts, in the order they appear: head (judul, pembukaan), menimbang,
mengingat, memperhatikan, menetapkan, body (batang tubuh), penutup,
penjelasan, lampiran. Each part is a list of (index, Line); a part that is
missing is empty. The split only ever moves forward through the parts, so a
marker word inside a clause cannot send the text back to an earlier part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as P
from .lines import Line

OPENING = ("head", "menimbang", "mengingat", "memperhatikan", "menetapkan")


BAB_START_RE = re.compile(rf"^BAB\s+{P.ROMAN}[A-Z]?\b")
# The title of a regulation: "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG
# REPUBLIK INDONESIA NOMOR 1 TAHUN 2014 TENTANG ...". Upper case, jenis first.
REGULATION_TITLE_RE = re.compile(
    r"^(?:UNDANG-UNDANG|PERATURAN|KEPUTUSAN)\b[A-Z ,.-]*?\bNOMOR\s+\S+\s+TAHUN\s+\d{4}\b")


def starts_body(text: str) -> bool:
    return bool(BAB_START_RE.match(text) or P.PASAL_RE.match(text) or P.PASAL_ROMAN_RE.match(text)
                or P.DIKTUM_RE.match(text) or P.BAGIAN_RE.match(text)
                or P.PASAL_INLINE_RE.match(text) and text.split()[1] == "1")


@dataclass
class Parts:
    parts: dict[str, list[Line]] = field(default_factory=lambda: {})
    lampiran: list[list[Line]] = field(default_factory=list)

    def get(self, name: str) -> list[Line]:
        return self.parts.get(name, [])


def segment(lines: list[Line]) -> Parts:
    out = Parts()
    zone = "head"
    seen_menetapkan = False
    after_tln = False

    def put(name: str, line: Line) -> None:
        out.parts.setdefault(name, []).append(line)

    for line in lines:
        t = line.text
        if zone in OPENING:
            if zone == "head" and P.MENIMBANG_RE.match(t) and _is_label(t, "Menimbang"):
                zone = "menimbang"
            elif zone in ("head", "menimbang") and P.MENGINGAT_RE.match(t) and _is_label(t, "Mengingat"):
                zone = "mengingat"
            elif zone in ("menimbang", "mengingat") and P.MEMPERHATIKAN_RE.match(t) \
                    and _is_label(t, "Memperhatikan"):
                zone = "memperhatikan"
            elif zone != "head" and (P.MEMUTUSKAN_RE.match(t) or P.MENETAPKAN_RE.match(t)
                                     or P.PERSETUJUAN_RE.match(t)):
                zone = "menetapkan"
                seen_menetapkan = True
            elif zone == "menetapkan" and starts_body(t):
                zone = "body"
            elif zone == "head" and starts_body(t) and not out.get("menimbang"):
                # No opening at all (a retyped or excerpted text): the body begins here.
                zone = "body"
            elif not seen_menetapkan and zone in ("mengingat", "memperhatikan") and (
                    P.BAB_RE.match(t) or P.PASAL_RE.match(t) or P.PASAL_ROMAN_RE.match(t)):
                zone = "body"
        elif zone == "body":
            if P.PENUTUP_RE.match(t) or P.DITETAPKAN_RE.match(t):
                zone = "penutup"
            elif P.PENJELASAN_RE.match(t):
                zone = "penjelasan"
            elif P.LAMPIRAN_RE.match(t) and t.split()[0] == "LAMPIRAN" and _is_lampiran_start(t):
                zone = "lampiran"
        elif zone == "penjelasan" and after_tln and REGULATION_TITLE_RE.match(t):
            # After the Penjelasan's closing gazette line, a new regulation
            # title: the Lampiran holding a whole regulation (a Perppu set as UU).
            zone = "lampiran"
            out.lampiran.append([])
        elif zone in ("penutup", "penjelasan", "lampiran"):
            # One Penjelasan per regulation: a "PENJELASAN ATAS ..." inside a
            # Lampiran after it is an example or an embedded text of the Lampiran.
            if zone != "penjelasan" and P.PENJELASAN_RE.match(t) and not out.get("penjelasan"):
                zone = "penjelasan"
            elif zone != "lampiran" and P.LAMPIRAN_RE.match(t) and _is_lampiran_start(t):
                zone = "lampiran"
        if zone == "penjelasan":
            after_tln = after_tln or bool(P.TLN_LINE_RE.match(t))
        if zone == "lampiran":
            if _is_lampiran_start(t) and (not out.lampiran or _lampiran_follows(out.lampiran[-1][0].text, t)):
                out.lampiran.append([])
            out.lampiran[-1].append(line)
        else:
            put(zone, line)
    return out


def _is_label(text: str, word: str) -> bool:
    """'Menimbang:' or 'Menimbang : a. ...', not 'menimbang bahwa' in a sentence."""
    rest = text[len(word):].lstrip()
    return text[:1].isupper() and (not rest or rest.startswith(":") or len(text) <= len(word) + 2)


def _is_lampiran_start(text: str) -> bool:
    m = P.LAMPIRAN_RE.match(text)
    return bool(m) and text.startswith("LAMPIRAN")


def _lampiran_key(text: str) -> str:
    m = P.LAMPIRAN_RE.match(text)
    return (m.group(1) or "") if m else ""


def _lampiran_follows(current: str, text: str) -> bool:
    """A new Lampiran starts only with a higher number ('LAMPIRAN II' after
    'LAMPIRAN I'); 'LAMPIRAN I' quoted as an example inside Lampiran II, or
    the heading repeated on each page of a Lampiran, stays in it."""
    cur, new = _lampiran_number(_lampiran_key(current)), _lampiran_number(_lampiran_key(text))
    return new > cur


def _lampiran_number(key: str) -> int:
    if not key:
        return 0
    if key.isdigit():
        return int(key)
    if re.fullmatch(P.ROMAN, key):
        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
        total, prev = 0, 0
        for ch in reversed(key):
            v = values[ch]
            total = total - v if v < prev else total + v
            prev = max(prev, v)
        return total
    return ord(key[0]) - ord("A") + 1 if len(key) == 1 else 0
