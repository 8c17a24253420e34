"""The PDF reports the policies ask for, each a row first (pretix's CachedFile): asked for, compiled, kept.

A ``GeneratedReport`` is created by the request (or the monthly schedule), claimed and filled by a
Celery task, and served by a scoped view; it is never in a public media address. Regenerating a
done report makes a new row: the earlier ones stay as its history.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from outreach.lib.history import history
from outreach.lib.validators import TEXT_MAX_LENGTH
from outreach.models import AreaCommand
from outreach.scope import sees_all_areas


def report_path(report, filename):
    return f"reports/{report.period:%Y}/{uuid.uuid4().hex}.pdf"


class GeneratedReportQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status__in=GeneratedReport.PENDING)

    def done(self):
        return self.filter(status=GeneratedReport.Status.DONE)

    def for_user(self, user):
        """The reports ``user`` may see (policy 003 4-7-5: each level reports up the chain of command).

        An officer: their own monthly reports and their area command's. A sergeant: also their unit's and
        its officers'. Command staff of an area: every monthly report of the area. The annual report:
        the holders of ``reports.view_annual_report``. Whoever sees every area command sees every monthly one.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        Level = GeneratedReport.Level
        annual = Q(kind=GeneratedReport.Kind.ANNUAL) if user.has_perm("reports.view_annual_report") else Q(pk=None)
        if sees_all_areas(user):
            return self.filter(Q(kind=GeneratedReport.Kind.MONTHLY) | annual)
        if user.area_command_id is None:
            return self.filter(annual)
        monthly = Q(kind=GeneratedReport.Kind.MONTHLY, area_command=user.area_command_id)
        if user.has_perm("reports.view_area_reports"):
            return self.filter(monthly | annual)
        own = Q(level=Level.AREA) | Q(level=Level.OFFICER, officer=user)
        if user.has_perm("reports.view_unit_reports"):
            own |= Q(level=Level.UNIT, sergeant=user) | Q(level=Level.OFFICER, officer__sergeant=user)
        return self.filter(monthly & own | annual)


class GeneratedReport(models.Model):
    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("Monthly report")
        ANNUAL = "annual", _("Annual citizen-concerns report")

    class Level(models.TextChoices):
        AREA = "area", _("Area command")
        UNIT = "unit", _("Unit")
        OFFICER = "officer", _("Officer")
        DEPARTMENT = "department", _("Department")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being compiled")
        DONE = "done", pgettext_lazy("report", "Done")
        FAILED = "failed", _("Failed")

    PENDING = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("report"), max_length=10, choices=Kind)
    level = models.CharField(_("level"), max_length=12, choices=Level)
    period = models.DateField(_("period"), help_text=_("The first day of the month, or of the year, reported on."))
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("area command")
    )
    sergeant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit sergeant"),
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer"),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    is_draft = models.BooleanField(_("draft"), default=False, help_text=_("Watermarked DRAFT."))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    error = models.TextField(_("error"), blank=True, max_length=TEXT_MAX_LENGTH)
    file = models.FileField(_("file"), upload_to=report_path, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
        help_text=_("Empty when the monthly schedule asked for it."),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # How long building the figures and WeasyPrint's drawing took, in seconds.
    build_seconds = models.FloatField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)

    objects = GeneratedReportQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-period", "kind", "level", "-requested_at"]
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        permissions = [
            ("generate_report", _("Can ask for the monthly reports one may see")),
            ("view_area_reports", _("Can see every monthly report of one's area command")),
            ("view_unit_reports", _("Can see the monthly reports of one's unit and its officers")),
            ("view_annual_report", _("Can see and download the annual citizen-concerns report")),
            ("generate_annual_report", _("Can compile the annual citizen-concerns report")),
        ]
        constraints = [
            # Asking again while one is queued or being compiled returns that one.
            models.UniqueConstraint(
                fields=["kind", "level", "period", "area_command", "sergeant", "officer", "is_draft"],
                condition=Q(status__in=["queued", "running"]),
                nulls_distinct=False,
                name="reports_one_pending_per_scope",
            ),
            models.CheckConstraint(condition=Q(period__day=1), name="reports_period_first_day"),
            models.CheckConstraint(
                condition=(
                    Q(kind="monthly", level="area", area_command__isnull=False, sergeant=None, officer=None)
                    | Q(kind="monthly", level="unit", area_command__isnull=False, sergeant__isnull=False, officer=None)
                    | Q(kind="monthly", level="officer", area_command__isnull=False, sergeant=None)
                    & Q(officer__isnull=False)
                    | Q(kind="annual", level="department", period__month=1, area_command=None, officer=None)
                    & Q(sergeant=None)
                ),
                name="reports_scope_fits_level",
            ),
        ]
        indexes = [
            # The reports page: a scope's reports, newest first.
            models.Index(fields=["kind", "area_command", "-period"], name="reports_list_by_area"),
        ]

    def __str__(self):
        return f"{self.title} · {self.period_label}"

    def get_absolute_url(self):
        return reverse("reports:report_detail", args=[self.pk])

    def get_download_url(self):
        return reverse("reports:report_download", args=[self.pk])

    @property
    def subject(self):
        """Whose report: the area command, the unit's sergeant, the officer, or the department."""
        if self.sergeant_id:
            return _("Unit of %(sergeant)s") % {"sergeant": self.sergeant.display_name}
        return self.officer or self.area_command or _("Department-wide")

    @property
    def title(self):
        if self.kind == self.Kind.ANNUAL:
            return str(self.Kind.ANNUAL.label)
        return {
            self.Level.AREA: _("Area command monthly report"),
            self.Level.UNIT: _("Unit monthly report"),
            self.Level.OFFICER: _("Officer monthly report"),
        }[self.level]

    @property
    def period_label(self):
        if self.kind == self.Kind.ANNUAL:
            return str(self.period.year)
        return date_format(self.period, "YEAR_MONTH_FORMAT")

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    def is_pending(self):
        return self.status in self.PENDING

    def is_done(self):
        return self.status == self.Status.DONE

    def filename(self):
        subject = self.officer or self.sergeant or self.area_command
        name = getattr(subject, "code", None) or getattr(subject, "username", None) or "department"
        stamp = self.period.strftime("%Y" if self.kind == self.Kind.ANNUAL else "%Y-%m")
        return f"{self.kind}-{self.level}-{name}-{stamp}{'-draft' if self.is_draft else ''}.pdf"


class AnnualRecommendations(models.Model):
    """The chief's recommendations in a year's citizen-concerns report (policy 000 §VI).

    A draft of the report can be compiled at any time (watermarked DRAFT); the chief or the designee
    writes the recommendations in the app, then makes the report final: the final PDF keeps them,
    and neither changes after.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        WRITTEN = "written", _("Recommendations written")
        FINAL = "final", pgettext_lazy("annual report", "Final")

    TRANSITIONS = {
        Status.DRAFT: (Status.WRITTEN,),
        Status.WRITTEN: (Status.WRITTEN, Status.FINAL),
        Status.FINAL: (),
    }

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    text = models.TextField(_("the chief's recommendations"), blank=True, max_length=TEXT_MAX_LENGTH)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    written_at = models.DateTimeField(null=True, blank=True)
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    finalized_at = models.DateTimeField(null=True, blank=True)

    history = history()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual recommendations")
        verbose_name_plural = _("annual recommendations")
        permissions = [
            ("write_recommendations", _("Can write the chief's recommendations and make the annual report final"))
        ]

    def __str__(self):
        return f"{self.year} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("reports:annual_detail", args=[self.year])

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_final(self):
        return self.status == self.Status.FINAL
