"""A citizen's request to be contacted about a concern (policy 000 §V.C), kept apart from the answers.

The answers stay anonymous: a contact request names no response, and answer exports never read
this table. Who may see it is a permission (``surveys.view_contactrequest``: the staff who work
follow-ups). An unplaced request (no area command known) is an intake queue like the public
presentation requests.
"""

from datetime import datetime, time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.lib.history import history
from outreach.lib.validators import TEXT_MAX_LENGTH
from outreach.models import AreaCommand, Concern
from outreach.scope import IntakeQueueQuerySet

from .surveys import Survey


class ContactRequestQuerySet(IntakeQueueQuerySet):
    pickup_perm = "surveys.change_contactrequest"

    def for_user(self, user):
        """Staff who work follow-ups see their area's (and the unplaced); anyone else only those assigned to them."""
        if user.is_authenticated and user.is_active and not user.has_perm(self.pickup_perm):
            return self.filter(assigned_to=user)
        return super().for_user(user)

    def stale(self, today=None):
        """Open requests nobody touched for ``STALE_WORKING_DAYS`` working days."""
        cutoff = clock.working_days_ago(ContactRequest.STALE_WORKING_DAYS, since=today)
        zone = timezone.get_current_timezone()
        return self.open().filter(last_activity_at__lt=timezone.make_aware(datetime.combine(cutoff, time.min), zone))

    def open(self):
        return self.exclude(status=ContactRequest.Status.CLOSED)


class ContactRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Reached: answered or resolved")
        CONCERN = "concern", _("Reached: recorded as a concern")
        REFERRED = "referred", _("Reached: referred elsewhere")
        DECLINED = "declined", _("Reached: no longer wanted")
        UNREACHABLE = "unreachable", _("Could not be reached")

    INTAKE_STATUS = Status.NEW
    WORK_PERMISSION = "surveys.change_contactrequest"
    # A request nobody touched for this many working days is flagged.
    STALE_WORKING_DAYS = 3
    TRANSITIONS = {
        Status.NEW: {Status.ASSIGNED, Status.CLOSED},
        Status.ASSIGNED: {Status.ASSIGNED, Status.CLOSED},
        Status.CLOSED: set(),
    }

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="contact_requests")
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("area command")
    )
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    concern_text = models.TextField(_("about"), max_length=TEXT_MAX_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_contacts",
        verbose_name=_("assigned to"),
    )
    last_activity_at = models.DateTimeField(default=timezone.now, editable=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("note"), max_length=TEXT_MAX_LENGTH, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    concern = models.ForeignKey(Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = ContactRequestQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        indexes = [
            # The follow-up queue: open requests by area, oldest activity first.
            models.Index(fields=["area_command", "status", "last_activity_at"], name="surveys_contact_queue"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(phone="") | ~Q(email=""), name="surveys_contact_phone_or_email"),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False) & ~Q(outcome="")
                | ~Q(status="closed") & Q(closed_at__isnull=True),
                name="surveys_contact_closed_with_outcome",
            ),
        ]

    def __str__(self):
        return f"{self.name} · {timezone.localtime(self.created_at):%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("surveys:contact_detail", args=[self.pk])

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_open(self):
        return self.status != self.Status.CLOSED

    def is_stale(self, today=None):
        cutoff = clock.working_days_ago(self.STALE_WORKING_DAYS, since=today)
        return self.is_open() and clock.date_of(self.last_activity_at) < cutoff

    def can_be_worked_by(self, user):
        """Attempts and the outcome: whoever works follow-ups, or the officer it is assigned to."""
        return self.is_open() and (user.has_perm(self.WORK_PERMISSION) or self.assigned_to_id == user.pk)


class ContactAttempt(models.Model):
    class Method(models.TextChoices):
        PHONE = "phone", _("Phone call")
        EMAIL = "email", _("E-mail")
        VISIT = "visit", _("Visit")

    request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="attempts")
    made_at = models.DateTimeField(_("when"), default=timezone.now)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    reached = models.BooleanField(_("reached the citizen"), default=False)
    note = models.TextField(_("note"), max_length=TEXT_MAX_LENGTH, blank=True)

    history = history()

    class Meta:
        ordering = ["-made_at"]
        verbose_name = _("contact attempt")
        verbose_name_plural = _("contact attempts")

    def __str__(self):
        return f"{self.request} · {self.get_method_display()}"
