"""Each area command's outreach this month and in the months before: what command staff watch.

Every figure is counted in SQL, one query per measure grouped by area command
and month, in the department's time zone; Python only lays the rows out in a
grid (an area with nothing that month shows 0, not a gap).
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import Count, DateField, Exists, ExpressionWrapper, F, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from programs.models import Presentation, PresentationEvent, PresentationRequest

from .. import clock
from ..lib.aggregates import Median
from ..lib.charts import Point, bar_list, column_chart
from ..lib.validators import YEARS_EITHER_WAY
from ..models import ActionPlan, AreaCommand, Concern, CrimeType
from ..models.plans import PLAN_DAYS
from ..templatetags.outreach_tags import wait_in_words

TREND_MONTHS = 6
TRENDS_PERMISSION = "outreach.view_trends"
# The report is waiting for its review from the moment it is (re)submitted until approved or returned.
WAITING = (PresentationEvent.Action.SUBMITTED, PresentationEvent.Action.RESUBMITTED)


def month_starts(last, count=TREND_MONTHS):
    """The first day of the month ``last`` falls in and of the ``count - 1`` before it, oldest first."""
    starts = [last.replace(day=1)]
    for _step in range(count - 1):
        starts.append(clock.previous_month(starts[-1]))
    return starts[::-1]


def _moment(day):
    """Midnight at the start of ``day`` in the active zone (the department's)."""
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class Figure:
    """One measure month by month, oldest first: the last value is this month's."""

    values: tuple

    @property
    def this_month(self):
        return self.values[-1]

    @property
    def last_month(self):
        return self.values[-2] if len(self.values) > 1 else None

    @property
    def change(self):
        if isinstance(self.this_month, int) and isinstance(self.last_month, int):
            return self.this_month - self.last_month
        return None

    @property
    def change_size(self):
        return abs(self.change or 0)


@dataclass
class AreaTrend:
    """An area command's figures (``area`` None: every area in the user's scope together)."""

    area: AreaCommand | None
    given: Figure
    reached: Figure
    concerns: Figure
    answered: Figure
    wait: Figure
    backlog: Figure
    on_time: Figure = None
    oldest_waiting: datetime | None = None
    categories: list = field(default_factory=list)

    @property
    def top_concern(self):
        """The category raised most, when one stands out: more than once, and more than any other."""
        if not self.categories or self.categories[0][1] < 2:
            return None
        if len(self.categories) > 1 and self.categories[1][1] == self.categories[0][1]:
            return None
        return self.categories[0]


def _grid(rows, months, value, key="area_command"):
    """{area id: [value per month]} from rows grouped by area and month; absent months are 0."""
    index = {month: position for position, month in enumerate(months)}
    grid = {}
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], datetime) else row["month"]
        grid.setdefault(row[key], [0] * len(months))[index[month]] = value(row) or 0
    return grid


def _presentations_given(presentations, months, until):
    rows = (
        presentations.exclude(status=Presentation.Status.CANCELLED)
        .filter(starts_at__gte=_moment(months[0]), starts_at__lt=until)
        .annotate(month=TruncMonth("starts_at"))
        .order_by()
        .values("area_command", "month")
        .annotate(given=Count("pk"), reached=Sum("participants"))
    )
    rows = list(rows)
    return _grid(rows, months, lambda row: row["given"]), _grid(rows, months, lambda row: row["reached"])


def _concerns(concerns, months, last_day):
    in_window = concerns.filter(received_on__gte=months[0], received_on__lte=last_day).order_by()
    monthly = (
        in_window.annotate(month=TruncMonth("received_on")).values("area_command", "month").annotate(n=Count("pk"))
    )
    by_category = (
        in_window.filter(received_on__gte=months[-1])
        .values("area_command", "category")
        .annotate(n=Count("pk"))
        .order_by("-n", "category__sort_order", "category")
    )
    return _grid(monthly, months, lambda row: row["n"]), list(by_category)


