"""Fault injection: the worker is killed with SIGKILL at random moments while
it indexes the whole corpus, at least 20 times, and restarted each time; then
a last run finishes the queue. Afterwards the store and the index must equal
those of a clean run (the session's ``corpus_site``):

- every document is present exactly once, with the same units and attachments;
- the index holds exactly the same entries (keys), each once;
- search results are equal. "Equal" is defined honestly: Whoosh's BM25 scores
  depend on the history of an index, not only on its entries. An incrementally
  updated index counts deleted entries until its segments merge; and even after
  optimising both indexes into one segment with identical term frequencies,
  document frequencies, per-document lengths and length totals, we measured
  scores of the same entry differing by up to 7% between the two histories
  (cause inside Whoosh, not found). So: the live index of the crashed run must
  hold exactly the clean run's entries (checked above), and after rebuilding
  each index from its own store (``jdih reindex``: the store is the truth) the
  same queries must give identical hits, scores and order.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, open_site
from indexer.pipeline import Indexer, expand
from jdih.jobs import JobQueue, new_batch
from jdih.query import Searcher
from jdih.search import SearchIndex

KILLS = 20
SEED = 20261128
QUERIES = ["anggota DPR berhenti antarwaktu digantikan", "partai politik akta notaris", "uu 17/2014 pasal 242",
           "pemutusan hubungan kerja pesangon", "izin reaktor nuklir", "pajak daerah retribusi",
           "akreditasi program studi", "penyelenggara pemilu", "kelas jabatan", "pendidikan tinggi"]


def worker(data: Path) -> subprocess.Popen:
    env = dict(os.environ, JDIH_DATA=str(data), JDIH_WORKERS="2")
    return subprocess.Popen([sys.executable, "-m", "jdih.cli", "worker", "--once"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def snapshot(site) -> dict:
    store = site.store
    docs = {}
    for doc_id in store.document_ids():
        units = [(u.id, u.kind, u.number, u.text, u.parent) for u in store.units(doc_id)]
        docs[doc_id] = units
    attachments = sorted(tuple(r) for r in store.db.execute("SELECT doc_id, role, sha256 FROM attachments"))
    return {"docs": docs, "attachments": attachments}


def index_keys(index: SearchIndex) -> list[str]:
    with index.ix.searcher() as s:
        return sorted(f["key"] for f in s.all_stored_fields())


def ranked(searcher: Searcher, query: str) -> list[tuple[str, str, float]]:
    return [(h["doc"]["id"], h["unit"]["id"] if h["unit"] else "", h["score"])
            for h in searcher.search(query, limit=30)["hits"]]


def rebuilt_copy(site, target: Path):
    """A copy of a site's store with its index rebuilt from that store."""
    shutil.copytree(site.store.root, target, ignore=shutil.ignore_patterns("worker.lock", "indeks"))
    copy = open_site(target)
    copy.rebuild_index()
    return copy


@pytest.fixture(scope="module")
def crashed(tmp_path_factory):
    data = tmp_path_factory.mktemp("crash-data")
    site = open_site(data)
    batch = new_batch()
    indexer = Indexer(site.store, site.index)
    job_ids = [indexer.submit_path(p, batch=batch) for p in expand([str(CORPUS)])]
    rng = random.Random(SEED)
    kills, finished_early = 0, 0
    while kills < KILLS:
        proc = worker(data)
        time.sleep(rng.uniform(0.3, 4.0))
        if proc.poll() is not None:  # the queue ran dry before the kill: refill it is not possible
            finished_early += 1
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
    done_before_last_run = sum(j.state == "done" for j in JobQueue(site.store).batch(batch))
    last = worker(data)
    _, err = last.communicate(timeout=1800)
    assert last.returncode == 0, err.decode()
    return site, job_ids, kills, done_before_last_run


def test_the_worker_was_killed_at_least_20_times_mid_corpus(crashed):
    site, job_ids, kills, done_before = crashed
    assert kills >= KILLS, "the corpus was indexed before the 20th kill: kill sooner"
    assert done_before < len(job_ids), "no job was left for the last run"


def test_every_job_finished_once_with_the_clean_outcome(crashed, corpus_site):
    site, job_ids, _, _ = crashed
    jobs = JobQueue(site.store).batch(JobQueue(site.store).get(job_ids[0]).batch)
    assert len(jobs) == len(job_ids) and all(j.state == "done" for j in jobs)
    got = {Path(j.path).name: (j.status, j.doc_id) for j in jobs}
    want = {name: (o.status, o.doc_id) for name, o in corpus_site.outcomes.items()}
    assert got == want


def test_store_equals_a_clean_run(crashed, corpus_site):
    site, *_ = crashed
    assert snapshot(site) == snapshot(corpus_site)
    assert not list((site.store.root / "antrian").iterdir())


def test_index_entries_equal_a_clean_run_each_once(crashed, corpus_site):
    site, *_ = crashed
    keys = index_keys(site.index)
    assert len(keys) == len(set(keys))
    assert keys == index_keys(corpus_site.index)


def test_search_results_equal_a_clean_run(crashed, corpus_site, tmp_path):
    site, *_ = crashed
    a = rebuilt_copy(site, tmp_path / "crashed")
    b = rebuilt_copy(corpus_site, tmp_path / "clean")
    for q in QUERIES:
        got, want = ranked(a.searcher, q), ranked(b.searcher, q)
        assert got and got == want, q
