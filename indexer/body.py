"""The body (batang tubuh): BAB, Bagian, Paragraf, Pasal, ayat and rincian.

A line opens a unit only when it is a marker *and* fits where it stands:
Pasal numbers run forward, ayat and rincian follow their predecessors
('(2)' after '(1)', 'c.' after 'b.'), and a line that continues a reference
("... dimaksud dalam Pasal" / "5 ayat (2) ...") is text. Everything that is
not a marker is text of the innermost open unit, so nothing is dropped.

Each rule looks at a line and returns an action (or None); the parser runs
the first action. Because rules can be asked without acting, flattened text
(a whole Pasal on one line, as some text conversions have it) is split at
exactly the places where a marker would be accepted.

Amending acts (Pasal I / Pasal II) hold numbered instructions; the quoted new
text under an instruction is parsed as units of its own beneath it:
``pasal_i__angka_2__pasal_9__ayat_1``.
"""
from __future__ import annotations

import re
from typing import Callable

from jdih.ids import id_part
from jdih.model import Unit

from . import numbering
from . import patterns as P
from .lines import Line
from .tree import Frame, TreeBuilder, is_first, is_next, pasal_follows, pasal_is_next

Action = Callable[[Line], None]

RANK = {"buku": 5, "bab": 10, "bagian": 20, "paragraf": 30, "pasal": 40}
ROMAN_RANK, INSTRUCTION_RANK, QUOTED = 40, 45, 100
MAX_INSTRUCTION_SKIP = 3
CONTAINERS = ("pasal", "ayat", "diktum", "menimbang", "mengingat", "memperhatikan")

# A line ending like this continues a reference: the next line's leading
# "(2)" or "5." belongs to it ("... pada ayat" / "(2) ...").
REF_END_RE = re.compile(r"\b(?:ayat|Pasal|huruf|angka|Nomor|Tahun|butir|dalam|pada|dan/atau)$", re.I)
INSTRUCTION_START_RE = re.compile(
    r"^(?:Ketentuan|Di\s*antara|Antara|Diantara|Pasal|Bab|BAB|Bagian|Paragraf|Penjelasan|Judul|"
    r"Lampiran|Setelah|Sebelum|Menambah|Mengubah|Menghapus|Mencabut|Dalam|Kata|Istilah|Frasa|"
    r"Huruf|Ayat|Angka|Diktum|Ditambahkan|Menyisipkan|Sisipkan|Rumusan|Nomenklatur|Seluruh|"
    r"Beberapa|Sebutan|Penyebutan|Uraian|Tabel|Format)\b")
RINCIAN_PATTERNS = (
    (P.HURUF_DOT_RE, "huruf", "{}."),
    (P.ANGKA_DOT_RE, "angka", "{}."),
    (P.HURUF_PAREN_RE, "huruf", "{})"),
    (P.ANGKA_PAREN_RE, "angka", "{})"),
)
# Where a flattened line may hide the start of another unit: after the end of
# a sentence or list item (". ", "; ", ": ", "; dan ", "; atau "), or before
# "Pasal N" / "BAB" / "Bagian" after any word. Must not split inside
# "Pasal 5 ayat (2)"; whether a split is taken is decided by the rules.
INLINE_CANDIDATE_RE = re.compile(
    r"(?:(?<=[.;:])|(?<=[.;:] dan)|(?<=[.;:] atau)|(?<=[.;:] __))\s+(?=\S)"
    r"|\s+(?=Pasal\s+(?:\d+[A-Z]?|I)\s+(?:\(\d|[A-Z])|BUKU\s+KE[A-Z]+\b|BAB\s+[IVXLC]+[A-Z]?\s+[A-Z]{3}|Bagian\s+Ke[a-z]+\s+[A-Z])")


def _style(label: str) -> str:
    """'a.' -> 'a.', 'b1.' -> 'a.', '12.' -> '1.', 'c)' -> 'a)'."""
    kind = "1" if label[0].isdigit() else "a"
    return kind + label[-1]