def _requests_answered(requests, months, until, per_area=True):
    grouping = ("area_command", "month") if per_area else ("month",)
    rows = (
        requests.filter(handled_at__gte=_moment(months[0]), handled_at__lt=until)
        .annotate(month=TruncMonth("handled_at"))
        .order_by()
        .values(*grouping)
        .annotate(n=Count("pk"), wait=Median(F("handled_at") - F("created_at")))
    )
    rows = [{**row, "area_command": row.get("area_command")} for row in rows]
    answered = _grid(rows, months, lambda row: row["n"])
    # A month with no answer has no typical wait: None, not 0.
    index = {month: position for position, month in enumerate(months)}
    waits = {}
    for row in rows:
        waits.setdefault(row["area_command"], [None] * len(months))[index[row["month"].date()]] = row["wait"]
    return answered, waits


def _review_backlog(presentations, months, is_current):
    """Reports waiting for review at the end of each past month (from the event log), and now."""
    window_start = _moment(months[0])
    ended = months[:-1] if is_current else months
    month_ends = [_moment(clock.next_month(month)) for month in ended]
    states = {
        f"state_{position}": Subquery(
            PresentationEvent.objects.filter(presentation=OuterRef("pk"), at__lt=end)
            .order_by("-at", "-pk")
            .values("action")[:1]
        )
        for position, end in enumerate(month_ends)
    }
    submitted = PresentationEvent.objects.filter(presentation=OuterRef("pk"), action__in=WAITING)
    rows = (
        presentations.filter(Exists(submitted))
        .filter(~Q(status=Presentation.Status.APPROVED) | Q(reviewed_at__gte=window_start))
        .annotate(**states)
        .order_by()
        .values("area_command")
        .annotate(
            **{
                f"end_{position}": Count("pk", filter=Q(**{f"{state}__in": WAITING}))
                for position, state in enumerate(states)
            },
            now=Count("pk", filter=Q(status=Presentation.Status.SUBMITTED)),
            oldest=Min("submitted_at", filter=Q(status=Presentation.Status.SUBMITTED)),
        )
    )
    backlog, oldest = {}, {}
    for row in rows:
        backlog[row["area_command"]] = [row[f"end_{position}"] for position in range(len(month_ends))]
        if is_current:
            backlog[row["area_command"]].append(row["now"])
            oldest[row["area_command"]] = row["oldest"]
    return backlog, oldest


def _plans_on_time(user, shown, months, last_day):
    """Per area and month of the due date: (plans first submitted by their due date, plans due), due dates passed.

    What is due is every concern that called for a plan (not merged, not closed with no action), due ten
    calendar days after it was received, and every partnership's or project's plan.
    """
    window = {"gte": months[0], "lte": last_day}
    concern_due = ExpressionWrapper(F("received_on") + timedelta(days=PLAN_DAYS), output_field=DateField())
    concerns = (
        Concern.objects.for_user(user)
        .filter(**shown)
        .exclude(status__in=(Concern.Status.MERGED, Concern.Status.NO_ACTION))
        .annotate(due=concern_due)
        .filter(due__gte=window["gte"], due__lte=window["lte"])
        .annotate(month=TruncMonth("due"), submitted_on=TruncDate("plan__first_submitted_at"))
        .order_by()
        .values("area_command", "month")
        .annotate(due_count=Count("pk"), on_time=Count("pk", filter=Q(submitted_on__lte=F("due"))))
    )
    others = (
        ActionPlan.objects.for_user(user)
        .filter(concern__isnull=True, due_on__gte=window["gte"], due_on__lte=window["lte"], **shown)
        .annotate(month=TruncMonth("due_on"), submitted_on=TruncDate("first_submitted_at"))
        .order_by()
        .values("area_command", "month")
        .annotate(due_count=Count("pk"), on_time=Count("pk", filter=Q(submitted_on__lte=F("due_on"))))
    )
    rows = [*concerns, *others]
    due = _grid_sum(rows, months, "due_count")
    on_time = _grid_sum(rows, months, "on_time")
    return on_time, due


