"""Retention (DOMAIN.md §J.4): due dates from 1 January after closing, and the purge of expired cases."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import (
    CaseKind,
    CaseMessage,
    Feedback,
    JrwaClass,
    OrganisationalUnit,
    PrivateDocument,
    RetentionAction,
    StatusChange,
)
from core.private_documents import document_attach
from core.retention import (
    ANONYMISED,
    AWAITING_APPRAISAL,
    FAILED,
    REMOVED_TEXT,
    WOULD_ANONYMISE,
    _clear_history,
    case_models,
    purge_expired,
    retention_due_date,
    stricter_category,
)
from core.services import case_kind_get, case_message_add, case_open, transition_perform

WARSAW = ZoneInfo("Europe/Warsaw")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EMAIL = "jan.kowalski@example.com"


def at(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WARSAW)


def closed_feedback(closed_at, *, email=EMAIL, note="", with_document=True):
    """An opinion with a message exchange and a document, answered, then dated back to `closed_at`."""
    case = case_open(case=Feedback(message="Brakuje godzin otwarcia muzeum.", contact_email=email), title="Opinia")
    case_message_add(case=case, body="Proszę o odpowiedź na adres " + email, author_kind=CaseMessage.Author.APPLICANT)
    if with_document:
        document_attach(
            case=case,
            content=PDF,
            original_name="skan Jan Kowalski.pdf",
            mime_type="application/pdf",
            kind=PrivateDocument.Kind.ATTACHMENT,
            acting_user=None,
        )
    transition_perform(obj=case, name="answer", acting_user=None, note=note)
    Feedback.objects.filter(pk=case.pk).update(closed_at=closed_at)
    return Feedback.objects.get(pk=case.pk)


def set_feedback_category(category):
    """Re-classify the JRWA class the opinions are filed under (seeded 0005 = B5)."""
    kind = case_kind_get(model=Feedback)
    JrwaClass.objects.filter(pk=kind.jrwa_class_id).update(archival_category=category)


def documents_of(case):
    return PrivateDocument.objects.filter(content_type=ContentType.objects.get_for_model(Feedback), object_id=case.pk)


# RULES
# ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("closed_at", "category", "due"),
    [
        (at(2020, 6, 15), "B5", datetime.date(2026, 1, 1)),
        (at(2020, 1, 1, 0, 0), "B5", datetime.date(2026, 1, 1)),
        (at(2020, 12, 31, 23, 59), "B5", datetime.date(2026, 1, 1)),
        (at(2021, 1, 1, 0, 0), "B5", datetime.date(2027, 1, 1)),
        # 23:30 UTC on 31.12.2020 is already 2021 in Warsaw: the local year counts.
        (datetime.datetime(2020, 12, 31, 23, 30, tzinfo=datetime.UTC), "B5", datetime.date(2027, 1, 1)),
        (at(2020, 6, 15), "B10", datetime.date(2031, 1, 1)),
        (at(2020, 6, 15), "BE5", datetime.date(2026, 1, 1)),
        (at(2020, 6, 15), "Bc", datetime.date(2021, 1, 1)),
        (at(2020, 6, 15), "A", None),
        (datetime.date(2020, 6, 15), "B2", datetime.date(2023, 1, 1)),
    ],
)
def test_retention_is_due_on_1_january_after_the_period(closed_at, category, due):
    assert retention_due_date(closed_at, category) == due


@pytest.mark.parametrize(
    ("first", "second", "stricter"),
    [
        ("B5", "B10", "B10"),
        ("B5", "A", "A"),
        ("BE5", "B10", "BE10"),
        ("Bc", "B2", "B2"),
        ("Bc", "Bc", "Bc"),
        (None, "B5", "B5"),
        ("BE5", None, "BE5"),
    ],
)
def test_stricter_category_never_shortens_retention(first, second, stricter):
    assert stricter_category(first, second) == stricter


def test_every_concrete_case_model_is_found():
    assert Feedback in case_models()


# PURGE
# ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_b5_case_closed_in_2020_is_anonymised_from_1_january_2026_not_one_closed_in_2021():
    """Edges around 1 January: closed on 31.12.2020 23:59 -> due 1.01.2026; on 1.01.2021 00:00 -> 1.01.2027."""
    late_2020 = closed_feedback(at(2020, 12, 31, 23, 59))
    early_2021 = closed_feedback(at(2021, 1, 1, 0, 0))

    assert purge_expired(today=datetime.date(2025, 12, 31), apply=True) == []
    assert not RetentionAction.objects.exists()

    outcomes = purge_expired(today=datetime.date(2026, 1, 1), apply=True)
    assert [(o.case_mark, o.status, o.due_date) for o in outcomes] == [
        (late_2020.case_mark, ANONYMISED, datetime.date(2026, 1, 1))
    ]
    assert purge_expired(today=datetime.date(2026, 12, 31), apply=True) == []
    early_2021.refresh_from_db()
    assert early_2021.anonymised_at is None
    assert early_2021.contact_email == EMAIL

    outcomes = purge_expired(today=datetime.date(2027, 1, 1), apply=True)
    assert [(o.case_mark, o.status) for o in outcomes] == [(early_2021.case_mark, ANONYMISED)]


@pytest.mark.django_db
def test_anonymisation_clears_personal_data_messages_notes_and_documents():
    """Personal fields blanked, texts replaced, files and rows of documents gone, one RetentionAction."""
    case = closed_feedback(at(2020, 3, 2), note="Odpowiedziano Janowi Kowalskiemu telefonicznie.")
    other = closed_feedback(at(2024, 3, 2))
    document = documents_of(case).get()
    file_name = document.file.name
    private = storages["private"]
    assert private.exists(file_name)
    content_type = ContentType.objects.get_for_model(Feedback)

    purge_expired(today=datetime.date(2026, 1, 1), apply=True)

    case.refresh_from_db()
    assert case.contact_email == ""
    assert case.anonymised_at is not None
    assert case.case_mark
    assert case.message
    assert set(
        CaseMessage.objects.filter(content_type=content_type, object_id=case.pk).values_list("body", flat=True)
    ) == {REMOVED_TEXT}
    notes = StatusChange.objects.filter(content_type=content_type, object_id=case.pk).values_list("note", flat=True)
    assert set(notes) <= {"", REMOVED_TEXT}
    assert REMOVED_TEXT in notes
    assert not private.exists(file_name)
    assert not documents_of(case).exists()
    action = RetentionAction.objects.get()
    assert (action.case_mark, action.content_type, action.object_id) == (case.case_mark, content_type, case.pk)
    assert action.archival_category == "B5"
    assert action.documents_deleted == 1
    assert action.fields_cleared == ["contact_email", "casemessage.body", "statuschange.note"]
    assert EMAIL not in str(action.fields_cleared)
    # A case whose period has not ended keeps everything.
    other.refresh_from_db()
    assert other.contact_email == EMAIL
    assert private.exists(documents_of(other).get().file.name)


@pytest.mark.django_db
def test_category_a_is_never_touched():
    set_feedback_category("A")
    case = closed_feedback(at(1990, 1, 1))
    file_name = documents_of(case).get().file.name

    assert purge_expired(today=datetime.date(2200, 1, 1), apply=True) == []

    case.refresh_from_db()
    assert case.anonymised_at is None
    assert case.contact_email == EMAIL
    assert storages["private"].exists(file_name)
    assert not RetentionAction.objects.exists()


@pytest.mark.django_db
def test_be5_case_is_reported_for_archive_appraisal_and_left_untouched():
    set_feedback_category("BE5")
    case = closed_feedback(at(2020, 6, 1))
    file_name = documents_of(case).get().file.name

    outcomes = purge_expired(today=datetime.date(2026, 1, 1), apply=True)

    assert [(o.case_mark, o.category, o.status) for o in outcomes] == [(case.case_mark, "BE5", AWAITING_APPRAISAL)]
    case.refresh_from_db()
    assert case.anonymised_at is None
    assert case.contact_email == EMAIL
    assert storages["private"].exists(file_name)
    assert not RetentionAction.objects.exists()
    out = io.StringIO()
    call_command("purge_expired", "--apply", "--today", "2026-01-01", stdout=out)
    assert "awaiting archive appraisal" in out.getvalue()


@pytest.mark.django_db
def test_reclassifying_the_case_type_never_shortens_retention_of_filed_cases():
    """A case filed under 0005 (B5) keeps B10 when the type moves to a B10 class, and B5 can't undercut it."""
    case = closed_feedback(at(2020, 6, 1))
    unit = OrganisationalUnit.objects.get(symbol="KSP")
    longer = JrwaClass.objects.create(symbol="0006", title="Skargi", archival_category="B10")
    CaseKind.objects.filter(key="core.feedback").update(jrwa_class=longer, unit=unit)

    assert purge_expired(today=datetime.date(2029, 1, 1), apply=True) == []
    outcomes = purge_expired(today=datetime.date(2031, 1, 1), apply=True)

    assert [(o.case_mark, o.category, o.status) for o in outcomes] == [(case.case_mark, "B10", ANONYMISED)]


