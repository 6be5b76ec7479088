"""Feeds and open data of the calendar: iCalendar, RSS/Atom, JSON and CSV of any filtered list.

Every feed takes the query string of the public list (`OccurrenceFilter`): a link copied from a filtered
list gives the same dates. Unlike the list, which ignores a bad value with a message, a feed answers a
bad value with 400 and a short plain-text reason: a program reads it, and an empty feed would hide the
mistake. Like the list, a feed shows dates that have not ended yet (archived events left out), unless
`od` (from) asks for a date: then it is the lower bound, past or not.

Rows are ordered by start and capped (ROW_LIMIT dates, RSS_LIMIT events), so a feed costs a bounded
number of queries: one for the rows, plus one per chosen category or venue to check the filter.
Texts are Polish (the data are Polish); everything is public, so caches and other sites may use it.
"""

import functools
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.views.decorators.http import require_safe

from core.districts import District
from core.exports import CSV_CONTENT_TYPE, csv_cell, write_csv
from core.feeds import PublicFeed, xml_text
from core.site import site_url
from events.filters import OccurrenceFilter
from events.ical import calendar_ical, local_time, public_status
from events.models import Event, EventOccurrence
from events.selectors import upcoming_only

ROW_LIMIT = 1000
RSS_LIMIT = 50
CACHE_SECONDS = 900
FILE_STEM = "wydarzenia-ruda-slaska"
CALENDAR_NAME = "Wydarzenia — Ruda Śląska"
FEED_TITLE = "Nowe wydarzenia — Ruda Śląska"
FEED_DESCRIPTION = "Wydarzenia niedawno opublikowane w kalendarzu Wydziału Kultury Urzędu Miasta Ruda Śląska."
FEED_AUTHOR = "Wydział Kultury UM Ruda Śląska"

WHEN_NAMES = {"dzis": "dziś", "weekend": "w ten weekend", "tydzien": "w tym tygodniu", "miesiac": "w tym miesiącu"}
AUDIENCE_NAMES = {
    "dzieci": "dla dzieci",
    "mlodziez": "dla młodzieży",
    "seniorzy": "dla seniorów",
    "rodziny": "dla rodzin",
}
ACCESSIBILITY_NAMES = {
    "bez-barier": "wejście bez barier",
    "toaleta": "toaleta dostępna",
    "petla-indukcyjna": "pętla indukcyjna",
    "pjm": "tłumacz PJM",
    "audiodeskrypcja": "audiodeskrypcja",
    "cicha-strefa": "cicha strefa",
    "parking": "parking dla osób z niepełnosprawnościami",
}


class InvalidFilters(Exception):
    """The query string does not pass the list's filter form; `fields` names the bad parameters."""

    def __init__(self, fields):
        super().__init__(", ".join(fields))
        self.fields = list(fields)


def bad_filters_response(error: InvalidFilters) -> HttpResponseBadRequest:
    fields = ", ".join(error.fields)
    response = HttpResponseBadRequest(
        f"Nieprawidłowe parametry filtrów: {fields}.\nInvalid filter parameters: {fields}.\n",
        content_type="text/plain; charset=utf-8",
    )
    # A script on another site that asked for the data may read why it was refused.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def valid_filterset(request, queryset: QuerySet) -> OccurrenceFilter:
    filterset = OccurrenceFilter(request.GET, queryset=queryset)
    if not filterset.is_valid():
        raise InvalidFilters(sorted(filterset.errors))
    return filterset


def filtered_occurrences(request, *, now: datetime) -> tuple[QuerySet, OccurrenceFilter]:
    """Public dates matching the list's filters, not ended yet unless `od` is given, ordered by start.

    Raises InvalidFilters when the form does not validate (the caller answers 400).
    """
    filterset = valid_filterset(request, EventOccurrence.objects.public(now))
    occurrences = filterset.qs
    if filterset.form.cleaned_data.get("od") is None:
        # As the list page: not ended yet, archived events left out.
        occurrences = upcoming_only(occurrences, now=now)
    return occurrences.order_by("starts_at", "pk"), filterset


