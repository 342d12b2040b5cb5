"""The parse report: what a reviewer must look at in a parsed regulation.

Per document: Pasal numbering of the body and of an embedded regulation
(gaps, repeats, numbers going down), with every gap told apart as a *parser
gap* (the text holds a heading "Pasal N" the parser did not take) or *missing
in source* (no such heading anywhere: the source lost it, nothing may invent
it); the Pasal quoted by an amending act's instructions; text left outside
any unit; units with suspicious content (a page number, a running header, a
catchword, hyphenation debris, OCR junk); OCR pages; unresolved references;
and the parser's own warnings.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .model import Document, Unit

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
NUM_RE = re.compile(r"^(\d+)([A-Z]?)$")

# Parts whose units are clauses (checked for noise); the opening's heading,
# the closing and Lampiran blocks are free text.
CLAUSE_KINDS = ("pasal", "ayat", "huruf", "angka", "diktum", "penjelasan", "menimbang", "mengingat",
                "memperhatikan", "buku", "bab", "bagian", "paragraf", "block")
FREE_ROOTS = ("pembukaan", "penutup", "menetapkan", "lampiran")

# -- suspicious content inside a clause, each with what it must not match ----
# A page number: "- 12 -", "–3–". Must not match "Rp.1.000 - 2.000" (no
# dashes on both sides of a bare number) nor an ayat "(2)".
PAGE_NUMBER_IN_TEXT_RE = re.compile(r"(?:^|\s)[-–—]\s?\d{1,3}\s?[-–—](?=\s|$)")
# A running header: "PRESIDEN REPUBLIK INDONESIA" without the comma of a
# signature or an opening ("PRESIDEN REPUBLIK INDONESIA,"), a Berita Negara
# header "2020, No.49", a site address.
HEADER_IN_TEXT_RE = re.compile(
    r"PRESIDEN\s+REPUBLIK\s+INDONESIA(?!\s*,)(?!\s+(?:DAN|dan|atau|yang|sebagai|untuk)\b)"
    r"|\b(?:19|20)\d{2},\s*No\.\s?\d+\b|\bwww\.[a-z]|\bhttps?://")
# A catchword left at a page break: ". . ." or "…" after a word. Must not
# match a single full stop or "dan lain-lain".
CATCHWORD_IN_TEXT_RE = re.compile(r"\w\s*(?:\.\s){2,}\.|\w\s*…")
# Hyphenation debris: a lower-case word broken with "- " ("penye- lenggaraan").
# Must not match "dan/atau" or "Undang- Undang" (a capital after the break).
HYPHEN_DEBRIS_RE = re.compile(r"\b[a-z]{2,}- [a-z]{3,}\b")
# OCR junk: characters that never occur in regulation text.
OCR_JUNK_RE = re.compile(r"[\^{}<>~|]|\w[!#$%*+=]\w")

SUSPICIOUS = (
    ("nomor halaman", PAGE_NUMBER_IN_TEXT_RE),
    ("kepala halaman", HEADER_IN_TEXT_RE),
    ("kata tangkap", CATCHWORD_IN_TEXT_RE),
    ("pemenggalan kata", HYPHEN_DEBRIS_RE),
    ("sisa OCR", OCR_JUNK_RE),
)


def roman_to_int(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN_VALUES.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


@dataclass
class Report:
    doc_id: str
    format: str = ""
    pasal: int = 0
    ayat: int = 0
    quoted_pasal: int = 0
    lampiran_pasal: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    ocr_units: int = 0
    gaps: list[str] = field(default_factory=list)
    missing_in_source: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    suspicious: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """No numbering fault of the parser (gaps the source itself has are
        reported, but do not make a parse incomplete)."""
        return not (self.gaps or self.repeats or self.order)

    @property
    def clean(self) -> bool:
        return not (self.outside or self.suspicious)

    def anomalies(self) -> list[str]:
        out = [f"nomor pasal melompat (parser): {g}" for g in self.gaps]
        out += [f"pasal tidak ada di sumber: {g}" for g in self.missing_in_source]
        out += [f"pasal berulang: {r}" for r in self.repeats]
        out += [f"urutan pasal mundur: {o}" for o in self.order]
        out += [f"teks di luar unit: {o}" for o in self.outside]
        out += [f"isi mencurigakan: {s}" for s in self.suspicious]
        out += [f"rujukan tak terselesaikan: {u}" for u in self.unresolved]
        return out + self.warnings

    def to_json(self) -> dict:
        d = asdict(self)
        d["complete"] = self.complete
        d["clean"] = self.clean
        d["anomalies"] = self.anomalies()
        return d


def body_pasal(doc: Document, root: str = "") -> list[Unit]:
    """The Pasal of a body in order: the document's own (``root`` ''), or
    those of an embedded regulation (``root`` 'lampiran'); never quoted text
    under an instruction, never the Penjelasan."""
    prefix = f"{root}__" if root else ""
    out = []
    for u in doc.units:
        if u.kind != "pasal" or not u.id.startswith(prefix):
            continue
        if "__" not in u.id[len(prefix):]:
            out.append(u)
    return out


def embedded_roots(doc: Document) -> list[str]:
    """Lampiran units that hold a regulation of their own (they have Pasal)."""
    roots = {u.id.split("__")[0] for u in doc.units if u.kind == "pasal" and u.id.startswith("lampiran")}
    return sorted(r for r in roots if any(u.id == r for u in doc.units))


def _key(n: str) -> tuple[int, str]:
    m = NUM_RE.match(n)
    return (int(m.group(1)), m.group(2)) if m else (roman_to_int(n), "")


def numbering(numbers: list[str]) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """Gaps as (last number, next number), repeats and decreases in a Pasal
    sequence; inserted Pasal (5A) are fine; an amending act's I, II alike."""
    gaps, repeats, order = [], [], []
    prev: tuple[int, str] | None = None
    seen = set()
    for n in numbers:
        key = _key(n)
        if key in seen:
            repeats.append(n)
            continue
        seen.add(key)
        if prev is None:
            if key[0] > 1:
                gaps.append((0, key[0]))
        elif key < prev:
            order.append(f"{prev[0]}{prev[1]}->{n}")
        elif key[0] > prev[0] + 1:
            gaps.append((prev[0], key[0]))
        prev = key
    return gaps, repeats, order


