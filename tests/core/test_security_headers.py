"""Every response carries the security headers the city's pages must have."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/wydzial/", "/opinia/", "/nie-ma-takiej-strony/"])
def test_public_pages_send_strict_security_headers(client, path):
    """CSP without unsafe-inline, no framing, nosniff and a referrer policy on public pages."""
    response = client.get(path, secure=True)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_anonymous_reading_sets_no_cookie(client):
    """Reading public pages sets no cookie at all: no session, no tracker, no language cookie."""
    for path in ["/", "/wydzial/", "/en/", "/szukaj/?q=kultura"]:
        response = client.get(path)
        assert response.cookies == {} or all(not c.value for c in response.cookies.values()), path


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style(client):
    """Public HTML has no inline <script> or style attribute, so the CSP needs no 'unsafe-inline'."""
    body = client.get("/wydzial/").content.decode()
    assert '<h1 class="page__title">' in body
    assert "<script>" not in body
    assert "<style" not in body
    assert ' style="' not in body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/opinia/", "/nie-ma-takiej-strony/", "/admin/login/"])
def test_pages_refuse_the_browser_features_the_portal_does_not_use(client, path):
    """Camera, microphone, geolocation, payment and the rest are off for the page and anything it embeds."""
    policy = client.get(path, secure=True)["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen", "browsing-topics"):
        assert features[feature] == "()"
    assert set(features.values()) == {"()"}
