"""Annotations in the store: anchoring on real clauses, who sees what, replies,
status, links, history, reversible delete, search."""
from __future__ import annotations

import sqlite3

import pytest

from conftest import corpus_file, open_site
from indexer.pipeline import Indexer
from jdih import annotations as A
from jdih import annotations_query as AQ

SITI = {"id": 1, "name": "siti", "role": "staf"}
BUDI = {"id": 2, "name": "budi", "role": "staf"}
ADMIN = {"id": 3, "name": "admin", "role": "admin"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = open_site(tmp_path_factory.mktemp("annotations"))
    indexer = Indexer(site.store, site.index)
    for name in ("uu-17-2014-md3.md", "uu-2-2008-partai-politik.md"):
        assert indexer.ingest_path(corpus_file(name)).status == "indexed"
    return site


def span(site, doc_id: str, unit_id: str, quote: str) -> dict:
    text = next(u.text for u in site.store.units(doc_id) if u.id == unit_id)
    start = text.index(quote)
    return {"start": start, "end": start + len(quote), "exact": quote}


def test_span_annotation_keeps_w3c_selectors_on_the_unit_text(site):
    sel = span(site, "uu-17-2014", "pasal_239__ayat_1__huruf_b", "mengundurkan diri")
    ann = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_239__ayat_1__huruf_b",
                   body="Perlu pernyataan tertulis dari yang bersangkutan.", selector=sel, tags="PAW, multitafsir",
                   kind="pertanyaan", links=["Pasal 242 ayat (1) UU 17/2014", "uu-17-2014#pasal_243"])
    assert ann.selector.exact == "mengundurkan diri" and ann.selector.start == sel["start"]
    assert ann.selector.suffix.startswith("; atau") or ann.selector.suffix == "; atau"
    assert ann.base_text == "mengundurkan diri; atau"
    assert ann.tags == ["multitafsir", "PAW"]
    assert ann.links == [("uu-17-2014", "pasal_242__ayat_1"), ("uu-17-2014", "pasal_243")]
    assert (ann.anchor_status, ann.visibility, ann.status, ann.author) == ("utuh", "internal", "terbuka", "siti")


def test_whole_unit_annotation_snapshots_the_clause_with_its_parts(site):
    ann = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_242", body="Inti PAW anggota DPR.")
    assert ann.selector is None
    assert ann.base_text.startswith("(1) Anggota DPR yang berhenti antarwaktu")
    assert "(3) Masa jabatan anggota DPR pengganti antarwaktu" in ann.base_text


def test_selection_offsets_are_checked_against_the_text(site):
    sel = span(site, "uu-17-2014", "pasal_242__ayat_1", "suara terbanyak urutan berikutnya")
    moved = dict(sel, start=sel["start"] + 3, end=sel["end"] + 3)  # offsets off, the words are right
    ann = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_242__ayat_1", body="x", selector=moved)
    assert ann.selector.start == sel["start"]
    with pytest.raises(A.AnnotationError, match="tidak ditemukan pada unit ini"):
        A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_242__ayat_1", body="x",
                 selector={"start": 0, "end": 5, "exact": "kata yang tidak ada"})


@pytest.mark.parametrize("kwargs, message", [
    (dict(doc_id="uu-99-2099", unit_id="pasal_1"), "Dokumen tidak ditemukan"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_9999"), "Pasal 9999 tidak ada"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_242", body="   "), "tidak boleh kosong"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_242", kind="gosip"), "Jenis anotasi"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_242", visibility="rahasia"), "Visibilitas"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_242", tags="PAW, <b>"), "Tag '<b>' tidak sah"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_242", links=["Pasal 9 UU 99/2099"]), "tidak dikenali"),
    (dict(doc_id="uu-17-2014", unit_id="pasal_242", body="x" * 20_001), "terlalu panjang"),
])
def test_bad_input_gets_a_clear_indonesian_error(site, kwargs, message):
    args = dict(body="catatan", **kwargs) if "body" not in kwargs else kwargs
    with pytest.raises(A.AnnotationError, match=message):
        A.create(site.store, SITI, **args)


def test_only_staff_annotate(site):
    with pytest.raises(A.AnnotationError) as err:
        A.create(site.store, None, doc_id="uu-17-2014", unit_id="pasal_242", body="x")
    assert err.value.status == 401


def test_visibility_pribadi_internal_publik(site):
    unit = "pasal_240__ayat_1"
    own = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id=unit, body="hanya untuk saya", visibility="pribadi")
    team = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id=unit, body="untuk tim", visibility="internal")
    pub = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id=unit, body="untuk umum", visibility="publik")

    def seen(actor):
        threads, _ = AQ.listing(site.store, actor, AQ.Query(doc_id="uu-17-2014", unit_id=unit))
        return {t.id for t in threads}
    assert {own.id, team.id, pub.id} <= seen(SITI)
    assert team.id in seen(BUDI) and pub.id in seen(BUDI) and own.id not in seen(BUDI)
    assert own.id not in seen(ADMIN)  # private means private, also for admins
    assert seen(None) == {pub.id}
    with pytest.raises(A.AnnotationError) as err:
        A.get(site.store, BUDI, own.id)
    assert err.value.status == 404


