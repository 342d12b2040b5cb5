"""Bad inputs made from the real corpus files, for the ingest tests.

Each maker returns bytes a clerk could really upload: a real regulation cut
short, damaged, locked with a password, renamed, packed into a decompression
bomb, and so on.
"""
from __future__ import annotations

import io
import re
import zipfile

from conftest import corpus_file

PDF = "perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf"


def real_pdf(name: str = PDF) -> bytes:
    return corpus_file(name).read_bytes()


def truncated_pdf() -> bytes:
    data = real_pdf()
    return data[: len(data) // 3]


def corrupt_pdf() -> bytes:
    """The header survives, the body and cross-reference data are noise."""
    data = bytearray(real_pdf())
    for i in range(200, len(data), 7):
        data[i] = (data[i] * 31 + 17) % 256
    return bytes(data)


def encrypted_pdf() -> bytes:
    """A real PDF with an incremental update that adds a Standard security
    handler whose user password is not empty (as Acrobat writes it)."""
    data = real_pdf()
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    obj = size
    body = b"\n%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -3904 >>\nendobj\n" % (
        obj, b"7a" * 32, b"c3" * 32)
    offset = len(data) + 1
    xref_at = len(data) + len(body)
    tail = (b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n"
            b"<< /Size %d /Root %s /Prev %d /Encrypt %d 0 R /ID [<%s><%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (obj, offset, obj + 1, root, prev, obj, b"ab" * 16, b"ab" * 16, xref_at))
    return data + body + tail


def huge_page_count_pdf(pages: int = 5000) -> bytes:
    """A small, valid PDF whose page tree lists one page ``pages`` times."""
    content = b"BT /F1 12 Tf 72 720 Td (Pasal 1) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join([b"3 0 R"] * pages)),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def docx_bomb(megabytes: int = 64) -> bytes:
    """A DOCX whose document.xml inflates from a few dozen KB to ``megabytes`` MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                fh.write(chunk)
    return buf.getvalue()


def html_with_scripts() -> bytes:
    """A real regulation (UU 2/2008, from the corpus text) as a web page with
    scripts, an event handler and a hidden block planted in it."""
    text = corpus_file("uu-2-2008-partai-politik.md").read_text(encoding="utf-8")
    paras = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    paras = paras.replace("<p>Pasal 2</p>", "<p>Pasal 2</p><script>alert('xss-pasal')</script>"
                          "<p onclick=\"steal()\" style=\"display:none\">TERSEMBUNYI-XSS</p>", 1)
    return (f"<!doctype html><html><head><title>UU 2/2008</title><script>document.cookie</script></head>"
            f"<body>{paras}<script src=\"https://example.invalid/x.js\"></script></body></html>").encode()
