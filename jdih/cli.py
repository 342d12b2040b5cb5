"""The `jdih` command: a thin layer that parses arguments and calls the library.

The composition root: the only module that wires indexer and web together.
"""
from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
import time

from .settings import SETTINGS, Settings
from .site import Site


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=None))


def make_indexer(site: Site):
    """The ingest pipeline configured from the settings."""
    import os

    from indexer.ocr import options_from_settings
    from indexer.pipeline import Indexer, Limits

    limits = Limits(max_bytes=site.settings.int("max_bytes"), max_pages=site.settings.int("max_pages"),
                    max_seconds=float(site.settings["max_seconds"]), max_memory=site.settings.int("max_memory"),
                    ocr=options_from_settings(site.settings))
    processes = site.settings.int("workers") or os.cpu_count() or 2
    return Indexer(site.store, site.index, limits, processes=processes)


def _print_outcome(outcome, as_json: bool) -> None:
    if as_json:
        _print_json({k: outcome.to_json()[k] for k in ("path", "status", "doc_id", "error", "role")})
    elif outcome.status == "failed":
        print(f"GAGAL    {outcome.path}: {outcome.error}", file=sys.stderr)
    else:
        note = f" ({outcome.error})" if outcome.error else ""
        role = f" [{outcome.role}]" if outcome.role not in ("peraturan", "lainnya") else ""
        print(f"{outcome.status:<10}{outcome.doc_id or '-':<40}{outcome.path}{role}{note}")
    sys.stdout.flush()


def cmd_index(site: Site, args: argparse.Namespace) -> int:
    from indexer.pipeline import expand

    from .progress import ProgressBar

    if args.watch:
        return _watch(site, args)
    if not args.paths:
        print("Sebutkan berkas atau folder yang akan diindeks (atau --watch FOLDER).", file=sys.stderr)
        return 2
    indexer = make_indexer(site)
    counts: dict[str, int] = {}
    total = len(expand(args.paths))
    with ProgressBar(indexer.queue, total) as bar:
        for outcome in indexer.run(args.paths):
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            bar.clear()
            _print_outcome(outcome, args.json)
            bar.advance(outcome.pages)
    if not args.json:
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        print(f"Selesai: {summary or 'tidak ada berkas'}.", file=sys.stderr)
    return 1 if counts.get("failed") else 0


def _watch(site: Site, args: argparse.Namespace) -> int:
    from indexer.pipeline import Outcome
    from indexer.watch import Watcher
    from indexer.worker import Worker

    indexer = make_indexer(site)
    watcher = Watcher(indexer, args.watch)
    worker = Worker(indexer, processes=indexer.processes)
    interval = float(site.settings["watch_interval"])
    print(f"Memantau {watcher.folder} setiap {interval:g} detik (Ctrl+C untuk berhenti).", file=sys.stderr)
    mine: set[int] = set()
    scans, next_scan = 0, 0.0
    try:
        while not (args.once and scans >= 2 and not mine):
            if time.monotonic() >= next_scan:
                mine.update(watcher.scan())
                scans += 1
                next_scan = time.monotonic() + interval
            if worker.acquire():
                worker.step(0.3)
            else:
                time.sleep(0.3)
            for job_id in sorted(worker._finished(mine)):
                mine.discard(job_id)
                _print_outcome(Outcome.of(indexer.queue.get(job_id)), args.json)
    except KeyboardInterrupt:
        pass
    finally:
        worker.release()
    return 0


def cmd_worker(site: Site, args: argparse.Namespace) -> int:
    import signal
    import threading

    from indexer.worker import Worker

    indexer = make_indexer(site)
    worker = Worker(indexer, processes=indexer.processes)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if args.once:
        if not worker.acquire():
            print("Worker lain sedang berjalan pada folder data ini.", file=sys.stderr)
            return 2
        try:
            while indexer.queue.pending():
                for outcome in worker.step(0.3):
                    _print_outcome(outcome, args.json)
        finally:
            worker.release()
        return 0
    print(f"Worker berjalan dengan {worker.processes} proses (Ctrl+C untuk berhenti).", file=sys.stderr)
    try:
        worker.serve_forever(stop, on_outcome=lambda o: _print_outcome(o, args.json))
    except KeyboardInterrupt:
        pass
    return 0


