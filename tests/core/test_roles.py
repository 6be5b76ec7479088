"""Roles: one group per section of the department, a read-only head of department, no superuser needed.

The matrix (role × model × action) is built from core.roles: every model a section registers is checked
for every role group, through the admin, with a real signed-in and OTP-verified clerk. As apps register
their models, the matrix grows with them.
"""

import re
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.management.commands.seed_demo import DEMO_CLERK_USERNAME
from core.models import StaticPage
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTION_BY_CODE, SECTIONS, section_models

ACTIONS = ["view", "add", "change", "delete"]
ROLE_GROUPS = [section.group_name for section in SECTIONS] + [HEAD_OF_DEPARTMENT_GROUP]
SITE_GROUP = SECTION_BY_CODE["site"].group_name
OTHER_SECTION_GROUPS = [section.group_name for section in SECTIONS if section.code != "site"]
MISSING_PK = "999999"

# Every model some section works on, and those of them the clerks edit in the admin.
SECTION_MODELS = sorted({model for grants in section_models().values() for model in grants})
ADMIN_MODELS = [label for label in SECTION_MODELS if admin.site.is_registered(apps.get_model(label))]


def granted(group_name: str, model_label: str) -> set[str]:
    """The actions core.roles gives the group on the model: its section's grants; the head sees everything."""
    if group_name == HEAD_OF_DEPARTMENT_GROUP:
        return {"view"}
    section = next(section for section in SECTIONS if section.group_name == group_name)
    return set(section_models().get(section.code, {}).get(model_label, ()))


def admin_allows(model_label: str, action: str) -> bool:
    """The ModelAdmin's own rules, for someone holding every permission (e.g. no adding of feedback)."""
    model_admin = admin.site.get_model_admin(apps.get_model(model_label))
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(has_perm=lambda perm, obj=None: True, is_active=True, is_staff=True)
    return getattr(model_admin, f"has_{action}_permission")(request)


def admin_url(model_label: str, view: str, *args) -> str:
    app_label, model_name = model_label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def test_there_is_one_group_per_section_and_one_for_the_head(db):
    out = StringIO()

    call_command("sync_roles", stdout=out)

    assert out.getvalue().split("\n")[:-1] == ROLE_GROUPS
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLE_GROUPS)


def test_sync_roles_is_idempotent(db):
    def snapshot():
        return {group.name: sorted(group.permissions.values_list("pk", flat=True)) for group in Group.objects.all()}

    call_command("sync_roles", stdout=StringIO())
    first = snapshot()
    call_command("sync_roles", stdout=StringIO())

    assert snapshot() == first
    assert Group.objects.filter(name__in=ROLE_GROUPS).count() == len(ROLE_GROUPS)


@pytest.mark.parametrize("model_label", SECTION_MODELS)
@pytest.mark.parametrize("group_name", ROLE_GROUPS)
def test_each_role_holds_exactly_its_permissions(make_clerk, group_name, model_label):
    clerk = make_clerk(groups=[group_name], with_device=False)
    app_label, model_name = model_label.split(".")

    held = {action for action in ACTIONS if clerk.has_perm(f"{app_label}.{action}_{model_name}")}

    assert held == granted(group_name, model_label)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("model_label", ADMIN_MODELS)
@pytest.mark.parametrize("group_name", ROLE_GROUPS)
def test_the_admin_lets_each_role_do_only_what_it_may(clerk_client, group_name, model_label, action):
    """403 wherever the role does not grant the action; otherwise the page (or, for a missing object, a redirect).

    Objects of every registered model cannot be made generically, so "change" and "delete" are tried on a
    missing object (the admin checks permissions before it looks the object up), and "change" is also
    checked against the rule the admin applies when a change form is saved. test_site_* below change real
    pages.
    """
    client = clerk_client(groups=[group_name])
    grants = granted(group_name, model_label)

    if action == "view":
        response = client.get(admin_url(model_label, "changelist"))
        allowed, ok = bool(grants & {"view", "change"}), 200
    elif action == "add":
        response = client.get(admin_url(model_label, "add"))
        allowed, ok = "add" in grants and admin_allows(model_label, "add"), 200
    elif action == "change":
        # Saving is refused with 403 when the change form's rule, has_change_permission, says no; without
        # even the view permission the form itself is refused before the object is looked up.
        request = RequestFactory().post("/")
        request.user = client.clerk
        model_admin = admin.site.get_model_admin(apps.get_model(model_label))
        may_change = "change" in grants and admin_allows(model_label, "change")
        assert model_admin.has_change_permission(request) is may_change
        response = client.post(admin_url(model_label, "change", MISSING_PK), {})
        allowed, ok = bool(grants & {"view", "change"}), 302  # the redirect for a missing object
    else:
        response = client.get(admin_url(model_label, "delete", MISSING_PK))
        allowed, ok = "delete" in grants and admin_allows(model_label, "delete"), 302

    assert response.status_code == (ok if allowed else 403)


