import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from timezone_field import TimeZoneField

from . import roles
from .scope import AreaScopedQuerySet, sees_all_areas
from .validators import within_five_years

LOGO_MAX_BYTES = 1024 * 1024


def default_time_zone():
    """The zone from DJANGO_TIME_ZONE, read when the department row is first created."""
    return settings.TIME_ZONE


def validate_logo_size(file):
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo must be 1 MB or smaller."))


class Department(models.Model):
    """The department running this installation: one row, on every page header and report."""

    SINGLETON_ID = 1

    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("address"), max_length=250, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    chief_name = models.CharField(_("chief of police"), max_length=150, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="department/",
        blank=True,
        validators=[
            FileExtensionValidator(["png", "jpg", "jpeg"]),
            validate_logo_size,
        ],
        help_text=_("PNG or JPEG, at most 1 MB. Shown on every page header and report."),
    )
    time_zone = TimeZoneField(
        _("time zone"),
        default=default_time_zone,
        help_text=_("Deadlines such as the 10-day action-plan clock are counted in this zone."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("department")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="outreach_department_singleton"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def load(cls):
        department, _created = cls.objects.get_or_create(pk=cls.SINGLETON_ID, defaults={"name": "Police Department"})
        return department

    def is_complete(self):
        return bool(self.address and self.phone and self.chief_name)

    def local_today(self):
        return timezone.localtime(timezone.now(), self.time_zone).date()


class AreaCommandQuerySet(AreaScopedQuerySet):
    area_lookup = "pk"

    def active(self):
        return self.filter(is_active=True)


class AreaCommand(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("Short code used in lists, e.g. NE."))
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = AreaCommandQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("area command")
        verbose_name_plural = _("area commands")

    def __str__(self):
        return self.name


class Sector(models.Model):
    """A sector or beat inside an area command."""

    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="sectors", verbose_name=_("area command")
    )
    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(_("code"), max_length=20)

    objects = AreaScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["area_command__name", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["area_command", "code"], name="outreach_sector_unique_code_per_area"),
        ]

    def __str__(self):
        return f"{self.area_command.code.upper()} · {self.name}"


class UserQuerySet(AreaScopedQuerySet):
    def active(self):
        return self.filter(is_active=True)


