"""Citations in running text resolved against the store: which document and
clause a sentence such as "Pasal 426 ayat (1) huruf b UU 7/2017" points at.

Used for the links inside evaluation notes and for an annotation's links. A
citation that names a document not (yet) in the store keeps the id that
document will have (``uu-7-2017``), so the link appears when it arrives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citations import Citation, find_citations
from .ids import doc_id as make_doc_id
from .ids import slug
from .store import Store

MAX_RANGE = 60  # a "Pasal 239 sampai dengan Pasal 243" range wider than this is not expanded


@dataclass
class Target:
    start: int
    end: int
    text: str
    doc_id: str | None                 # None: the text names no document for this clause
    unit_ids: list[str] = field(default_factory=list)  # each cited clause, most specific id; [] = whole document


def resolve_doc(store: Store, cite: Citation) -> str | None:
    """The stored document a citation names, else the id it will have."""
    if not cite.has_doc:
        return None
    docs = store.find_documents(cite.singkatan, cite.nomor, cite.tahun)
    if cite.qualifier and len(docs) > 1:
        q = slug(cite.qualifier)
        docs = [d for d in docs if q in slug(d["singkatan"])] or docs
    if len(docs) == 1:
        return docs[0]["id"]
    if docs:
        return None  # ambiguous: never guess
    return make_doc_id(cite.singkatan[0], cite.nomor, cite.tahun)


def _path_id(path: list[tuple[str, str]]) -> str:
    return "__".join(f"{k}_{v.lower()}" for k, v in path)


def _unit_ids(cite: Citation, pasal_to: str, more: list) -> list[str]:
    if not cite.path:
        return []
    start = cite.path[0][1]
    if pasal_to and start.isdigit() and pasal_to.isdigit() and 0 < int(pasal_to) - int(start) <= MAX_RANGE:
        return [f"pasal_{n}" for n in range(int(start), int(pasal_to) + 1)]
    return [_path_id(cite.path)] + [_path_id(p) for p in more]


def targets(store: Store, text: str) -> list[Target]:
    out = []
    for found in find_citations(text):
        cite = found.citation
        out.append(Target(found.start, found.end, found.text_of(text), resolve_doc(store, cite),
                          _unit_ids(cite, found.pasal_to, found.more)))
    return out


def existing_unit(store: Store, doc_id: str, unit_id: str) -> str | None:
    """The cited unit, or its nearest ancestor the stored text has ('pasal_426__ayat_1' -> 'pasal_426')."""
    have = {r[0] for r in store.db.execute("SELECT id FROM units WHERE doc_id = ?", (doc_id,))}
    parts = unit_id.split("__")
    for n in range(len(parts), 0, -1):
        candidate = "__".join(parts[:n])
        if candidate in have:
            return candidate
    return None


# A reference written as ids: "uu-17-2014", "uu-17-2014#pasal_242", "uu-17-2014/pasal_242",
# "/dokumen/uu-17-2014/pasal_242". Must not take a citation ("UU 17/2014").
ID_REF_RE = re.compile(r"^(?:/dokumen/)?(?P<doc>[a-z0-9][a-z0-9-]*[a-z0-9])(?:[#/](?P<unit>[a-z0-9_]+))?$")


def parse_reference(store: Store, ref: str) -> tuple[str, str] | None:
    """A link typed by staff: ids or a citation, resolved to (doc_id, unit_id) in the store."""
    ref = ref.strip()
    m = ID_REF_RE.match(ref)
    if m and store.document_row(m.group("doc")):
        unit = m.group("unit") or ""
        if unit and existing_unit(store, m.group("doc"), unit) != unit:
            return None
        return m.group("doc"), unit
    found = targets(store, ref)
    if len(found) != 1 or found[0].doc_id is None or not store.document_row(found[0].doc_id):
        return None
    t = found[0]
    if not t.unit_ids:
        return t.doc_id, ""
    unit = existing_unit(store, t.doc_id, t.unit_ids[0])
    if unit != t.unit_ids[0]:
        return None
    return t.doc_id, unit
