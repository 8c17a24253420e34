"""PACT demo records: concerns from every source, and action plans in every state, some late, some closed."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from outreach import clock
from outreach.models import (
    ActionPlan,
    Concern,
    ConcernEvent,
    CrimeType,
    ImplementationEntry,
    PartnershipLogEntry,
    PlanEvent,
    PlannedAction,
    Project,
    ProjectNote,
    User,
)
from outreach.services.plans import CONCERN_STATUS

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


# Where the plans of concerns 12 to 45 days old stand, in turn.
PLAN_STORIES = [
    ActionPlan.Status.CLOSED,
    ActionPlan.Status.MONITORING,
    ActionPlan.Status.RESOLVED,
    ActionPlan.Status.IN_PROGRESS,
    ActionPlan.Status.RETURNED,
    ActionPlan.Status.SUBMITTED,
]


def seed_plans(areas):
    """Plans in every state: the older concerns' plans worked to closure, the recent ones still being written."""
    if ActionPlan.objects.filter(area_command__in=areas.values()).exists():
        return
    today = clock.today()
    for area in areas.values():
        officers = list(area.members.filter(role=User.Role.OFFICER).order_by("username"))
        sergeant = area.members.get(role=User.Role.SERGEANT)
        waiting = list(
            Concern.objects.filter(area_command=area, status__in=Concern.AWAITING_PLAN)
            .select_related("category")
            .order_by("received_on", "pk")
        )
        for index, concern in enumerate(waiting):
            age = (today - concern.received_on).days
            officer = concern.assigned_to or officers[index % len(officers)]
            if age > 45:
                state = ActionPlan.Status.CLOSED
            elif age > 12:
                state = PLAN_STORIES[index % len(PLAN_STORIES)]
            elif concern.assigned_to and concern.source == Source.EMAIL:
                state = ActionPlan.Status.DRAFT
            elif concern.source == Source.PARTNER:
                state = ActionPlan.Status.SUBMITTED
            else:
                continue  # recent and not yet planned: on the dashboards, some overdue
            # A story never runs past today: closing takes 42 days, monitoring starts on day 31.
            if state == ActionPlan.Status.CLOSED and age < 43:
                state = ActionPlan.Status.MONITORING
            if state in (ActionPlan.Status.MONITORING, ActionPlan.Status.RESOLVED) and age < 32:
                state = ActionPlan.Status.IN_PROGRESS
            _plan(concern, officer, sergeant, state, today)


