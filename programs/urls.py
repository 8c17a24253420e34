"""The catalog, presentations and public requests, in the ``programs`` namespace."""

from django.urls import path

from .views import catalog, presentations, public, requests

app_name = "programs"

urlpatterns = [
    path("programs/", catalog.program_list, name="program_list"),
    path("programs/new/", catalog.program_create, name="program_create"),
    path("programs/<int:pk>/", catalog.program_detail, name="program_detail"),
    path("programs/<int:pk>/edit/", catalog.program_edit, name="program_edit"),
    path("programs/<int:pk>/retire/", catalog.program_retire, name="program_retire"),
    path("programs/<int:pk>/reinstate/", catalog.program_reinstate, name="program_reinstate"),
    # Presentations and their reports
    path("programs/presentations/", presentations.presentation_list, name="presentation_list"),
    path("programs/presentations/mine/", presentations.my_reports, name="presentation_mine"),
    path("programs/presentations/review/", presentations.review_queue, name="presentation_review_queue"),
    path("programs/presentations/new/", presentations.presentation_create, name="presentation_create"),
    path("programs/presentations/<int:pk>/", presentations.presentation_detail, name="presentation_detail"),
    path("programs/presentations/<int:pk>/edit/", presentations.presentation_edit, name="presentation_edit"),
    path("programs/presentations/<int:pk>/submit/", presentations.presentation_submit, name="presentation_submit"),
    path("programs/presentations/<int:pk>/approve/", presentations.presentation_approve, name="presentation_approve"),
    path("programs/presentations/<int:pk>/return/", presentations.presentation_return, name="presentation_return"),
    path("programs/presentations/<int:pk>/cancel/", presentations.presentation_cancel, name="presentation_cancel"),
    path("programs/presentations/<int:pk>/attachments/", presentations.attachment_upload, name="attachment_upload"),
    path(
        "programs/presentations/<int:pk>/attachments/<int:attachment_pk>/",
        presentations.attachment_download,
        name="attachment_download",
    ),
    path(
        "programs/presentations/<int:pk>/attachments/<int:attachment_pk>/remove/",
        presentations.attachment_remove,
        name="attachment_remove",
    ),
    # Public requests, handled by staff
    path("programs/requests/", requests.request_list, name="request_list"),
    path("programs/requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("programs/requests/<int:pk>/accept/", requests.request_accept, name="request_accept"),
    path("programs/requests/<int:pk>/decline/", requests.request_decline, name="request_decline"),
    # The public request (no login)
    path("request/presentation/", public.presentation_request, name="request_create"),
    path("request/presentation/<uuid:code>/", public.presentation_request_done, name="request_done"),
]