def cmd_jobs(site: Site, args: argparse.Namespace) -> int:
    from .jobs import STATUS_LABELS, JobQueue

    jobs = JobQueue(site.store).recent(args.limit)
    if args.json:
        _print_json([j.to_json() for j in jobs])
        return 0
    for j in jobs:
        status = STATUS_LABELS.get(j.status, j.status) if j.state == "done" else j.stage_label
        print(f"{j.id:>6} {j.created_at} {status:<28} {j.doc_id or '-':<32} {j.filename}"
              + (f": {j.error}" if j.error else ""))
    return 0


def cmd_remove(site: Site, args: argparse.Namespace) -> int:
    indexer = make_indexer(site)
    code = 0
    for doc_id in args.doc_ids:
        if indexer.remove(doc_id):
            print(f"Dokumen {doc_id} dihapus dari koleksi (riwayat versinya disimpan).", file=sys.stderr)
        else:
            print(f"Dokumen '{doc_id}' tidak ditemukan.", file=sys.stderr)
            code = 2
    return code


def cmd_history(site: Site, args: argparse.Namespace) -> int:
    from .versions import history

    rows = history(site.store, args.doc_id)
    if not rows:
        print(f"Tidak ada riwayat untuk dokumen '{args.doc_id}'.", file=sys.stderr)
        return 2
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        state = f"diganti {r['replaced_at']} ({r['reason']})" if r["replaced_at"] else "versi berlaku"
        print(f"versi {r['version']:<3} {r['created_at']}  {r['filename'] or '-':<50} {state}")
    return 0


def cmd_search(site: Site, args: argparse.Namespace) -> int:
    from .query import explain

    result = site.searcher.search(args.query, limit=args.limit, page=args.page, public_only=not args.staf,
                                  jenis=args.jenis or "", tahun=args.tahun or "", status=args.status or "",
                                  tipe=args.tipe or "", sort=args.sort, group=args.group)
    if args.explain:
        result["explain"] = explain(site.searcher.understand(args.query, public_only=not args.staf))
    if args.json:
        _print_json(result)
        return 0
    if args.explain:
        for k, v in result["explain"].items():
            print(f"{k:>10}: {v}")
        print()
    for line in (result.get("notice"), result["suggestion"] and f"Maksud Anda: {result['suggestion']}"):
        if line:
            print(line)
    print(f"{result['total']} hasil untuk \"{args.query}\"")
    for hit in result["hits"]:
        cite = hit["unit"]["citation"] if hit["unit"] else hit["doc"]["judul"]
        print(f"- {cite}  [{hit['url']}]")
        text = re.sub(r"<mark[^>]*>", "[", hit["snippet"]).replace("</mark>", "]")
        print("  " + html.unescape(re.sub(r"<[^>]+>", "", text))[:300].replace("\n", " "))
    return 0


def cmd_eval(site: Site, args: argparse.Namespace) -> int:
    from .evaluation import evaluate, format_details, format_report, load, missing, to_json

    try:
        queries = load(args.queries)
    except (OSError, ValueError, KeyError) as exc:
        print(f"Berkas kueri uji tidak dapat dibaca: {exc}", file=sys.stderr)
        return 2
    if site.store.count() == 0:
        print("Store masih kosong; jalankan dulu: jdih index corpus", file=sys.stderr)
        return 2
    gone = missing(site.store, queries)
    for key in gone:
        print(f"PERINGATAN: klausul yang dinilai tidak ada di store: {key}", file=sys.stderr)
    report = evaluate(site.store, site.searcher, queries)
    if args.json:
        _print_json(dict(to_json(report), missing=gone))
        return 0
    print(f"{len(queries)} kueri yang dinilai; mesin JDIH (di luar kurung) dan BM25 polos SQLite FTS5 (dalam kurung)")
    print(format_report(report))
    if args.detail:
        print()
        print(format_details(report))
    return 0


