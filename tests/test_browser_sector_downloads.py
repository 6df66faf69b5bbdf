"""Issue 11 item 13: each sector's sample register downloads as semicolon CSV, .xlsx and .ods in the
page's language, and each file reads back as the same record."""
import csv
import io
import urllib.request

import pytest

from hub.sectors import load_all
from wizards.documents import spreadsheet, tables
from wizards.documents.sample import from_sector
from wizards.present.texts import LANGUAGES, t

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("sector", load_all(), ids=lambda s: s.id)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_sample_register_downloads_read_back(hub, sector, lang):
    base = hub.url + ("" if lang == "nl" else f"{lang}/") + f"sectors/{sector.id}/"
    expected = from_sector(sector.data, lang)
    page = urllib.request.urlopen(base + "register/").read().decode()
    for ext in ("csv", "xlsx", "ods"):
        assert f'href="../register.{ext}"' in page  # the files sit one folder up (issue 11 item 1)
        assert f'download="{t(lang, "doc.ui.file_record")}-' in page  # saved under a name in the page's language
    text = urllib.request.urlopen(base + "register.csv").read().decode("utf-8")
    # Read as a spreadsheet reads it: a column title holding ";" (the Art. 9(2) condition) is quoted.
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert text.startswith("\ufeff") and header == tables.activity_header(lang)
    assert tables.from_csv(text)["activities"] == expected["activities"]
    for fmt in ("xlsx", "ods"):
        assert spreadsheet.read(urllib.request.urlopen(base + f"register.{fmt}").read(), fmt) == expected
