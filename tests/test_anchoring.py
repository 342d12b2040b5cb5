"""Re-anchoring on real text: an amended Pasal, parser changes, and properties.

``locate`` must find every annotation again or say it cannot, and must never
put one on a clause that does not hold what was annotated.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anchor_pairs import UU_2_2008, consolidated_uu_2_2008, parse_without
from conftest import parse_file
from indexer.clean import clean
from indexer.extract import extract
from indexer.parse import parse_regulation
from jdih.anchoring import (APPROX_MIN, STATUSES, Anchor, TextView, core, locate, make_selector, similarity,
                            squash)


def parse_text(text: str, name: str = "uu-2-2008-partai-politik.md"):
    return parse_regulation(clean(extract(text.encode("utf-8"), name).lines))


@pytest.fixture(scope="module")
def pair():
    old = parse_file(UU_2_2008)
    new = parse_text(consolidated_uu_2_2008())
    assert new.id == old.id == "uu-2-2008"
    return TextView(old.units), TextView(new.units)


def anchor(view: TextView, unit_id: str, quote: str | None) -> Anchor:
    if quote is None:
        return Anchor(unit_id, view.text(unit_id, True))
    text = view.text(unit_id, False)
    start = text.index(quote)
    return Anchor(unit_id, text, make_selector(text, start, start + len(quote)))


def assert_honest(a: Anchor, p, view: TextView) -> None:
    """The invariant: an annotation sits only where its quote (or its clause's text) is."""
    assert p.status in STATUSES
    if p.status == "yatim":
        assert p.start is None
        return
    whole = a.selector is None
    text = view.text(p.unit_id, whole)
    assert text is not None
    if p.unit_id != a.unit_id:  # renumbered: the new unit is the old one's text under a new id
        assert similarity(core(a.text), core(text)) >= 0.9, (a.unit_id, p.unit_id)
    if whole:
        if p.status == "utuh":
            assert squash(text) == squash(a.text)
        return
    if p.status in ("utuh", "dipindah"):
        assert text[p.start:p.end] == a.selector.exact
    else:
        assert similarity(text[p.start:p.end], a.selector.exact) >= APPROX_MIN - 0.1


# UU 2/2008 Pasal 2 against the Pasal 2 enacted by UU 2/2011 Pasal I angka 2: ayat (1) changed
# ("50" -> "30" founders), ayat (1a) and (1b) inserted, ayat (4) gained four huruf (g, h, i, m) so
# the old huruf g, h, i became j, k, l; ayat (3) now refers to ayat (1a); ayat (5) reworded.
PASAL_2_ROWS = [
    # unit, quote (None: the whole unit), status, where it must end up
    ("pasal_2__ayat_2", "keterwakilan perempuan", "utuh", "pasal_2__ayat_2"),
    ("pasal_2__ayat_2", None, "utuh", "pasal_2__ayat_2"),
    ("pasal_2__ayat_4__huruf_f", "kepengurusan Partai Politik", "utuh", "pasal_2__ayat_4__huruf_f"),
    ("pasal_2__ayat_4__huruf_a", None, "utuh", "pasal_2__ayat_4__huruf_a"),
    # renumbered by the amendment: huruf g/h/i are now j/k/l
    ("pasal_2__ayat_4__huruf_g", "peraturan dan keputusan Partai Politik", "dipindah", "pasal_2__ayat_4__huruf_j"),
    ("pasal_2__ayat_4__huruf_g", None, "dipindah", "pasal_2__ayat_4__huruf_j"),
    ("pasal_2__ayat_4__huruf_h", None, "dipindah", "pasal_2__ayat_4__huruf_k"),  # "; dan" moved to huruf l
    ("pasal_2__ayat_4__huruf_i", "keuangan Partai Politik", "dipindah", "pasal_2__ayat_4__huruf_l"),
    # the quote moved inside its ayat (the words before it changed)
    ("pasal_2__ayat_5", "keterwakilan perempuan", "dipindah", "pasal_2__ayat_5"),
    # the words themselves changed: approximate match in the same ayat, for staff to confirm
    ("pasal_2__ayat_1", "paling sedikit 50 (lima puluh) orang warga negara Indonesia", "teks_berubah",
     "pasal_2__ayat_1"),
    ("pasal_2__ayat_1", None, "teks_berubah", "pasal_2__ayat_1"),
    ("pasal_2__ayat_3", "Akta notaris sebagaimana dimaksud pada ayat (1) harus memuat", "teks_berubah",
     "pasal_2__ayat_3"),
    ("pasal_2__ayat_5", "paling rendah 30% (tiga puluh perseratus)", "teks_berubah", "pasal_2__ayat_5"),
    # "dengan akta notaris" left ayat (1) for the new ayat (1a): a different clause, so never moved there
    ("pasal_2__ayat_1", "dengan akta notaris", "yatim", "pasal_2__ayat_1"),
]


@pytest.mark.parametrize("unit_id, quote, status, where", PASAL_2_ROWS)
def test_amended_pasal_2(pair, unit_id, quote, status, where):
    old, new = pair
    a = anchor(old, unit_id, quote)
    p = locate(a, new)
    assert (p.status, p.unit_id) == (status, where), p.note
    assert_honest(a, p, new)
    if status != "utuh":
        assert p.note  # staff are told what happened


def test_changed_quote_shows_the_new_words(pair):
    old, new = pair
    p = locate(anchor(old, "pasal_2__ayat_1", "paling sedikit 50 (lima puluh) orang warga negara Indonesia"), new)
    assert "30 (tiga puluh)" in p.exact and "kemiripan" in p.note


def test_orphan_lists_the_clause_that_now_holds_the_words(pair):
    old, new = pair
    p = locate(anchor(old, "pasal_2__ayat_1", "dengan akta notaris"), new)
    assert p.status == "yatim" and p.unit_id == "pasal_2__ayat_1"
    assert "pasal_2__ayat_1a" in p.candidates
    assert "tidak dipasang" in p.note


def test_every_unit_of_the_pair_is_found_again_or_orphaned_honestly(pair):
    old, new = pair
    seen = set()
    for uid in old.ids:
        text = old.text(uid, False)
        anchors = [Anchor(uid, old.text(uid, True))]
        words = text.split()
        if len(words) >= 4:
            quote = " ".join(words[1:4])
            start = text.index(quote)
            anchors.append(Anchor(uid, text, make_selector(text, start, start + len(quote))))
        for a in anchors:
            p = locate(a, new)
            assert_honest(a, p, new)
            seen.add(p.status)
    assert {"utuh", "dipindah", "teks_berubah"} <= seen


def test_same_text_is_always_utuh(pair):
    old, _ = pair
    for uid in old.ids[:400]:
        whole = Anchor(uid, old.text(uid, True))
        assert locate(whole, old).status == "utuh"


# Parser changes: the same corpus file parsed with one cleaning step switched off
# changes texts (hyphenated words, running headers inside clauses) and unit ids.
PARSER_CHANGES = [
    ("uu-13-2003-ketenagakerjaan.pdf", "join_hyphenation"),
    ("pp-43-2006-perizinan-reaktor-nuklir.pdf", "drop_catchwords"),
    ("uu-10-1997-ketenaganukliran.pdf", "drop_running_headers"),
]


def spans_of(view: TextView):
    """Two anchors per unit with text: the whole unit and a run of words from its middle."""
    for uid in view.ids:
        text = view.text(uid, False)
        if len(text) < 40:
            continue
        yield Anchor(uid, view.text(uid, True))
        words = [w for w in text.split() if w]
        mid = len(words) // 2
        quote = " ".join(words[max(0, mid - 3):mid + 3])
        start = text.find(quote)
        if start >= 0 and len(quote) >= 12:
            yield Anchor(uid, text, make_selector(text, start, start + len(quote)))


@pytest.mark.parametrize("name, step", PARSER_CHANGES)
def test_parser_change_fixtures(name, step):
    base = TextView(parse_file(name).units)
    changed = TextView(parse_without(name, step).units)
    outcomes: dict[str, int] = {}
    anchors = list(spans_of(base))
    for a in anchors:
        p = locate(a, changed)
        assert_honest(a, p, changed)
        outcomes[p.status] = outcomes.get(p.status, 0) + 1
        assert locate(a, base).status == "utuh"  # the parse it was made on gives it back unchanged
    assert sum(outcomes.values()) == len(anchors)
    assert outcomes.get("utuh", 0) > len(anchors) // 2
    assert sum(n for s, n in outcomes.items() if s != "utuh") > 0, outcomes  # the fixture does change text


def test_drop_catchwords_off_moves_or_orphans_but_never_guesses():
    """pp-43-2006 without catchword removal: units appear and vanish; ambiguous places are never chosen."""
    name = "pp-43-2006-perizinan-reaktor-nuklir.pdf"
    base = TextView(parse_file(name).units)
    changed = TextView(parse_without(name, "drop_catchwords").units)
    gone = [uid for uid in base.ids if changed.text(uid, False) is None]
    assert gone
    for uid in gone:
        a = Anchor(uid, base.text(uid, True))
        p = locate(a, changed)
        assert p.status in ("dipindah", "yatim")
        assert_honest(a, p, changed)


def test_two_equally_good_places_orphan_the_annotation():
    """Penjelasan 'Cukup jelas.' repeats: when its unit disappears, no copy is picked."""
    units = parse_file(UU_2_2008).units
    view = TextView(units)
    same = [u.id for u in units if u.kind == "penjelasan" and u.text.strip() == "Cukup jelas."]
    assert len(same) >= 3
    a = Anchor(same[0], view.text(same[0], True))
    p = locate(a, TextView([u for u in units if u.id != same[0]]))
    assert p.status == "yatim"
    assert set(p.candidates) <= set(same[1:]) and p.candidates


# Properties on real text: edits outside a quote keep it exact; edits inside are
# approximate; a lost unit never pulls the annotation elsewhere.
REAL_TEXTS = [u.text for u in parse_file(UU_2_2008).units if len(u.text) > 80][:60]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(REAL_TEXTS), st.data())
def test_edits_outside_the_quote_keep_it_exact(text, data):
    start = data.draw(st.integers(0, len(text) - 20))
    end = data.draw(st.integers(start + 12, min(len(text), start + 60)))
    sel = make_selector(text, start, end)
    insert = data.draw(st.text(alphabet="abc ()0123", min_size=1, max_size=15))
    where = data.draw(st.sampled_from(["before", "after"]))
    edited = text[:start] + insert + text[start:] if where == "before" else text[:end] + insert + text[end:]
    from jdih.model import Unit
    view = TextView([Unit(id="pasal_1", kind="pasal", text=edited)])
    p = locate(Anchor("pasal_1", text, sel), view)
    assert p.status in ("utuh", "dipindah")
    assert edited[p.start:p.end] == sel.exact


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(REAL_TEXTS), st.data())
def test_a_small_change_inside_the_quote_is_teks_berubah_in_the_same_unit(text, data):
    start = data.draw(st.integers(0, len(text) - 45))
    end = start + 40
    sel = make_selector(text, start, end)
    pos = data.draw(st.integers(start + 5, end - 5))
    edited = text[:pos] + "X" + text[pos + 1:]
    if edited[start:end] == sel.exact:
        return
    from jdih.model import Unit
    view = TextView([Unit(id="pasal_1", kind="pasal", text=edited), Unit(id="pasal_2", kind="pasal", text=text[:10])])
    p = locate(Anchor("pasal_1", text, sel), view)
    assert p.status == "teks_berubah" and p.unit_id == "pasal_1"
