from django.urls import path

from core.public_attachments import public_attachment_download
from grants import views
from grants.models import CallDocument

app_name = "grants"

urlpatterns = [
    path("dotacje/", views.CallListView.as_view(), name="call_list"),
    path("dotacje/archiwum/", views.CallArchiveView.as_view(), name="call_archive"),
    path("dotacje/wyniki/", views.ResultsView.as_view(), name="results"),
    path("dotacje/wyniki.csv", views.results_csv, name="results_csv"),
    path("dotacje/wyniki.xlsx", views.results_xlsx, name="results_xlsx"),
    path("dotacje/konkursy/<slug:slug>/", views.CallDetailView.as_view(), name="call_detail"),
    path("dotacje/konkursy/<slug:slug>/oferta/", views.OfferFormView.as_view(), name="offer_create"),
    path(
        "dotacje/konkursy/<slug:slug>/dokumenty/<int:pk>/",
        public_attachment_download,
        {"model": CallDocument},
        name="document_download",
    ),
    path("dotacje/male-granty/oferta/", views.OfferFormView.as_view(), name="small_grant_create"),
    path("dotacje/male-granty/<int:pk>/", views.SmallGrantDetailView.as_view(), name="small_grant_detail"),
    path("dotacje/oferta/<token:token>/", views.OfferFormView.as_view(), name="offer_draft"),
    path("dotacje/oferta/<token:token>/pdf/", views.offer_pdf, name="offer_pdf"),
    path("dotacje/sprawozdanie/<token:token>/<int:pk>/", views.ReportFileView.as_view(), name="report_file"),
    path("dotacje/sprawozdanie/<token:token>/<int:pk>/pdf/", views.report_pdf, name="report_pdf"),
    path("dotacje/komisja/", views.committee_panel, name="committee_panel"),
    path("dotacje/komisja/oferty/<int:pk>/", views.committee_assignment, name="committee_assignment"),
    path("dotacje/komisja/konkursy/<int:pk>/ranking.csv", views.ranking_csv, name="ranking_csv"),
    path("dotacje/komisja/konkursy/<int:pk>/ranking.xlsx", views.ranking_xlsx, name="ranking_xlsx"),
]
