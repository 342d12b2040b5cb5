"""Search hits as users read them: citation, path, highlighted snippet, the
document, whether the text is still in force; flat or grouped by document.

Only the hit's own subtree is read from the store (unit ids are rooted at the
Pasal, so a unit's descendants are the ids that start with it), never a whole
document per hit.
"""
from __future__ import annotations

import json
import re
from html import escape

from . import analysis
from .ids import pasal_of, unit_citation
from .lexicon import stopwords
from .model import Tree, Unit, heading_label
from .search import Hit
from .store import Store
from .inforce import Versions

DOC_KEYS = ("id", "tipe", "jenis", "singkatan", "nomor", "tahun", "judul", "status")


def subtree(store: Store, doc_id: str, unit_id: str) -> Tree:
    """The unit and its descendants, in reading order."""
    rows = store.db.execute(
        "SELECT * FROM units WHERE doc_id = ? AND (id = ? OR (id > ? AND id < ?)) ORDER BY ord",
        (doc_id, unit_id, unit_id + "__", unit_id + "__\uffff")).fetchall()
    return Tree(Unit(id=r["id"], kind=r["kind"], number=r["number"], label=r["label"], heading=r["heading"],
                     text=r["text"], parent=r["parent"] if r["id"] != unit_id else None,
                     pages=json.loads(r["pages"]), ocr=bool(r["ocr"])) for r in rows)


# The Pasal an ayat belongs to: the id up to its last (numbered) Pasal.
# "pasal_243__ayat_1" -> "pasal_243"; "pasal_i__angka_45__pasal_163__ayat_4" ->
# "pasal_i__angka_45__pasal_163". Must not match a Penjelasan unit, the
# definitions of Pasal 1 ("pasal_1__angka_4": each is its own answer) or the
# instructions under Pasal I of an amending act ("pasal_i__angka_2").
PASAL_OF_UNIT_RE = re.compile(r"^(?!penjelasan)(?P<pasal>(?:.*__)?pasal_\d+[a-z]?)__ayat_[0-9a-z]+(?:__.*)?$")


ROLL_UP = 3   # this many ayat of one Pasal among the results show as the Pasal ...
CLOSE = 0.8   # ... when they score at least this share of the best of them


def collapse(hits: list[Hit]) -> list[Hit]:
    """Keep the best of a clause and its ancestors or descendants in the same document."""
    kept: list[Hit] = []
    for h in hits:
        clash = False
        for k in kept:
            if k.doc_id == h.doc_id and (k.unit_id == h.unit_id or k.unit_id and h.unit_id and (
                    h.unit_id.startswith(k.unit_id + "__") or k.unit_id.startswith(h.unit_id + "__"))):
                clash = True
                break
        if not clash:
            kept.append(h)
    return kept


def _as_pasal(h: Hit, pasal_id: str) -> Hit:
    own = unit_citation(h.unit_id)
    doc_part = h.citation[len(own):] if h.citation.startswith(own) else ""
    head, sep, _ = h.path.rpartition(" › ")
    path = f"{head}{sep}{unit_citation(pasal_id)}"
    return Hit(doc_id=h.doc_id, unit_id=pasal_id, kind="pasal", score=h.score,
               citation=f"{unit_citation(pasal_id)}{doc_part}", path=path, pasal=h.pasal)


def roll_up(hits: list[Hit]) -> list[Hit]:
    """Several ayat of one Pasal found about equally well (``ROLL_UP`` or more
    within ``CLOSE`` of the best of them): show the Pasal once, where its best
    ayat ranked. One ayat that stands out stays itself."""
    best: dict[tuple[str, str], float] = {}
    keyed = []
    for h in hits:
        m = PASAL_OF_UNIT_RE.match(h.unit_id)
        key = (h.doc_id, m.group("pasal")) if m else None
        keyed.append((h, key))
        if key is not None:
            best[key] = max(best.get(key, h.score), h.score)
    close: dict[tuple[str, str], int] = {}
    for h, key in keyed:
        if key is not None and h.score >= CLOSE * best[key]:
            close[key] = close.get(key, 0) + 1
    out: list[Hit] = []
    done: set[tuple[str, str]] = set()
    for h, key in keyed:
        if key is None or close[key] < ROLL_UP:
            out.append(h)
        elif key not in done:
            done.add(key)
            out.append(_as_pasal(h, key[1]))
    return out


def in_force_first(hits: list[Hit], versions: Versions) -> list[Hit]:
    """A replaced text found above the text that replaced it moves right below it."""
    out = list(hits)
    keys = [f"{h.doc_id}#{h.unit_id}" for h in out]
    for key in list(keys):
        new = versions.replaced.get(key)
        if not new:
            continue
        near = [k for k in keys if k == new or k.startswith(new + "__") or new.startswith(k + "__")]
        if not near:
            continue
        i, j = keys.index(key), max(keys.index(k) for k in near)
        if i < j:
            out.insert(j, out.pop(i))
            keys.insert(j, keys.pop(i))
    return out


