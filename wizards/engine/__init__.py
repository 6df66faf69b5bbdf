"""The engine: how any wizard is walked and decided, whatever its subject.

- `model`: the building blocks a wizard is declared with (questions, rules, outcomes).
- `logic`: three-valued conditions (yes, no, not sure) over the answers.
- `walk`: validates answers, picks the next question, reaches the decision.
- `paths`: every route through a wizard, for the golden tables and the flowchart.
- `belgian_time`: the Belgian clock and calendar that deadlines are counted in.

Nothing here knows a wizard's subject, its wording or its documents: `wizards.rules` declares the
wizards, `wizards.present` words the results and `wizards.documents` writes the files.
"""
