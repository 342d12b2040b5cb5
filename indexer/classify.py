"""What a readable file is: a regulation, or something that belongs to one.

- ``peraturan``: a regulation's text (heading with jenis, nomor, tahun; a body
  of Pasal or diktum).
- ``abstrak``: a JDIH abstract sheet ("ABSTRAK : ...", "CATATAN : ...").
- ``metadata``: a JDIH metadata record ("Jenis : ...", "Nomor : ...").
- ``lampiran``: a Lampiran filed as its own file ("LAMPIRAN I / PERATURAN ...").
- anything else (a web page, a news item) is not indexed, with the reason.

Each non-regulation that belongs to a regulation carries a citation key
(short form, nomor, tahun, region) so it can be attached to its regulation
whichever of the two arrives first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from jdih.jenis import JENIS, find_jenis, region_name

from . import patterns as P
from .errors import NotARegulation
from .lines import Line
from .metadata import parse_date, parse_head

RECORD_LINE_RE = re.compile(r"^([A-Z][A-Za-z. ]{1,30}?)\s*:\s*(.*)$")
RECORD_KEYS = {
    "tipe dokumen": "tipe", "jenis": "jenis", "singkatan jenis": "singkatan", "nomor": "nomor",
    "tahun": "tahun", "judul": "judul", "ditetapkan tanggal": "tanggal_penetapan",
    "diundangkan tanggal": "tanggal_pengundangan", "tanggal penetapan": "tanggal_penetapan",
    "tanggal pengundangan": "tanggal_pengundangan", "bidang hukum": "bidang_hukum", "sumber": "sumber",
    "subjek": "subjek", "pemrakarsa": "pemrakarsa", "penandatangan": "penandatangan",
    "t.e.u": "teu_badan", "t.e.u. badan": "teu_badan", "teu badan": "teu_badan", "status": "status",
    "bahasa": "bahasa", "tempat penetapan": "tempat_penetapan", "tempat penerbit": "tempat_penetapan",
    "lokasi": "lokasi", "keterangan status": "keterangan_status",
}
ABSTRAK_RE = re.compile(r"^ABSTRAK\s*:", re.M)
ABSTRAK_CITE_RE = re.compile(r"^([A-Z][A-Za-z]+)\s+NO\.?\s*([\w./-]+?)\s*,\s*(?:L[ND]|B[ND]|TLN)\s+(\d{4})", re.M)


@dataclass
class Classified:
    kind: str
    cite: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)
    text: str = ""


def classify(lines: list[Line], fmt: str) -> Classified:
    text = "\n".join(l.text for l in lines)
    if not text.strip():
        raise NotARegulation("Berkas tidak berisi teks.", "no text after cleaning")
    record = _record(lines)
    if record is not None:
        return record
    if ABSTRAK_RE.search(text[:3000]):
        return _abstrak(lines, text)
    if lines[0].text.startswith("LAMPIRAN") and P.LAMPIRAN_RE.match(lines[0].text):
        head = parse_head(" ".join(l.text for l in lines[:12]))
        if head.jenis and head.nomor and head.tahun:
            return Classified("lampiran", cite=_cite(head.singkatan, head.nomor, head.tahun, head.wilayah))
    has_body = any(P.PASAL_RE.match(l.text) or P.PASAL_ROMAN_RE.match(l.text) or P.DIKTUM_RE.match(l.text)
                   or P.PASAL_INLINE_RE.match(l.text)
                   for l in lines)
    head = parse_head(" ".join(l.text for l in lines[:40]))
    if has_body and head.jenis and head.nomor:
        return Classified("peraturan")
    if fmt == "html":
        raise NotARegulation("Halaman web ini bukan naskah peraturan (tidak ada judul peraturan dan pasal); "
                             "tidak diindeks.", "html without a regulation heading or Pasal")
    if not has_body:
        raise NotARegulation("Berkas ini bukan naskah peraturan (tidak ditemukan pasal); tidak diindeks.",
                             "no Pasal or diktum found")
    raise NotARegulation("Jenis, nomor, atau tahun peraturan tidak dapat dibaca dari judul; tidak diindeks.",
                         "no jenis/nomor in heading")


def _cite(singkatan: str, nomor: str, tahun: int | None, wilayah: str = "") -> dict:
    return {"singkatan": singkatan, "nomor": nomor, "tahun": tahun, "wilayah": wilayah}


def _record(lines: list[Line]) -> Classified | None:
    fields: dict[str, str] = {}
    hits = 0
    for line in lines[:60]:
        m = RECORD_LINE_RE.match(line.text)
        if m and m.group(1).strip().lower() in RECORD_KEYS:
            hits += 1
            fields[RECORD_KEYS[m.group(1).strip().lower()]] = m.group(2).strip()
    if hits < 5 or not {"jenis", "nomor", "tahun"} <= set(fields):
        return None
    for key in ("tanggal_penetapan", "tanggal_pengundangan"):
        if key in fields:
            fields[key] = parse_date(fields[key]) or fields[key]
    jenis = find_jenis(fields["jenis"])
    singkatan = jenis[0].singkatan if jenis else fields.get("singkatan", "")
    tahun = int(fields["tahun"]) if fields["tahun"].isdigit() else None
    wilayah = region_name(fields["teu_badan"]) if jenis and jenis[0].qualified == "region" and \
        fields.get("teu_badan") else ""
    if fields.get("bahasa", "").lower() in ("bahasa indonesia", "indonesia"):
        fields["bahasa"] = "Indonesia"
    if fields.get("tipe", "").startswith("Peraturan Perundang"):
        fields["tipe"] = "Peraturan Perundang-undangan"
    return Classified("metadata", cite=_cite(singkatan, fields["nomor"], tahun, wilayah), fields=fields)


def _abstrak(lines: list[Line], text: str) -> Classified:
    m = ABSTRAK_CITE_RE.search(text[:1500])
    if not m:
        raise NotARegulation("Lembar abstrak tidak menyebut jenis, nomor, dan tahun peraturannya.",
                             "abstract without a citation line")
    short = m.group(1)
    known = [j.singkatan for j in JENIS if j.singkatan.lower() == short.lower()]
    body = text[ABSTRAK_RE.search(text).start():]
    return Classified("abstrak", cite=_cite(known[0] if known else short.title(), m.group(2), int(m.group(3))),
                      text=body)