def _span(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}-{b}"


def heading_in_text(units: list[Unit], number: int) -> str | None:
    """The id of a unit whose text holds a heading-like "Pasal N" (at a line
    start or after the end of a sentence, followed by its first ayat or a
    capitalised sentence): evidence that the parser missed a heading."""
    rx = re.compile(rf"(?:^|\n|[.;:]\s+)Pasal\s+{number}(?=\s*(?:$|\n|\(\d|[A-Z]))")
    for u in units:
        if u.text and rx.search(u.text):
            return u.id
    return None


def _numbering_report(report: Report, doc: Document, root: str) -> None:
    pasal = body_pasal(doc, root)
    gaps, repeats, order = numbering([u.number for u in pasal])
    prefix = f"{root}__" if root else ""
    where = " (lampiran)" if root else ""
    body_units = [u for u in doc.units if u.id.startswith(prefix) and not _free(u, prefix)]
    for a, b in gaps:
        missing = list(range(a + 1, b))
        taken = [(n, heading_in_text(body_units, n)) for n in missing]
        parser = [f"{n} (teks di {uid})" for n, uid in taken if uid]
        source = [n for n, uid in taken if not uid]
        report.gaps += [p + where for p in parser]
        for run in _runs(source):
            report.missing_in_source.append(_span(run[0], run[-1]) + where)
    report.repeats += [r + where for r in repeats]
    report.order += [o + where for o in order]


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


NOT_BODY = ("pembukaan", "penutup", "menetapkan", "lampiran", "penjelasan", "menimbang", "mengingat",
            "memperhatikan")


def _free(u: Unit, prefix: str = "") -> bool:
    """Not a unit of the body (the opening, the closing, the Penjelasan, a Lampiran)."""
    first = u.id[len(prefix):].split("__")[0]
    return first.split("_")[0] in NOT_BODY


