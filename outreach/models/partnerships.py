"""Partnerships with community organizations and their dated information log (PACT SOP 4-7-6.A)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH, within_five_years
from ..scope import AreaScopedQuerySet
from .organizations import Organization
from .people import User


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
    purpose = models.TextField(
        _("purpose"), help_text=_("The problem the partnership works on together."), max_length=TEXT_MAX_LENGTH
    )
    responsible_officer = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("responsible officer")
    )
    starts_on = models.DateField(_("start date"), validators=[within_five_years])
    ends_on = models.DateField(_("end date"), null=True, blank=True, validators=[within_five_years])
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()
    history = history()

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
        return reverse("outreach:partnership_detail", args=[self.pk])


class PartnershipLogEntry(models.Model):
    """Information received through a partnership, recorded the day it comes in."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="log_entries")
    logged_on = models.DateField(_("date"), default=clock.today, validators=[within_five_years])
    officer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("officer"))
    information = models.TextField(_("what was learned"), max_length=TEXT_MAX_LENGTH)
    follow_up_needed = models.BooleanField(_("follow-up needed"), default=False)
    follow_up_note = models.CharField(_("follow-up"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = history()

    class Meta:
        ordering = ["-logged_on", "-id"]
        verbose_name = _("partnership log entry")
        verbose_name_plural = _("partnership log entries")

    def __str__(self):
        return f"{self.logged_on} · {self.information[:40]}"
