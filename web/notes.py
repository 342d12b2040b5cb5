"""Staff pages for evaluation notes (catatan evaluasi): internal documents.

- ``/catatan``: the notes, an upload form (Markdown, DOCX, HTML, PDF) and a
  link to write one in the browser (Markdown).
- ``/catatan/<id>``: the note with every citation linked to its clause, the
  annotation panel, and its sections' anchors (``#seksi_2``).
- ``/catatan/<id>/sunting``: edit a note written as Markdown; saving
  replaces it and re-anchors its annotations.
- ``/catatan/<id>/berkas``: the original file.

Reading a file is the indexer's work: the CLI plugs the reader into
``site.readers["catatan"]`` (web/ never imports indexer/).
"""
from __future__ import annotations

import re
from html import escape

import bottle
from bottle import Bottle, HTTPError, request, response

from jdih import notes
from jdih.audit import audit
from jdih.model import Tree
from jdih.site import Site

from .annotations_view import reader_view
from .auth import login_required
from .common import current_user, page

MAX_UPLOAD = 20 * 1024 * 1024
FORM_KEYS = ("judul", "nomor", "tanggal", "tag", "isi", "id")


def rich_paragraphs(text: str, marks: list[tuple[int, int, str]], links: list[dict]) -> str:
    """Paragraphs of a note section (``data-mulai`` as in the reader), citations as
    links and annotated spans as <mark>; both only wrap text, so offsets hold."""
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.strip():
            out.append(f'<p data-mulai="{start}">{_rich(line, start, marks, links)}</p>')
    return "".join(out)


def _rich(line: str, offset: int, marks, links) -> str:
    spans = [(s, e) for s, e, _ in marks] + [(l["start"], l["end"]) for l in links]
    cuts = sorted({0, len(line)} | {x - offset for s, e in spans for x in (s, e) if 0 < x - offset < len(line)})
    html = []
    for a, b in zip(cuts, cuts[1:]):
        seg = escape(line[a:b])
        ids = [i for s, e, i in marks if s - offset <= a and b <= e - offset]
        if ids:
            seg = f'<mark class="sorot" data-anotasi="{escape(" ".join(ids))}">{seg}</mark>'
        link = next((l for l in links if l["start"] - offset <= a and b <= l["end"] - offset), None)
        if link is not None:
            seg = _link(link, seg)
        html.append(seg)
    return "".join(html)


def _link(link: dict, inner: str) -> str:
    if not link["known"]:
        return f'<span class="rujukan rujukan-tidak-ada" title="Dokumen ini belum ada di koleksi">{inner}</span>'
    base = f"/dokumen/{link['doc_id']}" if link["public"] else f"/catatan/{link['doc_id']}"
    if link["target"]:
        href = f"{base}/{link['target']}" if link["public"] else f"{base}#{link['target']}"
    else:
        href = base
    title = "" if link["exact"] or not link["unit_id"] else \
        ' title="Bagian yang dirujuk tidak ada dalam naskah yang tersimpan; tautan menuju bagian terdekat"'
    cls = "rujukan" if link["exact"] or not link["unit_id"] else "rujukan rujukan-kurang"
    return f'<a class="{cls}" href="{escape(href)}"{title}>{inner}</a>'


def render_note(store, doc_id: str, tree: Tree, view) -> str:
    cited = notes.citations_in(store, doc_id)
    parts = []
    for u in tree.units:
        label = u.label or u.heading or ""
        prefix = label[:-len(u.heading)] if u.heading and label.endswith(u.heading) else ""
        heading = escape(prefix) + _rich(u.heading, 0, [], cited.get((u.id, "heading"), [])) if u.heading \
            else escape(label)
        text = rich_paragraphs(u.text, view.marks.get(u.id, []), cited.get((u.id, "text"), []))
        parts.append(f'<section class="seksi" id="{escape(u.id)}"><h2>{heading}</h2>'
                     f'<div class="teks" data-unit="{escape(u.id)}">{text}</div>{view.extra(u)}</section>')
    return "".join(parts)


