"""Annotations: what re-anchoring, annotation search and the annotated reader cost.

On UU 17/2014 (the largest clean text of the corpus, ~1,500 units) with a few
hundred annotations, each timing is a median of repeated runs beside a
baseline measured in the same process:

- re-anchoring after a re-parse, against ``save_document`` of the same
  document (the work every re-index already does): units unchanged (the fast
  path), every unit's text changed (each annotation relocated), and the
  consolidated UU 2/2008 (a real amendment of one Pasal);
- annotation full-text search (SQLite FTS5 with the Indonesian analysis)
  against a LIKE scan of the same rows;
- the reader page ``/dokumen/uu-17-2014`` for staff with the annotations,
  against the same page for the public (no threads).
"""
from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from bench._timing import median, ms, p95, timed

ROOT = Path(__file__).resolve().parent.parent
STAFF = {"id": 1, "name": "siti", "role": "staf"}
WORDS = ["klarifikasi", "pernyataan", "tertulis", "pengganti", "antarwaktu", "partai", "usulan", "batas", "waktu",
         "rujukan", "silang", "multitafsir", "perubahan", "verifikasi", "berita", "acara"]


def _site(tmp: Path, names: list[str]):
    from indexer.pipeline import Indexer
    from jdih.settings import Settings
    from jdih.site import Site

    site = Site.open(Settings.load(data=str(tmp)))
    indexer = Indexer(site.store, site.index)
    for name in names:
        assert indexer.ingest_path(ROOT / "corpus" / name).status == "indexed"
    return site


def _annotate(site, doc_id: str, n: int, rng: random.Random) -> int:
    from jdih import annotations as A

    units = [u for u in site.store.units(doc_id) if len(u.text) > 60]
    made = 0
    for unit in rng.sample(units, min(n, len(units))):
        words = unit.text.split()
        i = rng.randrange(0, max(1, len(words) - 4))
        quote = " ".join(words[i:i + 4])
        start = unit.text.find(quote)
        sel = {"start": start, "end": start + len(quote), "exact": quote} if made % 4 else None
        A.create(site.store, STAFF, doc_id=doc_id, unit_id=unit.id, selector=sel,
                 body=" ".join(rng.sample(WORDS, 6)), tags=rng.sample(["PAW", "multitafsir", "usul-perubahan"], 1))
        made += 1
    return made


def _reanchor_rows(site, repeat: int) -> list[str]:
    from jdih.model import Unit
    from jdih.reanchor import reanchor_document

    store = site.store
    doc = store.get_document("uu-17-2014")
    units = store.units("uu-17-2014")
    changed = [Unit(**{**u.to_dict(), "text": f"Teks koreksi. {u.text}" if u.text else ""}) for u in units]
    save = timed(lambda: store.save_document(doc, source_sha256=None, fmt="md"), repeat)
    same = timed(lambda: reanchor_document(store, "uu-17-2014", units, units), repeat)
    moved = timed(lambda: (reanchor_document(store, "uu-17-2014", None, changed),
                           reanchor_document(store, "uu-17-2014", None, units)), repeat)
    base = median(save)
    return [
        f"| save_document (baseline) | {ms(base)} | {ms(p95(save))} | 1.00 |",
        f"| re-anchor, units unchanged | {ms(median(same))} | {ms(p95(same))} | {median(same) / base:.2f} |",
        f"| re-anchor, every text changed, and back | {ms(median(moved))} | {ms(p95(moved))} | "
        f"{median(moved) / base:.2f} |",
    ]


def _amendment_row(tmp: Path, repeat: int) -> str:
    from anchor_pairs import consolidated_uu_2_2008  # noqa: E402 (test helper: real text pair)

    from indexer.clean import clean
    from indexer.extract import extract
    from indexer.parse import parse_regulation
    from jdih.reanchor import reanchor_document

    site = _site(tmp, ["uu-2-2008-partai-politik.md"])
    _annotate(site, "uu-2-2008", 60, random.Random(7))
    old = site.store.units("uu-2-2008")
    new = parse_regulation(clean(extract(consolidated_uu_2_2008().encode(), "uu-2-2008.md").lines)).units
    runs = timed(lambda: (reanchor_document(site.store, "uu-2-2008", old, new),
                          reanchor_document(site.store, "uu-2-2008", new, old)), repeat)
    return f"| re-anchor UU 2/2008 -> consolidated Pasal 2, and back (60 annotations) | {ms(median(runs))} | " \
           f"{ms(p95(runs))} | - |"


