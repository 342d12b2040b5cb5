"""The public JSON API: its OpenAPI description validates, property-based
requests (schemathesis, in process over WSGI) never get a 5xx and always get
what the description promises, and the answers carry real clauses."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.generation.modes import GenerationMode
from webtest import TestApp

from conftest import corpus_file, open_site
from indexer.pipeline import Indexer
from web.app import make_app
from web.openapi import spec

FILES = ("uu-2-2008-partai-politik.md", "uu-2-2011-perubahan-uu-2-2008-partai-politik.md",
         "pergub-bali-3-2021-perubahan-pergub-59-2019-uptd.pdf")


@pytest.fixture(scope="module")
def api_site(tmp_path_factory):
    site = open_site(tmp_path_factory.mktemp("api-data"))
    indexer = Indexer(site.store, site.index)
    for name in FILES:
        assert indexer.ingest_path(corpus_file(name)).status == "indexed"
    # The relations come from the texts themselves (issue 3: indexer/relations.py).
    return site


@pytest.fixture(scope="module")
def wsgi(api_site):
    return make_app(api_site)


@pytest.fixture(scope="module")
def client(wsgi):
    return TestApp(wsgi)


@pytest.fixture(scope="module")
def api_schema(wsgi):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi)


def test_openapi_description_validates(client):
    spec = client.get("/api/openapi.json").json
    validate(spec)  # raises on an invalid description
    assert spec["openapi"].startswith("3.0")
    assert {"/api/cari", "/api/dokumen", "/api/dokumen/{doc_id}", "/api/jdihn"} <= set(spec["paths"])


def operations() -> list[tuple[str, GenerationMode]]:
    """Every operation with valid input; those with query parameters also with
    invalid input (a path segment cannot be made invalid: it never holds "/")."""
    out = []
    for path, item in sorted(spec()["paths"].items()):
        out.append((path, GenerationMode.POSITIVE))
        if any(p["in"] == "query" for p in item["get"]["parameters"]):
            out.append((path, GenerationMode.NEGATIVE))
    return out


@pytest.mark.parametrize("path, mode", operations())
def test_api_property_based(api_schema, path, mode):
    """Generated requests to every operation, valid (positive) and invalid
    (negative): never a 5xx; status codes, content types and bodies as
    described; valid input accepted, invalid input rejected."""
    strategy = api_schema[path]["GET"].as_strategy(generation_mode=mode)

    @given(case=strategy)
    @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        case.call_and_validate()

    run()


def test_search_api_returns_clauses_of_public_documents(client):
    data = client.get("/api/cari", {"q": "didirikan dan dibentuk partai politik"}).json
    # UU 2/2011 restated Pasal 2 of UU 2/2008: the text in force comes first
    assert data["hits"][0]["unit"]["citation"] == "Pasal I angka 2 Pasal 2 ayat (1) UU 2/2011"
    assert data["hits"][0]["url"] == "/dokumen/uu-2-2011/pasal_i__angka_2__pasal_2__ayat_1"
    assert "/dokumen/uu-2-2008/pasal_2__ayat_1" in [h["url"] for h in data["hits"]]


@pytest.mark.parametrize("params, message", [
    ({}, "wajib diisi"), ({"q": "x", "limit": "0"}, "bilangan bulat"), ({"q": "x", "halaman": "abc"}, "bilangan bulat"),
    ({"q": "x" * 501}, "terlalu panjang"), ({"q": "x", "tahun": "20x4"}, "bilangan bulat")])
def test_search_api_rejects_bad_parameters(client, params, message):
    resp = client.get("/api/cari", params, status=400)
    assert message in resp.json["error"]


def test_documents_api_lists_with_facets(client):
    data = client.get("/api/dokumen", {"jenis": "Undang-Undang"}).json
    assert data["total"] == 2 and {d["id"] for d in data["documents"]} == {"uu-2-2008", "uu-2-2011"}
    assert {"value": "2008", "count": 1} in data["facets"]["tahun"]
    assert client.get("/api/dokumen", {"urut": "acak"}, status=400).json["error"].startswith("Parameter 'urut'")


def test_document_api_record_and_relations(client):
    data = client.get("/api/dokumen/uu-2-2008").json
    assert data["doc"]["judul"] == "Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik"
    assert {"kind": "mengubah", "label": "Diubah dengan", "direction": "masuk",
            "doc_id": "uu-2-2011", "cite": "UU 2/2011",
            "title": "Undang-Undang Nomor 2 Tahun 2011 tentang Perubahan atas Undang-Undang "
                     "Nomor 2 Tahun 2008 tentang Partai Politik", "ref": "", "note": ""} in data["relations"]
    repeal = next(r for r in data["relations"] if r["kind"] == "mencabut")
    assert (repeal["label"], repeal["ref"], repeal["doc_id"]) == ("Mencabut", "uu-31-2002", None)
    assert "dicabut dan dinyatakan tidak berlaku" in repeal["note"]
    assert data["files"][0]["url"] == "/berkas/uu-2-2008"


def test_unit_api(client):
    data = client.get("/api/dokumen/uu-2-2008/unit/pasal_2__ayat_1").json
    assert data["citation"] == "Pasal 2 ayat (1) UU 2/2008"
    assert data["text"].startswith("Partai Politik didirikan dan dibentuk")
    units = client.get("/api/dokumen/uu-2-2008/unit").json["units"]
    assert "pasal_2__ayat_1" in [u["id"] for u in units]
    assert client.get("/api/dokumen/uu-2-2008/unit/pasal_999", status=404).json["error"]


def test_unknown_api_paths_answer_json(client):
    resp = client.get("/api/tidak-ada", status=404)
    assert resp.content_type == "application/json" and resp.json["error"] == "Halaman tidak ditemukan."
    resp = client.options("/api/jdihn", status=405)
    assert resp.content_type == "application/json" and "tidak didukung" in resp.json["error"]
    resp = client.post("/api/jdihn", status=403)  # every change needs a CSRF token first
    assert resp.content_type == "application/json" and "CSRF" in resp.json["error"]


def test_statistics_api(client):
    data = client.get("/api/statistik").json
    assert data["total"] == 3
    assert {"value": "Undang-Undang", "count": 2} in data["jenis"]
