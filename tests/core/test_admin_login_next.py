"""The admin's sign-in with an unsafe `next` (another host, `//host`, `javascript:`) lands on the admin's index:
never on the other host, never on a 404. Issue 13, point 10."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import CLERK_PASSWORD
from tests.core.test_clerk_auth import code_for


@pytest.mark.parametrize(
    "unsafe_next",
    [
        "https://evil.example/admin/",
        "//evil.example/",
        "///evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example\\",
        "https:evil.example",
    ],
)
def test_an_unsafe_next_lands_on_the_admin_index(client, make_clerk, unsafe_next):
    clerk = make_clerk(username="a.zielinska")
    device = TOTPDevice.objects.get(user=clerk)
    login = reverse("admin:login")

    response = client.post(
        f"{login}?next={unsafe_next}",
        {"username": "a.zielinska", "password": CLERK_PASSWORD, "otp_token": code_for(device), "next": unsafe_next},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_a_safe_next_is_still_followed(client, make_clerk):
    clerk = make_clerk(username="a.zielinska")
    device = TOTPDevice.objects.get(user=clerk)
    target = reverse("admin:core_deadline_list")

    response = client.post(
        reverse("admin:login"),
        {"username": "a.zielinska", "password": CLERK_PASSWORD, "otp_token": code_for(device), "next": target},
    )

    assert response["Location"] == target
