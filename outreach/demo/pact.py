"""PACT demo records: concerns from every source, in every state a concern reaches before its plan."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from outreach import clock
from outreach.models import Concern, ConcernEvent, CrimeType, PartnershipLogEntry, User

Source, Status, Action = Concern.Source, Concern.Status, ConcernEvent.Action

# (days ago received, source, category, what was raised, where, reporter, state)
# state: "new", "assigned:<officer index>", "merged", "no_action"
INTAKE = [
    (
        2,
        Source.PHONE,
        "traffic",
        "Cars race down the street after 10 p.m.; children play there until dark.",
        "Cedar Lane between 3rd and 5th",
        ("Helen Brooks", "(555) 010-2231", ""),
        "new",
    ),
    (
        12,
        Source.WALK_IN,
        "drugs",
        "Short visits at all hours to the house on the corner; needles in the alley.",
        "1400 block of Juniper Road",
        ("Rosa Martínez-Delgado", "(555) 010-7788", ""),
        "new",
    ),
    (
        8,
        Source.EMAIL,
        "vehicle_crime",
        "Three cars broken into in the apartment lot in two weeks.",
        "Parkview Apartments, 220 Oak Street",
        ("Sam Whitaker", "", "sam.whitaker@example.org"),
        "assigned:0",
    ),
    (
        11,
        Source.OBSERVATION,
        "quality_of_life",
        "Abandoned vehicle and dumped furniture behind the closed store.",
        "Behind 901 Main Street",
        ("", "", ""),
        "assigned:1",
    ),
    (
        4,
        Source.COMMAND,
        "theft",
        "Commander asks for a plan on package thefts reported at the last council meeting.",
        "Maple Heights subdivision",
        ("", "", ""),
        "new",
    ),
    (
        10,
        Source.WALK_IN,
        "drugs",
        "Same corner house on Juniper: a neighbour saw a hand-to-hand sale.",
        "Juniper Road and 14th",
        ("Dale Ortiz", "(555) 010-5512", ""),
        "merged",
    ),
    (
        6,
        Source.PHONE,
        "quality_of_life",
        "Neighbour's dog barks all night.",
        "33 Birch Court",
        ("Anonymous caller", "", ""),
        "no_action",
    ),
]


def _at(days_ago, hour=9):
    return timezone.make_aware(datetime.combine(clock.today() - timedelta(days=days_ago), time(hour)))


def seed_concerns(areas):
    """Per area command: the intake above, one concern from a partner's log entry, and every concern's timeline."""
    if Concern.objects.filter(area_command__in=areas.values()).exclude(source=Source.PRESENTATION).exists():
        return
    crime_types = {c.code: c for c in CrimeType.objects.all()}
    for area in areas.values():
        officers = list(area.members.filter(role=User.Role.OFFICER).order_by("username"))
        sergeant = area.members.get(role=User.Role.SERGEANT)
        sector = area.sectors.order_by("code").first()
        created = {}
        for days_ago, source, code, text, where, (name, phone, email), state in INTAKE:
            recorder = sergeant if source in (Source.PHONE, Source.WALK_IN, Source.COMMAND) else officers[0]
            concern = Concern.objects.create(
                received_on=clock.today() - timedelta(days=days_ago),
                source=source,
                category=crime_types[code],
                description=text,
                location=where,
                area_command=area,
                sector=sector,
                is_potential_problem=code == "drugs",
                reporter_name=name,
                reporter_phone=phone,
                reporter_email=email,
                created_by=recorder,
            )
            ConcernEvent.objects.create(concern=concern, action=Action.RECEIVED, by=recorder, at=_at(days_ago))
            created[code, days_ago] = concern
            if state.startswith("assigned:"):
                officer = officers[int(state.split(":")[1]) % len(officers)]
                _assign(concern, officer, sergeant, _at(days_ago - 1, 14))
            elif state == "merged":
                target = created["drugs", 12]
                concern.status, concern.merged_into = Status.MERGED, target
                concern.closing_reason = "The same house as the walk-in report two days before."
                concern.save()
                for subject, action, other in ((concern, Action.MERGED, target), (target, Action.ABSORBED, concern)):
                    ConcernEvent.objects.create(
                        concern=subject,
                        action=action,
                        by=sergeant,
                        at=_at(days_ago - 1),
                        other_concern=other,
                        comment=concern.closing_reason,
                    )
            elif state == "no_action":
                concern.status = Status.NO_ACTION
                concern.closing_reason = "A noise complaint for animal control: passed to them by phone."
                concern.save()
                ConcernEvent.objects.create(
                    concern=concern,
                    action=Action.NO_ACTION,
                    by=sergeant,
                    at=_at(days_ago - 1),
                    comment=concern.closing_reason,
                )
        _from_partner(area, crime_types["vehicle_crime"], officers[-1], sergeant)
    received_events()


def _assign(concern, officer, sergeant, at):
    concern.assigned_to, concern.status = officer, Status.ASSIGNED
    concern.save()
    ConcernEvent.objects.create(concern=concern, action=Action.ASSIGNED, by=sergeant, at=at, officer=officer)


def _from_partner(area, category, officer, sergeant):
    entry = (
        PartnershipLogEntry.objects.filter(partnership__organization__area_command=area)
        .select_related("partnership__organization")
        .order_by("-logged_on", "pk")
        .first()
    )
    if entry is None:
        return
    organization = entry.partnership.organization
    concern = Concern.objects.create(
        received_on=entry.logged_on,
        source=Source.PARTNER,
        category=category,
        description=entry.information,
        location=organization.address,
        area_command=area,
        sector=organization.sector,
        reporter_name=organization.contact_name,
        reporter_phone=organization.phone,
        partnership_log_entry=entry,
        created_by=entry.officer,
    )
    days_ago = (clock.today() - entry.logged_on).days
    ConcernEvent.objects.create(concern=concern, action=Action.RECEIVED, by=entry.officer, at=_at(days_ago, 16))
    _assign(concern, officer, sergeant, _at(max(days_ago - 1, 0), 10))


def received_events():
    """The "received" event of every concern that has none yet (those raised in the demo's presentations)."""
    ConcernEvent.objects.bulk_create(
        ConcernEvent(concern_id=pk, action=Action.RECEIVED, by_id=by, at=at)
        for pk, by, at in Concern.objects.filter(events__isnull=True).values_list("pk", "created_by", "created_at")
    )
