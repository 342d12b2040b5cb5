"""The OpenAPI 3.0 description of the public JSON API (served at
``/api/openapi.json``). Data, not code: web/api.py implements exactly these
operations, and tests/test_api.py validates the description and runs
property-based requests against every operation."""
from __future__ import annotations

from jdih.jdihn import FEED_KEYS, MAX_LIMIT

STR = {"type": "string"}
INT = {"type": "integer"}
NSTR = {"type": "string", "nullable": True}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(props: dict, required: list[str] | None = None, extra: bool = True) -> dict:
    out = {"type": "object", "properties": props, "required": list(props) if required is None else required}
    if not extra:
        out["additionalProperties"] = False
    return out


def json_content(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


ERROR = {"description": "Permintaan tidak valid atau tidak ditemukan", "content": json_content(ref("Error"))}


def query(name: str, description: str, schema: dict, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def feed_param(name: str, description: str, maximum: int) -> dict:
    """Feed paging: harvesters send "?page=&limit=" with empty values too."""
    return dict(query(name, description, {"type": "integer", "minimum": 1, "maximum": maximum}),
                allowEmptyValue=True)


DOC_ID = {"name": "doc_id", "in": "path", "required": True, "description": "Id dokumen, mis. uu-7-2017",
          "schema": {"type": "string", "pattern": "^[^/]+$"}}
UNIT_ID = {"name": "unit_id", "in": "path", "required": True, "description": "Id unit, mis. pasal_220__ayat_1",
           "schema": {"type": "string", "pattern": "^[^/]+$"}}
BROWSE_PARAMS = [
    query("jenis", "Saring menurut jenis (bentuk), mis. Undang-Undang", STR),
    query("tahun", "Saring menurut tahun", {"type": "integer", "minimum": 1, "maximum": 9999}),
    query("status", "Berlaku atau Tidak Berlaku", STR),
    query("subjek", "Saring menurut subjek", STR),
    query("halaman", "Nomor halaman (mulai 1)", {"type": "integer", "minimum": 1, "maximum": 100000}),
    query("limit", "Dokumen per halaman", {"type": "integer", "minimum": 1, "maximum": 100}),
    query("urut", "Urutan", {"type": "string", "enum": ["terbaru", "terlama", "judul"]}),
]

SCHEMAS = {
    "Error": obj({"error": STR}),
    "DocumentSummary": obj({
        "id": STR, "tipe": STR, "jenis": STR, "singkatan": STR, "nomor": STR,
        "tahun": {"type": "integer", "nullable": True}, "judul": STR, "status": STR, "subjek": STR, "url": STR}),
    "Facet": {"type": "array", "items": obj({"value": STR, "count": INT})},
    "DocumentList": obj({
        "total": INT, "page": INT, "limit": INT, "pages": INT,
        "documents": {"type": "array", "items": ref("DocumentSummary")},
        "facets": obj({k: ref("Facet") for k in ("jenis", "tahun", "status", "subjek")})}),
    "Relation": obj({"kind": STR, "label": STR, "direction": {"type": "string", "enum": ["keluar", "masuk"]},
                     "doc_id": NSTR, "cite": STR, "title": STR, "ref": STR, "note": STR}),
    "Abstrak": obj({"alasan": STR, "dasar_hukum": {"type": "array", "items": STR}, "isi": STR,
                    "catatan": {"type": "array", "items": STR}, "sumber": STR}),
    "File": obj({"role": STR, "label": STR, "url": STR, "filename": STR}),
    "Record": obj({
        "doc": {"type": "object", "additionalProperties": True, "properties": {"id": STR, "judul": STR}},
        "counters": obj({"views": INT, "downloads": INT}),
        "relations": {"type": "array", "items": ref("Relation")},
        "abstrak": {"allOf": [ref("Abstrak")], "nullable": True},
        "files": {"type": "array", "items": ref("File")},
        "url": STR}),
    "Unit": obj({"id": STR, "kind": STR, "number": STR, "heading": STR, "text": STR, "parent": NSTR,
                 "pages": {"type": "array", "items": INT}, "ocr": {"type": "boolean"}, "label": STR}),
    "UnitList": obj({"doc_id": STR, "units": {"type": "array", "items": ref("Unit")}}),
    "ClauseRelation": obj({"label": STR, "doc_id": STR, "unit_id": NSTR, "cite": STR, "url": STR}),
    "Clause": obj({
        "doc": {"type": "object", "additionalProperties": True, "properties": {"id": STR}},
        "unit": ref("Unit"), "citation": STR, "long_citation": STR,
        "path": {"type": "array", "items": obj({"id": STR, "label": STR})},
        "text": STR, "children": {"type": "array", "items": ref("Unit")}, "penjelasan": NSTR,
        "relations": {"type": "array", "items": ref("ClauseRelation")}, "url": STR}),
    "SearchHit": obj({
        "doc": {"type": "object", "additionalProperties": True, "properties": {"id": STR}},
        "unit": {"type": "object", "nullable": True, "additionalProperties": True,
                 "properties": {"id": STR, "citation": STR}},
        "snippet": STR, "url": STR}),
    "SearchResult": obj({
        "query": STR, "total": INT, "hits": {"type": "array", "items": ref("SearchHit")},
        "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": INT}},
        "suggestion": NSTR}, required=["query", "total", "hits", "facets", "suggestion"]),
    "Statistics": obj({"total": INT, **{k: ref("Facet") for k in ("jenis", "tahun", "status", "subjek")}}),
    "FeedItem": obj({k: STR for k in FEED_KEYS}, extra=False),
}


