"""Search as users meet it: understand the query, run it, shape the results.

Understanding comes before full text: a citation ("uu 17/2014 pasal 242",
"PKPU Nomor 19 Tahun 2019", "Pasal 1 angka 4") goes straight to the unit or
document (several candidates when it is ambiguous; words beside a document
citation search inside that document); a definitional question is turned
toward Ketentuan Umum definitions; unknown words are corrected from the index
vocabulary ("Maksud Anda"); abbreviations and their long forms stand in for
each other (``ranking``). Results are clauses with exact citations, in the
JSON shape of DESIGN.md section 3, optionally grouped by document.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from . import analysis, inforce, qparse, ranking, spelling
from .citations import Citation, parse_query
from .definitions import asked_term
from .ids import citation as cite_text
from .ids import pasal_of, slug
from .results import ResultShaper, collapse, in_force_first, roll_up, structure_path
from .search import Hit, Priors, Scope, SearchIndex
from .store import Store

OUTDATED = 0.8       # score factor of a text no longer in force (amended, repealed); it
                     # also always ranks right below its replacement when both are found
PENJELASAN = 0.85    # an elucidation ranks a little below the clause it explains
BACKGROUND = 0.75    # a Ketentuan Umum definition, when the query does not ask for one
PREAMBLE = 0.85      # Menimbang and Mengingat give reasons and legal bases, not rules: below the body
PER_GROUP = 3        # clauses shown per document in grouped results
CANDIDATES = 60      # at least this many best entries are taken before collapsing and rolling up


@dataclass
class Understood:
    text: str
    citation: Citation | None
    words: str
    resolved: list[tuple[str, str | None]] = field(default_factory=list)  # (doc_id, unit_id)
    within: list[str] = field(default_factory=list)   # documents a cited document restricts the words to
    notice: str = ""
    definition: str | None = None
    corrections: list[spelling.Correction] = field(default_factory=list)
    suggestion: str | None = None
    expansions: list[str] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    searched: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    query: object = None
    whoosh: str = ""


def unit_ids(store: Store, doc_id: str) -> set[str]:
    """The ids of a document's units (without reading their text)."""
    return {r[0] for r in store.db.execute("SELECT id FROM units WHERE doc_id = ?", (doc_id,))}


def resolve(store: Store, cite: Citation, public_only: bool) -> list[tuple[str, str | None]]:
    """Document and unit ids a citation names; several when it is ambiguous."""
    if not cite.has_doc:
        for uid in cite.unit_ids() if cite.path else []:
            rows = store.db.execute(
                "SELECT u.doc_id FROM units u JOIN documents d ON d.id = u.doc_id "
                "WHERE u.id = ? AND (d.public = 1 OR ?) ORDER BY u.doc_id", (uid, int(not public_only)))
            found = [(r[0], uid) for r in rows]
            if found:
                return found
        return []
    docs = store.find_documents(cite.singkatan, cite.nomor, cite.tahun)
    if cite.qualifier and len(docs) > 1:
        q = slug(cite.qualifier)
        docs = [d for d in docs if q in slug(d["singkatan"])] or docs
    out: list[tuple[str, str | None]] = []
    for doc_id in [d["id"] for d in docs if d["public"] or not public_only]:
        if not cite.path:
            out.append((doc_id, None))
            continue
        have = unit_ids(store, doc_id)
        unit = next((uid for uid in cite.unit_ids() if uid in have), None)
        if unit is None:
            unit = next((q for uid in cite.unit_ids() if (q := quoted_unit(uid, have))), None)
        out.append((doc_id, unit))
    return out


# A unit quoted beneath Pasal I of an amending act: "Pasal 7 UU 10/2016" is the
# new Pasal 7 that UU 10/2016 sets out ("pasal_i__angka_1__pasal_7"). Must not
# match the instruction itself ("pasal_i__angka_1") nor a unit of the Lampiran.
QUOTED_RE = r"^pasal_[ivx]+__angka_[0-9a-z]+__{}$"


def quoted_unit(unit_id: str, have: set[str]) -> str | None:
    """The quoted unit of an amending act that a citation of ``unit_id`` means."""
    rx = re.compile(QUOTED_RE.format(re.escape(unit_id)))
    found = sorted(u for u in have if rx.match(u))
    return found[-1] if found else None


