"""Search latency per query class, beside SQLite FTS5 on the same units and queries.

Two collections: the bundled corpus, and a generated one of at least 100,000
clause units built from the corpus texts (each regulation copied under a new
number with every copy's clauses thinned differently, so the vocabulary and
the length of clauses stay those of real regulations). Both are built once
into ``bench/.cache`` (gitignored) and rebuilt only when the corpus or the
index code changes.

Classes: ``term`` (words as staff type them), ``phrase`` (quoted phrases,
from rare to very common), ``citation`` ("uu 17/2014 pasal 242"), ``filtered``
(words with a jenis filter). Ours is a full ``Searcher.search`` (query
understanding, scoring of every matching clause, facets, ten results with
snippets); FTS5's is the same page: the ten best rows by ``bm25()`` with
``snippet()``, the number of matches and the matching documents per jenis.
Each query runs once to warm up, then ``REPEAT`` times; medians and p95 are
over all runs of a class.
"""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from dataclasses import replace
from pathlib import Path

from bench._timing import median, ms, p95

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
REPEAT = 5
TARGET_UNITS = 100_000
QUICK_UNITS = 20_000

QUERIES = {
    "term": ["calon terpilih mengundurkan diri", "PAW anggota DPRD kabupaten", "pengantian antar waktu",
             "DKPP", "apa yang dimaksud dengan DKPP", "wajib belajar", "syarat pendirian partai politik",
             "uang pesangon pemutusan hubungan kerja", "izin konstruksi reaktor nuklir", "pemilu",
             "kode etik penyelenggara pemilu", "hierarki peraturan perundang-undangan"],
    "phrase": ['"calon terpilih"', '"mengundurkan diri"', '"penggantian antarwaktu"', '"partai politik"',
               '"dewan perwakilan rakyat daerah"', '"pemutusan hubungan kerja"', '"yang dimaksud dengan"',
               '"tempat pemungutan suara"', '"sebagaimana dimaksud pada ayat"', '"komisi pemilihan umum"'],
    "citation": ["uu 17/2014 pasal 242", "UU Nomor 17 Tahun 2014 Pasal 242 ayat (1)", "pasal 5 ayat 2 uu 2/2008",
                 "pp 66 tahun 2010", "Pasal 405 ayat (1) huruf b UU 17/2014", "pasal 7 UU 10/2016",
                 "undang-undang nomor 15 tahun 2011 pasal 1 angka 22", "Pasal 1 angka 4"],
    "filtered": [("pemilu", "UU"), ("pendidikan", "PP"), ("anggota", "UU"), ("izin", "PP"),
                 ("partai politik", "UU"), ("akreditasi", "Permendikbud"), ("pajak daerah", "Perda"),
                 ("penggantian antarwaktu", "UU")],
}


