"""Settings are data: one table feeds the CLI help, the environment and the README."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data", "JDIH_DATA", "./var", "Folder of the store (SQLite, original files) and the search index."),
    Setting("host", "JDIH_HOST", "127.0.0.1", "Address the web server listens on."),
    Setting("port", "PORT", "8080", "Port the web server listens on."),
    Setting("threads", "JDIH_THREADS", "8", "Worker threads of the web server (waitress)."),
    Setting("base_url", "JDIH_BASE_URL", "", "Public address of the site (absolute links in feeds); "
            "empty means the address the request came to."),
    Setting("site_name", "JDIH_SITE_NAME", "JDIH Komisi Pemilihan Umum", "Name shown in page headers."),
    Setting("max_bytes", "JDIH_MAX_BYTES", str(100 * 1024 * 1024), "Largest file the indexer accepts, in bytes."),
    Setting("max_pages", "JDIH_MAX_PAGES", "2000", "Most pages the indexer reads from one PDF."),
    Setting("max_seconds", "JDIH_MAX_SECONDS", "600", "Most seconds the indexer spends on one file "
            "(extraction, OCR and parsing) before it gives up on it."),
    Setting("max_memory", "JDIH_MAX_MEMORY", str(3 * 1024 * 1024 * 1024), "Most memory (bytes of address space) "
            "one extraction process may use."),
    Setting("workers", "JDIH_WORKERS", "0", "Extraction processes the ingest worker runs at once; "
            "0 means one per core."),
    Setting("serve_worker", "JDIH_SERVE_WORKER", "1", "1: `jdih serve` also processes the job queue in the "
            "background; 0: leave it to a separate `jdih worker`."),
    Setting("watch_interval", "JDIH_WATCH_INTERVAL", "5", "Seconds between two looks at a folder watched by "
            "`jdih index --watch`."),
    Setting("max_upload_files", "JDIH_MAX_UPLOAD_FILES", "50", "Most files one upload form may carry."),
    Setting("ocr", "JDIH_OCR", "1", "OCR (Tesseract) for PDF pages without a usable text layer; 0 turns it off."),
    Setting("ocr_lang", "JDIH_OCR_LANG", "ind", "Tesseract language model for OCR."),
    Setting("ocr_dpi", "JDIH_OCR_DPI", "300", "Resolution pages are rendered at for OCR, in dots per inch."),
    Setting("ocr_workers", "JDIH_OCR_WORKERS", "2", "Pages read by OCR at the same time (one Tesseract each)."),
    Setting("ocr_cache", "JDIH_OCR_CACHE", "", "Folder of cached OCR results (by file content, page and "
            "OCR settings); empty means ocr-cache under JDIH_DATA."),
    Setting("ocr_timeout", "JDIH_OCR_TIMEOUT", "300", "Longest time OCR may take for one page, in seconds."),
)


class Settings(dict):
    """Resolved settings: explicit values, then the environment, then defaults."""

    @classmethod
    def load(cls, **overrides: object) -> "Settings":
        s = cls()
        for setting in SETTINGS:
            value = overrides.get(setting.name)
            if value is None:
                value = os.environ.get(setting.env, setting.default)
            s[setting.name] = str(value)
        return s

    def int(self, name: str) -> int:
        return int(self[name])

    def __getattr__(self, name: str) -> str:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc
