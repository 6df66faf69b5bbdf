"""The DPIA page's build side (hub/dpia_page.py): the catalogue of wizards/documents/dpia.py read into
the one shape hub/static/dpia.js draws from, and the page's own texts in the three languages."""
from hub.dpia_page import page_catalogue
from wizards.present.texts import LANGUAGES, catalogue

# Shaped as dpia.catalogue(lang) returns it: lists of entries that carry their id.
RAW = {
    "format": "gdpr-hub-dpia/1",
    "kinds": [{"id": "access", "label": "Onrechtmatige toegang", "help": "..."}, {"id": "loss", "label": "Verlies"}],
    "scales": {"method": "Vier niveaus.", "high_rule": "Hoog vanaf 3.",
               "severity": [{"level": 2, "id": "limited", "label": "beperkt", "definition": "B"},
                            {"level": 1, "id": "negligible", "label": "verwaarloosbaar", "definition": "A"}],
               "likelihood": [{"level": 1, "label": "verwaarloosbaar", "definition": "C"}]},
    "measures": [{"id": "mfa", "text": "Tweestapsverificatie", "kinds": ["access"], "sectors": [], "source": "Art. 32"}],
    "statuses": [{"id": "existing", "label": "bestaat al"}, {"id": "planned", "label": "gepland"}],
    "decisions": [{"id": "proceed", "label": "Doorgaan"}],
    "sections": [{"id": "description", "title": "Beschrijving", "cite": "Art. 35, lid 7, a) AVG",
                  "fields": [{"id": "processing", "label": "De verwerking", "help": "Wat gebeurt er?"}]},
                 {"id": "risks", "title": "Risico's", "fields": [{"id": "severity", "label": "Ernst", "help": ""}]}],
}


def test_the_catalogue_is_read_into_the_shape_the_page_draws():
    cat = page_catalogue(RAW)
    assert cat["sections"]["description"] == {
        "title": "Beschrijving", "help": "Art. 35, lid 7, a) AVG",
        "fields": {"processing": {"label": "De verwerking", "help": "Wat gebeurt er?", "link": ""}}}
    assert cat["sections"]["risks"]["fields"]["severity"]["label"] == "Ernst"
    assert cat["kinds"] == {"access": "Onrechtmatige toegang", "loss": "Verlies"}
    assert [lv["level"] for lv in cat["scales"]["severity"]] == [1, 2]  # in the scale's order
    assert cat["scales"]["likelihood"] == [{"level": 1, "label": "verwaarloosbaar", "definition": "C"}]
    assert cat["scale_notes"] == ["Vier niveaus.", "Hoog vanaf 3."]
    assert cat["measures"] == [{"id": "mfa", "text": "Tweestapsverificatie", "kinds": ["access"], "sectors": []}]
    assert cat["statuses"] == {"existing": "bestaat al", "planned": "gepland"}
    assert cat["decisions"] == {"proceed": "Doorgaan"}


def test_a_catalogue_missing_parts_gives_empty_parts_not_an_error():
    assert page_catalogue({}) == {"sections": {}, "kinds": {}, "scales": {"severity": [], "likelihood": []},
                                  "scale_notes": [], "measures": [], "statuses": {}, "decisions": {}}


def test_the_page_texts_exist_in_every_language_with_the_same_placeholders():
    import string

    keys = {lang: {k: v for k, v in catalogue(lang).items() if k.startswith("dpiapage.")} for lang in LANGUAGES}
    assert keys["nl"] and keys["nl"].keys() == keys["fr"].keys() == keys["en"].keys()
    fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
    for key, text in keys["nl"].items():
        assert fields(text) == fields(keys["fr"][key]) == fields(keys["en"][key]), key


def test_the_dpia_wizards_required_result_leads_to_the_dpia_page():
    """Issue 26 §1: from "a DPIA is required" to the page that builds it, in every language."""
    from wizards.engine.walk import decide
    from wizards.present.render import result_html, to_dict
    from wizards.rules.dpia import WIZARD

    decision = decide(WIZARD, {"gba_list": [], "automated_evaluation": "yes"})  # Art. 35(3)(a)
    assert decision.outcome == "required"
    for lang in LANGUAGES:
        html = result_html(to_dict(WIZARD, decision, lang), lang, "../../")
        assert 'href="../../wizards/dpia-builder/"' in html, lang
