"""A factory for every model of the community side: data shaped like the demo's (full names, long names)."""

from datetime import timedelta

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from factory.django import DjangoModelFactory

from outreach import clock
from outreach.models import (
    ActionPlan,
    AreaCommand,
    AuditEvent,
    AuditReview,
    BlockCaptain,
    CalendarFeed,
    Concern,
    ConcernEvent,
    CrimeType,
    Department,
    ImmigrationOutreach,
    ImplementationEntry,
    LegalHold,
    Organization,
    OutgoingMail,
    Partnership,
    PartnershipLogEntry,
    PlanEvent,
    PlannedAction,
    PlanReminder,
    Project,
    ProjectNote,
    PurgeLog,
    Referral,
    Sector,
    User,
    WatchGroup,
    WatchMeeting,
)

PASSWORD = "correct horse battery"


class DepartmentFactory(DjangoModelFactory):
    """The one department row (created by a migration): the factory fills it like the demo's."""

    class Meta:
        model = Department
        django_get_or_create = ["id"]

    id = Department.SINGLETON_ID
    name = "Fairview Police Department"
    address = "1200 Civic Center Drive, Fairview"
    phone = "(555) 010-1000"
    chief_name = "Chief Maria Elena Gutiérrez-Whitfield"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        department = super()._create(model_class, *args, **kwargs)
        # get_or_create keeps an existing row as it was: bring it to the factory's values.
        for field, value in kwargs.items():
            setattr(department, field, value)
        department.save()
        return department


class AreaCommandFactory(DjangoModelFactory):
    class Meta:
        model = AreaCommand
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"Area Command {n}")
    code = factory.Sequence(lambda n: f"area{n}")


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector

    area_command = factory.SubFactory(AreaCommandFactory)
    name = factory.Sequence(lambda n: f"Sector {n}")
    code = factory.Sequence(lambda n: f"S{n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = User.Role.OFFICER
    area_command = factory.Maybe(
        factory.LazyAttribute(lambda u: u.role in User.AREA_ROLES),
        yes_declaration=factory.SubFactory(AreaCommandFactory),
        no_declaration=None,
    )
    badge_number = factory.Sequence(lambda n: str(5000 + n))
    password = factory.django.Password(PASSWORD)


class CrimeTypeFactory(DjangoModelFactory):
    class Meta:
        model = CrimeType
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"crime-type-{n}")
    name = factory.Sequence(lambda n: f"Crime type {n}")
    name_es = factory.Sequence(lambda n: f"Tipo de delito {n}")


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = Organization.Kind.NEIGHBORHOOD
    area_command = factory.SubFactory(AreaCommandFactory)
    contact_name = factory.Faker("name")
    phone = "(555) 010-2000"
    email = factory.Sequence(lambda n: f"org{n}@example.org")
    address = factory.Faker("street_address")


class ImmigrationOutreachFactory(DjangoModelFactory):
    class Meta:
        model = ImmigrationOutreach

    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.FAMILY_VIOLENCE)
    reached_on = factory.LazyFunction(clock.today)
    officer = factory.SubFactory(UserFactory, area_command=factory.SelfAttribute("..organization.area_command"))


class ConcernFactory(DjangoModelFactory):
    class Meta:
        model = Concern

    received_on = factory.LazyFunction(clock.today)
    source = Concern.Source.PHONE
    category = factory.LazyFunction(lambda: CrimeType.objects.get(code="burglary"))
    description = "Cars broken into overnight on Elm Street"
    location = "400 block of Elm Street"
    area_command = factory.SubFactory(AreaCommandFactory)
    created_by = factory.SubFactory(UserFactory, area_command=factory.SelfAttribute("..area_command"))


class ConcernEventFactory(DjangoModelFactory):
    class Meta:
        model = ConcernEvent

    concern = factory.SubFactory(ConcernFactory)
    action = ConcernEvent.Action.RECEIVED
    by = factory.SelfAttribute("concern.created_by")


class WatchGroupFactory(DjangoModelFactory):
    """An organizing residential group in an area command."""

    class Meta:
        model = WatchGroup

    name = factory.Sequence(lambda n: f"Elm Street Neighbors {n}")
    area_command = factory.SubFactory(AreaCommandFactory)
    boundaries = "Elm Street from 3rd to 6th Avenue"
    status = WatchGroup.Status.ORGANIZING

    class Params:
        # ``active=True``: a group that meets, the one coverage counts.
        active = factory.Trait(status=WatchGroup.Status.ACTIVE)


