"""The generic helpers every app takes from core: site links, phone numbers, date filters, feed text, JSON-LD."""

from datetime import UTC, date, timedelta

import pytest
from django.core.exceptions import ValidationError

from core.feeds import xml_text
from core.filters import BoundedDateField, DateRangeFilterForm, day_bounds
from core.public_forms import clean_phone_number
from core.site import site_host, site_url
from core.structured_data import json_ld


def test_site_url_joins_the_configured_address_and_the_path(settings):
    settings.SITE_URL = "https://kultura.rudaslaska.pl/"
    assert site_url("/sprawy/abc/") == "https://kultura.rudaslaska.pl/sprawy/abc/"
    assert site_host() == "kultura.rudaslaska.pl"


@pytest.mark.parametrize("typed", ["+48 32 244 90 00", "32 244-90-00", "600100200"])
def test_a_phone_number_as_people_type_it_is_kept_trimmed(typed):
    assert clean_phone_number(f"  {typed} ") == typed


def test_a_phone_number_with_letters_gets_a_polish_message():
    with pytest.raises(ValidationError) as caught:
        clean_phone_number("zadzwoń po 16")
    assert caught.value.messages == ["Podaj numer telefonu, używając tylko cyfr, spacji i znaków + ( ) -."]


def test_day_bounds_cover_whole_days_across_the_autumn_clock_change():
    start, end = day_bounds(date(2026, 10, 25), date(2026, 10, 25))
    assert (start.hour, end.hour) == (0, 0)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=25)


def test_a_date_outside_the_years_the_picker_allows_is_a_form_error_not_a_crash():
    with pytest.raises(ValidationError, match="Wpisz poprawną datę"):
        BoundedDateField().clean("99999-01-01")


def test_an_end_before_the_start_is_refused():
    class Form(DateRangeFilterForm):
        od = BoundedDateField(required=False)
        do = BoundedDateField(required=False)

    form = Form(data={"od": "2026-12-10", "do": "2026-12-01"})
    assert not form.is_valid()
    assert "do" in form.errors


def test_feed_text_loses_only_what_xml_cannot_carry():
    assert xml_text("Koncert\x00 w\x0b Rudzie\n") == "Koncert w Rudzie\n"


def test_json_ld_cannot_close_its_script_element():
    html = json_ld({"name": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1
    assert "\\u003C/script\\u003E" in html
