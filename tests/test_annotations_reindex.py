"""Annotations are never lost: after `jdih reindex`, after replacing a document
with an edited version (the consolidated UU 2/2008), and back again."""
from __future__ import annotations

import pytest

from anchor_pairs import UU_2_2008, consolidated_uu_2_2008
from conftest import corpus_file, open_site
from indexer.pipeline import Indexer
from jdih import annotations as A
from jdih import annotations_query as AQ
from jdih.anchoring import TextView, core, similarity
from jdih.cli import main
from jdih.reanchor import confirm, reanchor_all, reattach

SITI = {"id": 1, "name": "siti", "role": "staf"}

# (unit, quote or None, status after the consolidated Pasal 2 replaces the old one, unit then)
PLAN = [
    ("pasal_2__ayat_2", "keterwakilan perempuan", "utuh", "pasal_2__ayat_2"),
    ("pasal_2__ayat_4__huruf_g", "peraturan dan keputusan Partai Politik", "dipindah", "pasal_2__ayat_4__huruf_j"),
    ("pasal_2__ayat_4__huruf_h", None, "dipindah", "pasal_2__ayat_4__huruf_k"),
    ("pasal_2__ayat_1", "paling sedikit 50 (lima puluh) orang", "teks_berubah", "pasal_2__ayat_1"),
    ("pasal_2__ayat_1", "dengan akta notaris", "yatim", "pasal_2__ayat_1"),
    ("pasal_3__ayat_1", "Partai Politik harus didaftarkan ke Departemen", "utuh", "pasal_3__ayat_1"),
    ("pasal_2", None, "teks_berubah", "pasal_2"),
]


def annotate(site, unit_id: str, quote: str | None, **kw):
    selector = None
    if quote:
        text = next(u.text for u in site.store.units("uu-2-2008") if u.id == unit_id)
        start = text.index(quote)
        selector = {"start": start, "end": start + len(quote), "exact": quote}
    return A.create(site.store, SITI, doc_id="uu-2-2008", unit_id=unit_id, body=f"catatan {unit_id} {quote}",
                    selector=selector, tags=["uji"], **kw)


@pytest.fixture
def site(tmp_path):
    site = open_site(tmp_path / "data")
    assert Indexer(site.store, site.index).ingest_path(corpus_file(UU_2_2008)).status == "indexed"
    site.annotations = [annotate(site, unit, quote) for unit, quote, _, _ in PLAN]
    return site


def state(site) -> dict[str, A.Annotation]:
    threads, _ = AQ.listing(site.store, A.SYSTEM, AQ.Query(doc_id="uu-2-2008", limit=100))
    return {t.id: t for t in threads}


def assert_all_present_and_honest(site) -> dict[str, A.Annotation]:
    now = state(site)
    assert set(now) == {a.id for a in site.annotations}  # none lost
    view = TextView(site.store.units("uu-2-2008"))
    for ann in now.values():
        if ann.anchor_status == "yatim":
            assert ann.current == (None, None, None)
            continue
        whole = ann.selector is None
        text = view.text(ann.unit_id, whole)
        assert text is not None, ann.unit_id
        if ann.unit_id != ann.base_unit_id:
            assert similarity(core(ann.base_text), core(text)) >= 0.9
        if not whole and ann.anchor_status in ("utuh", "dipindah"):
            assert text[ann.current[0]:ann.current[1]] == ann.quote  # the quote is exactly where it is shown
    return now


def test_full_reindex_keeps_every_annotation_utuh(site, capsys):
    before = state(site)
    assert main(["--data", str(site.store.root), "reindex"]) == 0
    after = assert_all_present_and_honest(site)
    assert {k: (v.unit_id, v.current, v.anchor_status) for k, v in after.items()} == \
           {k: (v.unit_id, v.current, v.anchor_status) for k, v in before.items()}
    assert all(a.anchor_status == "utuh" for a in after.values())
    assert main(["--data", str(site.store.root), "anotasi", "periksa"]) == 0
    assert "utuh: 7" in capsys.readouterr().out


