"""Every regular expression of the parser, named, with what it must not match.

Lines reach these patterns after cleaning: whitespace collapsed, stripped.
"""
from __future__ import annotations

import re

ROMAN = r"[IVXLCDM]+"

# BAB heading, optionally with its title on the same line (text formats).
#   "BAB I", "BAB IXA", "BAB XVI KETENTUAN PIDANA"
# Must not match "Bab V dihapus." (an amending instruction) nor "BAB" words
# inside a sentence; the title, when present, is upper case.
BAB_RE = re.compile(rf"^BAB\s+({ROMAN}[A-Z]?)\b\.?(?:\s+([A-Z][A-Z0-9 ,.'/()&-]*))?$")

# Bagian heading: "Bagian Kesatu", "Bagian Kedua Belas", "Bagian Kesebelas".
# Must not match "Bagian ini ..." or "bagian kesatu" in running text (case-sensitive).
BAGIAN_RE = re.compile(
    r"^Bagian\s+(Ke[a-z]+(?:\s+(?:Belas|Puluh)(?:\s+[A-Z][a-z]+)?)?|Pertama)\b(?:\s+(\S.*))?$")

# Paragraf heading: "Paragraf 1", "Paragraf 2A" (its title may follow).
# Must not match "paragraf" in running text (lower case) .
PARAGRAF_RE = re.compile(r"^Paragraf\s+(\d+[A-Z]?)\b(?:\s+(\S.*))?$")

# Pasal heading alone on its line: "Pasal 5", "Pasal 5A", "Pasal 220".
# Must not match "Pasal 5 ayat (2) ..." (a reference that starts a line).
PASAL_RE = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s*$")

# Pasal heading with its first text on the same line (flattened text formats):
# "Pasal 206 Cukup jelas.", "Pasal 192 (1) Daerah ...". Only used where the
# number is the expected next one, so "Pasal 5 ayat (2) ..." is not taken.
PASAL_INLINE_RE = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s+(?!ayat\b|huruf\b|angka\b|dan\b|sampai\b|Undang|UU\b)(.+)$")

# Roman-numbered articles of an amending act: "Pasal I", "Pasal II".
# Must not match "Pasal I ayat (2)" (OCR of "Pasal 1 ayat (2)").
PASAL_ROMAN_RE = re.compile(r"^Pasal\s+([IVX]+)\s*$")

# Ayat marker at line start: "(1) Setiap ...", "(1a) ...". The text may be empty
# when the line breaks right after the marker.
# Must not match "(Lembaran Negara ...)" or "(satu)".
AYAT_RE = re.compile(r"^\((\d{1,3}[a-z]?)\)\s*(.*)$")

# Rincian markers, four levels: "a.", "1.", "a)", "1)". Also inserted items
# "b1." and "1a.". Must not match "a.n." nor a year "2003." starting a
# wrapped line (numbers are capped at three digits and sequence-checked).
HURUF_DOT_RE = re.compile(r"^([a-z]{1,2}\d?)\.\s+(.*)$")
ANGKA_DOT_RE = re.compile(r"^(\d{1,3}[a-z]?)\.\s*(.*)$")
HURUF_PAREN_RE = re.compile(r"^([a-z]\d?)\)\s+(.*)$")
ANGKA_PAREN_RE = re.compile(r"^(\d{1,3}[a-z]?)\)\s+(.*)$")

# Diktum of a Keputusan: "KESATU : ...", "KEDUA: ...", "KESEPULUH :".
# Must not match "KESATU" inside a heading without the colon.
DIKTUM_RE = re.compile(
    r"^(KESATU|PERTAMA|KE(?:DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH|SEBELAS)"
    r"(?:\s+(?:BELAS|PULUH)(?:\s+[A-Z]+)?)?)\s*:\s*(.*)$")

# Parts of the opening (pembukaan).
MENIMBANG_RE = re.compile(r"^Menimbang\s*:?\s*(.*)$", re.I)
MENGINGAT_RE = re.compile(r"^Mengingat\s*:?\s*(.*)$", re.I)
MEMPERHATIKAN_RE = re.compile(r"^Memperhatikan\s*:?\s*(.*)$", re.I)
# "MEMUTUSKAN:", "M E M U T U S K A N :" (letter-spaced headings).
MEMUTUSKAN_RE = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\s*:?\s*(.*)$")
# "Menetapkan : UNDANG-UNDANG TENTANG ...". Must not match "menetapkan" in a
# sentence ("... perlu menetapkan Peraturan ...") - capitalised, line start.
MENETAPKAN_RE = re.compile(r"^Menetapkan\s*:\s*(.*)$")
PERSETUJUAN_RE = re.compile(r"^Dengan\s+Persetujuan\s+Bersama", re.I)

# Closing part: the promulgation sentence, or "Ditetapkan di" in a Keputusan.
PENUTUP_RE = re.compile(r"^Agar\s+setiap\s+orang\s+mengetahuinya")
DITETAPKAN_RE = re.compile(r"^(?:Ditetapkan|Disahkan)\s+di\s+")