def operation(summary: str, schema: dict, params: list | None = None, errors: tuple[str, ...] = ("404",)) -> dict:
    responses = {"200": {"description": "Berhasil", "content": json_content(schema)}}
    for code in errors:
        responses[code] = ERROR
    return {"get": {"summary": summary, "parameters": params or [], "responses": responses}}


def spec(server_url: str = "/", title: str = "JDIH") -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": f"API publik {title}", "version": "1.0.0",
                 "description": "Data publik JDIH: pencarian pasal, dokumen, metadata, relasi, naskah dan "
                                "umpan JDIHN. Hanya dokumen yang terbit."},
        "servers": [{"url": server_url}],
        "paths": {
            "/api/cari": operation("Cari pasal dan dokumen", ref("SearchResult"), [
                query("q", "Kata kunci atau kutipan pasal", {"type": "string", "minLength": 1, "maxLength": 500},
                      required=True),
                query("halaman", "Nomor halaman (mulai 1)", {"type": "integer", "minimum": 1, "maximum": 100}),
                query("limit", "Hasil per halaman", {"type": "integer", "minimum": 1, "maximum": 50}),
                query("jenis", "Saring menurut singkatan jenis, mis. UU", STR),
                query("tahun", "Saring menurut tahun", {"type": "integer", "minimum": 1, "maximum": 9999}),
                query("status", "Berlaku atau Tidak Berlaku", STR)], errors=("400",)),
            "/api/dokumen": operation("Daftar dokumen dengan saringan dan jumlahnya", ref("DocumentList"),
                                      BROWSE_PARAMS, errors=("400",)),
            "/api/dokumen/{doc_id}": operation("Rekaman metadata, relasi, abstrak dan berkas", ref("Record"),
                                               [DOC_ID]),
            "/api/dokumen/{doc_id}/unit": operation("Semua unit naskah (pasal, ayat, ...)", ref("UnitList"),
                                                    [DOC_ID]),
            "/api/dokumen/{doc_id}/unit/{unit_id}": operation("Satu pasal atau ayat dengan kutipannya",
                                                              ref("Clause"), [DOC_ID, UNIT_ID]),
            "/api/statistik": operation("Jumlah dokumen per jenis, tahun, status dan subjek", ref("Statistics"),
                                        errors=()),
            "/api/jdihn": operation("Umpan JDIHN (larik objek datar, semua nilai teks)",
                                    {"type": "array", "items": ref("FeedItem")}, [
                                        feed_param("page", "Halaman (mulai 1); kosong berarti 1", 10**6),
                                        feed_param("limit", "Dokumen per halaman; kosong berarti 100, tanpa "
                                                   "page dan limit semua dokumen", MAX_LIMIT)],
                                    errors=("400",)),
        },
        "components": {"schemas": SCHEMAS},
    }
