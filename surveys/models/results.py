"""A month's results, sent to the chief (policy 000 §V.B), and what the chief did about them (001 §III.C.4)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.lib.history import history
from outreach.lib.validators import TEXT_MAX_LENGTH
from outreach.models import ActionPlan, AreaCommand, Concern

from .surveys import Survey, SurveyVersion


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


class SurveyTally(models.Model):
    """How many counted responses, or answers of one value, a survey had on a day (or in a month), by who answered.

    A cache of the answers that makes every figure of the results page an aggregate over a small table
    (``services.tally``): one row per survey, span and day, area command, channel, version, language,
    question key and value. ``question_key`` empty is the responses themselves; otherwise ``value`` is
    ``a`` (the question was answered: a response once, however many options it ticked), ``t`` (a typed
    answer), ``n<number>`` (a rating or yes/no), ``o<option key>``, ``c<category id>`` or ``s<sector id>``.
    Each response is tallied twice, under its day and under its month (``Span``), so a month or a whole
    run reads month rows and only a range of days' ragged edges read day rows.
    """

    class Span(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")

    # Indexed by the constraint below, which opens with the survey.
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+", db_index=False)
    span = models.CharField(max_length=5, choices=Span.choices)
    # The day the responses were submitted on, in the department's zone; a month's row, its first day.
    day = models.DateField()
    area_command = models.ForeignKey(AreaCommand, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    channel = models.CharField(max_length=20)
    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    question_key = models.UUIDField(null=True, blank=True)
    value = models.CharField(max_length=48, blank=True)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("results tally")
        verbose_name_plural = _("results tallies")
        constraints = [
            # The tally adds to its row (INSERT … ON CONFLICT); with ``n`` included, the index alone serves the
            # results page's reads (an index-only scan of a survey's month rows, or of a range of its days).
            models.UniqueConstraint(
                fields=[
                    "survey",
                    "span",
                    "day",
                    "area_command",
                    "channel",
                    "version",
                    "language",
                    "question_key",
                    "value",
                ],
                name="surveys_tally_one_row_per_value",
                nulls_distinct=False,
                include=["n"],
            ),
            models.CheckConstraint(
                condition=Q(span="day") | Q(span="month", day__day=1), name="surveys_tally_month_first_day"
            ),
        ]

    def __str__(self):
        return f"{self.survey_id} · {self.day} · {self.question_key or ''} {self.value} = {self.n}"