def _search_rows(site, repeat: int, extra: int) -> list[str]:
    """Search over the annotations plus ``extra`` more (bodies of real-looking words)."""
    from jdih import annotations as A
    from jdih import annotations_query as AQ

    store, rng = site.store, random.Random(3)
    units = [u.id for u in store.units("uu-17-2014") if u.kind == "ayat"]
    for _ in range(extra):
        A.create(store, STAFF, doc_id="uu-17-2014", unit_id=rng.choice(units), body=" ".join(rng.sample(WORDS, 8)))
    total = store.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    queries = ["klarifikasi pernyataan", "pengganti antarwaktu", "rujukan silang", "verifikasi"]
    match = [AQ.fts_query(q) for q in queries]
    fts = timed(lambda: [store.db.execute("SELECT annotation_id FROM annotation_fts WHERE annotation_fts MATCH ?",
                                          (m,)).fetchall() for m in match], repeat)
    like = timed(lambda: [store.db.execute("SELECT id FROM annotations WHERE " + " AND ".join(
        "body LIKE ?" for _ in q.split()), [f"%{w}%" for w in q.split()]).fetchall() for q in queries], repeat)
    pages = timed(lambda: [AQ.listing(store, STAFF, AQ.Query(text=q, limit=20)) for q in queries], repeat)
    base = median(like)
    return [f"| LIKE scan of {total} annotations, 4 queries (baseline) | {ms(base)} | {ms(p95(like))} | 1.00 |",
            f"| FTS5 MATCH (Indonesian analysis), same 4 queries | {ms(median(fts))} | {ms(p95(fts))} | "
            f"{median(fts) / base:.2f} |",
            f"| /anotasi search: 4 queries, 20 threads each with tags, links, replies | {ms(median(pages))} | "
            f"{ms(p95(pages))} | {median(pages) / base:.2f} |"]


def _reader_rows(site, repeat: int) -> list[str]:
    from webtest import TestApp

    from conftest import login  # tests/conftest.py: logs in through the real form
    from jdih import users
    from web.app import make_app

    users.add_user(site.store, "siti", "sandi-bench-panjang", "staf")
    public, staff = TestApp(make_app(site)), TestApp(make_app(site))
    login(staff, "siti", "sandi-bench-panjang")
    pub = timed(lambda: public.get("/dokumen/uu-17-2014"), repeat)
    own = timed(lambda: staff.get("/dokumen/uu-17-2014"), repeat)
    base = median(pub)
    return [f"| reader page, public (baseline) | {ms(base)} | {ms(p95(pub))} | 1.00 |",
            f"| reader page, staff with highlights and panel | {ms(median(own))} | {ms(p95(own))} | "
            f"{median(own) / base:.2f} |"]


def run(args) -> str:
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))  # real text pairs and the login helper live with the tests
    quick = getattr(args, "quick", False)
    n, repeat, extra = (60, 3, 300) if quick else (300, 7, 3000)
    rows = ["| operation | median | p95 | ratio to baseline |", "|---|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        site = _site(Path(tmp) / "a", ["uu-17-2014-md3.md"])
        made = _annotate(site, "uu-17-2014", n, random.Random(42))
        rows += _reanchor_rows(site, repeat)
        rows.append(_amendment_row(Path(tmp) / "b", repeat))
        rows += _reader_rows(site, repeat)
        rows += _search_rows(site, repeat * 3, extra)
        units = len(site.store.units("uu-17-2014"))
    head = f"UU 17/2014: {units} units, {made} annotations (a quarter on whole units). Repeats: {repeat}.\n\n"
    return head + "\n".join(rows)