class RequestedWatchGroupFactory(WatchGroupFactory):
    """A citizen's request, not yet placed in an area command."""

    area_command = None
    status = WatchGroup.Status.REQUESTED
    started_by = WatchGroup.StartedBy.CITIZENS
    requester_name = factory.Faker("name")
    requester_email = factory.Sequence(lambda n: f"neighbor{n}@example.org")
    requester_phone = "(555) 010-3000"


class BlockCaptainFactory(DjangoModelFactory):
    class Meta:
        model = BlockCaptain

    group = factory.SubFactory(WatchGroupFactory)
    name = factory.Faker("name")
    phone = "(555) 010-4000"
    block = "400 block of Elm Street"


class WatchMeetingFactory(DjangoModelFactory):
    class Meta:
        model = WatchMeeting

    group = factory.SubFactory(WatchGroupFactory)
    held_on = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    place = "Fairview Public Library, community room"
    attendance = 14


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    organization = factory.SubFactory(OrganizationFactory)
    purpose = "Reduce car break-ins around the shopping center"
    responsible_officer = factory.SubFactory(
        UserFactory, area_command=factory.SelfAttribute("..organization.area_command")
    )
    starts_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=30))


class PartnershipLogEntryFactory(DjangoModelFactory):
    class Meta:
        model = PartnershipLogEntry

    partnership = factory.SubFactory(PartnershipFactory)
    logged_on = factory.LazyFunction(clock.today)
    officer = factory.SelfAttribute("partnership.responsible_officer")
    information = "The manager reports two cars broken into last weekend."


class ReferralFactory(DjangoModelFactory):
    """An open referral, its follow-up due in the usual number of days."""

    class Meta:
        model = Referral

    kind = Referral.Kind.CODE_VIOLATION
    agency = "City Code Enforcement"
    summary = "Abandoned house with broken windows"
    area_command = factory.SubFactory(AreaCommandFactory)
    officer = factory.SubFactory(UserFactory, area_command=factory.SelfAttribute("..area_command"))
    referred_on = factory.LazyFunction(clock.today)
    follow_up_due = factory.LazyAttribute(lambda r: Referral.follow_up_due_for(r.referred_on))

    class Params:
        # ``overdue=True``: referred 20 days ago, its follow-up due five days ago.
        overdue = factory.Trait(
            referred_on=factory.LazyFunction(lambda: clock.today() - timedelta(days=20)),
            follow_up_due=factory.LazyFunction(lambda: clock.today() - timedelta(days=5)),
        )
        # ``confirmed=True``: the officer confirmed the follow-up today.
        confirmed = factory.Trait(
            follow_up_confirmed_on=factory.LazyFunction(clock.today),
            confirmed_by=factory.SelfAttribute("officer"),
        )


class CalendarFeedFactory(DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)


class ActionPlanFactory(DjangoModelFactory):
    """A draft plan for a concern of an area, due ten days after the concern was received."""

    class Meta:
        model = ActionPlan

    concern = factory.SubFactory(ConcernFactory, status=Concern.Status.PLAN_DUE)
    title = "Car break-ins in the Parkview lot"
    area_command = factory.SelfAttribute("concern.area_command")
    officer = factory.SubFactory(UserFactory, role="officer", area_command=factory.SelfAttribute("..area_command"))
    starts_on = factory.SelfAttribute("concern.received_on")
    due_on = factory.LazyAttribute(lambda plan: ActionPlan.due_for(plan.starts_on))
    problem = "Three cars broken into in two weeks, always overnight, always the far row."
    measure = "Reported vehicle break-ins in the lot"
    baseline_value = 6
    baseline_period = "the 90 days before"
    created_by = factory.SelfAttribute("officer")


class PlannedActionFactory(DjangoModelFactory):
    class Meta:
        model = PlannedAction

    plan = factory.SubFactory(ActionPlanFactory)
    description = "Ask the manager to fix the lights over the far row"
    owner = factory.SelfAttribute("plan.officer")
    target_on = factory.LazyFunction(lambda: clock.today() + timedelta(days=14))


class ImplementationEntryFactory(DjangoModelFactory):
    class Meta:
        model = ImplementationEntry

    plan = factory.SubFactory(ActionPlanFactory, status=ActionPlan.Status.IN_PROGRESS)
    by = factory.SelfAttribute("plan.officer")
    actions_taken = "Extra patrols of the lot between 1 and 4 a.m."
    citations = 2


