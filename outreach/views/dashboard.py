from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import clock
from ..lib.validators import YEARS_EITHER_WAY
from ..selectors.dashboard import dashboard_context


@login_required
def dashboard(request):
    """Anything odd in ``?area=`` or ``?month=`` shows every area command, this month."""
    month = clock.month_asked(request.GET.get("month", ""), within_years=YEARS_EITHER_WAY)
    context = dashboard_context(request.user, area=request.GET.get("area", ""), month=month)
    return render(request, "outreach/dashboard/index.html", context)
