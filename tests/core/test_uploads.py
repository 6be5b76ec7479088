import io
import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile, PngImagePlugin

from core import uploads
from core.uploads import (
    IMAGE_KINDS,
    MultipleValidatedFileField,
    UploadValidator,
    ValidatedFile,
    ValidatedFileField,
    make_renditions,
    random_upload_name,
    sanitise_original_name,
    sniff_kind,
    validate_upload,
)
from tests.core import upload_corpus as corpus

BAD = corpus.bad_samples()
GOOD = corpus.good_samples()
STORED_NAME = re.compile(r"^\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|jpg|png|webp)$")


class DocumentForm(forms.Form):
    document = ValidatedFileField()


class PhotoForm(forms.Form):
    photo = ValidatedFileField(allowed_kinds=IMAGE_KINDS, max_bytes=2 * 1024 * 1024)


class AttachmentsForm(forms.Form):
    attachments = MultipleValidatedFileField(required=False)


def bind(form_class, **files):
    return form_class(data={}, files=MultiValueDict(files))


def cleaned(form_class, field, upload):
    form = bind(form_class, **{field: [upload]})
    assert form.is_valid(), form.errors
    return form.cleaned_data[field]


def single_error(form, field):
    errors = form.errors.as_data()[field]
    assert len(errors) == 1
    return errors[0]


def message_of(error: ValidationError) -> str:
    return next(iter(error))


def open_image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# THE CORPUS THROUGH A REAL FORM
# ------------------------------------------------------------------------------
@pytest.mark.parametrize("sample", BAD, ids=[sample.id for sample in BAD])
def test_bad_file_is_refused_with_its_code_and_a_message_naming_it(sample):
    assert translation.get_language() == "pl"
    form = bind(DocumentForm, document=[sample.upload()])

    assert not form.is_valid()
    error = single_error(form, "document")
    assert error.code == sample.code
    message = message_of(error)
    assert message.strip()
    assert sample.name in message
    assert "%(" not in message


def test_no_bad_file_of_the_corpus_is_accepted():
    accepted = [sample.id for sample in BAD if bind(DocumentForm, document=[sample.upload()]).is_valid()]
    assert accepted == []


@pytest.mark.parametrize("sample", GOOD, ids=[sample.id for sample in GOOD])
def test_good_file_is_accepted_with_kind_from_content_and_random_name(sample):
    form = bind(DocumentForm, document=[sample.upload()])

    assert form.is_valid(), form.errors
    stored = form.cleaned_data["document"]
    assert isinstance(stored, ValidatedFile)
    assert stored.upload.kind == sample.kind
    assert stored.content_type == uploads.KIND_MIME_TYPES[sample.kind]
    assert STORED_NAME.match(stored.name)
    assert stored.name.endswith("." + uploads.KIND_EXTENSIONS[sample.kind])
    assert sample.name not in stored.name
    assert stored.upload.original_name == sample.name
    assert stored.upload.original_size == len(sample.content)
    assert stored.size == stored.upload.size == len(stored.upload.content)
    assert sniff_kind(stored.upload.content) == sample.kind


def test_jpeg_declared_as_png_and_named_pdf_is_classified_by_content():
    sample = next(sample for sample in GOOD if sample.id == "jpeg-declared-png-named-pdf")
    stored = cleaned(DocumentForm, "document", sample.upload())

    assert stored.upload.kind == "jpeg"
    assert stored.upload.mime_type == "image/jpeg"
    assert stored.name.endswith(".jpg")


def test_pdf_is_stored_as_sent():
    pdf = corpus.valid_pdf()
    stored = cleaned(DocumentForm, "document", SimpleUploadedFile("a.pdf", pdf))

    assert stored.upload.content == pdf
    assert stored.upload.width is None


# IMAGES
# ------------------------------------------------------------------------------
@pytest.mark.parametrize("sample", [s for s in GOOD if s.kind != "pdf"], ids=lambda s: s.id)
def test_images_are_re_encoded_never_stored_as_sent(sample):
    upload = validate_upload(sample.upload())

    assert b"secret" not in upload.content
    assert b"<script>" not in upload.content
    image = open_image(upload.content)
    assert (image.width, image.height) == (upload.width, upload.height)
    assert not image.getexif()
    assert not {"exif", "icc_profile", "xmp", "comment", "dpi"} & set(image.info)


def test_png_polyglot_loses_its_payload_and_metadata_chunks():
    original = corpus.png_with_metadata_and_payload()
    assert b"<script>" in original
    assert b"secret author" in original

    upload = validate_upload(SimpleUploadedFile("plakat.png", original))

    assert upload.content != original
    assert upload.content.endswith(b"IEND\xaeB`\x82")
    assert b"<script>" not in upload.content
    assert b"secret" not in upload.content
    assert not open_image(upload.content).text


