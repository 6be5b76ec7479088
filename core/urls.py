from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("wydzial/", views.DepartmentView.as_view(), name="department"),
    path("strony/<slug:slug>/", views.StaticPageDetailView.as_view(), name="page_detail"),
    path("szukaj/", views.search, name="search"),
    path("opinia/", views.feedback_create, name="feedback_create"),
    path("opinia/dziekujemy/", views.feedback_thanks, name="feedback_thanks"),
]
