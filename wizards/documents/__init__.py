"""Documents made from the visitor's record of processing: the record itself (Art. 30 GDPR), the
annexes of a processor agreement (Implementing Decision (EU) 2021/915) and a privacy notice
(Art. 13 and 14 GDPR); and from a wizard's decision, the breach log and the requests log and letters.
Standard library only: the same code runs in CPython and in Pyodide.
"""
from __future__ import annotations

from wizards import __version__

# Printed on every document with its date, so a reader knows which rules produced it.
VERSION = f"documents-1 (gdpr-hub-wizards {__version__})"
