"""Bar charts as inline SVG text, for `bti report` (no chart library: see docs/development.md).

Pure: takes bars and returns SVG text. A bar whose count is hidden (small-count protection)
has `value` None: no bar is drawn, only its label and its shown text ("<5", "x"), so a chart
never reveals more than the table beside it. Every text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

BAR = "#1f5f8b"  # dark blue: 7:1 against white, also on a grey-scale printer
INK = "#1a1a1a"
GRID = "#c8c8c8"
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: hidden (nothing drawn)
    text: str  # what the table shows for it: "12", "<5", "x"


def _scale(bars: list[Bar]) -> float:
    top = max((b.value for b in bars if b.value is not None and b.value > 0), default=0.0)
    return float(top) or 1.0


def bar_chart(bars: list[Bar], *, title: str, chart_id: str, horizontal: bool = False,
              width: int = 560) -> str:
    """An SVG bar chart: vertical bars (few short labels, e.g. months, levels) or horizontal
    bars (long labels, e.g. arenas, closing reasons). `chart_id` makes the ids of the title
    unique in the page."""
    if horizontal:
        return _horizontal(bars, title, chart_id, width)
    return _vertical(bars, title, chart_id, width)


def _open(width: int, height: int, title: str, chart_id: str) -> list[str]:
    tid = f"{escape(chart_id, quote=True)}-title"
    return [
        f'<svg class="chart" role="img" aria-labelledby="{tid}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" style="{FONT}">',
        f'<title id="{tid}">{escape(title)}</title>',
    ]


def _vertical(bars: list[Bar], title: str, chart_id: str, width: int) -> str:
    height, top, bottom, left = 240, 24, 40, 8
    plot = height - top - bottom
    slot = (width - 2 * left) / max(len(bars), 1)
    bar_w = max(4.0, slot * 0.62)
    scale = _scale(bars)
    parts = _open(width, height, title, chart_id)
    base = top + plot
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - left}" y2="{base}" stroke="{GRID}"/>')
    for i, bar in enumerate(bars):
        cx = left + slot * i + slot / 2
        h = 0.0 if bar.value is None else plot * max(bar.value, 0) / scale
        if h > 0:
            parts.append(f'<rect x="{cx - bar_w / 2:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                       f'fill="{BAR}"><title>{escape(bar.label)}: {escape(bar.text)}</title></rect>')
        parts.append(f'<text x="{cx:.1f}" y="{base - h - 5:.1f}" text-anchor="middle" font-size="12" '
                   f'fill="{INK}">{escape(bar.text)}</text>')
        parts.append(f'<text x="{cx:.1f}" y="{base + 16}" text-anchor="middle" font-size="12" '
                   f'fill="{INK}">{escape(bar.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _horizontal(bars: list[Bar], title: str, chart_id: str, width: int) -> str:
    row, top, label_w, right = 24, 8, 200, 48
    height = top * 2 + row * max(len(bars), 1)
    plot = width - label_w - right
    scale = _scale(bars)
    parts = _open(width, height, title, chart_id)
    parts.append(f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{height - top}" stroke="{GRID}"/>')
    for i, bar in enumerate(bars):
        y = top + row * i
        w = 0.0 if bar.value is None else plot * max(bar.value, 0) / scale
        label = bar.label if len(bar.label) <= 30 else bar.label[:29] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + row * 0.66:.1f}" text-anchor="end" font-size="12" '
                   f'fill="{INK}">{escape(label)}</text>')
        if w > 0:
            parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{BAR}">'
                       f'<title>{escape(bar.label)}: {escape(bar.text)}</title></rect>')
        parts.append(f'<text x="{label_w + w + 5:.1f}" y="{y + row * 0.66:.1f}" font-size="12" '
                   f'fill="{INK}">{escape(bar.text)}</text>')
    parts.append("</svg>")
    return "".join(parts)
