"""Every admin changelist and add form opens for a clerk, with a query count that does not grow with rows."""

import pytest
from django.contrib import admin
from django.urls import reverse

from core.models import DepartmentDuty, Feedback, StaticPage
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS, section_models
from core.services import case_open

ALL_GROUPS = [section.group_name for section in SECTIONS]
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
CLERK_MODELS = {label for grants in section_models().values() for label in grants}


def client_for(model, clerk_client):
    """A clerk in every role for the department's models; the IT administrator for accounts and devices."""
    if model._meta.label_lower in CLERK_MODELS:
        return clerk_client(groups=[*ALL_GROUPS, HEAD_OF_DEPARTMENT_GROUP])
    return clerk_client(is_superuser=True)


def fill(start, rows):
    for n in range(start, start + rows):
        StaticPage.objects.create(title=f"Strona {n}", body="<p>x</p>", is_published=True)
        DepartmentDuty.objects.create(position=100 + n, title=f"Zadanie {n}")
        case_open(case=Feedback(message=f"Opinia {n}", contact_email="a@example.pl"), title="Opinia o portalu")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label_lower)
def test_changelist_opens_with_bounded_queries(model, clerk_client, django_assert_max_num_queries):
    """The changelist makes at most 20 queries with 3 rows and with 30 rows."""
    client = client_for(model, clerk_client)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for start, rows in ((0, 3), (3, 27)):
        fill(start, rows)
        with django_assert_max_num_queries(20):
            response = client.get(url)
        assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label_lower)
def test_add_form_opens_or_is_refused_cleanly(model, clerk_client):
    """The add form is 200 where clerks add records and 403 where records only come from services."""
    client = client_for(model, clerk_client)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    assert client.get(url).status_code in (200, 403)


def test_terminarz_is_linked_from_the_admin_index(clerk_client):
    page = clerk_client(groups=[SECTIONS[0].group_name]).get("/admin/").content.decode()
    assert "/admin/terminarz/" in page
