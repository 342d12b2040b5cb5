"""The store: SQLite in JDIH_DATA, the single source of truth.

Documents, their units (the parse tree, flat with parent ids), relations,
attachments (abstracts, metadata records, separately filed lampiran), the
original files by sha256 and the history of ingests. The search index is
derived from this and can be rebuilt at any time.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .model import DOC_FIELDS, Document, Unit

# Named migrations, applied once each in this order and recorded in
# ``schema_migrations``. Add new ones at the end with a new name; never edit
# one that has shipped.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001-foundation", """
    CREATE TABLE files (
        sha256 TEXT PRIMARY KEY,
        filename TEXT NOT NULL,
        size INTEGER NOT NULL,
        format TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        tipe TEXT NOT NULL DEFAULT '', jenis TEXT NOT NULL DEFAULT '', singkatan TEXT NOT NULL DEFAULT '',
        nomor TEXT NOT NULL DEFAULT '', tahun INTEGER, judul TEXT NOT NULL DEFAULT '',
        tentang TEXT NOT NULL DEFAULT '', teu_badan TEXT NOT NULL DEFAULT '',
        tempat_penetapan TEXT NOT NULL DEFAULT '', tanggal_penetapan TEXT NOT NULL DEFAULT '',
        tanggal_pengundangan TEXT NOT NULL DEFAULT '', sumber TEXT NOT NULL DEFAULT '',
        subjek TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'Berlaku',
        bahasa TEXT NOT NULL DEFAULT 'Indonesia', bidang_hukum TEXT NOT NULL DEFAULT '',
        penandatangan TEXT NOT NULL DEFAULT '', pemrakarsa TEXT NOT NULL DEFAULT '',
        wilayah TEXT NOT NULL DEFAULT '',
        source_sha256 TEXT REFERENCES files(sha256),
        format TEXT NOT NULL DEFAULT '', pages INTEGER NOT NULL DEFAULT 0,
        ocr_pages TEXT NOT NULL DEFAULT '[]', warnings TEXT NOT NULL DEFAULT '[]',
        public INTEGER NOT NULL DEFAULT 1,
        abstrak TEXT NOT NULL DEFAULT '',
        parser_version TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        views INTEGER NOT NULL DEFAULT 0, downloads INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_cite ON documents (tahun, nomor);
    CREATE TABLE units (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL, number TEXT NOT NULL DEFAULT '', label TEXT NOT NULL DEFAULT '',
        heading TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '', parent TEXT,
        pages TEXT NOT NULL DEFAULT '[]', ocr INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL DEFAULT 'main',
        PRIMARY KEY (doc_id, id)
    );
    CREATE INDEX units_id ON units (id);
    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        from_doc TEXT NOT NULL, kind TEXT NOT NULL, to_doc TEXT NOT NULL DEFAULT '',
        to_ref TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT 'teks', note TEXT NOT NULL DEFAULT '',
        UNIQUE (from_doc, kind, to_doc, to_ref)
    );
    CREATE TABLE attachments (
        doc_id TEXT NOT NULL, role TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES files(sha256),
        filename TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', data TEXT NOT NULL DEFAULT '{}',
        added_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, role, sha256)
    );
    CREATE TABLE ingests (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL, sha256 TEXT, status TEXT NOT NULL, doc_id TEXT, role TEXT,
        error TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '', at TEXT NOT NULL
    );
    CREATE INDEX ingests_sha ON ingests (sha256);
    """),
    ("0002-users", """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'staf')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL
    );
    CREATE TABLE login_failures (
        key TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX login_failures_key ON login_failures (key, at);
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_target ON audit_log (target);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
    """),
    # Staff corrections of extracted metadata (jdih/editing.py): re-applied
    # whenever the indexer saves the document again, so a re-parse never
    # undoes them. Relations staff reject keep their row with origin
    # 'ditolak' (a tombstone the UNIQUE key keeps the parser from re-adding).
    ("0006-portal-metadata-overrides", """
    CREATE TABLE metadata_overrides (
        doc_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
        extracted TEXT NOT NULL DEFAULT '',
        actor TEXT NOT NULL DEFAULT '', at TEXT NOT NULL,
        PRIMARY KEY (doc_id, field)
    );
    """),
    ("0005-annotations", """
    CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        unit_id TEXT NOT NULL,
        parent_id TEXT REFERENCES annotations(id),
        base_unit_id TEXT NOT NULL,
        base_text TEXT NOT NULL DEFAULT '',
        base_version TEXT NOT NULL DEFAULT '',
        quote_exact TEXT, quote_prefix TEXT, quote_suffix TEXT, pos_start INTEGER, pos_end INTEGER,
        cur_start INTEGER, cur_end INTEGER, cur_exact TEXT,
        anchor_status TEXT NOT NULL DEFAULT 'utuh'
            CHECK (anchor_status IN ('utuh', 'dipindah', 'teks_berubah', 'yatim')),
        anchor_note TEXT NOT NULL DEFAULT '',
        anchor_candidates TEXT NOT NULL DEFAULT '[]',
        anchor_checked_at TEXT,
        body TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'catatan',
        visibility TEXT NOT NULL DEFAULT 'internal' CHECK (visibility IN ('pribadi', 'internal', 'publik')),
        status TEXT NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'selesai')),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        deleted_by TEXT
    );
    CREATE INDEX annotations_unit ON annotations (doc_id, unit_id);
    CREATE INDEX annotations_parent ON annotations (parent_id);
    CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations(id),
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (annotation_id, tag)
    );
    CREATE INDEX annotation_tags_tag ON annotation_tags (tag);
    CREATE TABLE annotation_links (
        annotation_id TEXT NOT NULL REFERENCES annotations(id),
        ord INTEGER NOT NULL,
        target_doc TEXT NOT NULL,
        target_unit TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (annotation_id, target_doc, target_unit)
    );
    CREATE INDEX annotation_links_target ON annotation_links (target_doc, target_unit);
    CREATE TABLE annotation_history (
        id INTEGER PRIMARY KEY,
        annotation_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX annotation_history_ann ON annotation_history (annotation_id, id);
    CREATE TRIGGER annotation_history_no_update BEFORE UPDATE ON annotation_history
        BEGIN SELECT RAISE(ABORT, 'annotation history is append-only'); END;
    CREATE TRIGGER annotation_history_no_delete BEFORE DELETE ON annotation_history
        BEGIN SELECT RAISE(ABORT, 'annotation history is append-only'); END;
    CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations
        BEGIN SELECT RAISE(ABORT, 'annotations are deleted reversibly (deleted_at), never removed'); END;
    CREATE VIRTUAL TABLE annotation_fts USING fts5(annotation_id UNINDEXED, terms, tokenize = 'unicode61')
    """),
    ("0005-catatan-evaluasi", """
    CREATE TABLE note_citations (
        note_id TEXT NOT NULL,
        note_unit TEXT NOT NULL,
        field TEXT NOT NULL DEFAULT 'text' CHECK (field IN ('text', 'heading')),
        ord INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        unit_id TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (note_id, note_unit, ord)
    );
    CREATE INDEX note_citations_target ON note_citations (doc_id, unit_id)
    """),
    # Ingestion (issue 7): the durable job queue, document version history,
    # and the index intents that make the derived index reconcilable after a crash.
    ("0007-ingest-jobs", """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        batch TEXT NOT NULL,
        source TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        filename TEXT NOT NULL,
        sha256 TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'queued',
        stage TEXT NOT NULL DEFAULT 'antri',
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT '',
        doc_id TEXT, role TEXT,
        error TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',
        publish INTEGER NOT NULL DEFAULT 1,
        attempts INTEGER NOT NULL DEFAULT 0,
        crashes INTEGER NOT NULL DEFAULT 0,
        worker TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, heartbeat_at TEXT
    );
    CREATE INDEX jobs_state ON jobs (state, id);
    CREATE INDEX jobs_batch ON jobs (batch, id);
    CREATE INDEX jobs_sha ON jobs (sha256);
    CREATE TABLE document_versions (
        doc_id TEXT NOT NULL, version INTEGER NOT NULL,
        source_sha256 TEXT, filename TEXT NOT NULL DEFAULT '', format TEXT NOT NULL DEFAULT '',
        pages INTEGER NOT NULL DEFAULT 0, parser_version TEXT NOT NULL DEFAULT '',
        meta TEXT NOT NULL DEFAULT '{}', units TEXT,
        created_at TEXT NOT NULL, replaced_at TEXT, reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (doc_id, version)
    );
    CREATE TABLE index_intents (
        doc_id TEXT PRIMARY KEY, at TEXT NOT NULL
    );
    """),
    # Issue 3: amendment effects of an amending act's instructions, and the
    # cross-references of every clause (spans in the unit text, resolved ids).
    ("0007-parse-effects-and-references", """
    CREATE TABLE effects (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        instruction TEXT NOT NULL,
        ord INTEGER NOT NULL,
        action TEXT NOT NULL,
        target_doc TEXT NOT NULL DEFAULT '',
        target TEXT NOT NULL DEFAULT '',
        target_unit TEXT NOT NULL DEFAULT '',
        new_unit TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX effects_doc ON effects (doc_id);
    CREATE INDEX effects_target ON effects (target_doc, target_unit);
    CREATE TABLE refs (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        unit_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        target_doc TEXT NOT NULL DEFAULT '',
        target_unit TEXT NOT NULL DEFAULT '',
        resolved INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX refs_doc ON refs (doc_id, unit_id);
    CREATE INDEX refs_target ON refs (target_doc);
    """),
    # The status a regulation had before a repeal in the store made it "Tidak
    # Berlaku", so withdrawing the repealing regulation can give it back.
    ("0008-status-before-repeal", """
    CREATE TABLE status_before_repeal (
        doc_id TEXT PRIMARY KEY,
        status TEXT NOT NULL
    );
    """),
]

DOC_COLUMNS = [f for f in DOC_FIELDS]


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Store:
    """One SQLite database and a folder of original files, both under ``root``."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.files_dir = self.root / "berkas"
        self.path = self.root / "jdih.sqlite3"
        self._local = threading.local()
        self._migrate()

    # -- connection -------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work. Re-entrant: a transaction opened inside
        another joins it, so several store calls can commit together (the
        ingest worker stores a whole document and its job in one commit)."""
        db = self.db
        if db.in_transaction:
            yield db
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            db.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        done = {r[0] for r in self.db.execute("SELECT name FROM schema_migrations")}
        for name, script in MIGRATIONS:
            if name in done:
                continue
            with self.transaction() as db:
                for statement in _statements(script):
                    db.execute(statement)
                db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (name, now()))

    # -- files ------------------------------------------------------------
    def file_path(self, digest: str) -> Path:
        return self.files_dir / digest[:2] / digest

    def put_file(self, data: bytes, filename: str, fmt: str = "") -> str:
        """Store an original file by content; returns its sha256."""
        digest = sha256(data)
        path = self.file_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        self.db.execute(
            "INSERT INTO files (sha256, filename, size, format, added_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(sha256) DO UPDATE SET format = CASE WHEN excluded.format != '' "
            "THEN excluded.format ELSE files.format END",
            (digest, os.path.basename(filename), len(data), fmt, now()))
        return digest

    def file_info(self, digest: str) -> dict | None:
        row = self.db.execute("SELECT * FROM files WHERE sha256 = ?", (digest,)).fetchone()
        return dict(row) if row else None

    # -- documents --------------------------------------------------------
    def save_document(self, doc: Document, *, source_sha256: str | None, fmt: str = "", pages: int = 0,
                      ocr_pages: list[int] | None = None, parser_version: str = "",
                      public: bool | None = None) -> None:
        """Insert or replace a document and its own units (not those of attachments)."""
        stamp = now()
        values = {k: getattr(doc, k) for k in DOC_COLUMNS}
        with self.transaction() as db:
            old = db.execute("SELECT created_at, public FROM documents WHERE id = ?", (doc.id,)).fetchone()
            values.update(source_sha256=source_sha256, format=fmt, pages=pages,
                          ocr_pages=json.dumps(ocr_pages or []), warnings=json.dumps(doc.warnings),
                          parser_version=parser_version, updated_at=stamp,
                          created_at=old["created_at"] if old else stamp,
                          public=int(public if public is not None else (old["public"] if old else 1)))
            cols = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            updates = ", ".join(f"{k} = excluded.{k}" for k in values if k not in ("id", "created_at"))
            db.execute(f"INSERT INTO documents ({cols}) VALUES ({marks}) "
                       f"ON CONFLICT(id) DO UPDATE SET {updates}", list(values.values()))
            db.execute("DELETE FROM units WHERE doc_id = ? AND source = 'main'", (doc.id,))
            db.execute("DELETE FROM status_before_repeal WHERE doc_id = ?", (doc.id,))  # the parse says anew
            self._insert_units(db, doc.id, doc.units, "main")
            self._apply_overrides(db, doc.id)

    def _apply_overrides(self, db: sqlite3.Connection, doc_id: str) -> None:
        """Staff corrections win over what the indexer extracted; the value
        extracted now is kept beside each correction (to show and restore)."""
        doc = db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        for row in db.execute("SELECT field, value FROM metadata_overrides WHERE doc_id = ?", (doc_id,)).fetchall():
            field = row["field"]
            if doc is None or field not in DOC_COLUMNS or field == "id":
                continue
            extracted = "" if doc[field] is None else str(doc[field])
            if extracted != row["value"]:
                db.execute("UPDATE metadata_overrides SET extracted = ? WHERE doc_id = ? AND field = ?",
                           (extracted, doc_id, field))
            value = int(row["value"]) if field == "tahun" and row["value"].isdigit() else row["value"]
            db.execute(f"UPDATE documents SET {field} = ? WHERE id = ?", (value, doc_id))

    def _insert_units(self, db: sqlite3.Connection, doc_id: str, units: list[Unit], source: str,
                      start: int = 0) -> None:
        db.executemany(
            "INSERT INTO units (doc_id, id, ord, kind, number, label, heading, text, parent, pages, ocr, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, u.id, start + i, u.kind, u.number, u.label, u.heading, u.text, u.parent,
              json.dumps(u.pages), int(u.ocr), source) for i, u in enumerate(units)])

    def document_row(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _doc_row(row) if row else None

    def get_document(self, doc_id: str) -> Document | None:
        row = self.document_row(doc_id)
        if row is None:
            return None
        doc = Document(**{k: row[k] for k in DOC_COLUMNS})
        doc.warnings = row["warnings"]
        doc.units = self.units(doc_id)
        doc.relations = self.relations(doc_id)
        return doc

    def units(self, doc_id: str) -> list[Unit]:
        rows = self.db.execute("SELECT * FROM units WHERE doc_id = ? ORDER BY ord", (doc_id,)).fetchall()
        return [Unit(id=r["id"], kind=r["kind"], number=r["number"], label=r["label"], heading=r["heading"],
                     text=r["text"], parent=r["parent"], pages=json.loads(r["pages"]), ocr=bool(r["ocr"]))
                for r in rows]

    def documents(self, public_only: bool = False) -> list[dict]:
        sql = "SELECT * FROM documents"
        if public_only:
            sql += " WHERE public = 1"
        sql += " ORDER BY tahun DESC, id"
        return [_doc_row(r) for r in self.db.execute(sql)]

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def delete_document(self, doc_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM units WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def find_documents(self, singkatan: list[str], nomor: str, tahun: int | None) -> list[dict]:
        """Documents cited as '{singkatan} {nomor}/{tahun}'; a base short form
        ('Perda') matches qualified ones ('Perda Kab. Banjarnegara')."""
        sql = "SELECT * FROM documents WHERE (" + " OR ".join(
            "lower(singkatan) = ? OR lower(singkatan) LIKE ?" for _ in singkatan) + ")"
        args: list = []
        for s in singkatan:
            args += [s.lower(), s.lower() + " %"]
        rows = [_doc_row(r) for r in self.db.execute(sql, args)]
        return [r for r in rows if _nomor_key(r["nomor"], r["tahun"]) == _nomor_key(nomor, tahun)
                and (tahun is None or r["tahun"] == tahun)]

    def documents_with_unit(self, unit_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM units WHERE id = ? ORDER BY doc_id", (unit_id,))]

    def document_for_file(self, digest: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE source_sha256 = ?", (digest,)).fetchone()
        if row:
            return row[0]
        row = self.db.execute("SELECT doc_id FROM attachments WHERE sha256 = ?", (digest,)).fetchone()
        return row[0] if row else None

    def count(self, public_only: bool = False) -> int:
        sql = "SELECT count(*) FROM documents" + (" WHERE public = 1" if public_only else "")
        return self.db.execute(sql).fetchone()[0]

    def bump(self, doc_id: str, counter: str) -> None:
        if counter not in ("views", "downloads"):
            raise ValueError(counter)
        self.db.execute(f"UPDATE documents SET {counter} = {counter} + 1 WHERE id = ?", (doc_id,))

    # -- relations --------------------------------------------------------
    def relations(self, doc_id: str) -> list[dict]:
        rows = self.db.execute("SELECT * FROM relations WHERE (from_doc = ? OR to_doc = ?) AND origin != 'ditolak' "
                               "ORDER BY id", (doc_id, doc_id))
        return [dict(r) for r in rows]

    def replace_text_relations(self, doc_id: str, relations: list[dict]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM relations WHERE from_doc = ? AND origin = 'teks'", (doc_id,))
            for r in relations:
                db.execute("INSERT OR IGNORE INTO relations (from_doc, kind, to_doc, to_ref, origin, note) "
                           "VALUES (?, ?, ?, ?, 'teks', ?)",
                           (doc_id, r["kind"], r.get("to_doc", ""), r.get("to_ref", ""), r.get("note", "")))

    # -- attachments ------------------------------------------------------
    def put_attachment(self, doc_id: str, role: str, digest: str, filename: str, text: str = "",
                       data: dict | None = None) -> None:
        self.db.execute(
            "INSERT INTO attachments (doc_id, role, sha256, filename, text, data, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(doc_id, role, sha256) DO UPDATE SET "
            "filename = excluded.filename, text = excluded.text, data = excluded.data",
            (doc_id, role, digest, os.path.basename(filename), text, json.dumps(data or {}), now()))

    def resolve_cite(self, cite: dict) -> str:
        """The document an attachment belongs to: the stored regulation it cites
        when there is exactly one, else a provisional id from the citation
        (claimed later by ``claim_attachments`` when the regulation arrives)."""
        from .ids import doc_id as make_id
        base = (cite.get("singkatan") or "").split(" ")[0]
        found = self.find_documents([base], cite.get("nomor", ""), cite.get("tahun"))
        wilayah = _region_key(cite.get("wilayah", ""))
        if wilayah:
            found = [d for d in found if wilayah in _region_key(d["singkatan"])] or found
        if len(found) == 1:
            return found[0]["id"]
        return make_id(cite.get("singkatan", ""), cite.get("nomor", ""), cite.get("tahun"))

    def claim_attachments(self, doc: Document) -> list[dict]:
        """Attachments filed before their regulation, now claimed by it; returns
        all attachments of the document."""
        base = doc.singkatan.split(" ")[0].lower()
        key = _nomor_key(doc.nomor, doc.tahun)
        region = _region_key(doc.singkatan)
        known = set(self.document_ids())
        for row in self.db.execute("SELECT doc_id, role, sha256, data FROM attachments").fetchall():
            if row["doc_id"] in known or row["doc_id"] == doc.id:
                continue
            cite = json.loads(row["data"]).get("cite", {})
            if ((cite.get("singkatan") or "").split(" ")[0].lower() == base
                    and _nomor_key(cite.get("nomor", ""), cite.get("tahun")) == key
                    and cite.get("tahun") == doc.tahun
                    and (not cite.get("wilayah") or _region_key(cite["wilayah"]) in region)):
                self.db.execute("UPDATE OR REPLACE attachments SET doc_id = ? WHERE doc_id = ? AND role = ? "
                                "AND sha256 = ?", (doc.id, row["doc_id"], row["role"], row["sha256"]))
        return self.attachments(doc.id)

    def materialize_attachment_units(self, doc_id: str) -> None:
        """Copy the units of separately filed Lampiran into the document's units."""
        if self.document_row(doc_id) is None:
            return
        with self.transaction() as db:
            db.execute("DELETE FROM units WHERE doc_id = ? AND source != 'main'", (doc_id,))
            taken = {r[0] for r in db.execute("SELECT id FROM units WHERE doc_id = ?", (doc_id,))}
            start = 100000
            for att in self.attachments(doc_id):
                units = [Unit.from_dict(u) for u in att["data"].get("units", [])]
                for u in units:
                    while u.id in taken:
                        u.id = f"{u.id}_berkas"
                    taken.add(u.id)
                self._insert_units(db, doc_id, units, att["sha256"], start=start)
                start += len(units)

    def update_metadata(self, doc_id: str, fields: dict) -> None:
        allowed = {k: v for k, v in fields.items() if k in DOC_COLUMNS and k != "id"}
        if not allowed:
            return
        sets = ", ".join(f"{k} = ?" for k in allowed)
        with self.transaction() as db:
            db.execute(f"UPDATE documents SET {sets}, updated_at = ? WHERE id = ?", [*allowed.values(), now(), doc_id])
            self._apply_overrides(db, doc_id)

    def attachments(self, doc_id: str) -> list[dict]:
        rows = self.db.execute("SELECT * FROM attachments WHERE doc_id = ? ORDER BY role, added_at", (doc_id,))
        out = []
        for r in rows:
            d = dict(r)
            d["data"] = json.loads(d["data"])
            out.append(d)
        return out


    # -- ingest history ---------------------------------------------------
    def record_ingest(self, path: str, digest: str | None, status: str, doc_id: str | None = None,
                      role: str | None = None, error: str = "", detail: str = "") -> None:
        self.db.execute("INSERT INTO ingests (path, sha256, status, doc_id, role, error, detail, at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (path, digest, status, doc_id, role, error, detail, now()))

    def last_ingest(self, digest: str) -> dict | None:
        row = self.db.execute("SELECT * FROM ingests WHERE sha256 = ? AND status != 'unchanged' "
                              "ORDER BY id DESC LIMIT 1", (digest,)).fetchone()
        return dict(row) if row else None


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements; a trigger's BEGIN ... END holds
    semicolons of its own, so chunks are joined until SQLite sees a whole statement."""
    buf = ""
    for chunk in script.split(";"):
        buf += chunk + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                yield buf
            buf = ""
    if buf.strip(" \n;"):
        yield buf


def _doc_row(row: sqlite3.Row) -> dict:
    d = dict(row)
    d["ocr_pages"] = json.loads(d["ocr_pages"])
    d["warnings"] = json.loads(d["warnings"])
    d["public"] = bool(d["public"])
    return d


def _region_key(text: str) -> str:
    from .ids import slug
    return slug(text.replace("Kab.", "").replace("Kabupaten", "").replace("Kota", "").replace("Provinsi", ""))


def _nomor_key(nomor: str, tahun: int | None) -> str:
    from .ids import nomor_for_id, slug
    return slug(nomor_for_id(nomor or "", tahun)).lstrip("0") or "0"
