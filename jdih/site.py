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
        them; returns entries written. A worker may store documents meanwhile:
        what changed after the rebuild began is brought in before the swap."""
        began = self._states()
        docs = ((self.store.get_document(d), row["public"]) for d, row in began.items())
        return self.index.rebuild(((doc, public) for doc, public in docs if doc is not None),
                                  catch_up=lambda new: self._catch_up(new, began))

    def _states(self) -> dict[str, dict]:
        """Each document's row and a fingerprint of its units: what its index entries are made of."""
        rows = self.store.db.execute(
            "SELECT d.*, (SELECT count(*) || ':' || total(length(u.text)) || ':' || group_concat(u.id, ',') "
            "FROM units u WHERE u.doc_id = d.id) AS units_fp FROM documents d ORDER BY d.id")
        return {r["id"]: dict(r) for r in rows}

    def _catch_up(self, index: SearchIndex, began: dict[str, dict]) -> None:
        """Make ``index`` hold what the store holds now: documents that changed
        since ``began`` re-derived, new ones added, withdrawn ones dropped."""
        now_ = self._states()
        for gone in set(began) - set(now_):
            index.delete_document(gone)
        redo = [d for d, row in now_.items() if began.get(d) != row]
        docs = ((self.store.get_document(d), now_[d]["public"]) for d in redo)
        index.update_documents((doc, public) for doc, public in docs if doc is not None)