def _clause_units(doc: Document) -> list[Unit]:
    out = []
    for u in doc.units:
        parts = u.id.split("__")
        if u.kind not in CLAUSE_KINDS:
            continue
        # Units of a separately filed or block Lampiran are free text; those
        # of an embedded regulation are clauses like the body's.
        if parts[0].startswith("lampiran") and len(parts) == 1:
            continue
        if any(p.split("_")[0] in ("pembukaan", "penutup", "menetapkan") for p in parts):
            continue
        out.append(u)
    return out


def suspicious(doc: Document) -> list[str]:
    out = []
    for u in _clause_units(doc):
        text = f"{u.heading}\n{u.text}" if u.kind in ("buku", "bab", "bagian", "paragraf") else u.text
        for name, rx in SUSPICIOUS:
            m = rx.search(text)
            if m:
                out.append(f"{u.id}: {name} '{m.group(0).strip()[:40]}'")
                break
    return out


def outside(doc: Document) -> list[str]:
    """Text that no clause holds: a top-level block, text under a BAB,
    Bagian or Paragraf heading that belongs to no Pasal."""
    out = []
    for u in doc.units:
        if u.kind == "block" and (u.parent is None or u.id.endswith("teks")) and u.text.strip():
            out.append(f"{u.id} ({len(u.text)} karakter)")
        elif u.kind in ("buku", "bab", "bagian", "paragraf") and u.text.strip():
            out.append(f"{u.id} ({len(u.text)} karakter)")
    return out


def check(doc: Document, fmt: str = "", ocr_pages: list[int] | None = None,
          references: list[dict] | None = None) -> Report:
    body = body_pasal(doc)
    quoted = [u for u in doc.units if u.kind == "pasal" and "__angka_" in u.id and u.id.startswith("pasal_")]
    report = Report(doc_id=doc.id, format=fmt, pasal=len(body),
                    ayat=sum(1 for u in doc.units if u.kind == "ayat" and not u.id.startswith("lampiran")),
                    quoted_pasal=len(quoted),
                    lampiran_pasal=sum(len(body_pasal(doc, r)) for r in embedded_roots(doc)),
                    ocr_pages=list(ocr_pages or []), warnings=list(doc.warnings))
    _numbering_report(report, doc, "")
    for root in embedded_roots(doc):
        _numbering_report(report, doc, root)
    report.outside = outside(doc)
    report.suspicious = suspicious(doc)
    report.unresolved = [f"{r['unit_id']}: '{r['text']}' ({r['reason']})" for r in references or []
                         if not r.get("resolved") and r.get("reason")]
    report.ocr_units = sum(1 for u in doc.units if u.ocr)
    return report


def _pasal_cell(r: Report) -> str:
    cell = str(r.pasal)
    if r.quoted_pasal:
        cell += f" (+{r.quoted_pasal} dikutip)"
    if r.lampiran_pasal:
        cell += f" (+{r.lampiran_pasal} di lampiran)"
    return cell


def summary(r: Report) -> str:
    """Anomalies of a report in one cell: counts per kind, then the parser's
    warnings (shortened); `jdih check DOC_ID` lists them all."""
    kinds = (("celah parser", r.gaps), ("pasal tidak ada di sumber", r.missing_in_source),
             ("pasal berulang", r.repeats), ("urutan mundur", r.order), ("teks di luar unit", r.outside),
             ("isi mencurigakan", r.suspicious), ("rujukan tak terselesaikan", r.unresolved))
    parts = [f"{name}: {len(items)}" for name, items in kinds if items]
    parts += [w[:90] for w in r.warnings[:2]]
    if len(r.warnings) > 2:
        parts.append(f"dan {len(r.warnings) - 2} catatan lain")
    return "; ".join(parts) or "-"


def markdown_table(reports: list[Report]) -> str:
    rows = ["| dokumen | format | pasal | ayat | halaman OCR | anomali |", "|---|---|---:|---:|---:|---|"]
    for r in reports:
        anomalies = summary(r).replace("|", "/")
        rows.append(f"| {r.doc_id} | {r.format} | {_pasal_cell(r)} | {r.ayat} | {len(r.ocr_pages)} | {anomalies} |")
    return "\n".join(rows)
