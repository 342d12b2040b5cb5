"""From cleaned lines to a Document: metadata and the unit tree.

The parser is total: whatever the text, it returns a Document whose units
hold every line; odd text becomes a plain block, never an exception.

A Lampiran that holds a whole regulation (the Perppu a UU sets as law: "UU
1/2015 ... LAMPIRAN: PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NOMOR 1
TAHUN 2014 ...") is parsed as an embedded regulation with units of its own
beneath the Lampiran: ``lampiran__pasal_7__ayat_2``,
``lampiran__penjelasan__pasal_7``.
"""
from __future__ import annotations

import re

from jdih import ids
from jdih.model import Document, Unit

from . import patterns as P
from .body import BodyParser
from .lines import Line
from .metadata import Head, parse_closing, parse_head, sumber, tambahan
from .penjelasan import PenjelasanParser
from .segment import REGULATION_TITLE_RE, Parts, segment
from .tree import TreeBuilder, add_text

LIST_ZONES = ("menimbang", "mengingat", "memperhatikan")
# Where an embedded regulation hangs: its units' ranks sit above the Lampiran's.
EMBEDDED_RANK = -1


def _strip_label(text: str, word: str) -> str:
    return re.sub(rf"^{word}\s*:?\s*", "", text, flags=re.I)


def parse_regulation(lines: list[Line]) -> Document:
    parts = segment(lines)
    head_lines = parts.get("head")
    head = parse_head(" ".join(l.text for l in head_lines))
    warnings = list(head.warnings) + reconcile_heading(head, head_lines, parts.get("penjelasan"))
    doc = Document(id=head.doc_id or "tanpa-id", jenis=head.jenis_name, singkatan=head.singkatan,
                   nomor=head.nomor, tahun=head.tahun, tentang=head.tentang, judul=head.judul,
                   teu_badan=head.teu_badan, wilayah=head.wilayah)
    doc.warnings.extend(warnings)
    builder = TreeBuilder()
    closing, anomalies = parse_parts(builder, parts)
    doc.warnings.extend(anomalies)
    for key, value in vars(closing).items():
        if value and not getattr(doc, key):
            setattr(doc, key, value)
    if doc.tahun is None and doc.tanggal_penetapan:
        doc.tahun = int(doc.tanggal_penetapan[:4])
        doc.warnings = [w for w in doc.warnings if "tahun" not in w]
        doc.id = ids.doc_id(doc.singkatan, doc.nomor, doc.tahun)
        doc.judul = doc.judul.replace(f"Nomor {doc.nomor}", f"Nomor {doc.nomor} Tahun {doc.tahun}")
    head_text = " ".join(l.text for l in head_lines)
    if not doc.sumber:
        doc.sumber = sumber(head_text)
    penjelasan = parts.get("penjelasan")
    if doc.sumber and ", T" not in doc.sumber:
        # The Tambahan (TLN/TBN) number is printed at the end of the Penjelasan
        # or, in Lembaran Negara layouts, in the heading.
        tail = " ".join(l.text for l in (penjelasan or [])[-3:])
        extra = tambahan(tail) or tambahan(head_text)
        if extra:
            doc.sumber += f", {extra}"
    for block in parts.lampiran:
        parse_lampiran(builder, block)
    doc.units = builder.units
    if builder.duplicates:
        doc.warnings.append("id unit ganda: " + ", ".join(sorted(set(builder.duplicates))[:10]))
    return doc


def parse_parts(builder: TreeBuilder, parts: Parts, root: str = "", floor: int = 0):
    """Units of every part of a regulation (opening, body, closing,
    Penjelasan) under ``root`` (an embedded regulation's Lampiran id, or '').
    Returns the closing's metadata and the body parser's anomalies."""
    _opening(builder, parts, floor)
    body = parts.get("body")
    amending = is_amending(body, parts.get("head"))
    parser = BodyParser(builder, amending=amending, root=root)
    builder.close_to(floor)
    parser.parse(body)
    closing = None
    penutup = parts.get("penutup")
    if penutup:
        builder.close_to(floor)
        unit = builder.open("penutup", "", floor, local_id="penutup", label="")
        for line in penutup:
            add_text(unit, line.text, line)
        closing = parse_closing(unit.text)
    penjelasan = parts.get("penjelasan")
    if penjelasan:
        builder.close_to(floor)
        PenjelasanParser(builder, floor=floor).parse(penjelasan)
    return closing or parse_closing(""), parser.anomalies


