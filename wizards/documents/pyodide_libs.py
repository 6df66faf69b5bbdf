"""In the browser only: puts the spreadsheet and document libraries on Python's path the first time a
visitor exports or imports an .xlsx or .ods file, or exports a document as .odt or .docx. The page
passes the addresses of the files this site serves (assets/spreadsheet/, checked against pinned hashes at build time); they are read with a
synchronous request, which a Web Worker may make, so the bridge can stay a plain function call."""
from __future__ import annotations

import importlib
import io
import json
import os
import sys
import zipfile

TARGET = "/tmp/gdpr-hub-spreadsheet"
# What each use imports; "documents" is the .odt/.docx export of any document (blocks.py, odt.py), "pages"
# the DPIA and GDPR-file pages' own Python. Those modules of this package are not in the wheel every wizard
# page downloads (hub/wheel.py ON_DEMAND): they come in a zip of their own, with their texts.
PAGES = ("wizards.documents.dpia", "wizards.documents.gdpr_file", "wizards.documents.odt")
MODULES = {"xlsx": ("openpyxl",), "ods": ("odf.opendocument",),
           "documents": ("markdown_it", "odf.opendocument", *PAGES), "pages": PAGES}


def ensure(fmt: str, urls: list[str]) -> None:
    try:
        for module in MODULES[fmt]:
            importlib.import_module(module)
        return
    except ImportError:
        pass
    for url in urls:
        zipfile.ZipFile(io.BytesIO(_get(url))).extractall(TARGET)
    if TARGET not in sys.path:
        sys.path.insert(0, TARGET)
    # Before invalidate_caches: in Python 3.13 it imports importlib.metadata, which comes in that zip.
    _extend_split_packages()
    importlib.invalidate_caches()
    for module in MODULES[fmt]:
        importlib.import_module(module)


def _extend_split_packages() -> None:
    """The page's standard library holds only what the wizards use; the rest the libraries need came in
    the first zip (hub/stdlib.py, spreadsheet_stdlib). A package found in the page's library looks for its
    modules only in its own folder, so the unpacked folder is added to its path, parents first."""
    # One listing per zip that has one (the standard library's, the pages' Python): each its own name.
    for listing in sorted(n for n in os.listdir(TARGET) if n.startswith("_split_packages") and n.endswith(".json")):
        with open(os.path.join(TARGET, listing), encoding="utf-8") as file:
            packages = json.load(file)
        for name in packages:
            module = importlib.import_module(name)
            folder = os.path.join(TARGET, *name.split("."))
            if isinstance(module.__path__, list) and folder not in module.__path__:
                module.__path__.append(folder)
    texts = os.path.join(TARGET, "wizards", "present", "texts")
    if os.path.isdir(texts):
        from pathlib import Path

        from wizards.present.texts import add_folder
        add_folder(Path(texts))


def _get(url: str) -> bytes:
    from js import Uint8Array, XMLHttpRequest  # type: ignore[import-not-found]  # Pyodide only

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise OSError(f"{url}: HTTP {request.status}")
    return bytes(Uint8Array.new(request.response).to_py())
