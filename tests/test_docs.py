"""The README documents every setting, CLI command and glossary term."""
from __future__ import annotations

import pytest

from conftest import ROOT
from jdih.cli import build_parser
from jdih.settings import SETTINGS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    head = README.split("\n")[:6]
    assert any(l.startswith("make run") for l in head) and any(l.startswith("make test") for l in head)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.env)
def test_every_setting_is_documented(setting):
    assert f"`{setting.env}`" in README


def test_every_command_is_documented():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"`jdih {name}" in README, name


@pytest.mark.parametrize("term", ["BAB", "Pasal", "ayat", "huruf, angka", "Penjelasan", "Lampiran", "diktum",
                                  "Menimbang, Mengingat", "PAW", "JDIHN"])
def test_glossary_terms(term):
    assert f"| {term} |" in README


def test_ci_calls_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
