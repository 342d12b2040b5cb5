"""Staff uploads: one or many files in, a job each, progress on the page, then
the metadata form (pre-filled from what the parser read) to correct and publish.

- ``/staf/unggah``: the upload form and the latest jobs;
- ``/staf/unggah/<batch>``: the jobs of one upload, their stage ("mengekstrak
  teks halaman 12/80", "OCR", "mengurai struktur", "terindeks", "gagal" with
  the reason); refreshes itself while work remains (no JavaScript needed);
  ``/api/staf/unggah/<batch>`` is its JSON twin;
- ``/staf/dokumen/<doc_id>/versi``: the document's version history, and
  withdrawing it (``/staf/dokumen/<doc_id>/hapus``).

Uploaded documents are indexed unpublished (staff can search them at once);
each finished job links to the staff record editor (``web/editor.py``), where
the metadata read from the file is corrected and "Terbitkan" publishes it. Files are queued in
the store (``jdih.jobs``); the worker of ``jdih serve`` or ``jdih worker``
processes them. This module never imports the indexer.
"""
from __future__ import annotations

import re

import bottle
from bottle import Bottle, HTTPError, request

from jdih import versions
from jdih.audit import audit
from jdih.jobs import STATUS_LABELS, JobQueue, new_batch
from jdih.site import Site

from .auth import login_required
from .common import current_user, json_response, page

BATCH_RE = re.compile(r"^[a-z0-9-]{1,40}$")  # new_batch() ids; not "../x" nor spaces
# bottle keeps multipart parts smaller than MEMFILE_MAX in memory and refuses
# a request whose in-memory parts add up to more ("Memory limit reached"):
# its 100 KB default fails an upload of a few small regulations. Larger parts
# go to temporary files, so this bounds memory per request at about 16 MB.
UPLOAD_MEMORY = 16 * 1024 * 1024


def _read_upload(upload, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of an uploaded file (enough to tell it is too large)."""
    upload.file.seek(0)
    return upload.file.read(limit + 1)


def install(app: Bottle, site: Site) -> None:
    store, index = site.store, site.index
    queue = JobQueue(store)
    bottle.BaseRequest.MEMFILE_MAX = max(bottle.BaseRequest.MEMFILE_MAX, UPLOAD_MEMORY)
    max_bytes = site.settings.int("max_bytes")
    max_files = int(site.settings.get("max_upload_files", "50"))

    def render_form(error: str = "", status: int = 200):
        bottle.response.status = status
        return page(site, "uploads.tpl", title="Unggah dokumen", jobs=queue.recent(30), error=error,
                    max_bytes=max_bytes, max_files=max_files, labels=STATUS_LABELS)

    @app.get("/staf/unggah")
    @login_required()
    def upload_form():
        return render_form()

    @app.post("/staf/unggah")
    @login_required()
    def upload():
        files = [f for f in request.files.getall("berkas") if f.raw_filename]
        if not files:
            return render_form("Pilih sedikitnya satu berkas.", 400)
        if len(files) > max_files:
            return render_form(f"Terlalu banyak berkas sekaligus ({len(files)}; batas {max_files}).", 400)
        user = current_user()
        batch = new_batch()
        for f in files:
            data = _read_upload(f, max_bytes)
            queue.submit(data, f.raw_filename, source="upload", max_bytes=max_bytes, batch=batch,
                         publish=False, created_by=user["name"])
        audit(store, user["name"], "unggah", f"unggahan:{batch}", {"berkas": len(files)})
        bottle.redirect(f"/staf/unggah/{batch}", 303)

    def batch_jobs(batch: str):
        if not BATCH_RE.match(batch):
            raise HTTPError(404, "Unggahan tidak ditemukan.")
        jobs = queue.batch(batch)
        if not jobs:
            raise HTTPError(404, "Unggahan tidak ditemukan.")
        return jobs

    @app.get("/staf/unggah/<batch>")
    @login_required()
    def batch_page(batch: str):
        jobs = batch_jobs(batch)
        working = any(j.state != "done" for j in jobs)
        return page(site, "upload_batch.tpl", title="Status unggahan", jobs=jobs, working=working,
                    labels=STATUS_LABELS)

    @app.get("/api/staf/unggah/<batch>")
    @login_required()
    def batch_json(batch: str):
        jobs = batch_jobs(batch)
        keys = ("id", "filename", "state", "stage", "stage_label", "done", "total", "status", "doc_id", "role",
                "error")
        return json_response({"batch": batch, "jobs": [{k: j.to_json()[k] for k in keys} for j in jobs]})

    def staff_doc(doc_id: str) -> dict:
        row = store.document_row(doc_id)
        if row is None:
            raise HTTPError(404, "Dokumen tidak ditemukan.")
        return row

    @app.get("/staf/dokumen/<doc_id>/versi")
    @login_required()
    def history(doc_id: str):
        row = staff_doc(doc_id)
        return page(site, "versions.tpl", title=f"Riwayat versi {doc_id}", doc=row,
                    history=versions.history(store, doc_id))

    @app.post("/staf/dokumen/<doc_id>/hapus")
    @login_required()
    def withdraw(doc_id: str):
        staff_doc(doc_id)
        user = current_user()
        versions.withdraw(store, index, doc_id)
        audit(store, user["name"], "dokumen-hapus", f"dokumen:{doc_id}")
        bottle.redirect("/staf/unggah", 303)
