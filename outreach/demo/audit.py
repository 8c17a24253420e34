"""Demo audit log: three past weeks of staff log-ins (and a few failed ones), the oldest week reviewed by the
chief, so the weekly review and the dashboard's flag of unreviewed weeks have something to show."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from outreach import clock
from outreach.models import AuditEvent, User
from outreach.services.audit import audit_review_record

WEEKS = 3


def seed_audit():
    first_monday = clock.week_start(clock.today()) - timedelta(weeks=WEEKS)
    start = timezone.make_aware(datetime.combine(first_monday, time(7)))
    if AuditEvent.objects.filter(at__lt=start + timedelta(weeks=WEEKS)).exists():
        return
    staff = list(User.objects.filter(is_active=True).order_by("pk")[:12])
    events = []
    for day in range(WEEKS * 7):
        if day % 7 >= 5:
            continue  # the office's weekdays
        for index, user in enumerate(staff):
            at = start + timedelta(days=day, minutes=37 * index)
            if (day + index) % 9 == 0:
                events.append(AuditEvent(action=AuditEvent.Action.LOGIN_FAILED, at=at, username=user.username))
            events.append(
                AuditEvent(
                    action=AuditEvent.Action.LOGIN,
                    at=at + timedelta(minutes=1),
                    user=user,
                    username=user.username,
                    area_command=user.area_command,
                )
            )
    AuditEvent.objects.bulk_create(events)
    chief = User.objects.filter(role=User.Role.CHIEF).order_by("pk").first()
    if chief is not None:
        audit_review_record(
            week=first_monday,
            by=chief,
            note="Read the log-ins and the failed ones: each failure was followed by the right password "
            "within minutes, from the same station. Nothing unusual.",
        )