def _plan(concern, officer, sergeant, state, today):
    Status = ActionPlan.Status
    received = concern.received_on
    plan = ActionPlan.objects.create(
        concern=concern,
        title=f"{concern.category}: {concern.location or concern.area_command.name}",
        area_command=concern.area_command,
        sector=concern.sector,
        officer=officer,
        starts_on=received,
        due_on=ActionPlan.due_for(received),
        problem=concern.description,
        measure="Calls for service and complaints at the location",
        baseline_value=8 + concern.pk % 9,
        baseline_period="the 90 days before",
        causes="Poor lighting and no one watching the spot at night.",
        places=concern.location or "",
        times="Evenings and weekends",
        status=state,
        created_by=officer,
    )
    events = [(PlanEvent.Action.CREATED, officer, 1)]
    submitted_day = 6 + concern.pk % 7  # some on time, some after the ten days
    if state != Status.DRAFT:
        events.append((PlanEvent.Action.SUBMITTED, officer, submitted_day))
        plan.first_submitted_at = plan.submitted_at = min(_on(received, submitted_day, 15), timezone.now())
    if state == Status.RETURNED:
        plan.review_comment = "Name the measure's source and add a target date for each action."
        events.append((PlanEvent.Action.RETURNED, sergeant, submitted_day + 1))
    if state in (Status.IN_PROGRESS, Status.RESOLVED, Status.MONITORING, Status.CLOSED):
        events.append((PlanEvent.Action.APPROVED, sergeant, submitted_day + 1))
        plan.reviewed_by, plan.reviewed_at = sergeant, _on(received, submitted_day + 1, 10)
    if state in (Status.RESOLVED, Status.MONITORING, Status.CLOSED):
        events.append((PlanEvent.Action.RESOLVED, officer, 30))
    if state in (Status.MONITORING, Status.CLOSED):
        events.append((PlanEvent.Action.MONITORING, officer, 31))
        plan.recheck_on = max(_day(received, 60), today + timedelta(days=7))
        plan.after_value, plan.after_period = max(plan.baseline_value - 6, 0), "the 30 days after"
        plan.assessment = "Calls dropped after the lights were fixed and the owner evicted the tenants."
    if state == Status.CLOSED:
        plan.recheck_on = _day(received, 40)
        events.append((PlanEvent.Action.CLOSED, officer, 42))
        plan.closed_at = _on(received, 42, 16)
    plan.save()
    # Started the day after the concern came in, as its first event says.
    ActionPlan.objects.filter(pk=plan.pk).update(created_at=min(_on(received, 1, 11), timezone.now()))
    PlannedAction.objects.create(
        plan=plan,
        description="Meet the property owner and ask for lighting and a locked gate",
        owner=officer,
        target_on=_day(received, 14),
        done_on=_done(received, 13, today) if plan.is_under_way() or state == Status.CLOSED else None,
    )
    PlannedAction.objects.create(
        plan=plan,
        description="Directed patrols at the location, evenings, for two weeks",
        owner=sergeant,
        target_on=_day(received, 28),
        done_on=_done(received, 27, today) if state in (Status.MONITORING, Status.CLOSED) else None,
    )
    if plan.is_under_way() or state == Status.CLOSED:
        ImplementationEntry.objects.create(
            plan=plan,
            done_on=min(_day(received, 15), today),
            by=officer,
            actions_taken="Met the owner; two evening patrols; spoke with neighbours.",
            citations=2,
            warnings=3,
            code_notices=1,
            results="Owner agreed to add lights; no new complaints that week.",
        )
    PlanEvent.objects.bulk_create(
        PlanEvent(plan=plan, action=action, by=by, at=min(_on(received, days, 11), timezone.now()))
        for action, by, days in events
    )
    concern_status = CONCERN_STATUS[state]
    Concern.objects.filter(pk=concern.pk).update(status=concern_status, assigned_to=officer)


def _done(start, days, today):
    day = _day(start, days)
    return day if day <= today else None


def _day(start, days):
    return start + timedelta(days=days)


def _on(start, days, hour):
    return timezone.make_aware(datetime.combine(_day(start, days), time(hour)))


def seed_projects(areas):
    """One POP project per area command, with its concerns and partners; the notes of the months behind it."""
    if Project.objects.filter(area_command__in=areas.values()).exists():
        return
    today = clock.today()
    for index, area in enumerate(areas.values()):
        lieutenant = area.members.get(role=User.Role.LIEUTENANT)
        officers = list(area.members.filter(role=User.Role.OFFICER).order_by("username"))
        project = Project.objects.create(
            name=f"{area.name}: drug-house corridor",
            goal="Close the drug houses along the corridor and bring calls for service down by half.",
            area_command=area,
            lieutenant=lieutenant,
            starts_on=today - timedelta(days=75),
            status=Project.Status.ACTIVE,
        )
        project.officers.set(officers)
        project.partners.set(area.organizations.order_by("name")[:2])
        project.concerns.set(
            Concern.objects.filter(area_command=area, category__code="drugs").order_by("-received_on")[:3]
        )
        months = [today.replace(day=1)]
        for _step in range(3):
            months.append(clock.previous_month(months[-1]))
        # The first area's lieutenant has not written last month's note yet: their dashboard says so.
        for month in months[2:] if index == 0 else months[1:]:
            ProjectNote.objects.create(
                project=project,
                month=month,
                text="Two houses under nuisance abatement; landlord meetings held; calls down a third.",
                by=lieutenant,
            )
