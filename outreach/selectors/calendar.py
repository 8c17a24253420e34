"""One outreach calendar: presentations, watch meetings and community events, for pages and ICS feeds."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as IcsEvent

from programs.models import Presentation

from ..models import WatchGroup, WatchMeeting

FEED_PAST_DAYS = 90
FEED_FUTURE_DAYS = 365
MEETING_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class Event:
    uid: str
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    url: str = ""
    area: str = ""
    command_staff: bool = False
    status: str = ""


def _presentation_title(presentation, public):
    if presentation.program_id:
        return presentation.program.public_name if public else presentation.title
    # An ad-hoc topic may be a citizen's own words: the public sees a neutral title.
    return _("Community presentation") if public else presentation.topic


def staff_events(user, start, end, area=None):
    """Everything on the user's calendar between ``start`` and ``end``, in their area-command scope."""
    presentations = (
        Presentation.objects.for_user(user)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=Presentation.Status.CANCELLED)
        .select_related("program", "area_command")
        .prefetch_related("command_staff")
    )
    meetings = WatchMeeting.objects.filter(
        group__in=_groups_for(user), held_on__gte=start, held_on__lt=end
    ).select_related("group__area_command")
    if area is not None:
        presentations = presentations.filter(area_command=area)
        meetings = meetings.filter(group__area_command=area)
    events = [
        Event(
            uid=f"presentation-{p.pk}@outreach",
            kind="presentation",
            title=_presentation_title(p, public=False),
            starts_at=p.starts_at,
            ends_at=p.ends_at,
            place=p.place,
            url=p.get_absolute_url(),
            area=p.area_command.name,
            command_staff=bool(p.command_staff.all()),
            status=p.get_status_display(),
        )
        for p in presentations
    ]
    events += [
        Event(
            uid=f"watch-meeting-{m.pk}@outreach",
            kind="watch",
            title=_("Watch meeting: %(group)s") % {"group": m.group.name},
            starts_at=m.held_on,
            ends_at=m.held_on + MEETING_LENGTH,
            place=m.place,
            url=m.group.get_absolute_url(),
            area=m.group.area_command.name if m.group.area_command else "",
        )
        for m in meetings
    ]
    return sorted(events, key=lambda event: (event.starts_at, event.title))


def _groups_for(user):
    return WatchGroup.objects.for_user(user).values("pk")


def public_events(start, end):
    """Public presentations and community events only: the program, time and place, nothing personal."""
    presentations = (
        Presentation.objects.public()
        .filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("program")
        .order_by("starts_at")
    )
    return [
        Event(
            uid=f"public-presentation-{p.pk}@outreach",
            kind="presentation",
            title=_presentation_title(p, public=True),
            starts_at=p.starts_at,
            ends_at=p.ends_at,
            place=p.place,
        )
        for p in presentations
    ]


def feed_window():
    now = timezone.now()
    return now - timedelta(days=FEED_PAST_DAYS), now + timedelta(days=FEED_FUTURE_DAYS)


def to_ics(events, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Community Outreach Manager//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        item = IcsEvent()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("summary", event.title)
        if event.place:
            item.add("location", event.place)
        if event.url:
            item.add("url", settings.SITE_URL.rstrip("/") + event.url)
        calendar.add_component(item)
    return calendar.to_ical()
