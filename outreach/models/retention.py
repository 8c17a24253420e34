"""Retention (policy 003 §C.4: records kept at least three years): legal holds, and the purge's log.

A legal hold keeps records past their retention: one record (its type and number), or every record
of an area command whose retention date falls in a range. A released hold no longer keeps anything;
holds are released, never deleted, so what was kept and why stays readable.

The purge log is append-only like the audit log: the model and its QuerySet refuse to change or
delete a row, and a PostgreSQL trigger (the migration that adds it) refuses UPDATE and DELETE.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .department import AreaCommand


class LegalHoldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(released_at__isnull=True)

    def on_records(self):
        return self.filter(content_type__isnull=False)

    def on_ranges(self):
        return self.filter(area_command__isnull=False)


class LegalHold(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("record type")
    )
    object_id = models.PositiveBigIntegerField(_("record number"), null=True, blank=True)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("area command")
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=2000)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("placed by")
    )
    placed_at = models.DateTimeField(_("placed"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("released by"),
    )
    released_at = models.DateTimeField(_("released"), null=True, blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_at", "-pk"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        permissions = [("release_legalhold", _("Can release a legal hold"))]
        indexes = [
            # The purge and every deletion check look up the active holds on one record type.
            models.Index(fields=["content_type", "object_id"], name="outreach_hold_record"),
        ]
        constraints = [
            # Either one record, or an area command and a date range: never both, never neither.
            models.CheckConstraint(
                condition=Q(
                    content_type__isnull=False,
                    object_id__isnull=False,
                    area_command__isnull=True,
                    starts_on__isnull=True,
                    ends_on__isnull=True,
                )
                | Q(
                    content_type__isnull=True,
                    object_id__isnull=True,
                    area_command__isnull=False,
                    starts_on__isnull=False,
                    ends_on__isnull=False,
                ),
                name="outreach_hold_record_or_range",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="outreach_hold_range_in_order",
            ),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True, released_by__isnull=True)
                | Q(released_at__isnull=False, released_by__isnull=False),
                name="outreach_hold_released_with_who",
            ),
        ]

    def __str__(self):
        return _("Legal hold on %(what)s") % {"what": self.describe()}

    def get_absolute_url(self):
        return reverse("outreach:hold_list") + f"#hold-{self.pk}"

    def is_active(self):
        return self.released_at is None

    def is_on_record(self):
        return self.content_type_id is not None

    def describe(self):
        if self.is_on_record():
            return f"{self.content_type.model_class()._meta.verbose_name} #{self.object_id}"
        return _("%(area)s, %(start)s to %(end)s") % {
            "area": self.area_command,
            "start": date_format(self.starts_on),
            "end": date_format(self.ends_on),
        }


class PurgeLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The purge log is never changed.")

    def delete(self):
        raise TypeError("The purge log is never deleted.")


class PurgeLog(models.Model):
    """One row per record type per run of ``manage.py purge_expired``: what, how many, by which rule."""

    at = models.DateTimeField(_("when"), default=timezone.now)
    dry_run = models.BooleanField(_("dry run"), help_text=_("Counted only: nothing was deleted or anonymised."))
    record_type = models.CharField(_("record type"), max_length=100)
    rule = models.CharField(_("rule"), max_length=200)
    cutoff = models.DateField(_("kept from"), help_text=_("Records dated before this day had expired."))
    deleted = models.PositiveIntegerField(_("deleted"), default=0)
    anonymised = models.PositiveIntegerField(_("anonymised"), default=0)
    held = models.PositiveIntegerField(_("held back by legal holds"), default=0)
    run_by = models.CharField(_("run by"), max_length=150)

    objects = PurgeLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("purge log entry")
        verbose_name_plural = _("purge log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.record_type} {self.rule}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The purge log is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The purge log is never deleted.")
