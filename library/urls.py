from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("biblioteka-urzedu/", views.catalogue, name="catalogue"),
    path("biblioteka-urzedu/pozycje/<int:pk>/rezerwuj/", views.item_reserve, name="item_reserve"),
    path("biblioteka-urzedu/moje/", views.my_loans, name="my_loans"),
    path("biblioteka-urzedu/moje/wypozyczenia/<int:pk>/przedluz/", views.loan_renew, name="loan_renew"),
    path("biblioteka-urzedu/moje/rezerwacje/<int:pk>/anuluj/", views.reservation_cancel, name="reservation_cancel"),
]
