"""Which text is in force: amendments found from titles and the Pasal they quote."""
from __future__ import annotations

from jdih import inforce


def test_amended_pasal_point_to_the_text_in_force(corpus_site):
    v = corpus_site.searcher.in_force()
    # UU 42/2014 restated Pasal 98 of UU 17/2014 (MD3)
    assert v.replaced["uu-17-2014#pasal_98"] == "uu-42-2014#pasal_i__angka_3__pasal_98"
    assert v.replaced["uu-17-2014#pasal_98__ayat_1"] == "uu-42-2014#pasal_i__angka_3__pasal_98__ayat_1"
    # UU 2/2011 restated Pasal 2 of UU 2/2008
    assert v.replaced["uu-2-2008#pasal_2__ayat_1"] == "uu-2-2011#pasal_i__angka_2__pasal_2__ayat_1"
    # Pasal 163 of the Pilkada law was restated by UU 8/2015 and again by UU 10/2016
    assert v.replaced["uu-8-2015#pasal_i__angka_89__pasal_163"] == "uu-10-2016#pasal_i__angka_45__pasal_163"
    assert "uu-10-2016#pasal_i__angka_45__pasal_163" not in v.replaced
    # a Pasal no amendment touched is in force
    assert not v.outdated("uu-17-2014#pasal_242") and not v.outdated("uu-2-2008#pasal_12__huruf_g")


def test_the_perppu_in_a_lampiran_is_not_confused_with_the_law_setting_it(corpus_site):
    # UU 8/2015 amends Pasal 1 of the Perppu that UU 1/2015 carries in its Lampiran,
    # not Pasal 1 of UU 1/2015 itself ("Perppu ... ditetapkan menjadi Undang-Undang").
    v = corpus_site.searcher.in_force()
    assert not v.outdated("uu-1-2015#pasal_1")


def test_amending_titles_name_their_target(corpus_site):
    rows = {r["id"]: r for r in corpus_site.store.documents()}
    assert inforce.amended_targets(corpus_site.store, rows["uu-10-2016"]) == ["uu-1-2015"]
    assert inforce.amended_targets(corpus_site.store, rows["uu-42-2014"]) == ["uu-17-2014"]
    # Perda Banjarnegara 8/2025 amends Perda 8/2023 of Banjarnegara, which is not in the corpus
    assert inforce.amended_targets(corpus_site.store, rows["perda-kab-banjarnegara-8-2025"]) == []
    assert inforce.amended_targets(corpus_site.store, rows["uu-17-2014"]) == []


def test_status_and_repeal_put_a_whole_document_out_of_force(empty_site):
    from indexer.pipeline import Indexer
    from conftest import corpus_file
    Indexer(empty_site.store, empty_site.index).ingest_path(corpus_file("uu-2-2008-partai-politik.md"))
    assert not empty_site.searcher.in_force().outdated("uu-2-2008#pasal_2")
    empty_site.store.update_metadata("uu-2-2008", {"status": "Tidak Berlaku"})
    v = empty_site.searcher.in_force()
    assert v.outdated("uu-2-2008#pasal_2") and v.note("uu-2-2008#pasal_2", empty_site.store) == "tidak berlaku"
