"""The open-data page in a browser: it passes axe-core (WCAG 2.x A/AA), fits 320 px, and a dataset's CSV and its
schema download and agree on the columns."""

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto

OPEN_DATA_URL = "/otwarte-dane/"
NARROW = {"viewport": {"width": 320, "height": 640}}


def test_the_open_data_page_passes_axe(read_only_site_url, page):
    goto(page, read_only_site_url + OPEN_DATA_URL)

    assert page.locator("h1").inner_text() == "Otwarte dane"
    assert page.locator("section.open-data").count() >= 5
    assert_no_axe_violations(page)


def test_the_open_data_page_fits_320px(read_only_site_url, new_page):
    page = new_page(**NARROW)
    goto(page, read_only_site_url + OPEN_DATA_URL)

    assert_no_horizontal_scrolling(page)


def test_a_datasets_csv_downloads_with_the_columns_of_its_schema(read_only_site_url, page):
    goto(page, read_only_site_url + OPEN_DATA_URL)
    section = page.locator("#rejestr-instytucji-kultury")
    csv_path = urlsplit(section.locator("a[href$='.csv']").get_attribute("href")).path
    schema_path = urlsplit(section.locator("a[href$='/schemat.json']").get_attribute("href")).path

    # The links name SITE_URL; the same paths are read from the test's server, as a harvester would from the city's.
    with page.expect_download() as download_info:
        page.evaluate("(url) => { const a = document.createElement('a'); a.href = url; a.click(); }", csv_path)
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    schema = json.loads(page.request.get(read_only_site_url + schema_path).text())

    assert download.suggested_filename == "rejestr-instytucji-kultury.csv"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [field["name"] for field in schema["fields"]]
    assert len(rows) > 1
