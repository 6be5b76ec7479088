from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/zapisano/", views.subscribed, name="subscribed"),
    path("newsletter/potwierdz/<token:token>/", views.confirm, name="confirm"),
    path("newsletter/ustawienia/<token:token>/", views.preferences, name="preferences"),
    path("newsletter/wypisz/<token:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletter/zwroty/", views.bounce_report, name="bounce_report"),
]