def limited(queryset: QuerySet, limit: int = ROW_LIMIT) -> tuple[list, bool]:
    """The first `limit` rows in one query, and whether there were more."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def filtered_export(view):
    """Make `view(request, *, rows, more, filterset, now)` a GET/HEAD view of the list's filtered public dates.

    `rows` are the first ROW_LIMIT dates (`filtered_occurrences`), `more` says whether more matched. A query
    string the filter form refuses is answered 400 (`bad_filters_response`) before the view runs.
    """

    @require_safe
    @functools.wraps(view)
    def export(request):
        now = timezone.now()
        try:
            occurrences, filterset = filtered_occurrences(request, now=now)
        except InvalidFilters as error:
            return bad_filters_response(error)
        rows, more = limited(occurrences)
        return view(request, rows=rows, more=more, filterset=filterset, now=now)

    return export


def filters_description(filterset: OccurrenceFilter) -> str:
    """The chosen filters in Polish words, for the name of a calendar or a feed ("" when none)."""
    data = filterset.form.cleaned_data
    parts = []
    if data.get("kategoria"):
        parts.append(data["kategoria"].name)
    if data.get("dla"):
        parts.append(AUDIENCE_NAMES.get(data["dla"], data["dla"]))
    if data.get("dzielnica"):
        parts.append(District(data["dzielnica"]).label)
    if data.get("miejsce"):
        parts.append(data["miejsce"].name)
    if data.get("kiedy"):
        parts.append(WHEN_NAMES.get(data["kiedy"], data["kiedy"]))
    if data.get("od"):
        parts.append(f"od {data['od']:%d.%m.%Y}")
    if data.get("do"):
        parts.append(f"do {data['do']:%d.%m.%Y}")
    if data.get("bezplatne"):
        parts.append("wstęp wolny")
    for value in data.get("dostepnosc") or ():
        parts.append(ACCESSIBILITY_NAMES.get(value, value))
    if data.get("q"):
        parts.append(f"„{data['q']}”")
    return xml_text(", ".join(parts))


def has_filters(filterset: OccurrenceFilter) -> bool:
    return any(value not in (None, "", False, []) for value in filterset.form.cleaned_data.values())


def titled(base: str, filterset: OccurrenceFilter) -> str:
    described = filters_description(filterset)
    return f"{base}: {described}"[:250] if described else base


def open_data_headers(response: HttpResponse, *, filename: str, disposition: str = "inline") -> HttpResponse:
    """Public data: a file name, 15 minutes in any cache, readable by scripts on other sites (no cookies)."""
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


# iCalendar
# ------------------------------------------------------------------------------


@filtered_export
def occurrence_list_ical(request, *, rows, more, filterset, now):
    """The filtered list as a calendar to subscribe to (webcal) or import."""
    body = calendar_ical(
        rows, name=titled(CALENDAR_NAME, filterset), url=site_url(request.get_full_path()), now=now, refresh=True
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return open_data_headers(response, filename=f"{FILE_STEM}.ics")


@require_safe
def event_ical(request, slug):
    """Every date of one published event (past ones too), as a file to add to one's calendar."""
    event = get_object_or_404(Event.objects.published().select_related("venue", "category"), slug=slug)
    # The related manager gives each occurrence this very `event`, venue and category included.
    occurrences, _more = limited(event.occurrences.order_by("starts_at", "pk"))
    body = calendar_ical(occurrences, name=event.title, url=site_url(request.path), refresh=False)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return open_data_headers(response, filename=f"{event.slug}.ics", disposition="attachment")


# JSON and CSV (open data)
# ------------------------------------------------------------------------------

