"""Decision wizards for the GDPR guidance hub: plain, typed Python, standard library only.

The same package runs in CPython (tests, command line, site build) and in the browser through Pyodide.
"""
__version__ = "0.1.0"