def cmd_show(site: Site, args: argparse.Namespace) -> int:
    doc = site.store.get_document(args.doc_id)
    if doc is None:
        print(f"Dokumen '{args.doc_id}' tidak ditemukan.", file=sys.stderr)
        return 2
    row = site.store.document_row(args.doc_id)
    meta = doc.meta()
    if args.json:
        units = [{k: u.to_dict()[k] for k in ("id", "kind", "number", "heading", "text", "parent", "pages",
                                              "label", "ocr")} for u in doc.units]
        _print_json({"doc": dict(meta, public=row["public"], format=row["format"], pages=row["pages"],
                                 warnings=row["warnings"]),
                     "units": units, "relations": doc.relations,
                     "attachments": [{k: a[k] for k in ("role", "filename", "sha256")}
                                     for a in site.store.attachments(doc.id)]})
        return 0
    for k, v in meta.items():
        if v not in ("", None):
            print(f"{k:>22}: {v}")
    kinds: dict[str, int] = {}
    for u in doc.units:
        kinds[u.kind] = kinds.get(u.kind, 0) + 1
    print(f"{'unit':>22}: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    for w in row["warnings"]:
        print(f"{'catatan':>22}: {w}")
    return 0


def cmd_check(site: Site, args: argparse.Namespace) -> int:
    from .check import check, markdown_table
    from .relations import unresolved_references

    from .notes import is_note

    ids = args.doc_ids or [d for d in site.store.document_ids() if not is_note(site.store.document_row(d))]
    reports = []
    for doc_id in ids:
        doc = site.store.get_document(doc_id)
        if doc is None:
            print(f"Dokumen '{doc_id}' tidak ditemukan.", file=sys.stderr)
            return 2
        row = site.store.document_row(doc_id)
        reports.append(check(doc, row["format"], row["ocr_pages"], unresolved_references(site.store, doc_id)))
    if args.json:
        _print_json([r.to_json() for r in reports])
    elif args.markdown:
        print(markdown_table(reports))
    else:
        for r in reports:
            status = "OK" if r.complete and r.clean else "PERIKSA"
            extra = f" dikutip={r.quoted_pasal}" if r.quoted_pasal else ""
            extra += f" lampiran={r.lampiran_pasal}" if r.lampiran_pasal else ""
            print(f"{status:<8}{r.doc_id:<40}{r.format:<5} pasal={r.pasal:<4} ayat={r.ayat:<5}"
                  f" ocr={len(r.ocr_pages)}{extra}")
            for a in r.anomalies():
                print(f"        - {a}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    """From a prompt (asked twice) on a terminal, else the first line of stdin."""
    import getpass

    if sys.stdin.isatty():
        first = getpass.getpass("Kata sandi: ")
        if getpass.getpass("Ulangi kata sandi: ") != first:
            raise SystemExit("Kata sandi tidak sama.")
        return first
    return sys.stdin.readline().rstrip("\n")


def cmd_user(site: Site, args: argparse.Namespace) -> int:
    from . import users
    from .audit import audit

    store = site.store
    try:
        if args.action == "add":
            user = users.add_user(store, args.name, _read_password(args), args.role)
            audit(store, "cli", "pengguna-tambah", f"pengguna:{user.name}", {"peran": user.role})
            print(f"Pengguna {user.name} ({user.role}) ditambahkan.", file=sys.stderr)
        elif args.action == "list":
            for u in users.list_users(store):
                print(f"{u.name:<24}{u.role:<8}{'aktif' if u.active else 'nonaktif'}")
        else:
            user = users.find_user(store, args.name or "")
            if user is None:
                print(f"Pengguna '{args.name}' tidak ditemukan.", file=sys.stderr)
                return 2
            if args.action == "passwd":
                users.update_user(store, user.id, password=_read_password(args))
                audit(store, "cli", "pengguna-ubah", f"pengguna:{user.name}", {"sandi": "diganti"})
            else:
                users.update_user(store, user.id, active=(args.action == "enable"))
                audit(store, "cli", "pengguna-ubah", f"pengguna:{user.name}", {"aktif": args.action == "enable"})
            print(f"Pengguna {user.name} diperbarui.", file=sys.stderr)
    except users.UserError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


def cmd_anotasi(site: Site, args: argparse.Namespace) -> int:
    """Annotations from the command line: check anchors, export, import, list (sees everything)."""
    actions = {"periksa": _anotasi_periksa, "ekspor": _anotasi_ekspor, "impor": _anotasi_impor,
               "daftar": _anotasi_daftar}
    return actions[args.action](site, args)


def _anotasi_periksa(site: Site, args: argparse.Namespace) -> int:
    from . import annotations as A
    from . import annotations_query as AQ
    from .reanchor import reanchor_all, reanchor_document

    for doc_id in args.args:
        reanchor_document(site.store, doc_id)
    counts = AQ.counts_by_anchor(site.store) if args.args else reanchor_all(site.store)
    print(", ".join(f"{A.ANCHOR_LABELS[k].lower()}: {v}" for k, v in counts.items()))
    for status in ("dipindah", "teks_berubah", "yatim"):
        for t in AQ.listing(site.store, A.SYSTEM, AQ.Query(anchor=status, limit=10**6))[0]:
            print(f"{A.ANCHOR_LABELS[status]:<13}{t.id}  {t.doc_id}#{t.unit_id}  {t.anchor_note}")
    return 0


def _anotasi_ekspor(site: Site, args: argparse.Namespace) -> int:
    from . import annotations as A
    from . import annotations_io as io

    anns = io.select(site.store, A.SYSTEM, doc_id=args.dokumen or "", tag=args.tag or "", deleted=True)
    if args.format == "csv":
        text = io.to_csv(anns)
    else:
        text = json.dumps(io.to_jsonld(site.store, anns, site.settings.get("base_url", "")), ensure_ascii=False,
                          indent=1)
    if not args.output:
        sys.stdout.write(text)
        return 0
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    print(f"{len(anns)} utas anotasi diekspor ke {args.output}.", file=sys.stderr)
    return 0


def _anotasi_impor(site: Site, args: argparse.Namespace) -> int:
    from . import annotations_io as io
    from .audit import audit

    if not args.args:
        print("Sebutkan berkas yang diimpor.", file=sys.stderr)
        return 2
    failed = 0
    for path in args.args:
        fmt = args.format or ("csv" if path.lower().endswith(".csv") else "jsonld")
        try:
            with open(path, encoding="utf-8-sig") as fh:
                report = io.import_text(site.store, fh.read(), fmt)
        except (OSError, UnicodeDecodeError, io.ImportFormatError) as exc:
            print(f"GAGAL    {path}: {getattr(exc, 'pesan', exc)}", file=sys.stderr)
            failed += 1
            continue
        s = report.summary()
        audit(site.store, "cli", "anotasi-impor", "anotasi:*", dict(s, berkas=path))
        print(f"{path}: {s['diimpor']} diimpor, {s['dilewati']} sudah ada (dilewati), {len(report.errors)} galat")
        for err in report.errors:
            print(f"  galat: {err}", file=sys.stderr)
        failed += bool(report.errors)
    return 1 if failed else 0


def _anotasi_daftar(site: Site, args: argparse.Namespace) -> int:
    from . import annotations as A
    from . import annotations_query as AQ

    threads, total = AQ.listing(site.store, A.SYSTEM, AQ.Query(doc_id=args.dokumen or "", tag=args.tag or "",
                                                               text=args.q or "", limit=10**6))
    for t in threads:
        if args.json:
            _print_json({"id": t.id, "doc_id": t.doc_id, "unit_id": t.unit_id, "quote": t.quote, "body": t.body,
                         "tags": t.tags, "kind": t.kind, "visibility": t.visibility, "status": t.status,
                         "author": t.author, "anchor": t.anchor_status, "replies": len(t.replies)})
        else:
            print(f"{t.id}  {t.doc_id}#{t.unit_id}  [{t.visibility}, {t.status}, {t.anchor_status}] {t.author}: "
                  f"{t.body[:80]}")
    print(f"{total} utas anotasi.", file=sys.stderr)
    return 0


def cmd_catatan(site: Site, args: argparse.Namespace) -> int:
    """Evaluation notes: add files as notes (whatever their first lines say), list them."""
    from pathlib import Path

    from . import notes
    from .audit import audit

    if args.action == "daftar":
        for n in notes.list_notes(site.store):
            print(f"{n['id']:<52}{n['tanggal_penetapan']:<12}{n['sections']:>3} bagian {n['citations']:>3} rujukan  "
                  f"{n['judul']}")
        return 0
    failed = 0
    overrides = {k: v for k, v in (("judul", args.judul), ("nomor", args.nomor), ("tanggal", args.tanggal),
                                   ("tag", args.tag), ("id", args.id)) if v}
    for path in args.paths:
        try:
            data = Path(path).read_bytes()
            note = site.readers["catatan"](data, Path(path).name, site.settings.int("max_pages"), overrides)
            counts = notes.save_note(site.store, site.index, note.doc, data=data, filename=Path(path).name,
                                     fmt=note.format, pages=note.pages)
        except (OSError, notes.NoteError) as exc:
            print(f"GAGAL    {path}: {getattr(exc, 'pesan', exc)}", file=sys.stderr)
            failed += 1
            continue
        audit(site.store, "cli", "catatan-simpan", f"dokumen:{note.doc.id}", {"berkas": path, "jangkar": counts})
        moved = sum(v for k, v in counts.items() if k != "utuh")
        print(f"disimpan {note.doc.id:<52}{path}" + (f" ({moved} anotasi perlu diperiksa)" if moved else ""))
    return 1 if failed else 0


def cmd_reindex(site: Site, args: argparse.Namespace) -> int:
    """The new index replaces the old one only once complete; a running
    server keeps answering, and its worker may go on indexing meanwhile."""
    n = site.rebuild_index()
    print(f"Indeks dibangun ulang dari store: {site.store.count()} dokumen, {n} entri.", file=sys.stderr)
    return 0


def cmd_serve(site: Site, args: argparse.Namespace) -> int:
    import waitress

    from web.app import make_app

    app = make_app(site)
    host, port = site.settings["host"], site.settings.int("port")
    if site.settings["serve_worker"] == "1":
        _background_worker(site)
    print(f"JDIH berjalan di http://{host}:{port}/ (Ctrl+C untuk berhenti)", file=sys.stderr)
    waitress.serve(app, host=host, port=port, threads=site.settings.int("threads"), ident="jdih")
    return 0


def _background_worker(site: Site) -> None:
    """Process the job queue in a thread of the server (uploads are indexed
    while the site serves); extraction itself runs in separate processes."""
    import threading

    from indexer.worker import Worker

    worker = Worker(make_indexer(site))
    stop = threading.Event()
    threading.Thread(target=worker.serve_forever, args=(stop,), name="jdih-worker", daemon=True).start()


def plug_readers(site: Site) -> None:
    """Give the web app the indexer's note reader (web/ never imports indexer/)."""
    def read_note(data: bytes, filename: str, max_pages: int | None = None, overrides: dict | None = None):
        from indexer.errors import IngestError
        from indexer.notes import read_note as read

        from .notes import NoteError
        try:
            return read(data, filename, max_pages, overrides)
        except IngestError as exc:
            raise NoteError(exc.pesan) from exc
    site.readers["catatan"] = read_note


def build_parser() -> argparse.ArgumentParser:
    settings_help = "\n".join(f"  {s.env:<16} {s.help} (default: {s.default or 'kosong'})" for s in SETTINGS)
    p = argparse.ArgumentParser(prog="jdih", description="JDIH: search Indonesian regulations by clause.",
                                epilog="settings (environment):\n" + settings_help,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", help="data folder (default: $JDIH_DATA or ./var)")
    p.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("index", help="index files or folders into the store and the search index")
    s.add_argument("paths", nargs="*")
    s.add_argument("--json", action="store_true", help="one JSON object per file")
    s.add_argument("--watch", metavar="DIR", help="keep watching an inbox folder and index what arrives")
    s.add_argument("--once", action="store_true", help="with --watch: stop once the folder is indexed")
    s.set_defaults(func=cmd_index)

    s = sub.add_parser("worker", help="process the ingest job queue (uploads, watched folders)")
    s.add_argument("--once", action="store_true", help="stop when the queue is empty")
    s.add_argument("--json", action="store_true", help="one JSON object per finished job")
    s.set_defaults(func=cmd_worker)

    s = sub.add_parser("jobs", help="recent ingest jobs: stage, outcome, message")
    s.add_argument("--limit", type=int, default=30)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_jobs)

    s = sub.add_parser("remove", help="withdraw documents (their version history is kept)")
    s.add_argument("doc_ids", nargs="+")
    s.set_defaults(func=cmd_remove)

    s = sub.add_parser("history", help="the versions of a document")
    s.add_argument("doc_id")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_history)

    s = sub.add_parser("search", help="search clauses")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--page", type=int, default=1)
    s.add_argument("--jenis", help="filter: base short form, e.g. UU, PP, Perda")
    s.add_argument("--tahun", help="filter: year")
    s.add_argument("--status", help="filter: Berlaku / Tidak Berlaku")
    s.add_argument("--tipe", help="filter: tipe dokumen")
    s.add_argument("--sort", choices=("relevansi", "tanggal"), default="relevansi", help="order of results")
    s.add_argument("--group", action="store_true", help="group results by document (pages of documents)")
    s.add_argument("--staf", action="store_true", help="include unpublished documents")
    s.add_argument("--explain", action="store_true", help="show how the query was understood")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("eval", help="relevance of the judged query set: ours beside a plain FTS5 BM25 baseline")
    s.add_argument("--queries", help="judged query file (default: jdih/data/eval/queries.json)")
    s.add_argument("--detail", action="store_true", help="one line per query")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("show", help="show a document's metadata and units")
    s.add_argument("doc_id")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("check", help="parse report: Pasal numbering and anomalies per document")
    s.add_argument("doc_ids", nargs="*")
    s.add_argument("--json", action="store_true")
    s.add_argument("--markdown", action="store_true", help="a Markdown table (for the README)")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("user", help="staff accounts: add, list, passwd, disable, enable")
    s.add_argument("action", choices=["add", "list", "passwd", "disable", "enable"])
    s.add_argument("name", nargs="?")
    s.add_argument("--role", choices=["admin", "staf"], default="staf")
    s.set_defaults(func=cmd_user)

    s = sub.add_parser("anotasi", help="annotations: periksa (re-anchor and report), ekspor, impor, daftar")
    s.add_argument("action", choices=["periksa", "ekspor", "impor", "daftar"])
    s.add_argument("args", nargs="*", help="periksa: document ids; impor: files")
    s.add_argument("--format", choices=["jsonld", "csv"], help="ekspor/impor: W3C JSON-LD (default) or CSV")
    s.add_argument("--dokumen", help="ekspor/daftar: one document")
    s.add_argument("--tag", help="ekspor/daftar: one tag")
    s.add_argument("--q", help="daftar: full-text search")
    s.add_argument("--output", "-o", help="ekspor: write to this file instead of stdout")
    s.add_argument("--json", action="store_true", help="daftar: one JSON object per thread")
    s.set_defaults(func=cmd_anotasi)

    s = sub.add_parser("catatan", help="evaluation notes: tambah FILE... (md, docx, html, pdf), daftar")
    s.add_argument("action", choices=["tambah", "daftar"])
    s.add_argument("paths", nargs="*")
    for opt in ("judul", "nomor", "tanggal", "tag", "id"):
        s.add_argument(f"--{opt}", help=f"tambah: the note's {opt} (overrides the file)")
    s.set_defaults(func=cmd_catatan)

    s = sub.add_parser("reindex", help="rebuild the search index from the store")
    s.set_defaults(func=cmd_reindex)

    s = sub.add_parser("serve", help="serve the web application")
    s.add_argument("--host")
    s.add_argument("--port")
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    overrides = {"data": args.data}
    if args.command == "serve":
        overrides.update(host=args.host, port=args.port)
    site = Site.open(Settings.load(**overrides))
    plug_readers(site)
    try:
        return args.func(site, args)
    finally:
        site.store.close()


if __name__ == "__main__":
    sys.exit(main())
