from django.urls import path

from core.public_attachments import public_attachment_download
from events import feeds, views
from events.models import EventAttachment

app_name = "events"

urlpatterns = [
    path("wydarzenia/", views.OccurrenceListView.as_view(), name="occurrence_list"),
    path("wydarzenia/miesiac/", views.MonthView.as_view(), name="month"),
    path("wydarzenia/archiwum/", views.ArchiveView.as_view(), name="archive"),
    path("wydarzenia/zglos/", views.SubmissionCreateView.as_view(), name="submission_create"),
    path("wydarzenia/kalendarz.ics", feeds.occurrence_list_ical, name="feed_ical"),
    path("wydarzenia/rss/", feeds.LatestEventsRssFeed(), name="feed_rss"),
    path("wydarzenia/atom/", feeds.LatestEventsAtomFeed(), name="feed_atom"),
    path("wydarzenia/dane.json", feeds.occurrence_list_json, name="export_json"),
    path("wydarzenia/dane.csv", feeds.occurrence_list_csv, name="export_csv"),
    path("wydarzenia/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path(
        "wydarzenia/<slug:slug>/zalaczniki/<int:pk>/",
        public_attachment_download,
        {"model": EventAttachment},
        name="attachment_download",
    ),
    path("wydarzenia/<slug:slug>/kalendarz.ics", feeds.event_ical, name="event_ical"),
    path("miejsca/<slug:slug>/", views.VenueDetailView.as_view(), name="venue_detail"),
]