def test_exif_gps_is_dropped_and_orientation_applied():
    original = open_image(corpus.jpeg_with_gps(orientation=6))
    assert original.getexif().get_ifd(0x8825)  # the corpus file really carries GPS data
    assert original.size == (40, 20)

    upload = validate_upload(SimpleUploadedFile("IMG_0001.JPG", corpus.jpeg_with_gps(orientation=6)))

    assert b"Exif" not in upload.content
    assert b"secret comment" not in upload.content
    image = open_image(upload.content)
    assert not image.getexif()
    assert "exif" not in image.info
    assert (upload.width, upload.height) == image.size == (20, 40)


@pytest.mark.parametrize("sample_id", ["truncated-jpeg", "truncated-png", "truncated-webp"])
def test_truncated_images_are_refused_even_when_pillow_is_told_to_load_them(monkeypatch, sample_id):
    # WeasyPrint switches this process-wide flag on when it is imported.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    sample = next(sample for sample in BAD if sample.id == sample_id)

    with pytest.raises(ValidationError) as caught:
        validate_upload(sample.upload())
    assert caught.value.code == "image_damaged"


def test_png_bomb_is_small_and_refused_before_any_pixel_is_decoded(monkeypatch):
    bomb = corpus.png_bomb()
    assert len(bomb) < 100 * 1024
    with PngImagePlugin.PngImageFile(io.BytesIO(bomb)) as header_only:
        assert header_only.size == (12_000, 12_000)

    def forbidden(*args, **kwargs):
        raise AssertionError("the bomb was decoded")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", forbidden)
    monkeypatch.setattr(PngImagePlugin.PngImageFile, "verify", forbidden)
    form = bind(PhotoForm, photo=[SimpleUploadedFile("bomb.png", bomb, content_type="image/png")])

    assert not form.is_valid()
    error = single_error(form, "photo")
    assert error.code == "image_too_large"
    assert error.params["width"] == error.params["height"] == 12_000
    assert "40" in message_of(error)


def test_pixel_limit_is_configurable():
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile("a.png", corpus.png_bytes((100, 100))), max_pixels=9_999)
    assert caught.value.code == "image_too_large"
    assert validate_upload(SimpleUploadedFile("a.png", corpus.png_bytes((100, 100))), max_pixels=10_000).width == 100


def test_alpha_and_palette_pngs_keep_their_transparency_and_palette():
    alpha = validate_upload(SimpleUploadedFile("a.png", corpus.png_bytes(mode="RGBA")))
    palette = validate_upload(SimpleUploadedFile("p.png", corpus.png_bytes(mode="P")))

    assert open_image(alpha.content).mode == "RGBA"
    assert open_image(palette.content).mode == "P"


def test_cmyk_jpeg_becomes_rgb():
    upload = validate_upload(SimpleUploadedFile("c.jpg", corpus.encode(corpus.picture(mode="CMYK"), "JPEG")))
    assert open_image(upload.content).mode == "RGB"


def test_sixteen_bit_grey_png_is_scaled_not_clipped():
    image = Image.new("I;16", (2, 1))
    image.putpixel((0, 0), 65535)
    image.putpixel((1, 0), 32768)
    upload = validate_upload(SimpleUploadedFile("g.png", corpus.encode(image, "PNG")))

    result = open_image(upload.content)
    assert result.mode == "L"
    assert [result.getpixel((0, 0)), result.getpixel((1, 0))] == [255, 128]


def test_photo_field_refuses_a_pdf_by_content_and_says_what_is_accepted():
    form = bind(PhotoForm, photo=[SimpleUploadedFile("photo.jpg", corpus.valid_pdf(), content_type="image/jpeg")])

    error = single_error(form, "photo")
    assert error.code == "file_type"
    assert error.params["kind"] == "PDF"
    assert error.params["kinds"] == "JPEG, PNG, WebP"
    assert "JPEG, PNG, WebP" in message_of(error)


# SIZE AND COUNT
# ------------------------------------------------------------------------------
def test_size_limit_uses_bytes_read_when_declared_size_lies():
    upload = SimpleUploadedFile("a.pdf", corpus.valid_pdf(padding=5000))
    upload.size = 10
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload, max_bytes=1000)
    assert caught.value.code == "file_too_large"


def test_size_limit_message_gives_both_sizes():
    form = bind(PhotoForm, photo=[SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (3 * 1024 * 1024))])

    error = single_error(form, "photo")
    assert error.code == "file_too_large"
    assert "3,0" in error.params["size"]
    assert "2,0" in error.params["max_size"]


