from django.urls import path

from accessibility import views

app_name = "accessibility"

urlpatterns = [
    path("dostepnosc/", views.OverviewView.as_view(), name="overview"),
    path("dostepnosc/wniosek/", views.AccessibilityRequestCreateView.as_view(), name="request_create"),
    path("deklaracja-dostepnosci/", views.DeclarationView.as_view(), name="declaration"),
    path("dostepnosc/zadanie/", views.DigitalAccessibilityDemandCreateView.as_view(), name="demand_create"),
]
