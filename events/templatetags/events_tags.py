"""Template helpers of the public calendar: status of a date, prices, accessibility features, schema.org data."""

from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.money import format_pln
from core.public_images import picture_sources
from core.structured_data import SCHEMA, json_ld
from events.models import Event, EventOccurrence, Venue

register = template.Library()

# What django.utils.html.json_script escapes: inside <script> only "<" could end the element early
# ("</script>", "<!--"); ">" and "&" are escaped too so the text is safe in any HTML parser state.
MAX_JSON_LD_DATES = 20

VENUE_FEATURES = ("step_free_entry", "accessible_toilet", "induction_loop", "quiet_space", "disabled_parking")
EVENT_FEATURES = ("sign_language_interpreter", "audio_description")
# Decorative icons (aria-hidden): the feature's name is always written next to them.
_ICONS = {
    "step_free_entry": '<circle cx="11" cy="3.5" r="2.2"/><path d="M9.5 7.5h2.6v4.5h5v2.4H9.5z"/>'
    '<path d="M15.2 14.4h2.3l2.6 5.9-2 .9z"/><path d="M8 10.6v2.5a4.4 4.4 0 1 0 6.3 5.3h2.4A6.8 6.8 0 1 1 8 10.6z"/>',
    "accessible_toilet": '<text x="12" y="16.5" text-anchor="middle" font-size="11" font-weight="700">WC</text>',
    "induction_loop": '<path d="M12 3a7 7 0 0 0-7 7h2.3a4.7 4.7 0 1 1 7.7 3.6c-1.3 1-2.3 2.2-2.6 3.8'
    "-.3 1.5-1.2 2.3-2.4 2.3a2.3 2.3 0 0 1-2.3-2.3H5.4A4.6 4.6 0 0 0 10 22c2.3 0 4.2-1.6 4.6-4"
    ' .2-1 .8-1.8 1.7-2.5A7 7 0 0 0 12 3z"/><path d="M10 9h6v1.8h-2.1V16h-1.8v-5.2H10z"/>',
    "quiet_space": '<path d="M14.5 3.2A8.6 8.6 0 1 0 20.8 15 7 7 0 0 1 14.5 3.2z"/>',
    "disabled_parking": '<text x="12" y="17.5" text-anchor="middle" font-size="15" font-weight="700">P</text>',
    "sign_language_interpreter": '<text x="12" y="15.5" text-anchor="middle" font-size="8.5" '
    'font-weight="700">PJM</text>',
    "audio_description": '<text x="12" y="16" text-anchor="middle" font-size="10.5" font-weight="700">AD</text>',
}


register.filter("json_ld", json_ld, is_safe=True)


@register.filter
def occurrence_state(occurrence: EventOccurrence) -> str:
    """ "cancelled", "postponed", "moved" or "" for a date, taking its event's status into account."""
    if occurrence.event.status == Event.Status.CANCELLED or occurrence.status == EventOccurrence.Status.CANCELLED:
        return "cancelled"
    if occurrence.event.status == Event.Status.POSTPONED:
        return "postponed"
    if occurrence.status == EventOccurrence.Status.MOVED:
        return "moved"
    return ""


def _price(value: Decimal) -> str:
    """A price as "25", "12,50", "1 200" (core.money; the translated sentence carries the unit)."""
    return format_pln(value, unit=False, whole_without_grosze=True)


@register.filter
def price_text(event: Event) -> str:
    """ "Free admission", "25 PLN", "25–40 PLN", "up to 40 PLN" or "Paid admission" in the active language."""
    if event.is_free:
        return gettext("Free admission")
    low, high = event.price_from, event.price_to
    if low is not None and high is not None and high != low:
        return gettext("%(low)s–%(high)s PLN") % {"low": _price(low), "high": _price(high)}
    if low is not None:
        return gettext("%(price)s PLN") % {"price": _price(low)}
    if high is not None:
        return gettext("up to %(price)s PLN") % {"price": _price(high)}
    return gettext("Paid admission")


AUDIENCE_FIELDS = ("for_children", "for_youth", "for_seniors", "for_families")


@register.filter
def audiences(event: Event) -> list[str]:
    """Labels of the audiences an event is meant for ("for children", …)."""
    return [Event._meta.get_field(name).verbose_name for name in AUDIENCE_FIELDS if getattr(event, name)]


