"""The audit log (CJIS 5.4): who did what, when, from which address — one table for every kind of event.

Field-by-field changes of domain records stay with django-simple-history; this log holds what history
cannot: log-ins and failed log-ins, lockouts and their release, CSV exports, report downloads, views
of a citizen's contact details. A row is never changed: the model refuses, and a PostgreSQL trigger
(migration 0015) refuses UPDATE always and DELETE of a row younger than the retention floor, so the
admin, a shell or a bug cannot rewrite the record either.

``AuditReview`` is the weekly review of that log (CJIS AU-6): the chief or the system administrator
reads a week that has ended and signs it off with a note. A review is itself an audit record, held
the same way: never changed, and deleted only past the retention floor (model and trigger, migration
0020).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.validators import TEXT_MAX_LENGTH
from ..scope import AreaScopedQuerySet
from .department import AreaCommand

# Audit rows are kept at least this long (policy 003 §C.4, CJIS AU-11); the trigger holds the floor.
RETENTION_YEARS = 3


class AuditEventQuerySet(AreaScopedQuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit events are never changed.")

    def delete(self):
        raise TypeError("Audit events are deleted only by the retention purge, after three years.")


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        LOGIN = "auth.login", _("Logged in")
        LOGIN_FAILED = "auth.login_failed", _("Failed log-in")
        LOGOUT = "auth.logout", _("Logged out")
        LOCKED_OUT = "auth.locked_out", _("User name locked")
        RELEASED = "auth.released", _("Lock released")
        EXPORTED = "data.exported", _("CSV export")
        REPORT_DOWNLOADED = "report.downloaded", _("Report downloaded")
        CONTACT_VIEWED = "contact.viewed", _("A citizen's contact details viewed")
        ROLE_CHANGED = "user.role_changed", _("Role or area command changed")
        PERMISSIONS_CHANGED = "group.permissions_changed", _("A role's permissions changed")
        TWO_FACTOR_ENROLLED = "auth.2fa_enrolled", _("Authenticator app enrolled")
        TWO_FACTOR_VERIFIED = "auth.2fa_verified", _("Second factor given")
        TWO_FACTOR_CODES_RENEWED = "auth.2fa_codes_renewed", _("New recovery codes made")
        TWO_FACTOR_RESET = "auth.2fa_reset", _("Authenticator app removed")
        REVIEWED = "audit.reviewed", _("A week of the audit log reviewed")

    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=40, choices=Action)
    # No database constraint: the row keeps the user's and the area's ids, and the name, whatever
    # becomes of them (an audit row is never updated, so it cannot be set to null).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    # The user name as given: the account's, or what was typed at a failed log-in.
    username = models.CharField(_("user name"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    area_command = models.ForeignKey(
        AreaCommand,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area command"),
    )
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        permissions = [("review_auditevent", _("Can read the audit log and mark its weeks reviewed"))]
        indexes = [
            # The audit page: newest first, by user or by action.
            models.Index(fields=["-at"], name="outreach_audit_at"),
            models.Index(fields=["user", "-at"], name="outreach_audit_user_at"),
            models.Index(fields=["action", "-at"], name="outreach_audit_action_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit events are deleted only by the retention purge, after three years.")


class AuditReviewQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit reviews are never changed.")

    def delete(self):
        raise TypeError("Audit reviews are deleted only by the retention purge, after three years.")


class AuditReview(models.Model):
    """One week (Monday to Sunday, the department's time) of the audit log, read and signed off (CJIS AU-6)."""

    REVIEW_PERMISSION = "outreach.review_auditevent"

    week = models.DateField(_("week"), unique=True, help_text=_("The Monday the week starts."))
    # Like an audit event's user: the id and the name are kept whatever becomes of the account.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewer_name = models.CharField(_("reviewer"), max_length=150)
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now)
    note = models.TextField(
        _("note"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("What you looked at, what stood out and what you did about it; “nothing unusual” is a finding."),
    )
    # The week's audit events when it was reviewed: a row added later (a late write) shows as a difference.
    events_seen = models.PositiveIntegerField(_("events seen"), default=0)

    objects = AuditReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-week"]
        verbose_name = _("audit review")
        verbose_name_plural = _("audit reviews")
        constraints = [
            models.CheckConstraint(condition=Q(week__iso_week_day=1), name="outreach_auditreview_week_monday"),
            models.CheckConstraint(condition=~Q(note=""), name="outreach_auditreview_note_given"),
        ]

    def __str__(self):
        return _("Audit review of the week of %(week)s") % {"week": date_format(self.week, "SHORT_DATE_FORMAT")}

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit reviews are never changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("outreach:audit_review", args=[self.week])

    def delete(self, *args, **kwargs):
        raise TypeError("Audit reviews are deleted only by the retention purge, after three years.")

    @property
    def ends_on(self):
        """The Monday after the week: the first day it may be reviewed."""
        return self.week + timedelta(days=7)

    def has_ended(self, today=None):
        return (today or clock.today()) >= self.ends_on

    def clean(self):
        if self.week is None:
            return
        if self.week.weekday() != 0:
            raise ValidationError({"week": _("A week of the audit review starts on a Monday.")})
        if not self.has_ended():
            raise ValidationError(
                {
                    "week": _("This week has not ended yet: it can be reviewed from %(day)s.")
                    % {"day": date_format(self.ends_on, "DATE_FORMAT")}
                }
            )
