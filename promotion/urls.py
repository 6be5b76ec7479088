from django.urls import path

from promotion import views

app_name = "promotion"

urlpatterns = [
    path("tereny-inwestycyjne/", views.SiteListView.as_view(), name="site_list"),
    path("tereny-inwestycyjne/dane.csv", views.sites_csv, name="sites_csv"),
    path("tereny-inwestycyjne/zapytanie/", views.InvestorInquiryCreateView.as_view(), name="inquiry_create"),
    path("tereny-inwestycyjne/<slug:slug>/", views.site_detail, name="site_detail"),
    path("tereny-inwestycyjne/<slug:slug>/karta.pdf", views.site_pdf, name="site_pdf"),
    path("plany/", views.plan_list, name="plan_list"),
    path("plany/<slug:slug>/", views.plan_detail, name="plan_detail"),
    path("plany/<slug:slug>/sprawozdanie/<int:year>.pdf", views.plan_report_pdf, name="plan_report"),
]
