"""Public portal latency, in process (WebTest over WSGI, no network).

Two stores: the corpus's Markdown regulations (real text: UU 17/2014 is the
largest reader page, 1,400+ units), and a catalogue of N records copied from
their metadata (how home, browse, the feed and the sitemap grow with the
collection). Medians and p95 of repeated requests, with the ratio to
``/robots.txt`` measured in the same process (the cost of the app itself).
"""
from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from webtest import TestApp

from indexer.pipeline import Indexer
from jdih.settings import Settings
from jdih.site import Site
from web.app import make_app

from ._timing import median, ms, p95, timed

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAGES = ["/robots.txt", "/", "/dokumen", "/dokumen/uu-17-2014", "/dokumen/uu-17-2014/pasal_242",
         "/dokumen/uu-2-2008/pasal_2", "/api/dokumen/uu-17-2014", "/api/jdihn", "/sitemap.xml",
         "/sitemap/uu-17-2014.xml"]
CATALOG_PAGES = ["/robots.txt", "/", "/dokumen", "/dokumen?jenis=Undang-Undang&halaman=3", "/api/jdihn",
                 "/api/jdihn?page=2&limit=100", "/sitemap.xml", "/api/statistik"]


def table(app: TestApp, pages: list[str], repeat: int) -> str:
    base = None
    rows = ["| URL | median | p95 | × robots.txt |", "|---|---:|---:|---:|"]
    for url in pages:
        app.get(url)  # warm
        xs = timed(lambda: app.get(url), repeat)
        base = base or median(xs)
        rows.append(f"| `{url}` | {ms(median(xs))} | {ms(p95(xs))} | {median(xs) / base:.1f} |")
    return "\n".join(rows)


def corpus_site(root: Path) -> Site:
    site = Site.open(Settings.load(data=str(root)))
    files = sorted(CORPUS.glob("*.md"))
    list(Indexer(site.store, site.index).run([str(f) for f in files]))
    return site


def catalog(source: Site, root: Path, n: int) -> Site:
    """N published records made from the real ones (metadata only, one unit)."""
    site = Site.open(Settings.load(data=str(root)))
    docs = [source.store.get_document(d) for d in source.store.document_ids()]
    for i in range(n):
        doc = docs[i % len(docs)]
        copy = replace(doc, id=f"{doc.id}-salinan-{i}", nomor=f"{doc.nomor}.{i}", units=doc.units[:1], relations=[])
        site.store.save_document(copy, source_sha256=None, fmt="md")
    return site


def run(args) -> str:
    repeat = 5 if args.quick else 21
    n = 300 if args.quick else 2000
    with tempfile.TemporaryDirectory() as tmp:
        site = corpus_site(Path(tmp) / "korpus")
        out = [f"Corpus Markdown regulations ({site.store.count()} documents), {repeat} requests each:\n",
               table(TestApp(make_app(site)), PAGES, repeat)]
        big = catalog(site, Path(tmp) / "katalog", n)
        out += [f"\nCatalogue of {n} published records, {repeat} requests each:\n",
                table(TestApp(make_app(big)), CATALOG_PAGES, repeat)]
        site.store.close()
        big.store.close()
    return "\n".join(out)
