"""Problem-oriented policing (POP) projects, led by the area's PACT lieutenant (SOP 4-7-5 C.6, D.7, E.8)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH, within_five_years
from ..scope import AreaScopedQuerySet
from .concerns import Concern
from .department import AreaCommand
from .organizations import Organization
from .people import User


class ProjectQuerySet(AreaScopedQuerySet):
    def active(self):
        return self.filter(status=Project.Status.ACTIVE)


class Project(models.Model):
    class Status(models.TextChoices):
        PLANNING = "planning", _("Planning")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")

    name = models.CharField(_("name"), max_length=150)
    goal = models.TextField(_("goal"), max_length=TEXT_MAX_LENGTH)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="projects", verbose_name=_("area command")
    )
    lieutenant = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="projects_led", verbose_name=_("lieutenant")
    )
    officers = models.ManyToManyField(User, blank=True, related_name="projects", verbose_name=_("officers"))
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="projects", verbose_name=_("partner organizations")
    )
    concerns = models.ManyToManyField(Concern, blank=True, related_name="projects", verbose_name=_("concerns"))
    starts_on = models.DateField(_("start date"), validators=[within_five_years])
    ends_on = models.DateField(_("end date"), null=True, blank=True, validators=[within_five_years])
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNING)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProjectQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("POP project")
        verbose_name_plural = _("POP projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="outreach_project_ends_after_start",
                violation_error_message=_("The end date must be on or after the start date."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outreach:project_detail", args=[self.pk])


class ProjectNote(models.Model):
    """The lieutenant's monthly progress note to the commander (SOP 4-7-5 C.2), one per project and month."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="notes")
    month = models.DateField(_("month"), help_text=_("The first day of the month the note covers."))
    text = models.TextField(_("progress this month"), max_length=TEXT_MAX_LENGTH)
    by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    history = history()

    class Meta:
        ordering = ["-month"]
        verbose_name = _("monthly project note")
        verbose_name_plural = _("monthly project notes")
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="outreach_projectnote_one_per_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="outreach_projectnote_month_start"),
        ]

    def __str__(self):
        return f"{self.project} · {self.month:%Y-%m}"
