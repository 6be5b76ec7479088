from django.urls import path

from core import applicant_changes, case_fees, private_documents, public_cases, views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("wydzial/", views.DepartmentView.as_view(), name="department"),
    path("strony/<slug:slug>/", views.StaticPageDetailView.as_view(), name="page_detail"),
    path("szukaj/", views.search, name="search"),
    path("informacja-publiczna/<slug:kind>/<int:pk>/rejestr-zmian/", views.change_register, name="change_register"),
    path(
        "informacja-publiczna/<slug:kind>/<int:pk>/rejestr-zmian/<int:history_id>/",
        views.record_version,
        name="record_version",
    ),
    path("otwarte-dane/", views.open_data, name="open_data"),
    path("otwarte-dane/katalog.jsonld", views.open_data_catalogue_jsonld, name="open_data_catalogue_jsonld"),
    path("otwarte-dane/katalog.rdf", views.open_data_catalogue_rdf, name="open_data_catalogue_rdf"),
    path("otwarte-dane/<slug:dataset>/schemat.json", views.open_data_schema, name="open_data_schema"),
    path("opinia/", views.FeedbackCreateView.as_view(), name="feedback_create"),
    path("sprawy/przyjeto/", public_cases.case_received, name="case_received"),
    path("sprawy/<token:token>/", public_cases.case_tracking, name="case_tracking"),
    path("sprawy/<token:token>/potwierdzenie/", public_cases.case_confirmation, name="case_confirmation"),
    path("sprawy/<token:token>/zmiany/", applicant_changes.case_changes, name="case_changes"),
    path("sprawy/<token:token>/oplata/", case_fees.case_fee_proof, name="case_fee_proof"),
    path(
        "sprawy/<token:token>/dokumenty/<int:pk>/",
        private_documents.case_document_download,
        name="case_document_download",
    ),
    path("kalendarz-urzednika/<token:token>.ics", views.deadline_feed, name="deadline_feed"),
    path("dokumenty/<int:pk>/pobierz/", private_documents.document_download, name="document_download"),
    path("dokumenty/obrazy/<int:pk>/podglad/", private_documents.image_preview, name="image_preview"),
]
