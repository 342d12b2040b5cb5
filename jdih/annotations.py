"""Annotations of clauses (DESIGN.md section 4), kept in the store.

An annotation is anchored to a document, a unit id and optionally a span of
the unit's text (``jdih.anchoring``); it has a body, tags, a kind, links to
other clauses and to evaluation notes, a visibility, an author, replies, a
status (terbuka / selesai) and an append-only history. Deleting sets
``deleted_at`` (SQLite refuses a real DELETE); restoring clears it.

Who sees what: ``publik`` everyone (on published documents only),
``internal`` all staff, ``pribadi`` only its author; a reply is never more
visible than its thread. Functions take the acting user as a dict
``{"id", "name", "role"}`` (None for the public; ``SYSTEM`` for the CLI and
re-anchoring, which see everything). Lists, filters and search are in
``annotations_query``; re-anchoring in ``reanchor``; export/import in ``annotations_io``.
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field

from . import analysis
from .anchoring import Anchor, Selector, TextView, make_selector, squash
from .crossrefs import parse_reference
from .ids import citation, unit_citation
from .model import Unit
from .store import Store, now

KINDS = {"catatan": "Catatan", "pertanyaan": "Pertanyaan", "usulan-perubahan": "Usulan perubahan",
         "rujukan": "Rujukan"}
VISIBILITIES = {"pribadi": "Pribadi", "internal": "Internal", "publik": "Publik"}
STATUSES = {"terbuka": "Terbuka", "selesai": "Selesai"}
ANCHOR_LABELS = {"utuh": "Utuh", "dipindah": "Dipindah", "teks_berubah": "Teks berubah", "yatim": "Yatim"}
STAFF_ROLES = ("admin", "staf")
SYSTEM = {"id": None, "name": "sistem", "role": "sistem"}
MAX_BODY = 20_000
MAX_TAGS = 20
# A tag: letters, digits, '-' and '_' (spaces become '-'): "PAW", "multitafsir",
# "usul-perubahan". Must not hold commas, quotes or markup.
TAG_RE = re.compile(r"^[\w-]{1,40}$")


class AnnotationError(Exception):
    """A refused request, with a message for staff (Bahasa Indonesia) and an HTTP status."""

    def __init__(self, pesan: str, status: int = 400):
        super().__init__(pesan)
        self.pesan = pesan
        self.status = status


@dataclass
class Annotation:
    id: str
    doc_id: str
    unit_id: str
    parent_id: str | None
    selector: Selector | None
    base_unit_id: str
    base_text: str
    base_version: str
    current: tuple[int | None, int | None, str | None]
    anchor_status: str
    anchor_note: str
    anchor_candidates: list[str]
    anchor_checked_at: str | None
    body: str
    kind: str
    visibility: str
    status: str
    author: str
    created_at: str
    updated_at: str
    deleted_at: str | None
    deleted_by: str | None
    tags: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    replies: list["Annotation"] = field(default_factory=list)

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.base_unit_id, self.base_text, self.selector)

    @property
    def quote(self) -> str:
        return self.selector.exact if self.selector else ""


def is_staff(actor: dict | None) -> bool:
    return bool(actor) and actor.get("role") in (*STAFF_ROLES, "sistem")


def _require_staff(actor: dict | None) -> None:
    if not is_staff(actor):
        raise AnnotationError("Perlu masuk sebagai staf.", 401)


def _may_manage(actor: dict, ann: Annotation) -> bool:
    return actor.get("role") in ("admin", "sistem") or actor.get("name") == ann.author


def visible_sql(actor: dict | None, alias: str = "a") -> tuple[str, list]:
    """SQL condition (and arguments) for the annotations ``actor`` may see."""
    if actor and actor.get("role") == "sistem":
        return "1", []
    if is_staff(actor):
        return f"({alias}.visibility != 'pribadi' OR {alias}.author = ?)", [actor["name"]]
    return (f"({alias}.visibility = 'publik' AND EXISTS (SELECT 1 FROM documents d WHERE d.id = {alias}.doc_id "
            f"AND d.public = 1))"), []


def _from_row(store: Store, row) -> Annotation:
    sel = None
    if row["quote_exact"] is not None:
        sel = Selector(row["quote_exact"], row["quote_prefix"] or "", row["quote_suffix"] or "",
                       row["pos_start"], row["pos_end"])
    ann = Annotation(
        id=row["id"], doc_id=row["doc_id"], unit_id=row["unit_id"], parent_id=row["parent_id"], selector=sel,
        base_unit_id=row["base_unit_id"], base_text=row["base_text"], base_version=row["base_version"],
        current=(row["cur_start"], row["cur_end"], row["cur_exact"]), anchor_status=row["anchor_status"],
        anchor_note=row["anchor_note"], anchor_candidates=json.loads(row["anchor_candidates"]),
        anchor_checked_at=row["anchor_checked_at"], body=row["body"], kind=row["kind"],
        visibility=row["visibility"], status=row["status"], author=row["author"], created_at=row["created_at"],
        updated_at=row["updated_at"], deleted_at=row["deleted_at"], deleted_by=row["deleted_by"])
    ann.tags = [r[0] for r in store.db.execute(
        "SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY tag COLLATE NOCASE", (ann.id,))]
    ann.links = [(r[0], r[1]) for r in store.db.execute(
        "SELECT target_doc, target_unit FROM annotation_links WHERE annotation_id = ? ORDER BY ord", (ann.id,))]
    return ann


def record(store: Store, ann_id: str, actor: dict | None, action: str, data: dict | None = None,
           at: str | None = None) -> None:
    """Append one entry to an annotation's history (the table refuses UPDATE and DELETE)."""
    store.db.execute("INSERT INTO annotation_history (annotation_id, at, actor, action, data) VALUES (?, ?, ?, ?, ?)",
                     (ann_id, at or now(), (actor or SYSTEM)["name"], action,
                      json.dumps(data or {}, ensure_ascii=False)))


