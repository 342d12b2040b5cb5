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
