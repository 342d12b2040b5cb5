"""Metadata from the opening and the closing of a regulation.

The opening names the jenis, nomor, tahun and subject ("PERATURAN PEMERINTAH
REPUBLIK INDONESIA / NOMOR 66 TAHUN 2010 / TENTANG / ..."); the closing gives
the place and dates of enactment and promulgation, the signatory and the
official gazette (Lembaran / Berita Negara or Daerah).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from jdih import ids
from jdih.jenis import Jenis, find_jenis, issuer_short

from . import patterns as P

# OCR and typing confusions inside numbers: "2Ol7" -> "2017", "NOMOR I" -> "1".
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "S": "5", "B": "8"})
NUMBERISH_RE = re.compile(r"^[0-9OoIlSB]+$")
# Where the subject of a heading ends: the opening formula or the office of
# the maker followed by its comma ("KEPALA BADAN PENGAWAS TENAGA NUKLIR,").
# The office must reach its comma without a NOMOR or TENTANG in between, so
# "PERUBAHAN ATAS PERATURAN KEPALA BADAN ... NOMOR 7 TAHUN 2009" is not cut.
_OFFICE = r"(?:(?!\bNOMOR\b|\bTENTANG\b)[^,])*,"
TITLE_STOP_RE = re.compile(
    r"\s+(?:DENGAN\s+RAHMAT|Menimbang|PRESIDEN\s+REPUBLIK\s+INDONESIA\s*,|MENTERI\b" + _OFFICE + "|"
    r"KEPALA\s+BADAN\b" + _OFFICE + r"|GUBERNUR\s+\w+\s*,|BUPATI\s+\w+\s*,|WALI\s*KOTA\s+\w+\s*,|"
    r"KETUA\s+KOMISI\b" + _OFFICE + r"|Oleh\s*:|Nomor\s*:|Tanggal\s*:).*$")


# "NOMOR 2 /PMK.07/2022", "NOMOR : 07/Ka-BAPETEN/V-99": a number with slashes.
NOMOR_SLASH_RE = re.compile(r"\bNOMOR\s*:?\s*(\d+[A-Za-z]?(?:\s*/\s*[\w.-]+)*|\S+)", re.I)


def fix_number(token: str) -> str:
    return token.translate(_DIGIT_FIX) if NUMBERISH_RE.match(token) else token


@dataclass
class Head:
    jenis: Jenis | None = None
    jenis_name: str = ""
    singkatan: str = ""
    teu_badan: str = ""
    wilayah: str = ""
    nomor: str = ""
    tahun: int | None = None
    tentang: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def judul(self) -> str:
        if not self.jenis_name:
            return self.tentang
        parts = [self.jenis_name]
        if self.wilayah:
            parts.append(self.wilayah.replace("Kab. ", "Kabupaten "))
        if self.nomor:
            parts.append(f"Nomor {self.nomor}")
        if self.tahun and not self.nomor.endswith(f"/{self.tahun}"):
            parts.append(f"Tahun {self.tahun}")
        if self.tentang:
            parts.append(f"tentang {self.tentang}")
        return " ".join(parts)

    @property
    def doc_id(self) -> str:
        return ids.doc_id(self.singkatan, self.nomor, self.tahun)


def _title_case(text: str) -> str:
    """'PERUBAHAN ATAS PERATURAN ... TENTANG PAJAK DAERAH' -> sentence-ish title case."""
    if text != text.upper():
        return text
    small = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "tentang", "atas", "dalam",
             "pada", "bagi", "serta", "menjadi", "dengan", "oleh", "terhadap", "mengenai"}
    words = []
    for i, w in enumerate(text.lower().split()):
        if i and w in small:
            words.append(w)
        elif re.fullmatch(r"[ivxlcdm]+", w) and len(w) <= 4 and w not in ("di", "mi", "dim"):
            words.append(w.upper())
        else:
            words.append("/".join("-".join(p[:1].upper() + p[1:] for p in part.split("-")) for part in w.split("/")))
    return " ".join(words)


def parse_head(text: str) -> Head:
    """Jenis, nomor, tahun and subject from the opening text (lines joined)."""
    head = Head()
    text = " ".join(text.split())
    m = P.NOMOR_TAHUN_RE.search(text)
    before, after = (text[:m.start()], text[m.end():]) if m else ("", "")
    if m:
        head.nomor = " ".join(fix_number(t) for t in m.group(1).split()).replace(" / ", "/").replace(" /", "/")
        head.tahun = int(m.group(2))
    else:
        m2 = NOMOR_SLASH_RE.search(text)
        if m2:
            head.nomor = re.sub(r"\s*/\s*", "/", fix_number(m2.group(1).rstrip(",")))
            before, after = text[:m2.start()], text[m2.end():]
            year = re.search(r"(?:/|-)(\d{4}|\d{2})$", head.nomor)
            if year:
                y = int(year.group(1))
                head.tahun = y if y > 1900 else (1900 + y if y > 40 else 2000 + y)
        if head.tahun is None:
            head.warnings.append("tahun tidak tertulis di judul")
    found = find_jenis(before) if before else None
    if found:
        jenis, start, end = found
        head.jenis = jenis
        head.jenis_name = jenis.name
        norm_before = re.sub(r"[\s-]+", " ", before.upper()).strip()
        issuer = norm_before[end:].strip()
        issuer = re.sub(r"\s*REPUBLIK INDONESIA\s*$", "", issuer) if not jenis.qualified else issuer
        if jenis.qualified:
            issuer = re.sub(r"\bREPUBLIK INDONESIA\b", "", issuer).strip()
            head.singkatan, head.teu_badan = issuer_short(jenis, issuer)
            if jenis.qualified == "region":
                head.wilayah = head.teu_badan
            if jenis.qualified in ("ministry", "agency") and issuer:
                head.jenis_name = f"{jenis.name.rsplit(' Badan', 1)[0]} {issuer.title()}"
        else:
            head.singkatan, head.teu_badan = jenis.singkatan, jenis.teu
    else:
        head.warnings.append("jenis peraturan tidak dikenali dari judul")
    t = re.search(r"\bTENTANG\s*:?\s*(.+)$", after, re.I) if after else None
    if t:
        subject = TITLE_STOP_RE.sub("", t.group(1)).strip(" .,")
        head.tentang = _title_case(subject)
    return head


def parse_date(text: str) -> str:
    """'1 Juli 2016' -> '2016-07-01'; '' when there is no date."""
    m = P.DATE_RE.search(text)
    if not m:
        return ""
    day, month, year = int(m.group(1)), P.MONTHS[m.group(2).lower()], int(m.group(3))
    if not 1 <= day <= 31:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class Closing:
    tempat_penetapan: str = ""
    tanggal_penetapan: str = ""
    tanggal_pengundangan: str = ""
    penandatangan: str = ""
    sumber: str = ""


SIGNATORY_RE = re.compile(
    r"(?:PRESIDEN\s+REPUBLIK\s+INDONESIA|MENTERI\b[A-Z ,]*?|KEPALA\s+BADAN[A-Z ]*?|GUBERNUR\s+[A-Z]+|"
    r"BUPATI\s+[A-Z]+|WALI\s*KOTA\s+[A-Z]+|KETUA\s+KOMISI[A-Z ]*?|KETUA[A-Z ]*?)\s*,\s*"
    r"(?:ttd\.?\s*|TTD\.?\s*|\(?tanda\s+tangan\)?\s*)?"
    r"([A-Z][A-Z.'’ ]{3,}?[A-Z.])(?=\s+(?:Diundangkan|Salinan|LEMBARAN|BERITA|NIP|$)|\s*$)")


def parse_closing(text: str) -> Closing:
    text = " ".join(text.split())
    c = Closing()
    m = P.DITETAPKAN_DATE_RE.search(text)
    if m:
        c.tempat_penetapan = m.group(1).strip().title()
        c.tanggal_penetapan = parse_date(m.group(2))
    m = P.DIUNDANGKAN_DATE_RE.search(text)
    if m:
        c.tanggal_pengundangan = parse_date(m.group(2))
    start = P.DITETAPKAN_DATE_RE.search(text)
    s = SIGNATORY_RE.search(text, start.end() if start else 0)
    if s:
        c.penandatangan = " ".join(s.group(1).split())
    c.sumber = sumber(text)
    return c


def sumber(text: str) -> str:
    """'LN 2016 (130), TLN (5898)', 'BN 2020 (49)', 'LD Kabupaten Banjarnegara 2025 (8)'."""
    m = P.LN_RE.search(text)
    if not m:
        h = P.LN_HEADER_RE.search(text)
        if not h:
            return ""
        base = f"{'LN' if h.group(1).upper() == 'LEMBARAN' else 'BN'} {h.group(3)} ({h.group(2)})"
    else:
        kind, scope, where, year, number = m.groups()
        code = ("L" if kind.upper() == "LEMBARAN" else "B") + ("N" if scope.upper() == "NEGARA" else "D")
        region = ""
        if scope.upper() == "DAERAH" and where:
            region = " " + " ".join(where.split()).title()
        base = f"{code}{region} {year} ({number})"
    extra = tambahan(text)
    return f"{base}, {extra}" if extra else base


def tambahan(text: str) -> str:
    """'TAMBAHAN LEMBARAN NEGARA ... NOMOR 5234' -> 'TLN (5234)'; daerah -> 'TLD (..)'."""
    t = P.TLN_RE.search(text)
    if not t:
        return ""
    code = ("L" if t.group(1).upper() == "LEMBARAN" else "B") + ("N" if t.group(2).upper() == "NEGARA" else "D")
    return f"T{code} ({t.group(3)})"
