"""One installation: its settings, store, search index and searcher."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

from .query import Searcher
from .search import SearchIndex
from .settings import Settings
from .store import Store


@dataclass
class Site:
    settings: Settings
    store: Store
    index: SearchIndex
    searcher: Searcher
    # Functions of indexer/ that the web app needs, plugged in by the composition
    # root (jdih/cli.py), since web/ never imports indexer/: "catatan" reads an
    # uploaded evaluation note (bytes, filename, max_pages, overrides) -> ReadNote.
    readers: dict[str, Callable] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: Settings) -> "Site":
        root = Path(settings["data"])
        store = Store(root)
        index = SearchIndex(root / "indeks")
        return cls(settings, store, index, Searcher(store, index))

    def rebuild_index(self) -> int:
        """Rebuild the index from the store beside the current one, then swap
        them; returns entries written."""
        docs = ((self.store.get_document(d["id"]), d["public"]) for d in self.store.documents())
        return self.index.rebuild((doc, public) for doc, public in docs if doc is not None)
