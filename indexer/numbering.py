"""Which "Pasal N" lines of a body are headings: a plan chosen over the whole body.

A line-by-line parser must decide at each "Pasal 7" whether it is a heading or
a reference that happens to start a line ("... sebagaimana dimaksud dalam" /
"Pasal 7 ayat (2) ..."), and a noisy source makes it worse: Pasal missing in
the source, headings glued into running text, a heading printed twice. So the
body is read twice. First every place where a heading could start is listed
with a weight (alone on its line: strong; after the end of a sentence: good;
after "dalam", "pada", "dan": weak). Then the chain of candidates with
increasing numbers and the highest total weight is chosen (a weighted longest
increasing subsequence; each Pasal number skipped costs a little). The parser
accepts exactly the planned headings; every other "Pasal N" is text.

So a source that skips Pasal 2-13 keeps Pasal 14 as a heading, a reference to
"Pasal 100" in the middle of Pasal 12 is not taken (it would make 13, 14, ...
impossible), and of two "Pasal 16" headings the first one wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line
from .tree import pasal_key

# What may follow an inline heading: its first ayat or a capitalised sentence.
# Must not be a reference continued ("Pasal 5 ayat (2)", "Pasal 5 Undang-Undang").
HEADING_REST_RE = re.compile(
    r"^(?!(?:ayat|huruf|angka|dan|atau|sampai|s\.d\.|Undang|UU|UUD|Peraturan|Ayat|Huruf|Angka|Tahun|"
    r"jo\.?|juncto|KUHP|Perppu|Perpu)\b)(?:['‘’`,.]\s*){0,3}(?:\(\d{1,3}[a-z]?\)|[A-Z\"“])")
# Heading-like number tokens: "5", "5A"; in a regulation that is not an
# amending act "Pasal I" is an OCR reading of "Pasal 1".
NUMBER_RE = re.compile(r"^Pasal\s+(\d{1,4}[A-Z]?|I)(?=\s|$)")
# Where inside a flattened line a heading may start.
CUT_RE = re.compile(r"(?<=[.;:])\s+|\s+(?=Pasal\s)")
REFERENCE_END_RE = re.compile(
    r"(?:\b(?:dalam|pada|dan|atau|dengan|oleh|ke|di|terhadap|sampai|serta|tentang|sebagaimana|dimaksud|"
    r"menurut|berdasarkan|kecuali|juncto|jo|lihat|yakni|yaitu)|[,(/-])\s*$", re.I)

STRONG, GOOD, PLAIN, WEAK = 3.0, 2.0, 1.0, 0.3
GAP_COST = 0.25  # per Pasal number skipped between two chosen headings


@dataclass(frozen=True)
class Candidate:
    line: int
    number: str
    weight: float
    alone: bool


def heading(text: str, amending: bool) -> tuple[str, str] | None:
    """('7', rest) when the text starts like a Pasal heading; rest is what
    follows on the same line ('' when the heading stands alone)."""
    m = NUMBER_RE.match(text)
    if not m:
        return None
    number = m.group(1)
    if number == "I":
        if amending:
            return None
        number = "1"
    rest = text[m.end():].strip()
    if rest and not HEADING_REST_RE.match(rest):
        return None
    return number, rest


def candidates(lines: list[Line], amending: bool = False) -> list[Candidate]:
    out: list[Candidate] = []
    prev = ""
    for i, line in enumerate(lines):
        text = line.text
        starts = [0] if line.top is not None else [0, *(m.end() for m in CUT_RE.finditer(text))]
        for start in starts:
            found = heading(text[start:], amending)
            if found is None:
                continue
            number, rest = found
            before = text[:start].rstrip() if start else prev
            out.append(Candidate(i, number, _weight(before, start, rest, line), alone=not rest and not start))
        prev = text
    return out


def _weight(before: str, start: int, rest: str, line: Line) -> float:
    if REFERENCE_END_RE.search(before) and not line.centered:
        return WEAK
    if not rest and not start:
        return STRONG
    if not before or re.search(r"[.;:]$", before):
        return GOOD
    return PLAIN


def choose(cands: list[Candidate]) -> list[Candidate]:
    """The increasing chain of highest weight (ties: the earlier candidate)."""
    n = len(cands)
    keys = [pasal_key(c.number) for c in cands]
    score = [0.0] * n
    back = [-1] * n
    for i in range(n):
        best, arg = cands[i].weight - GAP_COST * max(0, keys[i][0] - 1), -1
        for j in range(i):
            if keys[j] < keys[i]:
                s = score[j] + cands[i].weight - GAP_COST * max(0, keys[i][0] - keys[j][0] - 1)
                if s > best:
                    best, arg = s, j
        score[i], back[i] = best, arg
    if not n:
        return []
    end = max(range(n), key=lambda i: (score[i], -i))
    chain = []
    while end != -1:
        chain.append(cands[end])
        end = back[end]
    return chain[::-1]


def plan(lines: list[Line], amending: bool = False) -> dict[int, list[str]]:
    """Line index -> the Pasal numbers that start a heading on that line, in order."""
    out: dict[int, list[str]] = {}
    for c in choose(candidates(lines, amending)):
        out.setdefault(c.line, []).append(c.number)
    return out
