"""PACT action plans in the SARA format: Scanning, Analysis, Response, Assessment (SOP 4-7-5 E.3–4, 4-7-6 C).

A plan answers a concern, a partnership or a POP project, is due ten calendar days
after its subject began, is approved by a supervisor of the area who did not write
it, and is carried out, logged with its enforcement, watched, and closed with the
measure of success taken again. Its state moves only through
``outreach.services.plans``; each step is an ``PlanEvent``.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import clock
from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH, within_five_years
from ..scope import AreaScopedQuerySet
from .concerns import Concern
from .department import AreaCommand, Sector
from .partnerships import Partnership
from .people import User
from .projects import Project

# SOP 4-7-5 E.3: "within ten calendar days after receiving the community concern, project, or partnership".
PLAN_DAYS = Concern.PLAN_DAYS


class ActionPlanQuerySet(AreaScopedQuerySet):
    OVERSEE_PERMISSION = "outreach.oversee_actionplan"

    def for_user(self, user):
        """The area's plans for its supervisors (every plan for the chief's office); an officer's own otherwise:
        those they carry out, and those with a planned action they own."""
        scoped = super().for_user(user)
        if user.is_authenticated and not user.has_perm(self.OVERSEE_PERMISSION):
            owned = PlannedAction.objects.filter(owner=user).values("plan")
            return scoped.filter(Q(officer=user) | Q(pk__in=owned))
        return scoped

    def open(self):
        return self.exclude(status=ActionPlan.Status.CLOSED)

    def not_submitted(self):
        """Never submitted yet: the ten days still run (a returned plan was submitted, on time or not)."""
        return self.filter(first_submitted_at__isnull=True)

    def overdue(self, today=None):
        return self.not_submitted().filter(due_on__lt=today or clock.today())

    def due_within(self, days, today=None):
        today = today or clock.today()
        return self.not_submitted().filter(due_on__gte=today, due_on__lte=clock.due_on(today, days))

    def awaiting_review(self):
        return self.filter(status=ActionPlan.Status.SUBMITTED)

    def returned(self):
        return self.filter(status=ActionPlan.Status.RETURNED)


class ActionPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        RETURNED = "returned", _("Returned with comments")
        IN_PROGRESS = "in_progress", _("Approved: in progress")
        RESOLVED = "resolved", _("Resolved")
        MONITORING = "monitoring", _("Monitoring")
        CLOSED = "closed", pgettext_lazy("action plan", "Closed")

    TRANSITIONS = {
        Status.DRAFT: (Status.SUBMITTED,),
        Status.SUBMITTED: (Status.IN_PROGRESS, Status.RETURNED),
        Status.RETURNED: (Status.SUBMITTED,),
        Status.IN_PROGRESS: (Status.RESOLVED,),
        Status.RESOLVED: (Status.MONITORING, Status.IN_PROGRESS),
        # A problem that comes back during monitoring is worked again.
        Status.MONITORING: (Status.CLOSED, Status.IN_PROGRESS),
        Status.CLOSED: (),
    }
    EDITABLE = (Status.DRAFT, Status.RETURNED)
    UNDER_WAY = (Status.IN_PROGRESS, Status.RESOLVED, Status.MONITORING)
    REVIEW_PERMISSION = "outreach.review_actionplan"

    # What the plan answers: exactly one of the three.
    concern = models.OneToOneField(
        Concern, on_delete=models.PROTECT, null=True, blank=True, related_name="plan", verbose_name=_("concern")
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("partnership"),
    )
    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, null=True, blank=True, related_name="plans", verbose_name=_("POP project")
    )
    title = models.CharField(_("title"), max_length=150)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="plans", verbose_name=_("area command")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, related_name="plans", verbose_name=_("sector")
    )
    officer = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("case officer"),
        help_text=_("The PACT officer who carries the plan out: its primary case agent."),
    )
    starts_on = models.DateField(
        _("received on"),
        help_text=_("When the concern was received, or the partnership or project began."),
        validators=[within_five_years],
    )
    due_on = models.DateField(_("plan due"))

    # Scanning: the problem as seen, and the measure of success chosen now, with its baseline.
    problem = models.TextField(_("the problem as seen"), max_length=TEXT_MAX_LENGTH)
    measure = models.CharField(
        _("measure of success"),
        max_length=200,
        help_text=_("What will be counted to tell whether the problem shrank, e.g. calls for service at the address."),
    )
    baseline_value = models.PositiveIntegerField(_("baseline"), null=True, blank=True)
    baseline_period = models.CharField(_("baseline period"), max_length=100, blank=True)
    # Analysis
    causes = models.TextField(_("causes"), blank=True, max_length=TEXT_MAX_LENGTH)
    victims = models.TextField(_("victims and who is affected"), blank=True, max_length=TEXT_MAX_LENGTH)
    places = models.TextField(_("locations"), blank=True, max_length=TEXT_MAX_LENGTH)
    times = models.TextField(_("days and times"), blank=True, max_length=TEXT_MAX_LENGTH)
    # Assessment: the same measure after, and what the plan achieved.
    after_value = models.PositiveIntegerField(_("measure after"), null=True, blank=True)
    after_period = models.CharField(_("period after"), max_length=100, blank=True)
    assessment = models.TextField(_("assessment"), blank=True, max_length=TEXT_MAX_LENGTH)
    recheck_on = models.DateField(_("re-check on"), null=True, blank=True, validators=[within_five_years])

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("supervisor's comment"), blank=True, max_length=TEXT_MAX_LENGTH)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("written by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActionPlanQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        permissions = [
            ("review_actionplan", _("Can approve or return the action plans of one's area command")),
            ("oversee_actionplan", _("Can follow every action plan of the area command, not only one's own")),
            ("hear_of_overdue_actionplan", _("Is e-mailed when an action plan of one's area is overdue")),
            ("hear_of_late_actionplan", _("Is e-mailed when an action plan of one's area is five days overdue")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(concern__isnull=False, partnership__isnull=True, project__isnull=True)
                    | Q(concern__isnull=True, partnership__isnull=False, project__isnull=True)
                    | Q(concern__isnull=True, partnership__isnull=True, project__isnull=False)
                ),
                name="outreach_actionplan_one_subject",
            ),
        ]
        indexes = [
            # Reminders and dashboards: plans not yet submitted, by due date.
            models.Index(fields=["status", "due_on"], name="outreach_plan_status_due"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outreach:plan_detail", args=[self.pk])

    @staticmethod
    def due_for(starts_on):
        """The one place a plan's due date is computed: ten calendar days, in the department's calendar."""
        return clock.due_on(starts_on, PLAN_DAYS)

    @property
    def subject(self):
        return self.concern or self.partnership or self.project

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def is_editable(self):
        return self.status in self.EDITABLE

    def is_under_way(self):
        return self.status in self.UNDER_WAY

    def is_overdue(self, today=None):
        return self.first_submitted_at is None and self.due_on < (today or clock.today())

    def was_submitted_on_time(self):
        if self.first_submitted_at is None:
            return None
        return clock.date_of(self.first_submitted_at) <= self.due_on

    def involves(self, user):
        """Wrote it, carries it out, or owns one of its planned actions: then someone else reviews it."""
        return user.pk in (self.officer_id, self.created_by_id) or self.actions.filter(owner=user).exists()

    def can_be_reviewed_by(self, user):
        """A supervisor of the plan's area who neither wrote it nor carries it out."""
        return (
            self.status == self.Status.SUBMITTED
            and user.has_perm(self.REVIEW_PERMISSION)
            and not self.involves(user)
            and (user.sees_all_areas or user.area_command_id == self.area_command_id)
        )

    def can_be_worked_by(self, user):
        """The case officer, or a supervisor of the area: who edits, submits, logs and closes."""
        return self.officer_id == user.pk or (
            user.has_perm(self.REVIEW_PERMISSION) and user.area_command_id == self.area_command_id
        )

    def is_complete_for_closing(self):
        return bool(self.assessment.strip()) and self.after_value is not None

    def enforcement_totals(self):
        return self.entries.aggregate(
            arrests=models.Sum("arrests"),
            citations=models.Sum("citations"),
            warnings=models.Sum("warnings"),
            code_notices=models.Sum("code_notices"),
            referrals=models.Sum("referrals"),
        )