def structure_path(store: Store, doc_id: str, unit_id: str) -> str:
    """'BAB VI › Bagian ... › Pasal 409 ayat (1)' of a stored unit (its BAB, Bagian
    and Paragraf, read up the parent chain), as the index stores it for hits."""
    labels = []
    parent = store.db.execute("SELECT parent FROM units WHERE doc_id = ? AND id = ?", (doc_id, unit_id)).fetchone()
    current = parent[0] if parent else None
    for _ in range(20):  # a cycle in bad data must not loop forever
        if current is None:
            break
        row = store.db.execute("SELECT id, kind, number, heading, parent FROM units WHERE doc_id = ? AND id = ?",
                               (doc_id, current)).fetchone()
        if row is None:
            break
        if row["kind"] in ("bab", "bagian", "paragraf"):
            labels.append(heading_label(Unit(id=row["id"], kind=row["kind"], number=row["number"],
                                             heading=row["heading"])))
        current = row["parent"]
    return " › ".join([*reversed(labels), unit_citation(unit_id)])


class ResultShaper:
    def __init__(self, store: Store, versions: Versions, words: list[str]):
        self.store = store
        self.versions = versions
        self.words = set(words)
        self._rows: dict[str, dict] = {}

    def row(self, doc_id: str) -> dict:
        if doc_id not in self._rows:
            self._rows[doc_id] = self.store.document_row(doc_id) or {}
        return self._rows[doc_id]

    def doc(self, doc_id: str) -> dict:
        row = self.row(doc_id)
        return {k: row.get(k) for k in DOC_KEYS}

    def hit(self, h: Hit) -> dict:
        row = self.row(h.doc_id)
        key = f"{h.doc_id}#{h.unit_id}"
        in_force = {"in_force": not self.versions.outdated(key), "note": self.versions.note(key, self.store)}
        if not h.unit_id:
            text = row.get("tentang") or row.get("judul") or ""
            return {"doc": self.doc(h.doc_id), "unit": None, "score": h.score, "snippet": snippet(text, self.words),
                    "url": f"/dokumen/{h.doc_id}", **in_force}
        tree = subtree(self.store, h.doc_id, h.unit_id)
        unit = tree.by_id.get(h.unit_id)
        text = tree.full_text(h.unit_id) if unit else ""
        return {
            "doc": self.doc(h.doc_id),
            "unit": {"id": h.unit_id, "kind": unit.kind if unit else h.kind, "pasal": pasal_of(h.unit_id),
                     "citation": h.citation, "path": h.path or h.citation,
                     "pages": tree.pages(h.unit_id) if unit else [],
                     "definition": h.defkind == "ketentuan_umum"},
            "score": h.score,
            "snippet": snippet(text, self.words),
            "url": f"/dokumen/{h.doc_id}/{h.unit_id}",
            **in_force,
        }

    def groups(self, hits: list[Hit], per_doc: dict[str, int], per_group: int) -> list[dict]:
        """Hits grouped by document, documents in the order of their best hit."""
        order: list[str] = []
        by_doc: dict[str, list[Hit]] = {}
        for h in hits:
            if h.doc_id not in by_doc:
                order.append(h.doc_id)
                by_doc[h.doc_id] = []
            by_doc[h.doc_id].append(h)
        out = []
        for doc_id in order:
            clauses = [h for h in by_doc[doc_id] if h.unit_id][:per_group]
            title = any(not h.unit_id for h in by_doc[doc_id])
            matches = max(per_doc.get(doc_id, 0), len(by_doc[doc_id]))
            out.append({"doc": self.doc(doc_id), "url": f"/dokumen/{doc_id}", "title_match": title,
                        "matches": matches, "more": max(0, matches - len(clauses) - int(title)),
                        "hits": [self.hit(h) for h in clauses] or [self.hit(by_doc[doc_id][0])]})
        return out


# A word of a document's text, for highlighting (the analyzers' tokenizer).
# Must not split "undang-undang" or "5a".
WORD_RE = re.compile(analysis.TOKEN_PATTERN)


def snippet(text: str, words: set[str] | list[str], size: int = 240) -> str:
    """HTML-escaped excerpt of ``text`` around the query words, matches in <mark>.

    A word of the text matches when it, its stem, or its bound-morpheme
    joining equals a query word or its stem; the excerpt is the window of
    ``size`` characters holding the most matches."""
    wanted = set()
    for w in {x.lower() for x in words} - stopwords():
        wanted.update({w, analysis.stem(w)})
    spans = []
    if wanted:
        for m in WORD_RE.finditer(text):
            t = m.group().lower()
            if t in wanted or analysis.stem(t) in wanted or analysis.join_bound(t) in wanted:
                spans.append((m.start(), m.end()))
    start = _best_window(spans, size)
    start = max(0, start - (size // 4 if spans else 0))
    if start:
        start = text.rfind(" ", 0, start) + 1
    end = min(len(text), start + size)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + size // 2)
    out, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(escape(text[pos:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:end]))
    return ("… " if start else "") + "".join(out).strip() + (" …" if end < len(text) else "")


def _best_window(spans: list[tuple[int, int]], size: int) -> int:
    """Start of the ``size``-character window holding the most spans."""
    best, best_n, j = 0, 0, 0
    for i, (a, _) in enumerate(spans):
        while spans[j][0] < a - size // 2:
            j += 1
        n = i - j + 1
        if n > best_n:
            best, best_n = spans[j][0], n
    return best
