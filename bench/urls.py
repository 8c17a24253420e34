from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/minimal/", views.minimal, name="bench_minimal"),
    path("bench/fixed/", views.fixed, name="bench_fixed"),
    path("", include("outreach.urls")),
]
