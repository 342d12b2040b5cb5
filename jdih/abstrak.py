"""The abstract of a regulation in its structured JDIH form.

A JDIH abstrak sheet (DOMAIN.md section 2; the Perda Banjarnegara 8/2025 sheet
in the corpus) has an ABSTRAK part of dash items -- (a) the reasons (dasar
pertimbangan), (b) the legal basis ("Dasar Hukum ... adalah: ..."), (c) a
summary of the content -- and a CATATAN part of dash items (entry into force,
page counts). ``from_sheet`` reads the text of such a sheet; staff can also
write one (stored as JSON in ``documents.abstrak``), which then wins.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

# "ABSTRAK :" / "CATATAN :" opening a part of the sheet (any case, the colon
# optional). Must not match the words inside a sentence ("abstrak ini").
#   "ABSTRAK : - Kebijakan pajak ..."   "CATATAN    :  - Perbup ini ..."
PART_RE = re.compile(r"^\s*(ABSTRAK|CATATAN)\s*:?\s*", re.IGNORECASE)

# A dash item: "-" or "–" then space at the start of a line. Must not match a
# hyphenated word carried to the next line ("-Undang") or a page number ("-2-").
#   "- Dasar Hukum ..."   "–  Perubahan beberapa ketentuan."
ITEM_RE = re.compile(r"^\s*[-\u2013\u2022]\s+(?=\S)")

# The legal-basis item of the ABSTRAK part, and its lead-in up to the colon.
# Must not match an item that merely mentions a basis later in the sentence.
#   "Dasar Hukum Peraturan Bupati ini adalah: Pasal 18 ayat (6) UUD 1945; ..."
#   "Dasar hukum: UU No. 7 Tahun 2017"
DASAR_HUKUM_RE = re.compile(r"^\s*Dasar\s+Hukum\b[^:]{0,80}:\s*", re.IGNORECASE)

MAX_PART = 20000  # characters per part a staff member may write


@dataclass
class Abstrak:
    alasan: str = ""          # dasar pertimbangan: why the regulation was made
    dasar_hukum: str = ""     # legal basis, items separated by ";"
    isi: str = ""             # summary of the content
    catatan: list[str] = field(default_factory=list)
    sumber: str = ""          # "staf" (written here) or "lembar" (read from the abstrak sheet)

    def empty(self) -> bool:
        return not (self.alasan or self.dasar_hukum or self.isi or self.catatan)

    def dasar_hukum_items(self) -> list[str]:
        return [p.strip() for p in self.dasar_hukum.split(";") if p.strip()]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Abstrak | None":
        """The stored abstract, or None when nothing (or not JSON) is stored."""
        if not text or not text.strip().startswith("{"):
            return None
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        catatan = data.get("catatan") or []
        if isinstance(catatan, str):
            catatan = [catatan]
        return cls(alasan=str(data.get("alasan", "")), dasar_hukum=str(data.get("dasar_hukum", "")),
                   isi=str(data.get("isi", "")), catatan=[str(c) for c in catatan if str(c).strip()],
                   sumber=str(data.get("sumber", "staf")))


def _items(lines: list[str]) -> list[str]:
    """Dash items of a part, continuation lines joined with a space."""
    items: list[list[str]] = []
    for line in lines:
        m = ITEM_RE.match(line)
        if m:
            items.append([line[m.end():].strip()])
        elif line.strip():
            if not items:
                items.append([])
            items[-1].append(line.strip())
    return [_join(parts) for parts in items if parts]


def _join(parts: list[str]) -> str:
    text = ""
    for p in parts:
        if text.endswith("-") and p[:1].isalpha() and p[:1].isupper():
            text += p          # "Undang-" + "Undang" keeps its hyphen
        else:
            text = f"{text} {p}" if text else p
    return re.sub(r"\s+", " ", text).strip()


def from_sheet(text: str) -> Abstrak | None:
    """Read an abstrak sheet's text; None when it has no ABSTRAK part."""
    parts: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        m = PART_RE.match(line)
        if m:
            current = m.group(1).lower()
            parts.setdefault(current, [])
            line = line[m.end():]
            if line.strip() and not ITEM_RE.match(line):
                line = "- " + line
        if current is not None:
            parts[current].append(line)
    if "abstrak" not in parts:
        return None
    out = Abstrak(catatan=_items(parts.get("catatan", [])), sumber="lembar")
    rest: list[str] = []
    for item in _items(parts["abstrak"]):
        m = DASAR_HUKUM_RE.match(item)
        if m and not out.dasar_hukum:
            out.dasar_hukum = item[m.end():].strip()
        elif not out.alasan and not out.dasar_hukum:
            out.alasan = item
        else:
            rest.append(item)
    if not out.dasar_hukum and len(rest) > 1:      # unlabelled sheet: reasons, basis, content
        out.dasar_hukum = rest.pop(0)
    out.isi = "\n".join(rest)
    return out


def validate(form: dict) -> tuple[Abstrak, dict[str, str]]:
    """An abstract written by staff, and the errors (field -> message) if any."""
    errors: dict[str, str] = {}
    values = {}
    for name in ("alasan", "dasar_hukum", "isi", "catatan"):
        value = (form.get(name) or "").replace("\r\n", "\n").strip()
        if len(value) > MAX_PART:
            errors[name] = f"Terlalu panjang (paling banyak {MAX_PART} karakter)."
        values[name] = value
    catatan = [re.sub(ITEM_RE, "", c).strip() for c in values["catatan"].split("\n") if c.strip()]
    abstrak = Abstrak(alasan=values["alasan"], dasar_hukum=values["dasar_hukum"], isi=values["isi"],
                      catatan=catatan, sumber="staf")
    return abstrak, errors
