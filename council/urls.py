from django.urls import path

from council import views

app_name = "council"

urlpatterns = [
    path("rada-gospodarcza/", views.council_index, name="council_index"),
    path("rada-gospodarcza/stanowiska/", views.opinion_list, name="opinion_list"),
    path("rada-gospodarcza/posiedzenia/<int:pk>/", views.sitting_detail, name="sitting_detail"),
    path(
        "rada-gospodarcza/posiedzenia/<int:pk>/zaproszenie.pdf",
        views.sitting_invitation_pdf,
        name="sitting_invitation_pdf",
    ),
    path("rada-gospodarcza/posiedzenia/<int:pk>/protokol.pdf", views.sitting_minutes_pdf, name="sitting_minutes_pdf"),
]