def history(store: Store, actor: dict | None, ann_id: str) -> list[dict]:
    get(store, actor, ann_id, deleted=True)
    rows = store.db.execute("SELECT * FROM annotation_history WHERE annotation_id = ? ORDER BY id", (ann_id,))
    return [dict(r, data=json.loads(r["data"])) for r in rows]


# -- validation -----------------------------------------------------------------

def clean_tags(tags) -> list[str]:
    if isinstance(tags, str):
        tags = re.split(r"[,;\n]", tags)
    out: dict[str, str] = {}
    for t in tags or []:
        t = "-".join(str(t).strip().lstrip("#").split())
        if not t:
            continue
        if not TAG_RE.match(t):
            raise AnnotationError(f"Tag '{t[:40]}' tidak sah: gunakan huruf, angka, '-' atau '_' (maks. 40).")
        out.setdefault(t.lower(), t)
    if len(out) > MAX_TAGS:
        raise AnnotationError(f"Paling banyak {MAX_TAGS} tag.")
    return list(out.values())


def _check_fields(body: str | None = None, kind: str | None = None, visibility: str | None = None,
                  status: str | None = None) -> None:
    if body is not None:
        if not body.strip():
            raise AnnotationError("Isi anotasi tidak boleh kosong.")
        if len(body) > MAX_BODY:
            raise AnnotationError(f"Isi anotasi terlalu panjang (maks. {MAX_BODY} karakter).")
    if kind is not None and kind not in KINDS:
        raise AnnotationError("Jenis anotasi harus salah satu dari: " + ", ".join(KINDS) + ".")
    if visibility is not None and visibility not in VISIBILITIES:
        raise AnnotationError("Visibilitas harus pribadi, internal, atau publik.")
    if status is not None and status not in STATUSES:
        raise AnnotationError("Status harus terbuka atau selesai.")


def _links(store: Store, links) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(links, str):
        links = [x for x in re.split(r"[\n;]", links)]
    for ref in links or []:
        if isinstance(ref, dict):
            ref = f"{ref.get('doc_id', '')}#{ref.get('unit_id', '')}".rstrip("#")
        if not str(ref).strip():
            continue
        found = parse_reference(store, str(ref))
        if found is None:
            raise AnnotationError(f"Tautan '{str(ref)[:80]}' tidak dikenali: tulis id (mis. uu-17-2014#pasal_242) "
                                  "atau kutipan (mis. Pasal 242 UU 17/2014) dari dokumen yang ada.")
        if found not in out:
            out.append(found)
    return out


