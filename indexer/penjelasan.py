"""The Penjelasan: Umum, and Pasal demi Pasal linked to the units it explains.

Ids mirror the body: the explanation of ``pasal_220__ayat_1__huruf_b`` is
``penjelasan__pasal_220__ayat_1__huruf_b``; in an amending act,
``penjelasan__pasal_i__angka_1__pasal_7__ayat_2``. Headings are "Pasal 5",
"Ayat (1)", "Huruf a", "Angka 3" at line start (capitalised), in PDFs on their
own line, in flattened text formats followed by their text
("Ayat (1) Cukup jelas.").
"""
from __future__ import annotations

import re

from jdih.ids import id_part
from jdih.model import Unit

from . import patterns as P
from .lines import Line
from .tree import TreeBuilder

ROOT = "penjelasan"
RANKS = {"roman": 10, "instruction": 20, "pasal": 30}
SUB_KINDS = {"ayat": P.PJ_AYAT_RE, "huruf": P.PJ_HURUF_RE, "angka": P.PJ_ANGKA_RE}


class PenjelasanParser:
    def __init__(self, builder: TreeBuilder, floor: int = 0):
        self.b = builder
        self.floor = floor
        self.root: Unit | None = None
        self.zone = "title"  # title -> umum -> pasal
        self.roman: Unit | None = None
        self.instruction: Unit | None = None
        self.prev = ""

    def parse(self, lines: list[Line]) -> None:
        for i, line in enumerate(lines):
            nxt = lines[i + 1].text if i + 1 < len(lines) else ""
            self.feed(line, nxt)
            self.prev = line.text

    def feed(self, line: Line, nxt: str) -> None:
        t = line.text
        if self.root is None:
            self.b.close_to(self.floor)
            self.root = self.b.open("penjelasan", "", self.floor, local_id=ROOT, label="PENJELASAN", line=line,
                                    heading=t)
            return
        if P.UMUM_RE.match(t) and self.zone == "title":
            self.zone = "umum"
            self.b.close_to(1)
            self.b.open("penjelasan", "umum", 1, local_id="umum", label="I. UMUM", line=line)
            return
        if P.PASAL_DEMI_PASAL_RE.match(t):
            self.zone = "pasal"
            self.b.close_to(1)
            return
        if P.TLN_LINE_RE.match(t):
            self.b.close_to(1)
            self.zone = "end"
            self.b.add(line)
            return
        if self.zone == "title":
            self.root.heading = f"{self.root.heading} {t}"
            return
        if self.zone in ("pasal", "umum") and self._pasal(line, nxt):
            return
        if self.zone == "pasal" and self._sub(line, nxt):
            return
        self.b.add(line)

    def _pasal(self, line: Line, nxt: str) -> bool:
        t = line.text
        m = P.PJ_PASAL_RE.match(t)
        rest = ""
        if not m:
            m = P.PJ_PASAL_INLINE_RE.match(t)
            if not m:
                return False
            rest = m.group(2)
        if self.zone == "umum" and not rest:
            # "Pasal 5" alone inside the Umum part starts Pasal demi Pasal when
            # the heading "II. PASAL DEMI PASAL" was lost.
            if not re.match(r"^(?:Cukup|Ayat|Huruf|Angka|Yang|Dihapus|Pasal)", nxt):
                return False
        if P.CONTINUATION_END_RE.search(self.prev) and not self.prev.endswith(")") \
                and not P.PASAL_DEMI_PASAL_RE.match(self.prev):
            return False
        self.zone = "pasal"
        number = m.group(1)
        if re.fullmatch(r"[IVX]+", number):
            self.b.close_to(RANKS["roman"])
            self.roman = self.b.open("penjelasan", number, RANKS["roman"], local_id=f"pasal_{id_part(number)}",
                                     root=self.root.id, label=f"Pasal {number}", line=line, rooted=True)
            self.instruction = None
            return True
        root = self.instruction.id if self.instruction else (self.roman.id if self.roman else self.root.id)
        self.b.close_to(RANKS["pasal"])
        self.b.open("penjelasan", number, RANKS["pasal"], local_id=f"pasal_{id_part(number)}", root=root,
                    label=f"Pasal {number}", line=line, rooted=True, text=rest)
        return True

    def _sub(self, line: Line, nxt: str) -> bool:
        t = line.text
        for kind, rx in SUB_KINDS.items():
            m = rx.match(t)
            if not m:
                continue
            number, rest = m.group(1), m.group(m.lastindex)
            paren = kind != "ayat" and bool(m.group(2))
            if kind == "angka" and self.roman is not None and P.PJ_PASAL_RE.match(nxt) and not rest:
                # "Angka 3" followed by "Pasal 10": the amending act's instruction 3.
                self.b.close_to(RANKS["instruction"])
                self.instruction = self.b.open("penjelasan", number, RANKS["instruction"],
                                               local_id=f"angka_{number}", label=f"Angka {number}", line=line)
                return True
            top = self.b.top()
            if top is None or top.rank < RANKS["pasal"]:
                return False
            # A sub-heading of a kind already open is that unit's sibling;
            # a new kind nests one deeper.
            label = f"Ayat ({number})" if kind == "ayat" else f"{kind.capitalize()} {number}{')' if paren else ''}"
            rank = None
            for frame in reversed(self.b.stack):
                if frame.rank <= RANKS["pasal"]:
                    break
                if frame.unit.id.rsplit("__", 1)[-1].startswith(f"{kind}_") and \
                        frame.unit.label.endswith(")") == label.endswith(")"):
                    rank = frame.rank
                    break
            if rank is None:
                rank = top.rank + 1
            self.b.open("penjelasan", number, rank, local_id=f"{kind}_{number}", label=label, line=line,
                        text=rest)
            return True
        return False
