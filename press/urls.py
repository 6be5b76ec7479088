from django.urls import path

from core.public_attachments import public_attachment_download
from press import feeds, views
from press.models import ReleaseAttachment

app_name = "press"

urlpatterns = [
    path("prasa/", views.ReleaseListView.as_view(), name="release_list"),
    path("prasa/rss/", feeds.ReleasesRssFeed(), name="feed_rss"),
    path("prasa/atom/", feeds.ReleasesAtomFeed(), name="feed_atom"),
    path("prasa/dane.json", views.release_export_json, name="release_export_json"),
    path("prasa/dane.csv", views.release_export_csv, name="release_export_csv"),
    path("prasa/tematy/<slug:topic>/rss/", feeds.ReleasesRssFeed(), name="topic_feed_rss"),
    path("prasa/tematy/<slug:topic>/atom/", feeds.ReleasesAtomFeed(), name="topic_feed_atom"),
    path("prasa/wypisz/<token:token>/", views.unsubscribe, name="unsubscribe"),
    path("prasa/konferencje/<slug:slug>/", views.ConferenceDetailView.as_view(), name="conference_detail"),
    path(
        "prasa/konferencje/<slug:slug>/akredytacja/",
        views.AccreditationCreateView.as_view(),
        name="accreditation_create",
    ),
    path("prasa/<slug:slug>/", views.ReleaseDetailView.as_view(), name="release_detail"),
    path("prasa/<slug:slug>/zdjecia/<int:pk>/", views.photo_download, name="photo_download"),
    path(
        "prasa/<slug:slug>/zdjecia/<int:pk>/<int:width>.<slug:extension>",
        views.photo_rendition,
        name="photo_rendition",
    ),
    path(
        "prasa/<slug:slug>/zalaczniki/<int:pk>/",
        public_attachment_download,
        {"model": ReleaseAttachment},
        name="attachment_download",
    ),
]