def test_replacing_the_document_with_an_edited_version(site):
    indexer = Indexer(site.store, site.index)
    out = indexer.ingest_bytes(consolidated_uu_2_2008().encode(), UU_2_2008)
    assert (out.status, out.doc_id) == ("indexed", "uu-2-2008")
    now = assert_all_present_and_honest(site)
    for ann, (unit, quote, status, where) in zip(site.annotations, PLAN):
        got = now[ann.id]
        assert (got.anchor_status, got.unit_id) == (status, where), (unit, quote, got.anchor_note)
        if status != "utuh":
            event = A.history(site.store, SITI, ann.id)[-1]
            assert event["action"] == "jangkar" and event["data"]["menjadi"]["status"] == status
    assert AQ.counts_by_anchor(site.store, "uu-2-2008") == {"utuh": 2, "dipindah": 2, "teks_berubah": 2, "yatim": 1}
    # the original text again: everything is where it was made
    assert indexer.ingest_path(corpus_file(UU_2_2008)).status == "indexed"
    back = assert_all_present_and_honest(site)
    assert all(a.anchor_status == "utuh" for a in back.values())
    assert {a.id: a.unit_id for a in back.values()} == {a.id: a.unit_id for a in site.annotations}


def test_staff_confirm_a_changed_anchor_and_attach_an_orphan(site):
    Indexer(site.store, site.index).ingest_bytes(consolidated_uu_2_2008().encode(), UU_2_2008)
    changed = site.annotations[3]
    done = confirm(site.store, SITI, changed.id)
    assert done.anchor_status == "utuh" and done.quote.startswith("paling sedikit 30 (tiga puluh) orang")
    orphan = site.annotations[4]
    with pytest.raises(A.AnnotationError, match="pasang ulang"):
        confirm(site.store, SITI, orphan.id)
    assert "pasal_2__ayat_1a" in A.get(site.store, SITI, orphan.id).anchor_candidates
    text = next(u.text for u in site.store.units("uu-2-2008") if u.id == "pasal_2__ayat_1a")
    start = text.index("dengan akta notaris")
    attached = reattach(site.store, SITI, orphan.id, "pasal_2__ayat_1a",
                        {"start": start, "end": start + 19, "exact": "dengan akta notaris"})
    assert (attached.anchor_status, attached.unit_id) == ("utuh", "pasal_2__ayat_1a")
    actions = [h["action"] for h in A.history(site.store, SITI, orphan.id)]
    assert actions[-2:] == ["jangkar", "pasang"]
    assert reanchor_all(site.store)["utuh"] >= 4  # stable afterwards


def test_deleted_annotations_follow_the_text_too(site):
    victim = site.annotations[1]
    A.delete(site.store, SITI, victim.id)
    Indexer(site.store, site.index).ingest_bytes(consolidated_uu_2_2008().encode(), UU_2_2008)
    restored = A.restore(site.store, SITI, victim.id)
    assert (restored.anchor_status, restored.unit_id) == ("dipindah", "pasal_2__ayat_4__huruf_j")


def test_a_replaced_document_without_the_clause_orphans_but_keeps_annotations(site, tmp_path):
    text = corpus_file(UU_2_2008).read_text(encoding="utf-8")
    start, end = text.index("\nPasal 2\n"), text.index("\nPasal 3\n")
    shortened = text[:start] + text[end:]
    Indexer(site.store, site.index).ingest_bytes(shortened.encode(), UU_2_2008)
    now = assert_all_present_and_honest(site)
    pasal_2 = [a for a in now.values() if a.base_unit_id.startswith("pasal_2")]
    assert pasal_2 and all(a.anchor_status == "yatim" for a in pasal_2)
    assert now[site.annotations[5].id].anchor_status == "utuh"
