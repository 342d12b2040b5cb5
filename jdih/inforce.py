"""Which text is in force: amended Pasal, repealed documents.

An amending act ("Perubahan atas Undang-Undang Nomor 17 Tahun 2014 ...")
quotes each changed Pasal beneath its Pasal I ("pasal_i__angka_3__pasal_98"):
that quoted text replaces Pasal 98 of UU 17/2014, and a later amendment of the
same Pasal replaces it again. "Pasal 16 dihapus." removes a Pasal. A document
whose status is "Tidak Berlaku", or that another stored document repeals
(relation ``mencabut``), is out of force as a whole. Search ranks these below
the text in force when both match, and says what replaced them.

Derived from the store on demand (titles, units, relations, status); nothing
is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citations import parse_doc
from .ids import citation
from .store import Store

# The document an amending act changes, from its title: "Perubahan Kedua atas
# Undang-Undang Nomor 1 Tahun 2015 tentang ...". Must not match a title that
# only mentions a change in its subject ("tentang Rincian Perubahan ...").
AMENDS_RE = re.compile(r"\bperubahan(?:\s+(?:kedua|ketiga|keempat|kelima))?\s+atas\s+(?P<target>.+)$", re.I)

# A quoted Pasal beneath Pasal I of an amending act: "pasal_i__angka_3__pasal_98",
# "pasal_i__angka_12__pasal_34a". Must not match the instruction itself
# ("pasal_i__angka_3") or units inside the quoted Pasal ("...__pasal_98__ayat_1").
QUOTED_PASAL_RE = re.compile(r"^pasal_i__angka_\w+?__(?P<root>pasal_[0-9a-z]+)$")

# A whole Pasal deleted by an amending instruction: "Pasal 16 dihapus.",
# "Ketentuan Pasal 7 dihapus." Must not match the deletion of an ayat or huruf
# ("Ketentuan ayat (2) Pasal 45 dihapus, sehingga ...").
DELETES_PASAL_RE = re.compile(r"^\s*(?:ketentuan\s+)?pasal\s+(?P<n>\d+[a-z]?)\s+dihapus\s*\.?\s*$", re.I)

# A law that sets a Perppu as law carries the Perppu in its Lampiran; its
# amendments change the Lampiran's Pasal, never its own two articles.
# "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014 ...
# menjadi Undang-Undang". Must not match an ordinary title.
SETS_PERPPU_RE = re.compile(r"\bpenetapan\s+peraturan\s+pemerintah\s+pengganti\s+undang", re.I)

REPEALS = ("mencabut",)
AMENDS = ("mengubah", "mengubah sebagian")


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
    """Changes whenever documents or relations change (cache key)."""
    a = store.db.execute("SELECT count(*), max(updated_at), sum(status = 'Tidak Berlaku'), "
                         "group_concat(CASE WHEN status = 'Tidak Berlaku' THEN id END) FROM documents").fetchone()
    b = store.db.execute("SELECT count(*), max(id) FROM relations").fetchone()
    return tuple(a) + tuple(b)


def amended_targets(store: Store, row: dict) -> list[str]:
    """Documents in the store that ``row`` amends, from its title and relations."""
    out = [r["to_doc"] for r in store.relations(row["id"])
           if r["from_doc"] == row["id"] and r["kind"] in AMENDS and r["to_doc"]]
    m = AMENDS_RE.search(row["judul"] or "")
    found = parse_doc(m.group("target")) if m else None
    if found:
        cite, _ = found
        cands = store.find_documents(cite.singkatan, cite.nomor, cite.tahun)
        same = [d for d in cands if d["singkatan"] == row["singkatan"]]
        if same:
            cands = same
        elif " " in (row["singkatan"] or ""):
            cands = []  # a regional act amends its own region's act, never another region's
        out += [d["id"] for d in cands if d["id"] != row["id"]]
    return list(dict.fromkeys(out))


def _target_unit(root: str, target_ids: set[str], in_lampiran: bool) -> str | None:
    if root in target_ids and not in_lampiran:
        return root
    # A Perppu set as law sits in the Lampiran of its UU ("lampiran__pasal_7").
    inner = [u for u in target_ids if u.startswith("lampiran") and u.endswith("__" + root)]
    return inner[0] if len(inner) == 1 else None


def build(store: Store) -> Versions:
    v = Versions()
    rows = store.documents()
    for r in rows:
        if (r["status"] or "").lower() == "tidak berlaku":
            v.out_of_force[r["id"]] = "tidak berlaku"
        for rel in store.relations(r["id"]):
            if rel["from_doc"] == r["id"] and rel["kind"] in REPEALS and rel["to_doc"]:
                v.out_of_force.setdefault(rel["to_doc"], f"dicabut dengan {r['singkatan']} {r['nomor']}/{r['tahun']}")
    units: dict[str, set[str]] = {}
    chains = _amendment_chains(store, rows, units)
    for (target, root), changes in chains.items():
        changes.sort()
        base = _target_unit(root, units[target], bool(SETS_PERPPU_RE.search(_judul(store, target))))
        chain = ([f"{target}#{base}"] if base else []) + [new for _, new in changes]
        for old in chain[:-1]:
            if old:
                _replace_subtree(v, old, chain[-1], units)
    return v


def _judul(store: Store, doc_id: str) -> str:
    return (store.document_row(doc_id) or {}).get("judul", "")


def _amendment_chains(store: Store, rows: list[dict], units: dict[str, set[str]]) -> dict:
    """(target document, Pasal root) -> [((date, id), new text key or "" when deleted)]."""
    chains: dict[tuple[str, str], list[tuple[tuple, str]]] = {}
    for r in rows:
        targets = amended_targets(store, r)
        if not targets:
            continue
        own = store.units(r["id"])
        units.setdefault(r["id"], {u.id for u in own})
        when = (r["tanggal_penetapan"] or str(r["tahun"] or ""), r["id"])
        for target in targets:
            units.setdefault(target, {u.id for u in store.units(target)})
            for u in own:
                m = QUOTED_PASAL_RE.match(u.id)
                d = DELETES_PASAL_RE.match(u.text or "") if u.kind == "angka" else None
                if m:
                    chains.setdefault((target, m.group("root")), []).append((when, f"{r['id']}#{u.id}"))
                elif d:
                    chains.setdefault((target, f"pasal_{d.group('n').lower()}"), []).append((when, ""))
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
