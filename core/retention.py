"""Retention of closed cases: when their personal data may go, and the purge that removes it.

DOMAIN.md §J.4 (archival categories, kategoria archiwalna) and §0.1 (`RetentionMixin`): the category
comes from the JRWA class a case is filed under; the retention period runs from 1 January of the year
after the case was closed [K]. Category A (archival material) is never destroyed; BE categories are
destroyed only after the state archive has examined them, so the purge reports them and leaves them
alone; B and Bc cases lose their personal data once the period has passed.

"Purge" here means anonymisation, not deletion of the case: the case row, its case mark, the register
entry and the status history stay (they are the metadata of the list of cases, spis spraw), while the
fields listed in the model's `PERSONAL_DATA_FIELDS`, the texts of its messages and status notes, the texts of
the versions its applicant changed (`ApplicantChange`) and its private documents are removed. A
`RetentionAction` row records what was done, without the removed data.
"""

import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone

from core.models import (
    ApplicantChange,
    ArchivalCategory,
    Case,
    CaseKind,
    CaseMessage,
    JrwaClass,
    PrivateDocument,
    RetentionAction,
    StatusChange,
)
from core.services import case_register_refresh

logger = logging.getLogger(__name__)

#: What replaces the body of a message and the note of a status change whose text was removed.
REMOVED_TEXT = "[usunięto]"
DEFAULT_BATCH_SIZE = 200

# Outcome statuses of one case.
ANONYMISED = "anonymised"
WOULD_ANONYMISE = "would_anonymise"
AWAITING_APPRAISAL = "awaiting_appraisal"
SKIPPED = "skipped"
FAILED = "failed"


# RULES
# ------------------------------------------------------------------------------
def retention_due_date(closed_at, category: str) -> datetime.date | None:
    """Return the first day on which a case closed at `closed_at` may be destroyed; None for category A.

    DOMAIN.md §J.4 [K]: the retention period is counted from 1 January of the year after the case was
    closed; B<N> and BE<N> keep the files N full years from that day, Bc only until that day (short-term
    documentation, destroyed after practical use). Category A is archival material kept for ever.
    The closing year is the year in the project's time zone (a case closed on 31 December at 23:30 in
    Warsaw belongs to that year, even though it is already 1 January in UTC).

    Example: B5, closed on 15 June 2020 -> period from 1.01.2021 -> due on 1.01.2026.
    """
    years = ArchivalCategory.retention_years(category)
    if years is None:
        return None
    if isinstance(closed_at, datetime.datetime):
        closed_on = timezone.localtime(closed_at).date() if timezone.is_aware(closed_at) else closed_at.date()
    else:
        closed_on = closed_at
    return datetime.date(closed_on.year + 1 + years, 1, 1)


def is_awaiting_appraisal(category: str) -> bool:
    """True for BE categories: after the period the state archive decides, the portal never destroys them."""
    return category.startswith("BE")


def stricter_category(first: str | None, second: str | None) -> str | None:
    """Return the category that keeps the files at least as long as, and as carefully as, both inputs.

    A beats everything; otherwise the longer period wins and the archive's appraisal (BE) is kept if
    either side asks for it: stricter_category("BE5", "B10") == "BE10". None stands for "unknown" and
    yields the other one.
    """
    if first is None or second is None:
        return first if second is None else second
    if ArchivalCategory.A in (first, second):
        return ArchivalCategory.A
    years = max(ArchivalCategory.retention_years(first), ArchivalCategory.retention_years(second))
    if is_awaiting_appraisal(first) or is_awaiting_appraisal(second):
        return f"BE{years}"
    return f"B{years}" if years else ArchivalCategory.BC


