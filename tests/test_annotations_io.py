"""Export and import: W3C Web Annotation JSON-LD and CSV, round trip into a fresh store."""
from __future__ import annotations

import csv
import io as stdio
import json
import shutil
from pathlib import Path

import pytest

from conftest import corpus_file, open_site
from indexer.pipeline import Indexer
from jdih import annotations as A
from jdih import annotations_query as AQ
from jdih import annotations_io as io
from jdih.cli import main

SITI = {"id": 1, "name": "siti", "role": "staf"}
BUDI = {"id": 2, "name": "budi", "role": "staf"}
DOCS = ("uu-17-2014-md3.md", "uu-2-2008-partai-politik.md")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A store with the two regulations and no annotations, indexed once and copied by ``fresh``."""
    path = tmp_path_factory.mktemp("io-template")
    site = open_site(path)
    indexer = Indexer(site.store, site.index)
    for name in DOCS:
        assert indexer.ingest_path(corpus_file(name)).status == "indexed"
    site.store.close()
    return path


def fresh(template: Path, path: Path):
    shutil.copytree(template, path, dirs_exist_ok=True)
    return open_site(path)


def quote(site, doc_id, unit_id, words):
    text = next(u.text for u in site.store.units(doc_id) if u.id == unit_id)
    s = text.index(words)
    return {"start": s, "end": s + len(words), "exact": words}


@pytest.fixture(scope="module")
def source(tmp_path_factory, template):
    site = fresh(template, tmp_path_factory.mktemp("io-source"))
    st = site.store
    a = A.create(st, SITI, doc_id="uu-17-2014", unit_id="pasal_239__ayat_1__huruf_b", body="Bentuk pernyataan?\nPerlu "
                 "tertulis.", selector=quote(site, "uu-17-2014", "pasal_239__ayat_1__huruf_b", "mengundurkan diri"),
                 tags=["PAW", "multitafsir"], kind="pertanyaan", visibility="publik",
                 links=["Pasal 242 ayat (2) UU 17/2014", "uu-2-2008#pasal_2"])
    A.reply(st, BUDI, a.id, "=SUM(A1:A9) bukan rumus, hanya teks")
    A.reply(st, SITI, a.id, "- butir yang diawali tanda minus", visibility="internal")
    b = A.create(st, BUDI, doc_id="uu-2-2008", unit_id="pasal_2__ayat_4__huruf_g", body="Diubah UU 2/2011.",
                 kind="usulan-perubahan", tags=["usul-perubahan"], visibility="pribadi")
    A.update(st, BUDI, b.id, {"status": "selesai"})
    c = A.create(st, SITI, doc_id="uu-17-2014", unit_id="pasal_242", body="Seluruh pasal.", kind="rujukan")
    A.delete(st, SITI, c.id)
    return site


def snapshot(site) -> list[dict]:
    out = []
    for t in io.select(site.store, A.SYSTEM, deleted=True):
        for ann in [t, *t.replies]:
            out.append({"id": ann.id, "parent": ann.parent_id, "doc": ann.doc_id, "unit": ann.unit_id,
                        "base_unit": ann.base_unit_id, "base_text": ann.base_text if not ann.parent_id else "",
                        "selector": ann.selector.to_dict() if ann.selector else None, "body": ann.body,
                        "tags": ann.tags, "kind": ann.kind, "visibility": ann.visibility, "status": ann.status,
                        "author": ann.author, "created": ann.created_at, "updated": ann.updated_at,
                        "deleted": ann.deleted_at, "deleted_by": ann.deleted_by, "links": ann.links,
                        "anchor": ann.anchor_status if not ann.parent_id else ""})
    return sorted(out, key=lambda d: d["id"])


def test_jsonld_is_a_w3c_annotation_collection(source):
    data = io.to_jsonld(source.store, io.select(source.store, A.SYSTEM), "https://jdih.contoh.go.id")
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(data["first"]["items"])
    first = next(i for i in data["first"]["items"] if i.get("motivation") == "questioning")
    assert first["type"] == "Annotation"
    target = first["target"]
    assert target["source"] == "https://jdih.contoh.go.id/dokumen/uu-17-2014/pasal_239__ayat_1__huruf_b"
    kinds = {s["type"]: s for s in target["selector"]}
    assert kinds["TextQuoteSelector"]["exact"] == "mengundurkan diri"
    assert kinds["TextPositionSelector"]["end"] - kinds["TextPositionSelector"]["start"] == len("mengundurkan diri")
    purposes = [(b.get("purpose"), b.get("value") or b.get("source")) for b in first["body"]]
    assert ("tagging", "PAW") in purposes and ("questioning", "Bentuk pernyataan?\nPerlu tertulis.") in purposes
    assert ("linking", "https://jdih.contoh.go.id/dokumen/uu-17-2014/pasal_242__ayat_2") in purposes
    replies = [i for i in data["first"]["items"] if i["motivation"] == "replying"]
    assert replies and all(r["target"] == first["id"] for r in replies)


@pytest.mark.parametrize("fmt", ["jsonld", "csv"])
def test_round_trip_into_a_fresh_store(source, template, tmp_path, fmt):
    anns = io.select(source.store, A.SYSTEM, deleted=True)
    text = io.to_csv(anns) if fmt == "csv" else json.dumps(io.to_jsonld(source.store, anns, "http://x"))
    target = fresh(template, tmp_path / "target")
    report = io.import_text(target.store, text, fmt)
    assert report.errors == [] and len(report.imported) == 5
    assert snapshot(target) == snapshot(source)
    again = io.import_text(target.store, text, fmt)
    assert again.imported == [] and len(again.skipped) == 5  # never duplicated, never overwritten
    threads, _ = AQ.listing(target.store, SITI, AQ.Query(text="tertulis"))
    assert threads  # imported annotations are searchable


def test_csv_cells_never_start_a_spreadsheet_formula(source):
    text = io.to_csv(io.select(source.store, A.SYSTEM))
    rows = list(csv.DictReader(stdio.StringIO(text.lstrip("\ufeff"))))
    bodies = {r["isi"] for r in rows}
    assert "'=SUM(A1:A9) bukan rumus, hanya teks" in bodies and "'- butir yang diawali tanda minus" in bodies
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values() if v)


def test_import_into_a_store_without_the_document_keeps_the_annotation_as_orphan(source, tmp_path):
    anns = io.select(source.store, A.SYSTEM, doc_id="uu-2-2008", deleted=True)
    empty = open_site(tmp_path / "empty")
    report = io.import_text(empty.store, json.dumps(io.to_jsonld(source.store, anns)), "jsonld")
    assert len(report.imported) == 1
    (thread,), _ = AQ.listing(empty.store, A.SYSTEM, AQ.Query())
    assert thread.anchor_status == "yatim" and thread.body == "Diubah UU 2/2011."


def test_import_of_a_foreign_w3c_annotation(template, tmp_path):
    site = fresh(template, tmp_path / "foreign")
    item = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://lain.example/anno/7", "type": "Annotation",
            "motivation": "commenting", "creator": {"type": "Person", "name": "Rina"},
            "body": {"type": "TextualBody", "value": "Dari alat lain."},
            "target": {"source": "https://jdih.lain.go.id/dokumen/uu-17-2014/pasal_242__ayat_1",
                       "selector": {"type": "TextQuoteSelector", "exact": "suara terbanyak urutan berikutnya"}}}
    report = io.import_text(site.store, json.dumps(item), "jsonld")
    assert report.errors == []
    ann = A.get(site.store, A.SYSTEM, "7")
    assert (ann.author, ann.visibility, ann.anchor_status) == ("Rina", "internal", "utuh")
    text = next(u.text for u in site.store.units("uu-17-2014") if u.id == "pasal_242__ayat_1")
    assert text[ann.current[0]:ann.current[1]] == "suara terbanyak urutan berikutnya"


@pytest.mark.parametrize("text, fmt, message", [
    ("{bukan json", "jsonld", "bukan JSON"),
    ('{"type": "Annotation", "target": "https://contoh/lain"}', "jsonld", "tidak dapat dibaca"),
    ("id,isi\n1,x\n", "csv", "Kolom CSV tidak lengkap: dokumen"),
])
def test_bad_import_files_are_refused_with_a_reason(tmp_path, text, fmt, message):
    site = open_site(tmp_path / "bad")
    with pytest.raises(io.ImportFormatError, match=message):
        io.import_text(site.store, text, fmt)


def test_cli_export_and_import(source, template, tmp_path, capsys):
    out = tmp_path / "semua.jsonld"
    assert main(["--data", str(source.store.root), "anotasi", "ekspor", "-o", str(out)]) == 0
    target = fresh(template, tmp_path / "cli-target")
    assert main(["--data", str(target.store.root), "anotasi", "impor", str(out)]) == 0
    assert "5 diimpor" in capsys.readouterr().out
    assert snapshot(target) == snapshot(source)
    assert main(["--data", str(source.store.root), "anotasi", "ekspor", "--format", "csv", "--tag", "PAW"]) == 0
    printed = capsys.readouterr().out
    assert "mengundurkan diri" in printed and "Diubah UU 2/2011" not in printed
