"""Relations between regulations, read from a regulation's own text (DOMAIN.md §4).

- ``mengubah``: the title "Perubahan (Kedua) atas <regulation>";
- ``menetapkan``: the title "Penetapan Peraturan Pemerintah Pengganti
  Undang-Undang ... menjadi Undang-Undang" (or a Pasal saying the Perppu
  "ditetapkan menjadi Undang-Undang");
- ``mencabut`` / ``mencabut_sebagian``: a sentence of the body ending
  "... dicabut dan dinyatakan tidak berlaku" (every regulation it names;
  "sepanjang ..." makes it partial);
- ``melaksanakan``: a Menimbang "untuk melaksanakan ketentuan ... <regulation>";
- ``dasar_hukum``: every regulation of the Mengingat list.

Targets are document ids computed from the citation, so a relation stands
even when the other regulation is not (yet) in the store.
"""
from __future__ import annotations

import re

from jdih.model import Document, Tree

from .references import citations

AMENDS_RE = re.compile(r"^Perubahan(?:\s+(?:Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|"
                       r"Kesepuluh))?\s+atas\s+", re.I)
SETS_RE = re.compile(r"^Penetapan\s+Peraturan\s+Pemerintah\s+Pengganti\s+Undang-Undang\b.*\bmenjadi\s+Undang-Undang",
                     re.I)
REPEAL_RE = re.compile(r"\bdicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku\b|\bdicabut\s+dan\s+tidak\s+berlaku\b", re.I)
PARTIAL_RE = re.compile(r"\bsepanjang\b|\bkecuali\b", re.I)
SET_AS_LAW_RE = re.compile(r"\bditetapkan\s+menjadi\s+Undang-Undang\b", re.I)
IMPLEMENTS_RE = re.compile(r"\b(?:untuk\s+)?melaksanakan\s+(?:ketentuan\s+)?", re.I)
# The end of a sentence: a full stop after a word (not after a list marker
# "a." or "1.") or after a closing bracket.
SENTENCE_RE = re.compile(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])|(?<=\)\.)\s+(?=[A-Z])")


def _rel(kind: str, to_doc: str, note: str = "") -> dict:
    return {"kind": kind, "to_doc": to_doc, "to_ref": "", "note": note[:300]}


def extract_relations(doc: Document) -> list[dict]:
    home = doc.singkatan
    out: list[dict] = []
    title = doc.tentang or ""
    if AMENDS_RE.match(title):
        found = citations(AMENDS_RE.sub("", title), home)
        if found:
            out.append(_rel("mengubah", found[0][2]))
    if SETS_RE.match(title):
        found = citations(title, home)
        if found:
            out.append(_rel("menetapkan", found[0][2]))
    tree = Tree([u for u in doc.units if not u.id.startswith("lampiran")])
    for unit in tree.units:
        if unit.kind == "pasal" and ("__" not in unit.id or re.fullmatch(r"pasal_[ivx]+", unit.id)):
            out += _body_relations(tree.full_text(unit.id), home)
        elif (unit.kind in ("huruf", "angka") and unit.parent == "menimbang") or unit.id == "menimbang":
            m = IMPLEMENTS_RE.search(unit.text)
            if m:
                out += [_rel("melaksanakan", d) for _, _, d in citations(unit.text[m.end():], home)[:1]]
        elif unit.parent == "mengingat" or (unit.id == "mengingat" and unit.text):
            out += [_rel("dasar_hukum", d) for _, _, d in citations(unit.text, home)]
    return _unique([r for r in out if r["to_doc"] and r["to_doc"] != doc.id])


def _body_relations(text: str, home: str) -> list[dict]:
    out = []
    for sentence in SENTENCE_RE.split(" ".join(text.split())):
        repeal = REPEAL_RE.search(sentence)
        if repeal:
            kind = "mencabut_sebagian" if PARTIAL_RE.search(sentence[:repeal.start()]) else "mencabut"
            out += [_rel(kind, d, sentence) for s, _, d in citations(sentence, home) if s < repeal.start()]
        if SET_AS_LAW_RE.search(sentence):
            out += [_rel("menetapkan", d, sentence) for _, _, d in citations(sentence, home)[:1]
                    if d.startswith("perppu-")]
    return out


def _unique(relations: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in relations:
        key = (r["kind"], r["to_doc"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def text_extras(doc: Document) -> tuple[list[dict], list[dict], list[dict]]:
    """Everything a regulation's text says about itself and others, ready to
    store: relations, amendment effects (with the amended regulation's id)
    and cross-references."""
    from .effects import amending_scope, extract_effects
    from .references import find_references

    relations = extract_relations(doc)
    amended = next((r["to_doc"] for r in relations if r["kind"] == "mengubah"), "")
    if not amended:
        head = doc.unit("pasal_i")
        found = [d for _, _, d in citations(head.text, doc.singkatan)] if head is not None else []
        amended = next((d for d in found if d != doc.id), "")
    effects = []
    for e in extract_effects(doc):
        d = e.to_dict()
        d["target_doc"] = amended
        effects.append(d)
    references = [r.to_dict() for r in find_references(doc, amended, amending_scope(doc))]
    return relations, effects, references
