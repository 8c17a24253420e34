"""What the community raises, filed under the department's shared vocabulary of crime types.

Where a concern was raised is recorded by the app that owns that place: a
presentation's concerns are linked by ``programs.PresentationConcern`` (and a
survey answer's by the surveys app), so this module depends on no other app.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH, check_same_area, within_five_years
from ..scope import AreaScopedQuerySet
from .department import AreaCommand, Sector
from .partnerships import PartnershipLogEntry
from .people import User


class CrimeType(models.Model):
    """The controlled vocabulary of crime types: programs address them, concerns are filed under them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    history = history()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("crime type")
        verbose_name_plural = _("crime types")

    def __str__(self):
        if get_language() == "es" and self.name_es:
            return self.name_es
        return self.name


class ConcernQuerySet(AreaScopedQuerySet):
    def potential_problems(self):
        return self.filter(is_potential_problem=True)

    def open(self):
        return self.exclude(status__in=Concern.ENDED)

    def awaiting_plan(self):
        return self.filter(status__in=Concern.AWAITING_PLAN)

    def overdue(self, today=None):
        """Awaiting a plan past the 10 calendar days the policy allows (SOP 4-7-5 E.3)."""
        last_on_time = clock.days_ago(Concern.PLAN_DAYS, since=today)
        return self.awaiting_plan().filter(received_on__lt=last_on_time)

    def similar_to(self, concern):
        """Open concerns of the same category in the same sector (or area, without a sector), but itself."""
        place = {"sector": concern.sector_id} if concern.sector_id else {"area_command": concern.area_command_id}
        return self.open().filter(category=concern.category_id, **place).exclude(pk=concern.pk)


class Concern(models.Model):
    """Something the community raised, worked to closure by the area's PACT (SOP 4-7-6 C)."""

    class Source(models.TextChoices):
        PRESENTATION = "presentation", _("Presentation")
        SURVEY = "survey", _("Survey answer")
        PARTNER = "partner", _("Partner information")
        PHONE = "phone", _("Phone call")
        WALK_IN = "walk_in", _("Walk-in")
        EMAIL = "email", _("E-mail")
        OBSERVATION = "observation", _("Officer observation")
        COMMAND = "command", _("Command referral")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        PLAN_DUE = "plan_due", _("Plan being written")
        PLAN_SUBMITTED = "plan_submitted", _("Plan submitted")
        IN_PROGRESS = "in_progress", _("In progress")
        MONITORING = "monitoring", _("Monitoring")
        CLOSED = "closed", _("Closed")
        MERGED = "merged", _("Merged")
        NO_ACTION = "no_action", _("No action")

    # Sources recorded on the concern form; presentations and surveys record theirs where they are raised.
    INTAKE_SOURCES = (Source.PHONE, Source.WALK_IN, Source.EMAIL, Source.OBSERVATION, Source.COMMAND, Source.PARTNER)
    AWAITING_PLAN = (Status.NEW, Status.ASSIGNED, Status.PLAN_DUE)
    ENDED = (Status.CLOSED, Status.MERGED, Status.NO_ACTION)
    # SOP 4-7-5 E.3: an action plan within ten calendar days of receiving the concern.
    PLAN_DAYS = 10
    ASSIGN_PERMISSION = "outreach.assign_concern"
    TAKE_PERMISSION = "outreach.take_concern"
    REPORTER_PERMISSION = "outreach.view_concern_reporter"

    received_on = models.DateField(
        _("received on"),
        help_text=_("The date the department learned of it: the ten days for an action plan start here."),
        validators=[within_five_years],
    )
    source = models.CharField(_("source"), max_length=20, choices=Source)
    category = models.ForeignKey(
        CrimeType, on_delete=models.PROTECT, related_name="concerns", verbose_name=_("category")
    )
    description = models.TextField(_("what was raised"), max_length=TEXT_MAX_LENGTH)
    location = models.CharField(
        _("location"), max_length=250, blank=True, help_text=_("An address, a block, a park: where it happens.")
    )
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
    reporter_name = models.CharField(_("reported by"), max_length=150, blank=True)
    reporter_phone = models.CharField(_("reporter's phone"), max_length=40, blank=True)
    reporter_email = models.EmailField(_("reporter's e-mail"), blank=True)
    partnership_log_entry = models.ForeignKey(
        PartnershipLogEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("from the partnership log entry"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    assigned_to = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="concerns_assigned",
        verbose_name=_("assigned officer"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    closing_reason = models.TextField(_("reason"), blank=True, max_length=TEXT_MAX_LENGTH)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="concerns_recorded", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ConcernQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")
        permissions = [
            ("assign_concern", _("Can assign, merge or close an area's concerns")),
            ("take_concern", _("Can take an unassigned concern of one's area")),
            ("view_concern_reporter", _("Can see who reported a concern and how to reach them")),
        ]
        indexes = [
            # Area pages and the annual report: concerns of an area by date and category.
            models.Index(fields=["area_command", "received_on", "category"], name="outreach_concern_area_date"),
            # The PACT queues: an area's concerns by status.
            models.Index(fields=["area_command", "status", "received_on"], name="outreach_concern_area_status"),
        ]

    def __str__(self):
        return f"{self.category}: {self.description[:60]}"

    def get_absolute_url(self):
        return reverse("outreach:concern_detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_same_area(self.area_command_id, sector=self.sector)

    @property
    def plan_due_on(self):
        return clock.due_on(self.received_on, self.PLAN_DAYS)

    def is_open(self):
        return self.status not in self.ENDED

    def is_awaiting_plan(self):
        return self.status in self.AWAITING_PLAN

    def is_overdue(self, today=None):
        return self.is_awaiting_plan() and self.plan_due_on < (today or clock.today())

    def can_be_assigned_by(self, user):
        return self.is_awaiting_plan() and user.has_perm(self.ASSIGN_PERMISSION)

    def can_be_taken_by(self, user):
        return (
            self.status == self.Status.NEW
            and self.assigned_to_id is None
            and user.has_perm(self.TAKE_PERMISSION)
            and user.area_command_id == self.area_command_id
        )

    def can_be_ended_by(self, user):
        """Merged into another or closed with no action: only before a plan is under way."""
        return self.is_awaiting_plan() and user.has_perm(self.ASSIGN_PERMISSION)

    def reporter_visible_to(self, user):
        """Who reported it is for the staff who work the concern: its officer, who recorded it, supervisors."""
        return user.has_perm(self.REPORTER_PERMISSION) or user.pk in (self.assigned_to_id, self.created_by_id)

    def has_reporter(self):
        return bool(self.reporter_name or self.reporter_phone or self.reporter_email)


class ConcernEvent(models.Model):
    """One step in a concern's life, with who and when: its timeline."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Recorded")
        EDITED = "edited", _("Details corrected")
        ASSIGNED = "assigned", _("Assigned")
        TAKEN = "taken", _("Taken by the officer")
        MERGED = "merged", _("Merged into another concern")
        ABSORBED = "absorbed", _("Another concern merged into this one")
        NO_ACTION = "no_action", _("Closed with no action")
        REMINDED = "reminded", _("Reminder sent")

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action)
    by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True, max_length=TEXT_MAX_LENGTH)
    # The other concern of a merge, or the officer of an assignment, for the timeline's words.
    other_concern = models.ForeignKey(Concern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    officer = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("concern event")
        verbose_name_plural = _("concern events")

    def __str__(self):
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d}"
