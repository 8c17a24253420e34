"""A survey and its versions: the questions the chief (or designee) approved, frozen once approved.

A survey is the lasting thing — its address, its scope (department-wide or one area command) and
the dates it is open. What citizens read is a ``SurveyVersion``: title, introduction and questions
in English and Spanish. A version is drafted, sent for approval, approved (or returned with a
comment) and, when a newer version is approved, superseded. An approved version never changes:
editing a live survey makes a new draft version, and every response stays tied to the version it
answered. A question keeps its ``key`` from one version to the next, so results can be read
across versions.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.lib.history import history
from outreach.models import AreaCommand
from outreach.scope import AreaScopedQuerySet, sees_all_areas

TITLE_MAX_LENGTH = 200
INTRO_MAX_LENGTH = 2000
QUESTION_MAX_LENGTH = 500
HELP_MAX_LENGTH = 500
OPTION_MAX_LENGTH = 200
LABEL_MAX_LENGTH = 60


def new_secret():
    return secrets.token_urlsafe(12)


def in_language(obj, field, language=None):
    """The Spanish text of ``field`` when the page is in Spanish and it is written, else the English."""
    language = language or get_language() or "en"
    if language.startswith("es"):
        return getattr(obj, f"{field}_es") or getattr(obj, f"{field}_en")
    return getattr(obj, f"{field}_en")


class SurveyQuerySet(AreaScopedQuerySet):
    def for_user(self, user):
        """A department-wide survey is every area's; an area command's survey is that area's."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if sees_all_areas(user):
            return self
        if user.area_command_id is None:
            return self.filter(area_command__isnull=True)
        return self.filter(Q(area_command__isnull=True) | Q(area_command=user.area_command_id))

    def live(self, today=None):
        today = today or clock.today()
        return self.filter(
            status=Survey.Status.APPROVED, opens_on__lte=today, closes_on__gte=today, live_version__isnull=False
        )


