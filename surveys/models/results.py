"""A month's results, sent to the chief (policy 000 §V.B), and what the chief did about them (001 §III.C.4)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.lib.history import history
from outreach.lib.validators import TEXT_MAX_LENGTH
from outreach.models import ActionPlan, Concern

from .surveys import Survey


class ResultsDigest(models.Model):
    """One survey's results for one month, computed and sent once by the monthly task."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="digests")
    month = models.DateField(_("month"))
    responses = models.PositiveIntegerField(_("responses"))
    summary = models.JSONField(default=dict, blank=True)
    computed_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["survey", "-month"]
        verbose_name = _("monthly results")
        verbose_name_plural = _("monthly results")
        permissions = [("hear_of_results", _("Is e-mailed each survey's results every month"))]
        constraints = [
            models.UniqueConstraint(fields=["survey", "month"], name="surveys_digest_one_per_month"),
            models.CheckConstraint(condition=Q(month__day=1), name="surveys_digest_month_first_day"),
        ]

    def __str__(self):
        return f"{self.survey} · {self.month:%Y-%m}"


class ResultsAction(models.Model):
    """The action taken on a month's results: a note, or a concern or plan opened from a finding."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="actions")
    month = models.DateField(_("month"))
    note = models.TextField(_("action taken"), max_length=TEXT_MAX_LENGTH)
    concern = models.ForeignKey(
        Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("concern")
    )
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("action plan")
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now, editable=False)

    history = history()

    class Meta:
        ordering = ["survey", "-month", "-at"]
        verbose_name = _("action on results")
        verbose_name_plural = _("actions on results")
        permissions = [("act_on_results", _("Can record the action taken on a survey's results"))]
        constraints = [
            models.CheckConstraint(condition=Q(month__day=1), name="surveys_action_month_first_day"),
        ]

    def __str__(self):
        return f"{self.survey} · {self.month:%Y-%m}"
