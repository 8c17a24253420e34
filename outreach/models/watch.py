"""Neighborhood watch groups, their block captains and meetings."""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Max, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..lib.history import history
from ..lib.references import new_reference
from ..lib.validators import PUBLIC_TEXT_MAX_LENGTH, TEXT_MAX_LENGTH, check_same_area, within_five_years
from ..scope import IntakeQueueQuerySet
from .department import AreaCommand, Sector
from .people import User

# More households in one group, or people at one meeting, is a typing mistake.
MAX_PEOPLE = 5_000


class WatchGroupQuerySet(IntakeQueueQuerySet):
    pickup_perm = "outreach.handle_watchgroup_request"

    def active(self):
        return self.filter(status=WatchGroup.Status.ACTIVE)

    def named(self, name):
        """Groups of this name, whatever its capitals: an area command holds each name once."""
        return self.filter(name__iexact=name.strip())

    def lapsing(self, today, months=None):
        """Active groups with no meeting in the last ``months`` months (``WatchGroup.LAPSING_MONTHS``)."""
        since = today - timedelta(days=(months or WatchGroup.LAPSING_MONTHS) * 30)
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

    # A citizens' request waits in the intake queue in this status until it is placed in an area command.
    INTAKE_STATUS = Status.REQUESTED
    # An active group with no meeting for this many months is lapsing (the coverage page).
    LAPSING_MONTHS = 6

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
    boundaries = models.TextField(
        _("boundaries"), help_text=_("Streets or blocks the group covers."), max_length=TEXT_MAX_LENGTH
    )
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
    households = models.PositiveIntegerField(
        _("households or businesses interested"), null=True, blank=True, validators=[MaxValueValidator(MAX_PEOPLE)]
    )
    # The citizen who asked for the group (staff only).
    requester_name = models.CharField(_("requested by"), max_length=150, blank=True)
    requester_email = models.EmailField(_("requester's e-mail"), blank=True)
    requester_phone = models.CharField(_("requester's phone"), max_length=40, blank=True)
    requester_message = models.TextField(_("requester's message"), blank=True, max_length=PUBLIC_TEXT_MAX_LENGTH)
    requester_language = models.CharField(_("language"), max_length=5, default="en")
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WatchGroupQuerySet.as_manager()
    history = history(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighborhood watch group")
        verbose_name_plural = _("neighborhood watch groups")
        permissions = [
            ("handle_watchgroup_request", _("Can see and pick up citizens' requests for a watch group")),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "area_command",
                condition=Q(area_command__isnull=False),
                name="outreach_watchgroup_name_unique_per_area",
                violation_error_message=_("This area command already has a watch group with this name."),
            ),
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
        return reverse("outreach:watch_detail", args=[self.pk])

    def get_public_url(self):
        """The requesting citizen's own page for the group, by its unguessable code."""
        return reverse("outreach:watch_request_done", args=[self.code])

    def allowed_statuses(self):
        return self.TRANSITIONS[self.status]

    def can_become(self, status):
        return status in self.allowed_statuses()

    def clean(self):
        super().clean()
        if self.status != self.Status.REQUESTED and not self.area_command_id:
            raise ValidationError({"area_command": _("Choose the area command before organizing the group.")})
        check_same_area(self.area_command_id, sector=self.sector if self.sector_id else None)


class BlockCaptain(models.Model):
    group = models.ForeignKey(WatchGroup, on_delete=models.CASCADE, related_name="captains")
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    block = models.CharField(_("block or street"), max_length=150, blank=True)

    history = history()

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
    attendance = models.PositiveIntegerField(
        _("attendance"), null=True, blank=True, validators=[MaxValueValidator(MAX_PEOPLE)]
    )
    officer_present = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("officer present")
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    history = history()

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
