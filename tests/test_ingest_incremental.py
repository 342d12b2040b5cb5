"""Incremental indexing on real files: unchanged files cost nothing, a parser
upgrade re-parses from the extraction cache, a changed file for the same
regulation becomes a new version with history, removals withdraw a document,
staff corrections survive re-parsing, and adding a document leaves the rest of
the index alone."""
from __future__ import annotations

import shutil

import pytest
from whoosh.query import And, Term

from conftest import corpus_file, open_site
from indexer import pipeline
from indexer.pipeline import Indexer
from indexer.watch import Watcher
from jdih import editing, reconcile, versions
from jdih.jobs import JobQueue

UU2 = "uu-2-2008-partai-politik.md"
OLD = "paling sedikit 50 (lima puluh) orang warga negara Indonesia"
NEW = "paling sedikit 75 (tujuh puluh lima) orang warga negara Indonesia"


def amended_uu2() -> bytes:
    text = corpus_file(UU2).read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    return text.replace(OLD, NEW).encode("utf-8")


def unit_text(site, doc_id, unit_id):
    return next(u.text for u in site.store.units(doc_id) if u.id == unit_id)


@pytest.fixture
def site(tmp_path):
    return open_site(tmp_path / "data")


def test_unchanged_file_is_not_extracted_again(site):
    indexer = Indexer(site.store, site.index)
    pdf = corpus_file("perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf")
    assert indexer.ingest_path(pdf).status == "indexed"
    cached = sorted(indexer.cache.root.rglob("*.json.gz"))
    assert len(cached) == 1
    cached[0].unlink()  # an unchanged run must not even need the cache
    again = indexer.ingest_path(pdf)
    assert again.status == "unchanged" and again.doc_id == "perpres-74-2012"
    assert not list(indexer.cache.root.rglob("*.json.gz"))


def test_parser_upgrade_reparses_from_the_extraction_cache(site, monkeypatch):
    indexer = Indexer(site.store, site.index)
    pdf = corpus_file("perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf")
    indexer.ingest_path(pdf)
    calls = []
    monkeypatch.setattr("indexer.prepare.extract", lambda *a, **k: calls.append(a) or pytest.fail("extracted"))
    monkeypatch.setattr(pipeline, "PARSER_VERSION", "test-upgrade")
    out = indexer.ingest_path(pdf)
    assert out.status == "indexed" and not calls
    assert site.store.document_row("perpres-74-2012")["parser_version"] == "test-upgrade"
    # same file, newer parser: not a new version
    assert [v["version"] for v in versions.history(site.store, "perpres-74-2012")] == [1]


def test_changed_file_becomes_a_new_version_with_history(site):
    indexer = Indexer(site.store, site.index)
    first = indexer.ingest_bytes(corpus_file(UU2).read_bytes(), UU2)
    second = indexer.ingest_bytes(amended_uu2(), "uu-2-2008-perubahan-naskah.md")
    assert first.doc_id == second.doc_id == "uu-2-2008" and second.status == "indexed"
    assert site.store.count() == 1
    assert NEW in unit_text(site, "uu-2-2008", "pasal_2__ayat_1")
    history = versions.history(site.store, "uu-2-2008")
    assert [(v["version"], v["replaced_at"] is None) for v in history] == [(2, True), (1, False)]
    assert history[1]["reason"] == versions.REASON_NEW_FILE and history[1]["filename"] == UU2
    old = {u.id: u.text for u in versions.units_of(site.store, "uu-2-2008", 1)}
    assert OLD in old["pasal_2__ayat_1"]
    # search sees only the current text
    hits = site.searcher.search('"tujuh puluh lima" orang warga negara')["hits"]
    assert hits[0]["unit"]["id"] == "pasal_2__ayat_1"
    with site.index.ix.searcher() as s:  # the clause's entry holds the new number, not the old one
        key = Term("key", "uu-2-2008#pasal_2__ayat_1")
        assert len(s.search(And([key, Term("exact", "75")]))) == 1
        assert len(s.search(And([key, Term("exact", "50")]))) == 0
    assert site.index.doc_count() == len(list(site.index.ix.searcher().documents(doc_id="uu-2-2008")))


