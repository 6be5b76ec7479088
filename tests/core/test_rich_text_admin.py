"""Every text a public page renders as HTML is written in the admin's rich-text editor (core.rich_text)."""

import re

import pytest
from django.urls import reverse

from core.html import plain_text_html, sanitise_html

# (admin page, the fields that get the editor)
RICH_TEXT_FIELDS = [
    ("admin:press_pressrelease_add", ["body", "body_en"]),
    ("admin:press_pressconference_add", ["materials"]),
    ("admin:events_event_add", ["description"]),
    ("admin:core_staticpage_add", ["body"]),
    ("admin:core_informationclause_add", ["text"]),
    ("admin:grants_grantcall_add", ["rules", "previous_year_info"]),
    ("admin:press_lettertemplate_add", ["text"]),
    ("admin:press_occasionalletter_add", ["text"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "fields"), RICH_TEXT_FIELDS)
def test_the_admin_form_writes_its_public_texts_in_the_editor(clerk_client, url_name, fields):
    client = clerk_client(is_superuser=True)

    page = client.get(reverse(url_name)).content.decode()

    for field in fields:
        textarea = re.search(rf'<textarea[^>]*name="{field}"[^>]*>', page)
        assert textarea, field
        assert "data-django-prose-editor-configurable=" in textarea.group(0), field
        assert "data-rich-text-labels=" in textarea.group(0), field
    assert re.search(r'<script src="/static/core/rich_text.js" nonce="[^"]+" type="module">', page)
    assert re.search(r'<script src="/static/django_prose_editor/configurable.js" nonce="[^"]+" type="module">', page)


@pytest.mark.django_db
def test_plain_text_fields_stay_plain_textareas(clerk_client):
    """A static page's lead is shown as plain text on the public page: no editor, so no markup goes into it."""
    client = clerk_client(is_superuser=True)

    page = client.get(reverse("admin:core_staticpage_add")).content.decode()

    lead = re.search(r'<textarea[^>]*name="lead"[^>]*>', page).group(0)
    assert "data-django-prose-editor" not in lead


def test_plain_text_becomes_escaped_paragraphs_with_its_line_breaks():
    """What the data migrations of fields moving to the editor do to the stored plain text."""
    text = "Zasady:\r\n1. Oferty <w terminie> & kompletne\n\n\nDruga część\nciąg dalszy\n"
    assert plain_text_html(text) == (
        "<p>Zasady:<br>1. Oferty &lt;w terminie&gt; &amp; kompletne</p><p>Druga część<br>ciąg dalszy</p>"
    )
    assert plain_text_html("Jedno zdanie.") == "<p>Jedno zdanie.</p>"
    assert plain_text_html("") == ""
    assert sanitise_html(plain_text_html(text)) == plain_text_html(text)  # the field keeps it as it is
