"""The risk map of a DPIA: severity (up) by likelihood (right) on the four-level scale of the CNIL's
PIA methodology, each risk drawn by its number, before or after the measures.

One self-contained SVG (no script, no external reference) with a <title> and a <desc> that says in
words where each risk lies, so a screen reader gets the map too. The viewBox is 400 wide and the text
at least 12 units: drawn 360 px wide on a phone, the smallest text is still about 11 px.
"""
from __future__ import annotations

from typing import Any

from wizards.documents.dpia_risk import HIGH, LEVELS
from wizards.present.markup import escape
from wizards.present.texts import t

WIDTH = 400
LEFT, TOP, CELL_W, CELL_H = 96, 44, 74, 62
LEGEND_CHARS = 52
LINE = 17
# Cell tints behind dark numbers: white text on the navy discs has a contrast ratio above 10:1 and
# the axis text (#1a1a1a) above 14:1 on white; the tints only help, the numbers carry the meaning.
DISC, DISC_TEXT, INK = "#1f3a5f", "#ffffff", "#1a1a1a"
TINTS = {"low": "#e3f1df", "mid": "#fff4cc", "high": "#ffe0c2", "top": "#ffd6d6"}


def _tint(severity: int, likelihood: int) -> str:
    if severity >= HIGH and likelihood >= HIGH:
        return TINTS["top"]
    if severity >= HIGH or likelihood >= HIGH:
        return TINTS["high"]
    return TINTS["mid"] if severity + likelihood >= 4 else TINTS["low"]


def scores(risk: dict[str, Any], stage: str) -> tuple[int, int]:
    if stage == "after":
        return risk["residual_severity"], risk["residual_likelihood"]
    return risk["severity"], risk["likelihood"]


def cell_box(severity: int, likelihood: int) -> tuple[int, int, int, int]:
    """x, y, width, height of a cell; severity 4 is the top row, likelihood 4 the right column."""
    return LEFT + (likelihood - 1) * CELL_W, TOP + (4 - severity) * CELL_H, CELL_W, CELL_H


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines or [""]


def risk_map_svg(dpia: dict[str, Any], lang: str, stage: str) -> str:
    if stage not in ("before", "after"):
        raise ValueError(f"stage: expected 'before' or 'after', got {stage!r}")
    title = t(lang, f"dpiadoc.map.title_{stage}")
    out: list[str] = []
    grid_bottom = TOP + 4 * CELL_H
    out.append(f'<text x="{LEFT + 2 * CELL_W}" y="22" text-anchor="middle" font-size="15" font-weight="bold" fill="{INK}">'
               f'{escape(title)}</text>')
    out.append(f'<text x="14" y="{TOP + 2 * CELL_H}" text-anchor="middle" font-size="13" fill="{INK}" '
               f'transform="rotate(-90 14 {TOP + 2 * CELL_H})">{escape(t(lang, "dpiadoc.field.risk.severity"))}</text>')
    for level in LEVELS:
        x, y, w, h = cell_box(level, 1)
        out.append(f'<text x="{LEFT - 6}" y="{y + h / 2 + 4:g}" text-anchor="end" font-size="12" fill="{INK}">'
                   f'{escape(t(lang, f"dpiadoc.level.{level}"))}</text>')
        x, y, w, h = cell_box(1, level)
        out.append(f'<text x="{x + w / 2:g}" y="{grid_bottom + 16}" text-anchor="middle" font-size="12" fill="{INK}">'
                   f'{escape(t(lang, f"dpiadoc.level.{level}"))}</text>')
    out.append(f'<text x="{LEFT + 2 * CELL_W}" y="{grid_bottom + 34}" text-anchor="middle" font-size="13" fill="{INK}">'
               f'{escape(t(lang, "dpiadoc.field.risk.likelihood"))}</text>')
    for severity in LEVELS:
        for likelihood in LEVELS:
            x, y, w, h = cell_box(severity, likelihood)
            out.append(f'<rect class="cell" data-severity="{severity}" data-likelihood="{likelihood}" x="{x}" y="{y}" '
                       f'width="{w}" height="{h}" fill="{_tint(severity, likelihood)}" stroke="#6b6b6b" stroke-width="1"/>')
    placed: dict[tuple[int, int], int] = {}
    words: list[str] = []
    for n, risk in enumerate(dpia["risks"], 1):
        severity, likelihood = scores(risk, stage)
        name = risk["title"] or t(lang, f"dpiadoc.kind.{risk['kind']}")
        if not (severity and likelihood):
            words.append(t(lang, "dpiadoc.map.desc_unscored", n=n, risk=name))
            continue
        words.append(t(lang, "dpiadoc.map.desc_risk", n=n, risk=name, severity=t(lang, f"dpiadoc.level.{severity}"),
                       likelihood=t(lang, f"dpiadoc.level.{likelihood}")))
        i = placed.get((severity, likelihood), 0)
        placed[(severity, likelihood)] = i + 1
        x, y, w, h = cell_box(severity, likelihood)
        # Up to three discs a row, two rows a cell; a seventh risk in one cell overlaps, still inside it.
        cx = x + 13 + (i % 3) * 24
        cy = y + 16 + ((i // 3) % 2) * 28
        out.append(f'<g class="risk" data-risk="{n}" data-severity="{severity}" data-likelihood="{likelihood}">'
                   f'<circle cx="{cx}" cy="{cy}" r="11" fill="{DISC}"/>'
                   f'<text x="{cx}" y="{cy + 4}" text-anchor="middle" font-size="12" font-weight="bold" fill="{DISC_TEXT}">{n}</text></g>')
    y = grid_bottom + 58
    out.append(f'<text x="8" y="{y}" font-size="13" font-weight="bold" fill="{INK}">{escape(t(lang, "dpiadoc.map.legend"))}</text>')
    for n, risk in enumerate(dpia["risks"], 1):
        name = risk["title"] or t(lang, f"dpiadoc.kind.{risk['kind']}")
        severity, likelihood = scores(risk, stage)
        if not (severity and likelihood):
            name += " " + t(lang, "dpiadoc.map.unscored")
        for k, line in enumerate(_wrap(f"{n}. {name}", LEGEND_CHARS)):
            y += LINE
            out.append(f'<text x="{8 if k == 0 else 24}" y="{y}" font-size="12" fill="{INK}">{escape(line)}</text>')
    height = y + 12
    desc = " ".join([t(lang, "dpiadoc.map.desc_axes")] + words) if words else t(lang, "dpiadoc.map.desc_empty")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-labelledby="map-{stage}-title map-{stage}-desc" font-family="Arial, Helvetica, sans-serif">'
            f'<title id="map-{stage}-title">{escape(title)}</title><desc id="map-{stage}-desc">{escape(desc)}</desc>'
            f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>' + "".join(out) + "</svg>")
