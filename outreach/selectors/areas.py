"""An area command's page: its top concerns of the last 90 days and the catalog programs that answer them.

Policy 000 §IV.D: programs are offered where the community's concerns are. Each
program shows when it was last presented in the area, so the sergeant sees what
the area has not had for a while.
"""

from datetime import timedelta

from django.db.models import Count, Max, Q

from programs.models import Presentation, Program

from .. import clock
from ..models import Concern, CrimeType

MATCH_DAYS = 90
TOP_CATEGORIES = 5


def area_page(area, *, today=None):
    today = today or clock.today()
    since = today - timedelta(days=MATCH_DAYS)
    counts = list(
        Concern.objects.filter(area_command=area, received_on__gte=since, received_on__lte=today)
        .values("category")
        .annotate(n=Count("pk"))
        .order_by("-n", "category__sort_order", "category")[:TOP_CATEGORIES]
    )
    categories = CrimeType.objects.in_bulk([row["category"] for row in counts])
    by_category = programs_addressing(area, list(categories))
    top = [
        {"category": categories[row["category"]], "count": row["n"], "programs": by_category[row["category"]]}
        for row in counts
    ]
    return {"since": since, "top": top, "open_concerns": Concern.objects.filter(area_command=area).open().count()}


def programs_addressing(area, category_ids):
    """{category id: the active catalog programs addressing it, each with ``last_presented`` in ``area``}."""
    given_here = Q(presentations__area_command=area, presentations__starts_at__lte=clock.now()) & ~Q(
        presentations__status=Presentation.Status.CANCELLED
    )
    programs = (
        Program.objects.active()
        .addressing(category_ids)
        .annotate(last_presented=Max("presentations__starts_at", filter=given_here))
        .prefetch_related("crime_types")
        .order_by("name")
    )
    by_category = {pk: [] for pk in category_ids}
    for program in programs:
        for crime_type in program.crime_types.all():
            if crime_type.pk in by_category:
                by_category[crime_type.pk].append(program)
    return by_category
