"""Amendment effects: each instruction of an amending act's Pasal I as typed changes.

"2. Ketentuan ayat (2) dan ayat (3) Pasal 8 diubah, sehingga ..." is two
effects ``ubah`` on ``pasal_8__ayat_2`` and ``pasal_8__ayat_3`` of the amended
regulation; "Di antara Pasal 128 dan Pasal 129 disisipkan 1 (satu) pasal, yakni
Pasal 128A" is ``sisip`` of ``pasal_128a``; "Pasal 16 dihapus." is ``hapus``;
"dicabut" is ``cabut``. The new text is the quoted units already parsed
beneath the instruction (``pasal_i__angka_2__pasal_8``): each effect names the
quoted unit that carries it, when there is one.

Targets are unit ids of the amended regulation. When Pasal I amends "Lampiran
Undang-Undang Nomor 1 Tahun 2015" (a regulation embedded in a Lampiran), the
ids are prefixed ``lampiran__``.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from jdih.ids import id_part
from jdih.model import Document, Unit

# The verbs of an instruction and the effect each one makes.
VERB_RE = re.compile(r"\b(diubah|disisipkan|disisipi|ditambah(?:kan)?|dihapus|dicabut)\b", re.I)
ACTIONS = {"diubah": "ubah", "disisipkan": "sisip", "disisipi": "sisip", "ditambah": "sisip",
           "ditambahkan": "sisip", "dihapus": "hapus", "dicabut": "cabut"}
# A unit named in an instruction: "Pasal 128A", "ayat (1a)", "huruf b1",
# "angka 17A", "BAB IXA", "Bagian Ketujuh", "Paragraf 3". Must not take the
# count "1 (satu) pasal" (a number before the word) for a unit.
UNIT_TOKEN_RE = re.compile(
    r"\b(?:(?P<pasal>Pasal)\s+(?P<pn>\d+[A-Za-z]?)\b"
    r"|(?P<ayat>ayat)\s*\((?P<an>\d+[a-z]?)\)"
    r"|(?P<huruf>huruf)\s+(?P<hn>[a-zA-Z]{1,2}\d?)\b"
    r"|(?P<angka>angka)\s+(?P<gn>\d+[a-zA-Z]?)\b"
    r"|(?P<bab>BAB|Bab)\s+(?P<bn>[IVXLC]+[A-Z]?)\b"
    r"|(?P<bagian>Bagian)\s+(?P<gk>Ke[a-z]+(?:\s+Belas)?)\b"
    r"|(?P<paragraf>Paragraf)\s+(?P<fn>\d+[A-Z]?)\b)")
RANGE_RE = re.compile(r"\bPasal\s+(\d+)([A-Z])\s+sampai\s+dengan\s+Pasal\s+\1([A-Z])\b")
NEW_UNITS_RE = re.compile(r"\b(?:yakni|yaitu)\b(.*)$", re.I)
LAMPIRAN_SCOPE_RE = re.compile(r"\bdalam\s+Lampiran\s+(?:Undang|Peraturan)", re.I)
RANK = {"bab": 0, "bagian": 1, "paragraf": 2, "pasal": 3, "ayat": 4, "huruf": 5, "angka": 6}
ANCHORS = ("pasal", "bab")


@dataclass
class Effect:
    instruction: str          # unit id of the instruction: pasal_i__angka_2
    action: str               # ubah | sisip | hapus | cabut
    target: str               # as a citation: "Pasal 8 ayat (2)"
    target_unit: str          # unit id in the amended regulation: pasal_8__ayat_2
    new_unit: str = ""        # the quoted unit carrying the new text, in the amending act
    text: str = ""            # the instruction sentence

    def to_dict(self) -> dict:
        return asdict(self)


def tokens(phrase: str) -> list[tuple[str, str]]:
    """Units named in a phrase, in order: [('ayat', '2'), ('pasal', '8')]."""
    out = []
    for m in UNIT_TOKEN_RE.finditer(phrase):
        kind = next(k for k in RANK if m.group(k))
        number = next(v for v in (m.group(g) for g in ("pn", "an", "hn", "gn", "bn", "gk", "fn")) if v)
        out.append((kind, number))
    return out


def _groups(toks: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Split into groups each led by its anchor (Pasal or BAB). Instructions
    name units child-first ('ayat (2) Pasal 8') or parent-first ('Pasal 8
    ayat (2)'); a group is returned parent-first."""
    if not toks:
        return []
    if toks[0][0] not in ANCHORS and any(k in ANCHORS for k, _ in toks):
        groups, cur = [], []
        for tok in toks:
            cur.append(tok)
            if tok[0] in ANCHORS:
                groups.append([cur[-1], *cur[:-1]])
                cur = []
        if cur:
            groups[-1].extend(cur) if groups else groups.append(cur)
        return groups
    groups = []
    for tok in toks:
        if tok[0] in ANCHORS or not groups:
            groups.append([tok])
        else:
            groups[-1].append(tok)
    return groups


