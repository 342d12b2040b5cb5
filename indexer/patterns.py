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

# BUKU heading (a level above BAB in the longest codes, UU 7/2017):
# "BUKU KESATU", "BUKU KEDUA PENYELENGGARA PEMILU". Upper case; must not
# match "buku" in running text.
BUKU_RE = re.compile(
    r"^BUKU\s+(KESATU|PERTAMA|KE(?:DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH))\b(?:\s+([A-Z][A-Z ,/&-]*))?$")

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
# The first word tolerates one misread letter ("Apar setiap Orang ..." in a scan).
PENUTUP_RE = re.compile(r"^A[a-z]ar\s+setiap\s+orang\s+mengetahui", re.I)
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
# "Huruf a)" / "Angka 1)" (with the bracket) explain rincian of the deeper
# levels a) / 1): group 2 keeps the bracket so they nest, not collide.
PJ_HURUF_RE = re.compile(r"^Huruf\s+([a-z]{1,2}\d?)\b(\))?\.?\s*(.*)$")
PJ_ANGKA_RE = re.compile(r"^Angka\s+(\d{1,3}[a-z]?)\b(\))?\.?\s*(.*)$")
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
    r"\b(diubah|disisipkan|disisipi|dihapus|ditambah(?:kan)?|dicabut|berbunyi|ditambahkan)\b", re.I)
# A whole instruction sentence: what it changes, then the verb, before the end
# of the sentence. "Di antara Pasal 185 dan Pasal 186 disisipkan 2 (dua)
# pasal ...", "Ketentuan Pasal 4 dihapus.". Must not match a definition
# ("18. Komisi ... adalah") or a list item that mentions a change in passing.
INSTRUCTION_SENTENCE_RE = re.compile(
    r"^(?:Ketentuan|Di\s*antara|Diantara|BAB|Bab|Pasal|Penjelasan|Judul|Lampiran)\b[^.:;]{0,300}?"
    r"\b(?:diubah|disisipkan|disisipi|dihapus|ditambah(?:kan)?|dicabut)\b")

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
CATCHWORD_RE = re.compile(r"^.{1,80}?\s*(?:\.\s*){3,}$|^.{0,80}?\s*…\s*\.?$")
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)

# -- OCR confusions in structural words (scans, OCR'd text files) ----------
# The word "Pasal" misread, followed by a number-like token: "Fasal 1",
# "Pasd 194", "Pasat 200", "Pasa1 5", "PasaI 7". Must not match "Pasal"
# itself (nothing to fix) nor words like "Pasar 5" (a real word, market).
PASAL_WORD_OCR_RE = re.compile(r"\b(?:Fasal|Pasd|Pasat|Pasa1|PasaI|Pasai|Pasa!|Pasa\||Pesal|Pasai)(?=\s+[0-9lIO])")
# A Pasal number with letters read for digits: "Pasal l0", "Pasal 6l",
# "Pasal 17O", "Pasal 2O1". At least one real digit, so "Pasal I" (roman,
# amending acts) and "Pasal IV" are left alone; a final capital other than O
# is an inserted-Pasal letter ("Pasal 5A", "Pasal 5B") and is kept.
PASAL_NUMBER_OCR_RE = re.compile(r"\bPasal\s+(?=[0-9lIOo]*[0-9])([0-9lIOo]+)(?=[A-NP-Z]?\b)")
# Ayat marker "(l)" / "(I)" for "(1)" at the start of a line, after a
# sentence end or right after a Pasal heading ("Pasal 10 (l) Jumlah").
# Must not match "(I)" inside a sentence (a roman numeral in a list).
AYAT_OCR_RE = re.compile(r"(^|[.;:]\s|\bPasal\s\d{1,3}[A-Z]?\s)\((?:l|I)\)(?=\s)")
# "NOMOR" misread in a heading: "HOMOR 46", "NOMER 46", "N0MOR 46", "Momor 23".
NOMOR_OCR_RE = re.compile(r"\b(?:HOMOR|NOMER|N0MOR|NOM0R|MOMOR|Homor|Nomer|Momor|N0mor)(?=\s+\S)")
# A label of the opening with its colon misread: "Mengingat ! 1.", "Menimbang ; a.".
LABEL_OCR_RE = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*[!;|]\s*")
# "BABI", "BABII" - a BAB heading whose space was lost (OCR). Must not match
# "BABAK" or other words: only roman numerals follow, to the end of the line.
BAB_GLUED_RE = re.compile(r"^BAB([IVX]{1,5}[A-Z]?)$")
# A running header inside a flattened OCR'd text: "PRES I DEN REPUBLIK
# INDONESIA", "PRES IOEN REPUBLIK INOONESIA". Must not match the clean
# "PRESIDEN REPUBLIK INDONESIA," of the opening and the signature: only a
# letter-spaced or misread variant is a header (checked by the caller).
PRESIDEN_HEADER_RE = re.compile(
    r"\bP\s?R\s?E\s?S\s?I\s?[DO0]\s?[EO]\s?N\s+R\s?E\s?P\s?U\s?[BEDL]\s?L\s?I\s?[KX<]\s+"
    r"I\s?N\s?[DO0]\s?[O0]\s?N\s?E\s?S\s?I\s?A\b")
