"""The kernel of "asked for changes, the applicant changes it": how a version reads and what the clerk compares.

The round trips themselves are tested per case type (events, grants, institutions); retention clears the texts
of the versions like every other text of a closed case.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.contrib.contenttypes.models import ContentType

from core.applicant_changes import EMPTY, describe
from core.models import ApplicantChange, Feedback, JrwaClass
from core.retention import REMOVED_TEXT, purge_expired
from core.services import case_kind_get, case_open, transition_perform

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        (forms.BooleanField(), True, "tak"),
        (forms.BooleanField(), False, "nie"),
        (forms.CharField(), "", EMPTY),
        (forms.CharField(), None, EMPTY),
        (forms.CharField(), "  Koncert  ", "Koncert"),
        (forms.ChoiceField(choices=[("free", "wstęp wolny"), ("paid", "wstęp płatny")]), "paid", "wstęp płatny"),
        (forms.MultipleChoiceField(choices=[("a", "dzieci"), ("b", "seniorzy")]), ["a", "b"], "dzieci, seniorzy"),
        (forms.MultipleChoiceField(choices=[("a", "dzieci")]), [], EMPTY),
        (forms.DecimalField(), Decimal("1250.5"), "1250,50"),
        (forms.DateField(), datetime.date(2026, 6, 1), "1 czerwca 2026"),
        (forms.DateTimeField(), datetime.datetime(2026, 6, 1, 16, 30, tzinfo=datetime.UTC), "1 czerwca 2026, 18:30"),
    ],
)
def test_a_value_is_described_as_a_person_reads_it(field, value, text):
    assert describe(field, value) == text


def test_the_comparison_lists_changed_rows_in_the_forms_order():
    change = ApplicantChange(
        before=[["title", "Tytuł", "Koncert"], ["price", "Cena", "10,00"], ["gone", "Usunięte", "x"]],
        after=[["title", "Tytuł", "Koncert kolęd"], ["price", "Cena", "10,00"], ["new", "Nowe", "y"]],
    )
    assert change.differences() == [
        ("Tytuł", "Koncert", "Koncert kolęd"),
        ("Nowe", EMPTY, "y"),
        ("Usunięte", "x", EMPTY),
    ]


@pytest.mark.django_db
def test_retention_removes_the_texts_of_the_versions():
    case = case_open(case=Feedback(message="Brakuje godzin otwarcia.", contact_email="jan@example.pl"), title="Opinia")
    ApplicantChange.objects.create(
        content_type=ContentType.objects.get_for_model(Feedback),
        object_id=case.pk,
        before=[["contact", "Kontakt", "jan@example.pl"]],
        after=[["contact", "Kontakt", "jan.kowalski@example.pl"]],
    )
    transition_perform(obj=case, name="answer", acting_user=None)
    Feedback.objects.filter(pk=case.pk).update(closed_at=datetime.datetime(2020, 3, 2, 12, tzinfo=WARSAW))
    kind = case_kind_get(model=Feedback)
    JrwaClass.objects.filter(pk=kind.jrwa_class_id).update(archival_category="B5")

    purge_expired(today=datetime.date(2026, 1, 1), apply=True)

    version = ApplicantChange.objects.get()
    assert version.before == [["contact", "Kontakt", REMOVED_TEXT]]
    assert version.after == [["contact", "Kontakt", REMOVED_TEXT]]
