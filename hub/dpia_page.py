"""The [[dpia_builder]] marker: the DPIA page's shell, its texts, the DPIA catalogue and the sector samples as JSON.

The page's script (hub/static/dpia.js) draws one section at a time from this data and asks Python
(through the wizards' worker, bridge payloads dpia_*) for the open points, the Art. 36 verdict, the
risk map and the documents; the DPIAs stay in this browser's local storage (`gdpr-hub.dpias`).

The catalogue's labels come from wizards.documents.dpia (branch dpia); `page_catalogue` reads it into
one fixed shape, so that a change in how that module lists its sections touches this file only.
Where the catalogue says nothing about a field, the page's own texts (dpiapage.*.toml) name it.
"""
from __future__ import annotations

import html
import json
from typing import Any, Iterable

from wizards.documents.limits import MAX_BYTES
from wizards.present.texts import catalogue as texts_catalogue

from .sectors import Sector

SECTIONS = ("description", "necessity", "risks", "validation")
KINDS = ("access", "change", "loss", "other")
STYLE = (
    ".dpia fieldset{min-width:0;border:0;padding:0;margin:0}.dpia select{max-width:100%}"
    ".dpia-field{display:flex;flex-direction:column;gap:.2rem;margin:.5rem 0}"
    ".dpia-field input,.dpia-field textarea,.dpia-field select{font:inherit;padding:.3rem;border:1px solid var(--md-default-fg-color--light);border-radius:.2rem;max-width:100%;box-sizing:border-box}"
    ".dpia-field textarea{width:100%}.dpia-help{font-size:.85em;color:var(--md-default-fg-color--light);margin:0}"
    ".md-typeset ul.dpia-tabs{display:flex;flex-wrap:wrap;gap:.3rem;padding:0;margin:.6rem 0;list-style:none}"
    ".md-typeset ul.dpia-tabs li{margin:0;list-style:none}.dpia-tabs .md-button{margin:0;padding:.3em .8em}.dpia-tabs [aria-current=step]{background:var(--md-primary-fg-color);color:var(--md-primary-bg-color)}"
    ".dpia-risk,.dpia-measure,.dpia-action{border:1px solid var(--md-default-fg-color--lightest);border-radius:.3rem;padding:.3rem .6rem;margin:.4rem 0}"
    ".dpia-pair{display:flex;flex-wrap:wrap;gap:0 1rem}.dpia-pair>*{flex:1 1 12rem;min-width:0}"
    ".dpia-maps{display:flex;flex-wrap:wrap;gap:1rem}.dpia-maps figure{flex:1 1 16rem;margin:0;min-width:0}"
    ".dpia-maps svg{max-width:100%;height:auto}.dpia-danger{border-color:#b00020;color:#b00020}"
    ".dpia-preview{border:1px solid var(--md-default-fg-color--lightest);padding:0 1rem;overflow-wrap:anywhere}"
    ".dpia-preview svg{max-width:100%;height:auto}.dpia [hidden]{display:none!important}.dpia-verdict{font-weight:700}"
    "@media print{.dpia[data-print] .dpia-app>*:not(.dpia-output),.dpia-privacy,.dpia-output>*:not(.dpia-preview){display:none!important}"
    ".dpia-preview{border:0;padding:0}}"
)


