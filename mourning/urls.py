from django.urls import path

from mourning import views

app_name = "mourning"

urlpatterns = [
    path("zaloba/<int:pk>/", views.AnnouncementView.as_view(), name="announcement"),
]