def install(app: Bottle, site: Site) -> None:
    store = site.store

    def note_row(doc_id: str) -> dict:
        row = store.document_row(doc_id)
        if not notes.is_note(row):
            raise HTTPError(404, "Catatan tidak ditemukan.")
        return row

    @app.get("/catatan")
    @login_required()
    def note_list():
        return _list_page()

    def _list_page(error: str = "", message: str = "", status: int = 200):
        response.status = status
        return page(site, "catatan_daftar.tpl", title="Catatan Evaluasi", notes=notes.list_notes(store),
                    error=error, message=message or request.query.getunicode("pesan", ""),
                    can_upload="catatan" in site.readers)

    @app.get("/catatan/baru")
    @login_required()
    def write_form():
        return page(site, "catatan_tulis.tpl", title="Tulis catatan evaluasi", f={}, error="", editing=False)

    @app.post("/catatan")
    @login_required()
    def upload():
        f = {k: (request.forms.getunicode(k) or "").strip() for k in FORM_KEYS}
        reader = site.readers.get("catatan")
        if reader is None:
            return _list_page(error="Pembaca berkas catatan tidak terpasang di server ini.", status=503)
        upload = request.files.get("berkas")
        if upload is not None and upload.raw_filename:
            data = upload.file.read(MAX_UPLOAD + 1)
            filename = upload.raw_filename
        elif f["isi"]:
            data, filename = markdown_note(f).encode("utf-8"), f"{f['id'] or 'catatan'}.md"
        else:
            return _form_error(f, "Unggah berkas catatan atau tulis isinya.")
        if len(data) > MAX_UPLOAD:
            return _form_error(f, "Berkas terlalu besar (maks. 20 MB).")
        try:
            note = reader(data, filename, site.settings.int("max_pages"),
                          {k: f[k] for k in ("judul", "nomor", "tanggal", "tag", "id") if f[k]})
            counts = notes.save_note(store, site.index, note.doc, data=data, filename=filename, fmt=note.format,
                                     pages=note.pages)
        except notes.NoteError as exc:
            return _form_error(f, exc.pesan)
        audit(store, current_user()["name"], "catatan-simpan", f"dokumen:{note.doc.id}",
              {"berkas": filename, "jangkar": counts})
        bottle.redirect(f"/catatan/{note.doc.id}", 303)

    def _form_error(f: dict, message: str):
        if f.get("isi") or request.forms.get("tulis"):
            response.status = 400
            return page(site, "catatan_tulis.tpl", title="Tulis catatan evaluasi", f=f, error=message,
                        editing=bool(f.get("id")))
        return _list_page(error=message, status=400)

    @app.get("/catatan/<doc_id>")
    @login_required()
    def note_page(doc_id: str):
        row = note_row(doc_id)
        tree = Tree(store.units(doc_id))
        view = reader_view(site, doc_id, tree, dict(request.query.decode()), unit_links=True)
        return page(site, "catatan.tpl", title=row["judul"], doc=row, body=render_note(store, doc_id, tree, view),
                    anotasi=view, toc=[(u.id, u.label or u.heading) for u in tree.units])

    @app.get("/catatan/<doc_id>/sunting")
    @login_required()
    def edit_form(doc_id: str):
        row = note_row(doc_id)
        if row["format"] != "md":
            bottle.redirect("/catatan?pesan=" + bottle.html_quote(
                "Hanya catatan Markdown yang dapat disunting di browser; unggah berkas baru untuk menggantinya."), 303)
        raw = store.file_path(row["source_sha256"]).read_text(encoding="utf-8")
        f = {"id": doc_id, "judul": row["judul"], "nomor": row["nomor"], "tanggal": row["tanggal_penetapan"],
             "tag": row["subjek"], "isi": note_body(raw)}
        return page(site, "catatan_tulis.tpl", title="Sunting catatan", f=f, error="", editing=True)

    @app.get("/catatan/<doc_id>/berkas")
    @login_required()
    def original(doc_id: str):
        row = note_row(doc_id)
        info = store.file_info(row["source_sha256"])
        path = store.file_path(row["source_sha256"])
        return bottle.static_file(path.name, root=str(path.parent), download=info["filename"])


def markdown_note(f: dict) -> str:
    """A note written in the browser, as the Markdown file that is stored."""
    front = ["---", "tipe: Catatan Evaluasi"]
    for key in ("id", "nomor", "tanggal", "tag"):
        if f.get(key):
            front.append(f"{key}: {' '.join(f[key].split())}")
    front.append("---")
    title = " ".join((f.get("judul") or "Catatan Evaluasi").split())
    return "\n".join(front) + f"\n\n# {title}\n\n" + f.get("isi", "").replace("\r\n", "\n").strip() + "\n"


def note_body(markdown: str) -> str:
    """The body of a stored Markdown note, without front matter and title (for editing)."""
    text = re.sub(r"^---\s*\n.*?\n---\s*\n", "", markdown.replace("\r\n", "\n"), count=1, flags=re.S)
    return re.sub(r"^\s*#\s+[^\n]*\n", "", text, count=1).strip() + "\n"
