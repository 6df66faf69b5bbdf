"""wizards.present.markup.escape stands in for html.escape in the browser (to keep html's entity table out of
the download): it must give exactly the same text."""
import html

from hypothesis import given, strategies as st

from wizards.present.markup import escape


@given(st.text(), st.booleans())
def test_escape_equals_the_standard_library(text, quote):
    assert escape(text, quote) == html.escape(text, quote)


def test_escape_changes_markup():
    assert escape("<a href='x'>&\"</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;&lt;/a&gt;"
