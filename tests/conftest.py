"""Shared fixtures: the real corpus, indexed once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from indexer.clean import clean
from indexer.extract import extract
from indexer.ocr import OcrOptions
from indexer.parse import parse_regulation
from indexer.pipeline import Indexer, Limits
from jdih.settings import Settings
from jdih.site import Site

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REGEN = os.environ.get("JDIH_REGEN_GOLDEN") == "1"
# OCR results persist across test sessions (gitignored): the suite reads the
# corpus scans once per machine, not on every run.
# Every indexer the tests make (default limits) uses it through JDIH_OCR_CACHE.
OCR = OcrOptions(cache_dir=ROOT / ".cache" / "ocr")
os.environ.setdefault("JDIH_OCR_CACHE", str(OCR.cache_dir))


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    assert path.exists(), f"corpus file missing: {name}"
    return path


_PARSED: dict[str, object] = {}
_EXTRACTED: dict[str, object] = {}


def extract_file(name: str):
    """Extracted lines of a corpus file (cached for the session)."""
    if name not in _EXTRACTED:
        path = corpus_file(name)
        _EXTRACTED[name] = extract(path.read_bytes(), path.name, ocr=OCR)
    return _EXTRACTED[name]


def parse_file(name: str):
    """Extract, clean and parse a corpus file (cached for the session)."""
    if name not in _PARSED:
        lines = clean(extract_file(name).lines)
        _PARSED[name] = parse_regulation(lines)
    return _PARSED[name]


def open_site(tmp: Path) -> Site:
    return Site.open(Settings.load(data=str(tmp)))


def ingest_with_script(indexer, script: str, *more: str) -> None:
    """Index UU 2/2008 with ``script`` planted in Pasal 2, then the corpus files
    ``more``: the site the web tests check escaping on."""
    text = corpus_file("uu-2-2008-partai-politik.md").read_text(encoding="utf-8")
    poisoned = text.replace("Partai Politik didirikan dan dibentuk", f"Partai Politik {script} didirikan dan dibentuk", 1)
    assert poisoned != text
    assert indexer.ingest_bytes(poisoned.encode(), "uu-2-2008-partai-politik.md").status == "indexed"
    for name in more:
        assert indexer.ingest_path(corpus_file(name)).status == "indexed"


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Site:
    """The whole bundled corpus indexed into a fresh store, once."""
    site = open_site(tmp_path_factory.mktemp("corpus-data"))
    outcomes = list(Indexer(site.store, site.index, Limits(ocr=OCR)).run([str(CORPUS)]))
    site.outcomes = {Path(o.path).name: o for o in outcomes}
    return site


@pytest.fixture
def empty_site(tmp_path) -> Site:
    return open_site(tmp_path / "data")


def login(testapp, name: str, password: str):
    """Log a WebTest app in through the real login form (CSRF included)."""
    form = form_for(testapp.get("/masuk"), "/masuk")
    form["nama"] = name
    form["sandi"] = password
    return form.submit(status="*")


def form_for(resp, action: str):
    """The form of a WebTest response that posts to ``action``."""
    return next(f for f in resp.forms.values() if f.action == action)
