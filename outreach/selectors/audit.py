"""The weekly audit review (CJIS AU-6): which weeks there are, what each held, and how many wait.

A week runs Monday to Sunday in the department's time zone (``clock.week_start``). The weeks to
review start at the week of the oldest audit event still kept and end at last week: the week under
way is listed but cannot be reviewed until it is over. Every such week waits for a review, one with
no event too (an empty week is itself something to notice: the log may have stopped writing).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DateField, Func, OuterRef, Subquery
from django.db.models.functions import TruncWeek
from django.utils import timezone

from .. import clock
from ..models import AuditEvent, AuditReview

WEEK = timedelta(days=7)


def _midnight(day):
    """The first moment of ``day`` in the active (the department's) time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _weeks_of(events):
    return events.annotate(week=TruncWeek("at", output_field=DateField()))


def events_in_week(week):
    """The audit events of the week that starts on Monday ``week``."""
    return AuditEvent.objects.filter(at__gte=_midnight(week), at__lt=_midnight(week + WEEK))


def week_dates(week):
    """The ``since`` and ``until`` of the audit page's filter that show exactly that week."""
    return {"since": week.isoformat(), "until": (week + timedelta(days=6)).isoformat()}


def first_week():
    """The Monday of the oldest audit event's week; None while the log is empty."""
    first = AuditEvent.objects.order_by("at").values_list("at", flat=True).first()
    return clock.week_start(clock.date_of(first)) if first else None


def weeks(today, *, unreviewed=False):
    """Every week from the first audit event's to this one, newest first; ``unreviewed``: those still waiting."""
    start = first_week()
    if start is None:
        return []
    this_week = clock.week_start(today)
    listed = [this_week - WEEK * back for back in range((this_week - start).days // 7 + 1)]
    if unreviewed:
        reviewed = set(AuditReview.objects.values_list("week", flat=True))
        listed = [week for week in listed if week < this_week and week not in reviewed]
    return listed


@dataclass(frozen=True)
class Week:
    """A row of the weekly reviews page."""

    starts_on: date
    events: int
    review: AuditReview | None
    ended: bool

    @property
    def ends_on(self):
        return self.starts_on + timedelta(days=6)

    @property
    def dates(self):
        return week_dates(self.starts_on)


def week_rows(listed, today):
    """The weeks of one page with their count of events (one aggregate) and their review (one query)."""
    if not listed:
        return []
    start, end = min(listed), max(listed) + WEEK
    counts = dict(
        _weeks_of(AuditEvent.objects.filter(at__gte=_midnight(start), at__lt=_midnight(end)))
        .order_by()
        .values("week")
        .annotate(events=Count("pk"))
        .values_list("week", "events")
    )
    reviews = AuditReview.objects.in_bulk(listed, field_name="week")
    this_week = clock.week_start(today)
    return [Week(week, counts.get(week, 0), reviews.get(week), week < this_week) for week in listed]


def events_by_action(week):
    """What the week held, action by action, most frequent first (one aggregate)."""
    labels = dict(AuditEvent.Action.choices)
    counted = events_in_week(week).order_by().values("action").annotate(events=Count("pk")).order_by("-events")
    return [(labels.get(row["action"], row["action"]), row["events"]) for row in counted]


def unreviewed_week_count(today):
    """How many weeks that are over, since the first audit event's, have no review: one query.

    The oldest event (read backwards on the ``-at`` index) carries its week and, in a subquery, the
    number of reviews from that week to last week; every week in between waits for one.
    """
    this_week = clock.week_start(today)
    reviewed = (
        AuditReview.objects.filter(week__gte=OuterRef("first_week"), week__lt=this_week)
        .order_by()
        .values(reviews=Func("pk", function="COUNT"))
    )
    row = (
        AuditEvent.objects.order_by("at")
        .annotate(first_week=TruncWeek("at", output_field=DateField()), reviewed=Subquery(reviewed))
        .values_list("first_week", "reviewed")
        .first()
    )
    if row is None:
        return 0
    start, reviewed_count = row
    return max((this_week - start).days // 7 - (reviewed_count or 0), 0)
