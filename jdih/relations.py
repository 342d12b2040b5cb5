"""Relations, amendment effects and cross-references in the store, seen from both sides.

A relation is stored once, from the regulation whose text states it (A
"mencabut" B); both A's and B's pages show it, B's with the passive label of
DOMAIN.md §4 ("Dicabut dengan"). Targets are document ids computed from the
citation, so a relation to a regulation not (yet) in the store is kept and
resolves when that regulation arrives. A regulation repealed by one present in
the store is "Tidak Berlaku".
"""
from __future__ import annotations

from .ids import short_citation, unit_citation
from .jenis import JENIS
from .store import Store, now

REPEALS = ("mencabut",)
ACTION_LABELS = {"ubah": "diubah", "sisip": "disisipkan", "hapus": "dihapus", "cabut": "dicabut"}


def save_extras(store: Store, doc_id: str, relations: list[dict], effects: list[dict],
                references: list[dict]) -> list[str]:
    """Replace what the text of ``doc_id`` says: relations, effects,
    references. Returns the documents whose validity changed."""
    store.replace_text_relations(doc_id, relations)
    with store.transaction() as db:
        db.execute("DELETE FROM effects WHERE doc_id = ?", (doc_id,))
        db.executemany(
            "INSERT INTO effects (doc_id, instruction, ord, action, target_doc, target, target_unit, new_unit, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, e["instruction"], i, e["action"], e.get("target_doc", ""), e["target"], e["target_unit"],
              e.get("new_unit", ""), e.get("text", "")) for i, e in enumerate(effects)])
        db.execute("DELETE FROM refs WHERE doc_id = ?", (doc_id,))
        db.executemany(
            "INSERT INTO refs (doc_id, unit_id, start, end, text, target_doc, target_unit, resolved, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, r["unit_id"], r["start"], r["end"], r["text"], r.get("target_doc", ""),
              r.get("target_unit", ""), int(bool(r.get("resolved"))), r.get("reason", "")) for r in references])
    return update_validity(store, doc_id)


def update_validity(store: Store, doc_id: str) -> list[str]:
    """Regulations repealed by a regulation present in the store are 'Tidak
    Berlaku': those ``doc_id`` repeals, and ``doc_id`` itself when its
    repealer is already here."""
    rows = store.db.execute(
        "SELECT to_doc FROM relations WHERE kind IN ({}) AND from_doc = ? AND origin != 'ditolak' "
        "UNION SELECT to_doc FROM relations r WHERE kind IN ({}) AND to_doc = ? AND origin != 'ditolak' "
        "AND EXISTS (SELECT 1 FROM documents d WHERE d.id = r.from_doc)".format(
            ",".join("?" * len(REPEALS)), ",".join("?" * len(REPEALS))),
        (*REPEALS, doc_id, *REPEALS, doc_id)).fetchall()
    changed = []
    for (target,) in rows:
        row = store.db.execute("SELECT status FROM documents WHERE id = ?", (target,)).fetchone()
        if row is None or row["status"] == "Tidak Berlaku":
            continue
        store.db.execute("INSERT OR REPLACE INTO status_before_repeal (doc_id, status) VALUES (?, ?)",
                         (target, row["status"] or ""))
        store.db.execute("UPDATE documents SET status = 'Tidak Berlaku', updated_at = ? WHERE id = ?",
                         (now(), target))
        changed.append(target)
    return changed


def repealed_by(store: Store, doc_id: str) -> list[str]:
    """Regulations the text of ``doc_id`` repeals."""
    return [r[0] for r in store.db.execute(
        "SELECT DISTINCT to_doc FROM relations WHERE from_doc = ? AND kind IN ({}) AND origin != 'ditolak' "
        "AND to_doc != ''".format(",".join("?" * len(REPEALS))), (doc_id, *REPEALS))]


def restore_validity(store: Store, doc_ids) -> list[str]:
    """Regulations among ``doc_ids`` that no regulation in the store repeals any
    more get back the status they had before the repeal (a staff correction of
    the status still wins). Returns the documents whose status changed."""
    changed = []
    for target in dict.fromkeys(doc_ids):
        before = store.db.execute("SELECT status FROM status_before_repeal WHERE doc_id = ?", (target,)).fetchone()
        if before is None:
            continue
        still = store.db.execute(
            "SELECT 1 FROM relations r JOIN documents d ON d.id = r.from_doc WHERE r.to_doc = ? "
            "AND r.kind IN ({}) AND r.origin != 'ditolak' AND r.from_doc != r.to_doc".format(
                ",".join("?" * len(REPEALS))), (target, *REPEALS)).fetchone()
        if still:
            continue
        with store.transaction() as db:
            db.execute("DELETE FROM status_before_repeal WHERE doc_id = ?", (target,))
            db.execute("UPDATE documents SET status = ?, updated_at = ? WHERE id = ?",
                       (before["status"], now(), target))
            store._apply_overrides(db, target)
        changed.append(target)
    return changed


