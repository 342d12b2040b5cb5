"""HTML of a regulation's text, from its unit tree.

Everything that comes from a document is escaped here; templates include the
result raw. Each unit is an element whose id is the unit id (the reader's
anchors), and every Pasal and ayat links to its permalink.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from jdih.ids import unit_citation
from jdih.model import Tree, Unit, marker

LABELS = {"menimbang": "Menimbang", "mengingat": "Mengingat", "memperhatikan": "Memperhatikan",
          "menetapkan": "Menetapkan"}


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())


def unit_paragraphs(text: str, marks: list[tuple[int, int, str]] = (), refs: list[dict] = ()) -> str:
    """A unit's own text as paragraphs that say where they start in the text
    (``data-mulai``, for selecting a span to annotate), with annotated spans in
    <mark> and cross-references as links. Text is cut at every span boundary;
    a segment names every annotation covering it (overlaps are fine) and sits
    in the link of the reference covering it, so elements always nest."""
    spans: dict[tuple[int, int], list[dict]] = {}
    for r in refs:
        if 0 <= r["start"] < r["end"] <= len(text):
            spans.setdefault((r["start"], r["end"]), []).append(r)
    links = _non_overlapping(sorted(spans))
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.strip():
            out.append(f'<p data-mulai="{start}">{_segments(text, start, start + len(line), marks, links, spans)}</p>')
    return "".join(out)


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        if not kept or s >= kept[-1][1]:
            kept.append((s, e))
    return kept


def _segments(text: str, start: int, end: int, marks, links, spans) -> str:
    cuts = {start, end}
    for s, e, *_ in list(marks) + links:
        cuts.update(x for x in (s, e) if start < x < end)
    cuts_sorted = sorted(cuts)
    html = []
    for a, b in zip(cuts_sorted, cuts_sorted[1:]):
        seg = escape(text[a:b])
        ids = [i for s, e, i in marks if s <= a and b <= e]
        if ids:
            seg = f'<mark class="sorot" data-anotasi="{escape(" ".join(ids))}">{seg}</mark>'
        link = next((k for k in links if k[0] <= a and b <= k[1]), None)
        html.append(_ref_link(seg, spans[link]) if link else seg)
    return "".join(html)


def inline(text: str) -> str:
    parts = [escape(p) for p in text.split("\n") if p.strip()]
    return "<br>".join(parts)


def _ref_link(html: str, refs: list[dict]) -> str:
    """``html`` (escaped text of the reference) as a link to the cited unit when
    it is in the store, otherwise as text with the reason in a tooltip."""
    linked = [r for r in refs if r.get("present")]
    if linked:
        r = linked[0]
        href = f"/dokumen/{escape(r['target_doc'] or r['doc_id'])}"
        if r["target_unit"]:
            href += f"/{escape(r['target_unit'])}"
        titles = ", ".join(x["title"].strip() for x in linked)
        return f'<a class="rujukan" href="{href}" title="{escape(titles)}">{html}</a>'
    reason = next((r["reason"] for r in refs if r.get("reason")), "") or "belum ada di JDIH ini"
    return f'<span class="rujukan tak-tersedia" title="{escape(reason)}">{html}</span>'


class Renderer:
    def __init__(self, doc_id: str, tree: Tree, link_units: bool = True,
                 marks: dict[str, list[tuple[int, int, str]]] | None = None,
                 refs: dict[str, list[dict]] | None = None,
                 extra: Callable[[Unit], str] | None = None):
        self.doc_id = doc_id
        self.tree = tree
        self.link_units = link_units
        self.marks = marks or {}      # annotated spans per unit id (web/annotations_view.py)
        self.refs = refs or {}        # cross-references per unit id (jdih/relations.py)
        self.extra = extra or (lambda u: "")  # HTML after a unit's own text (annotations, amendments)

    def text(self, u: Unit) -> str:
        """A unit's own text, selectable for annotation, with its highlights and
        reference links, then the extra hook."""
        own = (f'<div class="teks" data-unit="{escape(u.id)}">'
               f'{unit_paragraphs(u.text, self.marks.get(u.id, []), self.refs.get(u.id, []))}</div>'
               ) if u.text.strip() else ""
        return own + self.extra(u)

    def url(self, unit_id: str) -> str:
        return f"/dokumen/{escape(self.doc_id)}/{escape(unit_id)}"

    def penjelasan_of(self, unit_id: str) -> Unit | None:
        return self.tree.by_id.get(f"penjelasan__{unit_id}")

    def units(self, units: list[Unit], with_penjelasan: bool = True) -> str:
        return "".join(self.unit(u, with_penjelasan) for u in units)

    def unit(self, u: Unit, with_penjelasan: bool = True) -> str:
        kids = self.tree.kids(u.id)
        inner = self.units(kids, with_penjelasan)
        uid = escape(u.id)
        if u.kind == "pembukaan":
            return f'<header class="pembukaan" id="{uid}">{"".join(f"<p>{escape(p)}</p>" for p in u.text.split(chr(10)))}</header>'
        if u.kind in LABELS:
            return (f'<section class="konsiderans" id="{uid}"><h3 class="label">{LABELS[u.kind]}</h3>'
                    f'<div class="isi">{self.text(u)}{inner}</div></section>')
        if u.kind in ("buku", "bab", "bagian", "paragraf"):
            level = {"buku": 2, "bab": 2, "bagian": 3, "paragraf": 4}[u.kind]
            label = escape(u.label or u.kind.upper())
            heading = f"<br><span class=\"judul\">{escape(u.heading)}</span>" if u.heading else ""
            return (f'<section class="{u.kind}" id="{uid}"><h{level} class="struktur">{label}{heading}'
                    f'</h{level}>{self.text(u)}{inner}</section>')
        if u.kind in ("pasal", "diktum"):
            pj = ""
            p = self.penjelasan_of(u.id) if with_penjelasan else None
            if p is not None:
                pj = (f'<details class="penjelasan-pasal"><summary>Penjelasan {escape(unit_citation(u.id))}'
                      f'</summary>{self.penjelasan_body(p)}</details>')
            label = escape(u.label or f"Pasal {u.number}")
            title = f'<a href="{self.url(u.id)}" class="permalink">{label}</a>' if self.link_units else label
            return (f'<article class="{u.kind}" id="{uid}"><h3 class="pasal-judul">{title}</h3>'
                    f'{self.text(u)}{inner}{pj}</article>')
        if u.kind in ("ayat", "huruf", "angka"):
            num = escape(marker(u))
            link = (f'<a class="nomor" href="{self.url(u.id)}" title="Tautan ke {escape(unit_citation(u.id))}">{num}</a>'
                    if self.link_units and u.kind == "ayat" else f'<span class="nomor">{num}</span>')
            return (f'<div class="{u.kind} rincian" id="{uid}">{link}<div class="isi">'
                    f'{self.text(u)}{inner}</div></div>')
        if u.kind == "penjelasan":
            if u.id == "penjelasan":
                return (f'<section class="penjelasan" id="{uid}"><h2>{escape(u.heading or "PENJELASAN")}</h2>'
                        f'{self.text(u)}{self.units(kids, False)}</section>')
            label = escape(u.label) if u.label else ""
            return (f'<div class="penjelasan-unit" id="{uid}">'
                    f'{f"<h3>{label}</h3>" if label else ""}{self.text(u)}{self.units(kids, False)}</div>')
        if u.kind == "lampiran":
            return (f'<section class="lampiran" id="{uid}"><h2>{escape(u.label or "LAMPIRAN")}</h2>'
                    f'<div class="lampiran-isi">{self.text(u)}</div>{inner}</section>')
        if u.kind == "penutup":
            return f'<section class="penutup" id="{uid}">{self.text(u)}{inner}</section>'
        return f'<div class="{escape(u.kind)}" id="{uid}">{self.text(u)}{inner}</div>'

    def penjelasan_body(self, p: Unit) -> str:
        return self.text(p) + self.units(self.tree.kids(p.id), False)

    def toc(self) -> list[dict]:
        """Table of contents: structure and Pasal, with depth."""
        out = []
        for u in self.tree.units:
            depth = len([a for a in self.tree.ancestors(u.id)
                         if a.kind in ("buku", "bab", "bagian", "paragraf", "pasal")])
            if u.kind in ("buku", "bab", "bagian", "paragraf"):
                out.append({"id": u.id, "label": f"{u.label} {u.heading}".strip(), "depth": depth})
            elif u.kind in ("pasal", "diktum"):
                out.append({"id": u.id, "label": u.label or f"Pasal {u.number}", "depth": depth})
            elif u.kind in ("menimbang", "mengingat", "penjelasan", "lampiran", "penutup") and u.parent is None:
                out.append({"id": u.id, "label": (u.label or u.kind).title() if u.kind != "lampiran" else u.label,
                            "depth": 0})
        return out