def test_too_many_files_are_refused_before_reading_them():
    files = [SimpleUploadedFile(f"p{number}.png", corpus.png_bytes()) for number in range(6)]
    form = bind(AttachmentsForm, attachments=files)

    assert not form.is_valid()
    error = single_error(form, "attachments")
    assert error.code == "too_many_files"
    assert error.params == {"max": 5, "count": 6}
    message = message_of(error)
    assert "5" in message
    assert "6" in message


def test_several_good_files_give_a_list_of_validated_files():
    files = [
        SimpleUploadedFile("a.png", corpus.png_bytes()),
        SimpleUploadedFile("b.pdf", corpus.valid_pdf()),
        SimpleUploadedFile("c.webp", corpus.webp_bytes()),
    ]
    form = bind(AttachmentsForm, attachments=files)

    assert form.is_valid(), form.errors
    kinds = [stored.upload.kind for stored in form.cleaned_data["attachments"]]
    assert kinds == ["png", "pdf", "webp"]
    assert len({stored.name for stored in form.cleaned_data["attachments"]}) == 3


def test_every_bad_file_among_several_is_reported_by_name():
    files = [
        SimpleUploadedFile("dobry.png", corpus.png_bytes()),
        SimpleUploadedFile("strona.png", b"<html></html>"),
        SimpleUploadedFile("pusty.pdf", b""),
    ]
    form = bind(AttachmentsForm, attachments=files)

    assert not form.is_valid()
    errors = form.errors.as_data()["attachments"]
    assert [error.code for error in errors] == ["file_type", "empty"]
    messages = form.errors["attachments"]
    assert "strona.png" in messages[0]
    assert "pusty.pdf" in messages[1]


def test_optional_multiple_field_without_files_is_an_empty_list_and_required_one_says_so():
    form = bind(AttachmentsForm)
    assert form.is_valid()
    assert form.cleaned_data["attachments"] == []

    class RequiredForm(forms.Form):
        attachments = MultipleValidatedFileField(max_files=2)

    assert single_error(bind(RequiredForm), "attachments").code == "required"


def test_optional_single_field_without_file_is_none():
    class OptionalForm(forms.Form):
        document = ValidatedFileField(required=False)

    form = bind(OptionalForm)
    assert form.is_valid()
    assert form.cleaned_data["document"] is None


def test_unchanged_initial_file_passes_through():
    field = ValidatedFileField()
    initial = ContentFile(b"not even checked", name="2026/01/old.pdf")
    assert field.clean(None, initial) is initial


# FIELD SET-UP
# ------------------------------------------------------------------------------
def test_widgets_hint_the_accepted_types_and_multiple_selection():
    photo_html = str(PhotoForm()["photo"])
    assert 'accept="image/jpeg,.jpg,.jpeg,image/png,.png,image/webp,.webp"' in photo_html
    attachments_html = str(AttachmentsForm()["attachments"])
    assert "multiple" in attachments_html
    assert "application/pdf" in attachments_html


@pytest.mark.parametrize("kinds", [(), ("gif",), ("pdf", "exe")])
def test_unknown_kinds_are_a_programming_error(kinds):
    with pytest.raises(ValueError, match="allowed_kinds"):
        ValidatedFileField(allowed_kinds=kinds)


def test_upload_validator_refuses_like_the_field_and_deconstructs():
    validator = UploadValidator(allowed_kinds=("pdf",))
    validator(SimpleUploadedFile("a.pdf", corpus.valid_pdf()))
    with pytest.raises(ValidationError) as caught:
        validator(SimpleUploadedFile("a.pdf", corpus.pdf_with_javascript()))
    assert caught.value.code == "pdf_active_content"

    path, args, kwargs = validator.deconstruct()
    assert path == "core.uploads.UploadValidator"
    assert UploadValidator(*args, **kwargs) == validator


def test_validated_file_can_be_saved_to_private_storage():
    stored = cleaned(DocumentForm, "document", SimpleUploadedFile("../../etc/passwd.png", corpus.png_bytes()))
    storage = storages["private"]

    name = storage.save(stored.name, stored)

    assert name == stored.name
    assert STORED_NAME.match(name)
    with storage.open(name) as saved:
        assert saved.read() == stored.upload.content
    assert stored.upload.original_name == "passwd.png"


