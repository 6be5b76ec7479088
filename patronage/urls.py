from django.urls import path

from patronage import views

app_name = "patronage"

urlpatterns = [
    path("patronat/", views.OverviewView.as_view(), name="overview"),
    path("patronat/wniosek/", views.PatronageApplicationCreateView.as_view(), name="application_create"),
    path("patronat/rejestr/", views.RegisterView.as_view(), name="register"),
    path("symbole-miasta/", views.SymbolsView.as_view(), name="symbols"),
    path("symbole-miasta/wniosek/", views.SymbolUseRequestCreateView.as_view(), name="symbol_request_create"),
]
