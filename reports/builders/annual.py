"""The annual citizen-concerns report (policy 000 §VI): the department's year, with a part per area command.

What the community raised (by category, area command, source and month; potential problems), how the
department handled it (plans, their outcome, days from concern to plan), what citizens said in the
surveys, and the outreach delivered — presentations, watch groups, partnerships, referrals, and the
family-violence and sexual-assault service providers reached (policies 001/002). Grouped in SQL, a
fixed number of queries whatever the year holds; the per-area figures come from the same queries.
"""

from datetime import date, timedelta

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import TruncDate, TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from outreach.lib.aggregates import Median
from outreach.lib.charts import Point, bar_list, column_chart
from outreach.models import (
    ActionPlan,
    AreaCommand,
    Concern,
    CrimeType,
    ImmigrationOutreach,
    Organization,
    Partnership,
    PartnershipLogEntry,
    Referral,
    WatchGroup,
    WatchMeeting,
)
from programs.models import Presentation, Program
from surveys.models import Answer, Question, Response
from surveys.models.responses import Channel

from .monthly import _start

TOP = 5
POTENTIAL_SHOWN = 30


class Year:
    def __init__(self, year):
        self.year, self.first, self.after = year, date(year, 1, 1), date(year + 1, 1, 1)
        self.months = [date(year, month, 1) for month in range(1, 13)]

    def days(self, field):
        return Q(**{f"{field}__gte": self.first, f"{field}__lt": self.after})

    def times(self, field):
        return Q(**{f"{field}__gte": _start(self.first), f"{field}__lt": _start(self.after)})


def annual_report(*, year):
    period = Year(year)
    areas = list(AreaCommand.objects.order_by("name"))
    concerns = _concerns(period)
    handling = _handling(period)
    outreach = _outreach(period)
    parts = []
    for area in areas:
        figures = {
            "area": area,
            "concerns": concerns["by_area"].get(area.pk, 0),
            "potential": concerns["potential_by_area"].get(area.pk, 0),
            "top": concerns["top_by_area"].get(area.pk, []),
            **handling["by_area"].get(area.pk, {"plans": 0, "closed": 0, "median_days": None}),
            **outreach["by_area"].get(area.pk, {}),
        }
        if figures["concerns"] or figures.get("presentations") or figures["plans"]:
            parts.append(figures)
    return {
        "year": year,
        "concerns": concerns,
        "handling": handling,
        "surveys": _surveys(period),
        "outreach": outreach,
        "areas": parts,
        "area_names": {area.pk: area.name for area in areas},
    }


def _concerns(period):
    concerns = Concern.objects.exclude(status=Concern.Status.MERGED).filter(period.days("received_on"))
    grouped = list(
        concerns.values("area_command", "category")
        .annotate(n=Count("pk"), potential=Count("pk", filter=Q(is_potential_problem=True)))
        .order_by()
    )
    categories = CrimeType.objects.in_bulk({row["category"] for row in grouped})
    total = sum(row["n"] for row in grouped)
    by_category, by_area, potential_by_area, per_area = {}, {}, {}, {}
    for row in grouped:
        by_category[row["category"]] = by_category.get(row["category"], 0) + row["n"]
        by_area[row["area_command"]] = by_area.get(row["area_command"], 0) + row["n"]
        potential_by_area[row["area_command"]] = potential_by_area.get(row["area_command"], 0) + row["potential"]
        per_area.setdefault(row["area_command"], []).append((categories[row["category"]], row["n"]))
    ranked = sorted(by_category.items(), key=lambda item: (-item[1], categories[item[0]].sort_order))
    sources = dict(Concern.Source.choices)
    by_source = [
        {"source": sources.get(row["source"], row["source"]), "count": row["n"], "share": _share(row["n"], total)}
        for row in concerns.values("source").annotate(n=Count("pk")).order_by("-n", "source")
    ]
    months = {
        row["month"]: row["n"] for row in concerns.values(month=TruncMonth("received_on")).annotate(n=Count("pk"))
    }
    monthly = [months.get(month, 0) for month in period.months]
    potential = concerns.filter(is_potential_problem=True)
    return {
        "total": total,
        "by_category": [{"category": categories[pk], "count": n, "share": _share(n, total)} for pk, n in ranked],
        "category_chart": bar_list(Point(label=str(categories[pk]), value=n) for pk, n in ranked),
        "by_area": by_area,
        "potential_by_area": potential_by_area,
        "top_by_area": {
            area: [category for category, _n in sorted(rows, key=lambda item: -item[1])[:3]]
            for area, rows in per_area.items()
        },
        "by_source": by_source,
        "monthly": monthly,
        "monthly_chart": column_chart(
            [
                Point(label=date_format(month, "M"), value=n, long_label=date_format(month, "F"))
                for month, n in zip(period.months, monthly, strict=True)
            ],
            width=520,
            height=150,
        ),
        "potential_total": sum(potential_by_area.values()),
        "potential": list(
            potential.select_related("category", "area_command", "sector").order_by("-received_on", "-pk")[
                :POTENTIAL_SHOWN
            ]
        ),
        "top": [categories[pk] for pk, _n in ranked[:TOP]],
    }


