"""Cross-references in regulation text, resolved to unit and document ids.

"sebagaimana dimaksud dalam Pasal 5 ayat (2)" (another Pasal), "pada ayat (1)"
(the same Pasal), lists ("Pasal 7 ayat (2) dan ayat (4), Pasal 12, dan Pasal
13 ayat (3)"), ranges ("huruf a sampai dengan huruf c") and other regulations
("Pasal 22 ayat (1) Undang-Undang Nomor 7 Tahun 2017", "Undang-Undang Nomor 12
Tahun 2011 tentang ..."). Each reference keeps its span in the unit's text so
the reader can link it; one that cannot be resolved keeps the reason.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from jdih import ids
from jdih.jenis import JENIS, Jenis
from jdih.model import Document, Unit

from .effects import _groups, tokens, unit_id
from .metadata import fix_number, parse_head

# A regulation cited by its long form: "Undang-Undang Nomor 7 Tahun 2017",
# "Peraturan Gubernur Bali Nomor 29 Tahun 2019", "Peraturan Kepala Badan
# Pengawas Tenaga Nuklir Nomor 7 Tahun 2013", "Peraturan Pemerintah Pengganti
# Undang-Undang Nomor 1 Tahun 2014". Capitalised words between the jenis and
# "Nomor"; must not run over a sentence ("... Peraturan ini. Nomor ...").
REG_CITE_RE = re.compile(
    r"\b(?P<jenis>Undang-Undang|Peraturan(?:\s+(?!Nomor\b)(?:[A-Z][\w.-]*|dan|Republik))*?|"
    r"Keputusan(?:\s+(?!Nomor\b)(?:[A-Z][\w.-]*|dan))*?|Instruksi\s+Presiden)"
    r"(?:\s+Republik\s+Indonesia)?\s+Nomor\s*:?\s*(?P<nomor>[\w./-]+?)\s*,?\s+Tahun\s+(?P<tahun>[0-9OIl]{4})\b")
# The constitution, cited without a number.
UUD_RE = re.compile(r"\bUndang-Undang\s+Dasar\s+(?:Negara\s+Republik\s+Indonesia\s+)?(?:Tahun\s+)?1945\b")
# A run of unit names joined by commas, "dan", "atau", "sampai dengan":
# "Pasal 7 ayat (2) dan ayat (4), Pasal 12, dan Pasal 13 ayat (3)".
UNIT_WORD = r"(?:Pasal\s+\d+[A-Z]?|ayat\s*\(\d+[a-z]?\)|huruf\s+[a-z]{1,2}\d?\b|angka\s+\d+[a-z]?\b)"
JOIN = r"(?:\s*,\s*(?:dan\s+|atau\s+)?|\s+(?:dan/atau|dan|atau|sampai\s+dengan|s\.d\.)\s+|\s+)"
UNIT_RUN_RE = re.compile(rf"{UNIT_WORD}(?:{JOIN}{UNIT_WORD})*")
RANGE_SPLIT_RE = re.compile(r"\s+(?:sampai\s+dengan|s\.d\.)\s+")
# What may follow a run and name the regulation it belongs to.
AFTER_RUN_RE = re.compile(r"^\s*(?:,\s*)?(?:(?P<ini>(?:Undang-Undang|Peraturan\s+[A-Z]\w+(?:\s+[A-Z]\w+)*)\s+ini)\b"
                          r"|(?P<tersebut>(?:Undang-Undang|Peraturan\s+[A-Z]\w+(?:\s+[A-Z]\w+)*)\s+tersebut)\b)")
ZONES_WITH_OWN_LISTS = ("menimbang", "mengingat", "memperhatikan")
SKIP_ROOTS = ("pembukaan", "penutup", "menetapkan")


@dataclass
class Reference:
    unit_id: str
    start: int
    end: int
    text: str
    target_doc: str = ""      # '' for the same document
    target_unit: str = ""     # '' for a whole document
    resolved: bool = False
    reason: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def leading_jenis(text: str) -> Jenis | None:
    norm = re.sub(r"[\s-]+", " ", text.upper()).strip()
    for jenis in JENIS:
        if re.match(jenis.title + r"\b", norm):
            return jenis
    return None


def cited_doc_id(jenis: str, nomor: str, tahun: str, home: str = "") -> str:
    """'Peraturan Gubernur Bali', '29', '2019' -> 'pergub-bali-29-2019'. A
    regional regulation cited without its region ("Peraturan Daerah Nomor 8
    Tahun 2023" in a Perda of Kabupaten Banjarnegara) is one of the citing
    regulation's region: ``home`` is the citing regulation's short form."""
    head = parse_head(f"{jenis.upper()} NOMOR {nomor} TAHUN {fix_number(tahun)}")
    if not (head.jenis and head.nomor and head.tahun):
        return ""
    leading = leading_jenis(jenis)
    if leading is not None and leading is not head.jenis and not leading.qualified:
        # "Peraturan Pemerintah Pengganti Undang-Undang": the jenis the
        # citation starts with, not the last one it names.
        return ids.doc_id(leading.singkatan, head.nomor, head.tahun)
    if head.jenis.qualified == "region" and not head.wilayah and " " in home:
        region = home.split(" ", 1)[1]
        return ids.doc_id(f"{head.singkatan} {region}", head.nomor, head.tahun)
    return head.doc_id


def citations(text: str, home: str = "") -> list[tuple[int, int, str]]:
    """(start, end, doc id) of every regulation cited in a text; ``home`` is
    the citing regulation's short form (for regional citations)."""
    out = [(m.start(), m.end(), "uud-1945") for m in UUD_RE.finditer(text)]
    for m in REG_CITE_RE.finditer(text):
        if any(s <= m.start() < e for s, e, _ in out):
            continue
        doc = cited_doc_id(m.group("jenis"), m.group("nomor"), m.group("tahun"), home)
        if doc:
            out.append((m.start(), m.end(), doc))
    return sorted(out)


def _expand(run: str) -> list[tuple[str, str]]:
    """Unit tokens of a run, ranges filled in: 'huruf a sampai dengan huruf c'
    -> huruf a, huruf b, huruf c; 'Pasal 5 sampai dengan Pasal 9' -> 5..9."""
    pieces = RANGE_SPLIT_RE.split(run)
    toks = tokens(pieces[0])
    for piece in pieces[1:]:
        nxt = tokens(piece)
        if toks and nxt and toks[-1][0] == nxt[0][0]:
            toks += _fill(toks[-1], nxt[0])
            toks += nxt[1:]
        else:
            toks += nxt
    return toks


def _fill(a: tuple[str, str], b: tuple[str, str]) -> list[tuple[str, str]]:
    kind, x, y = a[0], a[1], b[1]
    if x.isdigit() and y.isdigit() and int(x) < int(y) <= int(x) + 200:
        return [(kind, str(n)) for n in range(int(x) + 1, int(y) + 1)]
    if len(x) == 1 and len(y) == 1 and x.isalpha() and y.isalpha() and x < y:
        return [(kind, chr(c)) for c in range(ord(x) + 1, ord(y) + 1)]
    return [b]


def context_of(unit: Unit) -> tuple[str, list[tuple[str, str]]]:
    """Where a unit's relative references point from: an id prefix (the
    instruction of quoted text 'pasal_i__angka_2', 'menimbang', an embedded
    'lampiran') and the (pasal, ayat, huruf, angka) path of the unit itself.
    A Penjelasan unit speaks from the unit it explains."""
    prefix: list[str] = []
    path: list[tuple[str, str]] = []
    for part in unit.id.split("__"):
        kind, _, number = part.partition("_")
        if kind == "penjelasan":
            continue
        if kind == "pasal" and number[:1].isdigit():
            path = [(kind, number.upper())]
        elif kind in ("ayat", "huruf", "angka") and (path or (prefix and prefix[0] in ZONES_WITH_OWN_LISTS)):
            path.append((kind, number))
        else:
            prefix.append(part)
    return "__".join(prefix), path


def ref_paths(toks: list[tuple[str, str]], context: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Full paths of a run: 'ayat (2) huruf c, huruf d' from Pasal 240 ->
    pasal 240 ayat 2 huruf c, pasal 240 ayat 2 huruf d. A token replaces the
    unit of its kind in the context (and what is below it); a kind not in the
    context goes one level deeper (huruf and angka nest either way round)."""
    out = []
    for group in _groups(toks):
        stack = [] if group[0][0] == "pasal" else list(context)
        for i, tok in enumerate(group):
            kinds = [k for k, _ in stack]
            if tok[0] == "pasal":
                stack = [tok]
            elif tok[0] in kinds:
                stack = stack[:kinds.index(tok[0])] + [tok]
            else:
                stack.append(tok)
            nxt = group[i + 1] if i + 1 < len(group) else None
            if nxt is None or nxt[0] == "pasal" or nxt[0] in [k for k, _ in stack]:
                out.append(list(stack))
    return out


def find_references(doc: Document, amended: str = "", scope: str = "") -> list[Reference]:
    """References of every clause. ``amended`` is the regulation an amending
    act changes (its instructions and quoted text name that regulation's
    units; ``scope`` 'lampiran__' when the units sit in its Lampiran)."""
    known = {u.id for u in doc.units}
    out: list[Reference] = []
    for unit in doc.units:
        root = unit.id.split("__")[0]
        if not unit.text or root in SKIP_ROOTS or (root.startswith("lampiran") and "__" not in unit.id):
            continue
        out += unit_references(unit, known, amended, scope, doc.singkatan)
    return out


def _cite_for(text: str, run_end: int, cites: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The regulation a run of units belongs to: a citation right after it,
    or after more units of the same list ("Pasal 5 ayat (1), Pasal 20, dan
    Pasal 33 Undang-Undang Dasar ...")."""
    for s, e, d in cites:
        if s < run_end:
            continue
        between = text[run_end:s]
        if len(between) <= 200 and not re.search(r"[;.]", between) and \
                re.fullmatch(rf"(?:{JOIN}|{UNIT_WORD}|\s)*", between):
            return s, e, d
        return None
    return None


def unit_references(unit: Unit, ids: set[str], amended: str = "", scope: str = "", home: str = ""
                    ) -> list[Reference]:
    text = unit.text
    cites = citations(text, home)
    prefix, path = context_of(unit)
    out: list[Reference] = []
    used = []
    for m in UNIT_RUN_RE.finditer(text):
        after = text[m.end():]
        cite = _cite_for(text, m.end(), cites)
        adjacent = cite is not None and cite[0] - m.end() <= 2
        end = cite[1] if adjacent else m.end()
        ref = Reference(unit.id, m.start(), end, text[m.start():end])
        toks = _expand(m.group(0))
        in_list_zone = prefix.split("__")[0] in ZONES_WITH_OWN_LISTS
        targets = [unit_id(p) for p in ref_paths(toks, path) if p and (p[0][0] in ("pasal", "bab") or in_list_zone)]
        anaphor = AFTER_RUN_RE.match(after)
        if cite:
            ref.target_doc, ref.resolved = cite[2], True
            if adjacent:
                used.append(cite)
        elif anaphor and anaphor.group("tersebut"):
            ref.reason = "merujuk peraturan 'tersebut' yang tidak disebut namanya"
        elif not targets:
            ref.reason = "tidak jelas pasal mana yang dimaksud"
        out += _per_target(ref, targets, prefix, ids, amended, scope)
    for s, e, d in cites:
        if (s, e, d) not in used:
            out.append(Reference(unit.id, s, e, text[s:e], target_doc=d, resolved=True))
    return sorted(out, key=lambda r: (r.start, r.target_unit))


def _per_target(ref: Reference, targets: list[str], prefix: str, ids: set[str], amended: str,
                scope: str) -> list[Reference]:
    """One reference row per target unit; internal targets are looked up in
    the document (quoted text first within its instruction, then the body);
    in an amending act's Pasal I what is not quoted is the amended act's."""
    if ref.reason or not targets:
        return [ref]
    out = []
    for target in targets:
        r = Reference(ref.unit_id, ref.start, ref.end, ref.text, ref.target_doc, target, ref.resolved, "")
        if not r.target_doc:
            candidates = [f"{prefix}__{target}" if prefix else target]
            if prefix and not prefix.startswith(("menimbang", "mengingat", "memperhatikan", "pasal_")):
                candidates.append(target)
            if not prefix.startswith("pasal_"):
                candidates.append(target)
            found = next((c for c in candidates if c in ids), None)
            if found:
                r.target_unit, r.resolved = found, True
            elif prefix.startswith("pasal_") and amended:
                r.target_doc, r.target_unit, r.resolved = amended, scope + target, True
            else:
                r.reason = f"{target} tidak ada di dokumen ini"
        out.append(r)
    return out
