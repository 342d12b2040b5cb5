"""Anchors of annotations in a unit's text, and finding them again after the text changed.

An anchor names a unit id and, for a span, W3C Web Annotation selectors on
the unit's own ``text``: a TextQuoteSelector (``exact`` with 32 characters of
``prefix`` and ``suffix``) and a TextPositionSelector (``start``/``end``, in
characters). A whole-unit anchor has no selector; its snapshot is the unit's
full text (with its ayat and rincian), because the note is about the clause.

``locate`` re-anchors against the units of a new parse, in the order of
DESIGN.md section 4, and says what happened:

1. ``utuh``: the same unit id, the quote where it was (whole unit: same text);
2. ``dipindah``: the quote elsewhere in the same unit, or the unit renumbered
   (by an amendment or a parser change): exactly one other unit holds the
   anchored unit's text (list endings "; dan" / "; atau" / "." aside) and the quote;
3. ``teks_berubah``: the quote approximately matched, inside the same unit only
   (staff confirm);
4. ``yatim``: none of these; units that may hold the quote are listed as
   candidates for staff, never attached.

Nothing here touches the store: ``locate`` is a pure function of an anchor and
a list of units, so it is tested on real parses directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .ids import unit_citation
from .model import Tree, Unit

CONTEXT = 32            # characters of prefix and suffix kept with a quote
RENUMBER_MIN = 0.9      # similarity of a unit's text to the anchored text to count as "the same unit, renumbered"
APPROX_MIN = 0.75       # similarity of the best window to the quote for "teks berubah"
KEPT_MIN = 0.5          # below this, a unit with the same id holds a different clause
SHORT_QUOTE = 12        # shorter quotes are only ever matched exactly
STATUSES = ("utuh", "dipindah", "teks_berubah", "yatim")

# The ending of a list item, which changes when items are added or removed
# around it: "pendidikan politik; dan" ~ "pendidikan politik;" ~ "pendidikan
# politik.". Must not eat words that end a sentence ("... dan lain-lain.").
LIST_END_RE = re.compile(r"[\s;,.:]*(?:\b(?:dan/atau|dan|atau)\s*)?[\s;,.:]*$")
SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Selector:
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Anchor:
    unit_id: str
    text: str                      # the unit's text the selector refers to (whole unit: full text)
    selector: Selector | None = None


@dataclass(frozen=True)
class Placement:
    status: str
    unit_id: str
    start: int | None = None
    end: int | None = None
    exact: str | None = None
    score: float = 1.0
    note: str = ""
    candidates: tuple[str, ...] = field(default_factory=tuple)


def make_selector(text: str, start: int, end: int) -> Selector:
    return Selector(exact=text[start:end], prefix=text[max(0, start - CONTEXT):start],
                    suffix=text[end:end + CONTEXT], start=start, end=end)


def squash(text: str) -> str:
    return SPACE_RE.sub(" ", text).strip()


def core(text: str) -> str:
    """A list item's words without the ending that moves with its position."""
    return LIST_END_RE.sub("", squash(text))


LONG_TEXT = 1500  # beyond this many characters, texts are compared word by word


