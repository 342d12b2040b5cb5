"""Relations that touch one clause, for its permalink page.

Two sources, both general:

1. A stored relation whose ``to_ref`` names a unit of this document (a unit id
   "pasal_2__ayat_1" or a citation "Pasal 2 ayat (1)") touches that unit, its
   ancestors and its descendants.
2. An amending act (A ``mengubah`` B) is built of "Pasal I" with numbered
   instructions, each quoting the new text of a Pasal of B beneath it
   ("pasal_i__angka_2" quotes "pasal_i__angka_2__pasal_2") or saying that a
   Pasal is deleted ("Pasal 16 dihapus."). So Pasal 2 of B is "Diubah dengan
   Pasal I angka 2" of A, and that instruction of A "Mengubah Pasal 2" of B.
"""
from __future__ import annotations

import re

from .citations import parse_query
from .ids import pasal_of, unit_citation
from .model import Unit
from .record import doc_label, relation_kind, visible
from .store import Store

AMENDING = ("mengubah", "mengubah_sebagian")

# An instruction of an amending act deleting a Pasal. Must not match a
# quoted "Dihapus." standing alone (a consolidated text) or an ayat deletion.
#   "Pasal 16 dihapus."   "Ketentuan Pasal 7A dihapus."
DIHAPUS_RE = re.compile(r"^\s*(?:Ketentuan\s+)?Pasal\s+(\d+[A-Z]?)\s+dihapus\b", re.IGNORECASE)

# The numbered instructions of an amending act: a unit id under "Pasal I".
#   "pasal_i__angka_2"   (not "pasal_1__angka_2", a definition in Pasal 1)
INSTRUCTION_ID_RE = re.compile(r"^pasal_i__angka_[0-9a-z]+$")


def related(a: str, b: str) -> bool:
    """The same unit, or one is an ancestor of the other."""
    return a == b or a.startswith(b + "__") or b.startswith(a + "__")


def ref_unit_id(ref: str) -> str | None:
    """A relation's ``to_ref`` as a unit id, when it names one."""
    ref = (ref or "").strip()
    if re.fullmatch(r"[a-z0-9_]+", ref) and "_" in ref:
        return ref
    cite, _ = parse_query(ref) if ref else (None, "")
    if cite is not None and cite.path:
        return cite.unit_ids()[0]
    return None


def instructions(units: list[Unit]) -> dict[str, str]:
    """{instruction unit id: number of the Pasal it replaces or deletes}."""
    by_parent: dict[str, list[Unit]] = {}
    for u in units:
        if u.parent:
            by_parent.setdefault(u.parent, []).append(u)
    out: dict[str, str] = {}
    for u in units:
        if not INSTRUCTION_ID_RE.match(u.id):
            continue
        quoted = [c for c in by_parent.get(u.id, []) if c.kind == "pasal"]
        if quoted:
            out[u.id] = quoted[0].number.upper()
        elif (m := DIHAPUS_RE.match(u.text or "")):
            out[u.id] = m.group(1).upper()
    return out


def _stored(store: Store, doc_id: str, unit_id: str, public_only: bool) -> list[dict]:
    out = []
    for rel in store.relations(doc_id):
        if rel["to_doc"] != doc_id or rel["from_doc"] == doc_id:
            continue
        target = ref_unit_id(rel["to_ref"])
        other = store.document_row(rel["from_doc"])
        if target is None or not related(target, unit_id) or not visible(other, public_only):
            continue
        out.append({"label": relation_kind(rel["kind"]).passive, "doc_id": other["id"], "unit_id": None,
                    "cite": doc_label(other), "title": other["judul"], "url": f"/dokumen/{other['id']}",
                    "note": rel["note"] or unit_citation(target)})
    return out


def _amended_by(store: Store, doc_id: str, unit_id: str, public_only: bool) -> list[dict]:
    """Instructions of amending acts that replace or delete this unit's Pasal."""
    pasal = pasal_of(unit_id)
    if pasal is None or unit_id.startswith("pasal_i__") or unit_id.startswith("penjelasan"):
        return []
    out = []
    for rel in store.relations(doc_id):
        if rel["to_doc"] != doc_id or relation_key_of(rel) not in AMENDING:
            continue
        other = store.document_row(rel["from_doc"])
        if not visible(other, public_only):
            continue
        for instr, number in instructions(store.units(other["id"])).items():
            if number == pasal:
                out.append({"label": relation_kind(rel["kind"]).passive, "doc_id": other["id"],
                            "unit_id": instr, "cite": f"{unit_citation(instr)} {doc_label(other)}",
                            "title": other["judul"], "url": f"/dokumen/{other['id']}/{instr}", "note": ""})
    return out


def _amends(store: Store, doc_id: str, unit_id: str, public_only: bool) -> list[dict]:
    """The Pasal of the amended regulation an instruction of this act replaces."""
    targets = [r for r in store.relations(doc_id) if r["from_doc"] == doc_id and r["to_doc"]
               and relation_key_of(r) in AMENDING]
    if len(targets) != 1:
        return []  # which act an instruction amends is only certain when there is one
    other = store.document_row(targets[0]["to_doc"])
    if not visible(other, public_only):
        return []
    out = []
    for instr, number in instructions(store.units(doc_id)).items():
        if not related(instr, unit_id):
            continue
        target = f"pasal_{number.lower()}"
        exists = target in {u.id for u in store.units(other["id"]) if u.kind == "pasal"}
        out.append({"label": relation_kind(targets[0]["kind"]).active, "doc_id": other["id"],
                    "unit_id": target if exists else None, "cite": f"Pasal {number} {doc_label(other)}",
                    "title": other["judul"], "note": "",
                    "url": f"/dokumen/{other['id']}/{target}" if exists else f"/dokumen/{other['id']}"})
    return out


def relation_key_of(rel: dict) -> str:
    return relation_kind(rel["kind"]).key


def clause_relations(store: Store, doc_id: str, unit_id: str, public_only: bool = True) -> list[dict]:
    """Every relation touching a unit: label, other document, its clause and link."""
    return (_stored(store, doc_id, unit_id, public_only) + _amended_by(store, doc_id, unit_id, public_only)
            + _amends(store, doc_id, unit_id, public_only))
