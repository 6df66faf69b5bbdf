"""The rules: one module per wizard, declarations only, each readable next to the article it implements.

A module holds one `WIZARD`: its questions, its rules in the order the law reads them, and its
outcomes with their actions and sources. Its docstring gives the legal structure and the reading
choices. The wording lives in `wizards/present/texts/<wizard>.<lang>.toml`, the decision procedure in
`wizards.engine`.

- `register`: record of processing activities (Art. 30)
- `dpo`: data protection officer (Art. 37)
- `dpia`: data protection impact assessment screening (Art. 35)
- `processor`: is this supplier a processor, is an Art. 28 agreement needed
- `cookies`: consent for a cookie or similar technology (ePrivacy 5(3), Belgian WEC art. 10/2)
- `breach`: a personal data breach (Art. 33, 34)
- `data_requests`: a person asks to exercise a right (Art. 12 to 22)
- `profile`: the organisation's own answers, shared by several wizards
- `catalogues`: reads the catalogues of common cookies and suppliers (`*_catalogue.toml`)
"""
