"""How machines find the public site: ``/sitemap.xml`` (an index of one
sitemap of documents and one per document of its clause pages),
``/robots.txt`` and the OpenSearch description ``/opensearch.xml`` that lets a
browser add the site's search. Published documents only."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from bottle import Bottle, HTTPResponse

from jdih.record import published
from jdih.site import Site

from .published import base_url, public_row

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The clause pages a sitemap lists: the units the reader gives a permalink.
PERMALINK_KINDS = ("pasal", "ayat", "diktum")
MAX_URLS = 50000  # per sitemap file (sitemaps.org)


def xml_response(body: str, content_type: str = "application/xml") -> HTTPResponse:
    return HTTPResponse('<?xml version="1.0" encoding="UTF-8"?>\n' + body,
                        headers={"Content-Type": f"{content_type}; charset=utf-8"})


def url_entry(loc: str, lastmod: str = "") -> str:
    mod = f"<lastmod>{escape(lastmod[:10])}</lastmod>" if lastmod else ""
    return f"<url><loc>{escape(loc)}</loc>{mod}</url>"


def short_name(site_name: str) -> str:
    """OpenSearch ShortName: at most 16 characters."""
    if len(site_name) <= 16:
        return site_name
    out = ""
    for word in site_name.split():
        if len(out) + len(word) + 1 > 16:
            break
        out = f"{out} {word}".strip()
    return out or site_name[:16]


def install(app: Bottle, site: Site) -> None:
    store = site.store

    @app.get("/sitemap.xml")
    def sitemap_index():
        base = base_url(site)
        docs = published(store)
        entries = [f"<sitemap><loc>{escape(base)}/sitemap/dokumen.xml</loc></sitemap>"]
        entries += [f"<sitemap><loc>{escape(base)}/sitemap/{escape(d['id'])}.xml</loc>"
                    f"<lastmod>{escape(d['updated_at'][:10])}</lastmod></sitemap>" for d in docs]
        return xml_response(f'<sitemapindex xmlns="{SITEMAP_NS}">{"".join(entries)}</sitemapindex>')

    @app.get("/sitemap/dokumen.xml")
    def sitemap_documents():
        base = base_url(site)
        urls = [url_entry(f"{base}/"), url_entry(f"{base}/dokumen")]
        urls += [url_entry(f"{base}/dokumen/{d['id']}", d["updated_at"]) for d in published(store)]
        return xml_response(f'<urlset xmlns="{SITEMAP_NS}">{"".join(urls[:MAX_URLS])}</urlset>')

    @app.get("/sitemap/<doc_id>.xml")
    def sitemap_clauses(doc_id: str):
        row = public_row(store, doc_id)
        base = base_url(site)
        marks = ", ".join("?" for _ in PERMALINK_KINDS)
        ids = store.db.execute(f"SELECT id FROM units WHERE doc_id = ? AND kind IN ({marks}) ORDER BY ord",
                               (doc_id, *PERMALINK_KINDS)).fetchall()  # ids only: the text is not needed
        urls = [url_entry(f"{base}/dokumen/{doc_id}/{r[0]}", row["updated_at"]) for r in ids]
        return xml_response(f'<urlset xmlns="{SITEMAP_NS}">{"".join(urls[:MAX_URLS])}</urlset>')

    @app.get("/robots.txt")
    def robots():
        return HTTPResponse(f"User-agent: *\nDisallow: /staf/\nAllow: /\nSitemap: {base_url(site)}/sitemap.xml\n",
                            headers={"Content-Type": "text/plain; charset=utf-8"})

    @app.get("/opensearch.xml")
    def opensearch():
        base = base_url(site)
        name = site.settings.get("site_name", "JDIH")
        body = (
            '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">'
            f"<ShortName>{escape(short_name(name))}</ShortName>"
            f"<Description>{escape(f'Cari peraturan dan pasal di {name}')}</Description>"
            "<InputEncoding>UTF-8</InputEncoding><Language>id</Language>"
            f'<Url type="text/html" method="get" template={quoteattr(base + "/cari?q={searchTerms}")}/>'
            f'<Url type="application/json" rel="results" template={quoteattr(base + "/api/cari?q={searchTerms}")}/>'
            f'<Url type="application/opensearchdescription+xml" rel="self" template={quoteattr(base + "/opensearch.xml")}/>'
            "</OpenSearchDescription>")
        return xml_response(body, "application/opensearchdescription+xml")
