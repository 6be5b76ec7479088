"""Template helpers of the public calendar: status of a date, prices, accessibility features, schema.org data."""

from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.money import format_pln
from core.public_images import picture_sources
from core.structured_data import SCHEMA, json_ld, postal_address
from events.models import Event, EventOccurrence, Venue

register = template.Library()

# What django.utils.html.json_script escapes: inside <script> only "<" could end the element early
# ("</script>", "<!--"); ">" and "&" are escaped too so the text is safe in any HTML parser state.
MAX_JSON_LD_DATES = 20

VENUE_FEATURES = ("step_free_entry", "accessible_toilet", "induction_loop", "quiet_space", "disabled_parking")
EVENT_FEATURES = ("sign_language_interpreter", "audio_description")


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


_STATUS = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved": "EventRescheduled",
    "": "EventScheduled",
}


def _iso(moment) -> str:
    return timezone.localtime(moment).isoformat()


def venue_place(venue, *, absolute) -> dict:
    """A venue as a schema.org Place: its name, page, postal address and, when known, its coordinates."""
    place = {
        "@type": "Place",
        "name": venue.name,
        "url": absolute(venue.get_absolute_url()),
        "address": postal_address("", street=venue.street_address, postal_code=venue.postal_code),
    }
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": str(venue.latitude), "longitude": str(venue.longitude)}
    return place


@register.simple_tag(takes_context=True)
def venue_json_ld(context, venue) -> str:
    """The venue page's JSON-LD: the venue as a schema.org Place."""
    place = venue_place(venue, absolute=context["request"].build_absolute_uri)
    return json_ld({"@context": "https://schema.org", **place})


def event_structured_data(event: Event, occurrences: list[EventOccurrence], *, absolute) -> list[dict]:
    """schema.org Event objects for `event`: one per date in `occurrences`.

    One object per date rather than one for the event: each date has its own start, end and status
    (a single date can be cancelled or moved), which one Event with one startDate cannot express.
    `absolute` turns a path into an absolute URL (request.build_absolute_uri).
    """
    url = absolute(event.get_absolute_url())
    place = venue_place(event.venue, absolute=absolute)
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