def _describe_cite(c: Citation) -> str:
    doc = f"{'/'.join(c.singkatan)} {c.nomor}/{c.tahun}" if c.has_doc else ""
    unit = " ".join(f"{k} {v}" for k, v in c.path)
    return " ".join(x for x in (unit, doc) if x)


class Searcher:
    """Store + index: the one place search results are put together."""

    def __init__(self, store: Store, index: SearchIndex):
        self.store = store
        self.index = index
        self._lock = threading.Lock()
        self._in_force: dict[bool, tuple[tuple, inforce.Versions]] = {}
        self._speller: tuple[object, spelling.Speller] | None = None

    # -- derived data, rebuilt when the store or the index changes ---------
    def in_force(self, public_only: bool = False) -> inforce.Versions:
        """What is out of force, as staff see it or (``public_only``) as the public does."""
        return self._in_force_now(public_only)[1]

    def _in_force_now(self, public_only: bool) -> tuple[tuple, inforce.Versions]:
        sig = (public_only, *inforce.signature(self.store))
        cached = self._in_force.get(public_only)
        if cached is None or cached[0] != sig:
            built = inforce.build(self.store, public_only=public_only)
            with self._lock:
                self._in_force[public_only] = cached = (sig, built)
        return cached

    def speller(self) -> spelling.Speller:
        gen = self.index.ix.latest_generation()
        cached = self._speller
        if cached is None or cached[0] != gen:
            built = spelling.Speller(dict(self.index.vocabulary("exact")))
            with self._lock:
                self._speller = cached = (gen, built)
        return cached[1]

    # -- understanding ------------------------------------------------------
    def understand(self, text: str, public_only: bool = True) -> Understood:
        cite, rest = parse_query(text)
        u = Understood(text=text, citation=cite, words=rest if cite else text)
        if cite is not None:
            u.resolved = resolve(self.store, cite, public_only)
            if not u.resolved and cite.has_doc:
                # A regulation not in the collection: say so, search the other words only.
                u.notice = f"{_describe_cite(cite)} tidak ada dalam koleksi."
            elif not u.resolved:
                u.words = text  # a Pasal no document has: searched as words
            elif u.words.strip() and all(unit is None for _, unit in u.resolved):
                u.within = [d for d, _ in u.resolved]
                u.resolved = []
        u.definition = asked_term(u.words)
        parsed = qparse.parse(u.definition or u.words)
        u.filters = parsed.filters
        ranking.merge_bound_words(parsed)   # "antar waktu" is checked as "antarwaktu"
        self._correct(parsed, u, public_only)
        built = ranking.build(parsed, u.definition)
        u.query, u.expansions, u.searched, u.related = built.query, built.expansions, built.words, built.related
        u.whoosh = str(built.query) if built.query is not None else ""
        return u

    def _correct(self, parsed: qparse.Parsed, u: Understood, public_only: bool) -> None:
        """Replace words the index does not know (certain typos); suggest the rest."""
        clauses = [c for c in parsed.clauses if isinstance(c.node, qparse.Word)]
        if not clauses:
            return
        speller = None
        usable = (lambda w: self.index.public_frequency("exact", w, public_only))
        for clause in clauses:
            word = clause.node.text
            if len(word) < spelling.MIN_LENGTH or not word.isalpha() or word in analysis.BOUND_PREFIXES:
                continue
            if self.index.doc_frequency("exact", word) > spelling.RARE:
                continue
            speller = speller or self.speller()
            fix = speller.correct(word, usable)
            if fix is None:
                continue
            u.corrections.append(fix)
            # An unknown word is replaced; a rare one is searched beside its correction.
            clause.node = qparse.Word(fix.correction) if fix.certain else \
                qparse.AnyOf([clause.node, qparse.Word(fix.correction)])
        if u.corrections:
            fixed = u.words
            for c in u.corrections:
                fixed = re.sub(rf"(?<!\w){re.escape(c.word)}(?!\w)", c.correction, fixed, flags=re.I)
            u.suggestion = fixed

    # -- searching ------------------------------------------------------------
    def priors(self, definitional: bool, public_only: bool = True) -> Priors:
        """Entry score factors: text in force, clause before elucidation;
        definitions lead only when a definition is asked for."""
        sig, v = self._in_force_now(public_only)
        return Priors(frozenset(v.replaced), frozenset(v.out_of_force), sig, OUTDATED, PENJELASAN,
                      1.0 if definitional else BACKGROUND, PREAMBLE)

    def search(self, text: str, *, limit: int = 10, page: int = 1, public_only: bool = True,
               jenis: str = "", tahun: str = "", status: str = "", tipe: str = "",
               sort: str = "relevansi", group: bool = False, dokumen: str = "",
               restrict: set[str] | None = None) -> dict:
        """``restrict``: only these index keys ("doc_id#unit_id"), e.g. annotated clauses (staff search)."""
        limit = max(1, min(int(limit), 100))
        page = max(1, int(page))
        u = self.understand(text, public_only)
        f = u.filters
        scope = Scope(public_only=public_only, jenis=jenis or f.get("jenis", ""), tahun=tahun or f.get("tahun", ""),
                      status=status or f.get("status", ""), tipe=tipe or f.get("tipe", ""),
                      doc_ids=frozenset([dokumen] if dokumen else u.within) or None,
                      keys=frozenset(restrict) if restrict is not None else None)
        cited = self._cited_hits(u)
        if restrict is not None:
            cited = [h for h in cited if f"{h.doc_id}#{h.unit_id}" in restrict]
        found, total, per_doc, facets = [], 0, {}, {}
        if u.query is not None and not (u.resolved and not u.words.strip()):
            # a fixed floor, so what rolls up (several ayat of one Pasal) does not depend on the page size
            want = max(page * limit * (PER_GROUP + 2 if group else 3), CANDIDATES) + len(cited)
            got = self.index.collect(u.query, scope, limit=want, priors=self.priors(bool(u.definition), public_only),
                                     per_doc=PER_GROUP + 2 if group else None, sort_by_date=(sort == "tanggal"))
            found, total, per_doc, facets = got.hits, got.total, got.per_doc, got.facets
        seen = {(h.doc_id, h.unit_id) for h in cited}
        hits = collapse(cited + roll_up([h for h in found if (h.doc_id, h.unit_id) not in seen]))
        versions = self.in_force(public_only)
        hits = in_force_first(hits, versions)
        shaper = ResultShaper(self.store, versions, u.searched + u.related)
        result = {
            "query": text, "total": len(cited) + total, "page": page, "limit": limit,
            "citation": bool(u.resolved), "ambiguous": len(u.resolved) > 1,
            "facets": facets, "suggestion": u.suggestion, "notice": u.notice,
            "corrected": [c.word for c in u.corrections if c.certain],
            "definition": u.definition, "documents": len(per_doc) or len({h.doc_id for h in hits}),
        }
        if group:
            groups = shaper.groups(hits, per_doc, PER_GROUP)
            result["groups"] = groups[(page - 1) * limit: page * limit]
            result["hits"] = [h for g in result["groups"] for h in g["hits"]]
            result["pages"] = max(1, -(-len(per_doc or {h.doc_id for h in hits}) // limit))
        else:
            result["hits"] = [shaper.hit(h) for h in hits[(page - 1) * limit: page * limit]]
            result["pages"] = max(1, -(-result["total"] // limit))
        return result

    def _cited_hits(self, u: Understood) -> list[Hit]:
        hits = []
        for doc_id, unit_id in u.resolved:
            row = self.store.document_row(doc_id)
            hits.append(Hit(doc_id=doc_id, unit_id=unit_id or "", kind="dokumen" if not unit_id else "",
                            score=0.0, citation=cite_text(unit_id, row["singkatan"], row["nomor"], row["tahun"]),
                            path=structure_path(self.store, doc_id, unit_id) if unit_id else "",
                            pasal=pasal_of(unit_id or "") or ""))
        return hits


def explain(u: Understood) -> dict:
    """How a query was understood (``--explain`` and the staff view of /cari)."""
    c = u.citation
    return {
        "query": u.text,
        "citation": None if c is None else {
            "singkatan": c.singkatan, "qualifier": c.qualifier, "nomor": c.nomor, "tahun": c.tahun,
            "path": [f"{k} {v}" for k, v in c.path]},
        "resolved": [f"{d}#{x}" if x else d for d, x in u.resolved],
        "within": u.within,
        "words": u.words,
        "definition": u.definition,
        "corrections": [f"{c.word} -> {c.correction}" + ("" if c.certain else " (saran)") for c in u.corrections],
        "expansions": u.expansions,
        "filters": u.filters,
        "terms": ranking.stems(u.searched),
        "whoosh": u.whoosh,
    }
