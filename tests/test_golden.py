"""Golden files: the parsed tree of real corpus documents, one per format.

Regenerate with ``JDIH_REGEN_GOLDEN=1 make test`` and review the diff by
reading it before committing.
"""
from __future__ import annotations

import json

import pytest

from conftest import REGEN, ROOT, parse_file

GOLDEN = ROOT / "tests" / "golden"
DOCUMENTS = [
    "uu-2-2008-partai-politik.md",                                        # Markdown, with Penjelasan
    "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",                    # Markdown amending act
    "permenkeu-2-pmk07-2022-rincian-dbh-cht.md",                          # line-broken text, PMK number
    "uu-13-2003-ketenagakerjaan.pdf",                                     # PDF, Lembaran Negara layout
    "pp-66-2010-perubahan-pp-17-2010-pengelolaan-penyelenggaraan-pendidikan.pdf",  # PDF amending act
    "permendikbud-5-2020-akreditasi-program-studi-dan-perguruan-tinggi.pdf",       # Berita Negara layout
    "kepka-bapeten-7-1999-jaminan-mutu-instalasi-nuklir.pdf",             # Keputusan, odd nomor
    "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf",               # regional regulation
]


def snapshot(name: str) -> dict:
    doc = parse_file(name)
    return {"doc": doc.meta(), "warnings": doc.warnings,
            "units": [{k: v for k, v in u.to_dict().items() if v not in ("", [], None, False)}
                      for u in doc.units]}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_golden(name):
    path = GOLDEN / (name.rsplit(".", 1)[0] + ".json")
    got = snapshot(name)
    if REGEN or not path.exists():
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file created: {path.name}; review it and run again")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got["doc"] == expected["doc"]
    assert [u["id"] for u in got["units"]] == [u["id"] for u in expected["units"]]
    assert got == expected