def similarity(a: str, b: str) -> float:
    """Ratio of matching characters (0..1); for long texts (a whole BAB, a Penjelasan
    Umum) of matching words, which is as telling and hundreds of times faster."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if len(a) + len(b) > 2 * LONG_TEXT:
        return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < 0.5 or m.quick_ratio() < 0.5:
        return m.quick_ratio() * 0.5
    return m.ratio()


def similar_enough(a: str, b: str, threshold: float) -> float | None:
    """similarity(a, b) when it reaches ``threshold``, else None; cheap upper bounds first."""
    long = len(a) + len(b) > 2 * LONG_TEXT
    m = SequenceMatcher(None, a.split() if long else a, b.split() if long else b, autojunk=False)
    if m.real_quick_ratio() < threshold or m.quick_ratio() < threshold:
        return None
    score = m.ratio()
    return score if score >= threshold else None


class TextView:
    """The texts of a document's units, by id: own text and full text (lazily)."""

    def __init__(self, units: list[Unit]):
        self.tree = Tree(units)
        self._full: dict[str, str] = {}
        self._core: dict[tuple[str, bool], str] = {}
        self._words: dict[tuple[str, bool], set[str]] = {}
        self._by_core: dict[bool, dict[str, list[str]]] = {}

    @property
    def ids(self) -> list[str]:
        return [u.id for u in self.tree.units]

    def text(self, unit_id: str, whole: bool) -> str | None:
        unit = self.tree.by_id.get(unit_id)
        if unit is None:
            return None
        if not whole:
            return unit.text
        if unit_id not in self._full:
            self._full[unit_id] = self.tree.full_text(unit_id)
        return self._full[unit_id]

    def core(self, unit_id: str, whole: bool) -> str:
        key = (unit_id, whole)
        if key not in self._core:
            self._core[key] = core(self.text(unit_id, whole) or "")
        return self._core[key]

    def words(self, unit_id: str, whole: bool) -> set[str]:
        key = (unit_id, whole)
        if key not in self._words:
            self._words[key] = set(self.core(unit_id, whole).split())
        return self._words[key]

    def with_core(self, whole: bool, key: str) -> list[str]:
        """Units whose text is ``key`` once list endings are set aside."""
        if whole not in self._by_core:
            index: dict[str, list[str]] = {}
            for uid in self.ids:
                index.setdefault(self.core(uid, whole), []).append(uid)
            self._by_core[whole] = index
        return self._by_core[whole].get(key, [])


