"""The JDIHN integration feed (DOMAIN.md section 3).

A bare JSON array of flat objects, one per published document, with exactly
the keys of the national portal's reference template in its order; every
value a string, dates ISO, "-" for the fields only monographs have,
``operasi`` "4" and ``display`` "1", absolute URLs. Unknown values are "".
"""
from __future__ import annotations

import re

from .record import download_name, published
from .store import Store

FEED_KEYS: tuple[str, ...] = (
    "idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis", "noPeraturan",
    "judul", "noPanggil", "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber", "subjek",
    "isbn", "status", "bahasa", "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload", "urlDownload",
    "urlAbstrak", "urlDetailPeraturan", "operasi", "display",
)
MONOGRAPH_ONLY = ("noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku")
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100

# An ISO calendar date. Must not match a date with a time or a local format
# ("30 Desember 2025", "2025-12-30T10:00").   "2025-12-30"   "1997-04-10"
ISO_DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


class FeedError(ValueError):
    """A bad ``page`` or ``limit``; the message is for the caller (Indonesian)."""


def iso(value: str) -> str:
    value = (value or "").strip()
    return value if ISO_DATE_RE.match(value) else ""


def paging(page: str | None, limit: str | None) -> tuple[int, int | None]:
    """(page, limit) from the query string; limit None means everything."""
    def number(text: str, name: str, low: int, high: int) -> int:
        if not text.strip().isdigit() or not (low <= int(text) <= high):
            raise FeedError(f"Parameter '{name}' harus bilangan bulat {low} sampai {high}.")
        return int(text)
    if page in (None, "") and limit in (None, ""):
        return 1, None
    p = number(page, "page", 1, 10**6) if page not in (None, "") else 1
    n = number(limit, "limit", 1, MAX_LIMIT) if limit not in (None, "") else DEFAULT_LIMIT
    return p, n


def item(row: dict, base_url: str, filenames: dict[str, str], abstracts: dict[str, str]) -> dict[str, str]:
    """One document as a feed object; ``filenames`` by sha256, ``abstracts``
    (the abstract sheet's sha256) by document id."""
    base = base_url.rstrip("/")
    file_name = url_file = url_abstrak = ""
    if row.get("source_sha256"):
        file_name = download_name(row["id"], filenames.get(row["source_sha256"], ""))
        url_file = f"{base}/berkas/{row['id']}"
    if row["id"] in abstracts:
        url_abstrak = f"{base}/berkas/{row['id']}/{abstracts[row['id']]}"
    tanggal_pengundangan = iso(row.get("tanggal_pengundangan", ""))
    tahun = tanggal_pengundangan[:4] or (str(row["tahun"]) if row.get("tahun") else "")
    values = {
        "idData": row["id"], "tahun_pengundangan": tahun,
        "tanggal_penetapan": iso(row.get("tanggal_penetapan", "")), "tanggal_pengundangan": tanggal_pengundangan,
        "jenis": row.get("jenis", ""), "noPeraturan": row.get("nomor", ""), "judul": row.get("judul", ""),
        "singkatanJenis": row.get("singkatan", ""), "tempatTerbit": row.get("tempat_penetapan", ""),
        "sumber": row.get("sumber", ""), "subjek": row.get("subjek", ""), "status": row.get("status", ""),
        "bahasa": row.get("bahasa", ""), "bidangHukum": row.get("bidang_hukum", ""),
        "teuBadan": row.get("teu_badan", ""), "fileDownload": file_name, "urlDownload": url_file,
        "urlAbstrak": url_abstrak, "urlDetailPeraturan": f"{base}/dokumen/{row['id']}",
        "operasi": "4", "display": "1",
    }
    values.update({k: "-" for k in MONOGRAPH_ONLY})
    return {k: str(values[k] if values[k] is not None else "") for k in FEED_KEYS}


def feed(store: Store, base_url: str, page: int = 1, limit: int | None = None) -> list[dict[str, str]]:
    """The feed, oldest addition first (so a harvester paging through it sees
    new documents at the end); only published documents."""
    rows = sorted(published(store), key=lambda r: (r["created_at"], r["id"]))
    if limit is not None:
        rows = rows[(page - 1) * limit: page * limit]
    filenames = dict(store.db.execute("SELECT sha256, filename FROM files").fetchall())
    abstracts: dict[str, str] = {}
    for doc_id, digest in store.db.execute("SELECT doc_id, sha256 FROM attachments WHERE role = 'abstrak' "
                                           "ORDER BY added_at DESC"):
        abstracts[doc_id] = digest  # the first one filed wins, as on the document page
    return [item(r, base_url, filenames, abstracts) for r in rows]
