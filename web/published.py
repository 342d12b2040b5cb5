"""What the public side of the site may show, and its absolute address.

One gate for every public route: a document that does not exist, is not
published, or is an internal evaluation note answers the same 404 with the
same words, so the answer never tells that something internal exists.
"""
from __future__ import annotations

from bottle import HTTPError, request

from jdih.record import is_published
from jdih.site import Site
from jdih.store import Store

from .common import current_user

NOT_FOUND = "Dokumen tidak ditemukan."


def public_row(store: Store, doc_id: str) -> dict:
    row = store.document_row(doc_id)
    if not is_published(row):
        raise HTTPError(404, NOT_FOUND)
    return row


def readable_row(store: Store, doc_id: str) -> dict:
    """For the reader pages: staff (logged in) also read unpublished documents."""
    row = store.document_row(doc_id)
    if row is None or (current_user() is None and not is_published(row)):
        raise HTTPError(404, NOT_FOUND)
    return row


def base_url(site: Site) -> str:
    """JDIH_BASE_URL, or the scheme and host the request came to."""
    configured = (site.settings.get("base_url") or "").strip().rstrip("/")
    if configured:
        return configured
    parts = request.urlparts
    return f"{parts.scheme}://{parts.netloc}"
