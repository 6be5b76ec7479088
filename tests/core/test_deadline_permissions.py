"""The Terminarz shows each clerk only the deadlines of what the clerk may view.

A deadline's title carries case data: the start of a resident's opinion, an organiser's or a director's name.
Each source registered in `core.deadlines` names its model; the clerk needs that model's view permission.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from core import deadlines
from core.deadlines import OpenDeadline, RegisteredSource, deadline_sources
from core.models import Feedback
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS, section_models
from tests.helpers import public_form_data

URL = "/admin/terminarz/"
ROLE_GROUPS = [section.group_name for section in SECTIONS] + [HEAD_OF_DEPARTMENT_GROUP]
OPINION = "Jadwiga Kowalska z Halemby: w bibliotece przy ul. Kokota od miesiąca nie działa winda dla wózków."


def terminarz(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def waiting_opinion(client, db):
    """A resident's opinion waiting for the answer they asked for: a deadline of the core.feedback source."""
    response = client.post("/opinia/", public_form_data(message=OPINION, contact_email="j.kowalska@example.pl"))
    assert response.status_code == 302
    return Feedback.objects.get()


def test_a_clerk_without_permissions_sees_no_deadline_nor_the_residents_words(waiting_opinion, clerk_client):
    page = terminarz(clerk_client())

    assert "Żaden otwarty termin nie spełnia wybranych kryteriów." in page
    assert waiting_opinion.case_mark not in page
    assert "Jadwiga Kowalska" not in page


def test_the_portals_editors_see_the_opinion_they_answer(waiting_opinion, clerk_client):
    page = terminarz(clerk_client(groups=["Redakcja portalu"]))

    assert waiting_opinion.case_mark in page
    assert OPINION[:40] in page


def _marker_title(key: str) -> str:
    return f"Termin ze źródła {key}"


@pytest.fixture
def one_deadline_per_source(monkeypatch):
    """The registered sources as they are (key and model), each reading one deadline that names its source.

    What the sources read is tested with each app; here only who sees which source matters.
    """
    sources = deadline_sources()
    assert len(sources) >= 10, "the apps register their sources in AppConfig.ready()"

    def reader(key):
        return lambda: [
            OpenDeadline(
                due_date=timezone.localdate(),
                title=_marker_title(key),
                case_mark=f"TEST.{key}",
                url="/admin/",
                section="site",
                handler_id=None,
                rule="test",
            )
        ]

    monkeypatch.setattr(
        deadlines,
        "_sources",
        {key: RegisteredSource(read=reader(key), model=source.model) for key, source in sources.items()},
    )
    return sources


def _viewable_models(group_name: str) -> set[str]:
    """The models a role group may view, as core.roles declares them (the head of department: every one)."""
    if group_name == HEAD_OF_DEPARTMENT_GROUP:
        return {model for grants in section_models().values() for model in grants}
    section = next(section for section in SECTIONS if section.group_name == group_name)
    return {model for model, actions in section_models().get(section.code, {}).items() if "view" in actions}


@pytest.mark.parametrize("group_name", ROLE_GROUPS)
def test_each_role_sees_the_deadlines_of_the_models_it_may_view(one_deadline_per_source, clerk_client, group_name):
    page = terminarz(clerk_client(groups=[group_name]))

    shown = {key for key in one_deadline_per_source if _marker_title(key) in page}
    viewable = _viewable_models(group_name)
    assert shown == {key for key, source in one_deadline_per_source.items() if source.model in viewable}


@pytest.mark.parametrize(
    ("group_name", "sees", "does_not_see"),
    [
        ("Redakcja portalu", {"core.feedback"}, {"mass_events.permits", "press.letters", "grants.offers"}),
        ("Biuro prasowe", {"press.letters"}, {"core.feedback", "mass_events.permits", "institutions.inspections"}),
        (
            "Wydarzenia i imprezy masowe",
            {"mass_events.permits", "mass_events.notifications"},
            {"core.feedback", "grants.reports", "institutions.extract_requests"},
        ),
        (
            "Dotacje, stypendia i nagrody",
            {"grants.offers", "grants.reports", "grants.settlements", "grants.institution_subsidies"},
            {"core.feedback", "mass_events.permits", "institutions.extract_requests"},
        ),
        (
            "Rejestr instytucji kultury",
            {"institutions.extract_requests", "institutions.director_terms", "institutions.inspections"},
            {"core.feedback", "grants.offers", "press.letters"},
        ),
        ("Koordynator dostępności", set(), {"core.feedback", "mass_events.permits", "grants.offers"}),
    ],
)
def test_what_the_sections_see(one_deadline_per_source, clerk_client, group_name, sees, does_not_see):
    page = terminarz(clerk_client(groups=[group_name]))

    assert {key for key in sees | does_not_see if _marker_title(key) in page} == sees


def test_the_head_of_department_sees_every_source(one_deadline_per_source, clerk_client):
    page = terminarz(clerk_client(groups=[HEAD_OF_DEPARTMENT_GROUP]))

    assert all(_marker_title(key) in page for key in one_deadline_per_source)


def test_a_superuser_sees_every_source(one_deadline_per_source, clerk_client):
    page = terminarz(clerk_client(is_superuser=True))

    assert all(_marker_title(key) in page for key in one_deadline_per_source)


@pytest.mark.parametrize("model", ["feedback", "core.", ".feedback", "core.feedback.extra", "core.models.feedback"])
def test_a_source_must_name_its_model(model):
    """Only "app_label.modelname" names a model whose view permission can be asked for."""
    with pytest.raises(ValueError, match="app_label.modelname"):
        deadlines.register_deadline_source("bez-modelu", lambda: [], model=model)
    assert "bez-modelu" not in deadline_sources()
    assert reverse("admin:core_deadline_list") == URL
