"""Identifiers and human citations (DESIGN.md section 2).

Document id: lowercase ``{singkatan}-{nomor}-{tahun}``, every run of
non-alphanumerics a single "-": ``uu-7-2017``, ``pmk-2-pmk-07-2022``,
``perda-kab-banjarnegara-8-2025``. Unit ids are rooted at the Pasal:
``pasal_220__ayat_1__huruf_a``; the citation is derivable from the id.
"""
from __future__ import annotations

import re

SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return SLUG_RE.sub("-", text.lower()).strip("-")


def id_part(text: str) -> str:
    """A unit-id component: 'Kedua Belas' -> 'kedua_belas', '5A' -> '5a'."""
    return SLUG_RE.sub("_", text.lower()).strip("_")


def nomor_for_id(nomor: str, tahun: int | None) -> str:
    """'2/PMK.07/2022' with tahun 2022 -> '2/PMK.07': the year is in the id once."""
    nomor = nomor.strip()
    if tahun and re.search(rf"[/-]\s*{tahun}$", nomor):
        nomor = re.sub(rf"\s*[/-]\s*{tahun}$", "", nomor)
    return nomor


def doc_id(singkatan: str, nomor: str, tahun: int | None) -> str:
    parts = [singkatan, nomor_for_id(nomor, tahun)]
    if tahun:
        parts.append(str(tahun))
    return slug("-".join(p for p in parts if p))


def short_citation(singkatan: str, nomor: str, tahun: int | None) -> str:
    """'UU 8/2012', 'PMK 2/PMK.07/2022', 'Perda Kab. Banjarnegara 8/2025'."""
    nomor = nomor_for_id(nomor, tahun)
    return f"{singkatan} {nomor}/{tahun}" if tahun else f"{singkatan} {nomor}"


# How each id component reads in a citation.
_LABELS = {"buku": "Buku", "bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal",
           "ayat": "ayat", "huruf": "huruf", "angka": "angka", "lampiran": "Lampiran",
           "diktum": "Diktum", "menimbang": "Menimbang", "mengingat": "Mengingat",
           "memperhatikan": "Memperhatikan", "penjelasan": "Penjelasan", "penutup": "Penutup",
           "pembukaan": "Pembukaan", "menetapkan": "Menetapkan", "umum": "Umum",
           "seksi": "Bagian"}


def _component(part: str) -> str:
    kind, _, number = part.partition("_")
    label = _LABELS.get(kind)
    if label is None:
        return part.replace("_", " ")
    if not number:
        return label
    if kind == "ayat":
        return f"ayat ({number})"
    if kind in ("pasal", "paragraf"):
        return f"{label} {number.upper()}"
    if kind == "bab" or (kind == "lampiran" and re.fullmatch(r"[ivxlcdm]+", number)):
        return f"{label} {number.upper()}"
    if kind in ("bagian", "buku"):
        return f"{label} {number.replace('_', ' ').title()}"
    if kind == "diktum":
        return number.upper()
    return f"{label} {number}"


def unit_citation(unit_id: str) -> str:
    """'pasal_220__ayat_1__huruf_a' -> 'Pasal 220 ayat (1) huruf a';
    'penjelasan__pasal_5' -> 'Penjelasan Pasal 5'; 'bab_xvi__bagian_kesatu' ->
    'BAB XVI Bagian Kesatu'."""
    return " ".join(_component(p) for p in unit_id.split("__") if p)


def citation(unit_id: str | None, singkatan: str, nomor: str, tahun: int | None) -> str:
    doc = short_citation(singkatan, nomor, tahun)
    return f"{unit_citation(unit_id)} {doc}" if unit_id else doc


def pasal_of(unit_id: str) -> str | None:
    """The Pasal number a unit belongs to (the last Pasal component), if any."""
    found = None
    for part in unit_id.split("__"):
        kind, _, number = part.partition("_")
        if kind == "pasal":
            found = number.upper()
    return found
