from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("spotkania-z-mieszkancami/", views.meeting_list, name="meeting_list"),
    path("spotkania-z-mieszkancami/kalendarz.ics", views.meetings_feed_ical, name="feed_ical"),
    path("spotkania-z-mieszkancami/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("spotkania-z-mieszkancami/<slug:slug>/zapisano/", views.meeting_registered, name="registered"),
    path("spotkania-z-mieszkancami/<slug:slug>/kalendarz.ics", views.meeting_ical, name="meeting_ical"),
]
