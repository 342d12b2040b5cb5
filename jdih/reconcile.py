"""Keep the derived search index in step with the store, across crashes.

Before a worker changes a document in the store it records an *intent* (in
the same transaction as the change); after the index has committed the
document's entries the intent is cleared. A worker killed in between leaves
the intent behind, and ``reconcile`` at the next start re-derives exactly
those documents from the store, adds documents the index lacks and drops
entries of documents the store no longer has. The store always wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .search import SearchIndex
from .store import Store, now


def mark(store: Store, doc_ids) -> None:
    for doc_id in doc_ids:
        if doc_id:
            store.db.execute("INSERT OR REPLACE INTO index_intents (doc_id, at) VALUES (?, ?)", (doc_id, now()))


def clear(store: Store, doc_ids) -> None:
    for doc_id in doc_ids:
        store.db.execute("DELETE FROM index_intents WHERE doc_id = ?", (doc_id,))


def pending(store: Store) -> set[str]:
    return {r[0] for r in store.db.execute("SELECT doc_id FROM index_intents")}


def refresh(store: Store, index: SearchIndex, doc_ids) -> int:
    """Re-derive the index entries of these documents from the store (delete
    those the store no longer has), then clear their intents."""
    doc_ids = sorted(set(d for d in doc_ids if d))
    present, gone = [], []
    for doc_id in doc_ids:
        doc = store.get_document(doc_id)
        if doc is None:
            gone.append(doc_id)
        else:
            present.append((doc, store.document_row(doc_id)["public"]))
    n = index.update_documents(present) if present else 0
    for doc_id in gone:
        index.delete_document(doc_id)
    clear(store, doc_ids)
    return n


def indexed_documents(index: SearchIndex) -> set[str]:
    """Document ids that have a document entry in the index."""
    with index.ix.searcher() as s:
        return {f["doc_id"] for f in s.documents(entry="dokumen")}


@dataclass
class Report:
    intents: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.intents or self.missing or self.extra)


def reconcile(store: Store, index: SearchIndex) -> Report:
    """Make the index hold exactly the store's documents as the store has them."""
    in_store = set(store.document_ids())
    in_index = indexed_documents(index)
    report = Report(intents=sorted(pending(store)), missing=sorted(in_store - in_index),
                    extra=sorted(in_index - in_store))
    if report.changed:
        refresh(store, index, set(report.intents) | set(report.missing) | set(report.extra))
    return report
