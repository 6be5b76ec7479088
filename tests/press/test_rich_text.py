"""A release's text is written in the admin's rich-text editor: what is pasted into it is cleaned on the server, what
it formats shows on the public page, and the editor runs under the admin's CSP without 'unsafe-inline'."""

import re

import pytest
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions

from core.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from core.rich_text import EXTENSIONS
from press.models import PressRelease
from tests.helpers import form_data
from tests.press.factories import PRESS_GROUP, PressReleaseFactory

pytestmark = pytest.mark.django_db

PASTED = (
    '<h2 onclick="steal()">Program</h2>'
    "<script>alert('x')</script>"
    '<p>Wstęp <strong>wolny</strong>, <a href="javascript:alert(1)">kliknij</a> lub '
    '<a href="https://www.rudaslaska.pl/program" onmouseover="steal()">zobacz program</a>.</p>'
    '<ul><li>Muzeum Miejskie</li><li style="color:red">Dom Kultury</li></ul>'
)


def save_body(client, release, body):
    url = reverse("admin:press_pressrelease_change", args=[release.pk])
    data = form_data(client.get(url), form_id="pressrelease_form")
    data.update(body=body, _continue="1")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    release.refresh_from_db()
    return release


def test_a_pasted_script_handler_and_javascript_link_are_removed_and_the_rest_is_kept(clerk_client):
    release = PressReleaseFactory(title="Noc Muzeów")
    client = clerk_client(groups=[PRESS_GROUP])

    release = save_body(client, release, PASTED)

    assert "script" not in release.body
    assert "alert" not in release.body
    assert "onclick" not in release.body
    assert "onmouseover" not in release.body
    assert "javascript:" not in release.body
    assert "style=" not in release.body
    public = client.get(reverse("press:release_detail", args=[release.slug])).content.decode()
    body = public[public.index('class="rich-text release__body"') :]
    body = body[: body.index("</div>")]
    assert "<h2>Program</h2>" in body
    assert "<strong>wolny</strong>" in body
    assert '<a href="https://www.rudaslaska.pl/program" rel="noopener noreferrer">zobacz program</a>' in body
    assert "<ul><li>Muzeum Miejskie</li><li>Dom Kultury</li></ul>" in body
    assert '<a rel="noopener noreferrer">kliknij</a>' in body  # the text stays, the javascript: target goes
    assert "<script" not in public.split("</main>")[0].split("<main")[1]


def test_markup_the_editor_writes_is_stored_and_rendered_unchanged(clerk_client):
    """What the editor produces (its own HTML for headings, bold, links and lists) passes the guard untouched."""
    release = PressReleaseFactory(title="Dni Rudy")
    client = clerk_client(groups=[PRESS_GROUP])
    written = (
        "<h2>Program</h2><p><strong>Wstęp wolny</strong> i <em>parking</em>: "
        '<a href="https://www.rudaslaska.pl/" rel="noopener noreferrer">strona miasta</a>.</p>'
        "<ul><li><p>Koncerty</p></li><li><p>Warsztaty</p></li></ul>"
        "<blockquote><p>Zapraszamy!</p></blockquote><h3>Dojazd</h3><ol><li><p>Tramwaj 1</p></li></ol>"
    )

    release = save_body(client, release, written)

    assert release.body == written
    public = client.get(reverse("press:release_detail", args=[release.slug])).content.decode()
    assert written in public


def test_the_editor_offers_only_what_the_server_keeps():
    """Every tag and attribute the toolbar can produce is one `core.html` allows, so an edit never loses markup
    silently on save; `target` and `rel` are the library's defaults we do not keep (rel is set by nh3)."""
    allowed = allowlist_from_extensions(EXTENSIONS)
    assert set(allowed["tags"]) <= ALLOWED_TAGS
    for tag, attributes in allowed["attributes"].items():
        kept = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        dropped = set(attributes) - kept - {"start", "type", "data-type"}
        assert not dropped, (tag, dropped)
    assert {"h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote"} <= set(allowed["tags"])
    assert "h1" not in allowed["tags"]


def test_the_release_page_loads_the_editor_from_our_origin_under_a_csp_without_unsafe_inline(clerk_client):
    release = PressReleaseFactory(status=PressRelease.Status.DRAFT)
    client = clerk_client(groups=[PRESS_GROUP])

    response = client.get(reverse("admin:press_pressrelease_change", args=[release.pk]))

    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    page = response.content.decode()
    assert re.search(r'<textarea[^>]+name="body"[^>]+data-django-prose-editor-configurable=', page)
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    editor_scripts = [src for src in scripts if "django_prose_editor" in src]
    assert any(src.endswith("configurable.js") for src in editor_scripts)
    assert all(src.startswith("/static/") for src in editor_scripts), editor_scripts
    styles = re.findall(r'<link[^>]*href="([^"]*django_prose_editor[^"]+)"', page)
    assert styles
    assert all(href.startswith("/static/") for href in styles), styles
    # The only inline script the editor needs, its import map, carries this response's nonce.
    importmap = re.search(r'<script type="importmap"([^>]*)>(.*?)</script>', page, re.DOTALL)
    assert f'nonce="{nonce}"' in importmap.group(1)
    assert "/static/django_prose_editor/editor.js" in importmap.group(2)
