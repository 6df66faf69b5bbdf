"""HTML escaping without the standard library's `html` module.

`html` loads its entity table (`html.entities`, 25 kB compiled) on import; the browser downloads every
module the wizards import (hub/stdlib.py), and escaping needs none of that table.
"""
from __future__ import annotations


def escape(text: str, quote: bool = True) -> str:
    """The same result as html.escape."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