def test_removal_withdraws_the_document_and_keeps_its_history(site):
    indexer = Indexer(site.store, site.index)
    indexer.ingest_bytes(corpus_file(UU2).read_bytes(), UU2)
    indexer.ingest_path(corpus_file("uu-2-2011-perubahan-uu-2-2008-partai-politik.md"))
    assert indexer.remove("uu-2-2008")
    assert site.store.document_row("uu-2-2008") is None
    assert reconcile.indexed_documents(site.index) == {"uu-2-2011"}
    assert all(h["doc"]["id"] != "uu-2-2008" for h in site.searcher.search("partai politik akta notaris")["hits"])
    [v] = versions.history(site.store, "uu-2-2008")
    assert v["reason"] == versions.REASON_REMOVED and v["meta"]["judul"]
    assert any(u.id == "pasal_2__ayat_1" for u in versions.units_of(site.store, "uu-2-2008", 1))
    # the same file again brings it back as a new version
    back = indexer.ingest_bytes(corpus_file(UU2).read_bytes(), UU2)
    assert back.status == "indexed" and [v["version"] for v in versions.history(site.store, "uu-2-2008")] == [2, 1]


def test_staff_corrections_survive_a_new_version(site):
    indexer = Indexer(site.store, site.index)
    indexer.ingest_bytes(corpus_file(UU2).read_bytes(), UU2)
    result = editing.update_fields(site, "uu-2-2008", {"subjek": "PARTAI POLITIK"}, "ani")
    assert result.changed
    indexer.ingest_bytes(amended_uu2(), "baru.md")  # a new version is parsed and saved
    row = site.store.document_row("uu-2-2008")
    assert row["subjek"] == "PARTAI POLITIK" and NEW in unit_text(site, "uu-2-2008", "pasal_2__ayat_1")


def test_adding_one_document_does_not_rebuild_the_index(site):
    indexer = Indexer(site.store, site.index)
    for name in ("uu-17-2014-md3.md", "uu-2-2011-perubahan-uu-2-2008-partai-politik.md"):
        indexer.ingest_path(corpus_file(name))
    before = site.index.doc_count()
    with site.index.ix.searcher() as s:
        segments_before = {seg.segment_id() for seg in site.index.ix._segments()}
        md3 = s.doc_frequency("doc_id", "uu-17-2014")
    indexer.ingest_path(corpus_file(UU2))
    with site.index.ix.searcher() as s:
        assert s.doc_frequency("doc_id", "uu-17-2014") == md3
        added = s.doc_frequency("doc_id", "uu-2-2008")
    assert site.index.doc_count() == before + added
    # the old segments are still there: the new document went into a new one
    assert segments_before <= {seg.segment_id() for seg in site.index.ix._segments()}


def test_watched_folder_indexes_new_and_changed_files_and_withdraws_removed_ones(site, tmp_path):
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    shutil.copy(corpus_file(UU2), inbox)
    shutil.copy(corpus_file("uu-2-2011-perubahan-uu-2-2008-partai-politik.md"), inbox)
    indexer = Indexer(site.store, site.index)
    watcher = Watcher(indexer, inbox)
    queue = JobQueue(site.store)

    def settle():
        jobs = watcher.scan()
        for job_id in jobs:
            indexer._finish_now(job_id)
        return [queue.get(j) for j in jobs]

    assert settle() == []  # first look: files not yet known to be stable
    assert sorted(j.doc_id for j in settle()) == ["uu-2-2008", "uu-2-2011"]
    assert settle() == []  # nothing changed
    (inbox / UU2).write_bytes(amended_uu2())
    assert settle() == []
    [job] = settle()
    assert job.status == "indexed" and len(versions.history(site.store, "uu-2-2008")) == 2
    (inbox / "uu-2-2011-perubahan-uu-2-2008-partai-politik.md").unlink()
    settle()
    assert site.store.document_row("uu-2-2011") is not None  # gone for one scan only
    settle()
    assert site.store.document_row("uu-2-2011") is None
    assert site.store.document_row("uu-2-2008") is not None
    # an emptied folder (an unmounted share) withdraws nothing
    (inbox / UU2).unlink()
    settle()
    settle()
    assert site.store.document_row("uu-2-2008") is not None


def test_a_batch_leaves_its_segments_merged_and_older_ones_alone(site):
    """Each stored document commits a segment of its own; once the batch is
    done the worker merges what the batch wrote (searching many segments is
    slow), never the segments that were there before."""
    indexer = Indexer(site.store, site.index)
    batch = [corpus_file(n) for n in ("uu-2-2008-partai-politik.md", "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",
                                      "uu-42-2014-perubahan-md3.md")]
    assert all(o.status == "indexed" for o in indexer.run([str(p) for p in batch]))
    first = site.index.segment_ids()
    assert len(first) == 1
    assert indexer.ingest_path(corpus_file("uu-15-2019-perubahan-uu-12-2011.md")).status == "indexed"
    after = site.index.segment_ids()
    assert first < after and len(after) == 2
    with site.index.ix.searcher() as s:
        assert s.doc_count() == site.index.doc_count() == len({f["key"] for f in s.all_stored_fields()})