RECORD_FIELDS = (
    "id",
    "event_slug",
    "title",
    "lead",
    "category",
    "category_slug",
    "start",
    "end",
    "status",
    "venue_name",
    "street_address",
    "postal_code",
    "district",
    "district_code",
    "latitude",
    "longitude",
    "free",
    "price_from",
    "price_to",
    "organiser",
    "url",
    "step_free_entry",
    "accessible_toilet",
    "induction_loop",
    "quiet_space",
    "disabled_parking",
    "sign_language_interpreter",
    "audio_description",
)
# Free texts typed by organisers: a spreadsheet must not take them for formulas.
TEXT_FIELDS = frozenset({"title", "lead", "category", "venue_name", "street_address", "organiser"})


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in Warsaw time with its offset, e.g. 2026-10-24T20:00:00+02:00."""
    return local_time(moment).isoformat(timespec="seconds") if moment is not None else None


def number(value) -> float | None:
    # float() of a Decimal with at most 12 digits prints the same digits back (shortest repr).
    return float(value) if value is not None else None


def occurrence_record(occurrence: EventOccurrence) -> dict:
    """One date as open data; the keys are RECORD_FIELDS. `status`: scheduled, moved, cancelled, postponed."""
    event = occurrence.event
    venue = event.venue
    return {
        "id": occurrence.pk,
        "event_slug": event.slug,
        "title": event.title,
        "lead": event.lead,
        "category": event.category.name,
        "category_slug": event.category.slug,
        "start": iso(occurrence.starts_at),
        "end": iso(occurrence.ends_at),
        "status": public_status(occurrence),
        "venue_name": venue.name,
        "street_address": venue.street_address,
        "postal_code": venue.postal_code,
        "district": venue.get_district_display(),
        "district_code": venue.district,
        "latitude": number(venue.latitude),
        "longitude": number(venue.longitude),
        "free": event.is_free,
        "price_from": number(event.price_from),
        "price_to": number(event.price_to),
        "organiser": event.organiser_name,
        "url": site_url(event.get_absolute_url()),
        "step_free_entry": venue.step_free_entry,
        "accessible_toilet": venue.accessible_toilet,
        "induction_loop": venue.induction_loop,
        "quiet_space": venue.quiet_space,
        "disabled_parking": venue.disabled_parking,
        "sign_language_interpreter": event.sign_language_interpreter,
        "audio_description": event.audio_description,
    }


@filtered_export
def occurrence_list_json(request, *, rows, more, filterset, now):
    """{"generated_at", "count", "limit", "truncated", "items": [...]}; `truncated` says more dates matched."""
    payload = {
        "generated_at": iso(now),
        "count": len(rows),
        "limit": ROW_LIMIT,
        "truncated": more,
        "items": [occurrence_record(occurrence) for occurrence in rows],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    return open_data_headers(response, filename=f"{FILE_STEM}.json")


def csv_cell_of(name: str, value) -> str:
    """A record's value as a CSV cell: only the organisers' free texts can start a formula."""
    if name in TEXT_FIELDS or not isinstance(value, str):
        return csv_cell(value)
    return value


@filtered_export
def occurrence_list_csv(request, *, rows, more, filterset, now):
    """The filtered list as CSV: RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte order mark.

    The BOM makes Excel read the file as UTF-8, so Polish letters come out right; without it Excel assumes
    Windows-1250. The separator stays the comma of RFC 4180 rather than the semicolon of Polish Excel, so
    every CSV reader and the open-data portal (dane.gov.pl) take the file as it is; in Excel, "Dane → Z
    tekstu/CSV" detects the comma. Columns are RECORD_FIELDS with a header row; true/false for yes/no,
    an empty cell for unknown, a dot in numbers, ISO 8601 times with their offset. A free text starting
    with = + - or @ gets a leading apostrophe, so a spreadsheet does not run it as a formula.
    """
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    records = (occurrence_record(occurrence) for occurrence in rows)
    cells = ([csv_cell_of(name, record[name]) for name in RECORD_FIELDS] for record in records)
    write_csv(response, RECORD_FIELDS, cells, cell=str)
    return open_data_headers(response, filename=f"{FILE_STEM}.csv", disposition="attachment")


# RSS and Atom
# ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedContext:
    """What one request asked for; the Feed instance is shared by all requests, so it holds nothing."""

    events: QuerySet
    title: str
    link: str
    feed_url: str


class LatestEventsRssFeed(PublicFeed):
    """Newly published events (RSS 2.0), newest first; the list's filters narrow them to matching dates."""

    description = FEED_DESCRIPTION
    author_name = FEED_AUTHOR
    cache_seconds = CACHE_SECONDS
    guid_prefix = "wydarzenie"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilters as error:
            return bad_filters_response(error)

    def get_object(self, request, *args, **kwargs):
        now = timezone.now()
        filterset = valid_filterset(request, EventOccurrence.objects.all())
        events = Event.objects.published(now).exclude(status=Event.Status.ARCHIVED).select_related("category")
        if has_filters(filterset):
            events = events.filter(pk__in=filterset.qs.values("event_id"))
        # When residents could first see it: a scheduled publication appears at `publish_at`, not when the
        # clerk approved it. Both Coalesce()s are never NULL, so Greatest() is the same on every database.
        events = events.annotate(
            appeared_at=Greatest(
                Coalesce("publish_at", "published_at", "created_at"), Coalesce("published_at", "created_at")
            )
        ).order_by("-appeared_at", "-pk")
        query = request.GET.urlencode()
        list_url = site_url(reverse("events:occurrence_list"))
        return FeedContext(
            events=events,
            title=titled(FEED_TITLE, filterset),
            link=f"{list_url}?{query}" if query else list_url,
            feed_url=site_url(request.get_full_path()),
        )

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def feed_url(self, obj):
        return obj.feed_url

    def items(self, obj):
        return obj.events[:RSS_LIMIT]

    def item_pubdate(self, item):
        return item.appeared_at

    def item_categories(self, item):
        return [xml_text(item.category.name)]


class LatestEventsAtomFeed(LatestEventsRssFeed):
    """The same events as Atom 1.0."""

    feed_type = feedgenerator.Atom1Feed
    subtitle = FEED_DESCRIPTION
