"""Kinds of regulation (jenis), their short forms and how titles name them.

Data, not code: one table of jenis, one of issuing bodies whose regulations
carry the body in their short form (ministries, agencies, regions). Titles are
matched case-insensitively with "-" and spaces interchangeable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Jenis:
    name: str          # "Peraturan Pemerintah"
    singkatan: str     # "PP"
    title: str         # regex for the title as printed, upper case: "PERATURAN PEMERINTAH"
    rank: int          # place in the hierarchy (UU 12/2011 Pasal 7), lower is higher
    teu: str = "Indonesia. Pemerintah Pusat"
    qualified: str = ""  # "agency", "ministry", "region" when the issuer is part of the name
    aliases: tuple[str, ...] = ()  # other ways users write the short form


# Order matters: longer titles first, so "PERATURAN PEMERINTAH PENGGANTI
# UNDANG-UNDANG" is not taken for "PERATURAN PEMERINTAH".
JENIS: tuple[Jenis, ...] = (
    Jenis("Undang-Undang Dasar", "UUD", r"UNDANG UNDANG DASAR", 0),
    Jenis("Peraturan Pemerintah Pengganti Undang-Undang", "Perppu",
          r"PERATURAN PEMERINTAH PENGGANTI UNDANG UNDANG", 2, aliases=("perpu",)),
    Jenis("Undang-Undang", "UU", r"UNDANG UNDANG", 2, aliases=("undang-undang", "undang undang")),
    Jenis("Peraturan Pemerintah", "PP", r"PERATURAN PEMERINTAH", 3, aliases=("peraturan pemerintah",)),
    Jenis("Peraturan Presiden", "Perpres", r"PERATURAN PRESIDEN", 4, aliases=("peraturan presiden",)),
    Jenis("Keputusan Presiden", "Keppres", r"KEPUTUSAN PRESIDEN", 4, aliases=("kepres",)),
    Jenis("Instruksi Presiden", "Inpres", r"INSTRUKSI PRESIDEN", 4),
    Jenis("Peraturan Komisi Pemilihan Umum", "PKPU", r"PERATURAN KOMISI PEMILIHAN UMUM", 5,
          teu="Indonesia. Komisi Pemilihan Umum", aliases=("peraturan kpu",)),
    Jenis("Keputusan Komisi Pemilihan Umum", "Keputusan KPU", r"KEPUTUSAN KOMISI PEMILIHAN UMUM", 6,
          teu="Indonesia. Komisi Pemilihan Umum", aliases=("kepkpu", "kpt kpu", "keputusan kpu")),
    Jenis("Peraturan Badan Pengawas Pemilihan Umum", "Perbawaslu",
          r"PERATURAN BADAN PENGAWAS PEMILIHAN UMUM", 5,
          teu="Indonesia. Badan Pengawas Pemilihan Umum", aliases=("peraturan bawaslu",)),
    Jenis("Peraturan Dewan Kehormatan Penyelenggara Pemilihan Umum", "Peraturan DKPP",
          r"PERATURAN DEWAN KEHORMATAN PENYELENGGARA PEMILIHAN UMUM", 5,
          teu="Indonesia. Dewan Kehormatan Penyelenggara Pemilihan Umum"),
    Jenis("Peraturan Menteri", "Permen", r"PERATURAN MENTERI", 5, qualified="ministry"),
    Jenis("Keputusan Menteri", "Kepmen", r"KEPUTUSAN MENTERI", 6, qualified="ministry"),
    Jenis("Peraturan Kepala Badan", "Perka", r"PERATURAN KEPALA", 5, qualified="agency",
          aliases=("perba", "peraturan kepala")),
    Jenis("Keputusan Kepala Badan", "Kepka", r"KEPUTUSAN KEPALA", 6, qualified="agency"),
    Jenis("Peraturan Badan", "Perban", r"PERATURAN BADAN", 5, qualified="agency", aliases=("perba",)),
    Jenis("Peraturan Daerah", "Perda", r"PERATURAN DAERAH", 7, qualified="region",
          aliases=("peraturan daerah",)),
    Jenis("Peraturan Gubernur", "Pergub", r"PERATURAN GUBERNUR", 9, qualified="region"),
    Jenis("Peraturan Bupati", "Perbup", r"PERATURAN BUPATI", 9, qualified="region"),
    Jenis("Peraturan Wali Kota", "Perwal", r"PERATURAN WALI ?KOTA", 9, qualified="region"),
    Jenis("Keputusan Gubernur", "Kepgub", r"KEPUTUSAN GUBERNUR", 10, qualified="region"),
    Jenis("Keputusan Bupati", "Kepbup", r"KEPUTUSAN BUPATI", 10, qualified="region"),
    Jenis("Keputusan Wali Kota", "Kepwal", r"KEPUTUSAN WALI ?KOTA", 10, qualified="region"),
)

# Issuing bodies named in titles, with the acronym used in short forms.
AGENCIES = {
    "BADAN PENGAWAS TENAGA NUKLIR": "BAPETEN",
    "BADAN PENGAWAS OBAT DAN MAKANAN": "BPOM",
    "BADAN KEPEGAWAIAN NEGARA": "BKN",
    "BADAN PUSAT STATISTIK": "BPS",
    "BADAN PENGAWAS PEMILIHAN UMUM": "Bawaslu",
    "KOMISI PEMILIHAN UMUM": "KPU",
    "BADAN NASIONAL PENANGGULANGAN BENCANA": "BNPB",
    "BADAN PEMERIKSA KEUANGAN": "BPK",
}
# Ministries: the short form people write for their regulations.
MINISTRIES = {
    "KEUANGAN": "PMK",
    "PENDIDIKAN DAN KEBUDAYAAN": "Permendikbud",
    "PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI": "Permendikbudristek",
    "DALAM NEGERI": "Permendagri",
    "HUKUM DAN HAK ASASI MANUSIA": "Permenkumham",
    "HUKUM": "Permenkum",
    "KESEHATAN": "Permenkes",
    "AGAMA": "PMA",
    "KETENAGAKERJAAN": "Permenaker",
    "PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI": "PermenPANRB",
}


def _norm(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.upper()).strip()


_JENIS_RES = [(j, re.compile(r"\b" + j.title.replace(" ", r"[\s-]+") + r"\b")) for j in JENIS]


def find_jenis(title: str) -> tuple[Jenis, int, int] | None:
    """The last jenis named in a title text, with its span (in the normalised text)."""
    text = _norm(title)
    best = None
    for jenis, rx in _JENIS_RES:
        for m in rx.finditer(text):
            # Prefer the match that ends last; on ties the longer (earlier listed) one.
            if best is None or m.start() > best[1] or (m.start() == best[1] and m.end() > best[2]):
                best = (jenis, m.start(), m.end())
    return best


def by_singkatan(singkatan: str) -> list[Jenis]:
    key = singkatan.lower()
    return [j for j in JENIS if j.singkatan.lower() == key or key in j.aliases]


def issuer_short(jenis: Jenis, issuer: str) -> tuple[str, str]:
    """(singkatan, teu) for a jenis qualified by its issuer.

    'PERATURAN MENTERI' + 'KEUANGAN' -> ('PMK', 'Indonesia. Kementerian Keuangan');
    'PERATURAN KEPALA' + 'BADAN PENGAWAS TENAGA NUKLIR' -> ('Perka BAPETEN', ...);
    'PERATURAN GUBERNUR' + 'BALI' -> ('Pergub Bali', 'Bali').
    """
    issuer = _norm(issuer).strip(" ,.")
    if jenis.qualified == "ministry":
        key = re.sub(r"\s+REPUBLIK INDONESIA$", "", issuer)
        short = MINISTRIES.get(key)
        teu = f"Indonesia. Kementerian {key.title()}"
        if short:
            return (short if jenis.singkatan == "Permen" else f"{jenis.singkatan} {short}"), teu
        initials = "".join(w[0] for w in key.split() if w not in ("DAN", "DI"))
        return f"{jenis.singkatan}{initials.title()}", teu
    if jenis.qualified == "agency":
        key = re.sub(r"\s+REPUBLIK INDONESIA$", "", issuer)
        acronym = AGENCIES.get(key) or "".join(w[0] for w in key.split() if w not in ("DAN", "DI"))
        return f"{jenis.singkatan} {acronym}", f"Indonesia. {key.title()}"
    if jenis.qualified == "region":
        region = region_name(issuer)
        return f"{jenis.singkatan} {region}", region
    return jenis.singkatan, jenis.teu


def region_name(issuer: str) -> str:
    """'KABUPATEN BANJARNEGARA' -> 'Kab. Banjarnegara'; 'PROVINSI BALI' -> 'Bali'."""
    words = _norm(issuer).title().split()
    if words and words[0] == "Kabupaten":
        return " ".join(["Kab."] + words[1:])
    if words and words[0] == "Provinsi":
        return " ".join(words[1:])
    return " ".join(words)