class Survey(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Not approved yet")
        APPROVED = "approved", _("Approved")
        CLOSED = "closed", _("Closed")

    TRANSITIONS = {
        Status.NEW: {Status.APPROVED},
        Status.APPROVED: {Status.CLOSED},
        Status.CLOSED: set(),
    }

    slug = models.SlugField(
        _("web address"),
        max_length=60,
        unique=True,
        help_text=_("The end of the survey's public address, after /s/: lower-case letters, digits and hyphens."),
    )
    listed = models.BooleanField(
        _("listed"),
        default=True,
        help_text=_(
            "A listed survey is open to anyone at its address. An unlisted one only at an address with a "
            "secret code, for the people you hand it to."
        ),
    )
    secret = models.CharField(max_length=20, default=new_secret, unique=True, editable=False)
    area_command = models.ForeignKey(
        AreaCommand,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("area command"),
        help_text=_("Leave empty for a department-wide survey."),
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    live_version = models.ForeignKey(
        "SurveyVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )

    objects = SurveyQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["-opens_on", "slug"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        permissions = [
            ("approve_survey", _("Can approve or return a survey's questions")),
            ("view_survey_results", _("Can read a survey's results")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="surveys_survey_dates"),
            models.CheckConstraint(
                condition=Q(status="new", live_version__isnull=True) | ~Q(status="new") & Q(live_version__isnull=False),
                name="surveys_survey_live_version_once_approved",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:survey_detail", args=[self.pk])

    def get_results_url(self):
        return reverse("surveys:survey_results", args=[self.pk])

    def get_public_url(self):
        if self.listed:
            return reverse("surveys:public_survey", args=[self.slug])
        return reverse("surveys:public_survey_unlisted", args=[self.slug, self.secret])

    @property
    def title(self):
        version = self.live_version or self.latest_version
        return version.title if version else self.slug

    @property
    def latest_version(self):
        return self.versions.order_by("-number").first()

    def draft_version(self):
        """The version being written or waiting for approval, if any (at most one)."""
        return self.versions.filter(status__in=SurveyVersion.OPEN_STATUSES).first()

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_live(self, today=None):
        today = today or clock.today()
        return self.status == self.Status.APPROVED and self.opens_on <= today <= self.closes_on

    def is_over(self, today=None):
        """Closed by staff, or past its closing date: the public page says so with 410."""
        today = today or clock.today()
        return self.status == self.Status.CLOSED or (self.status == self.Status.APPROVED and today > self.closes_on)

    def scope_label(self):
        return str(self.area_command) if self.area_command_id else _("Department-wide")


class SurveyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        SUPERSEDED = "superseded", _("Superseded")

    TRANSITIONS = {
        Status.DRAFT: {Status.AWAITING_APPROVAL},
        Status.AWAITING_APPROVAL: {Status.APPROVED, Status.DRAFT},
        Status.APPROVED: {Status.SUPERSEDED},
        Status.SUPERSEDED: set(),
    }
    OPEN_STATUSES = (Status.DRAFT, Status.AWAITING_APPROVAL)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    title_en = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    title_es = models.CharField(_("title in Spanish"), max_length=TITLE_MAX_LENGTH, blank=True)
    intro_en = models.TextField(_("introduction"), max_length=INTRO_MAX_LENGTH, blank=True)
    intro_es = models.TextField(_("introduction in Spanish"), max_length=INTRO_MAX_LENGTH, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField(_("comment"), max_length=INTRO_MAX_LENGTH, blank=True)

    history = history()

    class Meta:
        ordering = ["survey", "-number"]
        verbose_name = _("survey version")
        verbose_name_plural = _("survey versions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="surveys_version_unique_number"),
            models.UniqueConstraint(
                fields=["survey"],
                condition=Q(status__in=["draft", "awaiting_approval"]),
                name="surveys_version_one_open_per_survey",
            ),
            models.UniqueConstraint(
                fields=["survey"], condition=Q(status="approved"), name="surveys_version_one_approved_per_survey"
            ),
        ]

    def __str__(self):
        return f"{self.title_en} · v{self.number}"

    @property
    def title(self):
        return in_language(self, "title")

    @property
    def intro(self):
        return in_language(self, "intro")

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_editable(self):
        return self.status == self.Status.DRAFT

    def missing_for_approval(self):
        """What stops approval, in words a builder can act on: Spanish texts not written, empty choices."""
        missing = []
        if not self.title_es:
            missing.append(_("The title in Spanish"))
        if self.intro_en and not self.intro_es:
            missing.append(_("The introduction in Spanish"))
        questions = list(self.questions.prefetch_related("options"))
        if not questions:
            missing.append(_("At least one question"))
        for number, question in enumerate(questions, start=1):
            missing.extend(question.missing_for_approval(number))
        return missing


class Question(models.Model):
    class Kind(models.TextChoices):
        RATING = "rating", _("Rating from 1 to 5")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        YES_NO = "yes_no", _("Yes or no")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        AREA = "area", _("Neighborhood")
        CATEGORY = "category", _("Concern categories")

    WITH_OPTIONS = (Kind.SINGLE, Kind.MULTIPLE)
    TEXT_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT)
    # The answers staff can turn into a concern for the PACT workflow.
    CONCERN_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.CATEGORY)
    SHORT_TEXT_MAX_LENGTH = 200
    LONG_TEXT_MAX_LENGTH = 4000
    RATING_SCALE = (1, 2, 3, 4, 5)

    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="questions")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text_en = models.CharField(_("question"), max_length=QUESTION_MAX_LENGTH)
    text_es = models.CharField(_("question in Spanish"), max_length=QUESTION_MAX_LENGTH, blank=True)
    help_en = models.CharField(_("help text"), max_length=HELP_MAX_LENGTH, blank=True)
    help_es = models.CharField(_("help text in Spanish"), max_length=HELP_MAX_LENGTH, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    low_label_en = models.CharField(_("label of 1"), max_length=LABEL_MAX_LENGTH, blank=True)
    low_label_es = models.CharField(_("label of 1 in Spanish"), max_length=LABEL_MAX_LENGTH, blank=True)
    high_label_en = models.CharField(_("label of 5"), max_length=LABEL_MAX_LENGTH, blank=True)
    high_label_es = models.CharField(_("label of 5 in Spanish"), max_length=LABEL_MAX_LENGTH, blank=True)
    makes_concern = models.BooleanField(
        _("every answer becomes a concern"),
        default=False,
        help_text=_("For a text or concern-category question: each answer is recorded as a concern for PACT."),
    )

    history = history()

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"],
                name="surveys_question_unique_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.UniqueConstraint(fields=["version", "key"], name="surveys_question_unique_key"),
            models.CheckConstraint(
                condition=Q(makes_concern=False) | Q(kind__in=["short_text", "long_text", "category"]),
                name="surveys_question_concern_kinds",
            ),
        ]

    def __str__(self):
        return self.text_en

    @property
    def text(self):
        return in_language(self, "text")

    @property
    def help(self):
        return in_language(self, "help")

    @property
    def low_label(self):
        return in_language(self, "low_label")

    @property
    def high_label(self):
        return in_language(self, "high_label")

    @property
    def key_text(self):
        return str(self.key)

    def has_options(self):
        return self.kind in self.WITH_OPTIONS

    def is_rating(self):
        return self.kind == self.Kind.RATING

    def missing_for_approval(self, number):
        missing = []
        label = _("Question %(number)s") % {"number": number}
        if not self.text_es:
            missing.append(_("%(question)s: the question in Spanish") % {"question": label})
        if self.help_en and not self.help_es:
            missing.append(_("%(question)s: the help text in Spanish") % {"question": label})
        if self.is_rating():
            for field, name in (("low_label", _("label of 1")), ("high_label", _("label of 5"))):
                if getattr(self, f"{field}_en") and not getattr(self, f"{field}_es"):
                    missing.append(_("%(question)s: the %(label)s in Spanish") % {"question": label, "label": name})
        if self.has_options():
            options = list(self.options.all())
            if len(options) < 2:
                missing.append(_("%(question)s: at least two options") % {"question": label})
            for index, option in enumerate(options, start=1):
                if not option.text_es:
                    missing.append(
                        _("%(question)s, option %(number)s: the option in Spanish")
                        % {"question": label, "number": index}
                    )
        return missing


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveSmallIntegerField(_("position"))
    text_en = models.CharField(_("option"), max_length=OPTION_MAX_LENGTH)
    text_es = models.CharField(_("option in Spanish"), max_length=OPTION_MAX_LENGTH, blank=True)

    history = history()

    class Meta:
        ordering = ["question", "position"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "position"],
                name="surveys_option_unique_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]

    def __str__(self):
        return self.text_en

    @property
    def text(self):
        return in_language(self, "text")
