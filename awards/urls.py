from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("stypendia-i-nagrody/", views.CallListView.as_view(), name="call_list"),
    path("stypendia-i-nagrody/<slug:slug>/", views.CallDetailView.as_view(), name="call_detail"),
    path(
        "stypendia-i-nagrody/<slug:slug>/zgloszenie/", views.ApplicationCreateView.as_view(), name="application_create"
    ),
]
