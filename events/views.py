import calendar
import re
from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import TemplateView

from core.filters import MAX_DATE, MIN_DATE
from core.pagination import CachedCountPaginator
from core.public_cases import PublicCaseCreateView
from core.uploads.stash import KeptUploadsMixin
from events import selectors
from events.filters import OccurrenceFilter
from events.forms import EventSubmissionForm
from events.ical import add_to_calendar_links, subscription_links
from events.services import submission_prepare, submission_received


class SubmissionCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """ "Zgłoś wydarzenie": the organiser's event becomes a submitted draft and a case with a tracking link."""

    form_class = EventSubmissionForm
    template_name = "events/eventsubmission_form.html"
    form_key = "events.submission"
    rate_scope = "event_submission"

    def build_case(self, form):
        self.image = form.cleaned_data.get("image")
        return submission_prepare(
            submission=form.save(commit=False),
            event_fields=form.event_fields(),
            occurrences=form.occurrences(),
            image=self.image,
            image_alt_text=form.cleaned_data.get("image_alt_text") or "",
        )

    def case_title(self, case):
        return gettext("Event submission: %(title)s") % {"title": case.event.title[:200]}

    def on_open(self, case):
        submission_received(submission=case, image=self.image)


# Public browsing views: thin wrappers over events.selectors and the public filters.

OCCURRENCES_PER_PAGE = 20
MONTH_DATES_PER_DAY = 4
MONTH_CONTINUING_LIMIT = 12
# A filter value is at most 100 characters; anything much longer is cut before validation, so a
# hostile query string is refused by the form (an error) without being echoed back at full length.
MAX_FILTER_VALUE_LENGTH = 200
MAX_FILTER_VALUES = 20
# Filters kept behind "More filters"; the section opens when one of them is used.
MORE_FILTERS = ("od", "do", "dla", "miejsce", "bezplatne", "dostepnosc")


def filter_params(query: QueryDict) -> QueryDict:
    """Return the calendar filters of a query string: known names only, bounded values, no empty ones."""
    params = QueryDict(mutable=True)
    for name in OccurrenceFilter.base_filters:
        values = [value[:MAX_FILTER_VALUE_LENGTH] for value in query.getlist(name)[:MAX_FILTER_VALUES] if value]
        if values:
            params.setlist(name, values)
    return params


class OccurrenceFilterMixin:
    """Apply OccurrenceFilter to a queryset of dates; a form with errors leaves the dates unfiltered.

    Puts in the context `filter` (the FilterSet, for its form), `query` (the applied filters as a
    query string, for pagination, feeds and month links) and `filters_active`; `date_from` is the
    applied "od" date or None.
    """

    date_from: date | None = None

    def filter_occurrences(self, queryset):
        params = filter_params(self.request.GET)
        filterset = OccurrenceFilter(params or None, queryset=queryset)
        applied = filterset.is_valid()
        self.date_from = filterset.form.cleaned_data.get("od") if applied else None
        self.filter_context = {
            "filter": filterset,
            "query": params.urlencode() if applied else "",
            "filters_active": applied,
            "more_open": any(name in params for name in MORE_FILTERS),
        }
        self.filter_context["subscription"] = subscription_links(
            self.filter_context["query"], gettext("Events in Ruda Śląska")
        )
        return filterset.qs if applied else queryset


def _paginate(request, queryset, *, count_key: str, per_page=OCCURRENCES_PER_PAGE):
    """Return a page of `queryset`; a missing, bad or too large page number gives the first or the last page.

    `count_key` names the list and everything that decides its total (not the page number): the total
    is counted at most once a minute per key (core.pagination).
    """
    paginator = CachedCountPaginator(queryset, per_page, count_key=f"{count_key}:{timezone.localdate()}")
    return paginator.get_page(request.GET.get("page"))


