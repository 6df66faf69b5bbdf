"""How a wizard speaks: every word a visitor reads, apart from the rules and the engine.

- `texts/<wizard>.<lang>.toml` and `texts/<lang>.toml`: questions, help, explanations, actions, one
  file per wizard and language; `texts.py` reads them.
- `citations*.toml` and `citations.py`: the legal sources a verdict cites, with their addresses.
- `render.py`: a decision as a dict (JSON), Markdown and HTML; the questions as HTML forms.
- `flowchart.py`: the static flowchart and outline shown when Python cannot start in the browser.
- `schema.py`: the JSON Schema of a wizard's answers (the command line's --schema).
- `typography.py` (French spacing) and `markup.py` (HTML escaping).
"""
