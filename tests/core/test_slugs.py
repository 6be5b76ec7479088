"""A page's slug never takes the address of a page with a fixed address beside it (/wydarzenia/archiwum/).

A title such as "Archiwum" or "RSS" made a slug whose page nobody could open: the fixed page answered instead.
"""

import pytest
from django.core.exceptions import ValidationError

from core.slugs import polish_slugify, slug_reaches
from tests.awards.factories import make_call as make_award_call
from tests.events.factories import EventFactory
from tests.meetings.factories import make_meeting
from tests.press.factories import PressReleaseFactory
from tests.promotion.factories import make_site

pytestmark = pytest.mark.django_db


def test_polish_letters_are_kept():
    assert polish_slugify("Łódź — Żółć") == "lodz-zolc"


def test_a_fixed_address_is_recognised():
    assert slug_reaches("events:event_detail", "koncert") is True
    assert slug_reaches("events:event_detail", "archiwum") is False
    assert slug_reaches("press:release_detail", "rss") is False
    # the calls of grants live under /dotacje/konkursy/, beside no fixed page
    assert slug_reaches("grants:call_detail", "archiwum") is True


@pytest.mark.parametrize(
    ("make", "title", "taken"),
    [
        (lambda title: EventFactory(title=title), "Archiwum", "archiwum"),
        (lambda title: EventFactory(title=title), "Zgłoś", "zglos"),
        (lambda title: PressReleaseFactory(title=title), "RSS", "rss"),
        (lambda title: make_award_call(title=title), "Archiwum", "archiwum"),
    ],
)
def test_a_title_equal_to_a_fixed_address_gets_a_page_that_opens(client, make, title, taken):
    record = make(title)
    assert record.slug == f"{taken}-2"
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    assert title in response.content.decode()


def test_a_clerk_typing_a_fixed_address_is_told_to_choose_another():
    record = make_site()
    record.slug = "zapytanie"
    with pytest.raises(ValidationError) as refusal:
        record.full_clean()
    assert refusal.value.message_dict["slug"] == ["Ten adres należy do innej strony portalu: wybierz inny."]


def test_two_meetings_with_one_title_on_one_day_get_two_addresses(client):
    first = make_meeting(title="Spotkanie w Halembie", days_ahead=5)
    second = make_meeting(title="Spotkanie w Halembie", days_ahead=5)
    assert first.slug != second.slug
    assert client.get(second.get_absolute_url()).status_code == 200