@pytest.mark.django_db
def test_open_and_reopened_cases_are_not_touched():
    open_case = case_open(case=Feedback(message="Opinia", contact_email=EMAIL), title="Opinia")
    reopened = closed_feedback(at(2019, 5, 5))
    transition_perform(obj=reopened, name="reopen", acting_user=None)

    assert purge_expired(today=datetime.date(2030, 1, 1), apply=True) == []
    for case in (open_case, reopened):
        case.refresh_from_db()
        assert case.contact_email == EMAIL
        assert case.anonymised_at is None


@pytest.mark.django_db
def test_dry_run_lists_what_would_go_without_personal_data_and_changes_nothing():
    case = closed_feedback(at(2020, 6, 1))
    file_name = documents_of(case).get().file.name
    out = io.StringIO()

    call_command("purge_expired", "--today", "2026-01-01", stdout=out)

    output = out.getvalue()
    assert f"core.Feedback\t{case.case_mark}\tB5\t2026-01-01\twould be anonymised" in output
    assert "Dry run" in output
    assert EMAIL not in output
    assert "Kowalski" not in output
    case.refresh_from_db()
    assert case.contact_email == EMAIL
    assert case.anonymised_at is None
    assert storages["private"].exists(file_name)
    assert documents_of(case).exists()
    assert not RetentionAction.objects.exists()
    assert [o.status for o in purge_expired(today=datetime.date(2026, 1, 1))] == [WOULD_ANONYMISE]


