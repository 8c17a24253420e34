import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from outreach import clock
from outreach.lib.history import history
from outreach.lib.references import new_reference
from outreach.lib.validators import PUBLIC_TEXT_MAX_LENGTH, TEXT_MAX_LENGTH, check_same_area, within_five_years
from outreach.scope import AreaScopedQuerySet, IntakeQueueQuerySet

from .attachments import attachment_path

# Limits a person can check: anything larger is a typing mistake, refused at the field with the limit said.
MAX_MINUTES = 24 * 60
MAX_AUDIENCE = 10_000


class ProgramQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def named(self, name):
        """Programs of this name, whatever its capitals: the catalog holds each name once."""
        return self.filter(name__iexact=name.strip())

    def addressing(self, crime_types):
        return self.filter(crime_types__in=crime_types).distinct()

    def search(self, text):
        return self.filter(Q(name__icontains=text) | Q(description__icontains=text) | Q(audience__icontains=text))


class Program(models.Model):
    """A crime-prevention or outreach program the department offers."""

    class Category(models.TextChoices):
        ELEMENTARY = "elementary", _("Elementary school")
        YOUTH = "youth", _("Youth")
        BUSINESS = "business", _("Business")
        CRIME_AWARENESS = "crime_awareness", _("Crime awareness")
        SECURITY_SURVEY = "security_survey", _("Security survey")
        COMMUNITY_EVENT = "community_event", _("Community event")
        SENIOR = "senior", _("Senior")
        VOLUNTEER = "volunteer", _("Volunteer")

    name = models.CharField(_("name"), max_length=150)
    name_es = models.CharField(
        _("name in Spanish"), max_length=150, blank=True, help_text=_("Shown to citizens on the Spanish public pages.")
    )
    category = models.CharField(_("category"), max_length=20, choices=Category)
    audience = models.CharField(
        _("audience"),
        max_length=200,
        blank=True,
        help_text=_("Who the program is for, e.g. grades K–5, business owners."),
    )
    crime_types = models.ManyToManyField(
        "outreach.CrimeType",
        blank=True,
        related_name="programs",
        verbose_name=_("crime types addressed"),
        help_text=_("Used to suggest programs for the concerns raised in an area."),
    )
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    policy_reference = models.CharField(
        _("policy reference"),
        max_length=200,
        blank=True,
        help_text=_("The policy section that names this program, if any."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Retired programs stay on record but are not offered.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgramQuerySet.as_manager()
    history = history(m2m_fields=[crime_types])

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="programs_program_name_unique_ci",
                violation_error_message=_("The catalog already has a program with this name."),
            ),
        ]
        indexes = [
            # Catalog page: active programs filtered by category.
            models.Index(fields=["is_active", "category"], name="programs_program_active_cat"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programs:program_detail", args=[self.pk])

    @property
    def public_name(self):
        """The name citizens read, in their language when it is known."""
        if get_language() == "es" and self.name_es:
            return self.name_es
        return self.name

    def retire(self):
        """Stop offering the program; its record and history stay."""
        self.is_active = False
        self.save(update_fields=["is_active", "updated_at"])

    def reinstate(self):
        self.is_active = True
        self.save(update_fields=["is_active", "updated_at"])


class PresentationQuerySet(AreaScopedQuerySet):
    def authored_or_presented_by(self, user):
        return self.filter(Q(author=user) | Q(presenters=user)).distinct()

    def awaiting_review(self):
        return self.filter(status=Presentation.Status.SUBMITTED)

    def involving(self, user):
        """Reports the user wrote, presented or moved forward: they may not also review them."""
        moved_forward = PresentationEvent.objects.filter(
            presentation=OuterRef("pk"), by=user, action__in=PresentationEvent.AUTHOR_ACTIONS
        )
        presented = Presentation.presenters.through.objects.filter(presentation=OuterRef("pk"), user=user)
        return self.filter(Q(author=user) | Exists(presented) | Exists(moved_forward))

    def not_involving(self, user):
        """Reports the user neither wrote, presented nor moved forward (those they may review)."""
        return self.exclude(pk__in=self.model.objects.involving(user).values("pk"))

    def upcoming(self):
        return self.filter(status=Presentation.Status.SCHEDULED, starts_at__gte=timezone.now())

    def awaiting_report(self):
        """Given, or at least past their date, and their report not yet sent: the officer's to write."""
        Status = Presentation.Status
        return self.filter(Q(status=Status.SCHEDULED, starts_at__lt=timezone.now()) | Q(status=Status.DRAFT))

    def returned(self):
        return self.filter(status=Presentation.Status.RETURNED)

    def public(self):
        return self.filter(is_public=True).exclude(status=Presentation.Status.CANCELLED)


class Presentation(models.Model):
    """One delivery of a program (or an ad-hoc topic) to a group, and its report to a supervisor."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        DRAFT = "draft", _("Report draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        CANCELLED = "cancelled", _("Cancelled")

    # Allowed moves between statuses; each move is a service in programs/services.py.
    TRANSITIONS = {
        Status.SCHEDULED: (Status.DRAFT, Status.SUBMITTED, Status.CANCELLED),
        Status.DRAFT: (Status.SUBMITTED,),
        Status.SUBMITTED: (Status.APPROVED, Status.RETURNED),
        Status.RETURNED: (Status.SUBMITTED,),
        Status.APPROVED: (),
        Status.CANCELLED: (),
    }
    # The report can still be written or changed by its author and presenters.
    EDITABLE = (Status.SCHEDULED, Status.DRAFT, Status.RETURNED)
    # A reported presentation must say how many took part.
    REPORTED = (Status.SUBMITTED, Status.APPROVED)
    REVIEW_PERMISSION = "programs.review_presentation"

    program = models.ForeignKey(
        Program,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentations",
        verbose_name=_("program"),
    )
    topic = models.CharField(
        _("topic"), max_length=200, blank=True, help_text=_("For an ad-hoc topic, or to say what the program covered.")
    )
    starts_at = models.DateTimeField(_("date and time"), validators=[within_five_years])
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"), default=60, validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)]
    )
    place = models.CharField(_("place"), max_length=250)
    area_command = models.ForeignKey(
        "outreach.AreaCommand", on_delete=models.PROTECT, related_name="presentations", verbose_name=_("area command")
    )
    sector = models.ForeignKey(
        "outreach.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentations",
        verbose_name=_("sector"),
    )
    organization = models.ForeignKey(
        "outreach.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentations",
        verbose_name=_("organization"),
    )
    presenters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="presentations_given", verbose_name=_("presenting officers")
    )
    command_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="presentations_attended",
        verbose_name=_("command staff attending"),
    )
    concerns = models.ManyToManyField(
        "outreach.Concern",
        through="PresentationConcern",
        blank=True,
        related_name="presentations",
        verbose_name=_("concerns expressed"),
    )
    community_assistants = models.CharField(
        _("community assistants"),
        max_length=300,
        blank=True,
        help_text=_("Names of community members who helped present."),
    )
    participants = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True, validators=[MaxValueValidator(MAX_AUDIENCE)]
    )
    potential_problems = models.TextField(
        _("potential problems"),
        blank=True,
        help_text=_("Anything that could bear on law enforcement activities in the community."),
        max_length=TEXT_MAX_LENGTH,
    )
    follow_up_requested = models.BooleanField(_("follow-up requested"), default=False)
    follow_up_notes = models.TextField(_("follow-up notes"), blank=True, max_length=TEXT_MAX_LENGTH)
    is_public = models.BooleanField(
        _("show on the public calendar"),
        default=False,
        help_text=_("Only the program, date, time and place are published."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SCHEDULED)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="presentations_authored",
        verbose_name=_("author"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentations_reviewed",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True, max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PresentationQuerySet.as_manager()
    history = history(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        permissions = [("review_presentation", _("Can approve or return presentation reports"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(program__isnull=False) | ~Q(topic=""),
                name="programs_presentation_program_or_topic",
                violation_error_message=_("Choose a program or describe the topic."),
            ),
            models.CheckConstraint(condition=Q(duration_minutes__gt=0), name="programs_presentation_duration_positive"),
            models.CheckConstraint(
                condition=~Q(status__in=["submitted", "approved"]) | Q(participants__isnull=False),  # REPORTED
                name="programs_presentation_reported_has_participants",
            ),
        ]
        indexes = [
            # Review queue and area lists: an area's presentations by status, oldest first.
            models.Index(fields=["area_command", "status", "submitted_at"], name="programs_pres_area_status"),
            # Calendar and feeds: presentations by date.
            models.Index(fields=["starts_at"], name="programs_pres_starts_at"),
        ]

    def __str__(self):
        return f"{self.title} · {timezone.localtime(self.starts_at):%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("programs:presentation_detail", args=[self.pk])

    @property
    def title(self):
        if self.program_id and self.topic:
            return f"{self.program.name}: {self.topic}"
        return self.program.name if self.program_id else self.topic

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_editable(self):
        return self.status in self.EDITABLE

    def is_editable_by(self, user):
        return self.is_editable() and (self.author_id == user.pk or self.presenters.filter(pk=user.pk).exists())

    def has_taken_place(self, now=None):
        return self.starts_at <= (now or clock.now())

    def can_submit(self, now=None):
        """The report can go to review: a draft, a returned report, or a scheduled one already given."""
        return self.can_become(self.Status.SUBMITTED) and self.has_taken_place(now)

    def can_cancel(self):
        return self.can_become(self.Status.CANCELLED)

    def accepted_request(self):
        """The citizen's request this presentation answers, while it stands accepted."""
        request_obj = getattr(self, "request", None)
        if request_obj is not None and request_obj.status == PresentationRequest.Status.ACCEPTED:
            return request_obj
        return None

    def is_returned(self):
        """Returned with the reviewer's comment: submitting it again is a resubmission."""
        return self.status == self.Status.RETURNED

    def report_started(self):
        return self.status != self.Status.SCHEDULED

    def involves(self, user):
        """Whether ``user`` wrote, presented or moved the report forward: they may not also review it."""
        return Presentation.objects.involving(user).filter(pk=self.pk).exists()

    def can_be_reviewed_by(self, user):
        return (
            self.status == self.Status.SUBMITTED and user.has_perm(self.REVIEW_PERMISSION) and not self.involves(user)
        )

    def clean(self):
        super().clean()
        if not self.program_id and not self.topic.strip():
            raise ValidationError({"topic": _("Choose a program or describe the topic.")})
        check_same_area(
            self.area_command_id,
            sector=self.sector if self.sector_id else None,
            organization=self.organization if self.organization_id else None,
        )


class PresentationEvent(models.Model):
    """Who moved a report from one state to the next, when, and what they said."""

    class Action(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        REPORT_STARTED = "report_started", _("Report started")
        SUBMITTED = "submitted", _("Submitted")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        CANCELLED = "cancelled", _("Cancelled")

    # What the author does: whoever did one of these may not review the report.
    AUTHOR_ACTIONS = (Action.SCHEDULED, Action.REPORT_STARTED, Action.SUBMITTED, Action.RESUBMITTED)

    presentation = models.ForeignKey(Presentation, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("presentation event")
        verbose_name_plural = _("presentation events")
        indexes = [
            # The dashboards' review backlog: a report's last event before each month's end, read from
            # the index alone (outreach/selectors/trends.py _review_backlog).
            models.Index(
                "presentation",
                models.F("at").desc(),
                models.F("id").desc(),
                name="programs_event_latest",
                include=["action"],
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} · {self.by}"


class PresentationConcern(models.Model):
    """A concern participants raised at a presentation: programs owns the link, outreach the concern."""

    presentation = models.ForeignKey(Presentation, on_delete=models.PROTECT, related_name="concern_links")
    concern = models.OneToOneField(
        "outreach.Concern", on_delete=models.CASCADE, related_name="presentation_link", verbose_name=_("concern")
    )

    history = history()

    class Meta:
        verbose_name = _("concern raised at a presentation")
        verbose_name_plural = _("concerns raised at presentations")

    def __str__(self):
        return f"{self.presentation} · {self.concern}"


class PresentationAttachment(models.Model):
    """A sign-in sheet photo or the slides: PDF, JPEG or PNG, served only to staff who may see the report."""

    presentation = models.ForeignKey(Presentation, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    history = history()

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("programs:attachment_download", args=[self.presentation_id, self.pk])


class PresentationRequestQuerySet(IntakeQueueQuerySet):
    pickup_perm = "programs.handle_presentationrequest"

    def pending(self):
        return self.filter(status=PresentationRequest.Status.PENDING)


class PresentationRequest(models.Model):
    """A citizen's or organization's request for a presentation, from the public page."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    # A request is answered once: accepted (a presentation is scheduled) or declined. An accepted
    # request follows its presentation: cancelling the presentation cancels the request.
    TRANSITIONS = {
        Status.PENDING: (Status.ACCEPTED, Status.DECLINED),
        Status.ACCEPTED: (Status.CANCELLED,),
        Status.DECLINED: (),
        Status.CANCELLED: (),
    }
    HANDLE_PERMISSION = "programs.handle_presentationrequest"
    # A request waits in the intake queue in this status until it is placed in an area command.
    INTAKE_STATUS = Status.PENDING

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    requester_name = models.CharField(_("your name"), max_length=150)
    organization_name = models.CharField(_("organization or group"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    program = models.ForeignKey(
        Program,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("program"),
    )
    topic = models.CharField(_("other topic"), max_length=200, blank=True)
    preferred_date = models.DateField(_("preferred date"))
    alternative_dates = models.CharField(_("other dates or times that work"), max_length=200, blank=True)
    audience_size = models.PositiveIntegerField(
        _("expected audience"), validators=[MinValueValidator(1), MaxValueValidator(MAX_AUDIENCE)]
    )
    address = models.CharField(_("address of the event"), max_length=250)
    message = models.TextField(_("anything else we should know"), blank=True, max_length=PUBLIC_TEXT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=5, default="en")
    area_command = models.ForeignKey(
        "outreach.AreaCommand",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentation_requests",
        verbose_name=_("area command"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    presentation = models.OneToOneField(
        Presentation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="request",
        verbose_name=_("scheduled presentation"),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=TEXT_MAX_LENGTH)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = PresentationRequestQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("presentation request")
        verbose_name_plural = _("presentation requests")
        permissions = [("handle_presentationrequest", _("Can accept or decline presentation requests"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(program__isnull=False) | ~Q(topic=""),
                name="programs_presentationrequest_program_or_topic",
            ),
            models.CheckConstraint(
                condition=Q(audience_size__gt=0), name="programs_presentationrequest_audience_positive"
            ),
        ]
        indexes = [
            # Staff queue: pending requests, oldest first.
            models.Index(fields=["status", "created_at"], name="programs_request_status"),
        ]

    def __str__(self):
        return f"{self.reference} · {self.subject}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference("PR")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programs:request_detail", args=[self.pk])

    def get_public_url(self):
        """The citizen's own page for the request, by its unguessable code."""
        return reverse("programs:request_done", args=[self.code])

    @property
    def subject(self):
        return self.program.name if self.program_id else self.topic

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_answered(self):
        return self.status != self.Status.PENDING

    def can_be_handled_by(self, user):
        return self.can_become(self.Status.ACCEPTED) and user.has_perm(self.HANDLE_PERMISSION)

    def clean(self):
        super().clean()
        if not self.program_id and not self.topic.strip():
            raise ValidationError({"topic": _("Choose a program or describe the topic you would like.")})
