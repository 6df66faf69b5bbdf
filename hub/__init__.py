"""Build-time side of the hub: sector validation, editions, npm runtimes, the wizards wheel, mkdocs hooks."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
