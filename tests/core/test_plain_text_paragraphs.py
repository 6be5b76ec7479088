"""A description or release body typed as plain text keeps its paragraphs and line breaks on the public page."""

from core.html import sanitise_html
from tests.events.factories import EventFactory
from tests.press.factories import PressReleaseFactory

PLAIN = "Pierwszy akapit o koncercie.\n\nDrugi akapit: program.\nBilety w kasie.\r\n\r\n\r\nTrzeci akapit."
AS_HTML = "<p>Pierwszy akapit o koncercie.</p><p>Drugi akapit: program.<br>Bilety w kasie.</p><p>Trzeci akapit.</p>"


def test_an_event_description_in_plain_text_shows_as_paragraphs(client, db):
    event = EventFactory(description=PLAIN)

    page = client.get(event.get_absolute_url()).content.decode()

    assert AS_HTML in page


def test_a_release_body_in_plain_text_shows_as_paragraphs(client, db):
    release = PressReleaseFactory(body=PLAIN)

    page = client.get(release.get_absolute_url()).content.decode()

    assert AS_HTML in page


def test_html_is_left_as_html_and_plain_text_stays_safe():
    assert sanitise_html("<p>Jeden</p>\n\n<p>Dwa</p>") == "<p>Jeden</p>\n\n<p>Dwa</p>"
    assert sanitise_html("Koncert <script>alert(1)</script>\n\nWstęp <b>wolny</b> & bez biletów") == (
        "<p>Koncert </p><p>Wstęp <b>wolny</b> &amp; bez biletów</p>"
    )
