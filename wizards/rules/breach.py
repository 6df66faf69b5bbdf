"""A personal data breach: must we notify the GBA, tell the people concerned, and by when?

Legal structure (GDPR, Regulation (EU) 2016/679)
- Art. 4(12): a breach of security leading to the accidental or unlawful destruction, loss,
  alteration, unauthorised disclosure of, or access to, personal data. The EDPB (Guidelines 9/2022,
  which took over WP250) sorts them into confidentiality, integrity and availability breaches: a
  backup that cannot be restored is a breach too.
- Art. 33(2): a processor tells its controller without undue delay; the controller decides and
  notifies. Rule `processor`.
- Art. 33(1): the controller notifies the supervisory authority without undue delay and, where
  feasible, within 72 hours of becoming aware, UNLESS the breach is unlikely to result in a risk to
  the rights and freedoms of natural persons; a late notification gives the reasons for the delay.
  Art. 33(4): what is not known yet may follow in phases. Art. 33(5): every breach is documented,
  notified or not.
- Art. 34(1): when the breach is likely to result in a HIGH risk, the controller also tells the people
  concerned without undue delay, unless one of the conditions of Art. 34(3) is met: (a) the data are
  unintelligible to anyone not authorised (e.g. encryption), (b) later measures ensure the high risk
  is no longer likely, (c) it would involve disproportionate effort: then a public communication or
  similar measure instead.

Reading choices
- "Unlikely to result in a risk" is the exception, so a "not sure" on risk never ends in "no
  notification": it ends in "it depends", and the depends outcome advises notifying within the 72 hours
  (a notification can be completed later, Art. 33(4)).
- Encrypted and restorable: EDPB 9/2022 (Annex B, the stolen encrypted USB key) and 01/2021 (Case 01,
  ransomware with encryption at rest and a working backup, nothing taken) treat data that stay
  unreadable to others, with the key safe and a copy restored in good time, as a breach unlikely to
  result in a risk: documented, not notified. Rule `unreadable`.
- The risk questions are the visitor's assessment; their help texts give the EDPB factors (type and
  sensitivity of the data, volume, ease of identification, severity and permanence of the
  consequences, vulnerable people, special characteristics of the controller) and examples. No factor
  decides alone, as the guidelines say.
- The outcome's `role` tells who must be told ("gba+people", "gba", "log", ...): two outcomes with the
  same verdict but a different duty to tell people must not hide a "not sure" behind each other.
- The clock is Belgian wall-clock time (the visitor's), 72 real hours, so across a change of clocks
  the deadline's wall-clock hour shifts by one (see belgian_time.py).
"""
from __future__ import annotations

from wizards.engine.logic import AllOf, AnyOf, Is
from wizards.engine.model import Action, Choice, Outcome, Rule, Verdict, When, Wizard

UNSURE_TOO = ("yes", "no", "unsure")
AWARE = ("aware_at",)


