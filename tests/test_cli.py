"""The `jdih` command and its JSON contracts (DESIGN.md section 3)."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import corpus_file
from jdih.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy(corpus_file("uu-2-2008-partai-politik.md"), folder)
    shutil.copy(corpus_file("perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf"), folder)
    pdf = corpus_file("uu-10-1997-ketenaganukliran.pdf").read_bytes()
    (folder / "rusak.pdf").write_bytes(pdf[: len(pdf) // 3])          # truncated PDF
    (folder / "bukan-pdf.pdf").write_bytes(b"<html>bukan pdf</html>")  # mislabelled
    (folder / "kosong.txt").write_bytes(b"")                           # zero bytes
    return folder


def test_index_reports_failures_and_indexes_the_rest(capsys, tmp_path, batch):
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "--data", data, "index", str(batch), "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    assert set(by_name["uu-2-2008-partai-politik.md"]) >= {"path", "status", "doc_id", "error"}
    assert by_name["uu-2-2008-partai-politik.md"]["status"] == "indexed"
    assert by_name["perpres-74-2012-pertanggungjawaban-kerugian-nuklir.pdf"]["doc_id"] == "perpres-74-2012"
    for bad in ("rusak.pdf", "bukan-pdf.pdf", "kosong.txt"):
        assert by_name[bad]["status"] == "failed" and by_name[bad]["error"], by_name[bad]
    assert "bukan PDF" in by_name["bukan-pdf.pdf"]["error"]
    assert "kosong" in by_name["kosong.txt"]["error"].lower()
    # a second run changes nothing and re-extracts nothing
    code, out, _ = run(capsys, "--data", data, "index", str(batch / "uu-2-2008-partai-politik.md"), "--json")
    assert code == 0 and json.loads(out)["status"] == "unchanged"


def test_index_prints_one_line_per_failure(capsys, tmp_path, batch):
    code, out, err = run(capsys, "--data", str(tmp_path / "d"), "index", str(batch / "rusak.pdf"),
                         str(batch / "uu-2-2008-partai-politik.md"))
    assert code == 1
    failures = [l for l in err.splitlines() if l.startswith("GAGAL")]
    assert len(failures) == 1 and "rusak.pdf" in failures[0]


def test_search_and_show_json(capsys, tmp_path):
    data = str(tmp_path / "data")
    run(capsys, "--data", data, "index", str(corpus_file("uu-2-2008-partai-politik.md")))
    code, out, _ = run(capsys, "--data", data, "search", "uu 2/2008 pasal 2", "--json")
    result = json.loads(out)
    assert code == 0 and set(result) >= {"query", "total", "hits", "facets", "suggestion"}
    assert result["hits"][0]["unit"]["citation"] == "Pasal 2 UU 2/2008"
    code, out, _ = run(capsys, "--data", data, "show", "uu-2-2008", "--json")
    shown = json.loads(out)
    assert set(shown["doc"]) >= {"id", "tipe", "jenis", "singkatan", "nomor", "tahun", "judul", "tentang",
                                 "tempat_penetapan", "tanggal_penetapan", "tanggal_pengundangan", "sumber",
                                 "status"}
    assert shown["doc"]["tanggal_penetapan"] == "2008-01-04"
    unit = next(u for u in shown["units"] if u["id"] == "pasal_2__ayat_1")
    assert set(unit) >= {"id", "kind", "number", "heading", "text", "parent", "pages"}
    assert unit["kind"] == "ayat" and unit["number"] == "1" and unit["parent"] == "pasal_2"
    bab = next(u for u in shown["units"] if u["kind"] == "bab")
    assert bab["number"] == "I" and bab["heading"] == "KETENTUAN UMUM"


def test_reindex_and_check(capsys, tmp_path):
    data = str(tmp_path / "data")
    run(capsys, "--data", data, "index", str(corpus_file("uu-2-2008-partai-politik.md")))
    code, _, err = run(capsys, "--data", data, "reindex")
    assert code == 0 and "1 dokumen" in err
    code, out, _ = run(capsys, "--data", data, "check", "--json")
    report = json.loads(out)[0]
    assert report["doc_id"] == "uu-2-2008" and report["complete"] and report["pasal"] == 53


def test_reindex_swaps_under_a_live_searcher(capsys, tmp_path):
    from jdih.settings import Settings
    from jdih.site import Site
    data = tmp_path / "data"
    run(capsys, "--data", str(data), "index", str(corpus_file("uu-2-2008-partai-politik.md")))
    site = Site.open(Settings.load(data=str(data)))  # a server's view, open across the rebuild
    before = site.searcher.search("penggantian antarwaktu", public_only=False)["hits"]
    assert before
    code, _, err = run(capsys, "--data", str(data), "reindex")
    assert code == 0, err
    after = site.searcher.search("penggantian antarwaktu", public_only=False)["hits"]
    assert [h["url"] for h in after] == [h["url"] for h in before]
    assert sorted(p.name for p in data.iterdir() if p.name.startswith("indeks")) == ["indeks"]


def test_reindex_keeps_what_a_worker_stores_during_the_rebuild(empty_site, monkeypatch):
    from indexer.pipeline import Indexer
    from jdih.search import SearchIndex
    site = empty_site
    Indexer(site.store, site.index).ingest_path(corpus_file("uu-2-2008-partai-politik.md"))
    original, during = SearchIndex.update_documents, []

    def update_documents(index, docs):
        n = original(index, docs)
        if index is not site.index and not during:  # the new index is built: the worker stores a document
            during.append(Indexer(site.store, site.index).ingest_path(
                corpus_file("uu-2-2011-perubahan-uu-2-2008-partai-politik.md")).status)
        return n

    monkeypatch.setattr(SearchIndex, "update_documents", update_documents)
    site.rebuild_index()
    assert during == ["indexed"]
    assert site.index.indexed_doc_ids() == set(site.store.document_ids()) == {"uu-2-2008", "uu-2-2011"}
    assert site.searcher.search("uu 2/2011 pasal i")["hits"][0]["doc"]["id"] == "uu-2-2011"


def test_show_unknown_document(capsys, tmp_path):
    code, _, err = run(capsys, "--data", str(tmp_path / "d"), "show", "uu-99-1999")
    assert code == 2 and "tidak ditemukan" in err