@pytest.mark.django_db
def test_apply_twice_writes_one_retention_action_per_case():
    cases = [closed_feedback(at(2019, 2, 1)), closed_feedback(at(2020, 11, 30))]

    first, second = io.StringIO(), io.StringIO()
    call_command("purge_expired", "--apply", "--today", "2026-01-01", "--batch-size", "1", stdout=first)
    call_command("purge_expired", "--apply", "--today", "2026-01-01", stdout=second)

    assert sorted(RetentionAction.objects.values_list("case_mark", flat=True)) == sorted(c.case_mark for c in cases)
    assert "anonymised: 2" in first.getvalue()
    assert "nothing due" in second.getvalue()


@pytest.mark.django_db
def test_dry_run_query_count_does_not_grow_with_the_number_of_cases():
    """Batched reads: one query per batch, not per case."""
    for year in (2015, 2016):
        closed_feedback(at(year, 5, 5), with_document=False)
    with CaptureQueriesContext(connection) as few:
        assert len(purge_expired(today=datetime.date(2026, 1, 1))) == 2
    for year in (2017, 2018, 2019, 2020):
        closed_feedback(at(year, 5, 5), with_document=False)
    with CaptureQueriesContext(connection) as many:
        assert len(purge_expired(today=datetime.date(2026, 1, 1))) == 6
    assert len(many) == len(few)


@pytest.mark.django_db
def test_a_failing_case_is_rolled_back_and_the_others_are_anonymised(monkeypatch):
    broken = closed_feedback(at(2019, 2, 1))
    fine = closed_feedback(at(2019, 3, 1))
    broken_file = documents_of(broken).get().file.name
    private = storages["private"]
    real_delete = private.delete

    def delete(name):
        if name == broken_file:
            raise PermissionError("read-only file system")
        real_delete(name)

    monkeypatch.setattr(private, "delete", delete)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 case"):
        call_command("purge_expired", "--apply", "--today", "2026-01-01", stdout=out)

    assert f"{broken.case_mark}\tB5\t2025-01-01\tFAILED: PermissionError" in out.getvalue()
    broken.refresh_from_db()
    assert broken.anonymised_at is None
    assert broken.contact_email == EMAIL
    assert documents_of(broken).exists()
    fine.refresh_from_db()
    assert fine.anonymised_at is not None
    assert fine.contact_email == ""
    assert list(RetentionAction.objects.values_list("case_mark", flat=True)) == [fine.case_mark]
    assert [o.status for o in purge_expired(today=datetime.date(2026, 1, 1), apply=True)] == [FAILED]


@pytest.mark.django_db
def test_history_rows_of_a_model_lose_the_cleared_fields_too():
    """django-simple-history keeps every past version; the purge blanks the same fields there (any model)."""
    unit = OrganisationalUnit.objects.create(symbol="TMP", name="Jan Kowalski")
    unit.name = "Jan Kowalski, drugi zapis"
    unit.save()
    assert unit.history.count() == 2

    _clear_history(OrganisationalUnit, unit.pk, {"name": ""})

    assert set(unit.history.values_list("name", flat=True)) == {""}
    assert OrganisationalUnit.objects.get(pk=unit.pk).name == "Jan Kowalski, drugi zapis"