def _items(value: Any, key: str = "id") -> Iterable[tuple[str, dict[str, Any]]]:
    """(id, entry) pairs from a list of dicts carrying their id, or from a dict keyed by id."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k), v if isinstance(v, dict) else {"label": v}
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, dict):
                yield str(v.get(key) or v.get("name") or v.get("key") or ""), v


def _text(entry: dict[str, Any], *names: str) -> str:
    for name in names:
        if isinstance(entry.get(name), str) and entry[name]:
            return entry[name]
    return ""


def page_catalogue(raw: dict[str, Any]) -> dict[str, Any]:
    """The parts of dpia.catalogue(lang) the page draws: sections with their fields' labels and help,
    the risk kinds, the two four-level scales and the measures catalogue."""
    sections: dict[str, Any] = {}
    for sid, entry in _items(raw.get("sections")):
        fields = {fid: {"label": _text(f, "label", "title", "text"), "help": _text(f, "help", "hint"),
                        "link": _text(f, "link", "href", "url")}
                  for fid, f in _items(entry.get("fields"))}
        sections[sid] = {"title": _text(entry, "title", "label"), "help": _text(entry, "help", "intro", "cite"), "fields": fields}
    kinds = {k: _text(v, "label", "title", "text") for k, v in _items(raw.get("kinds") or raw.get("risk_kinds"))}
    scales_raw = raw.get("scales") if isinstance(raw.get("scales"), dict) else raw
    scales = {}
    for name in ("severity", "likelihood"):
        levels = []
        for level_id, v in _items(scales_raw.get(name), "level"):
            try:
                level = int(v.get("level", level_id))
            except (TypeError, ValueError):
                continue
            levels.append({"level": level, "label": _text(v, "label", "title"), "definition": _text(v, "definition", "help", "text")})
        scales[name] = sorted(levels, key=lambda lv: lv["level"])
    measures = [{"id": mid, "text": _text(m, "text", "label", "title"), "kinds": list(m.get("kinds") or []),
                 "sectors": list(m.get("sectors") or [])}
                for mid, m in _items(raw.get("measures"))]
    choices = {name: {k: _text(v, "label", "title", "text") for k, v in _items(raw.get(name))} for name in ("statuses", "decisions")}
    notes = [_text(scales_raw, name) for name in ("method", "high_rule")]
    return {"sections": sections, "kinds": kinds, "scales": scales, "scale_notes": [n for n in notes if n],
            "measures": measures, **choices}


def _dpia_module() -> Any:
    from wizards.documents import dpia
    return dpia


def _sample(sector: Sector, lang: str) -> dict[str, Any] | None:
    """A sector's sample DPIA (sectors/<id>/dpia.yml, read by hub/sectors.py beside the sector's data)."""
    data = sector.dpia
    if data is None:
        return None
    return _dpia_module().from_sample(data, lang)


def render_dpia_builder(lang: str, root: str, lang_root: str, sectors: tuple[Sector, ...], edition: str | None,
                        libraries: dict[str, list[str]], hub_assets: str = "assets/hub/") -> str:
    """`libraries`: the files under assets/spreadsheet/ per use; the .odt/.docx export loads the "documents" ones."""
    dpia = _dpia_module()
    texts = {k[len("dpiapage."):]: v for k, v in texts_catalogue(lang).items() if k.startswith("dpiapage.")}
    samples = []
    for s in sectors:
        sample = _sample(s, lang)
        if sample is not None:
            samples.append({"id": s.id, "name": s.data["name"][lang], "dpia": sample})
    data: dict[str, Any] = {
        "lang": lang, "langRoot": lang_root, "texts": texts, "catalogue": page_catalogue(dpia.catalogue(lang)),
        "sections": list(SECTIONS), "kinds": list(KINDS), "blank": dpia.blank(), "samples": samples,
        "edition": edition, "limits": {"bytes": MAX_BYTES},
        "libraries": [f"{root}assets/spreadsheet/{name}" for name in libraries.get("documents", [])],
        "pages": [f"{root}assets/spreadsheet/{name}" for name in libraries.get("pages", [])],
    }
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    e = html.escape
    return (
        f'<div class="dpia" id="dpia" data-state="loading" data-lang="{lang}">'
        f'<p class="dpia-privacy admonition warning">{e(texts["ui.privacy"])}</p>'
        f'<div class="dpia-app"></div>'
        f'<noscript><p>{e(texts["ui.no_python"])}</p></noscript></div>\n'
        f'<style>{STYLE}</style>\n'
        f'<script type="application/json" id="dpia-data">{blob}</script>\n'
        f'<script type="module" src="{e(root)}{e(hub_assets)}dpia.js"></script>\n'
    )
