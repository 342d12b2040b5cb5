"""Building a unit tree from lines: a stack of open units ranked by depth.

The builder knows nothing of regulations; the parsers decide which line opens
which unit and at what rank. Text lines go to the innermost open unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from jdih.model import Unit

from .lines import Line

SENTENCE_END_RE = re.compile(r"[.:;]$")
PARAGRAPH_START_RE = re.compile(r"^(?:[A-Z0-9(\"“]|[a-z]{1,2}[.)]\s)")


@dataclass
class Frame:
    unit: Unit
    rank: int


class TreeBuilder:
    def __init__(self, units: list[Unit] | None = None, ids: set[str] | None = None):
        self.units: list[Unit] = units if units is not None else []
        self.ids: set[str] = ids if ids is not None else {u.id for u in self.units}
        self.stack: list[Frame] = []
        self.duplicates: list[str] = []

    # -- structure ---------------------------------------------------------
    def top(self, below_rank: int | None = None) -> Frame | None:
        if below_rank is None:
            return self.stack[-1] if self.stack else None
        for frame in reversed(self.stack):
            if frame.rank < below_rank:
                return frame
        return None

    def close_to(self, rank: int) -> None:
        """Close every open unit at this rank or deeper."""
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()

    def open(self, kind: str, number: str, rank: int, *, local_id: str, root: str = "",
             label: str = "", line: Line | None = None, text: str = "", heading: str = "",
             rooted: bool = False) -> Unit:
        """Open a unit under the innermost open unit of a lower rank.

        ``local_id`` is the unit's own id component ('pasal_5', 'ayat_1');
        the full id prefixes the parent's id unless ``rooted`` (a Pasal is
        rooted at the top so that moving it between BABs keeps its id), in
        which case ``root`` (an amending instruction's id, or '') prefixes it.
        """
        self.close_to(rank)
        parent = self.stack[-1].unit if self.stack else None
        if rooted:
            uid = f"{root}__{local_id}" if root else local_id
        else:
            base = parent.id if parent else root
            uid = f"{base}__{local_id}" if base else local_id
        uid = self._unique(uid)
        unit = Unit(id=uid, kind=kind, number=number, heading=heading, label=label,
                    parent=parent.id if parent else None)
        self.units.append(unit)
        self.stack.append(Frame(unit, rank))
        if line is not None:
            self._touch(unit, line)
        if text:
            add_text(unit, text, line)
        return unit

    def add(self, line: Line, text: str | None = None) -> None:
        """Append a line's text to the innermost open unit."""
        if not self.stack:
            raise IndexError("no open unit")
        add_text(self.stack[-1].unit, line.text if text is None else text, line)

    def _unique(self, uid: str) -> str:
        if uid not in self.ids:
            self.ids.add(uid)
            return uid
        n = 2
        while f"{uid}_{n}" in self.ids:
            n += 1
        self.duplicates.append(uid)
        self.ids.add(f"{uid}_{n}")
        return f"{uid}_{n}"

    @staticmethod
    def _touch(unit: Unit, line: Line) -> None:
        if line.page and line.page not in unit.pages:
            unit.pages.append(line.page)
        if line.ocr:
            unit.ocr = True


def add_text(unit: Unit, text: str, line: Line | None = None, newline: bool = False) -> None:
    text = text.strip()
    if line is not None:
        TreeBuilder._touch(unit, line)
    if not text:
        return
    if not unit.text:
        unit.text = text
        return
    sep = " "
    if newline or (SENTENCE_END_RE.search(unit.text) and PARAGRAPH_START_RE.match(text)):
        sep = "\n"
    unit.text = f"{unit.text}{sep}{text}"


# -- numbering sequences ----------------------------------------------------

def _letters_next(s: str) -> str:
    """'a' -> 'b', 'z' -> 'aa', 'aa' -> 'bb' (Indonesian lists double the letter)."""
    if len(s) == 1:
        return "aa" if s == "z" else chr(ord(s) + 1)
    if len(set(s)) == 1 and s[0] != "z":
        return chr(ord(s[0]) + 1) * len(s)
    return ""


NUM_RE = re.compile(r"^(\d+)([a-z]?)$")
LET_RE = re.compile(r"^([a-z]+)(\d?)$")


def is_first(number: str) -> bool:
    return number in ("1", "a")


def is_next(prev: str, cur: str) -> bool:
    """Does ``cur`` follow ``prev`` in a list? Inserted items count:
    '1' -> '2' or '1a'; '1a' -> '1b' or '2'; 'b' -> 'c' or 'b1'; 'b1' -> 'b2' or 'c'."""
    p, c = NUM_RE.match(prev), NUM_RE.match(cur)
    if p and c:
        pn, ps = int(p.group(1)), p.group(2)
        cn, cs = int(c.group(1)), c.group(2)
        if cn == pn + 1 and not cs:
            return True
        if cn == pn + 1 and cs == "a":
            return True  # '(1a)' may follow a deleted '(1)'... and '2a' after '1' rarely
        if cn == pn and cs and (not ps and cs == "a" or ps and cs == chr(ord(ps) + 1)):
            return True
        return False
    p, c = LET_RE.match(prev), LET_RE.match(cur)
    if p and c:
        pl, pd = p.group(1), p.group(2)
        cl, cd = c.group(1), c.group(2)
        if cl == _letters_next(pl) and not cd:
            return True
        if cl == pl and cd and (not pd and cd == "1" or pd and int(cd) == int(pd) + 1):
            return True
    return False


def pasal_key(number: str) -> tuple[int, str]:
    m = NUM_RE.match(number.lower())
    return (int(m.group(1)), m.group(2)) if m else (-1, number)


def pasal_follows(prev: str | None, cur: str) -> bool:
    """Pasal numbers run on through a body: 5 -> 6, 5 -> 5A, 5A -> 5B, 5A -> 6."""
    if prev is None:
        return pasal_key(cur)[0] >= 1
    return pasal_key(cur) > pasal_key(prev)


def pasal_is_next(prev: str | None, cur: str) -> bool:
    """Strictly the next Pasal: 5 -> 6 or 5A; 5A -> 5B or 6."""
    if prev is None:
        return cur == "1"
    pn, ps = pasal_key(prev)
    cn, cs = pasal_key(cur)
    if cn == pn + 1 and not cs:
        return True
    return cn == pn and cs == (chr(ord(ps) + 1) if ps else "a")
