from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from outreach import clock


class DepartmentMiddleware:
    """Load the department once per request and count time in its zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/healthz"):
            # The health check must answer even when the database does not.
            return self.get_response(request)
        request.department = SimpleLazyObject(clock.department)
        timezone.activate(request.department.time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
