"""An image accepted with changes that come back with an error is kept for the next send of the changes."""

from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import EventSubmission
from tests.events.test_submission_changes import (  # noqa: F401 — fixtures
    asked,
    changed_data,
    changes_url,
    clerk,
    png_bytes,
    submission,
    venue,
)
from tests.helpers import kept_files_token


def test_an_accepted_image_is_kept_and_reaches_the_case(asked, client):  # noqa: F811
    image = SimpleUploadedFile("plakat.png", png_bytes(), content_type="image/png")
    first = client.post(
        changes_url(asked), changed_data(client, asked, title="", image=image, image_alt_text="Chór w kościele")
    )
    assert first.status_code == 200
    assert "title" in first.context["form"].errors
    token = kept_files_token(first, "plakat.png")

    data = changed_data(client, asked, title="Koncert kolęd i pastorałek", image_alt_text="Chór w kościele")
    assert client.post(changes_url(asked), {**data, "kept_files": token}).status_code == 302
    asked = EventSubmission.objects.select_related("image_document").get()
    assert asked.image_document.original_name == "plakat.png"