def label_from_id(doc_id: str) -> str:
    """A short citation for a regulation known only by its id:
    'uu-31-2002' -> 'UU 31/2002', 'pergub-bali-29-2019' -> 'Pergub Bali 29/2019'."""
    if doc_id == "uud-1945":
        return "UUD 1945"
    parts = doc_id.split("-")
    if len(parts) < 3 or not (parts[-1].isdigit() and len(parts[-1]) == 4):
        return doc_id
    short = {j.singkatan.lower(): j.singkatan for j in JENIS}
    head = short.get(parts[0], parts[0].capitalize())
    qual = " ".join(p.upper() if len(p) <= 3 and p not in ("kab",) else p.capitalize() for p in parts[1:-2])
    return f"{head} {qual + ' ' if qual else ''}{parts[-2]}/{parts[-1]}"


def doc_label(store: Store, doc_id: str) -> dict:
    row = store.document_row(doc_id)
    if row is None:
        return {"id": doc_id, "present": False, "public": False, "citation": label_from_id(doc_id), "judul": ""}
    return {"id": doc_id, "present": True, "public": row["public"],
            "citation": short_citation(row["singkatan"], row["nomor"], row["tahun"]), "judul": row["judul"],
            "status": row["status"]}


def effects_of(store: Store, doc_id: str) -> list[dict]:
    """The effects an amending act makes, in order."""
    rows = store.db.execute("SELECT * FROM effects WHERE doc_id = ? ORDER BY ord", (doc_id,)).fetchall()
    return [dict(r) for r in rows]


def effects_on(store: Store, doc_id: str, public_only: bool = True) -> dict[str, list[dict]]:
    """What other regulations in the store do to the units of ``doc_id``:
    target unit id -> [{action, by (doc label), instruction, new_unit, text}]."""
    rows = store.db.execute(
        "SELECT e.*, d.public FROM effects e JOIN documents d ON d.id = e.doc_id WHERE e.target_doc = ? "
        "ORDER BY d.tanggal_penetapan, d.tahun, e.doc_id, e.ord", (doc_id,)).fetchall()
    out: dict[str, list[dict]] = {}
    for r in rows:
        if public_only and not r["public"]:
            continue
        by = doc_label(store, r["doc_id"])
        out.setdefault(r["target_unit"], []).append({
            "action": r["action"], "verb": ACTION_LABELS.get(r["action"], r["action"]), "by": by,
            "instruction": r["instruction"], "new_unit": r["new_unit"], "target": r["target"],
            "sentence": f"{r['target']} {ACTION_LABELS.get(r['action'], r['action'])} oleh {by['citation']}"})
    return out


def references_of(store: Store, doc_id: str) -> dict[str, list[dict]]:
    """Cross-references of a document by unit id, each with whether its
    target is present in the store (a link can be made)."""
    rows = store.db.execute("SELECT * FROM refs WHERE doc_id = ? ORDER BY unit_id, start", (doc_id,)).fetchall()
    present: dict[str, bool] = {}
    out: dict[str, list[dict]] = {}
    for r in rows:
        d = dict(r)
        target = d["target_doc"] or doc_id
        if target not in present:
            row = store.document_row(target)
            present[target] = bool(row and row["public"])
        d["present"] = present[target] and bool(d["resolved"])
        if d["target_doc"] and d["target_unit"] and d["present"]:
            d["present"] = bool(store.db.execute("SELECT 1 FROM units WHERE doc_id = ? AND id = ?",
                                                 (target, d["target_unit"])).fetchone())
        d["title"] = (unit_citation(d["target_unit"]) + " " if d["target_unit"] else "") + (
            d["target_doc"] or "")
        out.setdefault(d["unit_id"], []).append(d)
    return out


def unresolved_references(store: Store, doc_id: str) -> list[dict]:
    rows = store.db.execute("SELECT * FROM refs WHERE doc_id = ? AND resolved = 0 ORDER BY id", (doc_id,))
    return [dict(r) for r in rows]