def unit_text(store: Store, doc_id: str, unit_id: str, whole: bool) -> str | None:
    """A unit's own text, or (whole) its full text with its parts, reading only
    that unit and the units under it (not the whole document)."""
    if not whole:
        row = store.db.execute("SELECT text FROM units WHERE doc_id = ? AND id = ?", (doc_id, unit_id)).fetchone()
        return row[0] if row else None
    rows = store.db.execute(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE doc_id = ? AND id = ? UNION ALL "
        "SELECT u.id FROM units u JOIN sub ON u.parent = sub.id WHERE u.doc_id = ?) "
        "SELECT u.* FROM units u JOIN sub ON u.id = sub.id WHERE u.doc_id = ? ORDER BY u.ord",
        (doc_id, unit_id, doc_id, doc_id)).fetchall()
    if not rows:
        return None
    units = [Unit(id=r["id"], kind=r["kind"], number=r["number"], label=r["label"], heading=r["heading"],
                  text=r["text"], parent=r["parent"]) for r in rows]
    return TextView(units).text(unit_id, True)


def span_selector(text: str, given: dict) -> Selector:
    """A validated selector on ``text`` from what the browser sent (start, end, exact)."""
    exact = str(given.get("exact") or "")
    try:
        start, end = int(given.get("start")), int(given.get("end"))
    except (TypeError, ValueError):
        start = end = -1
    if 0 <= start < end <= len(text) and (not exact or squash(text[start:end]) == squash(exact)):
        return make_selector(text, start, end)
    if exact.strip():
        hits = [m.start() for m in re.finditer(re.escape(exact), text)]
        if hits:
            best = min(hits, key=lambda i: abs(i - max(start, 0)))
            return make_selector(text, best, best + len(exact))
    raise AnnotationError("Teks yang dipilih tidak ditemukan pada unit ini; pilih ulang teksnya.")


# -- reading --------------------------------------------------------------------

def get(store: Store, actor: dict | None, ann_id: str, deleted: bool = False) -> Annotation:
    cond, args = visible_sql(actor)
    row = store.db.execute(f"SELECT a.* FROM annotations a WHERE a.id = ? AND {cond}", [ann_id, *args]).fetchone()
    if row is None or (row["deleted_at"] and not deleted):
        raise AnnotationError("Anotasi tidak ditemukan.", 404)
    ann = _from_row(store, row)
    if ann.parent_id:
        get(store, actor, ann.parent_id, deleted=True)  # a reply is visible only with its thread
    else:
        ann.replies = _replies(store, actor, [ann.id], deleted).get(ann.id, [])
    return ann


def _replies(store: Store, actor: dict | None, root_ids: list[str], deleted: bool = False) -> dict[str, list]:
    out: dict[str, list] = {}
    cond, args = visible_sql(actor)
    for i in range(0, len(root_ids), 500):
        chunk = root_ids[i:i + 500]
        marks = ",".join("?" for _ in chunk)
        rows = store.db.execute(
            f"SELECT a.* FROM annotations a WHERE a.parent_id IN ({marks}) AND {cond} "
            f"{'' if deleted else 'AND a.deleted_at IS NULL'} ORDER BY a.created_at, a.rowid", [*chunk, *args])
        for r in rows:
            out.setdefault(r["parent_id"], []).append(_from_row(store, r))
    return out


# -- full-text search (SQLite FTS5, same Indonesian analysis as the search index) --

def fts_terms(ann: Annotation, store: Store) -> str:
    row = store.document_row(ann.doc_id) or {}
    cite = citation(ann.unit_id, row.get("singkatan", ""), row.get("nomor", ""), row.get("tahun")) if row else ""
    text = " ".join([ann.body, ann.quote, " ".join(ann.tags), cite, KINDS.get(ann.kind, "")])
    terms = analysis.terms(text)
    # a hyphenated word ("usul-perubahan", "mengundurkan-diri") is one token; its parts are findable too
    parts = [p for t in terms if "-" in t for p in analysis.terms(t.replace("-", " "))]
    return " ".join(terms + parts)


def _index_text(store: Store, ann_id: str) -> None:
    row = store.db.execute("SELECT * FROM annotations WHERE id = ?", (ann_id,)).fetchone()
    ann = _from_row(store, row)
    store.db.execute("DELETE FROM annotation_fts WHERE annotation_id = ?", (ann_id,))
    store.db.execute("INSERT INTO annotation_fts (annotation_id, terms) VALUES (?, ?)", (ann_id, fts_terms(ann, store)))


def rebuild_search(store: Store) -> int:
    """Recompute every annotation's search terms (after the analysis changed)."""
    ids = [r[0] for r in store.db.execute("SELECT id FROM annotations")]
    with store.transaction():
        for ann_id in ids:
            _index_text(store, ann_id)
    return len(ids)


# -- changes --------------------------------------------------------------------

def new_id() -> str:
    return "an-" + uuid.uuid4().hex[:16]


