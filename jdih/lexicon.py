"""Word lists kept as data files in jdih/data (maintained in the repository)."""
from __future__ import annotations

from functools import cache
from importlib import resources


def _words(name: str) -> list[str]:
    text = resources.files("jdih.data").joinpath(name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_words("stopwords-id.txt"))