def paths(toks: list[tuple[str, str]], context: list[tuple[str, str]] | None = None) -> list[list[tuple[str, str]]]:
    """Full unit paths named by the tokens: 'ayat (2) dan ayat (3) Pasal 8' ->
    [[pasal 8, ayat 2], [pasal 8, ayat 3]]. ``context`` is the path the units
    hang from when the phrase names no anchor ('yakni ayat (1a)')."""
    out: list[list[tuple[str, str]]] = []
    for group in _groups(toks):
        stack: list[tuple[str, str]] = list(context or []) if group[0][0] not in ANCHORS else []
        for i, tok in enumerate(group):
            while stack and RANK[stack[-1][0]] >= RANK[tok[0]]:
                stack.pop()
            stack.append(tok)
            nxt = group[i + 1] if i + 1 < len(group) else None
            if nxt is None or RANK[nxt[0]] <= RANK[tok[0]]:
                out.append(list(stack))
    return out


def unit_id(path: list[tuple[str, str]]) -> str:
    """[('pasal', '8'), ('ayat', '2')] -> 'pasal_8__ayat_2'; a Bagian under its
    BAB, a Pasal rooted at the top."""
    if any(k == "pasal" for k, _ in path):
        path = path[[k for k, _ in path].index("pasal"):]
    return "__".join(f"{k}_{id_part(n)}" for k, n in path)


def citation(path: list[tuple[str, str]]) -> str:
    words = {"pasal": "Pasal {}", "ayat": "ayat ({})", "huruf": "huruf {}", "angka": "angka {}",
             "bab": "BAB {}", "bagian": "Bagian {}", "paragraf": "Paragraf {}"}
    return " ".join(words[k].format(n.upper() if k == "bab" else n) for k, n in path)


def _expand_ranges(text: str) -> str:
    """'Pasal 178A sampai dengan Pasal 178H' -> 'Pasal 178A, Pasal 178B, ..., Pasal 178H'."""
    def expand(m: re.Match) -> str:
        a, b = ord(m.group(2)), ord(m.group(3))
        return ", ".join(f"Pasal {m.group(1)}{chr(c)}" for c in range(a, b + 1)) if a <= b else m.group(0)
    return RANGE_RE.sub(expand, text)


def clauses(sentence: str) -> list[tuple[str, str, str]]:
    """The instruction split at its verbs: (action, what comes before the verb,
    what follows it up to the next clause)."""
    sentence = re.split(r"\bsehingga\b|\bberbunyi\b|:", sentence)[0]
    verbs = list(VERB_RE.finditer(sentence))
    out = []
    start = 0
    for i, v in enumerate(verbs):
        end = verbs[i + 1].start() if i + 1 < len(verbs) else len(sentence)
        before = sentence[start:v.start()]
        after = sentence[v.end():end]
        out.append((ACTIONS[v.group(1).lower()], before, after))
        start = v.end()
    return out


