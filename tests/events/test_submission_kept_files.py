"""An image accepted on a send that comes back with an error is kept: the organiser does not choose it again."""

from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import EventSubmission
from tests.core import upload_corpus as corpus
from tests.events.test_submission import URL, submission_data, venue  # noqa: F401 — fixtures
from tests.helpers import kept_files_token


def test_an_accepted_image_is_kept_and_reaches_the_case(client, submission_data):  # noqa: F811
    image = SimpleUploadedFile("plakat.png", corpus.png_bytes(), content_type="image/png")
    first = client.post(URL, {**submission_data(title=""), "image": image, "image_alt_text": "Plakat koncertu"})
    assert first.status_code == 200
    assert "title" in first.context["form"].errors
    token = kept_files_token(first, "plakat.png")

    again = client.post(URL, {**submission_data(), "image_alt_text": "Plakat koncertu", "kept_files": token})
    assert again.status_code == 302
    submission = EventSubmission.objects.select_related("image_document").get()
    assert submission.image_document.original_name == "plakat.png"
    assert submission.image_alt_text == "Plakat koncertu"
