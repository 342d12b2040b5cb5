"""Golden files: the parsed tree of real corpus documents, one per format.

Regenerate with ``JDIH_REGEN_GOLDEN=1 make test`` and review the diff by
reading it before committing.
"""
from __future__ import annotations

import json

import pytest

from conftest import REGEN, ROOT, parse_file
from indexer.relations import text_extras
from test_corpus import SCANS, regulation_files

GOLDEN = ROOT / "tests" / "golden"
# Every regulation of the corpus, in every format (the scans through OCR).
DOCUMENTS = regulation_files() + sorted(SCANS)


def snapshot(name: str) -> dict:
    doc = parse_file(name)
    relations, effects, references = text_extras(doc)
    return {"doc": doc.meta(), "warnings": doc.warnings,
            "relations": [{k: r[k] for k in ("kind", "to_doc")} for r in relations],
            "effects": [{k: e[k] for k in ("instruction", "action", "target_unit", "new_unit")} for e in effects],
            "unresolved_references": [f"{r['unit_id']}: {r['text']} ({r['reason']})" for r in references
                                      if not r["resolved"]],
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
