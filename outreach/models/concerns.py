"""What the community raises, filed under the department's shared vocabulary of crime types.

Where a concern was raised is recorded by the app that owns that place: a
presentation's concerns are linked by ``programs.PresentationConcern`` (and a
survey answer's by the surveys app), so this module depends on no other app.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..lib.validators import TEXT_MAX_LENGTH, within_five_years
from ..scope import AreaScopedQuerySet
from .department import AreaCommand, Sector
from .people import User


class CrimeType(models.Model):
    """The controlled vocabulary of crime types: programs address them, concerns are filed under them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

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
        CrimeType, on_delete=models.PROTECT, related_name="concerns", verbose_name=_("category")
    )
    description = models.TextField(_("what was raised"), max_length=TEXT_MAX_LENGTH)
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