def _by_local_day(occurrences, *, ongoing_before: date | None = None) -> list[tuple[date | None, list]]:
    """Group dates (already ordered) under their local day, keeping the order: [(day, [occurrence, …]), …].

    With `ongoing_before`, dates that started before that day (a running exhibition) go under None,
    shown as "started earlier and still on" rather than under a day before the list's first.
    """
    groups: list[tuple[date | None, list]] = []
    for occurrence in occurrences:
        day = timezone.localdate(occurrence.starts_at)
        if ongoing_before is not None and day < ongoing_before:
            day = None
        if not groups or groups[-1][0] != day:
            groups.append((day, []))
        groups[-1][1].append(occurrence)
    return groups


class OccurrenceListView(OccurrenceFilterMixin, TemplateView):
    """ "Wydarzenia": the upcoming dates of the city's calendar, filtered from the query string, 20 a page.

    A "from" date (od) replaces "not ended yet" as the lower bound, as in the feeds the page links to,
    so the same query string gives the same dates on the page and in the calendar or data files.
    """

    template_name = "events/occurrence_list.html"
    current = "list"

    def get_occurrences(self):
        occurrences = self.filter_occurrences(selectors.occurrences_public())
        if self.date_from is None:
            occurrences = selectors.upcoming_only(occurrences)
        return occurrences

    def ongoing_before(self) -> date | None:
        """Dates that started before this day are grouped as "started earlier" rather than under a past day."""
        return self.date_from or timezone.localdate()

    def get_texts(self) -> dict:
        return {
            "heading": gettext("Events in Ruda Śląska"),
            "lead": gettext(
                "Concerts, theatre, exhibitions, workshops and outdoor events in every district of the city."
            ),
            "empty_text": gettext("No events are planned yet."),
            "breadcrumbs": [],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        occurrences = self.get_occurrences()
        page = _paginate(self.request, occurrences, count_key=f"events:{self.current}:{self.filter_context['query']}")
        context.update(self.filter_context)
        context.update(self.get_texts())
        context.update(
            page_obj=page,
            days=_by_local_day(page.object_list, ongoing_before=self.ongoing_before()),
            current=self.current,
        )
        return context


class ArchiveView(OccurrenceListView):
    """ "Archiwum": dates that have ended, newest first, with the same filters."""

    current = "archive"

    def get_occurrences(self):
        return self.filter_occurrences(selectors.occurrences_past())

    def ongoing_before(self) -> None:
        return None

    def get_texts(self) -> dict:
        return {
            "heading": gettext("Past events"),
            "lead": gettext("Events that have already taken place, the most recent first."),
            "empty_text": gettext("There are no past events yet."),
            "breadcrumbs": [(gettext("Events"), reverse("events:occurrence_list"))],
        }


def _month_from_query(query: QueryDict) -> tuple[int, int] | None:
    """Return (year, month) from ?rok=&miesiac=, None if either is not a whole number in range."""
    raw_year, raw_month = query.get("rok", ""), query.get("miesiac", "")
    if not (re.fullmatch(r"[0-9]{4}", raw_year) and re.fullmatch(r"[0-9]{1,2}", raw_month)):
        return None
    year, month = int(raw_year), int(raw_month)
    if MIN_DATE.year <= year <= MAX_DATE.year and 1 <= month <= 12:
        return year, month
    return None


def _with_params(url: str, query: str, **params) -> str:
    """`url` with the filters in `query` and `params` (which replace filters of the same name)."""
    merged = QueryDict(query, mutable=True)
    for name, value in params.items():
        merged[name] = value
    encoded = merged.urlencode()
    return f"{url}?{encoded}" if encoded else url


class MonthView(OccurrenceFilterMixin, TemplateView):
    """ "Kalendarz miesięczny": a month as a table of weeks; each day lists its first dates (two queries)."""

    template_name = "events/occurrence_month.html"

    def get_month(self, today: date) -> date:
        """The first day of the month asked for in ?rok=&miesiac=, or of this month (with a message if invalid)."""
        chosen = _month_from_query(self.request.GET)
        if chosen is None:
            if "rok" in self.request.GET or "miesiac" in self.request.GET:
                messages.warning(
                    self.request, gettext("There is no such month in the calendar; showing the current month.")
                )
            return today.replace(day=1)
        return date(*chosen, 1)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        first = self.get_month(today)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        queryset = self.filter_occurrences(selectors.occurrences_public())
        days = selectors.month_days(queryset, first=first, last=last, per_day=MONTH_DATES_PER_DAY)
        continuing = selectors.month_continuing(queryset, first=first, limit=MONTH_CONTINUING_LIMIT)
        query = self.filter_context["query"]
        list_url, archive_url = reverse("events:occurrence_list"), reverse("events:archive")

        def cell(day: date) -> dict:
            if day.month != first.month:
                return {"day": day, "outside": True}
            entry = days.get(day)
            more_url = ""
            if entry and entry.more:
                iso = day.isoformat()
                more_url = _with_params(archive_url if day < today else list_url, query, od=iso, do=iso)
            return {"day": day, "entry": entry, "more_url": more_url}

        weeks = [
            [cell(day) for day in week]
            for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(first.year, first.month)
        ]
        month_params = {"rok": str(first.year), "miesiac": str(first.month)}
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = last + timedelta(days=1)
        context.update(self.filter_context)
        context.update(
            month=first,
            today=today,
            weeks=weeks,
            weekdays=[week_day["day"] for week_day in weeks[0]],
            has_dates=bool(days),
            continuing=continuing[:MONTH_CONTINUING_LIMIT],
            continuing_more=len(continuing) > MONTH_CONTINUING_LIMIT,
            continuing_more_url=_with_params(list_url, query, od=first.isoformat()),
            previous_month=previous_month,
            next_month=next_month,
            previous_link=_with_params("", query, rok=str(previous_month.year), miesiac=str(previous_month.month))
            if previous_month >= MIN_DATE
            else "",
            next_link=_with_params("", query, rok=str(next_month.year), miesiac=str(next_month.month))
            if next_month <= MAX_DATE
            else "",
            current_link=_with_params("", query, rok=str(today.year), miesiac=str(today.month)),
            is_current_month=(first.year, first.month) == (today.year, today.month),
            hidden=list(month_params.items()),
            clear_url=_with_params(self.request.path, "", **month_params),
            breadcrumbs=[(gettext("Events"), list_url)],
        )
        return context


class EventDetailView(TemplateView):
    """One event: what, where, every date, price, accessibility, organiser; schema.org Event data."""

    template_name = "events/event_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = selectors.event_get_published_or_404(self.kwargs["slug"])
        upcoming, past = selectors.event_dates(event)
        next_date = next((o for o in upcoming if o.status != o.Status.CANCELLED), None)
        context.update(
            event=event,
            upcoming=upcoming,
            past=past,
            next_date=next_date,
            calendar_links=add_to_calendar_links(next_date) if next_date else None,
            # Read through the related manager, each attachment knows its event (for its link) without a query.
            attachments=list(event.attachments.all()),
            breadcrumbs=[(gettext("Events"), reverse("events:occurrence_list"))],
        )
        return context


def osm_url(venue) -> str:
    """A plain link to the venue on OpenStreetMap: its coordinates if known, else a search for its address."""
    if venue.latitude is not None and venue.longitude is not None:
        lat, lon = f"{venue.latitude:.6f}", f"{venue.longitude:.6f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    address = f"{venue.street_address}, {venue.postal_code} Ruda Śląska"
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address})


class VenueDetailView(TemplateView):
    """A venue: address, district, accessibility, a map link and its upcoming events (paginated)."""

    template_name = "events/venue_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        venue = selectors.venue_get_or_404(self.kwargs["slug"])
        page = _paginate(self.request, selectors.venue_upcoming(venue), count_key=f"events:venue:{venue.pk}")
        context.update(
            venue=venue,
            page_obj=page,
            days=_by_local_day(page.object_list, ongoing_before=timezone.localdate()),
            query="",
            map_url=osm_url(venue),
            breadcrumbs=[(gettext("Events"), reverse("events:occurrence_list"))],
        )
        return context