def context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How much of the stored prefix and suffix surround text[start:end] (0..1)."""
    want = len(sel.prefix) + len(sel.suffix)
    if not want:
        return 1.0
    before, after = text[:start], text[end:]
    n = 0
    while n < len(sel.prefix) and n < len(before) and sel.prefix[-1 - n] == before[-1 - n]:
        n += 1
    m = 0
    while m < len(sel.suffix) and m < len(after) and sel.suffix[m] == after[m]:
        m += 1
    return (n + m) / want


def find_exact(text: str, sel: Selector) -> tuple[int, int, float] | None:
    """The occurrence of the quote best matching its context, then nearest to where it was."""
    best = None
    i = text.find(sel.exact)
    while i != -1 and sel.exact:
        key = (context_score(text, i, i + len(sel.exact), sel), -abs(i - sel.start))
        if best is None or key > best[0]:
            best = (key, i)
        i = text.find(sel.exact, i + 1)
    if best is None:
        return None
    return best[1], best[1] + len(sel.exact), best[0][0]


def find_approx(text: str, sel: Selector) -> tuple[int, int, float] | None:
    """The window of whole words in ``text`` most like the quote (ratio, 0..1).

    Windows start where most of the quote's words line up with the text's,
    are the quote's word count give or take a quarter, and their ends are then
    moved by up to a word's length (a quote may start or end inside a word).
    """
    if len(sel.exact) < SHORT_QUOTE:
        return None
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
    qwords = sel.exact.split()
    if not words or not qwords:
        return None
    where: dict[str, list[int]] = {}
    for i, (a, b) in enumerate(words):
        where.setdefault(text[a:b].lower(), []).append(i)
    votes: dict[int, int] = {}
    for j, w in enumerate(qwords):
        for i in where.get(w.lower(), ()):
            votes[max(0, i - j)] = votes.get(max(0, i - j), 0) + 1
    starts = sorted(votes, key=lambda s: -votes[s])[:20]  # where most quote words line up
    slack = max(1, len(qwords) // 4)
    best: tuple[float, int, int] | None = None
    for s in sorted(starts):
        for n in range(max(1, len(qwords) - slack), len(qwords) + slack + 1):
            if s + n > len(words):
                break
            a, b = words[s][0], words[s + n - 1][1]
            score = SequenceMatcher(None, text[a:b], sel.exact, autojunk=False).ratio()
            score = 0.9 * score + 0.1 * context_score(text, a, b, sel)
            if best is None or score > best[0]:
                best = (score, a, b)
    if best is None:
        return None
    return _refine(text, sel, best)


def _refine(text: str, sel: Selector, best: tuple[float, int, int]) -> tuple[int, int, float]:
    """Move the window's ends by up to a word's length where that matches the quote better
    (a quote may start or end inside a word)."""
    score, a, b = best
    reach = 12
    for side in ("start", "end"):
        for d in range(-reach, reach + 1):
            na, nb = (a + d, b) if side == "start" else (a, b + d)
            if not (0 <= na < nb <= len(text)) or (na, nb) == (a, b):
                continue
            s = 0.9 * SequenceMatcher(None, text[na:nb], sel.exact, autojunk=False).ratio() + \
                0.1 * context_score(text, na, nb, sel)
            if s > score:
                score, best_a, best_b = s, na, nb
                a, b = best_a, best_b
    return a, b, score


def _id_affinity(a: str, b: str) -> int:
    """Leading id components two unit ids share ('pasal_2__ayat_4__huruf_g' ~ 'pasal_2__ayat_4__huruf_j': 2)."""
    n = 0
    for x, y in zip(a.split("__"), b.split("__")):
        if x != y:
            break
        n += 1
    return n


def renumbered(anchor: Anchor, view: TextView, same: float = 0.0) -> tuple[str, float] | None:
    """The one other unit that is the anchored unit under a new number, if there is exactly one:
    its text is the anchored text (list endings aside), or, when the unit with the anchored id
    is no longer like it (``same`` < RENUMBER_MIN), at least RENUMBER_MIN like it."""
    whole = anchor.selector is None
    base = core(anchor.text)
    if not base:
        return None
    found = [(1.0, uid) for uid in view.with_core(whole, base) if uid != anchor.unit_id]
    if not found and same < RENUMBER_MIN:
        found = _near(anchor, view, base, whole)
    if not found:
        return None
    found.sort(key=lambda f: (f[0], _id_affinity(anchor.unit_id, f[1])), reverse=True)
    top = found[0]
    if len(found) > 1 and found[1][0] == top[0] and \
            _id_affinity(anchor.unit_id, found[1][1]) == _id_affinity(anchor.unit_id, top[1]):
        return None  # two equally good places: never guess
    return top[1], top[0]


def _near(anchor: Anchor, view: TextView, base: str, whole: bool) -> list[tuple[float, str]]:
    """Units at least RENUMBER_MIN like ``base``; length and shared words filter first."""
    words = set(base.split())
    found = []
    for uid in view.ids:
        if uid == anchor.unit_id:
            continue
        text = view.core(uid, whole)
        if not text or not 0.8 <= len(text) / len(base) <= 1.25:
            continue
        other = view.words(uid, whole)
        if len(words & other) < 0.75 * max(len(words), len(other)):
            continue
        score = similar_enough(base, text, RENUMBER_MIN)
        if score is not None:
            found.append((score, uid))
    return found


def candidates(anchor: Anchor, view: TextView, limit: int = 5) -> tuple[str, ...]:
    """Units that may hold an orphaned anchor, for staff to choose from."""
    whole = anchor.selector is None
    base = core(anchor.text)
    scored = []
    for uid in view.ids:
        if whole:
            text = view.core(uid, True)
            score = similar_enough(base, text, 0.6) if text and 0.6 <= len(text) / max(1, len(base)) <= 1.7 else None
        else:
            score = 1.0 if anchor.selector.exact in (view.text(uid, False) or "") else None
        if score is not None:
            scored.append((score, uid))
    scored.sort(key=lambda s: (-s[0], -_id_affinity(anchor.unit_id, s[1]), s[1]))
    return tuple(uid for _, uid in scored[:limit])


def locate(anchor: Anchor, view: TextView) -> Placement:
    if anchor.selector is None:
        return _locate_whole(anchor, view)
    return _locate_span(anchor, view)


def _locate_whole(anchor: Anchor, view: TextView) -> Placement:
    uid = anchor.unit_id
    text = view.text(uid, True)
    if text is not None and squash(text) == squash(anchor.text):
        return Placement("utuh", uid)
    score = 0.0
    if text is not None:
        score = 1.0 if core(text) == core(anchor.text) else similarity(squash(anchor.text), squash(text))
    moved = renumbered(anchor, view, score) if score < 1.0 else None
    if moved:
        return Placement("dipindah", moved[0], score=moved[1],
                         note=f"Unit dinomori ulang: {unit_citation(uid)} menjadi {unit_citation(moved[0])}.")
    if text is not None:
        if score >= APPROX_MIN:
            return Placement("teks_berubah", uid, score=score,
                             note=f"Teks {unit_citation(uid)} berubah (kemiripan {percent(score)}); perlu dikonfirmasi.")
    return _orphan(anchor, view, text is None)


def _locate_span(anchor: Anchor, view: TextView) -> Placement:
    uid, sel = anchor.unit_id, anchor.selector
    text = view.text(uid, False)
    same = 0.0
    if text is not None:
        same = similarity(core(anchor.text), core(text))
        kept = same >= KEPT_MIN
        found = find_exact(text, sel)
        if found and (kept or found[2] >= 0.5):
            start, end, ctx = found
            if start == sel.start:
                return Placement("utuh", uid, start, end, sel.exact)
            if kept or renumbered(anchor, view, same) is None:
                return Placement("dipindah", uid, start, end, sel.exact, ctx,
                                 note=f"Kutipan bergeser di dalam {unit_citation(uid)} "
                                      f"(karakter {sel.start} menjadi {start}).")
    moved = renumbered(anchor, view, same) if same < 1.0 else None
    if moved:
        placed = _in_renumbered(anchor, view, moved[0])
        if placed is not None:
            return placed
    if text is not None:
        approx = find_approx(text, sel)
        if approx and approx[2] >= APPROX_MIN:
            start, end, score = approx
            return Placement("teks_berubah", uid, start, end, text[start:end], score,
                             note=f"Kutipan di {unit_citation(uid)} berubah (kemiripan {percent(score)}); "
                                  "perlu dikonfirmasi.")
    return _orphan(anchor, view, text is None)


def _in_renumbered(anchor: Anchor, view: TextView, new_id: str) -> Placement | None:
    """The quote in the unit identified as the anchored one under a new number:
    exactly (dipindah) or approximately (teks berubah, staff confirm)."""
    sel, text = anchor.selector, view.text(new_id, False) or ""
    renamed = f"Unit dinomori ulang: {unit_citation(anchor.unit_id)} menjadi {unit_citation(new_id)}"
    found = find_exact(text, sel)
    if found:
        return Placement("dipindah", new_id, found[0], found[1], sel.exact, found[2], note=renamed + ".")
    approx = find_approx(text, sel)
    if approx and approx[2] >= APPROX_MIN:
        start, end, score = approx
        return Placement("teks_berubah", new_id, start, end, text[start:end], score,
                         note=f"{renamed}, dan kutipannya berubah (kemiripan {percent(score)}); perlu dikonfirmasi.")
    return None


def percent(score: float) -> str:
    """'87%'; never rounds a change up to '100%'."""
    return f"{int(score * 100)}%"


def _orphan(anchor: Anchor, view: TextView, gone: bool) -> Placement:
    why = "tidak ada lagi" if gone else "tidak lagi memuat kutipannya"
    moved = renumbered(anchor, view)
    found = tuple(dict.fromkeys(([moved[0]] if moved else []) + list(candidates(anchor, view))))[:5]
    hint = f" Kemungkinan: {', '.join(unit_citation(c) for c in found)}." if found else ""
    return Placement("yatim", anchor.unit_id, score=0.0, candidates=found,
                     note=f"{unit_citation(anchor.unit_id)} {why}; anotasi tidak dipasang ke mana pun.{hint}")
