"""The monthly report, at three levels (policy 003 4-7-5 B.2, C.2, D.1, D.8, E.5).

The officer reports to the sergeant, the sergeant's unit report goes to the watch commander, the
commander reports to the chief. One builder serves all three: a ``Scope`` is an area command and,
for a unit or an officer, the people whose work is counted. Every read starts from the area command
given explicitly (``for_area``), never from a user: the task compiling it has no request. The
sections are those of 4-7-5 D.1 (partnerships, progress, areas of concern, upcoming events) and the
rest of the area's month. Past months are read as they stood at the month's end where the records
keep their dates (a plan submitted later was overdue then). A fixed number of queries whatever the data.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Avg, Count, F, Prefetch, Q, Sum, Window
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from outreach import clock
from outreach.lib.charts import Point, bar_list
from outreach.models import (
    ActionPlan,
    Concern,
    CrimeType,
    ImplementationEntry,
    Partnership,
    PartnershipLogEntry,
    PlanEvent,
    Project,
    ProjectNote,
    Referral,
    User,
    WatchGroup,
    WatchMeeting,
)
from outreach.selectors.areas import programs_addressing
from programs.models import Presentation, Program
from surveys.models import Answer, Question, Response, SurveyVersion

TOP_CATEGORIES = 5
# The rows a list of the report names: the most pressing first, the rest counted ("and 212 more"), the
# app's pages list them all. A five-year department's area has some 800 active partnerships: listed in
# full they made a 91-page report that took WeasyPrint ten seconds to draw.
LISTED = 25


def _start(day):
    """Midnight opening ``day`` in the active zone (the department's)."""
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class Month:
    first: date

    @property
    def after(self):
        return clock.next_month(self.first)

    @property
    def end(self):
        return self.after - timedelta(days=1)

    @property
    def before(self):
        return Month(clock.previous_month(self.first))

    @property
    def year_before(self):
        return Month(self.first.replace(year=self.first.year - 1))

    @property
    def next(self):
        return Month(self.after)

    @property
    def label(self):
        return date_format(self.first, "YEAR_MONTH_FORMAT")

    def days(self, field):
        return Q(**{f"{field}__gte": self.first, f"{field}__lt": self.after})

    def times(self, field):
        return Q(**{f"{field}__gte": _start(self.first), f"{field}__lt": _start(self.after)})


class Scope:
    """Whose month: an area command, and for a unit (a sergeant's) or an officer, whose work counts."""

    def __init__(self, area, *, sergeant=None, officer=None):
        self.area, self.sergeant, self.officer = area, sergeant, officer
        if officer is not None:
            self.members = [officer.pk]
        elif sergeant is not None:
            self.members = list(sergeant.unit_members().values_list("pk", flat=True))
        else:
            self.members = None

    def work(self, queryset, lookup):
        """``queryset`` narrowed to the members' work through the user field ``lookup``; each row once."""
        if self.members is None:
            return queryset
        return queryset.filter(pk__in=queryset.filter(**{f"{lookup}__in": self.members}).values("pk"))


def monthly_report(*, area, month, sergeant=None, officer=None, today=None):
    """Every figure of one month's report for ``area`` (or a unit or an officer of it), by section."""
    scope = Scope(area, sergeant=sergeant, officer=officer)
    period = Month(month)
    # What is "overdue" is read as it stood at the month's end, or today for the month under way.
    as_of = min(today or clock.today(), period.end)
    concerns = _concerns(scope, period)
    return {
        "month": period,
        "as_of": as_of,
        "members": list(User.objects.filter(pk__in=scope.members).order_by("last_name", "first_name"))
        if scope.members is not None
        else [],
        "partnerships": _partnerships(scope, period),
        "progress": _progress(scope, period, as_of),
        "concerns": concerns,
        "upcoming": _upcoming(scope, period.next),
        "presentations": _presentations(scope, period),
        "watch": _watch(scope, period, as_of),
        "referrals": _referrals(scope, period, as_of),
        "surveys": _surveys(scope, period),
        "programs": _programs(scope, concerns["top"]),
    }


def _listed(queryset):
    """The first ``LISTED`` rows of ``queryset`` and how many it holds in all, in one query (a window count)."""
    rows = list(queryset.annotate(listed_total=Window(Count("pk")))[:LISTED])
    return {"rows": rows, "total": rows[0].listed_total if rows else 0}


def _partnerships(scope, month):
    partnerships = scope.work(Partnership.objects.for_area(scope.area), "responsible_officer")
    ran = Q(starts_on__lt=month.after) & (Q(ends_on__isnull=True) | Q(ends_on__gte=month.first))
    counts = partnerships.aggregate(
        active=Count("pk", filter=ran),
        new=Count("pk", filter=month.days("starts_on")),
        ended=Count("pk", filter=month.days("ends_on")),
    )
    logged = month.days("log_entries__logged_on")
    listed = _listed(
        partnerships.filter(ran)
        .annotate(
            entries=Count("log_entries", filter=logged),
            follow_ups=Count("log_entries", filter=logged & Q(log_entries__follow_up_needed=True)),
        )
        .select_related("organization", "responsible_officer")
        .order_by("-entries", "organization__name")
    )
    entries = PartnershipLogEntry.objects.filter(
        Q(partnership__in=partnerships.filter(ran).values("pk")) & month.days("logged_on")
    ).aggregate(log_entries=Count("pk"), follow_ups=Count("pk", filter=Q(follow_up_needed=True)))
    return {**counts, **entries, "rows": listed["rows"], "listed": listed}


def _progress(scope, month, as_of):
    plans = scope.work(ActionPlan.objects.for_area(scope.area), "officer")
    submitted = month.times("first_submitted_at")
    counts = plans.annotate(submitted_day=TruncDate("first_submitted_at")).aggregate(
        opened=Count("pk", filter=month.times("created_at")),
        submitted=Count("pk", filter=submitted),
        on_time=Count("pk", filter=submitted & Q(submitted_day__lte=F("due_on"))),
        closed=Count("pk", filter=month.times("closed_at")),
        open=Count("pk", filter=Q(created_at__lt=_start(month.after)) & ~Q(closed_at__lt=_start(month.after))),
    )
    counts["approved"] = PlanEvent.objects.filter(
        Q(plan__in=plans.values("pk")) & month.times("at"), action=PlanEvent.Action.APPROVED
    ).count()
    not_in_yet = Q(first_submitted_at__isnull=True) | Q(first_submitted_at__gte=_start(as_of + timedelta(days=1)))
    overdue = _listed(
        plans.filter(not_in_yet, due_on__lt=as_of, created_at__lt=_start(as_of + timedelta(days=1)))
        .select_related("officer")
        .order_by("due_on", "pk")
    )
    for plan in overdue["rows"]:
        plan.days_overdue = (as_of - plan.due_on).days
    # Concerns past their ten days with no plan started by then (SOP 4-7-5 E.3).
    no_plan = _listed(
        scope.work(Concern.objects.for_area(scope.area), "assigned_to")
        .filter(received_on__lt=clock.days_ago(Concern.PLAN_DAYS, since=as_of))
        .filter(Q(plan__isnull=True) | Q(plan__created_at__gte=_start(as_of + timedelta(days=1))))
        .exclude(status__in=Concern.ENDED)
        .select_related("category", "assigned_to")
        .order_by("received_on", "pk")
    )
    for concern in no_plan["rows"]:
        concern.days_overdue = (as_of - concern.plan_due_on).days
    entries = ImplementationEntry.objects.filter(Q(plan__in=plans.values("pk")) & month.days("done_on"))
    enforcement = entries.aggregate(
        entries=Count("pk"),
        arrests=Sum("arrests", default=0),
        citations=Sum("citations", default=0),
        warnings=Sum("warnings", default=0),
        code_notices=Sum("code_notices", default=0),
        referrals=Sum("referrals", default=0),
    )
    results = _listed(entries.exclude(results="").select_related("plan").order_by("-done_on", "-pk"))
    projects = Project.objects.for_area(scope.area).filter(
        Q(starts_on__lt=month.after) & (Q(ends_on__isnull=True) | Q(ends_on__gte=month.first))
    )
    if scope.members is not None:
        projects = projects.filter(
            pk__in=Project.objects.filter(Q(lieutenant__in=scope.members) | Q(officers__in=scope.members)).values("pk")
        )
    projects = list(
        projects.exclude(status=Project.Status.PLANNING)
        .select_related("lieutenant")
        .prefetch_related(
            Prefetch(
                "notes",
                queryset=ProjectNote.objects.filter(month=month.first).select_related("by"),
                to_attr="month_notes",
            )
        )
        .order_by("name")
    )
    return {
        **counts,
        "late": counts["submitted"] - counts["on_time"],
        "overdue_count": overdue["total"] + no_plan["total"],
        "overdue": overdue,
        "no_plan": no_plan,
        "enforcement": enforcement,
        "results": results,
        "projects": projects,
    }


def _concerns(scope, month):
    concerns = scope.work(Concern.objects.for_area(scope.area), "assigned_to").exclude(status=Concern.Status.MERGED)
    received = {"this": month, "before": month.before, "year_before": month.year_before}
    rows = (
        concerns.filter(
            month.days("received_on") | month.before.days("received_on") | month.year_before.days("received_on")
        )
        .values("category")
        .annotate(**{name: Count("pk", filter=each.days("received_on")) for name, each in received.items()})
        .order_by()
    )
    rows = list(rows)
    categories = CrimeType.objects.in_bulk([row["category"] for row in rows])
    by_category = sorted(
        (
            {
                "category": categories[row["category"]],
                "this": row["this"],
                "before": row["before"],
                "year_before": row["year_before"],
                "change": row["this"] - row["before"],
                "change_year": row["this"] - row["year_before"],
            }
            for row in rows
        ),
        key=lambda row: (-row["this"], -row["before"], row["category"].sort_order, row["category"].name),
    )
    totals = {name: sum(row[name] for row in by_category) for name in received}
    this_month = concerns.filter(month.days("received_on"))
    sectors = list(this_month.values("sector__name").annotate(n=Count("pk")).order_by("-n", "sector__name"))
    potential = _listed(
        this_month.filter(is_potential_problem=True).select_related("category", "sector").order_by("received_on", "pk")
    )
    shown = [row for row in by_category if row["this"]]
    return {
        "by_category": by_category,
        "totals": totals,
        "chart": bar_list(
            Point(label=str(row["category"]), value=row["this"], spoken=str(row["this"])) for row in shown
        ),
        "by_sector": [{"sector": row["sector__name"] or _("No sector given"), "count": row["n"]} for row in sectors],
        "potential": potential,
        "top": [row["category"] for row in shown[:TOP_CATEGORIES]],
    }


def _upcoming(scope, month):
    presentations = _listed(
        scope.work(Presentation.objects.for_area(scope.area), "presenters")
        .filter(month.times("starts_at"))
        .exclude(status=Presentation.Status.CANCELLED)
        .select_related("program", "organization")
        .order_by("starts_at", "pk")
    )
    meetings = _listed(
        scope.work(WatchMeeting.objects.filter(group__area_command=scope.area), "group__liaison_officer")
        .filter(month.times("held_on"))
        .select_related("group")
        .order_by("held_on", "pk")
    )
    return {"month": month, "presentations": presentations, "meetings": meetings}


def _presentations(scope, month):
    held = (
        scope.work(Presentation.objects.for_area(scope.area), "presenters")
        .filter(month.times("starts_at"))
        .exclude(status=Presentation.Status.CANCELLED)
    )
    rows = list(
        held.values("program")
        .annotate(
            count=Count("pk"),
            reported=Count("pk", filter=Q(status__in=Presentation.REPORTED)),
            participants=Sum("participants", default=0),
        )
        .order_by("-count")
    )
    programs = Program.objects.in_bulk([row["program"] for row in rows if row["program"]])
    by_program = sorted(
        (
            {
                "program": programs[row["program"]].name if row["program"] else _("Other topics"),
                "count": row["count"],
                "reported": row["reported"],
                "participants": row["participants"],
            }
            for row in rows
        ),
        key=lambda row: (-row["count"], row["program"]),
    )
    problems = _listed(held.exclude(potential_problems="").select_related("program").order_by("starts_at", "pk"))
    return {
        "by_program": by_program,
        "count": sum(row["count"] for row in by_program),
        "reported": sum(row["reported"] for row in by_program),
        "participants": sum(row["participants"] for row in by_program),
        "potential_problems": problems,
    }


def _watch(scope, month, as_of):
    groups = scope.work(WatchGroup.objects.for_area(scope.area), "liaison_officer")
    counts = groups.aggregate(
        active=Count("pk", filter=Q(status=WatchGroup.Status.ACTIVE)),
        households=Sum("households", filter=Q(status=WatchGroup.Status.ACTIVE), default=0),
        new=Count("pk", filter=month.times("created_at")),
    )
    counts["meetings"] = WatchMeeting.objects.filter(Q(group__in=groups.values("pk")) & month.times("held_on")).count()
    lapsing = _listed(
        groups.lapsing(as_of).select_related("sector", "liaison_officer").order_by("last_meeting", "name")
    )
    return {**counts, "lapsing": lapsing, "lapsing_months": WatchGroup.LAPSING_MONTHS}


def _referrals(scope, month, as_of):
    referrals = scope.work(Referral.objects.for_area(scope.area), "officer")
    kinds = dict(Referral.Kind.choices)
    made = [
        {"kind": kinds.get(row["kind"], row["kind"]), "count": row["n"]}
        for row in referrals.filter(month.days("referred_on"))
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by("-n", "kind")
    ]
    overdue = _listed(
        referrals.filter(follow_up_due__lt=as_of, referred_on__lte=as_of)
        .filter(Q(follow_up_confirmed_on__isnull=True) | Q(follow_up_confirmed_on__gt=as_of))
        .select_related("officer")
        .order_by("follow_up_due", "pk")
    )
    for referral in overdue["rows"]:
        referral.days_overdue = (as_of - referral.follow_up_due).days
    return {"made": made, "count": sum(row["count"] for row in made), "overdue": overdue}


def _surveys(scope, month):
    """The area command's survey responses this month and each rating's mean: kept per area, not per officer."""
    responses = Response.objects.counted().filter(Q(area_command=scope.area) & month.times("submitted_at"))
    counts = {row["survey"]: row["n"] for row in responses.values("survey").annotate(n=Count("pk")).order_by()}
    if not counts:
        return {"surveys": [], "count": 0}
    titles = {
        version.survey_id: version.title
        for version in SurveyVersion.objects.filter(survey__in=counts)
        .exclude(status__in=SurveyVersion.OPEN_STATUSES)
        .order_by("survey_id", "-number")
        .distinct("survey_id")
    }
    means = list(
        Answer.objects.filter(
            response__in=responses.values("pk"), question__kind=Question.Kind.RATING, number__isnull=False
        )
        .values("response__survey", "question__key")
        .annotate(mean=Avg("number"), n=Count("pk"))
        .order_by()
    )
    labels = {
        question.key: question
        for question in Question.objects.filter(key__in=[row["question__key"] for row in means])
        .select_related("version")
        .order_by("key", "-version__number")
        .distinct("key")
    }
    surveys = []
    for survey_id, count in sorted(counts.items(), key=lambda item: -item[1]):
        ratings = sorted(
            (
                {"question": labels[row["question__key"]], "mean": row["mean"], "answers": row["n"]}
                for row in means
                if row["response__survey"] == survey_id and row["question__key"] in labels
            ),
            key=lambda rating: rating["question"].position,
        )
        surveys.append({"title": titles.get(survey_id, "?"), "responses": count, "ratings": ratings})
    return {"surveys": surveys, "count": sum(counts.values())}


def _programs(scope, top):
    by_category = programs_addressing(scope.area, [category.pk for category in top])
    return [{"category": category, "programs": by_category[category.pk]} for category in top]
