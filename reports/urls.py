from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/status/", views.report_status, name="report_status"),
    path("reports/<int:pk>/download/", views.report_download, name="report_download"),
    path("reports/<int:pk>/regenerate/", views.report_regenerate, name="report_regenerate"),
    path("reports/annual/<int:year>/", views.annual_detail, name="annual_detail"),
    path(
        "reports/annual/<int:year>/recommendations/", views.annual_recommendations_save, name="annual_recommendations"
    ),
    path("reports/annual/<int:year>/draft/", views.annual_draft, name="annual_draft"),
    path("reports/annual/<int:year>/final/", views.annual_finalize_confirm, name="annual_finalize"),
]
