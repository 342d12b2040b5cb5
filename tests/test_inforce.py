"""Which text is in force: the stored amendment effects, repeals and status."""
from __future__ import annotations


def test_amended_pasal_point_to_the_text_in_force(corpus_site):
    v = corpus_site.searcher.in_force()
    # UU 42/2014 restated Pasal 98 of UU 17/2014 (MD3)
    assert v.replaced["uu-17-2014#pasal_98"] == "uu-42-2014#pasal_i__angka_3__pasal_98"
    assert v.replaced["uu-17-2014#pasal_98__ayat_1"] == "uu-42-2014#pasal_i__angka_3__pasal_98__ayat_1"
    # UU 2/2011 restated Pasal 2 of UU 2/2008
    assert v.replaced["uu-2-2008#pasal_2__ayat_1"] == "uu-2-2011#pasal_i__angka_2__pasal_2__ayat_1"
    # Pasal 163 of the Pilkada law was restated by UU 8/2015 and again by UU 10/2016
    assert v.replaced["uu-8-2015#pasal_i__angka_91__pasal_163"] == "uu-10-2016#pasal_i__angka_45__pasal_163"
    assert "uu-10-2016#pasal_i__angka_45__pasal_163" not in v.replaced
    # an ayat the amendment deletes is out of force without a successor
    assert v.replaced["uu-17-2014#pasal_98__ayat_7"] == ""
    assert v.note("uu-17-2014#pasal_98__ayat_7", corpus_site.store) == "dihapus oleh peraturan perubahan"
    # a Pasal no amendment touched is in force
    assert not v.outdated("uu-17-2014#pasal_242") and not v.outdated("uu-2-2008#pasal_12__huruf_g")


def test_the_perppu_in_a_lampiran_is_not_confused_with_the_law_setting_it(corpus_site):
    # UU 8/2015 amends Pasal 1 of the Perppu that UU 1/2015 carries in its Lampiran,
    # not Pasal 1 of UU 1/2015 itself ("Perppu ... ditetapkan menjadi Undang-Undang").
    v = corpus_site.searcher.in_force()
    assert not v.outdated("uu-1-2015#pasal_1")


def test_only_documents_in_the_store_are_replaced(corpus_site):
    v = corpus_site.searcher.in_force()
    replaced_docs = {k.partition("#")[0] for k in v.replaced}
    successors = {n.partition("#")[0] for n in v.replaced.values() if n}
    # Perda Banjarnegara 8/2025 amends Perda 8/2023, which is not in the corpus:
    # nothing of its own is replaced and it replaces nothing
    assert not any(d.startswith("perda-kab-banjarnegara") for d in replaced_docs | successors)
    assert replaced_docs == {"uu-1-2015", "uu-8-2015", "uu-2-2008", "uu-17-2014", "uu-12-2011"}
    assert successors == {"uu-8-2015", "uu-10-2016", "uu-2-2011", "uu-42-2014", "uu-15-2019"}


def test_an_unpublished_amendment_changes_nothing_the_public_sees(empty_site):
    from indexer.pipeline import Indexer
    from conftest import corpus_file
    ix = Indexer(empty_site.store, empty_site.index)
    ix.ingest_path(corpus_file("uu-2-2008-partai-politik.md"))
    ix.ingest_path(corpus_file("uu-2-2011-perubahan-uu-2-2008-partai-politik.md"))
    key = "uu-2-2008#pasal_2__ayat_1"
    assert empty_site.searcher.in_force(public_only=True).outdated(key)
    from jdih.editing import set_published
    assert set_published(empty_site, "uu-2-2011", False, "staf")
    assert empty_site.searcher.in_force(public_only=False).outdated(key)
    public = empty_site.searcher.in_force(public_only=True)
    assert not public.outdated(key) and public.note(key, empty_site.store) == ""
    hit = next(h for h in empty_site.searcher.search("pasal 2 ayat 1 uu 2/2008", public_only=True)["hits"])
    assert hit["in_force"] and "2011" not in hit["note"]


def test_status_and_repeal_put_a_whole_document_out_of_force(empty_site):
    from indexer.pipeline import Indexer
    from conftest import corpus_file
    Indexer(empty_site.store, empty_site.index).ingest_path(corpus_file("uu-2-2008-partai-politik.md"))
    assert not empty_site.searcher.in_force().outdated("uu-2-2008#pasal_2")
    empty_site.store.update_metadata("uu-2-2008", {"status": "Tidak Berlaku"})
    v = empty_site.searcher.in_force()
    assert v.outdated("uu-2-2008#pasal_2") and v.note("uu-2-2008#pasal_2", empty_site.store) == "tidak berlaku"
