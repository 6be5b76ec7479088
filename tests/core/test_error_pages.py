"""Polish pages for a request the site cannot read (400) and for a form refused by the CSRF check (403), in the
site's shell, never Django's bare English ones and never a 500. Issue 13, point 10."""

import pytest
from django.test import Client

from tests.helpers import public_form_data


@pytest.mark.django_db
def test_a_form_refused_by_the_csrf_check_says_what_to_do_in_polish():
    browser = Client(enforce_csrf_checks=True)

    response = browser.post("/opinia/", public_form_data(message="Brak ciasteczek"))

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="pl"' in page
    assert '<h1 class="page__title">Nie udało się wysłać formularza</h1>' in page
    assert "Wróć do formularza" in page
    assert "Wyślij formularz ponownie." in page
    assert 'class="skip-link"' in page  # the site's shell: header, navigation, footer with the contacts
    assert "CSRF" not in page
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_csrf_page_follows_the_language_of_the_form():
    response = Client(enforce_csrf_checks=True).post("/en/opinia/", {})
    assert response.status_code == 403
    assert '<html lang="en"' in response.content.decode()
    assert "The form could not be sent" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_host_name_gets_the_polish_400_page(client):
    response = client.get("/", HTTP_HOST="nie-nasz.example")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Nie można obsłużyć żądania" in page
    assert 'class="skip-link"' in page


@pytest.mark.django_db
def test_an_address_with_too_many_fields_gets_the_400_page_not_a_500(client):
    query = "&".join(f"p{n}=1" for n in range(1100))  # DATA_UPLOAD_MAX_NUMBER_FIELDS is 1000

    response = client.get(f"/szukaj/?{query}")

    assert response.status_code == 400
    assert "Nie można obsłużyć żądania" in response.content.decode()
