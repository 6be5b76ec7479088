"""A NUL or another control character in the search phrase never reaches the page."""

import pytest


@pytest.mark.parametrize("query", ["kon\x00cert", "kon\x00cert\x00", "\x1bkoncert", "kon\u0000cert\x07"])
def test_control_characters_in_the_search_phrase_are_not_echoed(client, db, query):
    response = client.get("/szukaj/", {"q": query})

    page = response.content.decode()
    assert response.status_code == 200
    for character in ("\x00", "\x1b", "\x07", "&#0;", "\ufffd"):
        assert character not in page
    assert 'value="koncert"' in page