WIZARD = Wizard(
    id="breach",
    version="2026-12-02",
    questions=(
        Choice("is_breach", UNSURE_TOO, cites=("gdpr:4.12", "edpb:09-2022")),
        Choice("role", ("controller", "processor", "unsure"), cites=("gdpr:4.7", "gdpr:4.8", "gdpr:33.2")),
        # Exceptions the controller must be able to show (Art. 5(2), 33(5); EDPB 9/2022): while not
        # sure, the duty they would lift holds.
        Choice("unreadable", UNSURE_TOO, cites=("gdpr:33.1", "edpb:09-2022", "edpb:01-2021"), presume="no"),
        Choice("high_risk", UNSURE_TOO, cites=("gdpr:34.1", "edpb:09-2022", "edpb:01-2021", "gdpr:recital.75")),
        Choice("exception", ("none", "unintelligible", "mitigated", "disproportionate", "unsure"),
               cites=("gdpr:34.3",), presume="none"),
        Choice("risk", UNSURE_TOO, cites=("gdpr:33.1", "edpb:09-2022", "edpb:01-2021", "gdpr:recital.85",
                                         "be:gba.decision-62-2022"),
               presume="yes"),
        When("aware_at", with_time=True, past_only=True, cites=("gdpr:33.1", "edpb:09-2022")),
    ),
    rules=(
        Rule("not_a_breach", Is("is_breach", "no"), "no_breach", cites=("gdpr:4.12", "edpb:09-2022")),
        Rule("processor", Is("role", "processor"), "tell_controller", cites=("gdpr:33.2", "gdpr:28.3")),
        Rule("unreadable", Is("unreadable"), "log_only", cites=("gdpr:33.1", "gdpr:33.5", "edpb:09-2022", "edpb:01-2021")),
        Rule("tell_people", AllOf(Is("high_risk"), Is("exception", "none")), "notify_and_tell",
             cites=("gdpr:33.1", "gdpr:34.1", "gdpr:34.2")),
        Rule("public_notice", AllOf(Is("high_risk"), Is("exception", "disproportionate")), "notify_and_announce",
             cites=("gdpr:33.1", "gdpr:34.3")),
        Rule("people_exempt",
             AllOf(Is("high_risk"), AnyOf(Is("exception", "unintelligible"), Is("exception", "mitigated"))),
             "notify_gba_exempt", cites=("gdpr:33.1", "gdpr:34.3")),
        Rule("risk", AnyOf(Is("high_risk"), Is("risk")), "notify_gba", cites=("gdpr:33.1", "edpb:09-2022")),
    ),
    outcomes=(
        Outcome("no_breach", Verdict.NOT_REQUIRED, cites=("gdpr:4.12", "gdpr:32"), role="none",
                actions=(Action("no_breach_security", link="guide/security.md"), Action("no_breach_recheck"))),
        Outcome("tell_controller", Verdict.REQUIRED, cites=("gdpr:33.2", "gdpr:28.3"), role="controller",
                details=AWARE,
                actions=(Action("tell_controller_now"), Action("tell_controller_what"), Action("tell_controller_help"),
                         Action("log"))),
        Outcome("log_only", Verdict.NOT_REQUIRED, cites=("gdpr:33.1", "gdpr:33.5", "edpb:09-2022"), role="log",
                details=AWARE,
                actions=(Action("log"), Action("log_reasons"), Action("watch"), Action("fix", link="guide/security.md"))),
        Outcome("notify_gba", Verdict.REQUIRED, cites=("gdpr:33.1", "gdpr:33.3", "gdpr:33.4", "gdpr:33.5", "be:gba.breach-form"),
                role="gba", details=AWARE,
                actions=(Action("notify_how"), Action("notify_what"), Action("phases"), Action("log"),
                         Action("people_not_needed"), Action("fix", link="guide/security.md"))),
        Outcome("notify_gba_exempt", Verdict.REQUIRED,
                cites=("gdpr:33.1", "gdpr:33.3", "gdpr:33.4", "gdpr:34.3", "be:gba.breach-form"),
                role="gba", details=AWARE,
                actions=(Action("notify_how"), Action("notify_what"), Action("phases"), Action("exempt_prove"),
                         Action("log"))),
        Outcome("notify_and_tell", Verdict.REQUIRED,
                cites=("gdpr:33.1", "gdpr:33.3", "gdpr:33.4", "gdpr:34.1", "gdpr:34.2", "be:gba.breach-form"),
                role="gba+people", details=AWARE,
                actions=(Action("notify_how"), Action("notify_what"), Action("phases"), Action("tell_people"),
                         Action("tell_people_what"), Action("log"))),
        Outcome("notify_and_announce", Verdict.REQUIRED,
                cites=("gdpr:33.1", "gdpr:33.3", "gdpr:34.3", "be:gba.breach-form"),
                role="gba+public", details=AWARE,
                actions=(Action("notify_how"), Action("notify_what"), Action("phases"), Action("announce"),
                         Action("tell_people_what"), Action("log"))),
        Outcome("depends", Verdict.DEPENDS, cites=("gdpr:33.1", "gdpr:33.4", "edpb:09-2022", "be:gba.breach-form"),
                details=AWARE,
                actions=(Action("depends_notify"), Action("notify_how"), Action("phases"), Action("log"),
                         Action("ask_help", link="guide/help.md"))),
    ),
    otherwise="log_only",
    depends="depends",
    duty_in_role=True,
)
