"""The "Prześlij opinię" form: clear Polish errors, protection against bots and floods, a case mark."""

import pytest
from django.conf import settings
from django.urls import reverse

from core.models import Feedback, InformationClause, StatusChange
from core.public_forms import HONEYPOT_FIELD
from tests.helpers import public_form_data, started_seconds_ago

URL = "/opinia/"


def post(client, **fields):
    return client.post(URL, public_form_data(**fields))


@pytest.mark.django_db
def test_form_is_linked_from_every_page_with_the_page_address(client):
    """The footer of every page links to the form, naming the page the opinion is about."""
    for path in ["/", "/wydzial/", "/szukaj/"]:
        assert f'href="/opinia/?strona={path}"' in client.get(path).content.decode()
    response = client.get(URL + "?strona=/wydzial/")
    assert 'value="/wydzial/"' in response.content.decode()


@pytest.mark.django_db
def test_valid_opinion_opens_a_case_and_shows_its_mark(client):
    """A valid opinion is stored as a case with a mark, the clause version shown, and one history row."""
    response = post(client, message="Brakuje godzin otwarcia muzeum.", page_path="/wydzial/?imie=Jan")
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.case_mark.startswith("KSP.0005.")
    assert feedback.page_path == "/wydzial/"  # the query string (possible personal data) is dropped
    assert feedback.info_clause == InformationClause.objects.get(form_key="core.feedback", version=1)
    assert StatusChange.objects.filter(object_id=feedback.pk, action="core.feedback.open").count() == 1
    confirmation = client.get(response["Location"])
    assert feedback.case_mark in confirmation.content.decode()
    assert confirmation["X-Robots-Tag"] == "noindex, nofollow"
    assert confirmation["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_empty_opinion_gets_a_polish_message_and_stores_nothing(client):
    response = post(client, message="   ")
    assert response.status_code == 200
    assert "Napisz swoją opinię." in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_100_kb_of_text_is_refused_with_the_limit_named(client):
    response = post(client, message="ą" * 100_000)
    assert response.status_code == 200
    assert "5000" in response.content.decode() or "5 000" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_control_characters_are_refused(client):
    response = post(client, message="Dzień dobry\x1b[31m\x07")
    assert response.status_code == 200
    assert "znaki sterujące" in response.content.decode()
    response = post(client, message="Dzień dobry\x00")
    assert "Znaki null są niedozwolone" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_script_is_kept_as_plain_text_and_never_executed(client, clerk_client):
    """A <script> in an opinion is stored as text and escaped wherever it is shown."""
    response = post(client, message='<script>alert("x")</script> Dobra strona')
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    tracking = client.get(response["Location"].replace("potwierdzenie/", "")).content.decode()
    assert feedback.case_mark in tracking
    assert "<script>alert" not in tracking
    assert feedback.message.startswith("<script>")
    # The clerk reads the opinion in the admin: there it is shown, as text.
    editor = clerk_client(groups=["Redakcja portalu"])
    shown = editor.get(reverse("admin:core_feedback_change", args=[feedback.pk])).content.decode()
    assert "&lt;script&gt;alert" in shown
    assert "<script>alert" not in shown


@pytest.mark.django_db
def test_invalid_email_gets_a_polish_message(client):
    response = post(client, message="Opinia", contact_email="jan@")
    assert "Podaj poprawny adres e-mail" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_filled_honeypot_pretends_success_and_stores_nothing(client):
    response = client.post(URL, public_form_data(message="Kup tanie buty", **{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 302
    assert response["Location"] == "/sprawy/przyjeto/"
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_form_sent_too_fast_asks_to_wait(client):
    data = public_form_data(message="Szybka opinia")
    data["form_started"] = started_seconds_ago(0)
    response = client.post(URL, data)
    assert "zbyt szybko" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_forged_time_stamp_is_refused(client):
    data = public_form_data(message="Opinia")
    data["form_started"] = "1700000000.0"
    response = client.post(URL, data)
    assert response.status_code == 200
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_flood_of_posts_gets_429_after_the_limit(client):
    """Posts over the per-client limit get 429 with a Polish page; the earlier ones are kept."""
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    statuses = [post(client, message=f"Opinia {n}").status_code for n in range(limit + 3)]
    assert statuses[:limit] == [302] * limit
    assert statuses[limit:] == [429] * 3
    assert Feedback.objects.count() == limit
    assert "Zbyt wiele prób" in post(client, message="Jeszcze jedna").content.decode()


@pytest.mark.django_db
def test_double_submit_opens_one_case(client):
    """Sending the same form twice (double click, back button) opens one case and shows it twice."""
    data = public_form_data(message="Opinia wysłana dwa razy")
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first["Location"] == second["Location"]
    assert Feedback.objects.count() == 1
