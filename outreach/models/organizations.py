"""The directory of community organizations, and outreach to them on the immigration-status policy."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..lib.history import history
from ..lib.validators import TEXT_MAX_LENGTH, check_same_area, within_five_years
from ..scope import AreaScopedQuerySet
from .department import AreaCommand, Sector
from .people import User


class OrganizationQuerySet(AreaScopedQuerySet):
    def not_reached_on_immigration_policy(self, year):
        """Family-violence centers and sexual-assault programs with no outreach recorded in ``year``."""
        return self.filter(kind__in=ImmigrationOutreach.ELIGIBLE_KINDS).exclude(
            immigration_outreach__reached_on__year=year
        )

    def search(self, text):
        return self.filter(
            Q(name__icontains=text)
            | Q(contact_name__icontains=text)
            | Q(address__icontains=text)
            | Q(email__icontains=text)
        )


class Organization(models.Model):
    """A community group the department works with: the directory behind partnerships and reports."""

    class Kind(models.TextChoices):
        BUSINESS = "business", _("Business")
        CIVIC = "civic", _("Civic association")
        NEIGHBORHOOD = "neighborhood", _("Neighborhood association")
        SCHOOL = "school", _("School")
        FAITH = "faith", _("Faith group")
        CULTURAL = "cultural", _("Minority / cultural association")
        NONPROFIT = "nonprofit", _("Nonprofit")
        FAMILY_VIOLENCE = "family_violence", _("Family-violence center")
        SEXUAL_ASSAULT = "sexual_assault", _("Sexual-assault program")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    area_command = models.ForeignKey(
        AreaCommand, on_delete=models.PROTECT, related_name="organizations", verbose_name=_("area command")
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("sector"),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()
    history = history()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [
            # Organization list: filtered by area command and kind, ordered by name.
            models.Index(fields=["area_command", "kind", "name"], name="outreach_org_area_kind_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outreach:organization_detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_same_area(self.area_command_id, sector=self.sector if self.sector_id else None)


class ImmigrationOutreach(models.Model):
    """Outreach on the department's immigration-status policy to a family-violence center or
    sexual-assault program (Policy 4.9 §IV)."""

    ELIGIBLE_KINDS = (Organization.Kind.FAMILY_VIOLENCE, Organization.Kind.SEXUAL_ASSAULT)

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="immigration_outreach", verbose_name=_("organization")
    )
    reached_on = models.DateField(_("reached on"), default=clock.today, validators=[within_five_years])
    officer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("officer"))
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    history = history()

    class Meta:
        ordering = ["-reached_on"]
        verbose_name = _("immigration-policy outreach")
        verbose_name_plural = _("immigration-policy outreach")
        permissions = [
            ("monitor_immigrationoutreach", _("Can see which organizations were not reached on the policy this year"))
        ]

    def __str__(self):
        return f"{self.organization} · {self.reached_on}"

    def clean(self):
        super().clean()
        if self.organization_id and self.organization.kind not in self.ELIGIBLE_KINDS:
            raise ValidationError(
                _("This outreach is recorded for family-violence centers and sexual-assault programs.")
            )