def test_publik_only_on_published_documents(site):
    site.store.db.execute("UPDATE documents SET public = 0 WHERE id = 'uu-2-2008'")
    try:
        with pytest.raises(A.AnnotationError, match="dokumen yang terbit"):
            A.create(site.store, SITI, doc_id="uu-2-2008", unit_id="pasal_2", body="x", visibility="publik")
    finally:
        site.store.db.execute("UPDATE documents SET public = 1 WHERE id = 'uu-2-2008'")


def test_replies_resolve_and_history(site):
    root = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_243__ayat_2", body="Batas 5 Hari ketat.",
                    visibility="publik")
    reply = A.reply(site.store, BUDI, root.id, "Setuju, perlu perpanjangan untuk klarifikasi.")
    assert reply.visibility == "publik" and reply.parent_id == root.id
    secret = A.reply(site.store, BUDI, root.id, "catatan tim", visibility="internal")
    nested = A.reply(site.store, SITI, reply.id, "balasan atas balasan")
    assert nested.parent_id == root.id  # threads are flat
    thread = A.get(site.store, SITI, root.id)
    assert [r.body for r in thread.replies] == ["Setuju, perlu perpanjangan untuk klarifikasi.", "catatan tim",
                                                "balasan atas balasan"]
    public = A.get(site.store, None, root.id)
    assert secret.id not in {r.id for r in public.replies}
    A.update(site.store, BUDI, root.id, {"status": "selesai"})  # any staff may resolve
    with pytest.raises(A.AnnotationError) as err:
        A.update(site.store, BUDI, root.id, {"body": "diubah orang lain"})
    assert err.value.status == 403
    A.update(site.store, SITI, root.id, {"body": "Batas 5 Hari terlalu ketat.", "visibility": "internal"})
    assert A.get(site.store, SITI, reply.id).visibility == "internal"  # never more visible than its thread
    actions = [h["action"] for h in A.history(site.store, SITI, root.id)]
    assert actions == ["buat", "balas", "balas", "balas", "status", "ubah"]
    change = A.history(site.store, SITI, root.id)[-1]["data"]
    assert change["body"] == {"dari": "Batas 5 Hari ketat.", "menjadi": "Batas 5 Hari terlalu ketat."}


def test_history_is_append_only_and_annotations_are_never_removed(site):
    ann = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_239", body="akan dihapus")
    for sql in ("UPDATE annotation_history SET action = 'x'", "DELETE FROM annotation_history",
                f"DELETE FROM annotations WHERE id = '{ann.id}'"):
        with pytest.raises(sqlite3.IntegrityError):
            site.store.db.execute(sql)


def test_delete_is_reversible(site):
    ann = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_239__ayat_2__huruf_d",
                   body="usul partai", tags=["PAW"])
    with pytest.raises(A.AnnotationError):
        A.delete(site.store, BUDI, ann.id)
    A.delete(site.store, SITI, ann.id)
    live, _ = AQ.listing(site.store, SITI, AQ.Query(tag="PAW"))
    gone, _ = AQ.listing(site.store, SITI, AQ.Query(deleted=True))
    assert ann.id not in {t.id for t in live} and ann.id in {t.id for t in gone}
    restored = A.restore(site.store, ADMIN, ann.id)
    assert restored.deleted_at is None and restored.tags == ["PAW"]
    assert [h["action"] for h in A.history(site.store, SITI, ann.id)][-2:] == ["hapus", "pulihkan"]


def test_annotation_text_is_searchable_with_indonesian_stemming(site):
    ann = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_410__ayat_2",
                   body="Rujukan silang ke Pasal 406 tampaknya keliru; seharusnya Pasal 409.", tags=["rujukan-silang"])
    for query in ("rujukan silang keliru", "merujuk", "pasal 410 ayat 2", "rujukan-silang"):
        threads, _ = AQ.listing(site.store, BUDI, AQ.Query(text=query))
        assert ann.id in {t.id for t in threads}, query
    none, total = AQ.listing(site.store, BUDI, AQ.Query(text="ketenaganukliran"))
    assert total == 0 and none == []


def test_search_finds_the_thread_of_a_matching_reply(site):
    root = A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_411", body="Delegasi ke PP.")
    A.reply(site.store, BUDI, root.id, "Peraturan pemerintahnya belum terbit di koleksi.")
    threads, _ = AQ.listing(site.store, SITI, AQ.Query(text="belum terbit"))
    assert root.id in {t.id for t in threads}


def test_annotated_units_for_search_narrowing(site):
    A.create(site.store, SITI, doc_id="uu-17-2014", unit_id="pasal_405__ayat_1__huruf_b", body="x", tags=["DPRD"])
    assert ("uu-17-2014", "pasal_405__ayat_1__huruf_b") in AQ.annotated_units(site.store, BUDI, "dprd")
    assert all(u for _, u in AQ.annotated_units(site.store, BUDI))
    assert ("uu-17-2014", "pasal_405__ayat_1__huruf_b") not in AQ.annotated_units(site.store, BUDI, "PAW")
