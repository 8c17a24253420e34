"""Outside referrals and the confirmation that each was followed up (PACT SOP 4-7-6.B)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH, within_five_years
from ..scope import AreaScopedQuerySet
from .department import AreaCommand
from .people import User


class ReferralQuerySet(AreaScopedQuerySet):
    def open(self):
        return self.filter(follow_up_confirmed_on__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(follow_up_due__lt=today or clock.today())

    def due_within(self, days, today=None):
        """Open referrals whose follow-up falls due in the next ``days`` days, or already did."""
        return self.open().filter(follow_up_due__lte=clock.due_on(today or clock.today(), days))


class Referral(models.Model):
    """An outside referral the officer must see followed up (PACT SOP 4-7-6.B)."""

    class Kind(models.TextChoices):
        CHILD_ABUSE = "child_abuse", _("Child abuse")
        ELDER_ABUSE = "elder_abuse", _("Elderly abuse")
        DRUG_HOUSE = "drug_house", _("Drug house")
        CODE_VIOLATION = "code_violation", _("Code violation")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        OTHER = "other", _("Other")

    # The officer checks that the agency received the referral and acted this many days after it.
    FOLLOW_UP_DAYS = 14

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    agency = models.CharField(_("agency or unit referred to"), max_length=200)
    summary = models.TextField(
        _("what was referred"),
        help_text=_("Facts the agency needs. Never record anyone's immigration status."),
        max_length=TEXT_MAX_LENGTH,
    )
    location = models.CharField(_("location"), max_length=250, blank=True)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("area command")
    )
    officer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("officer"))
    referred_on = models.DateField(_("referred on"), default=clock.today, validators=[within_five_years])
    follow_up_due = models.DateField(_("follow-up due"), validators=[within_five_years])
    follow_up_confirmed_on = models.DateField(
        _("follow-up confirmed on"), null=True, blank=True, validators=[within_five_years]
    )
    confirmed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("confirmed by")
    )
    outcome = models.TextField(_("outcome"), blank=True, max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ReferralQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["follow_up_confirmed_on", "follow_up_due"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        permissions = [("oversee_referral", _("Can follow every referral of the area command, not only one's own"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_due__gte=models.F("referred_on")),
                name="outreach_referral_due_after_referral",
                violation_error_message=_("The follow-up cannot be due before the referral was made."),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_confirmed_on__isnull=True) | Q(confirmed_by__isnull=False),
                name="outreach_referral_confirmation_has_confirmer",
            ),
        ]
        indexes = [
            # Dashboards: an area's open referrals by due date.
            models.Index(
                fields=["area_command", "follow_up_confirmed_on", "follow_up_due"], name="outreach_referral_open_due"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.agency}"

    def get_absolute_url(self):
        return reverse("outreach:referral_detail", args=[self.pk])

    @classmethod
    def follow_up_due_for(cls, referred_on):
        return clock.due_on(referred_on, cls.FOLLOW_UP_DAYS)

    @property
    def is_confirmed(self):
        """A confirmed referral is kept as it was: it can no longer be edited."""
        return self.follow_up_confirmed_on is not None

    def is_overdue(self, today=None):
        return not self.is_confirmed and self.follow_up_due < (today or clock.today())
