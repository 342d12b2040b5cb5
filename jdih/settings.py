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
