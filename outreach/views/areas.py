"""Area command pages: what the area's community raises and the programs that answer it."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render

from ..models import AreaCommand
from ..selectors.areas import MATCH_DAYS, area_page


@login_required
@permission_required("outreach.view_areacommand", raise_exception=True)
def area_list(request):
    areas = list(AreaCommand.objects.active().for_user(request.user).order_by("name"))
    if len(areas) == 1:
        return redirect(areas[0])
    return render(request, "outreach/areas/list.html", {"areas": areas})


@login_required
@permission_required("outreach.view_areacommand", raise_exception=True)
def area_detail(request, code):
    area = get_object_or_404(AreaCommand.objects.active().for_user(request.user), code=code)
    return render(request, "outreach/areas/detail.html", {"area": area, "days": MATCH_DAYS, **area_page(area)})