def fingerprint(*paths: Path) -> str:
    h = hashlib.sha256()
    for base in paths:
        for p in sorted(base.rglob("*") if base.is_dir() else [base]):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(p.name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def index_code_key() -> str:
    """Changes when what is indexed changes (schema, entries, analysis, parser),
    not when search code around it is refactored."""
    import inspect

    from jdih import search
    h = hashlib.sha256()
    h.update(repr(sorted((n, type(f).__name__) for n, f in search.schema().items())).encode())
    for fn in (search.entries, search.indexable, search.unit_path, search.date_number, search.base_singkatan):
        h.update(inspect.getsource(fn).encode())
    data = ROOT / "jdih"
    h.update(fingerprint(data / "analysis.py", data / "definitions.py", data / "data" / "stopwords-id.txt",
                         ROOT / "indexer").encode())
    return h.hexdigest()[:8]


def _open(folder: Path):
    from jdih.settings import Settings
    from jdih.site import Site
    return Site.open(Settings.load(data=str(folder)))


def _fresh(folder: Path, key: str) -> bool:
    mark = folder / "fingerprint.json"
    return mark.exists() and json.loads(mark.read_text()).get("key") == key


def _mark(folder: Path, key: str, **info) -> None:
    (folder / "fingerprint.json").write_text(json.dumps({"key": key, **info}))


def corpus_site(code_key: str):
    """The bundled corpus, indexed (once)."""
    from indexer.pipeline import Indexer
    folder = CACHE / "corpus"
    key = fingerprint(ROOT / "corpus") + code_key
    if not _fresh(folder, key):
        shutil.rmtree(folder, ignore_errors=True)
        site = _open(folder)
        list(Indexer(site.store, site.index).run([str(ROOT / "corpus")]))
        _mark(folder, key)
    return _open(folder)


def thinned(doc, copy: int):
    """Copy ``copy`` of a document: a new number, each clause with ~10% of its
    words dropped (a different tenth in every copy)."""
    units = []
    for u in doc.units:
        rng = random.Random(f"{copy}:{doc.id}:{u.id}")
        words = u.text.split(" ")
        kept = [w for w in words if rng.random() > 0.1] if len(words) > 3 else words
        units.append(replace(u, text=" ".join(kept)))
    nomor = f"{doc.nomor}{copy:03d}" if doc.nomor else str(copy)
    from jdih.ids import doc_id
    return replace(doc, id=doc_id(doc.singkatan, nomor, doc.tahun), nomor=nomor, units=units)


def generated_site(source, target: int, code_key: str):
    """At least ``target`` index entries: the corpus plus thinned copies."""
    from jdih.baseline import Fts5
    from jdih.search import entries
    folder = CACHE / f"generated-{target}"
    key = fingerprint(ROOT / "corpus") + code_key + str(target)
    if _fresh(folder, key):
        return _open(folder), Fts5(folder / "fts5.sqlite3")
    shutil.rmtree(folder, ignore_errors=True)
    site = _open(folder)
    fts = Fts5(folder / "fts5.sqlite3")
    docs = [(source.store.get_document(r["id"]), r["public"]) for r in source.store.documents()]
    per_copy = sum(1 for d, _ in docs for _ in entries(d))
    copies = -(-target // per_copy)
    writer = site.index.ix.writer(limitmb=256)
    n = 0
    for copy in range(copies):
        for doc, public in docs:
            new = doc if copy == 0 else thinned(doc, copy)
            site.store.save_document(new, source_sha256=None, public=public)
            rows = []
            for e in entries(new, public):
                writer.add_document(**e)
                rows.append((e["key"], e["doc_id"], e["jenis"], e["tahun"],
                             (e["body"] if e["entry"] == "unit" else e["heading"]) or ""))
                n += 1
            fts.add(rows)
    writer.commit()
    _mark(folder, key, entries=n, copies=copies)
    return _open(folder), fts


def _time_class(site, fts, cls: str) -> tuple[list[float], list[float]]:
    ours, base = [], []
    for item in QUERIES[cls]:
        q, jenis = item if isinstance(item, tuple) else (item, "")

        def ours_call(q=q, jenis=jenis):
            return site.searcher.search(q, limit=10, jenis=jenis)

        def base_call(q=q, jenis=jenis):
            return fts.page(q, 10, jenis, phrase=(cls == "phrase"))
        ours_call(), base_call()
        for _ in range(REPEAT):
            t = time.perf_counter()
            ours_call()
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            base_call()
            base.append(time.perf_counter() - t)
    return ours, base


def table(name: str, site, fts) -> list[str]:
    rows = [f"### {name}: {site.index.doc_count()} entri indeks, {fts.count()} baris FTS5", "",
            "| kelas | JDIH median | JDIH p95 | FTS5 median | FTS5 p95 | rasio p95 |",
            "|---|---:|---:|---:|---:|---:|"]
    for cls in QUERIES:
        ours, base = _time_class(site, fts, cls)
        rows.append(f"| {cls} | {ms(median(ours))} | {ms(p95(ours))} | {ms(median(base))} | {ms(p95(base))} "
                    f"| {p95(ours) / p95(base):.2f}× |")
    return rows + [""]


def run(args) -> str:
    from jdih.baseline import Fts5
    code_key = index_code_key()
    started = time.perf_counter()
    site = corpus_site(code_key)
    fts = Fts5()
    fts.add_store(site.store)
    out = table("Korpus", site, fts)
    target = QUICK_UNITS if getattr(args, "quick", False) else TARGET_UNITS
    big, big_fts = generated_site(site, target, code_key)
    out += table(f"Korpus buatan (>= {target} unit)", big, big_fts)
    out.append(f"_(persiapan dan pengukuran: {time.perf_counter() - started:.0f} s; cache: {CACHE})_")
    return "\n".join(out)
