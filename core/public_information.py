"""Public information in the sense of the BIP: the metryczka of each record and its register of changes.

Rozporządzenie MSWiA z 18.01.2007 w sprawie Biuletynu Informacji Publicznej (DOMAIN.md §J.2): every piece of
public information shows who produced it, who entered it, who published it and when, and a register of its
changes is kept available. Both are read from the versions django-simple-history already writes whenever a clerk
(or a service acting for one) saves a record, so nobody types a metryczka.

An app registers each kind of record it publishes with `register_public_information(PublicInformation(...))` in
its registrations: which records are public now, from which version on a record was public (a filter that also
applies to the historical rows), and which fields a resident may see. Only those fields are ever compared or shown:
the change register never shows personal data the public page does not.

Which section "produced" the information is the section whose clerks change the model (core.roles), under the
department's name [K]: the unit, not a person, as the BIP practice of the city allows.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext

from core import roles

VERSIONS_PER_PAGE = 20


@dataclass(frozen=True)
class PublicInformation:
    """A kind of record that is public information.

    `key` is the record kind's part of the change register's address (Polish, stable); `public` returns the records
    residents may see now; `public_when` selects, among the record's versions, those in which it was public (the
    fields of the historical rows are the model's); `public_fields` are the fields its public page shows, in order.
    `published_field` names a field holding the moment of publication when the record has one (a call's BIP date);
    otherwise the first public version's time is the date of publication. `title` is the kind in words; `url` and
    `label` give a record's public page and name where `get_absolute_url()` and `str()` do not. `shown_fields`
    narrows `public_fields` for one record when its page shows fewer (an award's amount the resolution keeps back).
    `count_views` adds the number of views to the metryczka (RecordViewsMiddleware counts them).
    """

    key: str
    model: str
    title: str | Promise
    public: Callable[[], QuerySet]
    public_fields: tuple[str, ...]
    public_when: Q = field(default_factory=Q)
    published_field: str = ""
    url: Callable[[models.Model], str] | None = None
    label: Callable[[models.Model], str] = str
    shown_fields: Callable[[models.Model], tuple[str, ...]] | None = None
    count_views: bool = False

    def fields_of(self, record: models.Model | None) -> tuple[str, ...]:
        """The public fields `record`'s page shows (all of `public_fields` unless the kind narrows them)."""
        if record is None or self.shown_fields is None:
            return self.public_fields
        return self.shown_fields(record)

    def record_url(self, record: models.Model) -> str:
        """The record's public page (its line in a register for a record without a page of its own)."""
        return self.url(record) if self.url is not None else record.get_absolute_url()

    def record_label(self, record: models.Model) -> str:
        return self.label(record)

    def model_class(self) -> type[models.Model]:
        from django.apps import apps

        return apps.get_model(self.model)


_registry: dict[str, PublicInformation] = {}


def register_public_information(kind: PublicInformation) -> None:
    """Make `kind` public information: its records get a metryczka and a public register of changes."""
    _registry[kind.key] = kind


def registered_kinds() -> list[PublicInformation]:
    return sorted(_registry.values(), key=lambda kind: kind.key)


def kind_for_key(key: str) -> PublicInformation | None:
    return _registry.get(key)


def kind_for_record(record: models.Model) -> PublicInformation | None:
    label = record._meta.label_lower
    return next((kind for kind in _registry.values() if kind.model == label), None)


@dataclass(frozen=True)
class Stamp:
    """Who did something with a record and when (a person's name, or empty when no clerk did it)."""

    person: str
    at: datetime | date | None

    @property
    def with_time(self) -> bool:
        return isinstance(self.at, datetime)


@dataclass(frozen=True)
class Metryczka:
    """The metryczka of one record (BIP regulation, DOMAIN.md §J.2)."""

    produced_by: str
    produced: Stamp
    entered: Stamp
    published: Stamp
    changed: Stamp
    versions: int
    change_register_url: str
    views: int | None = None


def person_of(historical) -> str:
    user = getattr(historical, "history_user", None) if historical is not None else None
    return roles.person_name(user) if user is not None else ""


def producer(kind: PublicInformation) -> str:
    """The unit that produced the information: the department and the section whose clerks keep the records."""
    from core.models import DepartmentProfile

    department = DepartmentProfile.objects.order_by("pk").values_list("name", flat=True).first() or ""
    section = roles.SECTION_BY_CODE.get(roles.section_of_model(kind.model) or "")
    parts = [part for part in (department, section.group_name if section else "") if part]
    return ", ".join(parts)


def public_versions(kind: PublicInformation, record: models.Model) -> QuerySet:
    """The record's versions in which residents could see it, oldest first, with the clerk who saved each."""
    return record.history.filter(kind.public_when).select_related("history_user").order_by("history_date", "pk")


def metryczka(record: models.Model) -> Metryczka | None:
    """The metryczka of `record` read from its saved versions; None when its kind is not public information.

    Produced: the first version (the record's creation). Entered: the first version saved by a clerk (a record a
    resident filed through a public form was entered by the clerk who first worked on it). Published: the first
    version in which the record was public (or the kind's own publication date). Changed: the last public version.
    A bounded number of queries, however many versions there are.
    """
    kind = kind_for_record(record)
    if kind is None:
        return None
    history = record.history.select_related("history_user")
    first = history.order_by("history_date", "pk").first()
    entered = history.filter(history_user__isnull=False).order_by("history_date", "pk").first()
    public = public_versions(kind, record)
    first_public = public.first()
    last_public = public.last()
    published_at = getattr(record, kind.published_field, None) if kind.published_field else None
    if published_at is None and first_public is not None:
        published_at = first_public.history_date
    return Metryczka(
        produced_by=producer(kind),
        produced=Stamp("", first.history_date if first else getattr(record, "created_at", None)),
        entered=Stamp(person_of(entered), entered.history_date if entered else None),
        published=Stamp(person_of(first_public), published_at),
        changed=Stamp(person_of(last_public), last_public.history_date if last_public else None),
        versions=public.count(),
        change_register_url=change_register_url(kind, record),
        views=record_views(kind, record) if kind.count_views else None,
    )


def change_register_url(kind: PublicInformation, record: models.Model) -> str:
    return reverse("core:change_register", kwargs={"kind": kind.key, "pk": record.pk})


def register_metryczka(kind: PublicInformation, *, within: Q | None = None) -> Metryczka:
    """The metryczka of a whole register (a list of records, e.g. the register of patronages): when it was first
    published and last changed, and by whom, over every public version of its records; `within` narrows the
    records to one list of them (the laureates of one call: `Q(call_id=call.pk)`)."""
    model = kind.model_class()
    history = model.history.filter(kind.public_when, within or Q()).select_related("history_user")
    first = history.order_by("history_date", "pk").first()
    last = history.order_by("-history_date", "-pk").first()
    entered = history.filter(history_user__isnull=False).order_by("history_date", "pk").first()
    return Metryczka(
        produced_by=producer(kind),
        produced=Stamp("", first.history_date if first else None),
        entered=Stamp(person_of(entered), entered.history_date if entered else None),
        published=Stamp(person_of(first), first.history_date if first else None),
        changed=Stamp(person_of(last), last.history_date if last else None),
        versions=0,
        change_register_url="",
    )


@dataclass(frozen=True)
class FieldValue:
    name: str
    label: str
    value: str
    is_html: bool = False


@dataclass(frozen=True)
class Version:
    """One public version of a record in its change register: when, who, and which visible fields changed."""

    history_id: int
    at: datetime
    person: str
    changed_labels: list[str]
    is_first: bool


def _fields(kind: PublicInformation, record: models.Model | None = None) -> list[models.Field]:
    model = kind.model_class()
    return [model._meta.get_field(name) for name in kind.fields_of(record)]


def _label(model_field: models.Field) -> str:
    return str(model_field.verbose_name)[:1].upper() + str(model_field.verbose_name)[1:]


def _diff_names(kind: PublicInformation, new, old, record: models.Model | None = None) -> list[str]:
    """The public fields whose stored values differ between two versions (foreign keys by their id)."""
    changed = []
    for model_field in _fields(kind, record):
        if model_field.value_from_object(new) != model_field.value_from_object(old):
            changed.append(_label(model_field))
    return changed


def versions_page(kind: PublicInformation, record: models.Model, page_number):
    """A page of the record's public versions, newest first, each with the visible fields it changed.

    Paginated in the database; each page reads its rows and the one version before its oldest row, so the number
    of queries does not grow with the number of versions.
    """
    newest_first = public_versions(kind, record).order_by("-history_date", "-pk")
    page = Paginator(newest_first, VERSIONS_PER_PAGE).get_page(page_number)
    rows = list(page.object_list)
    previous = None
    if rows:
        oldest = rows[-1]
        previous = (
            public_versions(kind, record)
            .filter(Q(history_date__lt=oldest.history_date) | Q(history_date=oldest.history_date, pk__lt=oldest.pk))
            .order_by("-history_date", "-pk")
            .first()
        )
    versions = []
    for index, row in enumerate(rows):
        older = rows[index + 1] if index + 1 < len(rows) else previous
        versions.append(
            Version(
                history_id=row.history_id,
                at=row.history_date,
                person=person_of(row),
                changed_labels=_diff_names(kind, row, older, record) if older is not None else [],
                is_first=older is None,
            )
        )
    page.object_list = versions
    return page


def _display(model_field: models.Field, version) -> str:
    """A stored value as the public page writes it: Polish dates, amounts in złoty, choices by their label."""
    from core.money import MONEY_FIELD, format_pln

    if model_field.is_relation:
        related = getattr(version, model_field.name, None)
        return str(related) if related is not None else ""
    raw = model_field.value_from_object(version)
    if raw is None or raw == "":
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(raw, raw))
    if isinstance(raw, bool):
        return gettext("yes") if raw else gettext("no")
    if isinstance(raw, datetime):
        return date_format(timezone.localtime(raw), "j E Y, H:i")
    if isinstance(raw, date):
        return date_format(raw, "j E Y")
    if isinstance(model_field, models.DecimalField) and model_field.decimal_places == MONEY_FIELD["decimal_places"]:
        return format_pln(raw)
    return str(raw)


def version_values(kind: PublicInformation, version, record: models.Model | None = None) -> list[FieldValue]:
    """The public fields of one saved version as a resident reads them: choices by their label, relations by name."""
    from core.html import SanitisedHTMLField

    return [
        FieldValue(
            model_field.name,
            _label(model_field),
            _display(model_field, version),
            isinstance(model_field, SanitisedHTMLField),
        )
        for model_field in _fields(kind, record)
    ]


def public_record_or_none(kind: PublicInformation, pk: int):
    return kind.public().filter(pk=pk).first()


# NUMBER OF VIEWS
# ------------------------------------------------------------------------------
# The BIP regulation's metryczka may give the number of views (DOMAIN.md §J.2). A page with a metryczka of a kind
# that counts views marks the request (`note_view`); `RecordViewsMiddleware`, outside the anonymous page cache, counts
# the view with one UPDATE … SET views = views + 1, for a page from the cache too: the page cache keeps the mark as
# the RECORD_VIEW_HEADER of the page it stores, and the middleware takes the header off before the reader gets it.
# The count is not a model the page cache watches, so a view never renews the cached pages; a cached page shows the
# number as it was when it was rendered (at most PAGE_CACHE_SECONDS old).
RECORD_VIEW_HEADER = "X-Public-Record-View"
# Robots, link previews, monitors and scripts: not residents' views. A request without a User-Agent is not counted.
ROBOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|monitor|uptime|pingdom|lighthouse|"
    r"headless|phantomjs|curl|wget|python|httpclient|okhttp|java/|go-http|libwww|axios|node-fetch|scrapy",
    re.IGNORECASE,
)


