"""Which text is in force: amended Pasal, repealed documents.

Built on the amendment effects the indexer stores (table ``effects``, one row
per change an amending act's instruction makes: "ubah Pasal 98 of UU 17/2014,
new text pasal_i__angka_3__pasal_98"). An instruction restates the whole
Pasal it changes ("... sehingga Pasal 98 berbunyi sebagai berikut:"), so the
quoted Pasal is the text in force for all of the old Pasal, not only for the
ayat the instruction names; a later amendment of the same Pasal replaces it
again. "Pasal 16 dihapus." removes a Pasal. A document whose status is
"Tidak Berlaku", or that another stored document repeals (relation
``mencabut``), is out of force as a whole. Search ranks these below the text
in force when both match, and says what replaced them.

Derived from the store on demand; nothing is written. The public view is
built from published documents only, so an unpublished amendment neither
demotes nor names anything on public pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .ids import citation
from .store import Store

REPEALS = ("mencabut",)


@dataclass
class Versions:
    """Units (``doc#unit`` keys) and documents no longer in force."""
    replaced: dict[str, str] = field(default_factory=dict)    # key -> key of the text in force ("" if removed)
    out_of_force: dict[str, str] = field(default_factory=dict)  # doc id -> why ("Tidak Berlaku", "dicabut ...")

    def outdated(self, key: str) -> bool:
        return key in self.replaced or key.partition("#")[0] in self.out_of_force

    def note(self, key: str, store: Store) -> str:
        """'diubah dengan Pasal I angka 3 Pasal 98 UU 42/2014', for a result line."""
        if key in self.replaced:
            new = self.replaced[key]
            if not new:
                return "dihapus oleh peraturan perubahan"
            doc_id, _, unit_id = new.partition("#")
            row = store.document_row(doc_id)
            if row is None:
                return "telah diubah"
            return "diubah dengan " + citation(unit_id or None, row["singkatan"], row["nomor"], row["tahun"])
        return self.out_of_force.get(key.partition("#")[0], "")


def signature(store: Store) -> tuple:
    """Changes whenever documents, relations or effects change (cache key)."""
    a = store.db.execute("SELECT count(*), max(updated_at), sum(status = 'Tidak Berlaku'), "
                         "group_concat(CASE WHEN status = 'Tidak Berlaku' THEN id END), sum(public) "
                         "FROM documents").fetchone()
    b = store.db.execute("SELECT count(*), max(id) FROM relations").fetchone()
    c = store.db.execute("SELECT count(*), max(id) FROM effects").fetchone()
    return tuple(a) + tuple(b) + tuple(c)


def pasal_root(unit_id: str) -> str | None:
    """The Pasal a unit belongs to, with whatever holds that Pasal:
    "lampiran__pasal_7__huruf_d" -> "lampiran__pasal_7",
    "pasal_i__angka_3__pasal_98__ayat_1" -> "pasal_i__angka_3__pasal_98";
    None above Pasal level ("bab_xiii") and in the Penjelasan."""
    parts = unit_id.split("__")
    if not parts or parts[0] == "penjelasan":
        return None
    at = [i for i, p in enumerate(parts) if p.startswith("pasal_")]
    return "__".join(parts[:at[-1] + 1]) if at else None


def build(store: Store, public_only: bool = False) -> Versions:
    """What is out of force, seen by staff (everything in the store) or by the
    public (published documents only)."""
    v = Versions()
    rows = {r["id"]: r for r in store.documents(public_only=public_only)}
    for r in rows.values():
        if (r["status"] or "").lower() == "tidak berlaku":
            v.out_of_force[r["id"]] = "tidak berlaku"
    for rel in store.db.execute("SELECT from_doc, to_doc FROM relations WHERE kind IN ({}) AND origin != 'ditolak'"
                                .format(",".join("?" * len(REPEALS))), REPEALS):
        r = rows.get(rel["from_doc"])
        if r is not None and rel["to_doc"] in rows:
            v.out_of_force.setdefault(rel["to_doc"], f"dicabut dengan {r['singkatan']} {r['nomor']}/{r['tahun']}")
    units: dict[str, set[str]] = {}
    chains = _amendment_chains(store, rows, units)
    # whole Pasal first, then what an act changed inside one ("ayat (7) dihapus")
    for (target, old), changes in sorted(chains.items(), key=lambda kv: (kv[0][1].count("__"), kv[0])):
        chain = ([f"{target}#{old}"] if old in units[target] else []) + [new for _, new in sorted(changes)]
        for key in chain[:-1]:
            if key:
                _replace_subtree(v, key, chain[-1], units)
    return v


def _amendment_chains(store: Store, rows: dict[str, dict], units: dict[str, set[str]]) -> dict:
    """(amended document, unit) -> {((date, id), key of the new text or "" when deleted)},
    from the effects of the amending acts in ``rows`` on documents in ``rows``."""
    def unit_ids(doc_id: str) -> set[str]:
        if doc_id not in units:
            units[doc_id] = {r[0] for r in store.db.execute("SELECT id FROM units WHERE doc_id = ?", (doc_id,))}
        return units[doc_id]

    chains: dict[tuple[str, str], set[tuple[tuple, str]]] = {}
    for e in store.db.execute("SELECT doc_id, instruction, action, target_doc, target_unit, new_unit FROM effects "
                              "WHERE action IN ('ubah', 'sisip', 'hapus') ORDER BY id"):
        by, target = rows.get(e["doc_id"]), e["target_doc"]
        old_root = pasal_root(e["target_unit"] or "")
        if by is None or target not in rows or target == by["id"] or old_root is None:
            continue
        when = (by["tanggal_penetapan"] or str(by["tahun"] or ""), by["id"])
        unit_ids(target)
        # "... sehingga Pasal 98 berbunyi sebagai berikut:" quotes the whole Pasal
        # beneath the instruction: that quote is the Pasal in force.
        quoted = f"{e['instruction']}__{old_root.rpartition('__')[2]}"
        if quoted in unit_ids(by["id"]):
            chains.setdefault((target, old_root), set()).add((when, f"{by['id']}#{quoted}"))
        elif e["new_unit"]:
            chains.setdefault((target, e["target_unit"]), set()).add((when, f"{by['id']}#{e['new_unit']}"))
        if e["action"] == "hapus" and not e["new_unit"]:
            chains.setdefault((target, e["target_unit"]), set()).add((when, ""))
    return chains


def _replace_subtree(v: Versions, old: str, new: str, units: dict[str, set[str]]) -> None:
    """Mark ``old`` and every unit beneath it (and its Penjelasan) as replaced
    by ``new``, or by the unit at the same place beneath ``new`` when the new
    text has one (ayat (1) of the old Pasal -> ayat (1) of the new Pasal)."""
    doc_id, _, unit_id = old.partition("#")
    new_doc, _, new_unit = new.partition("#")
    have = units.get(new_doc, set())
    v.replaced[old] = new
    for uid in units.get(doc_id, ()):
        if uid.startswith(unit_id + "__"):
            same = new_unit + uid[len(unit_id):] if new_unit else ""
            v.replaced[f"{doc_id}#{uid}"] = f"{new_doc}#{same}" if same in have else new
        elif uid == "penjelasan__" + unit_id or uid.startswith("penjelasan__" + unit_id + "__"):
            v.replaced[f"{doc_id}#{uid}"] = new