# The site section, spelled out ---------------------------------------------------------------------------


@pytest.fixture
def page(db):
    return StaticPage.objects.create(
        title="Kontakt z wydziałem", slug="kontakt", body="<p>Pl. Jana Pawła II 6</p>", is_published=True
    )


def page_form(**changes):
    data = {"title": "Kontakt z wydziałem", "slug": "kontakt", "lead": "", "body": "<p>Pl. Jana Pawła II 6</p>"}
    return {**data, "is_published": "on", "position": "1", **changes}


def test_site_editors_open_add_and_change_static_pages(clerk_client, page):
    client = clerk_client(groups=[SITE_GROUP])

    assert client.get(admin_url("core.staticpage", "changelist")).status_code == 200
    assert client.get(admin_url("core.staticpage", "add")).status_code == 200
    response = client.post(admin_url("core.staticpage", "change", page.pk), page_form(title="Kontakt"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Kontakt"
    response = client.post(admin_url("core.staticpage", "add"), page_form(title="Nowa strona", slug="nowa-strona"))
    assert response.status_code == 302
    assert StaticPage.objects.filter(slug="nowa-strona").exists()


def test_the_head_of_department_sees_but_cannot_change(clerk_client, page):
    client = clerk_client(groups=[HEAD_OF_DEPARTMENT_GROUP])

    assert client.get(admin_url("core.staticpage", "changelist")).status_code == 200
    view = client.get(admin_url("core.staticpage", "change", page.pk))
    assert view.status_code == 200
    assert view.context["has_change_permission"] is False
    assert client.get(admin_url("core.staticpage", "add")).status_code == 403
    assert client.post(admin_url("core.staticpage", "add"), page_form(slug="inna")).status_code == 403
    assert client.post(admin_url("core.staticpage", "change", page.pk), page_form(title="X")).status_code == 403
    page.refresh_from_db()
    assert page.title == "Kontakt z wydziałem"
    assert not StaticPage.objects.filter(slug="inna").exists()


@pytest.mark.parametrize("group_name", OTHER_SECTION_GROUPS)
def test_other_sections_cannot_open_static_pages(clerk_client, page, group_name):
    client = clerk_client(groups=[group_name])

    assert client.get(admin_url("core.staticpage", "changelist")).status_code == 403
    assert client.get(admin_url("core.staticpage", "add")).status_code == 403
    assert client.get(admin_url("core.staticpage", "change", page.pk)).status_code == 403
    assert client.post(admin_url("core.staticpage", "change", page.pk), page_form(title="X")).status_code == 403


# No superuser --------------------------------------------------------------------------------------------


def test_the_demo_clerk_works_without_being_a_superuser(db):
    """seed_demo's clerk signs in with the printed password and a code and edits pages, as a plain staff member."""
    call_command("seed_demo", "--without-events", "--allow-outside-debug", stdout=StringIO())
    out = StringIO()
    call_command("seed_demo", "--without-events", "--allow-outside-debug", stdout=out)  # still one clerk, one device

    clerk = get_user_model().objects.get(username=DEMO_CLERK_USERNAME)
    assert not clerk.is_superuser
    assert clerk.is_staff
    assert not clerk.user_permissions.exists()
    device = TOTPDevice.objects.get(user=clerk)
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {
            "username": DEMO_CLERK_USERNAME,
            "password": printed_password(out.getvalue()),
            "otp_token": f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(admin_url("core.staticpage", "changelist")).status_code == 200


def printed_password(output: str) -> str:
    """The demo clerk's password as seed_demo prints it ("Hasło: …")."""
    return re.search(r"Hasło: (\S+)", output).group(1)


def test_seed_demo_prints_the_second_factor_for_the_newcomer(db):
    out = StringIO()

    call_command("seed_demo", "--without-events", "--allow-outside-debug", stdout=out)

    device = TOTPDevice.objects.get(user__username=DEMO_CLERK_USERNAME)
    assert device.config_url in out.getvalue()
    assert get_user_model().objects.get(username=DEMO_CLERK_USERNAME).check_password(printed_password(out.getvalue()))
