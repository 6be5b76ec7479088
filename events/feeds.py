"""Feeds and open data of the calendar: iCalendar, RSS/Atom, JSON and CSV of any filtered list."""

from django.contrib.syndication.views import Feed
from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


occurrence_list_ical = occurrence_list_json = occurrence_list_csv = event_ical = _not_yet


class LatestEventsRssFeed(Feed):
    title = link = description = ""

    def items(self):
        return []


class LatestEventsAtomFeed(LatestEventsRssFeed):
    pass