def create(store: Store, actor: dict | None, *, doc_id: str, unit_id: str, body: str, selector: dict | None = None,
           tags=(), kind: str = "catatan", visibility: str = "internal", links=(), parent_id: str | None = None,
           ann_id: str | None = None) -> Annotation:
    _require_staff(actor)
    if parent_id:
        return reply(store, actor, parent_id, body, visibility=visibility, ann_id=ann_id)
    row = store.document_row(doc_id)
    if row is None:
        raise AnnotationError("Dokumen tidak ditemukan.", 404)
    text = unit_text(store, doc_id, unit_id, whole=not selector)
    if text is None:
        raise AnnotationError(f"{unit_citation(unit_id) or 'Unit'} tidak ada dalam dokumen ini.", 404)
    sel = span_selector(text, selector) if selector else None
    _check_fields(body, kind, visibility)
    if visibility == "publik" and not row["public"]:
        raise AnnotationError("Anotasi publik hanya dapat dibuat pada dokumen yang terbit.")
    tag_list, link_list = clean_tags(tags), _links(store, links)
    ann_id, stamp = ann_id or new_id(), now()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO annotations (id, doc_id, unit_id, base_unit_id, base_text, base_version, quote_exact, "
            "quote_prefix, quote_suffix, pos_start, pos_end, cur_start, cur_end, cur_exact, anchor_checked_at, body, "
            "kind, visibility, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?)",
            (ann_id, doc_id, unit_id, unit_id, text, row["source_sha256"] or "", *_sel_values(sel),
             *((sel.start, sel.end, sel.exact) if sel else (None, None, None)), stamp, body.strip(), kind,
             visibility, actor["name"], stamp, stamp))
        _write_tags_links(db, ann_id, tag_list, link_list)
        record(store, ann_id, actor, "buat", {"dokumen": doc_id, "unit": unit_id, "kutipan": sel.exact if sel else "",
                                              "isi": body.strip(), "tag": tag_list, "jenis": kind,
                                              "visibilitas": visibility}, at=stamp)
        _index_text(store, ann_id)
    return get(store, actor, ann_id)


def _sel_values(sel: Selector | None) -> tuple:
    if sel is None:
        return (None, None, None, None, None)
    return (sel.exact, sel.prefix, sel.suffix, sel.start, sel.end)


def _write_tags_links(db, ann_id: str, tag_list: list[str] | None, link_list: list[tuple[str, str]] | None) -> None:
    if tag_list is not None:
        db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (ann_id,))
        db.executemany("INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)", [(ann_id, t) for t in tag_list])
    if link_list is not None:
        db.execute("DELETE FROM annotation_links WHERE annotation_id = ?", (ann_id,))
        db.executemany("INSERT INTO annotation_links (annotation_id, ord, target_doc, target_unit) VALUES (?, ?, ?, ?)",
                       [(ann_id, i, d, u) for i, (d, u) in enumerate(link_list)])


VISIBILITY_RANK = {"pribadi": 0, "internal": 1, "publik": 2}


def reply(store: Store, actor: dict | None, parent_id: str, body: str, visibility: str | None = None,
          ann_id: str | None = None) -> Annotation:
    """A reply in a thread; it is never more visible than the thread (nested replies join the root)."""
    _require_staff(actor)
    parent = get(store, actor, parent_id)
    while parent.parent_id:
        parent = get(store, actor, parent.parent_id)
    visibility = visibility or parent.visibility
    _check_fields(body, None, visibility)
    if VISIBILITY_RANK[visibility] > VISIBILITY_RANK[parent.visibility]:
        visibility = parent.visibility
    ann_id, stamp = ann_id or new_id(), now()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO annotations (id, doc_id, unit_id, parent_id, base_unit_id, base_text, base_version, "
            "anchor_status, body, kind, visibility, author, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, 'catatan', ?, ?, ?, ?)",
            (ann_id, parent.doc_id, parent.unit_id, parent.id, parent.base_unit_id, parent.base_version,
             parent.anchor_status, body.strip(), visibility, actor["name"], stamp, stamp))
        record(store, ann_id, actor, "buat", {"balasan_untuk": parent.id, "isi": body.strip(),
                                              "visibilitas": visibility}, at=stamp)
        record(store, parent.id, actor, "balas", {"balasan": ann_id}, at=stamp)
        db.execute("UPDATE annotations SET updated_at = ? WHERE id = ?", (stamp, parent.id))
        _index_text(store, ann_id)
    return get(store, actor, ann_id)


EDITABLE = ("body", "tags", "kind", "visibility", "links")