class OutreachUserManager(UserManager.from_queryset(UserQuerySet)):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", User.Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    class Role(models.TextChoices):
        OFFICER = "officer", _("Officer")
        SERGEANT = "sergeant", _("Sergeant")
        LIEUTENANT = "lieutenant", _("Lieutenant")
        COMMANDER = "commander", _("Area commander")
        CHIEF = "chief", _("Chief of police")
        DESIGNEE = "designee", _("Chief's designee")
        RECORDS = "records", _("Records / crime-prevention staff")
        ADMIN = "admin", _("System administrator")

    # Roles whose work belongs to one area command.
    AREA_ROLES = (Role.OFFICER, Role.SERGEANT, Role.LIEUTENANT, Role.COMMANDER)
    # Roles that may use the Django admin.
    ADMIN_SITE_ROLES = (Role.CHIEF, Role.DESIGNEE, Role.RECORDS, Role.ADMIN)

    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.OFFICER)
    badge_number = models.CharField(
        _("badge number"), max_length=20, blank=True, help_text=_("Leave blank for civilian staff.")
    )
    area_command = models.ForeignKey(
        AreaCommand,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("area command"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = OutreachUserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [("view_all_areas", _("Can see the records of every area command"))]
        constraints = [
            models.UniqueConstraint(
                fields=["badge_number"],
                condition=~Q(badge_number=""),
                name="outreach_user_unique_badge_number",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=roles.AREA_ROLES) | Q(area_command__isnull=False),
                name="outreach_user_area_role_has_area_command",
                violation_error_message=_("Officers, sergeants, lieutenants and area commanders need an area command."),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        name = self.get_full_name() or self.username
        if self.badge_number:
            return f"{name} (#{self.badge_number})"
        return name

    @property
    def sees_all_areas(self):
        return sees_all_areas(self)

    def clean(self):
        super().clean()
        if self.role in self.AREA_ROLES and self.area_command_id is None:
            raise ValidationError(
                {"area_command": _("Officers, sergeants, lieutenants and area commanders need an area command.")}
            )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._synced_role = instance.__dict__.get("role")
        return instance

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        role_changed = self.role != getattr(self, "_synced_role", None) and (
            update_fields is None or "role" in update_fields
        )
        if role_changed:
            self.is_staff = self.is_superuser or self.role in self.ADMIN_SITE_ROLES
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "is_staff"}
        super().save(*args, **kwargs)
        if role_changed:
            self.sync_role_group()

    def sync_role_group(self):
        """Keep the user in exactly one role group: the group grants the permissions."""
        role_groups = Group.objects.filter(name__in=roles.ROLE_GROUPS.values())
        self.groups.remove(*role_groups.exclude(name=roles.ROLE_GROUPS[self.role]))
        group, _created = Group.objects.get_or_create(name=roles.ROLE_GROUPS[self.role])
        self.groups.add(group)
        self._synced_role = self.role
        # Permissions are cached on the instance; the group change invalidates them.
        for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
            self.__dict__.pop(cache, None)


class OrganizationQuerySet(AreaScopedQuerySet):
    def not_reached_on_immigration_policy(self, year):
        """Family-violence centers and sexual-assault programs with no outreach recorded in ``year``."""
        return self.filter(kind__in=ImmigrationOutreach.ELIGIBLE_KINDS).exclude(
            immigration_outreach__reached_on__year=year
        )

    def search(self, text):
        return self.filter(
            Q(name__icontains=text)
            | Q(contact_name__icontains=text)
            | Q(address__icontains=text)
            | Q(email__icontains=text)
        )


class Organization(models.Model):
    """A community group the department works with: the directory behind partnerships and reports."""

    class Kind(models.TextChoices):
        BUSINESS = "business", _("Business")
        CIVIC = "civic", _("Civic association")
        NEIGHBORHOOD = "neighborhood", _("Neighborhood association")
        SCHOOL = "school", _("School")
        FAITH = "faith", _("Faith group")
        CULTURAL = "cultural", _("Minority / cultural association")
        NONPROFIT = "nonprofit", _("Nonprofit")
        FAMILY_VIOLENCE = "family_violence", _("Family-violence center")
        SEXUAL_ASSAULT = "sexual_assault", _("Sexual-assault program")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="organizations", verbose_name=_("area command")
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("sector"),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [
            # Organization list: filtered by area command and kind, ordered by name.
            models.Index(fields=["area_command", "kind", "name"], name="outreach_org_area_kind_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organization_detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.sector_id and self.area_command_id and self.sector.area_command_id != self.area_command_id:
            raise ValidationError({"sector": _("This sector belongs to another area command.")})


class ConcernQuerySet(AreaScopedQuerySet):
    def potential_problems(self):
        return self.filter(is_potential_problem=True)


class Concern(models.Model):
    """Something the community raised: counted by the PACT work and the annual report."""

    class Source(models.TextChoices):
        PRESENTATION = "presentation", _("Presentation")
        SURVEY = "survey", _("Survey answer")
        PARTNER = "partner", _("Partner information")
        PHONE = "phone", _("Phone or walk-in")
        EMAIL = "email", _("E-mail")
        OBSERVATION = "observation", _("Officer observation")
        COMMAND = "command", _("Command referral")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        MONITORING = "monitoring", _("Monitoring")
        CLOSED = "closed", _("Closed")

    received_on = models.DateField(
        _("received on"), help_text=_("The date the department learned of it."), validators=[within_five_years]
    )
    source = models.CharField(_("source"), max_length=20, choices=Source)
    category = models.ForeignKey(
        "programs.CrimeType", on_delete=models.PROTECT, related_name="concerns", verbose_name=_("category")
    )
    description = models.TextField(_("what was raised"))
    is_potential_problem = models.BooleanField(
        _("potential problem bearing on law enforcement"),
        default=False,
        help_text=_("Tick when it could affect law enforcement in the community."),
    )
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="concerns", verbose_name=_("area command")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, related_name="concerns", verbose_name=_("sector")
    )
    presentation = models.ForeignKey(
        "programs.Presentation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("presentation"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="concerns_recorded", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ConcernQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")
        indexes = [
            # Area pages and the annual report: concerns of an area by date and category.
            models.Index(fields=["area_command", "received_on", "category"], name="outreach_concern_area_date"),
        ]

    def __str__(self):
        return f"{self.category}: {self.description[:60]}"


REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference(prefix):
    """A short code a citizen can read out on the phone: no 0/O or 1/I."""
    return f"{prefix}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class WatchGroupQuerySet(AreaScopedQuerySet):
    def for_user(self, user):
        """Citizen requests not yet placed in an area command are an intake queue everyone may pick up."""
        scoped = super().for_user(user)
        if not user.is_authenticated or not user.is_active or user.sees_all_areas:
            return scoped
        return scoped | self.filter(area_command__isnull=True, status=WatchGroup.Status.REQUESTED)

    def active(self):
        return self.filter(status=WatchGroup.Status.ACTIVE)

    def lapsing(self, today, months=6):
        """Active groups with no meeting in the last ``months`` months."""
        since = today - timedelta(days=months * 30)
        return (
            self.active()
            .annotate(last_meeting=Max("meetings__held_on"))
            .filter(Q(last_meeting__isnull=True, created_at__date__lt=since) | Q(last_meeting__date__lt=since))
        )


class WatchGroup(models.Model):
    """A neighborhood watch group, residential or business, started by the department or by citizens."""

    class Kind(models.TextChoices):
        RESIDENTIAL = "residential", _("Residential")
        BUSINESS = "business", _("Business")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ORGANIZING = "organizing", _("Organizing")
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    class StartedBy(models.TextChoices):
        DEPARTMENT = "department", _("The department")
        CITIZENS = "citizens", _("Citizens")

    # Allowed moves between statuses.
    TRANSITIONS = {
        Status.REQUESTED: (Status.ORGANIZING, Status.INACTIVE),
        Status.ORGANIZING: (Status.ACTIVE, Status.INACTIVE),
        Status.ACTIVE: (Status.INACTIVE,),
        Status.INACTIVE: (Status.ORGANIZING, Status.ACTIVE),
    }

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.RESIDENTIAL)
    area_command = models.ForeignKey(
        AreaCommand,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="watch_groups",
        verbose_name=_("area command"),
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, related_name="watch_groups", verbose_name=_("sector")
    )
    boundaries = models.TextField(_("boundaries"), help_text=_("Streets or blocks the group covers."))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ORGANIZING)
    started_by = models.CharField(_("started by"), max_length=20, choices=StartedBy, default=StartedBy.DEPARTMENT)
    liaison_officer = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="watch_groups",
        verbose_name=_("liaison officer"),
    )
    households = models.PositiveIntegerField(_("households or businesses interested"), null=True, blank=True)
    # The citizen who asked for the group (staff only).
    requester_name = models.CharField(_("requested by"), max_length=150, blank=True)
    requester_email = models.EmailField(_("requester's e-mail"), blank=True)
    requester_phone = models.CharField(_("requester's phone"), max_length=40, blank=True)
    requester_message = models.TextField(_("requester's message"), blank=True)
    requester_language = models.CharField(_("language"), max_length=5, default="en")
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WatchGroupQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighborhood watch group")
        verbose_name_plural = _("neighborhood watch groups")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="requested") | Q(area_command__isnull=False),
                name="outreach_watchgroup_area_once_organizing",
                violation_error_message=_("Choose the area command before organizing the group."),
            ),
        ]
        indexes = [
            # Watch list and coverage page: an area's groups by status.
            models.Index(fields=["area_command", "status"], name="outreach_watch_area_status"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference("NW")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("watch_detail", args=[self.pk])

    def allowed_statuses(self):
        return self.TRANSITIONS[self.status]

    def clean(self):
        super().clean()
        if self.status != self.Status.REQUESTED and not self.area_command_id:
            raise ValidationError({"area_command": _("Choose the area command before organizing the group.")})
        if self.sector_id and self.area_command_id and self.sector.area_command_id != self.area_command_id:
            raise ValidationError({"sector": _("This sector belongs to another area command.")})


class BlockCaptain(models.Model):
    group = models.ForeignKey(WatchGroup, on_delete=models.CASCADE, related_name="captains")
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    block = models.CharField(_("block or street"), max_length=150, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("block captain")
        verbose_name_plural = _("block captains")

    def __str__(self):
        return self.name


class WatchMeeting(models.Model):
    group = models.ForeignKey(WatchGroup, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateTimeField(_("date and time"), validators=[within_five_years])
    place = models.CharField(_("place"), max_length=200, blank=True)
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    officer_present = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("officer present")
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("watch meeting")
        verbose_name_plural = _("watch meetings")
        indexes = [
            # Lapsing groups and the calendar: meetings by group and date.
            models.Index(fields=["group", "held_on"], name="outreach_watchmeeting_group"),
        ]

    def __str__(self):
        return f"{self.group} · {timezone.localtime(self.held_on):%Y-%m-%d}"


class PartnershipQuerySet(AreaScopedQuerySet):
    area_lookup = "organization__area_command"

    def active(self):
        return self.filter(status=Partnership.Status.ACTIVE)


class Partnership(models.Model):
    """A formal or informal partnership with a community organization (PACT SOP 4-7-6.A)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("organization")
    )
    purpose = models.TextField(_("purpose"), help_text=_("The problem the partnership works on together."))
    responsible_officer = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("responsible officer")
    )
    starts_on = models.DateField(_("start date"), validators=[within_five_years])
    ends_on = models.DateField(_("end date"), null=True, blank=True, validators=[within_five_years])
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name", "-starts_on"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="outreach_partnership_ends_after_start",
                violation_error_message=_("The end date must be on or after the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} · {self.purpose[:50]}"

    def get_absolute_url(self):
        return reverse("partnership_detail", args=[self.pk])


class PartnershipLogEntry(models.Model):
    """Information received through a partnership, recorded the day it comes in."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="log_entries")
    logged_on = models.DateField(_("date"), default=timezone.localdate, validators=[within_five_years])
    officer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("officer"))
    information = models.TextField(_("what was learned"))
    follow_up_needed = models.BooleanField(_("follow-up needed"), default=False)
    follow_up_note = models.CharField(_("follow-up"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-logged_on", "-id"]
        verbose_name = _("partnership log entry")
        verbose_name_plural = _("partnership log entries")

    def __str__(self):
        return f"{self.logged_on} · {self.information[:40]}"


class ReferralQuerySet(AreaScopedQuerySet):
    def open(self):
        return self.filter(follow_up_confirmed_on__isnull=True)

    def overdue(self, today):
        return self.open().filter(follow_up_due__lt=today)


class Referral(models.Model):
    """An outside referral the officer must see followed up (PACT SOP 4-7-6.B)."""

    class Kind(models.TextChoices):
        CHILD_ABUSE = "child_abuse", _("Child abuse")
        ELDER_ABUSE = "elder_abuse", _("Elderly abuse")
        DRUG_HOUSE = "drug_house", _("Drug house")
        CODE_VIOLATION = "code_violation", _("Code violation")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    agency = models.CharField(_("agency or unit referred to"), max_length=200)
    summary = models.TextField(
        _("what was referred"), help_text=_("Facts the agency needs. Never record anyone's immigration status.")
    )
    location = models.CharField(_("location"), max_length=250, blank=True)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("area command")
    )
    officer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("officer"))
    referred_on = models.DateField(_("referred on"), default=timezone.localdate, validators=[within_five_years])
    follow_up_due = models.DateField(_("follow-up due"), validators=[within_five_years])
    follow_up_confirmed_on = models.DateField(
        _("follow-up confirmed on"), null=True, blank=True, validators=[within_five_years]
    )
    confirmed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("confirmed by")
    )
    outcome = models.TextField(_("outcome"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ReferralQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["follow_up_confirmed_on", "follow_up_due"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_due__gte=models.F("referred_on")),
                name="outreach_referral_due_after_referral",
                violation_error_message=_("The follow-up cannot be due before the referral was made."),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_confirmed_on__isnull=True) | Q(confirmed_by__isnull=False),
                name="outreach_referral_confirmation_has_confirmer",
            ),
        ]
        indexes = [
            # Dashboards: an area's open referrals by due date.
            models.Index(
                fields=["area_command", "follow_up_confirmed_on", "follow_up_due"], name="outreach_referral_open_due"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.agency}"

    def get_absolute_url(self):
        return reverse("referral_detail", args=[self.pk])

    def is_overdue(self, today):
        return self.follow_up_confirmed_on is None and self.follow_up_due < today


class ImmigrationOutreach(models.Model):
    """Outreach on the department's immigration-status policy to a family-violence center or
    sexual-assault program (Policy 4.9 §IV)."""

    ELIGIBLE_KINDS = (Organization.Kind.FAMILY_VIOLENCE, Organization.Kind.SEXUAL_ASSAULT)

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="immigration_outreach", verbose_name=_("organization")
    )
    reached_on = models.DateField(_("reached on"), default=timezone.localdate, validators=[within_five_years])
    officer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("officer"))
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reached_on"]
        verbose_name = _("immigration-policy outreach")
        verbose_name_plural = _("immigration-policy outreach")

    def __str__(self):
        return f"{self.organization} · {self.reached_on}"

    def clean(self):
        super().clean()
        if self.organization_id and self.organization.kind not in self.ELIGIBLE_KINDS:
            raise ValidationError(
                _("This outreach is recorded for family-violence centers and sexual-assault programs.")
            )


class CalendarFeed(models.Model):
    """The secret address of a staff member's calendar feed; resetting it cuts off the old one."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("calendar_feed", args=[self.token])
