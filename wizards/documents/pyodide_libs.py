"""In the browser only: puts the spreadsheet libraries on Python's path the first time a visitor
exports or imports an .xlsx or .ods file. The page passes the addresses of the files this site
serves (assets/spreadsheet/, checked against pinned hashes at build time); they are read with a
synchronous request, which a Web Worker may make, so the bridge can stay a plain function call."""
from __future__ import annotations

import importlib
import io
import sys
import zipfile

TARGET = "/tmp/gdpr-hub-spreadsheet"
MODULE = {"xlsx": "openpyxl", "ods": "odf.opendocument"}


def ensure(fmt: str, urls: list[str]) -> None:
    try:
        importlib.import_module(MODULE[fmt])
        return
    except ImportError:
        pass
    for url in urls:
        zipfile.ZipFile(io.BytesIO(_get(url))).extractall(TARGET)
    if TARGET not in sys.path:
        sys.path.insert(0, TARGET)
    importlib.invalidate_caches()
    importlib.import_module(MODULE[fmt])


def _get(url: str) -> bytes:
    from js import Uint8Array, XMLHttpRequest  # type: ignore[import-not-found]  # Pyodide only

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise OSError(f"{url}: HTTP {request.status}")
    return bytes(Uint8Array.new(request.response).to_py())