def _grid_sum(rows, months, name):
    index = {month: position for position, month in enumerate(months)}
    grid = {}
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], datetime) else row["month"]
        grid.setdefault(row["area_command"], [0] * len(months))[index[month]] += row[name] or 0
    return grid


def _rates(on_time, due):
    """Percent on time per month; None where nothing was due."""
    return tuple(round(100 * made / total) if total else None for made, total in zip(on_time, due, strict=True))


def _sum(series):
    return [sum(values) for values in zip(*series, strict=True)] if series else []


def outreach_trends(user, *, month=None):
    """Each area command in the user's scope in ``month`` (this month: so far) and the months before, and their sum."""
    this_month = clock.today().replace(day=1)
    month = min(month or this_month, this_month)
    is_current = month == this_month
    until = clock.now() if is_current else _moment(clock.next_month(month))
    last_day = clock.today() if is_current else clock.next_month(month) - timedelta(days=1)
    months = month_starts(month)
    previous = clock.previous_month(month)
    areas = list(AreaCommand.objects.active().for_user(user).order_by("name"))
    # Only the area commands shown, so that the sum row is the sum of the rows.
    shown = {"area_command__in": [area.pk for area in areas]}
    presentations = Presentation.objects.for_user(user).filter(**shown)
    requests = PresentationRequest.objects.for_user(user).filter(**shown)

    given, reached = _presentations_given(presentations, months, until)
    concerns, by_category = _concerns(Concern.objects.for_user(user).filter(**shown), months, last_day)
    answered, waits = _requests_answered(requests, months, until)
    _total_answered, total_waits = _requests_answered(requests, months, until, per_area=False)
    backlog, oldest = _review_backlog(presentations, months, is_current)
    on_time, plans_due = _plans_on_time(user, shown, months, last_day)
    crime_types = CrimeType.objects.in_bulk({row["category"] for row in by_category})

    zeros = [0] * len(months)
    rows = []
    for area in areas:
        rows.append(
            AreaTrend(
                area=area,
                given=Figure(tuple(given.get(area.pk, zeros))),
                reached=Figure(tuple(reached.get(area.pk, zeros))),
                concerns=Figure(tuple(concerns.get(area.pk, zeros))),
                answered=Figure(tuple(answered.get(area.pk, zeros))),
                wait=Figure(tuple(waits.get(area.pk, [None] * len(months)))),
                backlog=Figure(tuple(backlog.get(area.pk, zeros))),
                on_time=Figure(_rates(on_time.get(area.pk, zeros), plans_due.get(area.pk, zeros))),
                oldest_waiting=oldest.get(area.pk),
                categories=[
                    (crime_types[row["category"]], row["n"]) for row in by_category if row["area_command"] == area.pk
                ],
            )
        )
    category_totals = {}
    for row in by_category:
        category_totals[row["category"]] = category_totals.get(row["category"], 0) + row["n"]
    waiting_since = [moment for moment in oldest.values() if moment]
    total = AreaTrend(
        area=None,
        given=Figure(tuple(_sum(list(given.values())) or zeros)),
        reached=Figure(tuple(_sum(list(reached.values())) or zeros)),
        concerns=Figure(tuple(_sum(list(concerns.values())) or zeros)),
        answered=Figure(tuple(_sum(list(answered.values())) or zeros)),
        wait=Figure(tuple(total_waits.get(None, [None] * len(months)))),
        backlog=Figure(tuple(_sum(list(backlog.values())) or zeros)),
        on_time=Figure(_rates(_sum(list(on_time.values())) or zeros, _sum(list(plans_due.values())) or zeros)),
        oldest_waiting=min(waiting_since, default=None),
        categories=sorted(
            ((crime_types[pk], n) for pk, n in category_totals.items()),
            key=lambda item: (-item[1], item[0].sort_order, item[0].pk),
        ),
    )
    return {
        "months": months,
        "month": month,
        "last_day": last_day,
        "is_current": is_current,
        "previous": previous if abs(previous.year - this_month.year) <= YEARS_EITHER_WAY else None,
        "next": None if is_current else clock.next_month(month),
        "areas": rows,
        "total": total,
    }


