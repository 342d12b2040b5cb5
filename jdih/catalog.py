"""Browsing the published collection: filters, counts (facets), statistics.

Read-only over the store's documents table. Only published documents are
ever counted or listed here; the public portal and the public API use it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .record import published
from .store import Store

# Subjek keywords are kept in one field, separated by commas, semicolons or
# new lines ("PEMILU, PEMUTAKHIRAN DATA PEMILIH"). A hyphen is not a separator:
# it occurs inside keywords ("PASCA-PEMILU").
SUBJEK_SPLIT_RE = re.compile(r"\s*[,;\n]\s*")
FACETS = ("jenis", "tahun", "status", "subjek")
SORTS = {"terbaru": "tahun terbaru", "terlama": "tahun terlama", "judul": "judul (A-Z)"}


def subjects(value: str) -> list[str]:
    """The subjek keywords of a document, upper case, in their order, no repeats."""
    out: list[str] = []
    for part in SUBJEK_SPLIT_RE.split(value or ""):
        key = re.sub(r"\s+", " ", part).strip().upper()
        if key and key not in out:
            out.append(key)
    return out


@dataclass
class Filters:
    jenis: str = ""
    tahun: str = ""
    status: str = ""
    subjek: str = ""

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}

    def match(self, row: dict) -> bool:
        if self.jenis and (row.get("jenis") or "") != self.jenis:
            return False
        if self.tahun and str(row.get("tahun") or "") != self.tahun:
            return False
        if self.status and (row.get("status") or "") != self.status:
            return False
        if self.subjek and self.subjek.strip().upper() not in subjects(row.get("subjek", "")):
            return False
        return True


def facet_values(row: dict, name: str) -> list[str]:
    if name == "subjek":
        return subjects(row.get("subjek", ""))
    value = row.get(name)
    return [str(value)] if value not in ("", None) else []


def count(rows: list[dict], name: str) -> list[tuple[str, int]]:
    """(value, documents) of one facet; years newest first, the rest by count."""
    counts: dict[str, int] = {}
    for row in rows:
        for value in facet_values(row, name):
            counts[value] = counts.get(value, 0) + 1
    if name == "tahun":
        return sorted(counts.items(), key=lambda kv: -int(kv[0]) if kv[0].isdigit() else 0)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _sort_key(sort: str):
    if sort == "judul":
        return lambda r: ((r.get("judul") or r["id"]).lower(), r["id"])
    sign = 1 if sort == "terlama" else -1
    return lambda r: (sign * (r.get("tahun") or 0), _nomor_number(r.get("nomor", "")) * sign, r["id"])


def _nomor_number(nomor: str) -> int:
    m = re.match(r"\d+", nomor or "")
    return int(m.group()) if m else 0


def browse(store: Store, filters: Filters, page: int = 1, per_page: int = 20, sort: str = "terbaru") -> dict:
    """One page of published documents matching ``filters``, with the facet
    counts of everything that matches."""
    rows = [r for r in published(store) if filters.match(r)]
    rows.sort(key=_sort_key(sort if sort in SORTS else "terbaru"))
    page = max(1, page)
    start = (page - 1) * per_page
    return {"total": len(rows), "page": page, "per_page": per_page,
            "pages": max(1, (len(rows) + per_page - 1) // per_page),
            "docs": rows[start:start + per_page], "facets": {name: count(rows, name) for name in FACETS}}


def statistics(store: Store, rows: list[dict] | None = None) -> dict:
    """Counts of published documents per jenis and per year (oldest year first)."""
    rows = published(store) if rows is None else rows
    per_year = count(rows, "tahun")
    return {"total": len(rows), "jenis": count(rows, "jenis"), "tahun": per_year[::-1],
            "status": count(rows, "status"), "subjek": count(rows, "subjek")}


def newest(store: Store, n: int = 10, rows: list[dict] | None = None) -> list[dict]:
    """The newest published regulations: by date of enactment (the year when
    the date is unknown), then by when they were added."""
    rows = published(store) if rows is None else rows
    def key(r: dict) -> tuple:
        date = r.get("tanggal_penetapan") or r.get("tanggal_pengundangan") or f"{r.get('tahun') or 0:04d}-00-00"
        return (date, r["created_at"], r["id"])
    return sorted(rows, key=key, reverse=True)[:n]
