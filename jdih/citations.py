"""Citations as people type them, in queries and in running text.

"uu 8/2012 pasal 220", "PP 54 tahun 2012", "PKPU Nomor 19 Tahun 2019",
"pkpu-19-2019", "pasal 5 ayat (2) huruf a PP 66/2010", "Pasal 1 angka 4".
A parsed citation names a document (short form, optional qualifier, nomor,
tahun) and/or a unit path; resolving it against the store is the caller's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .jenis import JENIS

# Every way of naming a jenis, longest first so "peraturan pemerintah pengganti
# undang-undang" wins over "peraturan pemerintah".
_ALIASES: dict[str, set[str]] = {}
for _j in JENIS:
    for _name in (_j.singkatan, _j.name, *_j.aliases):
        _ALIASES.setdefault(_name.lower(), set()).add(_j.singkatan)
_ALIASES.setdefault("pmk", set()).add("PMK")
_ALIASES.setdefault("permenkeu", set()).add("PMK")
_ALIASES.setdefault("permendikbud", set()).add("Permendikbud")
_ALIASES.setdefault("permendagri", set()).add("Permendagri")
_ALIASES.setdefault("uu", set()).add("UU")
_ALIASES.setdefault("perba", set()).update({"Perka", "Perban"})

_ALIAS_RE = "|".join(re.escape(a).replace(r"\-", "[- ]").replace(r"\ ", r"\s+")
                     for a in sorted(_ALIASES, key=len, reverse=True))

# A document citation. Must not take "Pasal 5 ayat (2)" for a document, nor a
# bare year. Qualifiers ("kab banjarnegara", "bapeten", "bali") sit between
# the jenis and the number.
DOC_CITE_RE = re.compile(
    rf"(?<![\w-])(?P<jenis>{_ALIAS_RE})"
    r"(?P<qual>(?:[\s.]+(?!nomor\b|no\b|tahun\b|pasal\b|ayat\b|huruf\b|angka\b)[a-z][a-z.]*){0,3}?)"
    r"[\s-]*(?:"
    r"(?:nomor|no\.?)\s*:?\s*(?P<n1>[\w.]+(?:\s*/\s*[\w.-]+)*?)\s*(?:,\s*)?tahun\s+(?P<t1>\d{4})"
    r"|(?P<n2>\d+[a-z]?(?:/[\w.-]+?)*)\s*/\s*(?P<t2>\d{4})"
    r"|(?P<n3>\d+[a-z]?)\s+tahun\s+(?P<t3>\d{4})"
    r"|(?P<n4>\d+[a-z]?)[\s-]+(?P<t4>(?:19|20)\d{2})"
    r")(?!\d)", re.I)

# A unit path: "pasal 220 ayat (1) huruf a", "pasal 5 ayat 2", "Pasal 1 angka 4".
UNIT_CITE_RE = re.compile(
    r"(?<![\w])pasal\s+(?P<pasal>\d+[a-z]?|[ivx]+)\b"
    r"(?:\s*,?\s*ayat\s*\(?\s*(?P<ayat>\d+[a-z]?)\s*\)?)?"
    r"(?:\s*,?\s*huruf\s+(?P<huruf>[a-z]{1,2}\d?)\b)?"
    r"(?:\s*,?\s*angka\s+(?P<angka>\d+[a-z]?)\b)?", re.I)


@dataclass
class Citation:
    singkatan: list[str] = field(default_factory=list)  # candidate base short forms
    qualifier: str = ""
    nomor: str = ""
    tahun: int | None = None
    path: list[tuple[str, str]] = field(default_factory=list)  # [("pasal", "220"), ("ayat", "1")]
    span: tuple[int, int] = (0, 0)

    @property
    def has_doc(self) -> bool:
        return bool(self.singkatan and self.nomor)

    def unit_ids(self) -> list[str]:
        """Candidate unit ids, most specific first: pasal_5__ayat_2__huruf_a, pasal_5__ayat_2, pasal_5."""
        out = []
        parts = [f"{k}_{v.lower()}" for k, v in self.path]
        for n in range(len(parts), 0, -1):
            out.append("__".join(parts[:n]))
        return out


def parse_doc(text: str) -> tuple[Citation, re.Match] | None:
    m = DOC_CITE_RE.search(text)
    if not m:
        return None
    g = m.groupdict()
    nomor = next(g[k] for k in ("n1", "n2", "n3", "n4") if g[k])
    tahun = int(next(g[k] for k in ("t1", "t2", "t3", "t4") if g[k]))
    jenis = " ".join(m.group("jenis").lower().replace("-", " ").split())
    singkatan = sorted(_ALIASES.get(jenis) or _ALIASES.get(jenis.replace(" ", "-")) or set())
    if not singkatan:
        # "undang undang" typed with a space
        singkatan = sorted(next((v for k, v in _ALIASES.items() if k.replace("-", " ") == jenis), set()))
    cite = Citation(singkatan=singkatan, qualifier=" ".join(g["qual"].replace(".", " ").split()),
                    nomor=re.sub(r"\s*/\s*", "/", nomor), tahun=tahun, span=m.span())
    return cite, m


def parse_query(text: str) -> tuple[Citation | None, str]:
    """A citation in a query, and the words left over."""
    rest = text
    cite = None
    found = parse_doc(text)
    if found:
        cite, m = found
        rest = text[:m.start()] + " " + text[m.end():]
    u = UNIT_CITE_RE.search(rest)
    if u:
        cite = cite or Citation()
        cite.path = [(k, u.group(k)) for k in ("pasal", "ayat", "huruf", "angka") if u.group(k)]
        rest = rest[:u.start()] + " " + rest[u.end():]
    return cite, " ".join(rest.split())


# After a unit citation: the end of a range of Pasal. "Pasal 239 sampai dengan
# Pasal 243", "Pasal 355–361", "Pasal 405 s.d. 412". Must not take a list
# ("Pasal 5, Pasal 6") or a year ("UU 7-2017" is a document id, not a range).
RANGE_TAIL_RE = re.compile(r"\s*(?:–|—|-|sampai\s+dengan|s\.\s*d\.|s/d|hingga)\s*(?:pasal\s+)?(?P<to>\d+[a-z]?)\b(?![/-]\d)",
                           re.I)
# After a unit citation: more parts of the same Pasal. "Pasal 359 ayat (1) dan
# ayat (2)", "Pasal 239 ayat (2) huruf d dan huruf g". Must not take the next
# Pasal ("dan Pasal 240" is a citation of its own) or a bare number.
MORE_PARTS_RE = re.compile(r"\s*(?:,\s*)?(?:(?:dan|serta|atau|dan/atau)\s+)?"
                           r"(?P<kind>ayat|huruf|angka)\s*\(?\s*(?P<num>\d+[a-z]?|[a-z]{1,2})\s*\)?(?![\w(])", re.I)
# What may stand between citations that share one document: "Pasal 240, Pasal
# 241, dan Pasal 242 UU 17/2014", "Pasal 242 dalam UU 17/2014". Must not
# bridge words ("Pasal 5 mengatur UU 7/2017" cites nothing of UU 7/2017).
JOIN_RE = re.compile(r"\s*(?:,\s*)?(?:(?:dan|serta|atau|dan/atau)\s+)?\s*$", re.I)
UNIT_DOC_GAP_RE = re.compile(r"\s*,?\s*(?:(?:dari|dalam|pada)\s+)?$", re.I)
DOC_UNIT_GAP_RE = re.compile(r"\s*,?\s*$")


@dataclass
class Cited:
    """A citation found in running text: its span, what it names, and a range end."""
    start: int
    end: int
    citation: Citation
    pasal_to: str = ""
    more: list[list[tuple[str, str]]] = field(default_factory=list)  # sibling paths: "ayat (1) dan ayat (2)"

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]


def find_citations(text: str) -> list[Cited]:
    """Citations in prose, each with the document it belongs to when the text says so:
    the document cited right after a unit (or after a list of units), or right before it.
    A unit citation naming no document keeps ``has_doc`` False (the caller does not guess)."""
    docs: list[tuple[int, int, Citation]] = []
    for m in DOC_CITE_RE.finditer(text):
        found = parse_doc(m.group(0))
        if found:
            docs.append((m.start(), m.end(), found[0]))
    units: list[Cited] = []
    for m in UNIT_CITE_RE.finditer(text):
        if any(s <= m.start() < e for s, e, _ in docs) or (units and m.start() < units[-1].end):
            continue
        end, pasal_to = m.end(), ""
        tail = RANGE_TAIL_RE.match(text, end)
        if tail and not m.group("ayat"):
            end, pasal_to = tail.end(), tail.group("to")
        path = [(k, m.group(k)) for k in ("pasal", "ayat", "huruf", "angka") if m.group(k)]
        more, end = _more_parts(text, end, path) if not pasal_to else ([], end)
        units.append(Cited(m.start(), end, Citation(path=path), pasal_to, more))
    consumed = _attach_documents(text, units, docs)
    out = units + [Cited(s, e, c) for n, (s, e, c) in enumerate(docs) if n not in consumed]
    return sorted(out, key=lambda c: c.start)


def _more_parts(text: str, pos: int, path: list[tuple[str, str]]) -> tuple[list, int]:
    """Sibling parts listed after a unit citation, each as a full path."""
    order = ("pasal", "ayat", "huruf", "angka")
    out = []
    while True:
        m = MORE_PARTS_RE.match(text, pos)
        if not m:
            return out, pos
        kind = m.group("kind").lower()
        base = [p for p in path if order.index(p[0]) < order.index(kind)]
        if not base:
            return out, pos
        out.append(base + [(kind, m.group("num"))])
        pos = m.end()


def _attach_documents(text: str, units: list[Cited], docs: list[tuple[int, int, Citation]]) -> set[int]:
    """Give each unit citation its document; returns the documents that became
    part of a unit citation's span ("Pasal 242 UU 17/2014" is one link)."""
    consumed: set[int] = set()
    pending: list[Cited] = []
    for i, u in enumerate(units):
        pending.append(u)
        after = next((n for n, (s, e, c) in enumerate(docs)
                      if s >= u.end and UNIT_DOC_GAP_RE.fullmatch(text[u.end:s])), None)
        if after is not None:
            for p in pending:
                _give(p, docs[after][2])
            u.end = docs[after][1]
            consumed.add(after)
            pending = []
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and JOIN_RE.fullmatch(text[u.end:nxt.start]):
            continue  # a list: its document comes after its last member
        before = next((c for s, e, c in docs
                       if e <= pending[0].start and DOC_UNIT_GAP_RE.fullmatch(text[e:pending[0].start])), None)
        if before is not None:
            for p in pending:
                _give(p, before)
        pending = []
    return consumed


def _give(unit: Cited, doc: Citation) -> None:
    c = unit.citation
    c.singkatan, c.qualifier, c.nomor, c.tahun = list(doc.singkatan), doc.qualifier, doc.nomor, doc.tahun