def record_views(kind: PublicInformation, record: models.Model) -> int:
    from core.models import PublicRecordViews

    return (
        PublicRecordViews.objects.filter(kind=kind.key, record_id=record.pk).values_list("views", flat=True).first()
        or 0
    )


def note_view(request, record: models.Model) -> None:
    """Mark the request as a view of `record` when its kind counts views (the metryczka's template tag calls it)."""
    kind = kind_for_record(record)
    if request is not None and kind is not None and kind.count_views and record.pk is not None:
        request.public_record_view = f"{kind.key}:{record.pk}"


def carry_view(request, response) -> None:
    """Put the request's mark on the response, so a page kept by the page cache still counts each of its views."""
    mark = getattr(request, "public_record_view", None)
    if mark:
        response.headers[RECORD_VIEW_HEADER] = mark


def is_counted_reader(request) -> bool:
    """An anonymous reader's plain GET in a browser: not a clerk or anyone with a session, not a robot."""
    from django.conf import settings

    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    return bool(user_agent) and not ROBOT_USER_AGENT.search(user_agent)


def count_view(mark: str) -> None:
    """One more view of the record `mark` ("kind:pk") names: one UPDATE, or a first row for its first view."""
    from django.db import IntegrityError, transaction
    from django.db.models import F

    from core.models import PublicRecordViews

    key, _sep, pk = mark.partition(":")
    if kind_for_key(key) is None or not pk.isdigit():
        return
    rows = PublicRecordViews.objects.filter(kind=key, record_id=int(pk))
    if rows.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            PublicRecordViews.objects.create(kind=key, record_id=int(pk), views=1)
    except IntegrityError:  # another reader's first view came first
        rows.update(views=F("views") + 1)


class RecordViewsMiddleware:
    """Count the views of public information for the metryczka; sits just outside the anonymous page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark = response.get(RECORD_VIEW_HEADER) or getattr(request, "public_record_view", None)
        if RECORD_VIEW_HEADER in response:
            del response[RECORD_VIEW_HEADER]
        if mark and response.status_code == 200 and is_counted_reader(request):
            count_view(mark)
        return response
