from django.urls import path

from mass_events import views

app_name = "mass_events"

urlpatterns = [
    path("imprezy-masowe/", views.OverviewView.as_view(), name="overview"),
    path("imprezy-masowe/czy-potrzebuje-zezwolenia/", views.permit_guide, name="permit_guide"),
    path("imprezy-masowe/wniosek/", views.PermitApplicationCreateView.as_view(), name="permit_create"),
    path("zawiadomienie-o-imprezie/", views.NotificationCreateView.as_view(), name="notification_create"),
]
