"""Demo legal holds: one on a concern, one on an area command's records over a few months."""

from datetime import timedelta

from outreach import clock
from outreach.models import Concern, LegalHold, User
from outreach.services.retention import hold_place


def seed_holds(areas):
    chief = User.objects.filter(role=User.Role.CHIEF).order_by("pk").first()
    if chief is None or LegalHold.objects.exists():
        return
    concern = Concern.objects.filter(area_command=areas["north"]).order_by("received_on").first()
    if concern is not None:
        hold_place(by=chief, reason="Civil claim 2026-CV-0412 (Elm Street): keep the concern.", obj=concern)
    today = clock.today()
    hold_place(
        by=chief,
        reason="City attorney's records request 24-117: every record of the area from these months.",
        area_command=areas["southeast"],
        starts_on=today - timedelta(days=180),
        ends_on=today - timedelta(days=90),
    )


def reset_holds(usernames):
    LegalHold.objects.filter(placed_by__username__in=usernames).delete()