def case_models() -> list[type[Case]]:
    """Return every concrete case model of the project (subclasses of `core.models.Case`), proxies excluded."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Case) and not model._meta.abstract and not model._meta.proxy
    ]


def personal_data_updates(model: type[Case]) -> dict[str, object]:
    """Return {field name: empty value} for the model's PERSONAL_DATA_FIELDS.

    Text fields (char, e-mail, text, file) become "", other nullable fields None. Raises
    ImproperlyConfigured for an unknown field or one that can be neither blanked nor nulled
    (`core.checks` reports the same at start-up).
    """
    updates = {}
    for name in model.PERSONAL_DATA_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist as exc:
            raise ImproperlyConfigured(f"{model._meta.label}.PERSONAL_DATA_FIELDS: no field {name!r}") from exc
        if not getattr(field, "concrete", False) or field.many_to_many or field.one_to_many:
            raise ImproperlyConfigured(f"{model._meta.label}.PERSONAL_DATA_FIELDS: {name!r} is not a column")
        if isinstance(field, models.CharField | models.TextField | models.FileField):
            updates[field.name] = ""
        elif field.null:
            updates[field.name] = None
        else:
            raise ImproperlyConfigured(
                f"{model._meta.label}.PERSONAL_DATA_FIELDS: {name!r} is neither a text field nor nullable"
            )
    return updates


# PURGE
# ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RetentionOutcome:
    """What the purge did (or would do) with one case. Carries no personal data."""

    model_label: str
    pk: int
    case_mark: str
    category: str
    due_date: datetime.date
    status: str
    detail: str = ""


def purge_expired(
    *, today: datetime.date | None = None, apply: bool = False, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[RetentionOutcome]:
    """Anonymise every closed case whose retention period has passed (with `apply`); return the outcomes.

    See `iter_purge_expired`, which this collects into a list.
    """
    return list(iter_purge_expired(today=today, apply=apply, batch_size=batch_size))


def iter_purge_expired(
    *, today: datetime.date | None = None, apply: bool = False, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[RetentionOutcome]:
    """Yield one outcome per closed, not yet anonymised case whose retention ended on or before `today`.

    DOMAIN.md §J.4. Without `apply` nothing is written (dry run: status WOULD_ANONYMISE). With `apply`
    each B/Bc case is anonymised in its own transaction (status ANONYMISED, or FAILED with the error's
    class name — the others go on). BE cases are yielded as AWAITING_APPRAISAL and never changed;
    category A cases are never selected. Cases are read in primary-key batches of `batch_size`, so the
    memory used does not grow with the number of cases. Running it again finds nothing new to do:
    anonymised cases have `anonymised_at` set.

    The category of a case is the stricter of its model's current CaseKind class and the JRWA class its
    case mark was registered under (see `stricter_category`): a re-classification never shortens the
    retention of cases already filed, and a wrong old mapping can be corrected upwards by a clerk.
    """
    today = today or timezone.localdate()
    for model in case_models():
        yield from _purge_model(model, today=today, apply=apply, batch_size=batch_size)


def _kind_category(model: type[Case]) -> str | None:
    # Read-only on purpose (case_kind_get would create a missing row, and a dry run writes nothing);
    # without a CaseKind row case_open cannot have opened any case of the model.
    kind = CaseKind.objects.select_related("jrwa_class").filter(key=model._meta.label_lower).first()
    return kind.jrwa_class.archival_category if kind else None


def _purge_model(model, *, today, apply, batch_size) -> Iterator[RetentionOutcome]:
    candidates = model._default_manager.filter(closed_at__isnull=False, anonymised_at__isnull=True)
    kind_category = _kind_category(model)
    filed_class_ids = candidates.order_by().values_list("register_entry__jrwa_class_id", flat=True).distinct()
    filed_classes = JrwaClass.objects.in_bulk(list(filed_class_ids))
    for class_id, jrwa_class in sorted(filed_classes.items()):
        category = stricter_category(kind_category, jrwa_class.archival_category)
        years = ArchivalCategory.retention_years(category)
        if years is None:
            continue
        # retention_due_date <= today  <=>  closing year <= today.year - 1 - years
        cutoff = datetime.datetime(today.year - years, 1, 1, tzinfo=timezone.get_current_timezone())
        due = candidates.filter(register_entry__jrwa_class_id=class_id, closed_at__lt=cutoff)
        for pk, case_mark, closed_at in _in_batches(due, batch_size):
            due_date = retention_due_date(closed_at, category)
            outcome = RetentionOutcome(model._meta.label, pk, case_mark, category, due_date, WOULD_ANONYMISE)
            if is_awaiting_appraisal(category):
                yield replace(outcome, status=AWAITING_APPRAISAL)
            elif not apply:
                yield outcome
            else:
                yield _anonymise_one(model, outcome, today=today)


def _in_batches(queryset, batch_size) -> Iterator[tuple[int, str, datetime.datetime]]:
    # Keyset pagination: stable while rows of earlier batches drop out of the filter (after anonymisation).
    last_pk = 0
    while True:
        batch = list(
            queryset.filter(pk__gt=last_pk).order_by("pk").values_list("pk", "case_mark", "closed_at")[:batch_size]
        )
        if not batch:
            return
        yield from batch
        last_pk = batch[-1][0]


def _anonymise_one(model, outcome: RetentionOutcome, *, today) -> RetentionOutcome:
    try:
        done = case_anonymise(model=model, pk=outcome.pk, category=outcome.category, today=today)
    except Exception as exc:
        # One broken case (a file the storage refuses to delete, a misconfigured model) must not stop the
        # purge of the others; its transaction is rolled back and the next run tries again.
        logger.exception("retention: anonymising %s %s failed", outcome.model_label, outcome.case_mark)
        return replace(outcome, status=FAILED, detail=type(exc).__name__)
    if not done:
        return replace(outcome, status=SKIPPED, detail="reopened or already anonymised")
    return replace(outcome, status=ANONYMISED)


def case_anonymise(*, model: type[Case], pk: int, category: str, today: datetime.date) -> RetentionAction | None:
    """Remove the personal data of one closed case whose retention ended, in one transaction.

    DOMAIN.md §J.4. Locks the case row and checks again that it is closed, not anonymised and due under
    `category` (a case reopened meanwhile is left alone; returns None). Then: blanks/nulls the model's
    PERSONAL_DATA_FIELDS (in the row and in its simple-history rows, if the model keeps history),
    replaces the bodies of its messages, the notes of its status changes and the texts of the versions its
    applicant changed with REMOVED_TEXT, deletes
    its private documents (files from storage, then rows), stamps `anonymised_at` and writes one
    RetentionAction. Refuses A and BE categories (ValueError). Any error rolls everything back.

    Files are deleted inside the transaction, before the commit: if the commit then fails, the rows
    still point at the (now missing) files and the next run finishes the job; deleting after commit
    could instead leave orphan files with personal data that nothing points at any more.
    """
    if ArchivalCategory.retention_years(category) is None or is_awaiting_appraisal(category):
        raise ValueError(f"category {category} is never destroyed by the portal")
    updates = personal_data_updates(model)
    content_type = ContentType.objects.get_for_model(model)
    with transaction.atomic():
        case = (
            model._default_manager.select_for_update()
            .filter(pk=pk, closed_at__isnull=False, anonymised_at__isnull=True)
            .first()
        )
        if case is None:
            return None
        due_date = retention_due_date(case.closed_at, category)
        if due_date > today:
            return None
        for name in updates:
            field = model._meta.get_field(name)
            if isinstance(field, models.FileField):
                stored = getattr(case, name)
                if stored and stored.name:
                    stored.storage.delete(stored.name)
        now = timezone.now()
        row_updates = dict(updates, anonymised_at=now)
        if any(field.name == "updated_at" for field in model._meta.concrete_fields):
            row_updates["updated_at"] = now
        model._default_manager.filter(pk=pk).update(**row_updates)
        _clear_history(model, pk, updates)
        case_register_refresh(model._default_manager.get(pk=pk))

        cleared = list(updates)
        messages = CaseMessage.objects.filter(content_type=content_type, object_id=pk).exclude(body=REMOVED_TEXT)
        if messages.update(body=REMOVED_TEXT):
            cleared.append("casemessage.body")
        notes = (
            StatusChange.objects.filter(content_type=content_type, object_id=pk)
            .exclude(note="")
            .exclude(note=REMOVED_TEXT)
        )
        if notes.update(note=REMOVED_TEXT):
            cleared.append("statuschange.note")

        versions = ApplicantChange.objects.filter(content_type=content_type, object_id=pk)
        for version in versions:
            version.before = [[key, label, REMOVED_TEXT] for key, label, _text in version.before]
            version.after = [[key, label, REMOVED_TEXT] for key, label, _text in version.after]
            version.save(update_fields=["before", "after"])
            if "applicantchange" not in cleared:
                cleared.append("applicantchange")

        documents = list(
            PrivateDocument.objects.select_for_update().filter(content_type=content_type, object_id=pk).order_by("pk")
        )
        for document in documents:
            if document.file.name:
                document.file.storage.delete(document.file.name)
        PrivateDocument.objects.filter(pk__in=[document.pk for document in documents]).delete()

        action = RetentionAction.objects.create(
            case_mark=case.case_mark,
            content_type=content_type,
            object_id=pk,
            archival_category=category,
            fields_cleared=cleared,
            documents_deleted=len(documents),
        )
    logger.info("retention: %s %s anonymised (%s)", model._meta.label, case.case_mark, category)
    return action


def _clear_history(model, pk, updates) -> None:
    """Blank the same fields in the model's django-simple-history rows, which copy every past version."""
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if not manager_name or not updates:
        return
    historical = getattr(model, manager_name).model
    historical_updates = {
        name: value for name, value in updates.items() if any(f.name == name for f in historical._meta.fields)
    }
    if historical_updates:
        historical._default_manager.filter(**{model._meta.pk.attname: pk}).update(**historical_updates)