class BodyParser:
    def __init__(self, builder: TreeBuilder, amending: bool = False, list_only: bool = False, root: str = ""):
        self.b = builder
        self.amending = amending
        self.list_only = list_only
        self.base = root  # id prefix of rooted units: '' or 'lampiran' (an embedded regulation)
        self.plan: dict[int, list[str]] | None = None
        self.line_no = -1
        self.last_pasal: str | None = None
        self.instruction: Unit | None = None
        self.roman: Unit | None = None
        self.last_instruction = 0
        self.heading_for: Unit | None = None
        self.heading_lines = 0
        self.prev = ""
        self.anomalies: list[str] = []

    # -- public -----------------------------------------------------------
    def parse(self, lines: list[Line]) -> None:
        if not self.amending:
            self.plan = numbering.plan(lines, self.amending)
        for i, line in enumerate(lines):
            self.line_no = i
            ahead = " ".join(l.text for l in lines[i:i + 3])
            if line.top is None:
                self.feed_flat(line, ahead)
            else:
                self.feed(line, ahead)

    def feed(self, line: Line, ahead: str = "") -> None:
        action = self.match(line.text, ahead or line.text, line.centered)
        if action is None:
            self._text(line)
        else:
            action(line)
        self.prev = line.text

    def feed_flat(self, line: Line, ahead: str = "") -> None:
        """A text-format line that may hold several units: split it where a
        marker would be accepted, and feed the pieces in order."""
        text = line.text
        while True:
            cut = None
            for m in INLINE_CANDIDATE_RE.finditer(text):
                rest = text[m.end():]
                saved, self.prev = self.prev, text[:m.start()]
                ok = self.match(rest, rest, False, inline=True) is not None
                self.prev = saved
                if ok:
                    cut = m
                    break
            if cut is None:
                self.feed(line.with_text(text), ahead)
                return
            self.feed(line.with_text(text[:cut.start()]), ahead)
            text = text[cut.end():]
            ahead = text

    def match(self, text: str, ahead: str, centered: bool, inline: bool = False) -> Action | None:
        if self.list_only:
            return self._rincian(text)
        action = (self._roman(text) or self._structure(text) or self._pasal(text, centered, inline)
                  or self._diktum(text) or self._instruction(text, ahead) or self._ayat(text)
                  or self._rincian(text))
        return action

    # -- state ------------------------------------------------------------
    @property
    def quoted(self) -> bool:
        return self.roman is not None

    def _offset(self) -> int:
        return QUOTED if self.quoted else 0

    def _root(self) -> str:
        if self.instruction is not None:
            return self.instruction.id
        return self.roman.id if self.roman is not None else self.base

    def _continues(self) -> bool:
        return bool(P.CONTINUATION_END_RE.search(self.prev))

    def _children(self, unit: Unit) -> list[Unit]:
        out = []
        for u in reversed(self.b.units):
            if u is unit:
                break
            if u.parent == unit.id:
                out.append(u)
        return out[::-1]

    # -- rules ------------------------------------------------------------
    def _roman(self, text: str) -> Action | None:
        m = P.PASAL_ROMAN_RE.match(text)
        if not (m and self.amending):
            return None
        number = m.group(1)

        def act(line: Line) -> None:
            self.b.close_to(0)
            self.roman = self.b.open("pasal", number, ROMAN_RANK, local_id=f"pasal_{id_part(number)}",
                                     label=f"Pasal {number}", line=line, rooted=True)
            self.instruction = None
            self.last_instruction = 0
            self.heading_for = None
        return act

    def _instruction(self, text: str, ahead: str) -> Action | None:
        if self.roman is None:
            return None
        m = P.ANGKA_DOT_RE.match(text)
        if not m or not m.group(1).isdigit():
            return None
        n = int(m.group(1))
        rest = ahead[m.end(1) + 1:].strip()
        if n == self.last_instruction + 1:
            if not (INSTRUCTION_START_RE.match(rest) and P.INSTRUCTION_RE.search(rest[:400])):
                return None
        elif not (self.last_instruction + 1 < n <= self.last_instruction + MAX_INSTRUCTION_SKIP
                  and P.INSTRUCTION_SENTENCE_RE.match(rest)):
            # A source that lost an instruction ("56." missing): the next one
            # is taken only when it reads as an instruction sentence.
            return None
        number, body = m.group(1), m.group(2)

        def act(line: Line) -> None:
            while self.b.stack and self.b.stack[-1].unit is not self.roman:
                self.b.stack.pop()
            self.instruction = self.b.open("angka", number, INSTRUCTION_RANK, local_id=f"angka_{number}",
                                           label=f"{number}.", line=line, text=body)
            if n != self.last_instruction + 1:
                self.anomalies.append(f"instruksi angka {self.last_instruction + 1}"
                                      f"{'' if n == self.last_instruction + 2 else f'-{n - 1}'} tidak ada di sumber")
            self.last_instruction = n
            self.heading_for = None
        return act

    def _structure(self, text: str) -> Action | None:
        for kind, rx in (("buku", P.BUKU_RE), ("bab", P.BAB_RE), ("bagian", P.BAGIAN_RE),
                         ("paragraf", P.PARAGRAF_RE)):
            m = rx.match(text)
            if m is None and kind == "bab":
                m = re.match(rf"^BAB\s+({P.ROMAN}[A-Z]?)\s+([A-Z][A-Z ,/&-]+?)(?=\s+(?:Pasal|Bagian)\s|$)", text)
            if m is None and kind == "buku":
                m = re.match(r"^BUKU\s+(KE[A-Z]+)\s+([A-Z][A-Z ,/&-]+?)(?=\s+BAB\s|$)", text)
            if m is None:
                continue
            if kind != "bab" and self._continues():
                return None
            number, heading = m.group(1), (m.group(2) or "").strip()
            rank = RANK[kind] + self._offset()

            def act(line: Line, kind=kind, number=number, heading=heading, rank=rank) -> None:
                self.b.close_to(rank)
                if kind == "buku":
                    root = self._root()
                elif kind == "bab":
                    buku = self._container(("buku",))
                    root = buku.unit.id if buku else self._root()
                else:
                    parent = self.b.top()
                    root = parent.unit.id if parent else self._root()
                unit = self.b.open(kind, number, rank, local_id=f"{kind}_{id_part(number)}", root=root,
                                   label=f"{kind.upper() if kind in ('bab', 'buku') else kind.capitalize()} {number}",
                                   line=line, rooted=True, heading=heading)
                self.heading_for, self.heading_lines = unit, 0
                rest = text[m.end():].strip() if kind in ("bab", "buku") and m.end() < len(text) else ""
                if rest:
                    self.prev = heading
                    self.feed_flat(line.with_text(rest))
            return act
        return None

    def _pasal(self, text: str, centered: bool = False, inline: bool = False) -> Action | None:
        if self.quoted or self.plan is None:
            return self._quoted_pasal(text, centered, inline)
        found = numbering.heading(text, self.amending)
        if found is None:
            return None
        number, rest = found
        planned = self.plan.get(self.line_no, [])
        if not planned or planned[0] != number:
            if not rest and not inline:
                return self._unplanned_heading(number)
            return None

        def act(line: Line) -> None:
            planned.pop(0)
            self._open_pasal(line, number, rest)
        return act

    def _unplanned_heading(self, number: str) -> Action | None:
        """A 'Pasal N' line that is not one of the planned headings: a heading
        printed twice in the source becomes a block of its Pasal (reported);
        anything else is text."""
        if number != self.last_pasal:
            self.anomalies.append(f"Pasal {number} setelah Pasal {self.last_pasal}: dianggap teks")
            return None
        pasal = self._container(("pasal",))

        def act(line: Line) -> None:
            self.anomalies.append(f"judul Pasal {number} tertulis ulang di sumber")
            self.b.close_to((pasal.rank if pasal else RANK["pasal"]) + 1)
            self.b.open("block", "", (pasal.rank if pasal else RANK["pasal"]) + 5, local_id="judul_ulang",
                        line=line, text=line.text)
            self.b.close_to((pasal.rank if pasal else RANK["pasal"]) + 1)
        return act

    def _quoted_pasal(self, text: str, centered: bool, inline: bool) -> Action | None:
        m = P.PASAL_RE.match(text)
        rest = ""
        if not m:
            m = P.PASAL_INLINE_RE.match(text)
            if not m:
                return None
            if not self.quoted and not pasal_is_next(self.last_pasal, m.group(1)):
                return None
            rest = m.group(2)
            if self.quoted and not re.match(r"^(?:\(1\)|[A-Z])", rest):
                return None
            if not inline and self.prev and not re.search(r"[.;:]$", self.prev) and self.heading_for is None:
                return None
        number = m.group(1)
        if self._continues() and not centered and not (rest and pasal_is_next(self.last_pasal, number)):
            return None
        if not self.quoted and not pasal_follows(self.last_pasal, number):
            if not inline:
                self.anomalies.append(f"Pasal {number} setelah Pasal {self.last_pasal}: dianggap teks")
            return None
        return lambda line: self._open_pasal(line, number, rest)

    def _open_pasal(self, line: Line, number: str, rest: str) -> None:
        if not self.quoted:
            self.last_pasal = number
        self.b.open("pasal", number, RANK["pasal"] + self._offset(), local_id=f"pasal_{id_part(number)}",
                    root=self._root(), label=f"Pasal {number}", line=line, rooted=True)
        self.heading_for = None
        if rest:
            self.prev = f"Pasal {number}"
            self.feed_flat(line.with_text(rest))

    def _diktum(self, text: str) -> Action | None:
        m = P.DIKTUM_RE.match(text)
        if not m or self.quoted:
            return None

        def act(line: Line) -> None:
            self.b.close_to(0)
            self.b.open("diktum", m.group(1), RANK["pasal"], local_id=f"diktum_{id_part(m.group(1))}",
                        label=m.group(1), line=line, text=m.group(2), rooted=True)
            self.heading_for = None
        return act

    def _container(self, kinds: tuple[str, ...] = CONTAINERS) -> Frame | None:
        for frame in reversed(self.b.stack):
            if frame.unit.kind in kinds or frame.unit is self.instruction:
                return frame
        return None

    def _ayat(self, text: str) -> Action | None:
        m = P.AYAT_RE.match(text)
        if not m or REF_END_RE.search(self.prev):
            return None
        number = m.group(1)
        pasal = self._container(("pasal", "diktum"))
        if pasal is None:
            return None
        siblings = [u for u in self._children(pasal.unit) if u.kind == "ayat"]
        if siblings:
            if not is_next(siblings[-1].number, number):
                return None
        elif not (is_first(number) or pasal.unit is self.instruction or self.quoted):
            return None

        def act(line: Line) -> None:
            self.b.close_to(pasal.rank + 1)
            self.b.open("ayat", number, pasal.rank + 10, local_id=f"ayat_{number}",
                        label=f"({number})", line=line, text=m.group(2))
            self.heading_for = None
        return act

    def _rincian(self, text: str) -> Action | None:
        for rx, kind, fmt in RINCIAN_PATTERNS:
            m = rx.match(text)
            if not m:
                continue
            if REF_END_RE.search(self.prev):
                return None
            return self._rincian_action(kind, m.group(1), fmt.format(m.group(1)), m.group(2))
        return None

    def _rincian_action(self, kind: str, number: str, label: str, body: str) -> Action | None:
        container = self._container()
        if container is None:
            return None
        style = _style(label)
        chain = [f for f in self.b.stack[self.b.stack.index(container) + 1:] if f.unit.label]
        rank = None
        for frame in reversed(chain):
            if _style(frame.unit.label) == style:
                if is_next(frame.unit.number, number):
                    rank = frame.rank
                break
        if rank is None:
            if not is_first(number):
                return None
            rank = (chain[-1].rank if chain else container.rank) + 10

        def act(line: Line) -> None:
            self.b.open(kind, number, rank, local_id=f"{kind}_{number}", label=label, line=line, text=body)
            self.heading_for = None
        return act

    # -- text -------------------------------------------------------------
    def _text(self, line: Line) -> None:
        t = line.text
        if self.heading_for is not None and self._heading_line(t):
            unit = self.heading_for
            unit.heading = f"{unit.heading} {t}".strip() if unit.heading else t
            self.heading_lines += 1
            return
        self.heading_for = None
        if not self.b.stack:
            self.b.open("block", "", 5, local_id="teks", line=line, text=t)
            return
        self.b.add(line)

    def _heading_line(self, text: str) -> bool:
        unit = self.heading_for
        if unit is None or self.heading_lines >= 3:
            return False
        letters = [c for c in text if c.isalpha()]
        if unit.kind in ("bab", "buku"):
            return bool(letters) and text.upper() == text
        # Bagian / Paragraf titles are short title-case phrases, not sentences.
        return bool(letters) and len(text) < 120 and not text.endswith((".", ";", ":"))