def _days(wait):
    """A wait in days, to one decimal: the height of its column."""
    return None if wait is None else round(wait.total_seconds() / 86400, 1)


def _points(trends, values, *, spoken=None, now_word=None):
    """One point per month; this month's says it is not over ("so far", or "now" for a count of today)."""
    points = []
    for position, (month, value) in enumerate(zip(trends["months"], values, strict=True)):
        long_label = date_format(month, "YEAR_MONTH_FORMAT")
        if trends["is_current"] and position == len(values) - 1:
            long_label = _("%(month)s (%(when)s)") % {"month": long_label, "when": now_word or _("so far")}
        points.append(
            Point(
                label=date_format(month, "M"),
                long_label=long_label,
                value=value,
                spoken=spoken(value) if spoken else "",
            )
        )
    return points


def trend_charts(trends, shown, user):
    """The cards of the trend section, drawn for ``shown`` (one area's row or the total)."""
    months = trends["months"]
    area_query = {"area_command": shown.area.pk} if shown.area else {}
    presentations = (
        reverse("programs:presentation_list")
        + "?"
        + urlencode({"date_from": months[-1].isoformat(), "date_to": trends["last_day"].isoformat(), **area_query})
    )
    if user.has_perm(Presentation.REVIEW_PERMISSION):
        backlog_link = reverse("programs:presentation_review_queue")
    else:
        backlog_link = reverse("programs:presentation_list") + "?" + urlencode({"status": "submitted", **area_query})
    requests_link = ""
    if user.has_perm("programs.view_presentationrequest"):
        answered = {"answered_from": months[-1].isoformat(), "answered_to": trends["last_day"].isoformat()}
        requests_link = reverse("programs:request_list") + "?" + urlencode({"status": "all", **answered, **area_query})

    def card(key, title, figure, link, points):
        return {"key": key, "title": title, "figure": figure, "link": link, "chart": column_chart(points)}

    charts = [
        card("given", _("Presentations given"), shown.given, presentations, _points(trends, shown.given.values)),
        card("reached", _("People reached"), shown.reached, presentations, _points(trends, shown.reached.values)),
        card("concerns", _("Concerns raised"), shown.concerns, "", _points(trends, shown.concerns.values)),
        card(
            "answered",
            _("Citizen requests answered"),
            shown.answered,
            requests_link,
            _points(trends, shown.answered.values),
        ),
        card(
            "wait",
            _("Median wait for an answer, in days"),
            shown.wait,
            requests_link,
            [
                Point(label=point.label, long_label=point.long_label, value=_days(wait), spoken=_wait_spoken(wait))
                for point, wait in zip(_points(trends, shown.wait.values), shown.wait.values, strict=True)
            ],
        ),
        card(
            "on_time",
            _("Action plans submitted within ten days, in percent"),
            shown.on_time,
            reverse("outreach:plan_list"),
            _points(trends, shown.on_time.values, spoken=_percent_spoken),
        ),
        card(
            "backlog",
            _("Reports awaiting review"),
            shown.backlog,
            backlog_link,
            _points(trends, shown.backlog.values, now_word=_("now")),
        ),
    ]
    categories = bar_list(Point(label=str(category), value=n) for category, n in shown.categories)
    return charts, categories


def _percent_spoken(value):
    return _("nothing due") if value is None else f"{value} %"


def _wait_spoken(wait):
    return _("no answer") if wait is None else wait_in_words(wait)
