"""The parse report: what a reviewer must look at in a parsed regulation.

Foundation checks: Pasal numbering of the body (gaps, repeats, numbers going
down), counts of Pasal and ayat, pages that had no readable text, and the
parser's own warnings.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .model import Document

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
NUM_RE = re.compile(r"^(\d+)([A-Z]?)$")


def roman_to_int(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN_VALUES.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


@dataclass
class Report:
    doc_id: str
    format: str = ""
    pasal: int = 0
    ayat: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.gaps or self.repeats or self.order)

    def anomalies(self) -> list[str]:
        out = [f"nomor pasal melompat: {g}" for g in self.gaps]
        out += [f"pasal berulang: {r}" for r in self.repeats]
        out += [f"urutan pasal mundur: {o}" for o in self.order]
        return out + self.warnings

    def to_json(self) -> dict:
        d = asdict(self)
        d["complete"] = self.complete
        d["anomalies"] = self.anomalies()
        return d


def body_pasal(doc: Document) -> list[str]:
    """Numbers of the body's own Pasal, in order (not quoted text, not Penjelasan)."""
    return [u.number for u in doc.units if u.kind == "pasal" and "__" not in u.id]


def numbering(numbers: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Gaps ('5->7'), repeats and decreases in a Pasal sequence; inserted
    Pasal (5A) are fine; an amending act's I, II, ... are checked alike."""
    gaps, repeats, order = [], [], []
    prev: tuple[int, str] | None = None
    seen = set()
    for n in numbers:
        m = NUM_RE.match(n)
        key = (int(m.group(1)), m.group(2)) if m else (roman_to_int(n), "")
        if key in seen:
            repeats.append(n)
            continue
        seen.add(key)
        expected_first = 1
        if prev is None:
            if key[0] != expected_first:
                gaps.append(f"awal {n}")
        elif key < prev:
            order.append(f"{prev[0]}{prev[1]}->{n}")
        elif not key[1] and key[0] > prev[0] + 1:
            gaps.append(f"{prev[0]}{prev[1]}->{n}")
        prev = key
    return gaps, repeats, order


def check(doc: Document, fmt: str = "", ocr_pages: list[int] | None = None) -> Report:
    gaps, repeats, order = numbering(body_pasal(doc))
    return Report(doc_id=doc.id, format=fmt, pasal=len(body_pasal(doc)),
                  ayat=sum(1 for u in doc.units if u.kind == "ayat"), ocr_pages=list(ocr_pages or []),
                  gaps=gaps, repeats=repeats, order=order, warnings=list(doc.warnings))


def markdown_table(reports: list[Report]) -> str:
    rows = ["| dokumen | format | pasal | ayat | halaman OCR | anomali |", "|---|---|---:|---:|---:|---|"]
    for r in reports:
        found = r.anomalies()
        anomalies = "; ".join(a[:120] for a in found[:3]) or "-"
        if len(found) > 3:
            anomalies += f"; dan {len(found) - 3} lainnya"
        rows.append(f"| {r.doc_id} | {r.format} | {r.pasal} | {r.ayat} | {len(r.ocr_pages)} | {anomalies} |")
    return "\n".join(rows)
