"""Public images: checked by content, stripped of EXIF, served in WebP and JPEG widths with alt text."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from PIL import Image

from core.models import PublicImage
from core.public_images import public_image_create

SITE = "Redakcja portalu"


def jpeg_with_gps(width=2000, height=1200):
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {2: (50.0, 17.0, 0.0)}  # GPSInfo: latitude
    exif[0x010F] = "Aparat Radnego"  # Make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.django_db
def test_image_is_stored_without_exif_and_with_renditions():
    upload = SimpleUploadedFile("zdjecie.jpg", jpeg_with_gps(), content_type="image/jpeg")
    image = public_image_create(uploaded_file=upload, alt_text="Orkiestra na scenie MCK", acting_user=None)
    with default_storage.open(image.image.name) as stored:
        assert not Image.open(stored).getexif()
    assert "zdjecie" not in image.image.name
    widths = sorted({(r["format"], r["width"]) for r in image.renditions})
    assert widths == [("jpg", 480), ("jpg", 960), ("jpg", 1600), ("webp", 480), ("webp", 960), ("webp", 1600)]
    for rendition in image.renditions:
        assert default_storage.exists(rendition["name"])


@pytest.mark.django_db
def test_picture_tag_renders_webp_first_with_a_jpeg_fallback_and_alt_text():
    upload = SimpleUploadedFile("a.jpg", jpeg_with_gps(800, 600), content_type="image/jpeg")
    image = public_image_create(uploaded_file=upload, alt_text="Scena plenerowa", acting_user=None)
    html = Template("{% load core_images %}{% picture image '50vw' %}").render(Context({"image": image}))
    assert html.index('type="image/webp"') < html.index("<img")
    assert 'alt="Scena plenerowa"' in html
    assert "480w" in html
    assert 'width="800"' in html


@pytest.mark.django_db
def test_image_without_alt_text_is_refused():
    upload = SimpleUploadedFile("a.jpg", jpeg_with_gps(100, 100), content_type="image/jpeg")
    with pytest.raises(ValidationError, match="Opisz, co przedstawia obraz"):
        public_image_create(uploaded_file=upload, alt_text="   ", acting_user=None)
    assert not PublicImage.objects.exists()


@pytest.mark.django_db
def test_bad_file_in_the_admin_gets_a_polish_message_not_a_500(clerk_client):
    client = clerk_client(groups=[SITE])
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")
    for content in (b"<html><script>alert(1)</script></html>", bomb.getvalue()):
        response = client.post(
            "/admin/core/publicimage/add/",
            {"alt_text": "Plakat", "upload": SimpleUploadedFile("plakat.png", content, content_type="image/png")},
        )
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
    assert not PublicImage.objects.exists()


@pytest.mark.django_db
def test_clerk_adds_an_image_in_the_admin(clerk_client):
    client = clerk_client(groups=[SITE])
    response = client.post(
        "/admin/core/publicimage/add/",
        {
            "alt_text": "Dożynki w Halembie",
            "upload": SimpleUploadedFile("x.jpg", jpeg_with_gps(600, 400), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302
    image = PublicImage.objects.get()
    assert (image.alt_text, image.width, image.height, image.uploaded_by) == (
        "Dożynki w Halembie",
        600,
        400,
        client.clerk,
    )


def stored_files(settings) -> set[str]:
    return {os.path.join(top, name) for top, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names}


@pytest.mark.django_db
def test_the_admins_add_form_checks_the_file_but_stores_nothing_until_the_admin_saves(make_clerk, rf, settings):
    """Validating the form writes no file and no record; the form class is never changed for one request."""
    from django.contrib import admin

    from core.admin import PublicImageForm

    request = rf.get("/")
    request.user = make_clerk(groups=[SITE])
    before = stored_files(settings)
    form_class = admin.site._registry[PublicImage].get_form(request)
    assert issubclass(form_class, PublicImageForm)
    assert not hasattr(PublicImageForm, "acting_user")
    upload = SimpleUploadedFile("x.jpg", jpeg_with_gps(600, 400), content_type="image/jpeg")
    form = form_class({"alt_text": "Plakat"}, {"upload": upload})
    assert form.is_valid(), form.errors
    assert not PublicImage.objects.exists()
    assert stored_files(settings) == before
