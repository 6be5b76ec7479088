from django.urls import path

from awards import views
from awards.models import AwardCallDocument
from core.public_attachments import public_attachment_download

app_name = "awards"

urlpatterns = [
    path("stypendia-i-nagrody/", views.CallListView.as_view(), name="call_list"),
    path("stypendia-i-nagrody/archiwum/", views.CallArchiveView.as_view(), name="call_archive"),
    # Before the call's slug: the committee's panel, behind the clerks' sign-in (assigned applications only).
    path("stypendia-i-nagrody/komisja/", views.committee_panel, name="committee_panel"),
    path("stypendia-i-nagrody/komisja/wnioski/<int:pk>/", views.committee_assignment, name="committee_assignment"),
    # Before the call's slug: the scholar's report from the application's private tracking token.
    path("stypendia-i-nagrody/sprawozdanie/<token:token>/", views.ReportFileView.as_view(), name="report_file"),
    path("stypendia-i-nagrody/<slug:slug>/", views.CallDetailView.as_view(), name="call_detail"),
    path(
        "stypendia-i-nagrody/<slug:slug>/zgloszenie/", views.ApplicationCreateView.as_view(), name="application_create"
    ),
    path(
        "stypendia-i-nagrody/<slug:slug>/dokumenty/<int:pk>/",
        public_attachment_download,
        {"model": AwardCallDocument},
        name="document_download",
    ),
]
