"""Server-rendered SVG charts (no script, no inline style: the CSP allows
neither). Colours come from classes in /static/jdih.css. Each chart is an
image with a title and a description for screen readers; the page shows the
same numbers as a table beside it."""
from __future__ import annotations

from html import escape

WIDTH = 640


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _frame(chart_id: str, title: str, desc: str, height: int, body: str) -> str:
    return (f'<svg class="grafik" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-labelledby="{chart_id}-judul {chart_id}-ket" preserveAspectRatio="xMinYMin meet" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-judul">{escape(title)}</title><desc id="{chart_id}-ket">{escape(desc)}</desc>'
            f'{body}</svg>')


def describe(items: list[tuple[str, int]], unit: str = "dokumen") -> str:
    return "; ".join(f"{label}: {n} {unit}" for label, n in items)


def bars(chart_id: str, title: str, items: list[tuple[str, int]]) -> str:
    """Horizontal bars, one row per item (label, count)."""
    if not items:
        return ""
    row, label_w, pad = 30, 270, 8
    top = max(n for _, n in items) or 1
    span = WIDTH - label_w - 60
    parts = []
    for i, (label, n) in enumerate(items):
        y = i * row + pad
        w = max(2, round(span * n / top))
        parts.append(
            f'<g><title>{escape(label)}: {n}</title>'
            f'<text class="label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(_short(label, 30))}</text>'
            f'<rect class="batang" x="{label_w}" y="{y}" width="{w}" height="{row - 10}" rx="2"></rect>'
            f'<text class="nilai" x="{label_w + w + 6}" y="{y + 15}">{n}</text></g>')
    height = len(items) * row + 2 * pad
    return _frame(chart_id, title, describe(items), height, "".join(parts))


def columns(chart_id: str, title: str, items: list[tuple[str, int]]) -> str:
    """Vertical columns along a category axis (years, oldest first)."""
    if not items:
        return ""
    height, base, left = 260, 200, 30
    top = max(n for _, n in items) or 1
    step = (WIDTH - left - 10) / len(items)
    width = max(4.0, min(36.0, step * 0.7))
    parts = [f'<line class="sumbu" x1="{left}" y1="{base}" x2="{WIDTH - 5}" y2="{base}"></line>']
    for i, (label, n) in enumerate(items):
        x = left + i * step + (step - width) / 2
        h = max(2, round((base - 30) * n / top))
        cx = x + width / 2
        parts.append(
            f'<g><title>{escape(label)}: {n}</title>'
            f'<rect class="batang" x="{x:.1f}" y="{base - h}" width="{width:.1f}" height="{h}" rx="2"></rect>'
            f'<text class="nilai" x="{cx:.1f}" y="{base - h - 5}" text-anchor="middle">{n}</text>'
            f'<text class="label" x="{cx:.1f}" y="{base + 14}" text-anchor="end" '
            f'transform="rotate(-55 {cx:.1f} {base + 14})">{escape(label)}</text></g>')
    return _frame(chart_id, title, describe(items), height, "".join(parts))
