"""Charts as standalone SVG, drawn by our own code at build time (no chart service, no heavy deps)."""

from __future__ import annotations

from builder.cards.escape import html_text as esc

_WIDTH = 640
_LABEL = 170
_BAR = 22
_GAP = 8
_COLORS = ("#3f6fb5", "#e08a2c", "#5a9e5a", "#b5473f", "#8a63b5")
_STYLE = (
    "<style>text{font:12px sans-serif;fill:#333}@media (prefers-color-scheme:dark){text{fill:#ddd}}</style>"
)


def _svg(height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{esc(title)}">'
        f"<title>{esc(title)}</title>{_STYLE}\n" + "\n".join(body) + "\n</svg>\n"
    )


def _legend(names: list[str], y: int) -> list[str]:
    out, x = [], _LABEL
    for i, name in enumerate(names):
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{_COLORS[i % len(_COLORS)]}"/>')
        out.append(f'<text x="{x + 16}" y="{y + 11}">{esc(name)}</text>')
        x += 24 + 8 * len(name)
    return out


def bar_chart(title: str, labels: list[str], series: dict[str, list[float]], stacked: bool = False) -> str:
    """Horizontal bars, one group per label; several series side by side, or stacked."""
    names = list(series)
    per_label = 1 if stacked or len(names) == 1 else len(names)
    row = per_label * _BAR + _GAP
    top = 24 if len(names) > 1 else 4
    height = top + len(labels) * row + 4
    totals = [sum(series[n][i] for n in names) for i in range(len(labels))]
    peak = max((totals if stacked else [v for n in names for v in series[n]]) or [0]) or 1
    scale = (_WIDTH - _LABEL - 60) / peak
    body = _legend(names, 4) if len(names) > 1 else []
    for i, label in enumerate(labels):
        y = top + i * row
        ty = y + _BAR * per_label / 2 + 4
        body.append(f'<text x="{_LABEL - 6}" y="{ty:.1f}" text-anchor="end">{esc(label)}</text>')
        x = float(_LABEL)
        for j, name in enumerate(names):
            value = series[name][i]
            w = value * scale
            by = y if stacked or per_label == 1 else y + j * _BAR
            color = _COLORS[j % len(_COLORS)]
            body.append(f'<rect x="{x:.1f}" y="{by}" width="{w:.1f}" height="{_BAR - 2}" fill="{color}"/>')
            if not stacked:
                body.append(f'<text x="{x + w + 4:.1f}" y="{by + _BAR / 2 + 3:.1f}">{value:,.0f}</text>')
            else:
                x += w
        if stacked:
            body.append(f'<text x="{x + 4:.1f}" y="{y + _BAR / 2 + 3:.1f}">{totals[i]:,.0f}</text>')
    return _svg(height, title, body)


def histogram(title: str, values: list[float], low: float, high: float, bins: int) -> str:
    """Vertical bars counting ``values`` in ``bins`` equal bins over [low, high]; outside values clipped."""
    width = (high - low) / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int((v - low) / width)))] += 1
    height, base, left = 240, 200, 50
    step = (_WIDTH - left - 10) / bins
    peak = max(counts) or 1
    body = [f'<line x1="{left}" y1="{base}" x2="{_WIDTH - 10}" y2="{base}" stroke="#888"/>']
    for i, n in enumerate(counts):
        h = n / peak * (base - 20)
        x = left + i * step
        box = f'x="{x + 1:.1f}" y="{base - h:.1f}" width="{step - 2:.1f}" height="{h:.1f}"'
        body.append(f'<rect {box} fill="{_COLORS[0]}"/>')
        if n:
            body.append(
                f'<text x="{x + step / 2:.1f}" y="{base - h - 4:.1f}" text-anchor="middle">{n}</text>'
            )
        if i % 2 == 0:
            body.append(
                f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle">{low + i * width:.1f}</text>'
            )
    body.append(f'<text x="{_WIDTH - 10}" y="{base + 16}" text-anchor="end">{high:.1f}</text>')
    return _svg(height, title, body)