# NAMES
# ------------------------------------------------------------------------------
def test_random_upload_name_uses_the_local_date_and_the_sniffed_extension():
    moment = timezone.make_aware(timezone.datetime(2026, 11, 30, 23, 30), timezone.get_fixed_timezone(0))

    first = random_upload_name("jpeg", now=moment)
    second = random_upload_name("jpeg", now=moment)

    assert first.startswith("2026/12/")  # 23:30 UTC is already December in Warsaw
    assert first.endswith(".jpg")
    assert STORED_NAME.match(first)
    assert first != second
    assert random_upload_name("pdf").endswith(".pdf")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("wniosek.pdf", "wniosek.pdf"),
        ("C:\\Users\\Jan\\Pulpit\\wniosek.pdf", "wniosek.pdf"),
        ("../../etc/passwd", "passwd"),
        ("zdj\u0119cie\x00\x1b[31m.jpg", "zdjęcie[31m.jpg"),
        ("faktura\u202efdp.exe", "fakturafdp.exe"),
        ("  .htaccess ", "htaccess"),
        ("line\nbreak\u2028name.png", "line break name.png"),
        ("\x00\x01", ""),
        (None, ""),
        ("zdjecie\u0301.png", "zdjecié.png"),
    ],
)
def test_sanitise_original_name(raw, expected):
    assert sanitise_original_name(raw) == expected


def test_sanitise_original_name_caps_length_and_keeps_the_extension():
    assert sanitise_original_name("a" * 300 + ".pdf") == "a" * 116 + ".pdf"
    assert len(sanitise_original_name("b" * 300)) == 120


# RENDITIONS
# ------------------------------------------------------------------------------
def test_renditions_give_webp_and_jpeg_per_width():
    renditions = make_renditions(corpus.jpeg_bytes((2000, 1000)))

    assert [(rendition.width, rendition.format) for rendition in renditions] == [
        (480, "webp"),
        (480, "jpeg"),
        (960, "webp"),
        (960, "jpeg"),
        (1600, "webp"),
        (1600, "jpeg"),
    ]
    for width, image_format, content in renditions:
        image = open_image(content)
        assert image.format == image_format.upper()
        assert image.size == (width, width // 2)
        assert not image.getexif()


def test_renditions_never_upscale():
    renditions = make_renditions(corpus.png_bytes((700, 350)))
    assert sorted({rendition.width for rendition in renditions}) == [480, 700]


def test_renditions_of_transparent_png_have_a_white_jpeg_fallback():
    image = Image.new("RGBA", (600, 300), (0, 0, 0, 0))
    renditions = make_renditions(corpus.encode(image, "PNG"), widths=(300,))

    jpeg = next(content for _, image_format, content in renditions if image_format == "jpeg")
    webp = next(content for _, image_format, content in renditions if image_format == "webp")
    assert open_image(jpeg).convert("RGB").getpixel((10, 10)) == (255, 255, 255)
    assert open_image(webp).mode == "RGBA"


@pytest.mark.parametrize("data", [b"", b"<html>", corpus.valid_pdf(), corpus.png_bomb()])
def test_renditions_refuse_what_is_not_a_readable_image(data):
    with pytest.raises(ValueError, match="renditions|unreadable"):
        make_renditions(data)


# FUZZING: ONLY ValidationError, NEVER A CRASH
# ------------------------------------------------------------------------------
_MAGIC_PREFIXES = [b"", b"%PDF-", b"%PDF-1.7\n", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF\x00\x00\x00\x00WEBP"]
_SEEDS = [corpus.jpeg_bytes(), corpus.png_bytes(), corpus.webp_bytes(), corpus.valid_pdf(), corpus.jpeg_with_gps()]
_FUZZ = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _validate_or_refuse(data: bytes) -> None:
    """Accept or refuse with a ValidationError; any other exception fails the test."""
    refusal = upload = None
    try:
        upload = validate_upload(SimpleUploadedFile("fuzz.bin", data), max_bytes=64 * 1024)
    except ValidationError as error:
        refusal = error
    if refusal is not None:
        assert refusal.code
        assert message_of(refusal)
    else:
        assert upload.kind in uploads.KNOWN_KINDS
        assert sniff_kind(upload.content) == upload.kind


@_FUZZ
@given(prefix=st.sampled_from(_MAGIC_PREFIXES), tail=st.binary(max_size=2048))
def test_random_bytes_never_crash_the_validator(prefix, tail):
    _validate_or_refuse(prefix + tail)


@_FUZZ
@given(
    seed=st.sampled_from(_SEEDS),
    cut=st.integers(min_value=0, max_value=100_000),
    flips=st.lists(st.tuples(st.integers(min_value=0, max_value=100_000), st.integers(1, 255)), max_size=8),
)
def test_damaged_real_files_never_crash_the_validator(seed, cut, flips):
    data = bytearray(seed[: max(1, cut)] if cut < len(seed) else seed)
    for position, mask in flips:
        data[position % len(data)] ^= mask
    _validate_or_refuse(bytes(data))
