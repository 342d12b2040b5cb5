"""HTML of a regulation's relations and amendment effects (issue 3).

Relations are shown from both sides with the labels of DOMAIN.md §4 ("Diubah
dengan UU 2/2011" on UU 2/2008, "Mengubah UU 2/2008" on UU 2/2011); effects per
instruction on the amending act and per unit on the amended one ("Pasal 9
diubah oleh UU 2/2011"). A regulation not in the store is named, not linked.
Everything from a document is escaped here.
"""
from __future__ import annotations

from html import escape

from jdih.ids import unit_citation


def doc_link(doc: dict, unit_id: str = "") -> str:
    """A link to a regulation (or one of its units) when it is in the store."""
    label = escape(doc.get("citation") or doc.get("id") or "")
    if unit_id:
        label = f"{escape(unit_citation(unit_id))} {label}"
    if not doc.get("present"):
        return f'<span class="tak-tersedia" title="Belum ada di JDIH ini">{label}</span>'
    href = f"/dokumen/{escape(doc['id'])}" + (f"/{escape(unit_id)}" if unit_id else "")
    title = f' title="{escape(doc["judul"])}"' if doc.get("judul") else ""
    return f'<a href="{href}"{title}>{label}</a>'


def changes_html(effects_on: dict[str, list[dict]]) -> str:
    """The changes other regulations in the store make to this one, one line
    per effect (the relations themselves are in the record's 'Status dan
    relasi' box)."""
    changes = [e for target in effects_on for e in effects_on[target]]
    if not changes:
        return ""
    items = "".join(
        f"<li>{escape(e['target'])} {escape(e['verb'])} oleh {doc_link(e['by'], e['instruction'])}</li>"
        for e in changes)
    return ('<section class="perubahan-lain" aria-labelledby="judul-perubahan">'
            '<h2 id="judul-perubahan">Perubahan oleh peraturan lain</h2>'
            f'<ul class="perubahan-daftar">{items}</ul></section>')


def unit_changes_html(changes: list[dict]) -> str:
    """Notes under an amended unit: 'Pasal 9 diubah oleh UU 2/2011'."""
    items = "".join(
        f'<li>{escape(e["target"])} {escape(e["verb"])} oleh {doc_link(e["by"], e["instruction"])}'
        + (f' (<a href="/dokumen/{escape(e["by"]["id"])}/{escape(e["new_unit"])}">teks baru</a>)'
           if e["new_unit"] and e["by"].get("present") else "") + "</li>"
        for e in changes)
    return f'<ul class="perubahan">{items}</ul>' if items else ""


def instruction_effects_html(effects: list[dict], amended: dict | None, existing: set[str]) -> str:
    """Under an instruction of Pasal I: what it changes in the amended act
    (a link when that unit exists there)."""
    if not effects:
        return ""
    items = []
    for e in effects:
        target = doc_link(amended, e["target_unit"]) if amended and amended.get("present") and \
            e["target_unit"] in existing else escape(e["target"])
        items.append(f'<li><span class="aksi aksi-{escape(e["action"])}">{escape(e["action"])}</span> {target}</li>')
    return f'<ul class="efek" aria-label="Akibat instruksi">{"".join(items)}</ul>'


def reader_parts(store, doc_id: str) -> tuple[dict, dict, str]:
    """For the reader of ``doc_id``: cross-references by unit, HTML notes by
    unit (changes made by other regulations; effects of each instruction),
    and the list of changes made by other regulations."""
    from jdih import relations as rel

    refs = rel.references_of(store, doc_id)
    changes = rel.effects_on(store, doc_id)
    notes = {unit: unit_changes_html(items) for unit, items in changes.items()}
    effects = rel.effects_of(store, doc_id)
    if effects:
        amended = rel.doc_label(store, effects[0]["target_doc"]) if effects[0]["target_doc"] else None
        existing = {u.id for u in store.units(amended["id"])} if amended and amended.get("present") else set()
        by_instruction: dict[str, list[dict]] = {}
        for e in effects:
            by_instruction.setdefault(e["instruction"], []).append(e)
        for instruction, items in by_instruction.items():
            notes[instruction] = notes.get(instruction, "") + instruction_effects_html(items, amended, existing)
    return refs, notes, changes_html(changes)
