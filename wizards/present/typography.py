"""French typography: a narrow no-break space (U+202F) before : ; ? ! and » and after «.

French puts a space before these signs. An ordinary space lets a browser wrap the sign onto a line of
its own ("Dois-je désigner un DPD" / "?"); a narrow no-break space keeps it with its word. Writers type
an ordinary space or none at all, so the texts stay easy to edit and this filter runs on every French
text the visitor sees: the wizard texts (wizards/present/texts.py) and the built French pages (hub/mkdocs_hooks.py).
Standard library only: the wizards package runs in the browser.
"""
from __future__ import annotations

import re

NNBSP = "\u202f"

# An ordinary or no-break space (or several) before the sign becomes one narrow no-break space.
_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]+([:;?!»])")
_SPACE_AFTER = re.compile(r"«[ \u00a0\u202f]*")
# No space at all after a word or a closing bracket: "DPD?" -> "DPD ?". Not for ":" after a digit or
# before "/" (times and web addresses), nor for "?" inside an address ("page?x=1").
_NO_SPACE_QEX = re.compile(r"(?<=[^\W_]|[)\]}*])([?!;]+)(?=\s|$|[)\].,»\"'<])")
_NO_SPACE_COLON = re.compile(r"(?<=[^\W\d_]|[)\]*])(:)(?=\s|$)")


def french(text: str) -> str:
    """`text` with French spacing around : ; ? ! « »."""
    text = _SPACE_AFTER.sub("«" + NNBSP, text)
    text = _SPACE_BEFORE.sub(NNBSP + r"\1", text)
    text = _NO_SPACE_QEX.sub(NNBSP + r"\1", text)
    return _NO_SPACE_COLON.sub(NNBSP + r"\1", text)


# --- whole HTML pages and fragments -------------------------------------------------------------------

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW = {"script", "style", "code", "pre", "textarea", "svg"}
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
# After "<strong>Obligatoire</strong>" a text node may start with the sign itself: it still needs its space.
_INLINE = {"strong", "em", "b", "i", "a", "span", "abbr", "mark"}
_LEADING_SIGN = re.compile(r"^[ \u00a0]*([:;?!])")


def french_html(page: str) -> str:
    """`page` with French spacing in its visible text; markup, attributes and code untouched."""
    import html  # at build time only: the browser never calls this, so it never loads html's entity table

    out: list[str] = []
    raw_depth: dict[str, int] = {}
    after_inline = False
    for part in _TOKEN.split(page):
        if not part:
            continue
        if part.startswith("<"):
            match = _TAG_NAME.match(part)
            if match and match.group(2).lower() in _RAW and not part.endswith("/>"):
                name = match.group(2).lower()
                raw_depth[name] = max(0, raw_depth.get(name, 0) + (-1 if match.group(1) else 1))
            after_inline = bool(match and match.group(1) and match.group(2).lower() in _INLINE)
            out.append(part)
        elif any(raw_depth.values()):
            out.append(part)
        else:
            text = html.unescape(part)
            spaced = french(text)
            if after_inline:
                spaced = _LEADING_SIGN.sub("\u202f\\1", spaced)
            after_inline = False
            out.append(part if spaced == text else html.escape(spaced, quote=False))
    return "".join(out)
