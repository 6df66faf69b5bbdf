"""Everything that writes a document a person keeps, signs or sends.

From the visitor's record of processing: the record itself (Art. 30 GDPR, `record`, `tables`,
`spreadsheet`), the annexes of a processor agreement and the Art. 28(3) checklist (Implementing
Decision (EU) 2021/915, `annexes`) and a privacy notice (Art. 13 and 14 GDPR, `notice`); `bridge` is
what the record page's script calls, `sample` turns a sector's sample into a record.
From a wizard's decision: the breach log's row and clock (Art. 33(5), `breach_log`) and the requests
log and reply letters (Art. 12 to 22, `requests_log`), attached to those wizards by wizards/registry.py.
Standard library only: the same code runs in CPython and in Pyodide.
"""
from __future__ import annotations

from wizards import __version__

# Printed on every document with its date, so a reader knows which rules produced it.
VERSION = f"documents-1 (gdpr-hub-wizards {__version__})"