def _opening(builder: TreeBuilder, parts: Parts, floor: int) -> None:
    head_lines = parts.get("head")
    if head_lines:
        builder.close_to(floor)
        unit = builder.open("pembukaan", "", floor, local_id="pembukaan", label="")
        for line in head_lines:
            add_text(unit, line.text, line, newline=True)
    for zone in LIST_ZONES:
        zone_lines = parts.get(zone)
        if not zone_lines:
            continue
        builder.close_to(floor)
        builder.open(zone, "", floor, local_id=zone, label=zone.capitalize(), line=zone_lines[0])
        parser = BodyParser(builder, list_only=True)
        for line in zone_lines:
            rest = _strip_label(line.text, zone)
            if rest != line.text and not rest:
                continue  # the label alone (printed twice in some sources)
            parser.feed(line.with_text(rest))
    menetapkan = parts.get("menetapkan")
    if menetapkan:
        builder.close_to(floor)
        unit = builder.open("menetapkan", "", floor, local_id="menetapkan", label="Menetapkan",
                            line=menetapkan[0])
        for line in menetapkan:
            t = line.text
            m = P.MEMUTUSKAN_RE.match(t) or P.MENETAPKAN_RE.match(t)
            add_text(unit, m.group(1) if m else t, line)


def is_amending(body: list[Line], head: list[Line]) -> bool:
    """An amending act's body is 'Pasal I' (the instructions) and 'Pasal II'
    (or at least Pasal I in a regulation titled 'Perubahan ...')."""
    romans = [l.text for l in body if P.PASAL_ROMAN_RE.match(l.text)]
    if "Pasal I" not in romans:
        return False
    return "Pasal II" in romans or bool(P.TITLE_PERUBAHAN_RE.search(" ".join(l.text for l in head)))


def reconcile_heading(head: Head, head_lines: list[Line], penjelasan: list[Line]) -> list[str]:
    """The nomor and tahun are printed twice: in the heading and in the title
    of the Penjelasan. When the two readings differ, OCR misread one of them:
    take the reading with the higher OCR confidence, and say so."""
    if not penjelasan:
        return []
    title = []
    for line in penjelasan[:10]:
        if P.UMUM_RE.match(line.text) or line.text.startswith(("I. UMUM", "I.UMUM")):
            break
        title.append(line.text)
    pj = parse_head(" ".join(title))
    if not pj.nomor or not pj.tahun or (pj.nomor, pj.tahun) == (head.nomor, head.tahun):
        return []
    here = f"Nomor {head.nomor} Tahun {head.tahun}"
    there = f"Nomor {pj.nomor} Tahun {pj.tahun}"
    head_conf = _nomor_confidence(head_lines)
    pj_conf = _nomor_confidence(penjelasan[:8])
    if head_conf is None or pj_conf is None:
        return [f"judul menyebut {here}, judul Penjelasan menyebut {there}"]
    if pj_conf > head_conf or not head.nomor:
        head.nomor, head.tahun = pj.nomor, pj.tahun
        if pj.tentang:
            head.tentang = pj.tentang  # read on the same, more legible, title
        return [f"OCR: judul terbaca {here} (keyakinan {head_conf:.0f}), judul Penjelasan {there} "
                f"(keyakinan {pj_conf:.0f}); dipakai {there}"]
    return [f"OCR: judul Penjelasan terbaca {there}, judul {here}; dipakai {here}"]


def _nomor_confidence(lines: list[Line]) -> float | None:
    for line in lines:
        if line.conf is not None and P.NOMOR_TAHUN_RE.search(line.text):
            return line.conf
    return None


def _embeds_regulation(lines: list[Line]) -> bool:
    """A Lampiran that is itself a regulation: it opens with a regulation's
    title ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG ... NOMOR 1 TAHUN
    2014 ...") and has the opening's MEMUTUSKAN and a Pasal 1. A Lampiran that
    only quotes such parts as examples (a drafting guide) opens otherwise."""
    texts = [l.text for l in lines if not l.text.startswith("LAMPIRAN")]
    opening = " ".join(texts[:6])
    return bool(REGULATION_TITLE_RE.search(opening)) and \
        any(P.MEMUTUSKAN_RE.match(t) or P.MENETAPKAN_RE.match(t) for t in texts) and \
        any(t == "Pasal 1" or t.startswith("Pasal 1 ") for t in texts)


def parse_lampiran(builder: TreeBuilder, lines: list[Line]) -> Unit:
    m = P.LAMPIRAN_RE.match(lines[0].text)
    number = (m.group(1) or "") if m and lines[0].text.startswith("LAMPIRAN") else ""
    builder.close_to(0)
    local = f"lampiran_{number.lower()}" if number else "lampiran"
    unit = builder.open("lampiran", number, EMBEDDED_RANK - 1, local_id=local,
                        label=f"LAMPIRAN {number}".strip(), line=lines[0])
    if _embeds_regulation(lines):
        # The Lampiran's own heading lines (repeated on its pages) are its
        # text; everything else is the embedded regulation.
        inner = []
        for line in lines:
            h = P.LAMPIRAN_RE.match(line.text) if line.text.startswith("LAMPIRAN") else None
            if h:
                add_text(unit, h.group(2) or "", line, newline=True)
            else:
                inner.append(line)
        parse_parts(builder, segment(inner), root=unit.id, floor=EMBEDDED_RANK + 1)
        builder.close_to(EMBEDDED_RANK - 1)
        return unit
    first = (m.group(2) or "") if m else lines[0].text
    add_text(unit, first, lines[0], newline=True)
    for line in lines[1:]:
        add_text(unit, line.text, line, newline=True)
    builder.close_to(EMBEDDED_RANK - 1)
    return unit
