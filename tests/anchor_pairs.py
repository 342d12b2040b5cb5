"""Real text pairs for re-anchoring tests (helpers, not tests).

- ``consolidated_uu_2_2008()``: UU 2/2008 with its Pasal 2 replaced by the
  Pasal 2 that UU 2/2011 (Pasal I angka 2) enacts: the text a re-upload of a
  consolidated version brings. Both halves are the corpus files, unedited.
- ``parse_without(name, step)``: a corpus file parsed with one cleaning step
  switched off: what a parser change does to the same document.
"""
from __future__ import annotations

from conftest import corpus_file, extract_file
from indexer.clean import DEFAULT_STEPS, clean
from indexer.parse import parse_regulation

UU_2_2008 = "uu-2-2008-partai-politik.md"
UU_2_2011 = "uu-2-2011-perubahan-uu-2-2008-partai-politik.md"


def _lines(name: str) -> list[str]:
    return corpus_file(name).read_text(encoding="utf-8").splitlines(keepends=True)


def consolidated_uu_2_2008() -> str:
    old, amending = _lines(UU_2_2008), _lines(UU_2_2011)
    start = next(i for i, l in enumerate(old) if l.strip() == "Pasal 2")
    end = next(i for i, l in enumerate(old) if l.strip() == "Pasal 3")
    new_start = next(i for i, l in enumerate(amending) if l.strip() == "Pasal 2")
    new_end = next(i for i, l in enumerate(amending) if l.startswith("3. Ketentuan Pasal 3"))
    return "".join(old[:start] + amending[new_start:new_end] + old[end:])


def parse_without(name: str, step: str):
    assert step in DEFAULT_STEPS, step
    return parse_regulation(clean(extract_file(name).lines, tuple(s for s in DEFAULT_STEPS if s != step)))
