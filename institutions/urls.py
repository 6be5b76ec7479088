from django.urls import path

from institutions import views

app_name = "institutions"

urlpatterns = [
    path("rejestr-instytucji-kultury/", views.InstitutionListView.as_view(), name="institution_list"),
    path("rejestr-instytucji-kultury/dane.json", views.register_json, name="register_json"),
    path("rejestr-instytucji-kultury/dane.csv", views.register_csv, name="register_csv"),
    path("rejestr-instytucji-kultury/odpis/", views.ExtractRequestCreateView.as_view(), name="extract_request_create"),
    path("rejestr-instytucji-kultury/akty/<int:pk>/", views.act_download, name="act_download"),
    path("rejestr-instytucji-kultury/dokumenty/<int:pk>/", views.document_download, name="document_download"),
    path(
        "rejestr-instytucji-kultury/<int:entry_no>/", views.InstitutionDetailView.as_view(), name="institution_detail"
    ),
    path("rejestr-instytucji-kultury/<int:entry_no>/ksiega.json", views.book_json, name="book_json"),
    path(
        "rejestr-instytucji-kultury/<int:entry_no>/wydruk-<str:kind>.pdf",
        views.extract_printout,
        name="extract_printout",
    ),
]
