"""Every admin changelist and add form opens for a clerk; a changelist's query count does not grow with its rows.

Each changelist is filled with rows of its own model by the row makers of tests/core/admin_rows/ (one module per app).
"""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS, section_models
from press.models import MediaContact
from tests.core.admin_rows import ADD_FORM_REFUSED, ROW_LIMITS, ROW_MAKERS

ALL_GROUPS = [section.group_name for section in SECTIONS]
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
CLERK_MODELS = {label for grants in section_models().values() for label in grants}


def client_for(model, clerk_client):
    """A clerk in every role for the department's models; the IT administrator for accounts and devices."""
    if model._meta.label_lower in CLERK_MODELS:
        return clerk_client(groups=[*ALL_GROUPS, HEAD_OF_DEPARTMENT_GROUP])
    return clerk_client(is_superuser=True)


def test_every_admin_model_has_a_row_maker():
    """A model shown in the admin gets its row maker with its admin, or the changelist test below cannot fill it."""
    assert [model._meta.label for model in MODELS if model not in ROW_MAKERS] == []


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label_lower)
def test_changelist_opens_with_bounded_queries(model, clerk_client):
    """The changelist shows 3 and then 30 rows of its model, in at most 20 queries, and 30 cost no more than 3
    (a model with fewer possible rows, ROW_LIMITS, as many as it may have)."""
    assert model in ROW_MAKERS, (
        f"{model._meta.label} has no row maker in tests/core/admin_rows/{model._meta.app_label}.py"
    )
    client = client_for(model, clerk_client)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    made, queries = [], []
    for rows in (3, min(27, ROW_LIMITS.get(model, 30) - 3)):
        made += [ROW_MAKERS[model]().pk for _ in range(rows)]
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        shown = {row.pk for row in response.context["cl"].result_list}
        assert set(made) <= shown, f"{len(set(made) - shown)} of {len(made)} rows made are not listed"
        queries.append(len(context.captured_queries))
    assert queries[0] <= 20, queries
    assert queries[1] <= queries[0], f"3 rows: {queries[0]} queries, 30 rows: {queries[1]}"


def test_the_changelist_check_catches_a_column_that_reads_the_database_per_row(clerk_client, monkeypatch):
    """The check above is not vacuous: a column reading each row's outlet makes 30 rows cost more than 3."""
    contacts = admin.site._registry[MediaContact]
    monkeypatch.setattr(contacts, "list_select_related", False)
    monkeypatch.setattr(contacts, "list_display", ["name", lambda contact: contact.outlet.name])
    with pytest.raises(AssertionError, match="30 rows"):
        test_changelist_opens_with_bounded_queries(MediaContact, clerk_client)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label_lower)
def test_add_form_opens_or_is_refused_as_registered(model, clerk_client):
    """The add form opens (200) where clerks add records, and is refused (403) for the models of ADD_FORM_REFUSED,
    whose rows come only from public forms and services."""
    client = client_for(model, clerk_client)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    response = client.get(url)
    if model in ADD_FORM_REFUSED:
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        assert response.context["add"] is True
        assert response.context["adminform"].form._meta.model is model


def test_every_model_refused_an_add_form_is_in_the_admin():
    """A model left in ADD_FORM_REFUSED after its admin is gone would hold nothing to the rule."""
    assert sorted(model._meta.label for model in ADD_FORM_REFUSED - set(MODELS)) == []


def test_terminarz_is_linked_from_the_admin_index(clerk_client):
    page = clerk_client(groups=[SECTIONS[0].group_name]).get("/admin/").content.decode()
    assert "/admin/terminarz/" in page
