"""What citizens answered, and the channel each answer came through (policy 001 §III.C.2).

Every response records its channel, the link, event, batch or printed code it came with, its
language, the version it answered and when. A paper batch's responses are keyed by staff; when a
batch is keyed twice the two keyings are compared and settled before the batch counts
(``Response.counted``). Nothing here names the person who answered: a request to be contacted is
stored apart (``followups``).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.lib.history import history
from outreach.lib.references import REFERENCE_ALPHABET
from outreach.models import AreaCommand, Concern, CrimeType, Sector, WatchMeeting
from outreach.scope import AreaScopedQuerySet
from programs.models import Presentation

from .surveys import Option, Question, Survey, SurveyVersion

CODE_LENGTH = 8


def new_code(length=CODE_LENGTH):
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(length))


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    FORUM = "forum", _("Public forum or meeting")
    PAPER = "paper", _("Paper form")
    WATER_BILL = "water_bill", _("Water-bill insert")
    SOCIAL = "social", _("Social media")


class SurveyLink(models.Model):
    """A tagged address: a forum's short link and QR code, or a social-media post's campaign."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="links")
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    campaign = models.CharField(
        _("campaign"), max_length=100, blank=True, help_text=_("The post or campaign this link is for.")
    )
    presentation = models.ForeignKey(
        Presentation, on_delete=models.CASCADE, null=True, blank=True, related_name="survey_links"
    )
    watch_meeting = models.ForeignKey(
        WatchMeeting, on_delete=models.CASCADE, null=True, blank=True, related_name="survey_links"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = history()

    class Meta:
        ordering = ["survey", "-created_at"]
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")
        constraints = [
            models.CheckConstraint(
                condition=Q(channel="forum", campaign="")
                & (
                    Q(presentation__isnull=False, watch_meeting__isnull=True)
                    | Q(presentation__isnull=True, watch_meeting__isnull=False)
                )
                | Q(channel="social", presentation__isnull=True, watch_meeting__isnull=True) & ~Q(campaign=""),
                name="surveys_link_forum_event_or_social_campaign",
            ),
            models.UniqueConstraint(fields=["survey", "presentation"], name="surveys_link_one_per_presentation"),
            models.UniqueConstraint(fields=["survey", "watch_meeting"], name="surveys_link_one_per_meeting"),
            models.UniqueConstraint(
                fields=["survey", "campaign"], condition=Q(channel="social"), name="surveys_link_one_per_campaign"
            ),
        ]

    def __str__(self):
        return self.campaign or str(self.presentation or self.watch_meeting)

    def get_short_url(self):
        return reverse("surveys:short_link", args=[self.code])

    @property
    def event(self):
        return self.presentation or self.watch_meeting

    def event_area_command_id(self):
        if self.presentation_id:
            return self.presentation.area_command_id
        if self.watch_meeting_id:
            return self.watch_meeting.group.area_command_id
        return None


class PaperBatch(models.Model):
    """A stack of paper forms or water-bill inserts keyed in by staff, once or twice."""

    class Status(models.TextChoices):
        KEYING = "keying", _("Being keyed")
        COUNTED = "counted", _("Counted")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="batches")
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="batches")
    name = models.CharField(_("batch name"), max_length=100)
    channel = models.CharField(
        _("channel"),
        max_length=20,
        choices=[(Channel.PAPER, Channel.PAPER.label), (Channel.WATER_BILL, Channel.WATER_BILL.label)],
    )
    sheets = models.PositiveIntegerField(_("papers in the batch"))
    double_keyed = models.BooleanField(
        _("keyed twice"),
        default=False,
        help_text=_("Two people key every paper; the differences are settled before the batch counts."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.KEYING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    counted_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = history()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("paper batch")
        verbose_name_plural = _("paper batches")
        constraints = [
            models.UniqueConstraint(fields=["survey", "name"], name="surveys_batch_unique_name"),
            models.CheckConstraint(condition=Q(sheets__gte=1, sheets__lte=10000), name="surveys_batch_sheets"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("surveys:batch_detail", args=[self.pk])


class OneTimeCode(models.Model):
    """A code printed on one insert: whether the household answers on paper or on the web, it counts once."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, default=new_code, editable=False)
    printed_for = models.CharField(_("printed for"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    used_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = history()

    class Meta:
        ordering = ["survey", "code"]
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")

    def __str__(self):
        return self.code


class ResponseQuerySet(AreaScopedQuerySet):
    def counted(self):
        return self.filter(counted=True)


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="responses")
    submitted_at = models.DateTimeField(_("answered"), default=timezone.now, db_index=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    link = models.ForeignKey(SurveyLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses")
    presentation = models.ForeignKey(
        Presentation, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    watch_meeting = models.ForeignKey(
        WatchMeeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    batch = models.ForeignKey(PaperBatch, on_delete=models.CASCADE, null=True, blank=True, related_name="responses")
    sheet = models.PositiveIntegerField(_("paper number"), null=True, blank=True)
    keying = models.PositiveSmallIntegerField(null=True, blank=True)
    keyed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    one_time_code = models.OneToOneField(
        OneTimeCode, on_delete=models.SET_NULL, null=True, blank=True, related_name="response"
    )
    # The area command the answers speak for: the neighborhood given, else the event's, else the survey's.
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("area command")
    )
    # A paper keying counts once its batch is settled; everything else counts when stored.
    counted = models.BooleanField(default=True)
    # The one-time key of the page the citizen sent: the same page posted twice stores one response.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # In the results' tally (``SurveyTally``) already: set by the tally, never by a form.
    tallied = models.BooleanField(default=False, db_default=False, editable=False)

    objects = ResponseQuerySet.as_manager()
    # The tally's mark is bookkeeping, not a change anyone made.
    history = history(excluded_fields=["tallied"])

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [
            # The results page and the monthly digest: a survey's counted responses by time.
            models.Index(fields=["survey", "submitted_at"], condition=Q(counted=True), name="surveys_response_time"),
            # The results page's remainder and the tally task: the counted responses not in the tally yet (few).
            models.Index(
                fields=["survey"], condition=Q(counted=True, tallied=False), name="surveys_response_untallied"
            ),
            # The results page's typed answers, newest first: a survey's counted responses by id.
            models.Index(fields=["survey", "id"], condition=Q(counted=True), name="surveys_response_newest"),
            # Keying and settling a batch: its papers by number.
            models.Index(fields=["batch", "sheet", "keying"], name="surveys_response_batch_sheet"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["batch", "sheet", "keying"], name="surveys_response_one_keying_per_sheet"),
            models.CheckConstraint(
                condition=Q(batch__isnull=True, sheet__isnull=True, keying__isnull=True)
                | Q(batch__isnull=False, sheet__isnull=False, keying__in=[1, 2]),
                name="surveys_response_batch_sheet_keying",
            ),
        ]

    def __str__(self):
        return f"{self.survey} · {timezone.localtime(self.submitted_at):%Y-%m-%d %H:%M}"


class Answer(models.Model):
    """One answer to one question; a question with several choices has a row per choice."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(Option, on_delete=models.PROTECT, null=True, blank=True, related_name="answers")
    # A rating from 1 to 5, or 1 for yes and 0 for no.
    number = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=Question.LONG_TEXT_MAX_LENGTH)
    category = models.ForeignKey(CrimeType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    concern = models.ForeignKey(
        Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_answers"
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            # Results: every aggregate groups one question's answers.
            models.Index(fields=["question", "response"], name="surveys_answer_question"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=0, number__lte=5), name="surveys_answer_number"
            ),
        ]

    def __str__(self):
        return f"{self.question} · {self.value_label()}"

    def value_label(self):
        if self.option_id:
            return self.option.text
        if self.category_id:
            return str(self.category)
        if self.sector_id:
            return self.sector.name
        if self.question.kind == Question.Kind.YES_NO and self.number is not None:
            return str(_("Yes") if self.number else _("No"))
        if self.number is not None:
            return str(self.number)
        return self.text