class PlannedAction(models.Model):
    """Response: one planned action, with its owner and target date; done or not is recorded apart."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("planned action"), max_length=300)
    owner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    target_on = models.DateField(_("target date"), validators=[within_five_years])
    done_on = models.DateField(_("done on"), null=True, blank=True, validators=[within_five_years])

    history = history()

    class Meta:
        ordering = ["target_on", "pk"]
        verbose_name = _("planned action")
        verbose_name_plural = _("planned actions")

    def __str__(self):
        return self.description


class ImplementationEntry(models.Model):
    """A dated entry of the implementation log: what was done, the enforcement it took, and what came of it."""

    # More than this many arrests or citations in one entry is a typing mistake.
    MAX_COUNT = 999

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="entries")
    done_on = models.DateField(_("date"), default=clock.today, validators=[within_five_years])
    by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    actions_taken = models.TextField(_("actions taken"), max_length=TEXT_MAX_LENGTH)
    arrests = models.PositiveSmallIntegerField(_("arrests"), default=0, validators=[MaxValueValidator(MAX_COUNT)])
    citations = models.PositiveSmallIntegerField(_("citations"), default=0, validators=[MaxValueValidator(MAX_COUNT)])
    warnings = models.PositiveSmallIntegerField(_("warnings"), default=0, validators=[MaxValueValidator(MAX_COUNT)])
    code_notices = models.PositiveSmallIntegerField(
        _("code-violation notices"), default=0, validators=[MaxValueValidator(MAX_COUNT)]
    )
    referrals = models.PositiveSmallIntegerField(_("referrals"), default=0, validators=[MaxValueValidator(MAX_COUNT)])
    results = models.TextField(_("results"), blank=True, max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = history()

    class Meta:
        ordering = ["-done_on", "-pk"]
        verbose_name = _("implementation entry")
        verbose_name_plural = _("implementation entries")

    def __str__(self):
        return f"{self.done_on} · {self.actions_taken[:50]}"


class PlanEvent(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", _("Plan started")
        SUBMITTED = "submitted", _("Submitted")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        RESOLVED = "resolved", _("Resolved")
        MONITORING = "monitoring", _("Monitoring began")
        REOPENED = "reopened", _("Worked again")
        CLOSED = "closed", _("Closed")
        REMINDED = "reminded", _("Reminder sent")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action)
    by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("action plan event")
        verbose_name_plural = _("action plan events")

    def __str__(self):
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d}"


class PlanReminder(models.Model):
    """A reminder sent about a plan that is due: once per step, so a second run the same day sends nothing.

    The ten days of a concern run before its plan exists, so a concern's reminders are the concern's
    (``concern`` set, and ``plan`` too once it is started); a partnership's or project's are the plan's.
    """

    class Step(models.TextChoices):
        DUE_IN_3 = "due_in_3", _("Due in 3 days")
        DUE_IN_1 = "due_in_1", _("Due tomorrow")
        OVERDUE = "overdue", _("Overdue")
        OVERDUE_5 = "overdue_5", _("5 days overdue: the lieutenant")

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders")
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders")
    step = models.CharField(_("step"), max_length=20, choices=Step)
    sent_on = models.DateField(_("sent on"))
    recipients = models.TextField(_("sent to"))

    class Meta:
        ordering = ["sent_on", "pk"]
        verbose_name = _("plan reminder")
        verbose_name_plural = _("plan reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["concern", "step"],
                condition=Q(concern__isnull=False),
                name="outreach_planreminder_once_per_concern_step",
            ),
            models.UniqueConstraint(
                fields=["plan", "step"],
                condition=Q(concern__isnull=True),
                name="outreach_planreminder_once_per_plan_step",
            ),
            models.CheckConstraint(
                condition=Q(concern__isnull=False) | Q(plan__isnull=False), name="outreach_planreminder_has_subject"
            ),
        ]

    def __str__(self):
        return f"{self.concern or self.plan} · {self.get_step_display()}"
