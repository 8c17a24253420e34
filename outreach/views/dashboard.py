from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..selectors.dashboard import dashboard_context


@login_required
def dashboard(request):
    return render(request, "outreach/dashboard/index.html", dashboard_context(request.user))
