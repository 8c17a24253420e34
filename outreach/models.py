from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from timezone_field import TimeZoneField

from . import roles
from .scope import AreaScopedQuerySet, sees_all_areas

LOGO_MAX_BYTES = 1024 * 1024


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
        default=settings.TIME_ZONE,
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

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

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
        role_changed = self.role != getattr(self, "_synced_role", None)
        if role_changed:
            self.is_staff = self.is_superuser or self.role in self.ADMIN_SITE_ROLES
        super().save(*args, **kwargs)
        if role_changed:
            self._sync_role_group()

    def _sync_role_group(self):
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

    received_on = models.DateField(_("received on"), help_text=_("The date the department learned of it."))
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
