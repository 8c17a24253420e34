"""The outreach calendar page and its ICS feeds (a secret one per staff member, a public one)."""

import uuid
from datetime import datetime, time
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from .. import clock
from ..lib.validators import YEARS_EITHER_WAY
from ..models import AreaCommand, CalendarFeed
from ..selectors import calendar


def _month_from(request):
    """The month asked for in ?month=YYYY-MM, or this month; a malformed value falls back quietly."""
    asked = clock.month_asked(request.GET.get("month", ""), within_years=YEARS_EITHER_WAY)
    return asked or clock.today().replace(day=1)


DAY_EVENTS_ACROSS_AREAS = 10


@login_required
def calendar_month(request):
    first = _month_from(request)
    following = clock.next_month(first)
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(following, time.min), zone)
    areas = AreaCommand.objects.active().for_user(request.user)
    area = areas.filter(code=request.GET.get("area")).first() if request.GET.get("area") else None
    events = calendar.staff_events(request.user, start, end, area=area)
    days = [(day, list(items)) for day, items in groupby(events, key=lambda e: timezone.localtime(e.starts_at).date())]
    # Every area command at once: a large department's month holds thousands of events. Each day names
    # its first few and counts the rest; one area command's calendar lists them all.
    cap = DAY_EVENTS_ACROSS_AREAS if request.user.sees_all_areas and area is None else None
    days = [(day, items[:cap], len(items) - len(items[:cap])) for day, items in days]
    context = {
        "month": first,
        "previous": clock.previous_month(first),
        "next": following,
        "days": days,
        "areas": areas if request.user.sees_all_areas else None,
        "area": area,
        "feed": CalendarFeed.objects.filter(user=request.user).first(),
        "today": clock.today(),
    }
    return render(request, "outreach/calendar/month.html", context)


@login_required
@require_POST
def calendar_feed_reset(request):
    """Create the staff member's secret feed address, or replace it (the old one stops working)."""
    feed, created = CalendarFeed.objects.get_or_create(user=request.user)
    if not created:
        CalendarFeed.objects.filter(pk=feed.pk).update(token=uuid.uuid4())
        messages.success(request, _("Your calendar feed has a new address; the old one no longer works."))
    else:
        messages.success(request, _("Your calendar feed is ready: add its address to your calendar app."))
    return redirect("outreach:calendar_month")


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_not_required
@cache_control(private=True, max_age=300)
def calendar_feed(request, token):
    """A staff member's feed, fetched by calendar apps without a session: the secret token is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user__area_command"), token=token)
    user = feed.user
    if not user.is_active:
        raise Http404
    start, end = calendar.feed_window()
    name = _("Outreach · %(scope)s") % {"scope": _("all area commands") if user.sees_all_areas else user.area_command}
    return _ics_response(calendar.to_ics(calendar.staff_events(user, start, end), name), "outreach.ics")


@login_not_required
@cache_control(public=True, max_age=900)
def public_calendar_feed(request):
    start, end = calendar.feed_window()
    name = _("%(department)s community events") % {"department": request.department.name}
    return _ics_response(calendar.to_ics(calendar.public_events(start, end), name), "community-events.ics")