def _anchor_context(phrase: str, fallback: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The Pasal (or BAB) a phrase sits in: the last anchor it names."""
    toks = tokens(phrase)
    for k, n in reversed(toks):
        if k in ANCHORS:
            return [(k, n)]
    return fallback


# Where one change of an instruction ends and the next begins: "..., dan di
# antara ...", "... serta pada ayat (4) ...", "..., ayat (3) dihapus".
CLAUSE_SEP_RE = re.compile(r"(?:,\s*|\s+)(?:dan|serta)\s+(?=(?:di\s*antara|diantara|pada|ketentuan)\b)|"
                           r",\s*(?=di\s*antara|diantara)", re.I)
BETWEEN_RE = re.compile(r"^\s*(?:di\s*antara|diantara)\b", re.I)
# "Ketentuan Pasal 20 tetap, dengan perubahan penjelasan Pasal 20 huruf c":
# only the Penjelasan of the named unit changes.
PENJELASAN_ONLY_RE = re.compile(r"\bdengan\s+perubahan\s+penjelasan\s+(.+?)(?:,|\s+sehingga\b|$)", re.I)
# "... sehingga Pasal 166 berbunyi": the Pasal an instruction is about.
RESULT_ANCHOR_RE = re.compile(r"\bsehingga\s+((?:Pasal|BAB)\s+\w+)", re.I)


def _sisip_targets(scope: str, after: str, anchor: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """New units of an insertion: the ones named after "yakni", placed under
    the parent of the units they go between ("di antara ayat (1) dan ayat (2)
    Pasal 5") or inside the unit named ("pada ayat (4) ditambahkan ... huruf")."""
    new = NEW_UNITS_RE.search(after)
    if not new:
        return []
    named = re.split(r"\bserta\b", CLAUSE_SEP_RE.split(new.group(1))[0])[0]
    where = paths(tokens(scope), anchor) if tokens(scope) else []
    if BETWEEN_RE.match(scope) and where:
        container = where[0][:-1] or anchor
    else:
        container = where[-1] if where else anchor
    return paths(tokens(named), container)


def parse_instruction(unit_id_: str, text: str) -> list[Effect]:
    text = _expand_ranges(" ".join(text.split()))
    only = PENJELASAN_ONLY_RE.search(text)
    if only and not VERB_RE.search(text.split("sehingga")[0]):
        return [Effect(unit_id_, "ubah", "Penjelasan " + citation(p), "penjelasan__" + unit_id(p), text=text)
                for p in paths(tokens(only.group(1)))]
    result = RESULT_ANCHOR_RE.search(text)
    anchor = _anchor_context(result.group(1), []) if result else []
    effects: list[Effect] = []
    for action, before, after in clauses(text):
        if NEW_UNITS_RE.search(before):
            # "... yakni ayat (3a) dan ayat (3b) serta ayat (4) diubah": the
            # list of the insertion before is not what this verb changes.
            before = re.split(r"\bserta\b|,\s*dan\b|\bdan\s+(?=ketentuan\b)", before)[-1]
        anchor = _anchor_context(before, anchor)
        scope = CLAUSE_SEP_RE.split(before)[-1]
        if action == "sisip":
            found = _sisip_targets(scope, after, anchor)
        else:
            found = paths(tokens(scope), anchor)
        for path in found:
            effects.append(Effect(unit_id_, action, citation(path), unit_id(path), text=text))
    return effects


def instructions(doc: Document) -> list[Unit]:
    """The numbered instructions of Pasal I (of every Roman Pasal that has
    them); a Pasal I without numbers ("Ketentuan Pasal 3 ... diubah sebagai
    berikut:") is its own single instruction."""
    numbered = [u for u in doc.units if u.kind == "angka" and re.fullmatch(r"pasal_[ivx]+__angka_\d+", u.id)]
    parents = {u.parent for u in numbered}
    single = [u for u in doc.units if u.id == "pasal_i" and u.id not in parents and VERB_RE.search(u.text)]
    return single + numbered


def amending_scope(doc: Document) -> str:
    """'lampiran__' when Pasal I amends a regulation held in another's Lampiran."""
    head = next((u for u in doc.units if u.id == "pasal_i"), None)
    return "lampiran__" if head is not None and LAMPIRAN_SCOPE_RE.search(head.text) else ""


def extract_effects(doc: Document) -> list[Effect]:
    scope = amending_scope(doc)
    by_id = {u.id for u in doc.units}
    out = []
    for ins in instructions(doc):
        for effect in parse_instruction(ins.id, ins.text):
            effect.new_unit = _new_unit(ins.id, effect, by_id)
            effect.target_unit = scope + effect.target_unit
            out.append(effect)
    return out


def _new_unit(instruction: str, effect: Effect, ids: set[str]) -> str:
    """The quoted unit that carries the new text: the target itself beneath
    the instruction, or the nearest quoted ancestor of it (the whole Pasal is
    usually quoted when one ayat changes)."""
    if effect.action == "hapus":
        return ""
    parts = effect.target_unit.removeprefix("penjelasan__").split("__")
    for n in range(len(parts), 0, -1):
        candidate = f"{instruction}__{'__'.join(parts[:n])}"
        if candidate in ids:
            return candidate
    return ""
