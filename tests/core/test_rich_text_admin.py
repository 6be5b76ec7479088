"""Every text a public page renders as HTML is written in the admin's rich-text editor (core.rich_text)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# (admin page, the fields that get the editor)
RICH_TEXT_FIELDS = [
    ("admin:press_pressrelease_add", ["body", "body_en"]),
    ("admin:press_pressconference_add", ["materials"]),
    ("admin:events_event_add", ["description"]),
    ("admin:core_staticpage_add", ["body"]),
    ("admin:core_informationclause_add", ["text"]),
]


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


def test_plain_text_fields_stay_plain_textareas(clerk_client):
    """A static page's lead is shown as plain text on the public page: no editor, so no markup goes into it."""
    client = clerk_client(is_superuser=True)

    page = client.get(reverse("admin:core_staticpage_add")).content.decode()

    lead = re.search(r'<textarea[^>]*name="lead"[^>]*>', page).group(0)
    assert "data-django-prose-editor" not in lead
