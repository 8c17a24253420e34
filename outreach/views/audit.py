"""The audit log for the chief and the system administrator (CJIS AU-6): filter, read, export."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from ..exports import AuditExport
from ..filters import AuditFilter
from ..lib.lists import paginate, wants_csv
from ..models import AuditEvent


@login_required
@permission_required("outreach.view_auditevent", raise_exception=True)
def audit_list(request):
    filterset = AuditFilter(request.GET, queryset=AuditEvent.objects.all(), request=request)
    events = filterset.qs
    if wants_csv(request):
        return AuditExport(events).response()
    return render(
        request, "outreach/audit/list.html", {"filter": filterset, "page": paginate(request, events, per_page=50)}
    )