def update(store: Store, actor: dict | None, ann_id: str, changes: dict) -> Annotation:
    """Change body, tags, kind, visibility, links (author or admin) or status (any staff who sees it)."""
    _require_staff(actor)
    ann = get(store, actor, ann_id)
    unknown = set(changes) - {*EDITABLE, "status"}
    if unknown:
        raise AnnotationError("Kolom tidak dapat diubah: " + ", ".join(sorted(unknown)) + ".")
    if set(changes) & set(EDITABLE) and not _may_manage(actor, ann):
        raise AnnotationError("Hanya penulis anotasi atau admin yang dapat mengubahnya.", 403)
    _check_fields(changes.get("body"), changes.get("kind") if not ann.parent_id else None,
                  changes.get("visibility"), changes.get("status"))
    new: dict = {}
    if "tags" in changes:
        new["tags"] = clean_tags(changes["tags"])
    if "links" in changes:
        new["links"] = _links(store, changes["links"])
    for key in ("body", "kind", "visibility", "status"):
        if key in changes and changes[key] is not None:
            new[key] = changes[key].strip() if key == "body" else changes[key]
    if new.get("visibility") == "publik" and not (store.document_row(ann.doc_id) or {}).get("public"):
        raise AnnotationError("Anotasi publik hanya dapat dibuat pada dokumen yang terbit.")
    diff = {k: [_plain(getattr(ann, k)), _plain(v)] for k, v in new.items() if _plain(getattr(ann, k)) != _plain(v)}
    if not diff:
        return ann
    stamp = now()
    with store.transaction() as db:
        cols = {k: v for k, v in new.items() if k in ("body", "kind", "visibility", "status") and k in diff}
        if cols:
            db.execute(f"UPDATE annotations SET {', '.join(f'{k} = ?' for k in cols)}, updated_at = ? WHERE id = ?",
                       [*cols.values(), stamp, ann_id])
        else:
            db.execute("UPDATE annotations SET updated_at = ? WHERE id = ?", (stamp, ann_id))
        _write_tags_links(db, ann_id, new.get("tags") if "tags" in diff else None,
                          new.get("links") if "links" in diff else None)
        if "visibility" in diff and not ann.parent_id:
            _narrow_replies(db, ann_id, new["visibility"])
        action = "status" if set(diff) == {"status"} else "ubah"
        record(store, ann_id, actor, action, {k: {"dari": a, "menjadi": b} for k, (a, b) in diff.items()}, at=stamp)
        _index_text(store, ann_id)
    return get(store, actor, ann_id)


def _plain(value):
    if isinstance(value, list):
        return [list(v) if isinstance(v, tuple) else v for v in value]
    return value


def _narrow_replies(db, root_id: str, visibility: str) -> None:
    allowed = [v for v, r in VISIBILITY_RANK.items() if r > VISIBILITY_RANK[visibility]]
    if allowed:
        db.execute(f"UPDATE annotations SET visibility = ? WHERE parent_id = ? AND visibility IN "
                   f"({','.join('?' for _ in allowed)})", [visibility, root_id, *allowed])


def delete(store: Store, actor: dict | None, ann_id: str) -> Annotation:
    _require_staff(actor)
    ann = get(store, actor, ann_id)
    if not _may_manage(actor, ann):
        raise AnnotationError("Hanya penulis anotasi atau admin yang dapat menghapusnya.", 403)
    stamp = now()
    with store.transaction() as db:
        db.execute("UPDATE annotations SET deleted_at = ?, deleted_by = ?, updated_at = ? WHERE id = ?",
                   (stamp, actor["name"], stamp, ann_id))
        record(store, ann_id, actor, "hapus", {}, at=stamp)
    return get(store, actor, ann_id, deleted=True)


def restore(store: Store, actor: dict | None, ann_id: str) -> Annotation:
    _require_staff(actor)
    ann = get(store, actor, ann_id, deleted=True)
    if not ann.deleted_at:
        raise AnnotationError("Anotasi ini tidak sedang dihapus.")
    if not _may_manage(actor, ann):
        raise AnnotationError("Hanya penulis anotasi atau admin yang dapat memulihkannya.", 403)
    stamp = now()
    with store.transaction() as db:
        db.execute("UPDATE annotations SET deleted_at = NULL, deleted_by = NULL, updated_at = ? WHERE id = ?",
                   (stamp, ann_id))
        record(store, ann_id, actor, "pulihkan", {}, at=stamp)
    return get(store, actor, ann_id)
