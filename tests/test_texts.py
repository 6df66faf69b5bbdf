"""Texts and citations: complete in every language, and every key the wizards use exists."""
import re

import pytest

from wizards.present.citations import cite, known
from wizards.present.flowchart import mermaid, outline_html
from wizards.engine.logic import AllOf, AnyOf, Not
from wizards.engine.paths import enumerate_paths
from wizards.present.render import to_dict, to_markdown
from wizards.registry import WIZARDS
from wizards.present.texts import LANGUAGES, catalogue


def test_same_keys_in_every_language():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["nl"], f"{lang}: missing {sorted(keys['nl'] - keys[lang])[:10]}, extra {sorted(keys[lang] - keys['nl'])[:10]}"


def test_placeholders_match_across_languages():
    for key, text in catalogue("nl").items():
        names = set(re.findall(r"{(\w+)}", text))
        for lang in LANGUAGES:
            assert set(re.findall(r"{(\w+)}", catalogue(lang)[key])) == names, (lang, key)


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_path_renders_in_every_language(wizard_id, lang):
    wizard = WIZARDS[wizard_id]
    for answers, decision in enumerate_paths(wizard):
        record = to_dict(wizard, decision, lang)
        # An open result may have no step common to every open outcome; it then says what each answer means.
        assert record["reasons"] and (record["actions"] or record["branches"]) and record["sources"]
        assert to_markdown(record, lang).startswith("# ")
    assert mermaid(wizard, lang).startswith("flowchart TD")
    assert "<ol" in outline_html(wizard, lang)


@pytest.mark.parametrize("wizard_id", sorted(WIZARDS))
def test_every_citation_is_registered(wizard_id):
    wizard = WIZARDS[wizard_id]
    ids = [c for q in wizard.questions for c in q.cites]
    ids += [c for r in wizard.rules for c in r.cites] + [c for o in wizard.outcomes for c in o.cites]
    unknown = sorted(set(ids) - known())
    assert not unknown, f"unregistered citations: {unknown}"
    for citation in set(ids):
        for lang in LANGUAGES:
            assert cite(citation, lang).label


def test_citation_labels_name_their_article_consistently():
    """The GDPR article number in a label must be the one in its id, in every language."""
    for citation in known():
        if citation.startswith("gdpr:") and not citation.startswith("gdpr:recital"):
            article = citation.split(":")[1].split(".")[0]
            for lang in LANGUAGES:
                assert re.match(rf"Art\. {article}\b", cite(citation, lang).label), (citation, lang)