def _feature(model, name: str) -> dict:
    return {"key": name, "label": model._meta.get_field(name).verbose_name}


@register.filter
def venue_features(venue: Venue) -> list[dict]:
    """The venue's accessibility features that are present: [{"key", "label"}, …]."""
    return [_feature(Venue, name) for name in VENUE_FEATURES if getattr(venue, name)]


@register.filter
def event_own_features(event: Event) -> list[dict]:
    """What the event itself offers (sign language interpreter, audio description), whatever the venue."""
    return [_feature(Event, name) for name in EVENT_FEATURES if getattr(event, name)]


@register.filter
def event_features(event: Event) -> list[dict]:
    """Accessibility of an event: its venue's features, then its own (sign language, audio description)."""
    return venue_features(event.venue) + event_own_features(event)


@register.simple_tag
def feature_icon(key: str) -> str:
    """A small decorative SVG for an accessibility feature (hidden from assistive technology)."""
    inner = _ICONS.get(key)
    if inner is None:
        return ""
    return format_html(
        '<svg class="access-feature__icon" viewBox="0 0 24 24" width="24" height="24" fill="currentColor" '
        'aria-hidden="true" focusable="false">{}</svg>',
        mark_safe(inner),  # noqa: S308 — constant markup defined above
    )


_STATUS = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved": "EventRescheduled",
    "": "EventScheduled",
}


def _iso(moment) -> str:
    return timezone.localtime(moment).isoformat()


def event_structured_data(event: Event, occurrences: list[EventOccurrence], *, absolute) -> list[dict]:
    """schema.org Event objects for `event`: one per date in `occurrences`.

    One object per date rather than one for the event: each date has its own start, end and status
    (a single date can be cancelled or moved), which one Event with one startDate cannot express.
    `absolute` turns a path into an absolute URL (request.build_absolute_uri).
    """
    url = absolute(event.get_absolute_url())
    venue = event.venue
    place = {
        "@type": "Place",
        "name": venue.name,
        "url": absolute(venue.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postal_code,
            "addressLocality": "Ruda Śląska",
            "addressCountry": "PL",
        },
    }
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": str(venue.latitude), "longitude": str(venue.longitude)}
    organizer = {"@type": "Organization", "name": event.organiser_name}
    if event.organiser_url:
        organizer["url"] = event.organiser_url
    organizers = [organizer]
    if event.co_organised_by_city:
        organizers.append(
            {
                "@type": "GovernmentOrganization",
                "name": gettext("City of Ruda Śląska"),
                "url": absolute(reverse("core:home")),
            }
        )
    if event.is_free:
        offers = {"@type": "Offer", "price": "0", "priceCurrency": "PLN", "url": event.registration_url or url}
    else:
        offers = {"@type": "Offer", "priceCurrency": "PLN", "url": event.ticket_url or url}
        low, high = event.price_from, event.price_to
        if low is not None and high is not None and high != low:
            offers.update({"@type": "AggregateOffer", "lowPrice": str(low), "highPrice": str(high)})
        elif low is not None or high is not None:
            offers["price"] = str(low if low is not None else high)
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "url": url,
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": place,
        "organizer": organizers[0] if len(organizers) == 1 else organizers,
        "offers": offers,
        "isAccessibleForFree": event.is_free,
    }
    if event.image_id and not event.image.withheld:
        common["image"] = [absolute(picture_sources(event.image)["src"])]
    data = []
    for occurrence in occurrences[:MAX_JSON_LD_DATES]:
        item = {**common, "startDate": _iso(occurrence.starts_at)}
        if occurrence.ends_at:
            item["endDate"] = _iso(occurrence.ends_at)
        item["eventStatus"] = SCHEMA + _STATUS[occurrence_state(occurrence)]
        data.append(item)
    return data


@register.simple_tag(takes_context=True)
def event_json_ld(context, event: Event, upcoming: list, past: list) -> str:
    """The event page's JSON-LD: its upcoming dates, or its latest date when all have passed."""
    occurrences = upcoming or past[:1]
    if not occurrences:
        return ""
    data = event_structured_data(event, occurrences, absolute=context["request"].build_absolute_uri)
    return json_ld(data[0] if len(data) == 1 else data)
