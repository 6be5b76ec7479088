from django.urls import path

from core.public_attachments import public_attachment_download
from patronage import views
from patronage.models import FileSetFile

app_name = "patronage"

urlpatterns = [
    path("patronat/", views.OverviewView.as_view(), name="overview"),
    path("patronat/wniosek/", views.PatronageApplicationCreateView.as_view(), name="application_create"),
    path("patronat/rejestr/", views.RegisterView.as_view(), name="register"),
    path("symbole-miasta/", views.SymbolsView.as_view(), name="symbols"),
    path("symbole-miasta/wniosek/", views.SymbolUseRequestCreateView.as_view(), name="symbol_request_create"),
    path(
        "symbole-miasta/pliki/<slug:slug>/<int:pk>/",
        public_attachment_download,
        {"model": FileSetFile},
        name="file_download",
    ),
]