def _handling(period):
    plans = ActionPlan.objects.filter(Q(concern__isnull=False) & period.days("concern__received_on"))
    delay = ExpressionWrapper(TruncDate("first_submitted_at") - F("starts_on"), output_field=DurationField())
    timed = plans.annotate(delay=delay)
    overall = timed.aggregate(
        plans=Count("pk"),
        submitted=Count("pk", filter=Q(first_submitted_at__isnull=False)),
        within=Count("pk", filter=Q(delay__lte=timedelta(days=Concern.PLAN_DAYS))),
        median=Median("delay", filter=Q(first_submitted_at__isnull=False)),
        closed=Count("pk", filter=Q(status=ActionPlan.Status.CLOSED)),
        improved=Count("pk", filter=Q(status=ActionPlan.Status.CLOSED, after_value__lt=F("baseline_value"))),
    )
    statuses = dict(ActionPlan.Status.choices)
    by_status = [
        {"status": statuses[row["status"]], "count": row["n"]}
        for row in plans.values("status").annotate(n=Count("pk")).order_by("-n")
    ]
    by_area = {
        row["area_command"]: {
            "plans": row["plans"],
            "closed": row["closed"],
            "median_days": row["median"].days if row["median"] is not None else None,
        }
        for row in timed.values("area_command")
        .annotate(
            plans=Count("pk"),
            closed=Count("pk", filter=Q(status=ActionPlan.Status.CLOSED)),
            median=Median("delay", filter=Q(first_submitted_at__isnull=False)),
        )
        .order_by()
    }
    no_plan = (
        Concern.objects.filter(period.days("received_on"), plan__isnull=True)
        .exclude(status=Concern.Status.MERGED)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    ended = {row["status"]: row["n"] for row in no_plan}
    return {
        **overall,
        "median_days": overall["median"].days if overall["median"] is not None else None,
        "within_share": _share(overall["within"], overall["submitted"]),
        "by_status": by_status,
        "by_area": by_area,
        "no_action": ended.get(Concern.Status.NO_ACTION, 0),
        "awaiting": sum(n for status, n in ended.items() if status in Concern.AWAITING_PLAN),
    }


def _surveys(period):
    responses = Response.objects.counted().filter(period.times("submitted_at"))
    rows = list(responses.values("channel", "language").annotate(n=Count("pk")).order_by())
    total = sum(row["n"] for row in rows)
    channels, languages = dict(Channel.choices), {"en": _("English"), "es": _("Spanish")}
    by_channel, by_language = {}, {}
    for row in rows:
        by_channel[row["channel"]] = by_channel.get(row["channel"], 0) + row["n"]
        by_language[row["language"]] = by_language.get(row["language"], 0) + row["n"]
    means = list(
        Answer.objects.filter(
            response__in=responses.values("pk"), question__kind=Question.Kind.RATING, number__isnull=False
        )
        .values("question__key", month=TruncMonth("response__submitted_at"))
        .annotate(mean=Avg("number"), n=Count("pk"))
        .order_by()
    )
    labels = {
        question.key: question
        for question in Question.objects.filter(key__in={row["question__key"] for row in means})
        .order_by("key", "-version__number")
        .distinct("key")
    }
    ratings = {}
    for row in means:
        rating = ratings.setdefault(row["question__key"], {"months": {}, "answers": 0, "sum": 0})
        rating["months"][row["month"].date()] = row["mean"]
        rating["answers"] += row["n"]
        rating["sum"] += row["mean"] * row["n"]
    key_ratings = sorted(
        (
            {
                "question": labels[key],
                "mean": rating["sum"] / rating["answers"],
                "answers": rating["answers"],
                "by_month": [rating["months"].get(month) for month in period.months],
            }
            for key, rating in ratings.items()
            if key in labels
        ),
        key=lambda rating: rating["question"].position,
    )
    named = list(
        Answer.objects.filter(response__in=responses.values("pk"), category__isnull=False)
        .values("category")
        .annotate(n=Count("pk"))
        .order_by("-n")[:TOP]
    )
    categories = CrimeType.objects.in_bulk([row["category"] for row in named])
    return {
        "total": total,
        "by_channel": [
            {"channel": channels.get(key, key), "count": n, "share": _share(n, total)}
            for key, n in sorted(by_channel.items(), key=lambda item: -item[1])
        ],
        "by_language": [
            {"language": languages.get(key, key), "count": n, "share": _share(n, total)}
            for key, n in sorted(by_language.items(), key=lambda item: -item[1])
        ],
        "ratings": key_ratings,
        "month_labels": [date_format(month, "M") for month in period.months],
        "top_concerns": [{"category": categories[row["category"]], "count": row["n"]} for row in named],
    }


def _outreach(period):
    held = Presentation.objects.filter(period.times("starts_at")).exclude(status=Presentation.Status.CANCELLED)
    presentations = {
        row["area_command"]: row
        for row in held.values("area_command")
        .annotate(n=Count("pk"), participants=Sum("participants", default=0))
        .order_by()
    }
    programs = list(
        held.filter(program__isnull=False)
        .values("program")
        .annotate(n=Count("pk"), participants=Sum("participants", default=0))
        .order_by("-n")
    )
    program_names = Program.objects.in_bulk([row["program"] for row in programs[:10]])
    groups = {
        row["area_command"]: row
        for row in WatchGroup.objects.filter(area_command__isnull=False)
        .values("area_command")
        .annotate(
            active=Count("pk", filter=Q(status=WatchGroup.Status.ACTIVE)),
            new=Count("pk", filter=period.times("created_at")),
            households=Sum("households", filter=Q(status=WatchGroup.Status.ACTIVE), default=0),
        )
        .order_by()
    }
    meetings = {
        row["group__area_command"]: row["n"]
        for row in WatchMeeting.objects.filter(period.times("held_on"))
        .values("group__area_command")
        .annotate(n=Count("pk"))
        .order_by()
    }
    ran = Q(starts_on__lt=period.after) & (Q(ends_on__isnull=True) | Q(ends_on__gte=period.first))
    partnerships = {
        row["organization__area_command"]: row
        for row in Partnership.objects.values("organization__area_command")
        .annotate(active=Count("pk", filter=ran), new=Count("pk", filter=period.days("starts_on")))
        .order_by()
    }
    entries = {
        row["partnership__organization__area_command"]: row["n"]
        for row in PartnershipLogEntry.objects.filter(period.days("logged_on"))
        .values("partnership__organization__area_command")
        .annotate(n=Count("pk"))
        .order_by()
    }
    referrals = {
        row["area_command"]: row
        for row in Referral.objects.filter(period.days("referred_on"))
        .values("area_command")
        .annotate(n=Count("pk"), confirmed=Count("pk", filter=Q(follow_up_confirmed_on__isnull=False)))
        .order_by()
    }
    kinds = dict(Referral.Kind.choices)
    referral_kinds = [
        {"kind": kinds.get(row["kind"], row["kind"]), "count": row["n"]}
        for row in Referral.objects.filter(period.days("referred_on"))
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by("-n")
    ]
    providers = Organization.objects.filter(kind__in=ImmigrationOutreach.ELIGIBLE_KINDS)
    reached = providers.filter(
        immigration_outreach__in=ImmigrationOutreach.objects.filter(period.days("reached_on"))
    ).distinct()
    organization_kinds = dict(Organization.Kind.choices)
    service_providers = [
        {
            "kind": organization_kinds[row["kind"]],
            "count": row["n"],
            "reached": row["reached"],
        }
        for row in providers.values("kind")
        .annotate(
            n=Count("pk", distinct=True), reached=Count("pk", filter=Q(pk__in=reached.values("pk")), distinct=True)
        )
        .order_by("kind")
    ]
    by_area = {}
    for area_id in {*presentations, *groups, *partnerships, *referrals}:
        by_area[area_id] = {
            "presentations": presentations.get(area_id, {}).get("n", 0),
            "participants": presentations.get(area_id, {}).get("participants", 0),
            "watch_active": groups.get(area_id, {}).get("active", 0),
            "meetings": meetings.get(area_id, 0),
            "partnerships": partnerships.get(area_id, {}).get("active", 0),
            "log_entries": entries.get(area_id, 0),
            "referrals": referrals.get(area_id, {}).get("n", 0),
        }
    return {
        "presentations": sum(row["n"] for row in presentations.values()),
        "participants": sum(row["participants"] for row in presentations.values()),
        "programs_given": len(programs),
        "programs": [
            {"program": program_names[row["program"]].name, "count": row["n"], "participants": row["participants"]}
            for row in programs[:10]
        ],
        "watch_active": sum(row["active"] for row in groups.values()),
        "watch_new": sum(row["new"] for row in groups.values()),
        "households": sum(row["households"] for row in groups.values()),
        "meetings": sum(meetings.values()),
        "partnerships": sum(row["active"] for row in partnerships.values()),
        "partnerships_new": sum(row["new"] for row in partnerships.values()),
        "log_entries": sum(entries.values()),
        "referrals": sum(row["n"] for row in referrals.values()),
        "referrals_confirmed": sum(row["confirmed"] for row in referrals.values()),
        "referral_kinds": referral_kinds,
        "service_providers": service_providers,
        "by_area": by_area,
    }


def _share(count, total):
    return round(100 * count / total) if total else 0
