"""The parse tree: documents and their units.

One node type with a ``kind`` (hierarchy levels are data, not classes). A
document's units are kept flat, in reading order, each naming its parent; the
tree is derived from ``parent`` when needed. A unit's ``text`` is its *own*
text only (for a Pasal with ayat that is usually empty, for an ayat with
rincian it is the chapeau before the first rincian), so every character of a
document lands in exactly one unit.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Iterable, Iterator

# Unit kinds, in the order of the body hierarchy where one applies.
BODY_KINDS = ("buku", "bab", "bagian", "paragraf", "pasal", "ayat", "huruf", "angka")
KINDS = (
    "pembukaan", "menimbang", "mengingat", "memperhatikan", "menetapkan",
    *BODY_KINDS,
    "diktum", "penutup", "penjelasan", "lampiran", "block",
)
# Kinds that get their own search entry (the granularity people cite).
CITABLE_KINDS = ("pasal", "ayat", "diktum", "penjelasan", "huruf", "angka")

TIPE_PERATURAN = "Peraturan Perundang-undangan"


@dataclass
class Unit:
    id: str
    kind: str
    number: str = ""
    heading: str = ""
    text: str = ""
    parent: str | None = None
    pages: list[int] = field(default_factory=list)
    ocr: bool = False
    # The marker or heading as printed: "Pasal 5", "(1)", "a.", "a)", "BAB I".
    label: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Unit":
        return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})


# Metadata fields of a document record (DOMAIN.md section 2), in display order.
DOC_FIELDS = (
    "id", "tipe", "jenis", "singkatan", "nomor", "tahun", "judul", "tentang",
    "teu_badan", "tempat_penetapan", "tanggal_penetapan", "tanggal_pengundangan",
    "sumber", "subjek", "status", "bahasa", "bidang_hukum", "penandatangan",
    "pemrakarsa", "wilayah",
)


@dataclass
class Document:
    id: str
    tipe: str = TIPE_PERATURAN
    jenis: str = ""
    singkatan: str = ""
    nomor: str = ""
    tahun: int | None = None
    judul: str = ""
    tentang: str = ""
    teu_badan: str = ""
    tempat_penetapan: str = ""
    tanggal_penetapan: str = ""
    tanggal_pengundangan: str = ""
    sumber: str = ""
    subjek: str = ""
    status: str = "Berlaku"
    bahasa: str = "Indonesia"
    bidang_hukum: str = ""
    penandatangan: str = ""
    pemrakarsa: str = ""
    wilayah: str = ""
    units: list[Unit] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def meta(self) -> dict:
        return {k: getattr(self, k) for k in DOC_FIELDS}

    def unit(self, unit_id: str) -> Unit | None:
        for u in self.units:
            if u.id == unit_id:
                return u
        return None


class Tree:
    """Read-only tree view over a flat, ordered unit list."""

    def __init__(self, units: Iterable[Unit]):
        self.units = list(units)
        self.by_id = {u.id: u for u in self.units}
        self.children: dict[str | None, list[Unit]] = {}
        for u in self.units:
            self.children.setdefault(u.parent, []).append(u)

    def roots(self) -> list[Unit]:
        return self.children.get(None, [])

    def kids(self, unit_id: str) -> list[Unit]:
        return self.children.get(unit_id, [])

    def descendants(self, unit_id: str) -> Iterator[Unit]:
        for child in self.kids(unit_id):
            yield child
            yield from self.descendants(child.id)

    def ancestors(self, unit_id: str) -> list[Unit]:
        """Ancestors from the root down to the unit's parent."""
        out = []
        unit = self.by_id.get(unit_id)
        while unit is not None and unit.parent is not None:
            unit = self.by_id.get(unit.parent)
            if unit is not None:
                out.append(unit)
        return out[::-1]

    def full_text(self, unit_id: str, markers: bool = True) -> str:
        """The unit's text with all its descendants, one unit a line."""
        unit = self.by_id[unit_id]
        parts = []
        own = unit.text
        if own:
            parts.append(own)
        for child in self.kids(unit_id):
            sub = self.full_text(child.id, markers)
            if markers:
                label = marker(child)
                if label:
                    sub = f"{label} {sub}" if sub else label
            if sub:
                parts.append(sub)
        return "\n".join(parts)

    def pages(self, unit_id: str) -> list[int]:
        pages = set(self.by_id[unit_id].pages)
        for d in self.descendants(unit_id):
            pages.update(d.pages)
        return sorted(pages)


def marker(unit: Unit) -> str:
    """How a unit's number is printed in front of its text: '(1)', 'a.', 'a)'."""
    if unit.kind in ("ayat", "huruf", "angka"):
        if unit.label:
            return unit.label
        return f"({unit.number})" if unit.kind == "ayat" else f"{unit.number}."
    return ""


def heading_label(unit: Unit) -> str:
    """The printed label of a structural unit: 'BAB XVI', 'Pasal 220', 'Bagian Kesatu'."""
    k, n = unit.kind, unit.number
    if k == "buku":
        return f"BUKU {n}"
    if k == "bab":
        return f"BAB {n}"
    if k == "bagian":
        return f"Bagian {n}"
    if k == "paragraf":
        return f"Paragraf {n}"
    if k == "pasal":
        return f"Pasal {n}"
    if k == "diktum":
        return n
    if k == "lampiran":
        return f"LAMPIRAN {n}".strip()
    if k == "ayat":
        return f"ayat ({n})"
    if k in ("huruf", "angka"):
        return f"{k} {n.rstrip(')')}"
    return unit.heading or k.capitalize()
