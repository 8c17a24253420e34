from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/minimal/", views.minimal, name="bench_minimal"),
    path("", include("outreach.urls")),
]