class PlanEventFactory(DjangoModelFactory):
    class Meta:
        model = PlanEvent

    plan = factory.SubFactory(ActionPlanFactory)
    action = PlanEvent.Action.CREATED
    by = factory.SelfAttribute("plan.officer")


class PlanReminderFactory(DjangoModelFactory):
    class Meta:
        model = PlanReminder

    plan = factory.SubFactory(ActionPlanFactory)
    step = PlanReminder.Step.DUE_IN_3
    sent_on = factory.LazyFunction(clock.today)
    recipients = "officer@example.org"


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    name = "Juniper Road corridor"
    goal = "Fewer drug sales and calls for service along Juniper Road"
    area_command = factory.SubFactory(AreaCommandFactory)
    lieutenant = factory.SubFactory(
        UserFactory, role="lieutenant", area_command=factory.SelfAttribute("..area_command")
    )
    starts_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=20))


class ProjectNoteFactory(DjangoModelFactory):
    class Meta:
        model = ProjectNote

    project = factory.SubFactory(ProjectFactory)
    month = factory.LazyFunction(lambda: clock.today().replace(day=1))
    text = "Two nuisance abatements filed; calls down from 14 to 9."
    by = factory.SelfAttribute("project.lieutenant")


class OutgoingMailFactory(DjangoModelFactory):
    class Meta:
        model = OutgoingMail

    subject = "Your presentation request PR-7K3F9Q"
    body = "Thank you: we will call you within two working days."
    recipients = factory.LazyFunction(lambda: ["rosa@example.org"])


class AuditEventFactory(DjangoModelFactory):
    class Meta:
        model = AuditEvent

    action = AuditEvent.Action.LOGIN
    username = "officer"
    address = "203.0.113.24"


class AuditReviewFactory(DjangoModelFactory):
    class Meta:
        model = AuditReview

    week = factory.LazyFunction(lambda: clock.week_start(clock.today()) - timedelta(days=7))  # last week
    reviewed_by = factory.SubFactory(UserFactory, role="chief")
    reviewer_name = factory.LazyAttribute(lambda review: review.reviewed_by.get_full_name())
    note = "Read every failed log-in and export; nothing unusual."
    events_seen = 12


def authenticator_for(user_or_username):
    """The user's confirmed authenticator app (django-otp's TOTP device), set up now if they have none;
    ready for a code of this moment (a code is refused twice within its 30 seconds)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = user_or_username
    if isinstance(user, str):
        user = User.objects.get(username=user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    device.refresh_from_db()
    return device


def totp_code(device):
    """The six digits the user's phone shows now for ``device``."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def log_in_with_forms(client, user, **extra):
    """Log in as a person does: the password on the log-in page, then the authenticator's code."""
    from django.urls import reverse

    device = authenticator_for(user)
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, **extra)
    assert response.status_code == 302, response.content
    return client.post(reverse("outreach:two_factor_verify"), {"code": totp_code(device)}, **extra)


class LegalHoldFactory(DjangoModelFactory):
    """A hold on one record, a concern unless ``record=`` says which."""

    class Meta:
        model = LegalHold
        exclude = ["record"]

    record = factory.SubFactory(ConcernFactory)
    content_type = factory.LazyAttribute(lambda hold: ContentType.objects.get_for_model(hold.record))
    object_id = factory.LazyAttribute(lambda hold: hold.record.pk)
    reason = "Civil claim 2026-CV-0412: keep every record of the Elm Street burglaries."
    placed_by = factory.SubFactory(UserFactory, role="chief")


class AreaHoldFactory(DjangoModelFactory):
    """A hold on an area command's records dated in a range."""

    class Meta:
        model = LegalHold

    area_command = factory.SubFactory(AreaCommandFactory)
    starts_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=5 * 365))
    ends_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=4 * 365))
    reason = "Records request from the city attorney, case 24-117."
    placed_by = factory.SubFactory(UserFactory, role="chief")


class PurgeLogFactory(DjangoModelFactory):
    class Meta:
        model = PurgeLog

    dry_run = True
    record_type = "outreach.concern"
    rule = "retention 3 years, by received_on"
    cutoff = factory.LazyFunction(lambda: clock.today() - timedelta(days=3 * 365))
    anonymised = 4
    held = 1
    run_by = "records (manage.py purge_expired)"