# Penjelasan: "PENJELASAN ATAS ...", or "PENJELASAN" alone.
# Must not match "Penjelasan Pasal 5" in an amending instruction.
PENJELASAN_RE = re.compile(r"^PENJELASAN(?:\s+ATAS\b.*)?$")
UMUM_RE = re.compile(r"^(?:I\s*\.\s*)?UMUM\.?$")
PASAL_DEMI_PASAL_RE = re.compile(r"^(?:II\s*\.\s*)?PASAL\s+DEMI\s+PASAL\.?$", re.I)
# Penjelasan sub-headings: "Ayat (1)", "Huruf a", "Angka 3", each possibly
# followed by its text in flattened text formats ("Ayat (1) Cukup jelas.").
# Must not match "ayat (1)" in lower case (a reference in running text).
PJ_AYAT_RE = re.compile(r"^Ayat\s*\((\d{1,3}[a-z]?)\)\s*(.*)$")
PJ_HURUF_RE = re.compile(r"^Huruf\s+([a-z]{1,2}\d?)\b\.?\s*(.*)$")
PJ_ANGKA_RE = re.compile(r"^Angka\s+(\d{1,3}[a-z]?)\b\.?\s*(.*)$")
PJ_PASAL_RE = re.compile(r"^Pasal\s+(\d+[A-Z]?|[IVX]+)\s*$")
PJ_PASAL_INLINE_RE = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s+(Cukup\s+jelas\.?.*|Yang\s+dimaksud.*|Dihapus\.?.*)$")
TLN_LINE_RE = re.compile(r"^TAMBAHAN\s+(?:LEMBARAN|BERITA)\s+", re.I)

# Lampiran: "LAMPIRAN", "LAMPIRAN I", "LAMPIRAN II PERATURAN ...".
# Must not match "Lampiran" in a sentence (upper case, line start).
LAMPIRAN_RE = re.compile(rf"^LAMPIRAN(?:\s+({ROMAN}|[A-Z]|\d+))?\b(?:\s*:?\s*(.*))?$")

# Header of the document.
NOMOR_TAHUN_RE = re.compile(
    r"\bNOMOR\s*:?\s*([0-9A-Za-z./ -]+?)\s+TAHUN\s+(\d{4})\b", re.I)
NOMOR_ONLY_RE = re.compile(r"^NOMOR\s*:?\s*(\S+(?:\s*/\s*\S+)*)\s*$", re.I)
TENTANG_RE = re.compile(r"^TENTANG\s*:?\s*(.*)$", re.I)
RAHMAT_RE = re.compile(r"DENGAN\s+RAHMAT\s+TUHAN", re.I)
TITLE_PERUBAHAN_RE = re.compile(r"\bPERUBAHAN\b", re.I)

# Instructions of an amending act (their verbs).
INSTRUCTION_RE = re.compile(
    r"\b(diubah|disisipkan|dihapus|ditambah(?:kan)?|dicabut|berbunyi|ditambahkan)\b", re.I)

# Words that, ending a line, mean the next line continues a reference rather
# than starting a new unit ("... dimaksud dalam Pasal\n5 ayat (2)").
CONTINUATION_END_RE = re.compile(
    r"(?:\b(?:dalam|pada|dan|atau|dengan|ayat|Pasal|huruf|angka|Nomor|Tahun|terhadap|oleh|di|ke|"
    r"dari|yang|sampai|serta|tentang|bahwa|sebagaimana|dimaksud)|[,(/-])$", re.I)

# Dates: "1 Juli 2016", "17 Agustus 1945", "30 Desember 2025".
MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12,
}
DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)

# Closing facts.
DITETAPKAN_DATE_RE = re.compile(
    r"\b(?:Ditetapkan|Disahkan)\s+di\s+([A-Z][A-Za-z .]+?)\s*,?\s+pada\s+tanggal\s+"
    r"(\d{1,2}\s+\w+\s+\d{4})", re.I)
DIUNDANGKAN_DATE_RE = re.compile(
    r"\bDiundangkan\s+di\s+([A-Z][A-Za-z .]+?)\s*,?\s+pada\s+tanggal\s+(\d{1,2}\s+\w+\s+\d{4})", re.I)
LN_RE = re.compile(
    r"\b(LEMBARAN|BERITA)\s+(NEGARA|DAERAH)\s+((?:REPUBLIK\s+INDONESIA)|(?:(?:PROVINSI|KABUPATEN|KOTA)\s+[A-Z ]+?))?"
    r"\s*TAHUN\s+(\d{4})\s+NOMOR\s+(\d+)", re.I)
LN_HEADER_RE = re.compile(r"^(LEMBARAN|BERITA)\s+NEGARA\b.*?No\.?\s*(\d+)\s*,\s*(\d{4})", re.I)
# "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5234": the region words
# in between are bounded, so the pattern cannot run on to an unrelated "Nomor".
TLN_RE = re.compile(r"\bTAMBAHAN\s+(LEMBARAN|BERITA)\s+(NEGARA|DAERAH)\s+[A-Za-z ]{0,60}?NOMOR\s+(\d+)", re.I)

# Page furniture.
# "- 2 -", "-2-", "– 12 –", "Halaman 2 dari 10". Must not match "(2)" or "2.".
PAGE_NUMBER_RE = re.compile(r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|Halaman\s+\d+(?:\s+dari\s+\d+)?|\d{1,4})$", re.I)
# Catchwords: the first words of the next page repeated at a page foot,
# "3. Konstruksi ...", "Pasal 5 . . .", "MEMUTUSKAN . . .". Must not match an
# ellipsis inside a sentence followed by more words.
CATCHWORD_RE = re.compile(r"^.{1,80}?\s*(?:\.\s*){3,}$|^.{1,80}?\s*…$")
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
