from django.urls import path

from .views import public

app_name = "programs_public"

urlpatterns = [
    path("", public.presentation_request, name="request"),
    path("<uuid:code>/", public.presentation_request_done, name="request_done"),
]
