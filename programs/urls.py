from django.urls import path

from .views import catalog, presentations, requests

app_name = "programs"

urlpatterns = [
    path("", catalog.program_list, name="list"),
    path("new/", catalog.program_create, name="create"),
    path("<int:pk>/", catalog.program_detail, name="detail"),
    path("<int:pk>/edit/", catalog.program_edit, name="edit"),
    path("<int:pk>/retire/", catalog.program_retire, name="retire"),
    path("<int:pk>/reinstate/", catalog.program_reinstate, name="reinstate"),
    # Presentations and their reports
    path("presentations/", presentations.presentation_list, name="presentation_list"),
    path("presentations/mine/", presentations.my_reports, name="my_reports"),
    path("presentations/review/", presentations.review_queue, name="review_queue"),
    path("presentations/new/", presentations.presentation_create, name="presentation_create"),
    path("presentations/<int:pk>/", presentations.presentation_detail, name="presentation_detail"),
    path("presentations/<int:pk>/edit/", presentations.presentation_edit, name="presentation_edit"),
    path("presentations/<int:pk>/submit/", presentations.presentation_submit, name="presentation_submit"),
    path("presentations/<int:pk>/approve/", presentations.presentation_approve, name="presentation_approve"),
    path("presentations/<int:pk>/return/", presentations.presentation_return, name="presentation_return"),
    path("presentations/<int:pk>/cancel/", presentations.presentation_cancel, name="presentation_cancel"),
    path("presentations/<int:pk>/attachments/", presentations.attachment_upload, name="attachment_upload"),
    path(
        "presentations/<int:pk>/attachments/<int:attachment_pk>/",
        presentations.attachment_download,
        name="attachment_download",
    ),
    # Public requests, handled by staff
    path("requests/", requests.request_list, name="request_list"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/accept/", requests.request_accept, name="request_accept"),
    path("requests/<int:pk>/decline/", requests.request_decline, name="request_decline"),
]
