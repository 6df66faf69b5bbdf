"""The four-level scale of a DPIA's risks and the rule that reads a residual risk as high.

The scale (negligible, limited, significant, maximum, for severity and for likelihood) is the method
of the CNIL's PIA guides ("CNIL, PIA methodology"), not a rule of the GDPR: the GDPR asks for an
assessment of the risks (Art. 35(7)(c)) and, where the DPIA shows a high risk the controller does not
mitigate, prior consultation of the supervisory authority (Art. 36(1)). It does not say which score
is "high"; the rule below is this hub's reading and every DPIA document states it.
"""
from __future__ import annotations

from typing import Any

LEVELS = (1, 2, 3, 4)  # 0 = not assessed
LEVEL_IDS = {1: "negligible", 2: "limited", 3: "significant", 4: "maximum"}
# A residual risk is high when its severity AND its likelihood both stay at one of the two highest
# levels (the top-right quarter of the map). "Or" would make nearly every DPIA of health data "high"
# (measures mostly lower the likelihood, rarely the harm), and would send every such controller to
# the GBA, which Art. 36(1) does not ask when the measures do reduce the risk.
HIGH = 3


def is_high(severity: int, likelihood: int) -> bool:
    return severity >= HIGH and likelihood >= HIGH


def residual_known(risk: dict[str, Any]) -> bool:
    return risk["residual_severity"] > 0 and risk["residual_likelihood"] > 0


def prior_consultation(dpia: dict[str, Any]) -> str:
    """"required" once one residual risk is high; "open" while a residual score is missing (or no risk
    is listed at all); otherwise "not_required"."""
    risks = dpia["risks"]
    if any(residual_known(r) and is_high(r["residual_severity"], r["residual_likelihood"]) for r in risks):
        return "required"
    if not risks or not all(residual_known(r) for r in risks):
        return "open"
    return "not_required"
